package timeindex

import (
	"cmp"
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/radix"
)

// Every start and end of a period is an edge. The edges are sorted once
// into the order of [Index.Changes] — by the first day each may have taken
// effect, then its last, on one day ends first, then by kind and the ranks
// of their ends — and kept twice: every dated edge in that order (for
// Changes), and every edge of each node in that order (for Timeline and
// Periods). A range of days [q1, q2) holds the dated edges that may have
// taken effect in it: those whose first day is in the range, a run of the
// order, and those whose window begins before q1 and reaches it, found in
// lists of the edges dated to more than a day, by the width of their
// windows as the layout groups lengths.

// A Change is an edge that may have taken effect in a range of days, and
// how sure that is.
type Change struct {
	Edge      Edge
	Certainty Certainty
}

// changeIndex is the dated edges in time order, and the wide ones by width.
type changeIndex struct {
	order []Edge // every dated edge, in the order of Changes

	// The edges of order dated to more than one day, as runs of edges with
	// the same first day and width (which are next to each other in
	// order), by the width group of the layout: group k's runs are
	// runs[wideOff[k]:wideOff[k+1]], by first day, of widths in
	// [wideMin[k], wideMax[k]].
	wideOff          []int32
	runs             []edgeRun
	wideMin, wideMax []days.Day
}

// An edgeRun is the edges order[lo:hi], all of the same first day and
// width (Last-First).
type edgeRun struct {
	first, width days.Day
	lo, hi       int32
}

// buildEdges sorts the edges and lays out the node lists and the change
// lists.
func (ix *Index) buildEdges() {
	n := len(ix.per)
	byKind := ix.kindOrder()
	kindRank := make([]int32, n)
	for k, p := range byKind {
		kindRank[p] = int32(k)
	}
	// The finite days and widths, to pack edges into keys.
	minDay, maxDay, maxWidth := days.Day(0), days.Day(0), days.Day(0)
	seen := false
	for p := range ix.per {
		for _, closed := range [2]bool{false, true} {
			b := ix.per[p].Bound(closed)
			if b.IsOpen() {
				continue
			}
			if !seen {
				minDay, maxDay, seen = b.First, b.First, true
			}
			minDay, maxDay, maxWidth = min(minDay, b.First), max(maxDay, b.First), max(maxWidth, b.Last-b.First)
		}
	}
	span := uint64(int64(maxDay) - int64(minDay))
	dayBits, widthBits, rankBits := radix.Bits(span+2), radix.Bits(uint64(maxWidth)), radix.Bits(uint64(n))
	timeKey := func(b Bound, closed bool) uint64 {
		var d, w uint64
		switch b.First {
		case days.OpenStart:
		case days.OpenEnd:
			d = span + 2
		default:
			d, w = uint64(int64(b.First)-int64(minDay))+1, uint64(b.Last-b.First)
		}
		k := (d<<widthBits | w) << 1
		if !closed {
			k |= 1
		}
		return k
	}
	edges := make([]Edge, 0, 2*n)
	if dayBits+widthBits+1+rankBits <= wordBits {
		keys := make([]uint64, 0, 2*n)
		for p := range ix.per {
			r := &ix.per[p]
			kr := uint64(kindRank[p])
			keys = append(keys, timeKey(r.Start(), false)<<rankBits|kr, timeKey(r.End(), true)<<rankBits|kr)
		}
		radix.Sort(keys, nil)
		for _, k := range keys {
			edges = append(edges, edgeOf(byKind[k&(1<<rankBits-1)], k&(1<<rankBits) == 0))
		}
	} else {
		type edgeKey struct {
			time uint64 // the time key of the old layout: first day, width, closed
			kr   int32
			e    Edge
		}
		keys := make([]edgeKey, 0, 2*n)
		full := func(b Bound, closed bool) uint64 {
			k := uint64(uint32(b.First)^1<<31)<<32 | uint64(uint32(b.Last-b.First))<<1
			if !closed {
				k |= 1
			}
			return k
		}
		for p := range ix.per {
			r := &ix.per[p]
			keys = append(keys, edgeKey{full(r.Start(), false), kindRank[p], edgeOf(int32(p), false)},
				edgeKey{full(r.End(), true), kindRank[p], edgeOf(int32(p), true)})
		}
		slices.SortFunc(keys, func(a, b edgeKey) int {
			if c := cmpU(a.time, b.time); c != 0 {
				return c
			}
			return cmpU(uint64(a.kr), uint64(b.kr))
		})
		for _, k := range keys {
			edges = append(edges, k.e)
		}
	}
	ix.buildNodeLists(edges)
	// The dated edges lie between the open starts and the open ends.
	lo, hi := 0, len(edges)
	for lo < hi && ix.bound(edges[lo]).IsOpen() && !edges[lo].Closed() {
		lo++
	}
	for hi > lo && ix.bound(edges[hi-1]).IsOpen() {
		hi--
	}
	ch := &ix.changes
	ch.order = slices.Clone(edges[lo:hi])
	ch.buildWide(ix)
}

// kindOrder returns the periods sorted by kind, the ranks of their ends,
// and number: the order of [Index.Compare].
func (ix *Index) kindOrder() []int32 {
	n := len(ix.per)
	order := make([]int32, n)
	rankBits, idxBits := radix.Bits(uint64(len(ix.rank))), radix.Bits(uint64(n))
	if 4+2*rankBits+idxBits <= wordBits {
		keys := make([]uint64, n)
		for p := range ix.per {
			r := &ix.per[p]
			keys[p] = ((uint64(r.Kind&(MaxKinds-1))<<rankBits|uint64(ix.rank[r.From]))<<rankBits|uint64(ix.rank[r.To]))<<idxBits | uint64(p)
		}
		radix.Sort(keys, nil)
		for k, key := range keys {
			order[k] = int32(key & (1<<idxBits - 1))
		}
		return order
	}
	for p := range order {
		order[p] = int32(p)
	}
	slices.SortFunc(order, ix.Compare)
	return order
}

