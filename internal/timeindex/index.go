// Package timeindex is the time index of a conflict's record: the periods
// of its relations, each holding over a window of days, laid out once for
// dated questions — which periods may hold on a day and how many, what
// changed in a range of days and how much, every change touching a node,
// who holds a place on a day.
//
// It knows integers only: node numbers, day numbers ([days.Day]), class
// and role codes of its own, and codes of its caller's that it keeps without
// reading (claims, a payload, tags) or only to order and count by (kinds).
// Build takes any list of periods, so a caller may index a subset of its
// record as well as all of it.
//
// Whether a period holds on a day is decided by one rule, [Window.At];
// whether a change falls in a range of days by another, [Bound.Within].
package timeindex

import (
	"cmp"
	"iter"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
)

// An Index is an immutable index of periods, safe for concurrent use. Its
// periods are numbered 0 to Len()-1, grouped by class ([Index.Range]); the
// numbers are the index's own, not the order of the periods given to
// [Build].
//
// Its arrays, for n periods: the periods themselves (32 bytes each); the
// starts and ends of each node's periods in time order (4 bytes per bound
// per end); the dated starts and ends in time order (4 bytes each); the
// control segments of the places; and, per kind, the days on which periods
// start and end, as counts by day.
type Index struct {
	per     []Period
	classes [NumClasses]classLayout
	rank    []int32 // rank of each node in the caller's order

	nodeOff  []int32 // the edges of node n are nodeEdge[nodeOff[n]:nodeOff[n+1]], in time order
	nodeEdge []Edge

	// Control segments: those of node n are k in [segOff[n], segOff[n+1]).
	segOff  []int32
	segFrom []days.Day // first day of segment k
	seg     []segData

	changes changeIndex
	counts  [MaxKinds + 1]kindCounts // by kind, and of all kinds at allKinds
	present Kinds                    // the kinds of the periods
}

// An Edge is the start or the end of a period: p<<1 for the start of
// period p, p<<1|1 for its end.
type Edge int32

// Period returns the period e is a bound of.
func (e Edge) Period() int32 { return int32(e >> 1) }

// Closed reports whether e is an end.
func (e Edge) Closed() bool { return e&1 != 0 }

// edgeOf returns the edge of period p's end if closed, else its start.
func edgeOf(p int32, closed bool) Edge {
	e := Edge(p << 1)
	if closed {
		e |= 1
	}
	return e
}

// Build returns the index of periods. rank gives the order of the nodes
// (node n sorts rank[n]th; the caller sorts them by ID), with one entry for
// every node a period may name; it orders the periods that change on one
// day. Build takes O(n log n) time for n periods (sorting packed keys by
// their bytes, in O(n) when days and nodes are few enough), on several
// cores.
//
// A period's bounds must be well formed: First <= Last, Sure is Last or
// Last+1, an open start is [Open](days.OpenStart) and an open end
// Open(days.OpenEnd). A territorial period has a Role; others have none.
// Kinds are below [MaxKinds].
func Build(periods []Period, rank []int32) *Index {
	ix := &Index{rank: rank}
	ix.layout(periods)
	var wg sync.WaitGroup
	ix.buildEdges()
	wg.Go(ix.buildControl)
	wg.Go(ix.buildCounts)
	wg.Wait()
	return ix
}

// Len returns the number of periods.
func (ix *Index) Len() int { return len(ix.per) }

// Range returns the numbers of the periods of class c: [first, end).
func (ix *Index) Range(c Class) (first, end int32) {
	cl := &ix.classes[c]
	return cl.off, cl.end
}

// Period returns period p. It is the index's: read it, do not modify it.
func (ix *Index) Period(p int32) *Period { return &ix.per[p] }

// Certainty returns how sure it is that period p holds on day q.
func (ix *Index) Certainty(p int32, q days.Day) Certainty { return ix.per[p].w.At(q) }

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

// Edges returns the starts and ends of the periods with node n as an end,
// From or To, in time order: open starts first, then as [Index.Changes]
// orders changes, then open ends. The slice is the index's: read, do not
// modify.
func (ix *Index) Edges(n int32) []Edge {
	return ix.nodeEdge[ix.nodeOff[n]:ix.nodeOff[n+1]]
}

// Periods yields the periods with node n as an end, From or To, in the
// order of their starts (as [Index.Timeline] orders changes). For a place
// they are the territorial periods on it. It costs in proportion to the
// periods of n.
func (ix *Index) Periods(n int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for _, e := range ix.Edges(n) {
			if !e.Closed() && !yield(e.Period()) {
				return
			}
		}
	}
}

// Timeline returns the dated starts and ends of the periods with node n as
// an end (see [Index.Edges]), in the order of [Index.Changes]: Edges
// without the open starts and ends. It is a slice of the index's, found by
// two binary searches: read, do not modify.
func (ix *Index) Timeline(n int32) []Edge {
	es := ix.Edges(n)
	lo, hi := 0, len(es)
	for lo < hi { // open starts come first
		m := int(uint(lo+hi) >> 1)
		if e := es[m]; !e.Closed() && ix.per[e.Period()].w.Lo == days.OpenStart {
			lo = m + 1
		} else {
			hi = m
		}
	}
	first := lo
	hi = len(es)
	for lo < hi { // open ends come last
		m := int(uint(lo+hi) >> 1)
		if e := es[m]; e.Closed() && ix.per[e.Period()].w.Hi == days.OpenEnd {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return es[first:lo]
}

// bound returns the bound that edge e is.
func (ix *Index) bound(e Edge) Bound { return ix.per[e.Period()].Bound(e.Closed()) }

// first returns the first day edge e may have taken effect.
func (ix *Index) first(e Edge) days.Day {
	w := &ix.per[e.Period()].w
	if e.Closed() {
		return w.SureHi
	}
	return w.Lo
}
