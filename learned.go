package conflict

import (
	"cmp"
	"slices"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// A Learning is a claim the record learned between two knowledge dates,
// with the tie it bears on as the record stood before and after.
type Learning struct {
	Known  Date     // the day the claim became known: when the first of its sources did
	Claim  Relation // the claim as the record held it at the later date; a stated relation whose end was learnt apart from its start (only its end, or its end on another day) has a zero Start, and its start a zero End
	Before Tie      // the tie the claim bears on as the record stood at the earlier date; the zero Tie if it knew none
	After  Tie      // that tie as the record stood at the later date
}

// Learned returns the claims that became known after the day of k1 and by
// the day of k2 (days in the conflict's time zone, knowledge as
// [Conflict.AsOf] defines it), sorted by the day each became known, then
// as [Tie.Compare] sorts their ties. A claim is a stated relation (its
// start and end each becoming known with the sources that give them), or
// a relation an event opens or closes. Before is the tie of the same
// relation, as known at k1, whose span meets After's; a claim that dates
// a tie already known shows the tie before and after it refined or
// disputed its bound. It costs two views (see [Conflict.AsOf]) and a pass
// over the claims known at k2.
func (c *Conflict) Learned(k1, k2 time.Time) []Learning {
	s := c.snapshot()
	d1, d2 := days.In(k1, s.rec.zone), days.In(k2, s.rec.zone)
	if d1 >= d2 {
		return nil
	}
	before, after := s.view(viewKey{day: d1}), s.view(viewKey{day: d2})
	if before == after {
		return nil // no source became known in between
	}
	setDay := after.cut.setDay
	learnt := func(set int32) (days.Day, bool) {
		d := setDay[set]
		return d, d1 < d && d <= d2
	}
	var out []Learning
	for p := range int32(after.ix.Len()) {
		var tie Tie
		get := func() Tie {
			if tie.s == nil {
				tie = after.tie(p, Absent)
			}
			return tie
		}
		cs := after.claimsOf(p)
		for k, cl := range cs {
			if cl < 0 {
				d := &after.derived[^cl]
				if day, ok := learnt(after.rec.evSrcs[d.ev]); ok {
					out = append(out, Learning{Known: dayDate(day), Claim: after.derivedRelation(p, ^cl), After: get()})
				}
				continue
			}
			rel := cl >> 1
			if slices.ContainsFunc(cs[:k], func(x int32) bool { return x >= 0 && x>>1 == rel }) {
				continue // the relation's other bound, already seen
			}
			startDay, startNew := after.boundLearnt(rel, false, learnt)
			endDay, endNew := after.boundLearnt(rel, true, learnt)
			if !startNew && !endNew {
				continue
			}
			r := after.relation(rel)
			switch {
			case startNew && endNew && startDay == endDay:
				out = append(out, Learning{Known: dayDate(startDay), Claim: r, After: get()})
				continue
			case endNew:
				e := r
				e.Start, e.StartSources = Date{}, nil
				out = append(out, Learning{Known: dayDate(endDay), Claim: e, After: get()})
			}
			if startNew {
				r.End, r.EndSources = Date{}, nil
				out = append(out, Learning{Known: dayDate(startDay), Claim: r, After: get()})
			}
		}
	}
	for i := range out {
		out[i].Before = before.overlapping(out[i].After)
	}
	slices.SortStableFunc(out, func(a, b Learning) int {
		return cmp.Or(a.Known.Compare(b.Known), a.After.Compare(b.After))
	})
	return out
}

// boundLearnt returns the day the start (or end) claim of stated relation
// i became known, and whether learnt says it was learnt. A start the
// snapshot knows no date for is the claim that the relation holds, known
// with the relation. A relation with no end makes no end claim.
func (s *snapshot) boundLearnt(i int32, end bool, learnt func(int32) (days.Day, bool)) (days.Day, bool) {
	d, set := s.bound(i, end)
	if d.IsZero() {
		if end {
			return days.OpenEnd, false
		}
		set = s.rec.rels[i].srcs
	}
	return learnt(set)
}

// overlapping returns the tie of the snapshot of the same relation as t
// whose span meets t's, or the zero Tie.
func (s *snapshot) overlapping(t Tie) Tie {
	from, ok1 := s.rec.nodeID[t.From]
	to, ok2 := s.rec.nodeID[t.To]
	if !ok1 || !ok2 || t.s == nil {
		return Tie{}
	}
	w := t.s.ix.Period(t.p).Window()
	for p := range s.ix.Periods(to) {
		r := s.ix.Period(p)
		if RelationKind(r.Kind) != t.Kind || !(r.From == from && r.To == to || r.From == to && r.To == from) {
			continue
		}
		if x := r.Window(); meets(x, w) {
			return s.tie(p, Absent)
		}
	}
	return Tie{}
}

// meets reports whether two periods' windows share a day, or both hold
// only at one instant.
func meets(a, b timeindex.Window) bool { return a.Lo < b.Hi && b.Lo < a.Hi }
