package conflict

import (
	"runtime"
	"slices"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// Timeline returns every change touching node id — each tie to or from it
// opening or closing — in time order: by the earliest day each change may
// have taken effect, then the latest; on one day closings first, then by
// relation kind and IDs. Open starts and ends are not changes. It costs in
// proportion to the ties id has ever had. Certainty is Definite.
func (c *Conflict) Timeline(id string) []Change { return c.snapshot().appendTimeline(nil, id) }

// AppendTimeline appends the changes [Conflict.Timeline] returns to dst and
// returns the extended slice. The index keeps each node's changes in order,
// so it costs a binary search and the making of each change from the index
// (tens of nanoseconds each on a record of a million relations, a few times
// a plain copy; see BENCHMARKS.md); with a dst reused from one call to the
// next it allocates nothing once dst is large enough.
func (c *Conflict) AppendTimeline(dst []Change, id string) []Change {
	return c.snapshot().appendTimeline(dst, id)
}

func (s *snapshot) appendTimeline(dst []Change, id string) []Change {
	n, ok := s.rec.nodeID[id]
	if !ok {
		return dst
	}
	es := s.ix.Timeline(n)
	dst = slices.Grow(dst, len(es))
	for len(es) > 0 {
		chunk := es[:min(len(es), warmChunk)]
		es = es[len(chunk):]
		var w int32
		for _, e := range chunk {
			w += s.warm(e.Period())
		}
		runtime.KeepAlive(w)
		for _, e := range chunk {
			k := len(dst)
			dst = dst[:k+1]
			ch := &dst[k]
			p := e.Period()
			s.fillTie(&ch.Tie, p, s.ix.Period(p), Absent)
			ch.Closed, ch.Certainty = e.Closed(), Definite
		}
	}
	return dst
}

// History returns the successive holders of loc: its controls ties in order
// of start (open starts first). Overlapping ties mean sources that disagree,
// or a place held by several parties while contested. It costs in proportion
// to the ties on loc.
func (c *Conflict) History(loc string) []Tie { return c.snapshot().history(loc) }

func (s *snapshot) history(loc string) []Tie {
	n, ok := s.rec.nodeID[loc]
	if !ok || s.rec.nodes[n].typ != NodeLocation {
		return nil
	}
	var out []Tie
	for p := range s.ix.Periods(n) {
		if RelationKind(s.ix.Period(p).Kind) == RelationControls {
			out = append(out, s.tie(p, Absent))
		}
	}
	return out
}

// Changes returns what opened and closed from the day of from up to, not
// including, the day of to (days in the conflict's time zone), in time order as [Conflict.Timeline] sorts.
// A change dated only to a month or year is included if it may fall in the
// range, with Certainty Possible unless its whole window lies inside. It
// costs in proportion to the changes in and near the range.
func (c *Conflict) Changes(from, to time.Time) []Change {
	return c.snapshot().appendChanges(nil, from, to)
}

// AppendChanges appends the changes [Conflict.Changes] returns to dst and
// returns the extended slice. It writes each change in place, with no
// allocation of its own; with a dst reused from one call to the next it
// allocates nothing once dst is large enough.
func (c *Conflict) AppendChanges(dst []Change, from, to time.Time) []Change {
	return c.snapshot().appendChanges(dst, from, to)
}

func (s *snapshot) appendChanges(dst []Change, from, to time.Time) []Change {
	return s.appendChangesIn(dst, days.In(from, s.rec.zone), days.In(to, s.rec.zone))
}
