// Package timeindex is the time index of a conflict's record: the periods
// of its relations, each holding over a window of days, laid out once for
// dated questions — which periods may hold on a day, what changed in a range
// of days, every change touching a node, who holds a place on a day.
//
// It knows integers only: node numbers, day numbers ([days.Day]), class
// and role codes of its own, and codes of its caller's that it keeps without
// reading (dates, claims, a payload) or only to order by (kinds). Build takes any list of periods, so a
// caller may index a subset of its record as well as all of it.
//
// Whether a period holds on a day is decided by one rule, [Window.At];
// whether a change falls in a range of days by another, [Bound.Within].
package timeindex

import (
	"cmp"
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
)

// An Index is an immutable index of periods, safe for concurrent use. Its
// periods are numbered 0 to Len()-1, grouped by class ([Index.Range]); the
// numbers are the index's own, not the order of the periods given to
// [Build].
type Index struct {
	per     []Period
	classes [NumClasses]classTree
	rank    []int32 // rank of each node in the caller's order

	nodeOff []int32 // the periods with node n as an end are nodePer[nodeOff[n]:nodeOff[n+1]], by start
	nodePer []int32

	// Control segments: those of node n are k in [segOff[n], segOff[n+1]).
	segOff    []int32
	segFrom   []days.Day // first day of segment k
	segHolder []int32
	segInfo   []uint8

	// Dated starts and ends in time order, apart by the width of their
	// windows, so that a question about a month reads back a month for most
	// changes and further only for the few dated to a year or disputed.
	changes [4]changeList // narrow starts, wide starts, narrow ends, wide ends
}

type classTree struct {
	off, n int32 // the periods of the class are [off, off+n)
	tree   tree
}

// Build returns the index of periods. rank gives the order of the nodes
// (node n sorts rank[n]th; the caller sorts them by ID), with one entry for
// every node a period may name; it orders the periods that change on one
// day. Build takes O(n log n) time for n periods, on several cores.
//
// A period's bounds must be well formed: First <= Last, Sure is Last or
// Last+1, an open start is [Open](days.OpenStart) and an open end
// Open(days.OpenEnd). A territorial period has a Role; others have none.
func Build(periods []Period, rank []int32) *Index {
	ix := &Index{rank: rank}
	ix.layout(periods)
	order := ix.byStart()
	var wg sync.WaitGroup
	wg.Go(func() {
		ix.buildNodeLists(order)
		ix.buildControl()
	})
	wg.Go(func() { ix.buildChanges(order) })
	wg.Wait()
	return ix
}

// layout places the periods by class, each class in its tree's order;
// periods that can never hold go after the tree's.
func (ix *Index) layout(periods []Period) {
	var byClass [NumClasses][]int32
	for i := range periods {
		c := periods[i].Class()
		byClass[c] = append(byClass[c], int32(i))
	}
	var wg sync.WaitGroup
	var orders [NumClasses][]int32
	for c := range NumClasses {
		members := byClass[c]
		lo, hi := make([]days.Day, len(members)), make([]days.Day, len(members))
		for k, i := range members {
			lo[k], hi[k] = periods[i].w.Lo, periods[i].w.Hi
		}
		wg.Go(func() {
			t, order := buildTree(lo, hi)
			if len(order) < len(members) {
				inTree := make([]bool, len(members))
				for _, k := range order {
					inTree[k] = true
				}
				for k := range members {
					if !inTree[k] {
						order = append(order, int32(k))
					}
				}
			}
			ix.classes[c].tree, orders[c] = t, order
		})
	}
	wg.Wait()
	ix.per = make([]Period, 0, len(periods))
	for c := range NumClasses {
		ix.classes[c].off, ix.classes[c].n = int32(len(ix.per)), int32(len(byClass[c]))
		for _, k := range orders[c] {
			ix.per = append(ix.per, periods[byClass[c][k]])
		}
	}
}

// Len returns the number of periods.
func (ix *Index) Len() int { return len(ix.per) }

// Range returns the numbers of the periods of class c: [first, end).
func (ix *Index) Range(c Class) (first, end int32) {
	cl := &ix.classes[c]
	return cl.off, cl.off + cl.n
}

// Period returns period p. It is the index's: read it, do not modify it.
func (ix *Index) Period(p int32) *Period { return &ix.per[p] }

// Certainty returns how sure it is that period p holds on day q.
func (ix *Index) Certainty(p int32, q days.Day) Certainty { return ix.per[p].w.At(q) }

