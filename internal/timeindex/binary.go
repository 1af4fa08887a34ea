package timeindex

import (
	"encoding/binary"
	"fmt"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/binfmt"
	"github.com/conflictgraph/conflict/internal/days"
)

// periodSize is the size of a period as Encode writes it: its ends, claims,
// payload, kind, tags and bits, and its window.
const periodSize = 32

// Encode appends the index's arrays to e, in a form that [Decode] reads
// back as the same index without building it again. The ranks of the
// nodes are left to the caller, who keeps them.
func (ix *Index) Encode(e *binfmt.Encoder) {
	e.U32(uint32(len(ix.per)))
	for i := range ix.per {
		p := &ix.per[i]
		e.I32(p.From)
		e.I32(p.To)
		e.I32(p.Claims)
		e.U8(p.Payload)
		e.U8(p.Kind)
		e.U8(p.Tags)
		e.U8(p.bits)
		encodeDays(e, p.w.Lo, p.w.SureLo, p.w.SureHi, p.w.Hi)
	}
	for c := range ix.classes {
		cl := &ix.classes[c]
		e.I32(cl.off)
		e.I32(cl.end)
		e.U32(uint32(len(cl.runs)))
		for _, g := range cl.runs {
			e.U8(uint8(g.kind))
			e.I32(g.lo)
			e.I32(g.hi)
			encodeDays(e, g.min, g.max)
		}
	}
	binfmt.PutInt32s(e, ix.nodeOff)
	binfmt.PutInt32s(e, ix.nodeEdge)
	binfmt.PutInt32s(e, ix.segOff)
	binfmt.PutInt32s(e, ix.segFrom)
	e.U32(uint32(len(ix.seg)))
	for _, s := range ix.seg {
		e.I32(s.holder)
		e.U8(s.info)
	}
	ch := &ix.changes
	binfmt.PutInt32s(e, ch.order)
	binfmt.PutInt32s(e, ch.wideOff)
	e.U32(uint32(len(ch.runs)))
	for _, r := range ch.runs {
		encodeDays(e, r.first, r.width)
		e.I32(r.lo)
		e.I32(r.hi)
	}
	binfmt.PutInt32s(e, ch.wideMin)
	binfmt.PutInt32s(e, ch.wideMax)
	for k := range ix.counts {
		c := &ix.counts[k]
		for _, s := range [...]*steps{&c.lo, &c.hi, &c.sureLo, &c.sureHi, &c.first, &c.last} {
			binfmt.PutInt32s(e, s.day)
			e.Bool(s.cum != nil)
			if s.cum != nil {
				binfmt.PutInt32s(e, s.cum)
			}
		}
		e.U32(uint32(len(c.wide)))
		for _, w := range c.wide {
			encodeDays(e, w.min, w.max)
			binfmt.PutInt32s(e, w.first)
			binfmt.PutInt32s(e, w.last)
			binfmt.PutInt32s(e, w.cum)
		}
	}
	e.U16(uint16(ix.present))
}

func encodeDays(e *binfmt.Encoder, ds ...days.Day) {
	for _, d := range ds {
		e.I32(int32(d))
	}
}

