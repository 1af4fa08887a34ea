package conflict

import (
	"cmp"
	"maps"
	"math/bits"
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/interval"
)

// index is an immutable snapshot of a record, laid out for queries. It is
// built once, on the first query after a change, in O(n log n) time for n
// relations and events; a query reads only the index, so queries run
// concurrently with each other and with additions.
//
// What a query reads is kept in dense arrays of small integers: node
// numbers, day numbers, period numbers.
type index struct {
	// The record as it was: prefixes of the store's append-only slices, and
	// a copy of its ID map, which keeps growing. Its other maps are nil.
	rec     store
	ids     []string // ID of each node, the one thing most answers read of it
	rank    []int32  // rank of each node in ID order, for sorting without strings
	party   []int32  // dense number of each party among the parties, or -1 for a location
	parties []int32  // the node of each party number

	// Periods, grouped by class; within a class in the order of its tree.
	per      []iperiod
	lasts    []Date // the latest claimed date of each disputed bound, in the order of their keys (see lastOf)
	lastBits []uint64
	lastRank []int32
	joined   []joinedKinds // the support kinds events added to periods flagged joins, by period
	claims   []int32       // for periods with several claims: a count, then each claim
	derived  []dclaim
	classes  [numClasses]class

	adjOff []int32 // periods touching party n are adj[adjOff[n]:adjOff[n+1]], by start
	adj    []int32

	segOff    []int32 // control segments of location n are k in [segOff[n], segOff[n+1])
	segFrom   []int32 // first day of segment k
	segHolder []int32
	segInfo   []uint8
	terrOff   []int32 // territorial periods on location n are terr[terrOff[n]:terrOff[n+1]]
	terr      []int32

	childOff []int32 // locations within location n are child[childOff[n]:childOff[n+1]]
	child    []int32

	// Dated starts and ends in time order, apart by the width of their
	// windows, so that a question about a month reads back a month for most
	// changes and further only for the few dated to a year or disputed.
	changes [4]changeList // narrow starts, wide starts, narrow ends, wide ends
}

// A changeList is a list of openings or closings in time order, every one
// on a window of days no wider than width.
type changeList struct {
	ps     []int32
	width  int32 // last-first of the widest window in ps
	closed bool
}

// narrow is the widest window, last-first, of a narrow change: a month.
const narrow = 30

// iperiod is a period in the index: 28 bytes. Unless its bounds are
// disputed (then index.bounds has them whole), it possibly holds over the
// days [lo, hi) and definitely over [sHi, eLo), where lo and sHi are the
// earliest and latest days its start may take effect and eLo and hi those of
// its end; an open start is minDay and an open end maxDay.
type iperiod struct {
	start, end Date // the bounds' dates: the earliest claimed, when disputed
	from, to   int32
	claim      int32 // the one stated relation behind it, or with manyClaims its offset in index.claims
	kind       RelationKind
	flags      uint8
	support    Support // from the claims that date or state the period
}

// joinedKinds are the kinds of support that only events joining period p
// while in force name: they count from those events' dates.
type joinedKinds struct {
	p     int32
	kinds Support
}

const (
	startDisputed uint8 = 1 << iota
	endDisputed
	manyClaims // not one stated relation: claim is an offset in index.claims
	joins      // events that joined it added kinds of support: see index.joined
	disputed   = startDisputed | endDisputed
)

// The days of an undisputed period's bounds.

func (r *iperiod) sLo() int32 { return Bound{Date: r.start}.startLo() }
func (r *iperiod) sHi() int32 { return Bound{Date: r.start}.startHi() }
func (r *iperiod) eLo() int32 { return Bound{Date: r.end}.endLo() }
func (r *iperiod) eHi() int32 { return Bound{Date: r.end}.endHi() }

// surelyStarted reports whether an undisputed period has surely begun by
// day q: cheaply, without working out the end of its start's window, when
// q is a year or more past its first day.
func (r *iperiod) surelyStarted(q int32) bool {
	return r.start.IsZero() || int64(q)-int64(r.start.first()) > 366 || r.sHi() <= q
}

// dclaim is a claim derived from an event.
type dclaim struct {
	ev      int32
	date    Date
	end     bool
	joins   bool
	support Support
}

