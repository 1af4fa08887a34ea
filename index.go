package conflict

import (
	"cmp"
	"maps"
	"slices"

	"github.com/conflictgraph/conflict/internal/interval"
)

// index is an immutable snapshot of a record, laid out for queries. It is
// built once, on the first query after a change, in O(n log n) for n
// relations and events; a query reads only the index, so queries run
// concurrently with each other and with additions.
type index struct {
	// The record as it was: prefixes of the store's append-only slices, and
	// a copy of its ID map, which keeps growing. Its other maps are nil.
	rec store

	// Periods, grouped by class; within a class in the order of its tree.
	per      []iperiod
	claimOff []int32 // claims of period p are claims[claimOff[p]:claimOff[p+1]]
	claims   []iclaim
	classes  [numClasses]class

	adjOff []int32 // periods touching node n are adj[adjOff[n]:adjOff[n+1]], by start
	adj    []int32

	segOff  []int32 // control segments of location n are segs[segOff[n]:segOff[n+1]]
	segs    []segment
	terrOff []int32 // territorial periods on location n are terr[terrOff[n]:terrOff[n+1]]
	terr    []int32

	childOff []int32 // locations within location n are child[childOff[n]:childOff[n+1]]
	child    []int32

	changes  []change // every dated start and end, by earliest day
	maxWidth int32    // widest window of any change, last-first, in days
}

// iperiod is a period in the index: its bounds, and the day windows they
// make. It holds possibly over [sLo, eHi) and definitely over [sHi, eLo).
type iperiod struct {
	start, end Bound
	sLo, sHi   int32
	eLo, eHi   int32
	from, to   int32
	kind       RelationKind
	support    Support // from the claims that date or state the period
	joined     Support // only from events that joined it later: in force from their dates
}

