// Package interval is a static centered interval tree over half-open
// intervals of int32, answering "which intervals contain q" in
// O(log n + k) for k answers.
//
// The tree lays its intervals out in its own order (by tree node, then by
// start), which callers are expected to adopt for their own per-interval
// data: [Build] returns that order, and [Tree.Stab] reports positions in it.
// Data read during a query then sits together in memory.
package interval

import (
	"cmp"
	"slices"
)

// A Tree is an immutable centered interval tree. The zero Tree is empty.
// A Tree is safe for concurrent use.
type Tree struct {
	nodes []node
	lo    []int32 // start of each interval, in tree order
	byHi  []int32 // per node, positions sorted by end descending
	hi    []int32 // end of the interval at byHi[i]
}

type node struct {
	center      int32
	left, right int32 // child node index, or -1
	off, n      int32 // positions [off, off+n) hold the intervals containing center
}

// Build returns a tree over the intervals [lo[i], hi[i]) and order, where
// order[p] is the index (into lo and hi) of the interval at position p.
// Empty intervals (lo[i] >= hi[i]) are left out of the tree and of order.
// It takes O(n log n) time. lo and hi must have the same length.
func Build(lo, hi []int32) (*Tree, []int32) {
	idx := make([]int32, 0, len(lo))
	for i := range lo {
		if lo[i] < hi[i] {
			idx = append(idx, int32(i))
		}
	}
	t := &Tree{
		lo:   make([]int32, 0, len(idx)),
		byHi: make([]int32, 0, len(idx)),
		hi:   make([]int32, 0, len(idx)),
	}
	order := make([]int32, 0, len(idx))
	ends := make([]int32, 0, 2*len(idx))
	var build func(items []int32) int32
	build = func(items []int32) int32 {
		if len(items) == 0 {
			return -1
		}
		// The center is the median of the endpoints, so each side gets at
		// most half of them.
		ends = ends[:0]
		for _, i := range items {
			ends = append(ends, lo[i], hi[i]-1)
		}
		mid := len(ends) / 2
		slices.Sort(ends)
		c := ends[mid]
		var left, right, here []int32
		for _, i := range items {
			switch {
			case hi[i] <= c:
				left = append(left, i)
			case lo[i] > c:
				right = append(right, i)
			default:
				here = append(here, i)
			}
		}
		slices.SortStableFunc(here, func(a, b int32) int { return cmp.Compare(lo[a], lo[b]) })
		off := int32(len(order))
		for _, i := range here {
			order = append(order, i)
			t.lo = append(t.lo, lo[i])
		}
		pos := make([]int32, len(here))
		for k := range here {
			pos[k] = off + int32(k)
		}
		slices.SortStableFunc(pos, func(a, b int32) int { return cmp.Compare(hi[order[b]], hi[order[a]]) })
		for _, p := range pos {
			t.byHi = append(t.byHi, p)
			t.hi = append(t.hi, hi[order[p]])
		}
		me := int32(len(t.nodes))
		t.nodes = append(t.nodes, node{center: c, off: off, n: int32(len(here))})
		l := build(left)
		r := build(right)
		t.nodes[me].left, t.nodes[me].right = l, r
		return me
	}
	build(idx)
	return t, order
}

// Len returns the number of intervals in the tree.
func (t *Tree) Len() int { return len(t.lo) }

// Stab calls yield with the position of every interval that contains q, and
// stops early if yield returns false. It reports whether it finished. The
// order is deterministic: by tree node from the root, then by start or by
// end within a node.
func (t *Tree) Stab(q int32, yield func(pos int32) bool) bool {
	if len(t.nodes) == 0 {
		return true
	}
	for n := int32(0); n >= 0; {
		nd := &t.nodes[n]
		switch {
		case q < nd.center:
			// Every interval here ends after the center, so it contains q
			// exactly when it starts at or before q.
			for p := nd.off; p < nd.off+nd.n && t.lo[p] <= q; p++ {
				if !yield(p) {
					return false
				}
			}
			n = nd.left
		case q > nd.center:
			// Every interval here starts at or before the center, so it
			// contains q exactly when it ends after q.
			for k := nd.off; k < nd.off+nd.n && t.hi[k] > q; k++ {
				if !yield(t.byHi[k]) {
					return false
				}
			}
			n = nd.right
		default:
			for p := nd.off; p < nd.off+nd.n; p++ {
				if !yield(p) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// Count returns the number of intervals that contain q.
func (t *Tree) Count(q int32) int {
	n := 0
	t.Stab(q, func(int32) bool { n++; return true })
	return n
}
