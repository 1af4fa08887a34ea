// Package interval is a static centered interval tree over half-open
// intervals of int32, answering "which intervals contain q" in
// O(log n + k) for k answers.
//
// The tree lays its intervals out in its own order (by tree node, then by
// start), which callers are expected to adopt for their own per-interval
// data: [Build] returns that order, and [Tree.Stab] reports positions in it.
// Data read during a query then sits together in memory.
package interval

import "slices"

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
	// Sorted by start once: partitions below keep that order, so each
	// node's intervals come out sorted by start. Sorting packed keys is
	// several times faster than sorting with a comparison function.
	keys := make([]uint64, 0, len(lo))
	for i := range lo {
		if lo[i] < hi[i] {
			keys = append(keys, pack(lo[i], uint32(i)))
		}
	}
	slices.Sort(keys)
	idx := make([]int32, len(keys))
	for k, key := range keys {
		idx[k] = int32(uint32(key))
	}
	n := len(idx)
	t := &Tree{
		lo:   make([]int32, 0, n),
		byHi: make([]int32, 0, n),
		hi:   make([]int32, 0, n),
	}
	order := make([]int32, 0, n)
	scratch := make([]int32, n)
	ends := make([]int32, 0, 2*n)
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
		c := selectKth(ends, len(ends)/2)
		// Stable partition into left (ending by c), here (containing c)
		// and right (starting after c), using scratch.
		var nl, nh int
		for _, i := range items {
			if hi[i] <= c {
				nl++
			} else if lo[i] <= c {
				nh++
			}
		}
		l, h, r := 0, nl, nl+nh
		buf := scratch[:len(items)]
		for _, i := range items {
			switch {
			case hi[i] <= c:
				buf[l] = i
				l++
			case lo[i] <= c:
				buf[h] = i
				h++
			default:
				buf[r] = i
				r++
			}
		}
		copy(items, buf)
		left, here, right := items[:nl], items[nl:nl+nh], items[nl+nh:]

		off := int32(len(order))
		for _, i := range here {
			order = append(order, i)
			t.lo = append(t.lo, lo[i])
		}
		keys = keys[:0]
		for k, i := range here {
			keys = append(keys, pack(-1-hi[i], uint32(off)+uint32(k))) // by end, latest first
		}
		slices.Sort(keys)
		for _, key := range keys {
			pos := int32(uint32(key))
			t.byHi = append(t.byHi, pos)
			t.hi = append(t.hi, hi[order[pos]])
		}
		me := int32(len(t.nodes))
		t.nodes = append(t.nodes, node{center: c, off: off, n: int32(len(here))})
		ln := build(left)
		rn := build(right)
		t.nodes[me].left, t.nodes[me].right = ln, rn
		return me
	}
	build(idx)
	return t, order
}

// pack returns a key that sorts by x, then by i.
func pack(x int32, i uint32) uint64 {
	return uint64(uint32(x)^(1<<31))<<32 | uint64(i)
}

// selectKth returns the k-th smallest of xs (0-based), reordering xs.
func selectKth(xs []int32, k int) int32 {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		// Median of three as the pivot, then a three-way partition.
		mid := lo + (hi-lo)/2
		a, b, c := xs[lo], xs[mid], xs[hi]
		pivot := max(min(a, b), min(max(a, b), c))
		lt, gt := lo, hi
		for i := lo; i <= gt; {
			switch {
			case xs[i] < pivot:
				xs[lt], xs[i] = xs[i], xs[lt]
				lt++
				i++
			case xs[i] > pivot:
				xs[gt], xs[i] = xs[i], xs[gt]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return pivot
		}
	}
	return xs[k]
}

// Len returns the number of intervals in the tree.
func (t *Tree) Len() int { return len(t.lo) }

// Stab calls yield with the position of every interval that contains q, and
// stops early if yield returns false. It reports whether it finished. It
// costs O(log n + k) for k intervals yielded. The order is deterministic: by
// tree node from the root, then by start or by end within a node.
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