// buildNodeLists lays out the edges of every node, each list in the order
// of edges.
func (ix *Index) buildNodeLists(edges []Edge) {
	nodes := len(ix.rank)
	off := make([]int32, nodes+1)
	for _, e := range edges {
		r := &ix.per[e.Period()]
		off[r.From+1]++
		if r.To != r.From {
			off[r.To+1]++
		}
	}
	for i := 1; i <= nodes; i++ {
		off[i] += off[i-1]
	}
	list := make([]Edge, off[nodes])
	fill := slices.Clone(off[:nodes])
	for _, e := range edges {
		r := &ix.per[e.Period()]
		list[fill[r.From]] = e
		fill[r.From]++
		if r.To != r.From {
			list[fill[r.To]] = e
			fill[r.To]++
		}
	}
	ix.nodeOff, ix.nodeEdge = off, list
}

// buildWide makes the runs of the edges dated to more than one day, by
// width.
func (ch *changeIndex) buildWide(ix *Index) {
	var byGroup [][]edgeRun
	for i, e := range ch.order {
		b := ix.bound(e)
		if b.Last == b.First {
			continue
		}
		g, _, _ := lengthGroup(int64(b.Last) - int64(b.First))
		for len(byGroup) <= g {
			byGroup = append(byGroup, nil)
		}
		runs := byGroup[g]
		if k := len(runs) - 1; k >= 0 && runs[k].hi == int32(i) && runs[k].first == b.First && runs[k].width == b.Last-b.First {
			runs[k].hi++
			continue
		}
		byGroup[g] = append(runs, edgeRun{b.First, b.Last - b.First, int32(i), int32(i) + 1})
	}
	// Groups with few runs are merged with the next wider ones, so that a
	// question reads a binary search for each group of many runs, not for
	// each of the dozens of widths that disputed dates make.
	ch.wideOff = []int32{0}
	var merged []edgeRun
	lo := int64(-1)
	for g, runs := range byGroup {
		if len(runs) == 0 {
			continue
		}
		glo, ghi := groupBounds(g)
		if lo < 0 {
			lo = glo
		}
		merged = append(merged, runs...)
		if len(merged) < mergeRuns && g < len(byGroup)-1 {
			continue
		}
		slices.SortStableFunc(merged, func(a, b edgeRun) int { return cmp.Compare(a.first, b.first) })
		ch.wideMin = append(ch.wideMin, days.Day(lo))
		ch.wideMax = append(ch.wideMax, days.Day(min(ghi, int64(days.OpenEnd))))
		ch.runs = append(ch.runs, merged...)
		ch.wideOff = append(ch.wideOff, int32(len(ch.runs)))
		merged, lo = merged[:0], -1
	}
	ch.runs = slices.Clip(ch.runs)
}

// mergeRuns is how many runs a group of widths holds at least, unless it
// is the widest: narrower groups are merged into it. A variable, for the
// tests.
var mergeRuns = 256

// groupBounds returns the least and greatest lengths of length group g.
func groupBounds(g int) (lo, hi int64) {
	if g < exactGroups {
		return int64(g), int64(g)
	}
	e := (g-exactGroups)/8 + 4
	m := int64((g-exactGroups)%8 + 8)
	return m << (e - 3), (m+1)<<(e-3) - 1
}

// Changes appends to buf the changes that may have taken effect within the
// days [q1, q2), each with whether it surely did ([Bound.Within]), in time
// order: by the first day each change may have taken effect, then the
// last; on one day closings first, then as [Index.Compare] orders periods.
// Open starts and ends are not changes. It costs a binary search per width
// of the changes dated to more than a day, and in proportion to the changes
// it appends and to those dated to more than a day that begin before q1
// and might reach it.
func (ix *Index) Changes(q1, q2 days.Day, buf []Change) []Change {
	if q1 >= q2 {
		return buf
	}
	ch := &ix.changes
	order := ch.order
	lo := search(0, int32(len(order)), func(k int32) bool { return ix.first(order[k]) >= q1 })
	hi := search(lo, int32(len(order)), func(k int32) bool { return ix.first(order[k]) >= q2 })
	// The changes whose window begins before q1 and reaches it: runs of
	// order before lo.
	var headBuf [16]edgeRun
	head := headBuf[:0]
	for g := range ch.wideMin {
		runs := ch.runs[ch.wideOff[g]:ch.wideOff[g+1]]
		from := int64(q1) - int64(ch.wideMax[g])
		k, _ := slices.BinarySearchFunc(runs, from, func(r edgeRun, d int64) int { return cmp.Compare(int64(r.first), d) })
		for ; k < len(runs) && runs[k].first < q1; k++ {
			if int64(runs[k].first)+int64(runs[k].width) >= int64(q1) {
				head = append(head, runs[k])
			}
		}
	}
	slices.SortFunc(head, func(a, b edgeRun) int { return cmp.Compare(a.lo, b.lo) })
	n := 0
	for _, r := range head {
		n += int(r.hi - r.lo)
	}
	buf = slices.Grow(buf, n+int(hi-lo))
	for _, r := range head {
		for _, e := range order[r.lo:r.hi] {
			buf = append(buf, Change{e, Possible})
		}
	}
	for _, e := range order[lo:hi] {
		c := Definite
		if ix.bound(e).Last >= q2 {
			c = Possible
		}
		buf = append(buf, Change{e, c})
	}
	return buf
}