// Decode reads an index that [Index.Encode] wrote, for the nodes whose
// ranks are rank, and returns it, or nil after failing d. It checks what
// the index relies on to answer without failing: every period's class and
// role, and every offset, period, edge and count in range of what it
// indexes. It does not check the order the index keeps its arrays in, nor
// the caller's codes in its periods (From, To, Claims, Kind, Tags): a
// corrupt order gives wrong answers, not failures.
func Decode(d *binfmt.Decoder, rank []int32) *Index {
	ix := &Index{rank: rank}
	nodes := len(rank)
	bad := func(format string, args ...any) *Index {
		d.Fail(fmt.Errorf("time index: "+format+": %w", append(args, binfmt.ErrRange)...))
		return nil
	}
	ix.per = make([]Period, d.Count(periodSize))
	n := int32(len(ix.per))
	if !rawPeriods || !binfmt.Raw(d, ix.per) {
		readPeriods(d, ix.per)
	}
	if d.Err() != nil {
		return nil
	}
	for i := range ix.per {
		p := &ix.per[i]
		switch {
		case p.From < 0 || int(p.From) >= nodes || p.To < 0 || int(p.To) >= nodes:
			return bad("period %d: nodes %d and %d of %d", i, p.From, p.To, nodes)
		case p.Kind >= MaxKinds:
			return bad("period %d: kind %d", i, p.Kind)
		case p.Class() >= NumClasses || p.bits>>6 != 0 || (p.Class() == ClassTerritorial) != (p.Role() != RoleNone):
			return bad("period %d: class %d and role %d", i, p.Class(), p.Role())
		}
	}
	for c := range ix.classes {
		cl := &ix.classes[c]
		cl.off, cl.end = d.I32(), d.I32()
		cl.runs = make([]group, d.Count(21))
		for k := range cl.runs {
			g := &cl.runs[k]
			g.kind = groupKind(d.U8())
			g.lo, g.hi = d.I32(), d.I32()
			g.min, g.max = days.Day(d.I32()), days.Day(d.I32())
			if d.Err() == nil && (g.kind > emptyGroup || !within(g.lo, g.hi, n)) {
				return bad("class %d run %d: kind %d, periods [%d, %d) of %d", c, k, g.kind, g.lo, g.hi, n)
			}
		}
		if d.Err() == nil && !within(cl.off, cl.end, n) {
			return bad("class %d: periods [%d, %d) of %d", c, cl.off, cl.end, n)
		}
		if d.Err() == nil && !ix.ofClass(Class(c)) {
			return bad("class %d: a period of another class", c)
		}
	}
	ix.nodeOff = binfmt.Int32s[int32](d)
	ix.nodeEdge = binfmt.Int32s[Edge](d)
	if d.Err() == nil && !offsets(ix.nodeOff, nodes, len(ix.nodeEdge)) {
		return bad("node edge offsets")
	}
	if !edgesIn(ix.nodeEdge, n) {
		return bad("node edges: an edge of no period")
	}
	if d.Err() != nil {
		return nil
	}
	// The ends of each period, packed in a quarter of the memory of the
	// periods, so that the edges, in time order, look them up faster.
	ends := make([]uint64, n)
	for i := range ix.per {
		ends[i] = uint64(uint32(ix.per[i].From))<<32 | uint64(uint32(ix.per[i].To))
	}
	for k := range int32(nodes) {
		for _, e := range ix.Edges(k) {
			if x := ends[e.Period()]; int32(x>>32) != k && int32(x) != k {
				return bad("edges of node %d: period %d, from %d to %d", k, e.Period(), int32(x>>32), int32(x))
			}
		}
	}
	ix.segOff = binfmt.Int32s[int32](d)
	ix.segFrom = binfmt.Int32s[days.Day](d)
	ix.seg = make([]segData, d.Count(5))
	for i := range ix.seg {
		ix.seg[i] = segData{holder: d.I32(), info: d.U8()}
		if h := ix.seg[i].holder; d.Err() == nil && (h < -1 || h >= n) {
			return bad("segment %d: holder %d of %d periods", i, h, n)
		}
	}
	if d.Err() == nil && (!offsets(ix.segOff, nodes, len(ix.seg)) || len(ix.segFrom) != len(ix.seg)) {
		return bad("control segment offsets")
	}
	ch := &ix.changes
	ch.order = binfmt.Int32s[Edge](d)
	if !edgesIn(ch.order, n) {
		return bad("changes: an edge of no period")
	}
	ch.wideOff = binfmt.Int32s[int32](d)
	ch.runs = make([]edgeRun, d.Count(16))
	for i := range ch.runs {
		r := &ch.runs[i]
		r.first, r.width = days.Day(d.I32()), days.Day(d.I32())
		r.lo, r.hi = d.I32(), d.I32()
		if d.Err() == nil && !within(r.lo, r.hi, int32(len(ch.order))) {
			return bad("change run %d: [%d, %d) of %d", i, r.lo, r.hi, len(ch.order))
		}
	}
	ch.wideMin, ch.wideMax = binfmt.Int32s[days.Day](d), binfmt.Int32s[days.Day](d)
	if g := len(ch.wideMin); d.Err() == nil && (len(ch.wideMax) != g || !offsets(ch.wideOff, g, len(ch.runs))) {
		return bad("wide change groups")
	}
	for k := range ix.counts {
		c := &ix.counts[k]
		for _, s := range [...]*steps{&c.lo, &c.hi, &c.sureLo, &c.sureHi, &c.first, &c.last} {
			s.day = binfmt.Int32s[days.Day](d)
			if d.Bool() {
				if s.cum = binfmt.Int32s[int32](d); s.cum == nil {
					s.cum = []int32{}
				}
				if d.Err() == nil && len(s.cum) != len(s.day) {
					return bad("counts of kind %d: %d counts of %d days", k, len(s.cum), len(s.day))
				}
			}
		}
		c.wide = make([]widthRuns, d.Count(20))
		for i := range c.wide {
			w := &c.wide[i]
			w.min, w.max = days.Day(d.I32()), days.Day(d.I32())
			w.first, w.last, w.cum = binfmt.Int32s[days.Day](d), binfmt.Int32s[days.Day](d), binfmt.Int32s[int32](d)
			if d.Err() == nil && (len(w.last) != len(w.first) || len(w.cum) != len(w.first)+1) {
				return bad("counts of kind %d, width group %d: %d, %d and %d", k, i, len(w.first), len(w.last), len(w.cum))
			}
		}
	}
	ix.present = Kinds(d.U16())
	if d.Err() != nil {
		return nil
	}
	return ix
}

