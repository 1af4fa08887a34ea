package conflict

import (
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// Timeline returns every change touching node id — each tie to or from it
// opening or closing — in time order: by the earliest day each change may
// have taken effect, then the latest; on one day closings first, then by
// relation kind and IDs. Open starts and ends are not changes. It costs in
// proportion to the ties id has ever had. Certainty is Definite.
func (c *Conflict) Timeline(id string) []Change { return c.snapshot().timeline(id) }

func (s *snapshot) timeline(id string) []Change {
	n, ok := s.rec.nodeID[id]
	if !ok {
		return nil
	}
	return s.changes(s.ix.Timeline(n))
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
	for _, p := range s.ix.Periods(n) {
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
func (c *Conflict) Changes(from, to time.Time) []Change { return c.snapshot().changesIn(from, to) }

func (s *snapshot) changesIn(from, to time.Time) []Change {
	return s.changes(s.ix.Changes(days.In(from, s.rec.zone), days.In(to, s.rec.zone)))
}
