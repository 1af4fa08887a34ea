package timeindex

import (
	"math/bits"
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/radix"
)

// The periods of each class are laid out in runs that a question about a
// day reads front to back, never jumping: those open at both ends; those
// with an open start, by end, latest first; those with an open end, by
// start; then the rest by the length of their windows, in groups of
// lengths within an eighth of each other, each group by start. On day q a
// period of length L is in force when it started in (q-L, q]: in a group of
// lengths [min, max], those that started in (q-min, q] surely are, those
// that started in (q-max, q-min] are if they end after q, and the rest are
// not. So the periods in force are read in a few dozen runs, each found by
// a binary search, with at most one in eight of those read not in force.
// Periods whose window is empty (they never hold) go last.

// A classLayout is where one class's periods lie.
type classLayout struct {
	off, end int32 // its periods are [off, end)
	runs     []group
}

// A group is a run of periods of one class laid out together.
type group struct {
	kind     groupKind
	lo, hi   int32    // its periods are [lo, hi)
	min, max days.Day // for finiteGroup: the lengths of the windows, Hi-Lo
}

type groupKind uint8

const (
	alwaysGroup    groupKind = iota // open at both ends
	openStartGroup                  // open start, by Hi, latest first
	openEndGroup                    // open end, by Lo
	finiteGroup                     // by Lo; lengths in [min, max]
	emptyGroup                      // never hold
)

// wordBits is the size of the keys the build sorts by their bytes; keys
// that need more are sorted by comparison. A variable, for the tests.
var wordBits = 64

// Lengths below exactGroups have a group each; above, each power of two is
// cut into eight groups.
const exactGroups = 16

// lengthGroup returns the number of the group of windows of length l >= 1,
// and the least and greatest lengths in it.
func lengthGroup(l int64) (g int, lo, hi int64) {
	if l < exactGroups {
		return int(l), l, l
	}
	e := bits.Len64(uint64(l)) - 1 // 2^e <= l < 2^(e+1), e >= 4
	m := l >> (e - 3)              // 8 <= m < 16
	return exactGroups + (e-4)*8 + int(m-8), m << (e - 3), (m+1)<<(e-3) - 1
}

// groupOf returns the group of window w: its kind, and for a finite
// window the number of its length group.
func groupOf(w Window) (groupKind, int) {
	switch {
	case w.Lo >= w.Hi:
		return emptyGroup, 0
	case w.Lo == days.OpenStart && w.Hi == days.OpenEnd:
		return alwaysGroup, 0
	case w.Lo == days.OpenStart:
		return openStartGroup, 0
	case w.Hi == days.OpenEnd:
		return openEndGroup, 0
	}
	g, _, _ := lengthGroup(int64(w.Hi) - int64(w.Lo))
	return finiteGroup, g
}

