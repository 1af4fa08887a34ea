package conflict

import (
	"cmp"
	"maps"
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// A snapshot is the record as it was at one time, with the time index of its
// periods: what a query reads. It is built once, on the first query after a
// change, in O(n log n) time for n relations and events, and never changes,
// so queries run concurrently with each other and with additions.
//
// The index ([timeindex.Index]) knows periods as integers; the snapshot maps
// them back to the record: node numbers to IDs, codes to dates and claims.
type snapshot struct {
	// The record as it was: prefixes of the store's append-only slices, and
	// a copy of its ID map, which keeps growing. Its other maps are nil.
	rec store
	ix  *timeindex.Index

	ids     []string // ID of each node, the one thing most answers read of it
	rank    []int32  // rank of each node in ID order
	party   []int32  // dense number of each party among the parties, or -1 for a location
	parties []int32  // the node of each party number

	childOff []int32 // locations within location n are child[childOff[n]:childOff[n+1]]
	child    []int32

	// What the index does not keep of periods with several claims (the
	// only ones with disputed bounds or support joined by events): a
	// period's Claims code c is its one stated relation if c >= 0, and
	// many[^c] if not.
	many    []manyClaims
	claims  []int32 // the claims of many: a stated relation's start (rel<<1) or end (rel<<1|1), and ^i for derived[i]
	derived []dclaim

	// cut is the day the snapshot knows the record as of, for a view of
	// the record as known then (see knowledge.go); nil for the whole
	// record. views caches the views of the whole record.
	cut   *knowledge
	views *viewCache

	agreements []agreementRec       // the agreements the snapshot knows
	names      map[int32][]nameSpan // the dated names of each party that has any, in order of start

	// more is what a snapshot builds on the first question that needs it:
	// the index of events, of measures, the weights of places (see
	// eventindex.go).
	more lazyIndexes
}

// manyClaims is what the snapshot keeps of a period with several claims.
type manyClaims struct {
	start, end Bound   // its bounds, which may be disputed
	joined     Support // the kinds of support only events that joined it while in force name: they count from those events' dates
	off, n     int32   // its claims are claims[off:off+n], in time order
}

// dclaim is a claim derived from an event.
type dclaim struct {
	ev      int32
	date    Date
	end     bool
	joins   bool // joined the period in force: does not date it
	support Support
}

// emptySnapshot is the snapshot of an empty record, which the zero Moment
// reads.
var emptySnapshot = sync.OnceValue(func() *snapshot { return newSnapshot(&store{}) })

// newSnapshot returns the snapshot of the store's current record. The parts
// that do not depend on each other are built at once, on as many cores.
func newSnapshot(st *store) *snapshot {
	s := &snapshot{rec: st.record(), views: new(viewCache)}
	s.numberNodes()
	s.index()
	return s
}

// record returns the store's record as it is now, for a snapshot: prefixes
// of its append-only slices, and copies of the maps a snapshot reads.
func (st *store) record() store {
	return store{
		name:      st.name,
		zone:      st.zone,
		sources:   st.sources,
		actors:    st.actors,
		backers:   st.backers,
		locations: st.locations,
		nodes:     st.nodes,
		nodeID:    maps.Clone(st.nodeID),
		sourceID:  maps.Clone(st.sourceID),
		names:     maps.Clone(st.names),
		rels:      st.rels,
		extras:    st.extras,
		srcSets:   st.srcSets,
		events:    st.events,
		evSrcs:    st.evSrcs,

		agreements: st.agreements,
		measures:   st.measures,
	}
}

// index derives the periods of the claims the snapshot knows and indexes
// them.
func (s *snapshot) index() {
	st := &s.rec
	// Places and the ties between parties are derived apart, at once:
	// every event bears on one or the other.
	var facts [2][]fact
	places := 0
	for i := range st.rels {
		if st.rels[i].kind.Territorial() {
			places++
		}
	}
	facts[0], facts[1] = make([]fact, 0, len(st.rels)-places), make([]fact, 0, places)
	for i := range st.rels {
		r := &st.rels[i]
		start, end, ok := s.knownBounds(int32(i))
		if !ok {
			continue
		}
		k := 0
		if r.kind.Territorial() {
			k = 1
		}
		facts[k] = append(facts[k], fact{kind: r.kind, from: r.from, to: r.to, start: start, end: end, support: r.support, id: int32(i)})
	}
	var evs [2][]happening
	for i := range st.events {
		if !s.cut.knows(st.evSrcs[i]) || s.omitted(st.events[i].Alleged) {
			continue
		}
		h := st.happening(int32(i))
		switch h.kind {
		case EventMerged: // ends ties of both kinds
			evs[0], evs[1] = append(evs[0], h), append(evs[1], h)
		case EventIntervention, EventCeasefire, EventJoined, EventLeft:
			evs[0] = append(evs[0], h)
		default: // an event at a place
			evs[1] = append(evs[1], h)
		}
	}
	var periods [2][]period
	var wg sync.WaitGroup
	for k := range 2 {
		wg.Go(func() { periods[k] = derive(facts[k], evs[k]) })
	}
	wg.Wait()
	s.ix = timeindex.Build(s.indexPeriods(periods[0], periods[1]), s.rank)
	s.indexAgreements()
	s.indexNames()
}

// numberNodes makes the tables of nodes: IDs, ranks (unless read with a
// binary snapshot), party numbers and the locations within each location.
func (s *snapshot) numberNodes() {
	nodes := s.rec.nodes
	s.ids = make([]string, len(nodes))
	s.party = make([]int32, len(nodes))
	for i := range nodes {
		s.ids[i] = nodes[i].id
		s.party[i] = -1
		if nodes[i].typ.IsParty() {
			s.party[i] = int32(len(s.parties))
			s.parties = append(s.parties, int32(i))
		}
	}
	if s.rank != nil { // read with a binary snapshot (binaryindex.go)
		s.numberChildren()
		return
	}
	s.rank = make([]int32, len(nodes))
	byID := make([]int32, len(nodes))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return cmp.Compare(nodes[a].id, nodes[b].id) })
	for r, n := range byID {
		s.rank[n] = int32(r)
	}
	s.numberChildren()
}