// iclaim is a claim in the index: a stated relation (rel >= 0), or a
// relation derived from an event.
type iclaim struct {
	rel     int32
	ev      int32
	date    Date
	end     bool
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

// change is a period opening or closing, on one of the days [first, last].
type change struct {
	first, last int32
	p           int32 // period
	closed      bool
}

func (ix *index) certainty(p, q int32) Certainty {
	r := &ix.per[p]
	switch {
	case r.sHi <= q && q < r.eLo:
		return Definite
	case r.sLo <= q && q < r.eHi:
		return Possible
	}
	return Absent
}

func (ix *index) tie(p int32, c Certainty) Tie {
	r := &ix.per[p]
	return Tie{
		Kind:      r.kind,
		From:      ix.rec.nodes[r.from].id,
		To:        ix.rec.nodes[r.to].id,
		Start:     r.start,
		End:       r.end,
		Support:   r.support | r.joined,
		Certainty: c,
		ix:        ix,
		p:         p,
	}
}

// supportAt returns the kinds of support period p gives on day q: those of
// the claims that date or state it, and those of events that joined it on or
// before q.
func (ix *index) supportAt(p, q int32) Support {
	r := &ix.per[p]
	s := r.support
	if r.joined&^s == 0 {
		return s
	}
	for _, c := range ix.claims[ix.claimOff[p]:ix.claimOff[p+1]] {
		if c.rel < 0 && !c.end && c.date.earliest() <= q {
			s |= c.support
		}
	}
	return s
}

// relations returns the claims of period p as relations, in time order.
func (ix *index) relations(p int32) []Relation {
	r := &ix.per[p]
	cs := ix.claims[ix.claimOff[p]:ix.claimOff[p+1]]
	out := make([]Relation, 0, len(cs))
	for i, c := range cs {
		if c.rel >= 0 {
			// A stated relation makes a start and an end claim; list it once.
			if !slices.ContainsFunc(cs[:i], func(d iclaim) bool { return d.rel == c.rel }) {
				out = append(out, ix.rec.relation(c.rel))
			}
			continue
		}
		rel := Relation{
			Kind:    r.kind,
			From:    ix.rec.nodes[r.from].id,
			To:      ix.rec.nodes[r.to].id,
			Support: c.support,
			Sources: ix.rec.sourceIDs(ix.rec.evSrcs[c.ev]),
			Event:   ix.rec.events[c.ev].ID,
		}
		if c.end {
			rel.End = c.date
		} else {
			rel.Start = c.date
		}
		out = append(out, rel)
	}
	return out
}

// buildIndex builds the index of the store's current record.
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
	facts := make([]fact, len(s.rels))
	for i := range s.rels {
		r := &s.rels[i]
		facts[i] = fact{kind: r.kind, from: r.from, to: r.to, start: r.start, end: r.end, support: r.support, id: int32(i)}
	}
	evs := make([]happening, len(s.events))
	for i := range s.events {
		evs[i] = s.happening(int32(i))
	}
	ix.layout(derive(facts, evs))
	ix.buildAdjacency()
	ix.buildTerritory()
	ix.buildChanges()
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

// layout places the periods by class, each class in its tree's order.
func (ix *index) layout(ps []period) {
	var byClass [numClasses][]int32
	for i := range ps {
		c := classOf(ps[i].kind)
		byClass[c] = append(byClass[c], int32(i))
	}
	ix.per = make([]iperiod, 0, len(ps))
	ix.claimOff = make([]int32, 0, len(ps)+1)
	for c := range numClasses {
		members := byClass[c]
		lo := make([]int32, len(members))
		hi := make([]int32, len(members))
		for k, i := range members {
			sLo, _ := ps[i].start.startDays()
			_, eHi := ps[i].end.endDays()
			lo[k], hi[k] = sLo, eHi
		}
		tree, order := interval.Build(lo, hi)
		// Periods that can never hold are not in the tree; they go after it.
		inTree := make([]bool, len(members))
		for _, k := range order {
			inTree[k] = true
		}
		for k := range members {
			if !inTree[k] {
				order = append(order, int32(k))
			}
		}
		ix.classes[c] = class{off: int32(len(ix.per)), n: int32(len(members)), tree: tree}
		for _, k := range order {
			p := &ps[members[k]]
			r := iperiod{start: p.start, end: p.end, from: p.from, to: p.to, kind: p.kind, support: p.support, joined: p.joined}
			if r.kind.Symmetric() && ix.rec.nodes[r.from].id > ix.rec.nodes[r.to].id {
				r.from, r.to = r.to, r.from
			}
			r.sLo, r.sHi = p.start.startDays()
			r.eLo, r.eHi = p.end.endDays()
			ix.per = append(ix.per, r)
			ix.claimOff = append(ix.claimOff, int32(len(ix.claims)))
			for _, c := range p.claims {
				ix.claims = append(ix.claims, iclaim{rel: c.rel, ev: c.ev, date: c.date, end: c.end, support: c.support})
			}
		}
	}
	ix.claimOff = append(ix.claimOff, int32(len(ix.claims)))
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

func (ix *index) buildAdjacency() {
	owners := make([]int32, 0, 2*len(ix.per))
	items := make([]int32, 0, 2*len(ix.per))
	for p := range ix.per {
		r := &ix.per[p]
		owners = append(owners, r.from, r.to)
		items = append(items, int32(p), int32(p))
	}
	ix.adjOff, ix.adj = csr(len(ix.rec.nodes), owners, items)
	for n := range ix.rec.nodes {
		slices.SortFunc(ix.adj[ix.adjOff[n]:ix.adjOff[n+1]], ix.compareByStart)
	}

	owners, items = owners[:0], items[:0]
	for n := range ix.rec.nodes {
		if w := ix.rec.nodes[n].within; w >= 0 {
			owners = append(owners, w)
			items = append(items, int32(n))
		}
	}
	ix.childOff, ix.child = csr(len(ix.rec.nodes), owners, items)
}

// compareByStart orders periods by start, then kind, then ends' IDs.
func (ix *index) compareByStart(a, b int32) int {
	ra, rb := &ix.per[a], &ix.per[b]
	if c := cmp.Compare(ra.sLo, rb.sLo); c != 0 {
		return c
	}
	if c := cmp.Compare(ra.sHi, rb.sHi); c != 0 {
		return c
	}
	if c := cmp.Compare(ra.kind, rb.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(ix.rec.nodes[ra.from].id, ix.rec.nodes[rb.from].id); c != 0 {
		return c
	}
	return cmp.Compare(ix.rec.nodes[ra.to].id, ix.rec.nodes[rb.to].id)
}

func (ix *index) buildChanges() {
	for p := range ix.per {
		r := &ix.per[p]
		if !r.start.IsOpen() {
			ix.changes = append(ix.changes, change{first: r.sLo, last: r.start.lastDay(), p: int32(p)})
		}
		if !r.end.IsOpen() {
			ix.changes = append(ix.changes, change{first: r.eLo, last: r.end.lastDay(), p: int32(p), closed: true})
		}
	}
	for _, x := range ix.changes {
		ix.maxWidth = max(ix.maxWidth, x.last-x.first)
	}
	slices.SortFunc(ix.changes, ix.compareChanges)
}

// compareChanges orders changes by time, closings before openings on one
// day, then as compareByStart.
func (ix *index) compareChanges(a, b change) int {
	if c := cmp.Compare(a.first, b.first); c != 0 {
		return c
	}
	if c := cmp.Compare(a.last, b.last); c != 0 {
		return c
	}
	if a.closed != b.closed {
		if a.closed {
			return -1
		}
		return 1
	}
	return ix.compareByStart(a.p, b.p)
}