// layout places the periods by class, group and day.
func (ix *Index) layout(periods []Period) {
	n := len(periods)
	// The finite days, to pack them into keys.
	minDay, maxDay := days.Day(0), days.Day(0)
	seen := false
	note := func(d days.Day) {
		if d == days.OpenStart || d == days.OpenEnd {
			return
		}
		if !seen {
			minDay, maxDay, seen = d, d, true
			return
		}
		minDay, maxDay = min(minDay, d), max(maxDay, d)
	}
	for i := range periods {
		note(periods[i].w.Lo)
		note(periods[i].w.Hi)
	}
	dayBits := radix.Bits(uint64(int64(maxDay) - int64(minDay)))
	idxBits := radix.Bits(uint64(n))
	// A key: class (2 bits), slot (8 bits: the group kind, or 3 + the
	// length group), day, index.
	slot := func(p *Period) uint64 {
		k, g := groupOf(p.w)
		switch k {
		case finiteGroup:
			return uint64(3 + g)
		case emptyGroup:
			return 255
		}
		return uint64(k)
	}
	day := func(p *Period) uint64 {
		switch k, _ := groupOf(p.w); k {
		case openStartGroup:
			return uint64(int64(maxDay) - int64(p.w.Hi))
		case openEndGroup, finiteGroup:
			return uint64(int64(p.w.Lo) - int64(minDay))
		}
		return 0
	}
	order := make([]int32, n)
	if 2+8+dayBits+idxBits <= wordBits {
		keys := make([]uint64, n)
		for i := range periods {
			p := &periods[i]
			keys[i] = ((uint64(p.Class())<<8|slot(p))<<dayBits|day(p))<<idxBits | uint64(i)
		}
		radix.Sort(keys, nil)
		for k, key := range keys {
			order[k] = int32(key & (1<<idxBits - 1))
		}
	} else {
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			pa, pb := &periods[a], &periods[b]
			if c := cmpU(uint64(pa.Class())<<8|slot(pa), uint64(pb.Class())<<8|slot(pb)); c != 0 {
				return c
			}
			if c := cmpU(day(pa), day(pb)); c != 0 {
				return c
			}
			return cmpU(uint64(a), uint64(b))
		})
	}
	ix.per = make([]Period, n)
	for k, i := range order {
		ix.per[k] = periods[i]
	}
	// The runs of each class.
	for c := range NumClasses {
		ix.classes[c].off, ix.classes[c].end = int32(n), int32(n)
	}
	for k := 0; k < n; {
		p := &ix.per[k]
		c := p.Class()
		kind, g := groupOf(p.w)
		j := k + 1
		for j < n {
			q := &ix.per[j]
			if qk, qg := groupOf(q.w); q.Class() != c || qk != kind || qg != g {
				break
			}
			j++
		}
		cl := &ix.classes[c]
		if len(cl.runs) == 0 {
			cl.off = int32(k)
		}
		r := group{kind: kind, lo: int32(k), hi: int32(j)}
		if kind == finiteGroup {
			_, lo, hi := lengthGroup(int64(p.w.Hi) - int64(p.w.Lo))
			r.min, r.max = days.Day(lo), days.Day(min(hi, int64(days.OpenEnd)))
		}
		cl.runs = append(cl.runs, r)
		cl.end = int32(j)
		k = j
	}
	// An empty class starts where the next one does.
	for c := NumClasses - 1; c < NumClasses; c-- {
		if cl := &ix.classes[c]; len(cl.runs) == 0 && c+1 < NumClasses {
			cl.off, cl.end = ix.classes[c+1].off, ix.classes[c+1].off
		}
	}
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// search returns the first k in [lo, hi) for which f(k) is true, or hi; f
// must be false then true over the range.
func search(lo, hi int32, f func(int32) bool) int32 {
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if f(m) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// StabRuns calls yield with runs of the periods of class c that may be in
// force on day q, until yield returns false; it reports whether it
// finished. Every period of a run [lo, hi) possibly holds on q, except that
// when check is set, those whose window ends by q (Window().Hi <= q) do not;
// at most one in eight of a checked run is such. Together the runs hold
// every period of the class that possibly holds on q, once. It costs a
// binary search per run.
func (ix *Index) StabRuns(c Class, q days.Day, yield func(lo, hi int32, check bool) bool) bool {
	per := ix.per
	for _, g := range ix.classes[c].runs {
		switch g.kind {
		case alwaysGroup:
			if !yield(g.lo, g.hi, false) {
				return false
			}
		case openStartGroup:
			end := search(g.lo, g.hi, func(k int32) bool { return per[k].w.Hi <= q })
			if end > g.lo && !yield(g.lo, end, false) {
				return false
			}
		case openEndGroup:
			end := search(g.lo, g.hi, func(k int32) bool { return per[k].w.Lo > q })
			if end > g.lo && !yield(g.lo, end, false) {
				return false
			}
		case finiteGroup:
			// In force: q-L < Lo <= q for the window's length L.
			q64 := int64(q)
			a := search(g.lo, g.hi, func(k int32) bool { return int64(per[k].w.Lo) > q64-int64(g.max) })
			s := search(a, g.hi, func(k int32) bool { return int64(per[k].w.Lo) > q64-int64(g.min) })
			e := search(s, g.hi, func(k int32) bool { return per[k].w.Lo > q })
			if a < s && !yield(a, s, g.min != g.max) {
				return false
			}
			if s < e && !yield(s, e, false) {
				return false
			}
		}
	}
	return true
}

// Stab calls yield with every period of class c that possibly holds on day q
// (its number and the period) and with how sure that is, until yield
// returns false; it reports whether it finished. It costs a binary search
// for each group of the layout, and in proportion to the periods yielded.
// The order is fixed by the index: the same for the same periods, but not
// sorted.
func (ix *Index) Stab(c Class, q days.Day, yield func(p int32, r *Period, c Certainty) bool) bool {
	per := ix.per
	return ix.StabRuns(c, q, func(lo, hi int32, check bool) bool {
		for p := lo; p < hi; p++ {
			r := &per[p]
			if check && r.w.Hi <= q {
				continue
			}
			if !yield(p, r, r.w.At(q)) {
				return false
			}
		}
		return true
	})
}
