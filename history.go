package conflict

import (
	"slices"
	"sort"
	"time"
)

// Timeline returns every change touching node id — each tie to or from it
// opening or closing — in time order: by the earliest day each change may
// have taken effect, then the latest; on one day closings first, then by
// relation kind and IDs. Open starts and ends are not changes. It costs in
// proportion to the ties id has ever had. Certainty is Definite.
func (c *Conflict) Timeline(id string) []Change {
	ix := c.index()
	n, ok := ix.rec.nodeID[id]
	if !ok {
		return nil
	}
	ps := ix.adj[ix.adjOff[n]:ix.adjOff[n+1]]
	if ix.rec.nodes[n].typ == NodeLocation {
		ps = ix.terr[ix.terrOff[n]:ix.terrOff[n+1]]
	}
	var ch []change
	for _, p := range ps {
		r := &ix.per[p]
		if !r.start.IsZero() {
			ch = append(ch, ix.openingOf(p))
		}
		if !r.end.IsZero() {
			ch = append(ch, ix.closingOf(p))
		}
	}
	if len(ch) == 0 {
		return nil
	}
	slices.SortFunc(ch, ix.compareChanges)
	out := make([]Change, len(ch))
	for i, x := range ch {
		out[i] = Change{Tie: ix.tie(x.p, Absent), Closed: x.closed, Certainty: Definite}
	}
	return out
}

// History returns the successive holders of loc: its controls ties in order
// of start (open starts first). Overlapping ties mean sources that disagree,
// or a place held by several parties while contested. It costs in proportion
// to the ties on loc.
func (c *Conflict) History(loc string) []Tie {
	ix := c.index()
	n, ok := ix.rec.nodeID[loc]
	if !ok || ix.rec.nodes[n].typ != NodeLocation {
		return nil
	}
	var out []Tie
	for _, p := range ix.terr[ix.terrOff[n]:ix.terrOff[n+1]] {
		if ix.per[p].kind == RelationControls {
			out = append(out, ix.tie(p, Absent))
		}
	}
	return out
}

// Changes returns what opened and closed from the UTC day of from up to, not
// including, the UTC day of to, in time order as [Conflict.Timeline] sorts.
// A change dated only to a month or year is included if it may fall in the
// range, with Certainty Possible unless its whole window lies inside. It
// costs in proportion to the changes in and near the range.
func (c *Conflict) Changes(from, to time.Time) []Change {
	ix := c.index()
	q1, q2 := dayOf(from), dayOf(to)
	if q1 >= q2 {
		return nil
	}
	// The changes in range from each list, each run in time order, merged.
	var runs [len(ix.changes)][]change
	total := 0
	for l := range ix.changes {
		list := &ix.changes[l]
		// No change in list whose window starts before q1-width can
		// reach q1.
		lo := int32(max(int64(q1)-int64(list.width), minDay))
		i := sort.Search(len(list.ps), func(i int) bool { return ix.at(list, i).first >= lo })
		for ; i < len(list.ps); i++ {
			x := ix.at(list, i)
			if x.first >= q2 {
				break
			}
			if within(x.first, x.last, q1, q2) != Absent {
				runs[l] = append(runs[l], x)
			}
		}
		total += len(runs[l])
	}
	if total == 0 {
		return nil
	}
	out := make([]Change, total)
	for k := range out {
		next := -1
		for l := range runs {
			if len(runs[l]) > 0 && (next < 0 || ix.compareChanges(runs[l][0], runs[next][0]) < 0) {
				next = l
			}
		}
		x := runs[next][0]
		runs[next] = runs[next][1:]
		out[k] = Change{Tie: ix.tie(x.p, Absent), Closed: x.closed, Certainty: within(x.first, x.last, q1, q2)}
	}
	return out
}

// within returns whether a change that took effect on one of the days
// [first, last] falls in the days [q1, q2).
func within(first, last, q1, q2 int32) Certainty {
	switch {
	case q1 <= first && last < q2:
		return Definite
	case first < q2 && q1 <= last:
		return Possible
	}
	return Absent
}