// The classes of relation, each with its own interval tree, so that a query
// for one class does not pay for the others.
const (
	positiveClass  = iota // supports, allied, part-of
	hostileClass          // fights, ceasefire
	territoryClass        // controls, besieges, contests
	numClasses
)

func classOf(k RelationKind) int {
	switch {
	case k.Positive():
		return positiveClass
	case k.Territorial():
		return territoryClass
	}
	return hostileClass
}

type class struct {
	off  int32 // first period of the class
	n    int32 // periods in the class
	tree *interval.Tree
}

// bounds returns period p's start and end.
func (ix *index) bounds(p int32) (start, end Bound) {
	r := &ix.per[p]
	start, end = Bound{Date: r.start}, Bound{Date: r.end}
	if r.flags&startDisputed != 0 {
		start.Last = ix.lastOf(2 * p)
	}
	if r.flags&endDisputed != 0 {
		end.Last = ix.lastOf(2*p + 1)
	}
	return start, end
}

// lastOf returns the latest claimed date of a disputed bound: key 2p for
// the start of period p, 2p+1 for its end. A bit set for each disputed key,
// with a running count every 64 keys, finds its place in lasts in constant
// time.
func (ix *index) lastOf(key int32) Date {
	w, b := key/64, uint(key%64)
	return ix.lasts[ix.lastRank[w]+int32(bits.OnesCount64(ix.lastBits[w]&(1<<b-1)))]
}

// setDisputed records the latest claimed date of the disputed bound key;
// keys must come in increasing order.
func (ix *index) setDisputed(key int32, last Date) {
	ix.lastBits[key/64] |= 1 << uint(key%64)
	ix.lasts = append(ix.lasts, last)
}

// window returns the days over which period p possibly holds: [lo, hi).
func (ix *index) window(p int32) (lo, hi int32) {
	r := &ix.per[p]
	if r.flags&disputed == 0 {
		return r.sLo(), r.eHi()
	}
	start, end := ix.bounds(p)
	return start.startLo(), end.endHi()
}

// sure returns the days over which period p definitely holds: [sHi, eLo).
func (ix *index) sure(p int32) (sHi, eLo int32) {
	r := &ix.per[p]
	if r.flags&disputed == 0 {
		return r.sHi(), r.eLo()
	}
	start, end := ix.bounds(p)
	return start.startHi(), end.endLo()
}

// definitely reports whether period p surely holds on day q.
func (ix *index) definitely(p, q int32) bool {
	if r := &ix.per[p]; r.flags&disputed == 0 {
		return q < r.eLo() && r.surelyStarted(q)
	}
	sHi, eLo := ix.sure(p)
	return sHi <= q && q < eLo
}

func (ix *index) certainty(p, q int32) Certainty {
	if ix.definitely(p, q) {
		return Definite
	}
	if lo, hi := ix.window(p); lo <= q && q < hi {
		return Possible
	}
	return Absent
}

// inForce returns the certainty of period p on day q, which the caller
// knows it possibly holds on.
func (ix *index) inForce(p, q int32) Certainty {
	if ix.definitely(p, q) {
		return Definite
	}
	return Possible
}

// claimsOf returns the claims of period p: stated relations, and ^i for
// derived[i].
func (ix *index) claimsOf(p int32) []int32 {
	r := &ix.per[p]
	if r.flags&manyClaims == 0 {
		return []int32{r.claim}
	}
	n := ix.claims[r.claim]
	return ix.claims[r.claim+1 : r.claim+1+n]
}

func (ix *index) tie(p int32, c Certainty) Tie {
	r := &ix.per[p]
	t := Tie{
		Kind:      r.kind,
		From:      ix.ids[r.from],
		To:        ix.ids[r.to],
		Start:     Bound{Date: r.start},
		End:       Bound{Date: r.end},
		Support:   r.support | ix.joinedKinds(p),
		Certainty: c,
		ix:        ix,
		p:         p,
	}
	if r.flags&(startDisputed|endDisputed) != 0 {
		t.Start, t.End = ix.bounds(p)
	}
	return t
}

