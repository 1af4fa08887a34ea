package conflict

import (
	"runtime"
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// Making answers from the index: a period as a Tie, its claims, the
// relations and citations behind it, and the changes of a range of days.

// tie returns period p as a Tie with certainty c.
func (s *snapshot) tie(p int32, c Certainty) Tie { return s.tieOf(p, s.ix.Period(p), c) }

// tieOf returns period p, which is r, as a Tie with certainty c.
func (s *snapshot) tieOf(p int32, r *timeindex.Period, c Certainty) Tie {
	var t Tie
	s.fillTie(&t, p, r, c)
	return t
}

// fillTie sets every field of *t to period p, which is r, with certainty
// c. The dates of its bounds are the index's days and the precisions its
// tags keep, unless it has several claims (its bounds are then in many).
// Writing a Tie in place, rather than returning one, spares copying it.
func (s *snapshot) fillTie(t *Tie, p int32, r *timeindex.Period, c Certainty) {
	sf, sl, ef, el := r.Days()
	var start, end int64
	if sf != days.OpenStart {
		start = pack(sf, sl-sf+1, Precision(r.Tags&tagPrecision))
	}
	if ef != days.OpenEnd {
		end = pack(ef, el-ef+1, Precision(r.Tags>>3&tagPrecision))
	}
	t.Kind = RelationKind(r.Kind)
	t.From, t.To = s.ids[r.From], s.ids[r.To]
	t.Start = Bound{Date: Date{v: start}}
	t.End = Bound{Date: Date{v: end}}
	t.Support, t.Certainty, t.Alleged = Support(r.Payload), c, false
	t.s, t.p = s, p
	if r.Tags&tagMany != 0 {
		m := &s.many[^r.Claims]
		t.Start, t.End = m.start, m.end
		t.Support |= m.joined
	}
	if s.cut != nil && s.cut.alleged {
		t.Alleged = s.allAlleged(p)
	}
}

// The tags of a period in the index: the precisions of the dates of its
// start (bits 0-2) and its end (bits 3-5), and tagMany.
const (
	tagPrecision = 7
	tagMany      = 1 << 6 // a bound is disputed or events joined support: many has the period's bounds and support
)

// claimsOf returns the claims of period p: a stated relation's start
// (rel<<1) or end (rel<<1|1), and ^i for derived[i].
func (s *snapshot) claimsOf(p int32) []int32 {
	c := s.ix.Period(p).Claims
	if c >= 0 {
		if _, end, _ := s.knownBounds(c); end.IsZero() {
			return []int32{c << 1}
		}
		return []int32{c << 1, c<<1 | 1}
	}
	m := &s.many[^c]
	return s.claims[m.off : m.off+m.n]
}

// supportAt returns the kinds of support period p gives on day q: those of
// the claims that date or state it, and those of events that joined it on or
// before q.
func (s *snapshot) supportAt(p int32, q days.Day) Support {
	r := s.ix.Period(p)
	sup := Support(r.Payload)
	if r.Tags&tagMany == 0 || s.many[^r.Claims].joined == 0 {
		return sup
	}
	for _, c := range s.claimsOf(p) {
		if c >= 0 {
			continue
		}
		if d := &s.derived[^c]; !d.end && d.date.earliest() <= q {
			sup |= d.support
		}
	}
	return sup
}

// relations returns the claims of period p as relations, in time order.
func (s *snapshot) relations(p int32) []Relation {
	cs := s.claimsOf(p)
	out := make([]Relation, 0, len(cs))
	for i, c := range cs {
		if c >= 0 {
			// A stated relation makes a start and an end claim; list it once.
			if !slices.ContainsFunc(cs[:i], func(x int32) bool { return x >= 0 && x>>1 == c>>1 }) {
				out = append(out, s.relation(c>>1))
			}
			continue
		}
		out = append(out, s.derivedRelation(p, ^c))
	}
	return out
}

// derivedRelation returns derived claim i on period p as a relation.
func (s *snapshot) derivedRelation(p, i int32) Relation {
	r, d := s.ix.Period(p), &s.derived[i]
	rel := Relation{
		Kind:    RelationKind(r.Kind),
		From:    s.ids[r.From],
		To:      s.ids[r.To],
		Support: d.support,
		Sources: s.sourceIDs(s.rec.evSrcs[d.ev]),
		Event:   s.rec.events[d.ev].ID,

		Alleged:    s.rec.events[d.ev].Alleged,
		Confidence: s.rec.events[d.ev].Confidence,
	}
	if d.end {
		rel.End = d.date
	} else {
		rel.Start = d.date
	}
	return rel
}

// citations returns what the claims of period p say of its start, or its
// end if end: each date given, with the sources that give it.
func (s *snapshot) citations(p int32, end bool) []Citation {
	var out []Citation
	add := func(d Date, set int32) {
		if d.IsZero() {
			return
		}
		i := slices.IndexFunc(out, func(c Citation) bool { return c.Date == d })
		if i < 0 {
			i = len(out)
			out = append(out, Citation{Date: d})
		}
		out[i].Sources = append(out[i].Sources, s.sourceIDs(set)...)
	}
	for _, c := range s.claimsOf(p) {
		if c >= 0 {
			if c&1 == int32(boolInt(end)) {
				add(s.bound(c>>1, end))
			}
			continue
		}
		if d := &s.derived[^c]; d.end == end && !d.joins {
			add(d.date, s.rec.evSrcs[d.ev])
		}
	}
	for i := range out {
		slices.Sort(out[i].Sources)
		out[i].Sources = slices.Compact(out[i].Sources)
	}
	slices.SortFunc(out, func(a, b Citation) int { return a.Date.Compare(b.Date) })
	return out
}

// boolInt returns 1 for true and 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// changeBufs holds buffers for the index's answers to Changes, which the
// snapshot turns into Changes.
var changeBufs = sync.Pool{New: func() any { return new([]timeindex.Change) }}

// appendChangesIn appends the changes that may have taken effect within the
// days [q1, q2) to dst.
func (s *snapshot) appendChangesIn(dst []Change, q1, q2 days.Day) []Change {
	buf := changeBufs.Get().(*[]timeindex.Change)
	xs := s.ix.Changes(q1, q2, (*buf)[:0])
	dst = slices.Grow(dst, len(xs))
	for len(xs) > 0 {
		chunk := xs[:min(len(xs), warmChunk)]
		xs = xs[len(chunk):]
		var w int32
		for _, x := range chunk {
			w += s.warm(x.Edge.Period())
		}
		runtime.KeepAlive(w)
		for _, x := range chunk {
			k := len(dst)
			dst = dst[:k+1]
			ch := &dst[k]
			p := x.Edge.Period()
			s.fillTie(&ch.Tie, p, s.ix.Period(p), Absent)
			ch.Closed, ch.Certainty = x.Edge.Closed(), certaintyOf(x.Certainty)
		}
	}
	if xs = (*buf)[:0]; cap(xs) <= 1<<20 {
		changeBufs.Put(buf)
	}
	return dst
}

// Answers that read periods out of order (changes, timelines) first load a
// chunk of them, and the IDs of their ends, in a tight loop of independent
// reads that the processor overlaps, then make the answers from the cache.
const warmChunk = 64

// warm reads what making period p's Tie reads, and returns a number that
// depends on it.
func (s *snapshot) warm(p int32) int32 {
	r := s.ix.Period(p)
	n := int32(len(s.ids[r.From])) + int32(len(s.ids[r.To]))
	if r.Tags&tagMany != 0 {
		n += s.many[^r.Claims].n
	}
	return n
}
