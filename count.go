package conflict

import (
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// A Count is how many answers a question has, by how sure each is: the
// length of the list the question would return, without making the list.
// The zero Count is no answers.
type Count struct {
	Definite int // answers that surely hold
	Possible int // answers that possibly hold, but not surely
}

// Total returns how many answers there are, sure or not: Definite +
// Possible.
func (c Count) Total() int { return c.Definite + c.Possible }

// Count returns how many ties of the given kinds hold at the moment: as
// many as [Moment.Ties] yields of those kinds, Definite and Possible by
// their Certainty. With no kinds it counts ties of every kind; a kind that
// is not one of the RelationKinds counts nothing.
//
// It looks at no tie. The index keeps, for each kind, the days on which
// its ties begin and end to hold, possibly and surely, so a count is four
// binary searches per kind over those days, whatever the size of the
// record or of the answer.
func (m Moment) Count(kinds ...RelationKind) Count {
	possible, definite := m.snapshot().ix.Count(kindSet(kinds), m.q)
	return Count{Definite: definite, Possible: possible - definite}
}

// CountChanges returns how many ties of the given kinds opened or closed
// from the day of from up to, not including, the day of to: as many as
// [Conflict.Changes] returns of those kinds, Definite and Possible by their
// Certainty. With no kinds it counts changes of every kind.
//
// It looks at no change: it costs four binary searches per kind, two more
// for each width of imprecise date (a month of 30 days, a year, ...) wider
// than the range that many changes of the kind are dated to, and a look at
// each change dated to a rarer such width (a disputed bound, an interval)
// that begins before the range and might reach past it.
func (c *Conflict) CountChanges(from, to time.Time, kinds ...RelationKind) Count {
	return c.snapshot().countChanges(from, to, kinds)
}

// CountChanges returns how many changes the view knows in the range, as
// [Conflict.CountChanges] does.
func (v View) CountChanges(from, to time.Time, kinds ...RelationKind) Count {
	return v.snapshot().countChanges(from, to, kinds)
}

func (s *snapshot) countChanges(from, to time.Time, kinds []RelationKind) Count {
	q1, q2 := days.In(from, s.rec.zone), days.In(to, s.rec.zone)
	possible, definite := s.ix.CountChanges(kindSet(kinds), q1, q2)
	return Count{Definite: definite, Possible: possible - definite}
}

// kindSet returns the index's set of the given kinds; every kind if none.
func kindSet(kinds []RelationKind) timeindex.Kinds {
	if len(kinds) == 0 {
		return 1<<numRelationKinds - 2 // every kind but the zero one
	}
	var ks timeindex.Kinds
	for _, k := range kinds {
		if k > 0 && k < numRelationKinds {
			ks |= 1 << k
		}
	}
	return ks
}