// supportAt returns the kinds of support period p gives on day q: those of
// the claims that date or state it, and those of events that joined it on or
// before q.
func (ix *index) supportAt(p, q int32) Support {
	r := &ix.per[p]
	s := r.support
	if r.flags&joins == 0 {
		return s
	}
	for _, c := range ix.claimsOf(p) {
		if c >= 0 {
			continue
		}
		if d := &ix.derived[^c]; !d.end && d.date.earliest() <= q {
			s |= d.support
		}
	}
	return s
}

// joinedKinds returns the kinds of support only events that joined period
// p while in force name.
func (ix *index) joinedKinds(p int32) Support {
	if ix.per[p].flags&joins == 0 {
		return 0
	}
	i, _ := slices.BinarySearchFunc(ix.joined, p, func(j joinedKinds, p int32) int { return cmp.Compare(j.p, p) })
	return ix.joined[i].kinds
}

// relations returns the claims of period p as relations, in time order.
func (ix *index) relations(p int32) []Relation {
	r := &ix.per[p]
	cs := ix.claimsOf(p)
	out := make([]Relation, 0, len(cs))
	for i, c := range cs {
		if c >= 0 {
			// A stated relation makes a start and an end claim; list it once.
			if !slices.Contains(cs[:i], c) {
				out = append(out, ix.rec.relation(c))
			}
			continue
		}
		d := &ix.derived[^c]
		rel := Relation{
			Kind:    r.kind,
			From:    ix.rec.nodes[r.from].id,
			To:      ix.rec.nodes[r.to].id,
			Support: d.support,
			Sources: ix.rec.sourceIDs(ix.rec.evSrcs[d.ev]),
			Event:   ix.rec.events[d.ev].ID,
		}
		if d.end {
			rel.End = d.date
		} else {
			rel.Start = d.date
		}
		out = append(out, rel)
	}
	return out
}

// buildIndex builds the index of the store's current record. The parts
// that do not depend on each other are built at once, on as many cores.
func buildIndex(s *store) *index {
	ix := &index{rec: store{
		name:      s.name,
		sources:   s.sources,
		actors:    s.actors,
		backers:   s.backers,
		locations: s.locations,
		nodes:     s.nodes,
		nodeID:    maps.Clone(s.nodeID),
		rels:      s.rels,
		extras:    s.extras,
		srcSets:   s.srcSets,
		events:    s.events,
		evSrcs:    s.evSrcs,
	}}
	ix.ids = make([]string, len(s.nodes))
	ix.party = make([]int32, len(s.nodes))
	for i := range s.nodes {
		ix.ids[i] = s.nodes[i].id
		ix.party[i] = -1
		if s.nodes[i].typ.IsParty() {
			ix.party[i] = int32(len(ix.parties))
			ix.parties = append(ix.parties, int32(i))
		}
	}
	ix.rank = make([]int32, len(s.nodes))
	byID := make([]int32, len(s.nodes))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return cmp.Compare(s.nodes[a].id, s.nodes[b].id) })
	for r, n := range byID {
		ix.rank[n] = int32(r)
	}

	// Places and the ties between parties are derived apart, at once:
	// every event bears on one or the other.
	var facts [2][]fact
	for i := range s.rels {
		r := &s.rels[i]
		k := btoi(r.kind.Territorial())
		facts[k] = append(facts[k], fact{kind: r.kind, from: r.from, to: r.to, start: r.start, end: r.end, support: r.support, id: int32(i)})
	}
	var evs [2][]happening
	for i := range s.events {
		h := s.happening(int32(i))
		k := btoi(h.kind != EventIntervention && h.kind != EventCeasefire)
		evs[k] = append(evs[k], h)
	}
	var periods [2][]period
	var wg sync.WaitGroup
	for k := range 2 {
		wg.Go(func() { periods[k] = derive(facts[k], evs[k]) })
	}
	wg.Wait()
	ix.layout(append(periods[0], periods[1]...))
	ix.buildLists()
	return ix
}

// happening returns event i in dense form.
func (s *store) happening(i int32) happening {
	e := &s.events[i]
	h := happening{kind: e.Kind, date: e.Date, loc: -1, support: e.Support, id: i}
	if e.Location != "" {
		h.loc = s.nodeID[e.Location]
	}
	for _, a := range e.Actors {
		h.actors = append(h.actors, s.nodeID[a])
	}
	for _, a := range e.Counterparts {
		h.counterparts = append(h.counterparts, s.nodeID[a])
	}
	return h
}

