package conflict

import (
	"cmp"
	"iter"
	"runtime"
	"slices"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// A Moment is a view of a conflict at one instant, for asking who holds
// what and who stands with whom. It is a small value, cheap to make with
// [Conflict.At] and safe to share between goroutines; it keeps answering for
// the record as it was when made, whatever is added later.
//
// A Moment works at the resolution of UTC days: every instant of a day gets
// the same answers. A tie holds from the day its start takes effect up to,
// not including, the day its end takes effect.
//
// The zero Moment is a moment of an empty record: every method returns the
// empty answer (no ties, no parties, places of unknown control).
type Moment struct {
	s *snapshot // nil in the zero Moment
	t time.Time
	q days.Day
}

// snapshot returns the record the moment reads.
func (m Moment) snapshot() *snapshot {
	if m.s == nil {
		return emptySnapshot()
	}
	return m.s
}

// day returns the day of the moment in the conflict's time zone.
func (m Moment) day() Date {
	if m.s == nil {
		return DateOf(m.t.UTC())
	}
	return dayDate(m.q)
}

// Time returns the instant the moment was asked for.
func (m Moment) Time() time.Time { return m.t }

// Node returns the actor, backer or location with the given ID, as the
// record held it when the moment was made, whether or not it has a tie in
// force at the moment.
func (m Moment) Node(id string) (Node, bool) {
	s := m.snapshot()
	n, ok := s.rec.nodeID[id]
	if !ok {
		return Node{}, false
	}
	return s.rec.node(n), true
}

// Ties yields every tie that holds at the moment, definitely or
// possibly, with its Certainty. It costs in proportion to the ties it
// yields, and a binary search for each group of ties of similar length in
// the index (a few dozen). The order is by class (supports, allied and
// part-of; then fights and ceasefire; then controls, besieges and
// contests) and then fixed by the index: the same for the same record, but
// not sorted; sort with [Tie.Compare] where order matters. To count the
// ties, use [Moment.Count], which does not look at them.
func (m Moment) Ties() iter.Seq[Tie] {
	return func(yield func(Tie) bool) {
		for c := range timeindex.NumClasses {
			if !m.stab(c, yield) {
				return
			}
		}
	}
}

// AppendTies appends the ties that hold at the moment to dst, in the order
// [Moment.Ties] yields them, and returns the extended slice. It writes
// each Tie in place from the index, with no allocation of its own (about
// 30 ns a tie on a record of a million relations); with a dst reused from
// one moment to the next it allocates nothing once dst is large enough.
func (m Moment) AppendTies(dst []Tie) []Tie {
	s, q := m.snapshot(), m.q
	for c := range timeindex.NumClasses {
		s.ix.StabRuns(c, q, func(lo, hi int32, check bool) bool {
			dst = slices.Grow(dst, int(hi-lo))
			for lo < hi {
				end := min(hi, lo+warmChunk)
				var w int32
				for p := lo; p < end; p++ {
					w += s.warm(p)
				}
				runtime.KeepAlive(w)
				for p := lo; p < end; p++ {
					r := s.ix.Period(p)
					w := r.Window()
					if check && w.Hi <= q {
						continue
					}
					n := len(dst)
					dst = dst[:n+1]
					s.fillTie(&dst[n], p, r, certaintyOf(w.At(q)))
				}
				lo = end
			}
			return true
		})
	}
	return dst
}

// stab yields the ties of one class in force at the moment.
func (m Moment) stab(c timeindex.Class, yield func(Tie) bool) bool {
	s, q := m.snapshot(), m.q
	return s.ix.StabRuns(c, q, func(lo, hi int32, check bool) bool {
		for p := lo; p < hi; p++ {
			r := s.ix.Period(p)
			w := r.Window()
			if check && w.Hi <= q {
				continue
			}
			if !yield(s.tieOf(p, r, certaintyOf(w.At(q)))) {
				return false
			}
		}
		return true
	})
}

// A Party is a party in an answer, with how sure the answer is.
type Party struct {
	ID        string
	Certainty Certainty
}

// Allies returns the parties joined to id at the moment by a positive tie
// (supports in either direction, allied, part-of in either direction),
// sorted by ID. Certainty is that of the surest such tie. It costs in
// proportion to the ties id has ever had.
func (m Moment) Allies(id string) []Party {
	return m.neighbours(id, func(k RelationKind) bool { return k.Positive() })
}

// Enemies returns the parties that fight id at the moment, sorted by ID. A
// ceasefire between the two, or an [Agreement] in force that covers both,
// suspends the fighting: an enemy under one that definitely holds is left
// out, and one under one that possibly holds is only a Possible enemy.
// Parties that only oppose id are not enemies (see [Moment.Opponents]). It
// costs in proportion to the ties id has ever had, and the agreements of
// the record.
func (m Moment) Enemies(id string) []Party {
	s := m.snapshot()
	fights := m.neighbours(id, func(k RelationKind) bool { return k == RelationFights })
	truce := m.neighbours(id, func(k RelationKind) bool { return k == RelationCeasefire })
	n := s.rec.nodeID[id]
	out := fights[:0]
	for _, f := range fights {
		c := Absent
		if i, ok := slices.BinarySearchFunc(truce, f.ID, func(p Party, id string) int { return cmp.Compare(p.ID, id) }); ok {
			c = truce[i].Certainty
		}
		switch s.suspension(n, s.rec.nodeID[f.ID], m.q, c) {
		case Definite:
			continue
		case Possible:
			f.Certainty = Possible
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Opponents returns the parties with an opposes tie to id at the moment —
// hostile without fighting: political opposition, sanctions, a stated aim
// to remove — sorted by ID. No ceasefire or agreement suspends opposition.
// It costs in proportion to the ties id has ever had.
func (m Moment) Opponents(id string) []Party {
	return m.neighbours(id, func(k RelationKind) bool { return k == RelationOpposes })
}

// neighbours returns the other ends of id's ties of the kinds keep in force
// at the moment, each once with its surest certainty, sorted by ID.
func (m Moment) neighbours(id string, keep func(RelationKind) bool) []Party {
	s := m.snapshot()
	n, ok := s.rec.nodeID[id]
	if !ok {
		return nil
	}
	var out []Party
	for p := range s.ix.Periods(n) {
		r := s.ix.Period(p)
		if !keep(RelationKind(r.Kind)) || r.From == r.To {
			continue
		}
		c := certaintyOf(s.ix.Certainty(p, m.q))
		if c == Absent {
			continue
		}
		other := r.To
		if other == n {
			other = r.From
		}
		out = append(out, Party{ID: s.ids[other], Certainty: c})
	}
	return surest(out)
}

// surest sorts parties by ID and keeps each once, with its surest certainty.
func surest(ps []Party) []Party {
	slices.SortFunc(ps, func(a, b Party) int {
		if c := cmp.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return cmp.Compare(b.Certainty, a.Certainty)
	})
	return slices.CompactFunc(ps, func(a, b Party) bool { return a.ID == b.ID })
}

// A Supporter is one party's support for another at a moment.
type Supporter struct {
	ID        string
	Support   Support   // the kinds of support the backer gives the next party on the way, at the moment
	Certainty Certainty // the least sure tie on the way
	Via       []string  // the parties the support passes through, nearest the backer first; nil if direct
}

// Supporters returns the parties with a supports tie to id at the moment, sorted
// by backer ID. It costs in proportion to the ties id has ever had.
func (m Moment) Supporters(id string) []Supporter {
	n, ok := m.snapshot().rec.nodeID[id]
	if !ok {
		return nil
	}
	out := m.backersOf(n, nil)
	slices.SortFunc(out, func(a, b Supporter) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// backersOf appends the direct backers of node n.
func (m Moment) backersOf(n int32, out []Supporter) []Supporter {
	s := m.snapshot()
	start := len(out)
	for p := range s.ix.Periods(n) {
		r := s.ix.Period(p)
		if RelationKind(r.Kind) != RelationSupports || r.To != n {
			continue
		}
		c := certaintyOf(s.ix.Certainty(p, m.q))
		if c == Absent {
			continue
		}
		b := s.ids[r.From]
		sup := s.supportAt(p, m.q)
		if i := slices.IndexFunc(out[start:], func(x Supporter) bool { return x.ID == b }); i >= 0 {
			out[start+i].Support |= sup
			out[start+i].Certainty = max(out[start+i].Certainty, c)
			continue
		}
		out = append(out, Supporter{ID: b, Support: sup, Certainty: c})
	}
	return out
}

// AllSupporters returns the direct backers of id and, through them, their own
// backers, and so on: every party whose support reaches id along supports
// ties in force at the moment (Iran → Hezbollah → the government). Each
// backer appears once, by its shortest path (ties between equal paths broken
// by the IDs on the path), with Via naming the parties in between. The
// result is sorted by path length, then backer ID. It costs in proportion to
// the ties of the parties it reaches.
func (m Moment) AllSupporters(id string) []Supporter {
	nodeID := m.snapshot().rec.nodeID
	n, ok := nodeID[id]
	if !ok {
		return nil
	}
	seen := map[string]bool{id: true}
	var out []Supporter
	frontier := []Supporter{{ID: id, Certainty: Definite}}
	for len(frontier) > 0 {
		var next []Supporter
		for _, f := range frontier {
			fn := nodeID[f.ID]
			if f.ID == id {
				fn = n
			}
			for _, b := range m.backersOf(fn, nil) {
				if f.ID != id {
					b.Via = append([]string{f.ID}, f.Via...)
					b.Certainty = min(b.Certainty, f.Certainty)
				}
				next = append(next, b)
			}
		}
		slices.SortStableFunc(next, func(a, b Supporter) int {
			if c := cmp.Compare(a.ID, b.ID); c != 0 {
				return c
			}
			return slices.Compare(a.Via, b.Via)
		})
		frontier = frontier[:0]
		for _, b := range next {
			if seen[b.ID] {
				continue
			}
			seen[b.ID] = true
			out = append(out, b)
			frontier = append(frontier, b)
		}
	}
	return out
}
