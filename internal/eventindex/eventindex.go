// Package eventindex is the index of a conflict's events: each known by the
// window of days on which it may have happened and the keys it is filed
// under — its kind, its place and every place that place lies within, the
// parties that took part — laid out once for questions that combine those
// keys with a range of days.
//
// It knows integers only: node numbers, day numbers ([days.Day]) and kind
// codes below 64. Whether an event falls in a range of days is decided by the
// time index's rule, [timeindex.Bound.Within].
//
// # Layout
//
// Events are numbered by position in time order: by first day, then last
// day, then the order given to [Build]. Each key (every event; a kind; a
// place; a party) has a list of positions, and each list is cut into runs by
// the width of the events' windows, in powers of two, each run in time
// order. An event that may fall in the days [q1, q2) and lies in a run whose
// widest window spans w days begins on a day in [q1-w, q2): two binary
// searches per run bound the candidates, and only events of that run's width
// that began up to w days before q1 are read and passed over. A question
// reads the list of its most selective key and checks the others on each
// candidate.
package eventindex

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// An Event is what the index knows of one event.
type Event struct {
	First, Last days.Day // the first and last day on which it may have happened; First <= Last
	Kind        uint8    // below 64
	Place       int32    // the node of its place, or -1
	Parties     []int32  // the nodes of the parties that took part; repeats are ignored
}

// A Query asks for the events that may fall in a range of days and match
// every key given.
type Query struct {
	From, To days.Day // the days [From, To); days.OpenStart and days.OpenEnd for no bound
	Kinds    uint64   // a bit for each kind asked for; 0 for any
	Place    int32    // a place: its events and those of every place within it; -1 for any
	Party    int32    // a party that took part; -1 for any
}

// A Hit is an event that answers a query.
type Hit struct {
	Event     int32               // its number: its index among the events given to Build
	Certainty timeindex.Certainty // Definite if it surely falls in the range, Possible if it may
}

// An Index is an immutable index of events, safe for concurrent use.
type Index struct {
	first, last []days.Day // of the event at each position
	event       []int32    // the caller's number of the event at each position
	kind        []uint8
	place       []int32 // the DFS entry number of the event's place, or -1
	partyOff    []int32 // the parties of position i are party[partyOff[i]:partyOff[i+1]]
	party       []int32

	tin, tout []int32 // DFS entry and exit numbers of each node among the places: n lies within m when tin[m] <= tin[n] < tout[m]

	all, kinds, places, parties lists
}

// lists is a list of positions for each key, cut into runs.
type lists struct {
	off  []int32 // the runs of key k are runs[off[k]:off[k+1]]
	runs []run
	pos  []int32
}

// A run is a part of one key's list: positions of events whose windows fall
// in one class of width, in time order.
type run struct {
	span   days.Day // the widest Last-First among them
	off, n int32    // pos[off:off+n]
}