// layout places the periods by class, each class in its tree's order, with
// their claims.
func (ix *index) layout(ps []period) {
	var byClass [numClasses][]int32
	for i := range ps {
		c := classOf(ps[i].kind)
		byClass[c] = append(byClass[c], int32(i))
	}
	ix.per = make([]iperiod, 0, len(ps))
	nclaims, nderived := 0, 0
	for i := range ps {
		if cs := ps[i].claims; !oneRelation(cs) {
			nclaims += 1 + len(cs)
			for _, c := range cs {
				if c.rel < 0 {
					nderived++
				}
			}
		}
	}
	ix.claims = make([]int32, 0, nclaims)
	ix.derived = make([]dclaim, 0, nderived)
	ix.lastBits = make([]uint64, (2*len(ps)+63)/64)
	var wg sync.WaitGroup
	var orders [numClasses][]int32
	for c := range numClasses {
		members := byClass[c]
		lo, hi := make([]int32, len(members)), make([]int32, len(members))
		for k, i := range members {
			lo[k] = ps[i].start.startLo()
			hi[k] = ps[i].end.endHi()
		}
		wg.Go(func() {
			tree, order := interval.Build(lo, hi)
			// Periods that can never hold are not in the tree; they go
			// after it.
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
			ix.classes[c].tree, orders[c] = tree, order
		})
	}
	wg.Wait()
	for c := range numClasses {
		members := byClass[c]
		ix.classes[c].off, ix.classes[c].n = int32(len(ix.per)), int32(len(members))
		for _, k := range orders[c] {
			p := &ps[members[k]]
			n := int32(len(ix.per))
			r := iperiod{start: p.start.Date, end: p.end.Date, from: p.from, to: p.to, kind: p.kind, support: p.support}
			if p.joined != 0 {
				r.flags |= joins
				ix.joined = append(ix.joined, joinedKinds{n, p.joined})
			}
			if r.kind.Symmetric() && ix.rank[r.from] > ix.rank[r.to] {
				r.from, r.to = r.to, r.from
			}
			if p.start.Disputed() {
				r.flags |= startDisputed
				ix.setDisputed(2*n, p.start.Last)
			}
			if p.end.Disputed() {
				r.flags |= endDisputed
				ix.setDisputed(2*n+1, p.end.Last)
			}
			if oneRelation(p.claims) {
				r.claim = p.claims[0].rel
			} else {
				r.flags |= manyClaims
				r.claim = int32(len(ix.claims))
				ix.claims = append(ix.claims, int32(len(p.claims)))
				for _, c := range p.claims {
					if c.rel >= 0 {
						ix.claims = append(ix.claims, c.rel)
						continue
					}
					ix.claims = append(ix.claims, ^int32(len(ix.derived)))
					ix.derived = append(ix.derived, dclaim{ev: c.ev, date: c.date, end: c.end, joins: c.joins, support: c.support})
				}
			}
			ix.per = append(ix.per, r)
		}
	}
	ix.lastRank = make([]int32, len(ix.lastBits))
	var seen int32
	for w, b := range ix.lastBits {
		ix.lastRank[w] = seen
		seen += int32(bits.OnesCount64(b))
	}
}

// oneRelation reports whether the claims all come from one stated relation:
// its start and, if it has one, its end.
func oneRelation(cs []claim) bool {
	for _, c := range cs {
		if c.rel < 0 || c.rel != cs[0].rel {
			return false
		}
	}
	return true
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

// timeKey orders changes by their first, then their last day.
func timeKey(first, last int32) uint64 {
	return uint64(uint32(first)^1<<31)<<32 | uint64(uint32(last-first))
}

// kindKey orders periods by kind, then the IDs of their ends. Node ranks
// fit in 28 bits: the index holds fewer than 2^28 nodes.
func (ix *index) kindKey(p int32) uint64 {
	r := &ix.per[p]
	return uint64(r.kind)<<56 | uint64(ix.rank[r.from])<<28 | uint64(ix.rank[r.to])
}

// byStart returns every period in the order of its start (open starts
// first; then by the first and last day the start may fall on), then kind
// and the IDs of its ends.
func (ix *index) byStart() []int32 {
	keys := make([]sortKey, len(ix.per))
	for p := range ix.per {
		x := ix.openingOf(int32(p))
		keys[p] = sortKey{timeKey(x.first, x.last), ix.kindKey(int32(p)), int32(p)}
	}
	slices.SortFunc(keys, compareSortKeys)
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = k.p
	}
	return out
}

