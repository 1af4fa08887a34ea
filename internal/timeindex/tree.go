package timeindex

import (
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
)

// A tree is a static centered interval tree over the half-open windows
// [lo, hi) of the periods of one class, answering "which periods may hold
// on day q" in O(log n + k) for k answers (see [Index.Stab]).
//
// The tree lays its periods out in its own order (by tree node, then by
// start), which the index adopts: a period's position in the tree is its
// number within its class. The days themselves are read from the periods,
// so the tree holds only its nodes and, per node, its positions by end.
type tree struct {
	nodes []treeNode
	byHi  []int32 // per node, positions sorted by end, latest first
}

type treeNode struct {
	center      days.Day
	left, right int32 // child node index, or -1
	off, n      int32 // positions [off, off+n) hold the windows containing center
}

// buildTree returns a tree over the windows [lo[i], hi[i]) and order, where
// order[p] is the index (into lo and hi) of the window at position p. Empty
// windows (lo[i] >= hi[i]) are left out of the tree and of order. It takes
// O(n log n) time. lo and hi must have the same length.
func buildTree(lo, hi []days.Day) (tree, []int32) {
	// Sorted by start once: partitions below keep that order, so each
	// node's windows come out sorted by start. Sorting packed keys is
	// several times faster than sorting with a comparison function.
	keys := make([]uint64, 0, len(lo))
	for i := range lo {
		if lo[i] < hi[i] {
			keys = append(keys, packKey(lo[i], uint32(i)))
		}
	}
	slices.Sort(keys)
	idx := make([]int32, len(keys))
	for k, key := range keys {
		idx[k] = int32(uint32(key))
	}
	n := len(idx)
	t := tree{byHi: make([]int32, 0, n)}
	order := make([]int32, 0, n)
	scratch := make([]int32, n)
	ends := make([]days.Day, 0, 2*n)
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
		order = append(order, here...)
		keys = keys[:0]
		for k, i := range here {
			keys = append(keys, packKey(-1-hi[i], uint32(off)+uint32(k))) // by end, latest first
		}
		slices.Sort(keys)
		for _, key := range keys {
			t.byHi = append(t.byHi, int32(uint32(key)))
		}
		me := int32(len(t.nodes))
		t.nodes = append(t.nodes, treeNode{center: c, off: off, n: int32(len(here))})
		ln := build(left)
		rn := build(right)
		t.nodes[me].left, t.nodes[me].right = ln, rn
		return me
	}
	build(idx)
	return t, order
}

// packKey returns a key that sorts by x, then by i.
func packKey(x days.Day, i uint32) uint64 {
	return uint64(uint32(x)^(1<<31))<<32 | uint64(i)
}

// selectKth returns the k-th smallest of xs (0-based), reordering xs.
func selectKth(xs []days.Day, k int) days.Day {
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