// Build returns the index of evs. within gives, for every node that an
// event may name, the place it lies within, or -1 (for parties and for
// places within none); the places must not lie within each other in a
// cycle. Events on the same days keep the order of evs. It takes O(n log n)
// time for n events, and memory in proportion to the events times the
// depth of the places they are at.
func Build(evs []Event, within []int32) *Index {
	n := len(evs)
	// Sorting keys is much faster than sorting with a function that
	// looks the events up.
	type key struct {
		days uint64 // the first day, then the width of the window
		i    int32
	}
	keys := make([]key, n)
	for i := range evs {
		keys[i] = key{uint64(uint32(evs[i].First)^1<<31)<<32 | uint64(uint32(evs[i].Last-evs[i].First)), int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.days, b.days), cmp.Compare(a.i, b.i)) })
	order := make([]int32, n)
	for p, k := range keys {
		order[p] = k.i
	}
	ix := &Index{
		first: make([]days.Day, n), last: make([]days.Day, n),
		event: order, kind: make([]uint8, n), place: make([]int32, n),
		partyOff: make([]int32, n+1),
	}
	ix.numberPlaces(within)
	nodes := len(within)
	var kindKeys, placeOwners, placeItems, partyOwners, partyItems []int32
	kindKeys = make([]int32, n)
	allKeys := make([]int32, n)
	for p, i := range order {
		e := &evs[i]
		ix.first[p], ix.last[p], ix.kind[p] = e.First, e.Last, e.Kind
		kindKeys[p] = int32(e.Kind)
		ix.place[p] = -1
		if e.Place >= 0 {
			ix.place[p] = ix.tin[e.Place]
			for at := e.Place; at >= 0; at = within[at] {
				placeOwners = append(placeOwners, at)
				placeItems = append(placeItems, int32(p))
			}
		}
		start := len(ix.party)
		for _, q := range e.Parties {
			if !slices.Contains(ix.party[start:], q) {
				ix.party = append(ix.party, q)
				partyOwners = append(partyOwners, q)
				partyItems = append(partyItems, int32(p))
			}
		}
		slices.Sort(ix.party[start:])
		ix.partyOff[p+1] = int32(len(ix.party))
	}
	positions := make([]int32, n)
	for p := range positions {
		positions[p] = int32(p)
	}
	ix.all = ix.lists(1, allKeys, positions)
	ix.kinds = ix.lists(64, kindKeys, positions)
	ix.places = ix.lists(nodes, placeOwners, placeItems)
	ix.parties = ix.lists(nodes, partyOwners, partyItems)
	return ix
}

// numberPlaces numbers the nodes in depth-first order of the forest that
// within makes, so that the places within a place have consecutive numbers.
func (ix *Index) numberPlaces(within []int32) {
	n := len(within)
	kidOff := make([]int32, n+1)
	for _, w := range within {
		if w >= 0 {
			kidOff[w+1]++
		}
	}
	for i := range n {
		kidOff[i+1] += kidOff[i]
	}
	kids := make([]int32, kidOff[n])
	fill := slices.Clone(kidOff[:n])
	for i, w := range within {
		if w >= 0 {
			kids[fill[w]] = int32(i)
			fill[w]++
		}
	}
	ix.tin, ix.tout = make([]int32, n), make([]int32, n)
	clock := int32(0)
	type frame struct{ node, next int32 }
	var stack []frame
	for root := range int32(n) {
		if within[root] >= 0 {
			continue
		}
		stack = append(stack[:0], frame{root, kidOff[root]})
		ix.tin[root] = clock
		clock++
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next == kidOff[f.node+1] {
				ix.tout[f.node] = clock
				stack = stack[:len(stack)-1]
				continue
			}
			k := kids[f.next]
			f.next++
			ix.tin[k] = clock
			clock++
			stack = append(stack, frame{k, kidOff[k]})
		}
	}
}

// lists groups the pairs (owner, position) into lists by owner, each cut
// into runs by width. The positions of each owner come in ascending order.
func (ix *Index) lists(keys int, owners, items []int32) lists {
	off := make([]int32, keys+1)
	for _, o := range owners {
		off[o+1]++
	}
	for k := range keys {
		off[k+1] += off[k]
	}
	pos := make([]int32, len(items))
	fill := slices.Clone(off[:keys])
	for j, o := range owners {
		pos[fill[o]] = items[j]
		fill[o]++
	}
	class := func(p int32) int { return bits.Len32(uint32(ix.last[p] - ix.first[p])) }
	l := lists{off: make([]int32, keys+1), pos: pos}
	for k := range keys {
		seg := pos[off[k]:off[k+1]]
		if !slices.IsSortedFunc(seg, func(a, b int32) int { return class(a) - class(b) }) {
			slices.SortStableFunc(seg, func(a, b int32) int { return class(a) - class(b) })
		}
		for i := 0; i < len(seg); {
			j, span := i, days.Day(0)
			for ; j < len(seg) && class(seg[j]) == class(seg[i]); j++ {
				span = max(span, ix.last[seg[j]]-ix.first[seg[j]])
			}
			l.runs = append(l.runs, run{span: span, off: off[k] + int32(i), n: int32(j - i)})
			i = j
		}
		l.off[k+1] = int32(len(l.runs))
	}
	l.runs = slices.Clip(l.runs)
	return l
}