// buildLists builds the per-node lists, each in start order, and the
// sorted lists of starts and ends.
func (ix *index) buildLists() {
	order := ix.byStart()
	var wg sync.WaitGroup
	wg.Go(func() { ix.buildAdjacency(order) })
	wg.Go(func() { ix.buildTerritory(order) })
	wg.Go(func() { ix.buildChanges(order) })
	wg.Wait()
}

func (ix *index) buildAdjacency(order []int32) {
	// Periods on a location are in its territorial list, not here.
	owners := make([]int32, 0, 2*len(ix.per))
	items := make([]int32, 0, 2*len(ix.per))
	for _, p := range order {
		r := &ix.per[p]
		owners = append(owners, r.from)
		items = append(items, p)
		if !r.kind.Territorial() {
			owners = append(owners, r.to)
			items = append(items, p)
		}
	}
	ix.adjOff, ix.adj = csr(len(ix.rec.nodes), owners, items)

	owners, items = owners[:0], items[:0]
	for n := range ix.rec.nodes {
		if w := ix.rec.nodes[n].within; w >= 0 {
			owners = append(owners, w)
			items = append(items, int32(n))
		}
	}
	ix.childOff, ix.child = csr(len(ix.rec.nodes), owners, items)
}

// compareKinds orders periods by kind, then the IDs of their ends.
func (ix *index) compareKinds(a, b int32) int {
	return cmp.Or(cmp.Compare(ix.kindKey(a), ix.kindKey(b)), cmp.Compare(a, b))
}

// A change is a period opening or closing, on one of the days [first,
// last]: the sort key of Timeline and Changes.
type change struct {
	first, last int32
	p           int32 // period
	closed      bool
}

// openingOf returns the opening of period p; an open start opens on minDay.
func (ix *index) openingOf(p int32) change {
	start, _ := ix.bounds(p)
	if start.IsOpen() {
		return change{first: minDay, last: minDay, p: p}
	}
	return change{first: start.lo(), last: start.lastDay(), p: p}
}

// closingOf returns the closing of period p; an open end closes on maxDay.
func (ix *index) closingOf(p int32) change {
	_, end := ix.bounds(p)
	if end.IsOpen() {
		return change{first: maxDay, last: maxDay, p: p, closed: true}
	}
	return change{first: end.lo(), last: end.lastDay(), p: p, closed: true}
}

func (ix *index) buildChanges(order []int32) {
	lists := &ix.changes
	lists[2].closed, lists[3].closed = true, true
	add := func(l *changeList, x change) {
		l.ps = append(l.ps, x.p)
		l.width = max(l.width, x.last-x.first)
	}
	for _, p := range order {
		if x := ix.openingOf(p); x.first != minDay {
			add(&lists[btoi(x.last-x.first > narrow)], x)
		}
	}
	var keys []sortKey
	for p := range ix.per {
		if x := ix.closingOf(int32(p)); x.first != maxDay {
			keys = append(keys, sortKey{timeKey(x.first, x.last), ix.kindKey(int32(p)), int32(p)})
		}
	}
	slices.SortFunc(keys, compareSortKeys)
	for _, k := range keys {
		x := ix.closingOf(k.p)
		add(&lists[2+btoi(x.last-x.first > narrow)], x)
	}
	for i := range lists {
		lists[i].ps = slices.Clone(lists[i].ps) // exact: appends leave room
	}
}

// at returns the change at position i of l.
func (ix *index) at(l *changeList, i int) change {
	if l.closed {
		return ix.closingOf(l.ps[i])
	}
	return ix.openingOf(l.ps[i])
}

// compareChanges orders changes by time, closings before openings on one
// day, then by kind and the IDs of their ends: the order of starts and ends.
func (ix *index) compareChanges(a, b change) int {
	if c := cmp.Compare(timeKey(a.first, a.last), timeKey(b.first, b.last)); c != 0 {
		return c
	}
	if a.closed != b.closed {
		if a.closed {
			return -1
		}
		return 1
	}
	return ix.compareKinds(a.p, b.p)
}
