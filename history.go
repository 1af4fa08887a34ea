package conflict

import (
	"cmp"
	"slices"
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
	if ix.rec.nodes[n].typ == LocationNode {
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
	if !ok || ix.rec.nodes[n].typ != LocationNode {
		return nil
	}
	var out []Tie
	for _, p := range ix.terr[ix.terrOff[n]:ix.terrOff[n+1]] {
		if ix.per[p].kind == Controls {
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
	// No change whose window starts before q1-maxWidth can reach q1.
	lo := int32(max(int64(q1)-int64(ix.maxWidth), minDay))
	var opens, closes []change
	for _, list := range []struct {
		ps  []int32
		at  func(int32) change
		out *[]change
	}{{ix.starts, ix.openingOf, &opens}, {ix.ends, ix.closingOf, &closes}} {
		i, _ := slices.BinarySearchFunc(list.ps, lo, func(p, q int32) int { return cmp.Compare(list.at(p).first, q) })
		for ; i < len(list.ps); i++ {
			x := list.at(list.ps[i])
			if x.first >= q2 {
				break
			}
			*list.out = append(*list.out, x)
		}
	}
	var out []Change
	for _, x := range mergeChanges(ix, opens, closes) {
		if cert := within(x.first, x.last, q1, q2); cert != Absent {
			out = append(out, Change{Tie: ix.tie(x.p, Absent), Closed: x.closed, Certainty: cert})
		}
	}
	return out
}

// mergeChanges merges two lists sorted with compareChanges.
func mergeChanges(ix *index, a, b []change) []change {
	out := make([]change, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if ix.compareChanges(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
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