// rawPeriods is whether a Period is laid out in memory as Encode writes
// it, so that Decode can read the periods straight into place.
var rawPeriods = unsafe.Sizeof(Period{}) == periodSize && unsafe.Offsetof(Period{}.bits) == 15 && unsafe.Offsetof(Period{}.w) == 16

// readPeriods reads periods one by one, as Encode wrote them.
func readPeriods(d *binfmt.Decoder, per []Period) {
	le := binary.LittleEndian
	for i := 0; i < len(per) && d.Err() == nil; {
		k := d.Fits(len(per)-i, periodSize)
		raw := d.Take(periodSize * k)
		if raw == nil {
			return
		}
		for j := range k {
			b, p := raw[periodSize*j:], &per[i+j]
			p.From, p.To, p.Claims = int32(le.Uint32(b)), int32(le.Uint32(b[4:])), int32(le.Uint32(b[8:]))
			p.Payload, p.Kind, p.Tags, p.bits = b[12], b[13], b[14], b[15]
			p.w = Window{days.Day(le.Uint32(b[16:])), days.Day(le.Uint32(b[20:])), days.Day(le.Uint32(b[24:])), days.Day(le.Uint32(b[28:]))}
		}
		i += k
	}
}

// ofClass reports whether the periods of class c, and of each of its runs,
// are all of class c.
func (ix *Index) ofClass(c Class) bool {
	cl := &ix.classes[c]
	for p := cl.off; p < cl.end; p++ {
		if ix.per[p].Class() != c {
			return false
		}
	}
	for _, g := range cl.runs {
		if g.lo < cl.off || g.hi > cl.end {
			return false
		}
	}
	return true
}

// within reports whether [lo, hi) is a range of [0, n).
func within(lo, hi, n int32) bool { return 0 <= lo && lo <= hi && hi <= n }

// offsets reports whether off are the n+1 offsets of n lists that together
// hold total items: from 0 to total, never falling.
func offsets(off []int32, n, total int) bool {
	if len(off) != n+1 || off[0] != 0 || int(off[n]) != total {
		return false
	}
	for i := 1; i <= n; i++ {
		if off[i] < off[i-1] {
			return false
		}
	}
	return true
}

// edgesIn reports whether every edge is of one of n periods.
func edgesIn(es []Edge, n int32) bool {
	for _, e := range es {
		if e < 0 || e.Period() >= n {
			return false
		}
	}
	return true
}