// Stab calls yield with every period of class c that possibly holds on day q
// (its number and the period) and with how sure that is, until yield
// returns false; it reports whether it finished. It costs O(log n + k) for k periods yielded. The order is
// fixed by the index (by tree node from the root, then by start or by end
// within a node): the same for the same periods, but not sorted.
func (ix *Index) Stab(c Class, q days.Day, yield func(p int32, r *Period, c Certainty) bool) bool {
	cl := &ix.classes[c]
	per, nodes, byHi := ix.per[cl.off:cl.off+cl.n], cl.tree.nodes, cl.tree.byHi
	for n := int32(0); n >= 0 && int(n) < len(nodes); {
		nd := &nodes[n]
		switch {
		case q < nd.center:
			// Every window here ends after the center, so it contains q
			// exactly when it starts at or before q; they are by start.
			for pos := nd.off; pos < nd.off+nd.n; pos++ {
				r := &per[pos]
				if r.w.Lo > q {
					break
				}
				if !yield(cl.off+pos, r, r.w.At(q)) {
					return false
				}
			}
			n = nd.left
		case q > nd.center:
			// Every window here starts at or before the center, so it
			// contains q exactly when it ends after q; they are by end.
			for _, pos := range byHi[nd.off : nd.off+nd.n] {
				r := &per[pos]
				if r.w.Hi <= q {
					break
				}
				if !yield(cl.off+pos, r, r.w.At(q)) {
					return false
				}
			}
			n = nd.right
		default:
			for pos := nd.off; pos < nd.off+nd.n; pos++ {
				if r := &per[pos]; !yield(cl.off+pos, r, r.w.At(q)) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// Count returns the number of periods of class c that possibly hold on day
// q, and of those that definitely do. It costs what [Index.Stab] does.
func (ix *Index) Count(c Class, q days.Day) (possible, definite int) {
	ix.Stab(c, q, func(_ int32, _ *Period, c Certainty) bool {
		possible++
		if c == Definite {
			definite++
		}
		return true
	})
	return possible, definite
}

// Compare orders periods by kind, then by the ranks of their From and To,
// then by number: the order of periods that change on one day.
func (ix *Index) Compare(a, b int32) int {
	return cmp.Or(cmp.Compare(ix.kindKey(a), ix.kindKey(b)), cmp.Compare(a, b))
}

// kindKey orders periods by kind, then the ranks of their ends. Ranks fit
// in 28 bits: the index holds fewer than 2^28 nodes.
func (ix *Index) kindKey(p int32) uint64 {
	r := &ix.per[p]
	return uint64(r.Kind)<<56 | uint64(ix.rank[r.From])<<28 | uint64(ix.rank[r.To])
}

// A sortKey places a period in an order: two words compared in turn, then
// the period. Sorting keys is much faster than sorting with a comparison
// function that looks things up.
type sortKey struct {
	a, b uint64
	p    int32
}

func compareSortKeys(x, y sortKey) int {
	return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.p, y.p))
}

// byStart returns every period in the order of its start (open starts
// first; then by the first and last day the start may fall on), then kind
// and the ranks of its ends.
func (ix *Index) byStart() []int32 {
	keys := make([]sortKey, len(ix.per))
	for p := range ix.per {
		keys[p] = sortKey{timeKey(ix.per[p].Start(), false), ix.kindKey(int32(p)), int32(p)}
	}
	slices.SortFunc(keys, compareSortKeys)
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = k.p
	}
	return out
}

// buildNodeLists lists the periods of every node, each list in start order.
func (ix *Index) buildNodeLists(order []int32) {
	owners := make([]int32, 0, 2*len(ix.per))
	items := make([]int32, 0, 2*len(ix.per))
	for _, p := range order {
		r := &ix.per[p]
		owners = append(owners, r.From)
		items = append(items, p)
		if r.To != r.From {
			owners = append(owners, r.To)
			items = append(items, p)
		}
	}
	ix.nodeOff, ix.nodePer = csr(len(ix.rank), owners, items)
}

// Periods returns the periods with node n as an end, From or To, in the
// order of their starts (as [Index.Timeline] orders changes). For a place
// they are the territorial periods on it. The slice is the index's: read,
// do not modify.
func (ix *Index) Periods(n int32) []int32 {
	return ix.nodePer[ix.nodeOff[n]:ix.nodeOff[n+1]]
}

// csr groups pairs (owner, item) into per-owner lists.
func csr(n int, owners, items []int32) (off, list []int32) {
	off = make([]int32, n+1)
	for _, o := range owners {
		off[o+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	list = make([]int32, len(items))
	fill := slices.Clone(off[:n])
	for k, o := range owners {
		list[fill[o]] = items[k]
		fill[o]++
	}
	return off, list
}