// Len returns the number of events.
func (ix *Index) Len() int { return len(ix.event) }

// Query returns the events that may fall in the days [q.From, q.To) and
// match every key of q, in time order: by first day, then last day, then
// the order given to Build. It reads the list of whichever key of q has the
// fewest candidates in the range, so it costs O(log n) per run of each
// key's list plus time in proportion to those candidates, and
// O(k log k) more to put k hits in order when they come from several runs.
func (ix *Index) Query(q Query) []Hit {
	if q.From >= q.To || len(ix.event) == 0 {
		return nil
	}
	type span struct {
		l        *lists
		key      int32
		lo, hi   []int // candidate bounds in each run
		estimate int
	}
	var best []span
	bestCount := -1
	consider := func(cands []span) {
		total := 0
		for _, c := range cands {
			total += c.estimate
		}
		if bestCount < 0 || total < bestCount {
			best, bestCount = cands, total
		}
	}
	bound := func(l *lists, key int32) span {
		s := span{l: l, key: key}
		for _, r := range l.runs[l.off[key]:l.off[key+1]] {
			lo, hi := ix.candidates(l, r, q.From, q.To)
			s.lo, s.hi = append(s.lo, lo), append(s.hi, hi)
			s.estimate += hi - lo
		}
		return s
	}
	consider([]span{bound(&ix.all, 0)})
	if q.Kinds != 0 {
		var cands []span
		for k := range 64 {
			if q.Kinds&(1<<k) != 0 {
				cands = append(cands, bound(&ix.kinds, int32(k)))
			}
		}
		consider(cands)
	}
	if q.Place >= 0 {
		consider([]span{bound(&ix.places, q.Place)})
	}
	if q.Party >= 0 {
		consider([]span{bound(&ix.parties, q.Party)})
	}

	var hits []int32
	runs := 0
	for _, s := range best {
		for j, r := range s.l.runs[s.l.off[s.key]:s.l.off[s.key+1]] {
			if s.lo[j] < s.hi[j] {
				runs++
			}
			for _, p := range s.l.pos[int(r.off)+s.lo[j] : int(r.off)+s.hi[j]] {
				if ix.last[p] >= q.From && ix.matches(p, q) {
					hits = append(hits, p)
				}
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	if runs > 1 {
		slices.Sort(hits)
	}
	out := make([]Hit, len(hits))
	for i, p := range hits {
		b := timeindex.Bound{First: ix.first[p], Last: ix.last[p], Sure: ix.last[p]}
		out[i] = Hit{Event: ix.event[p], Certainty: b.Within(q.From, q.To)}
	}
	return out
}

// candidates returns the part [lo, hi) of run r whose events begin on a
// day from which they may reach the days [q1, q2).
func (ix *Index) candidates(l *lists, r run, q1, q2 days.Day) (lo, hi int) {
	pos := l.pos[r.off : r.off+r.n]
	from := days.Day(max(int64(q1)-int64(r.span), int64(days.OpenStart)))
	lo = sort.Search(len(pos), func(i int) bool { return ix.first[pos[i]] >= from })
	hi = lo + sort.Search(len(pos)-lo, func(i int) bool { return ix.first[pos[lo+i]] >= q2 })
	return lo, hi
}

// matches reports whether the event at position p matches every key of q.
func (ix *Index) matches(p int32, q Query) bool {
	if q.Kinds != 0 && q.Kinds&(1<<ix.kind[p]) == 0 {
		return false
	}
	if q.Place >= 0 {
		t := ix.place[p]
		if t < ix.tin[q.Place] || t >= ix.tout[q.Place] {
			return false
		}
	}
	if q.Party >= 0 {
		if _, ok := slices.BinarySearch(ix.party[ix.partyOff[p]:ix.partyOff[p+1]], q.Party); !ok {
			return false
		}
	}
	return true
}
