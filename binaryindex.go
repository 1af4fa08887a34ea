package conflict

import (
	"fmt"

	"github.com/conflictgraph/conflict/internal/binfmt"
	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// After the record, a binary snapshot (binary.go) keeps what the snapshot
// of the whole record derived from it, the costly part of building it:
// the rank of each node in ID order; the claims of periods with several
// (many, claims, derived); and the time index, as [timeindex.Index.Encode]
// writes it. Reading them back spares deriving the periods and laying out
// the index, which take most of the time of building a snapshot.

// encodeIndex appends what s derived from its record.
func encodeIndex(e *binfmt.Encoder, s *snapshot) {
	e.U32(uint32(len(s.rank)))
	for _, r := range s.rank {
		e.I32(r)
	}
	e.U32(uint32(len(s.many)))
	for i := range s.many {
		m := &s.many[i]
		for _, b := range [...]*Bound{&m.start, &m.end} {
			e.I64(b.Date.v)
			e.I64(b.Last.v)
		}
		e.U16(uint16(m.joined))
		e.I32(m.off)
		e.I32(m.n)
	}
	e.U32(uint32(len(s.claims)))
	for _, c := range s.claims {
		e.I32(c)
	}
	e.U32(uint32(len(s.derived)))
	for i := range s.derived {
		x := &s.derived[i]
		e.I32(x.ev)
		e.I64(x.date.v)
		e.Bool(x.end)
		e.Bool(x.joins)
		e.U16(uint16(x.support))
	}
	s.ix.Encode(e)
}

// decodeIndex reads what encodeIndex wrote and returns the snapshot of
// rec, the record read before it. It checks what the snapshot relies on
// to answer without failing: that the ranks are an order of the nodes,
// that every number of a claim or a period is in range, that each period's
// kind, class and ends agree, and that its bounds are well formed.
func decodeIndex(d *binfmt.Decoder, rec store) *snapshot {
	s := &snapshot{rec: rec, views: new(viewCache)}
	r := snapReader{d: d}
	nn := int32(len(rec.nodes))
	if n := d.Count(4); n != len(rec.nodes) && d.Err() == nil {
		d.Fail(fmt.Errorf("%d ranks for %d nodes: %w", n, nn, binfmt.ErrRange))
	}
	s.rank = make([]int32, nn)
	seen := make([]bool, nn)
	for i := range s.rank {
		k := d.Index(0, nn, "rank")
		if seen[k] && d.Err() == nil {
			d.Fail(fmt.Errorf("rank %d given twice: %w", k, binfmt.ErrRange))
		}
		s.rank[i], seen[k] = k, true
	}
	s.many = makeList[manyClaims](d.Count(46))
	for i := range s.many {
		m := &s.many[i]
		m.start = Bound{Date: r.date("start"), Last: r.date("start")}
		m.end = Bound{Date: r.date("end"), Last: r.date("end")}
		m.joined = Support(d.U16())
		m.off, m.n = d.I32(), d.I32()
	}
	s.claims = makeList[int32](d.Count(4))
	at := d.Offset()
	for i := range s.claims {
		s.claims[i] = d.I32()
	}
	s.derived = makeList[dclaim](d.Count(16))
	for i := range s.derived {
		x := &s.derived[i]
		x.ev = d.Index(0, int32(len(rec.events)), "derived claim's event")
		x.date = r.date("derived claim's date")
		x.end, x.joins = d.Bool(), d.Bool()
		x.support = Support(d.U16())
	}
	for i, c := range s.claims {
		if d.Err() == nil && (c >= 0 && c>>1 >= int32(len(rec.rels)) || c < 0 && ^c >= int32(len(s.derived))) {
			d.Fail(fmt.Errorf("byte %d: claim %d: %d is out of range: %w", at+4*i, i, c, binfmt.ErrRange))
		}
	}
	for i := range s.many {
		if m := &s.many[i]; d.Err() == nil && (m.off < 0 || m.n < 0 || int64(m.off)+int64(m.n) > int64(len(s.claims))) {
			d.Fail(fmt.Errorf("period claims %d: claims [%d, %d+%d) of %d: %w", i, m.off, m.off, m.n, len(s.claims), binfmt.ErrRange))
		}
	}
	s.numberNodes()
	if s.ix = timeindex.Decode(d, s.rank); s.ix == nil {
		return nil
	}
	for p := range int32(s.ix.Len()) {
		if d.Err() != nil {
			break
		}
		r := s.ix.Period(p)
		if why := checkPeriod(s, r); why != "" {
			d.Fail(fmt.Errorf("period %d: %s: %w", p, why, binfmt.ErrRange))
		}
	}
	if d.Err() != nil {
		return nil
	}
	s.indexAgreements()
	s.indexNames()
	return s
}

// checkPeriod returns what is wrong with a period read from a snapshot, or
// "" if nothing is.
func checkPeriod(s *snapshot, r *timeindex.Period) string {
	nodes := s.rec.nodes
	kind, from, to, claims, tags, start, end := RelationKind(r.Kind), r.From, r.To, r.Claims, r.Tags, r.Start(), r.End()
	class, role := indexClass(kind)
	switch {
	case kind == 0 || kind >= timeindex.MaxKinds:
		return fmt.Sprintf("kind %d", kind)
	case int(kind) >= len(relationKindWords) || class != r.Class() || role != r.Role():
		return fmt.Sprintf("%s of class %d and role %d", kind, r.Class(), r.Role())
	case !nodes[from].typ.IsParty() || nodes[to].typ.IsParty() == kind.Territorial():
		return fmt.Sprintf("%s from a %s to a %s", kind, nodes[from].typ, nodes[to].typ)
	case claims >= 0 && claims >= int32(len(s.rec.rels)) || claims < 0 && ^claims >= int32(len(s.many)):
		return fmt.Sprintf("claims %d", claims)
	case tags&tagMany != 0 && claims >= 0, tags>>7 != 0, Precision(tags&tagPrecision) > PrecisionInterval, Precision(tags>>3&tagPrecision) > PrecisionInterval:
		return fmt.Sprintf("tags %#x with claims %d", tags, claims)
	case !wellFormed(start, days.OpenStart) || !wellFormed(end, days.OpenEnd):
		return fmt.Sprintf("bounds %v to %v", start, end)
	}
	return ""
}

// wellFormed reports whether b is a bound as the index takes them: open at
// open, or First <= Last with Sure Last or Last+1, on days that are not
// the open days.
func wellFormed(b timeindex.Bound, open days.Day) bool {
	if b == timeindex.Open(open) {
		return true
	}
	inside := func(q days.Day) bool { return q != days.OpenStart && q != days.OpenEnd }
	return inside(b.First) && inside(b.Last) && inside(b.Sure) && b.First <= b.Last && (b.Sure == b.Last || b.Sure == b.Last+1)
}