// numberChildren makes the lists of the locations within each location.
func (s *snapshot) numberChildren() {
	nodes := s.rec.nodes
	s.childOff = make([]int32, len(nodes)+1)
	for _, n := range nodes {
		if n.within >= 0 {
			s.childOff[n.within+1]++
		}
	}
	for i := range nodes {
		s.childOff[i+1] += s.childOff[i]
	}
	s.child = make([]int32, s.childOff[len(nodes)])
	fill := slices.Clone(s.childOff[:len(nodes)])
	for i, n := range nodes {
		if n.within >= 0 {
			s.child[fill[n.within]] = int32(i)
			fill[n.within]++
		}
	}
}

// within returns the locations within location n, in the order added.
func (s *snapshot) within(n int32) []int32 { return s.child[s.childOff[n]:s.childOff[n+1]] }

// indexPeriods returns the periods of ties and then of places as the
// index takes them, keeping what the index does not of periods with
// several claims.
func (s *snapshot) indexPeriods(ties, places []period) []timeindex.Period {
	out := make([]timeindex.Period, len(ties)+len(places))
	// The i-th period of both, in order, without putting them in one slice.
	at := func(i int) *period {
		if i < len(ties) {
			return &ties[i]
		}
		return &places[i-len(ties)]
	}
	nclaims, nderived := 0, 0
	for i := range out {
		if cs := at(i).claims; !oneRelation(cs) {
			nclaims += len(cs)
			for _, c := range cs {
				if c.rel < 0 {
					nderived++
				}
			}
		}
	}
	s.claims = make([]int32, 0, nclaims)
	s.derived = make([]dclaim, 0, nderived)
	for i := range out {
		p := at(i)
		class, role := indexClass(p.kind)
		r := timeindex.NewPeriod(class, role, p.start.days(days.OpenStart), p.end.days(days.OpenEnd))
		r.From, r.To = p.from, p.to
		r.Kind, r.Payload = uint8(p.kind), uint8(p.support)
		r.Tags = uint8(p.start.Date.Precision()) | uint8(p.end.Date.Precision())<<3
		if p.start.Disputed() || p.end.Disputed() || p.joined != 0 {
			r.Tags |= tagMany
		}
		if p.kind.Symmetric() && s.rank[r.From] > s.rank[r.To] {
			r.From, r.To = r.To, r.From
		}
		if oneRelation(p.claims) && !p.start.Disputed() && !p.end.Disputed() && p.joined == 0 {
			r.Claims = p.claims[0].rel
		} else {
			r.Claims = ^int32(len(s.many))
			m := manyClaims{start: p.start, end: p.end, joined: p.joined, off: int32(len(s.claims)), n: int32(len(p.claims))}
			for _, c := range p.claims {
				if c.rel >= 0 {
					s.claims = append(s.claims, c.rel<<1|int32(boolInt(c.end)))
					continue
				}
				s.claims = append(s.claims, ^int32(len(s.derived)))
				s.derived = append(s.derived, dclaim{ev: c.ev, date: c.date, end: c.end, joins: c.joins, support: c.support})
			}
			s.many = append(s.many, m)
		}
		out[i] = r
	}
	return out
}

// indexClass returns the class and role of a relation kind in the index.
func indexClass(k RelationKind) (timeindex.Class, timeindex.Role) {
	switch k {
	case RelationControls:
		return timeindex.ClassTerritorial, timeindex.RoleHolds
	case RelationBesieges:
		return timeindex.ClassTerritorial, timeindex.RoleBesieges
	case RelationContests:
		return timeindex.ClassTerritorial, timeindex.RoleContests
	}
	if k.Positive() {
		return timeindex.ClassPositive, timeindex.RoleNone
	}
	return timeindex.ClassHostile, timeindex.RoleNone
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
