package conflict

import (
	"maps"
	"slices"
	"time"
)

// store is the record of a conflict as it was added. Every slice in it is
// append-only and no element changes once appended, so an index built from
// a prefix of it may keep reading that prefix while later records are added.
type store struct {
	name string
	zone *time.Location // the time zone the dates are days of; nil is UTC

	sources  []Source
	sourceID map[string]int32

	actors    []Actor
	backers   []Backer
	locations []Location
	nodes     []nodeRec
	nodeID    map[string]int32
	names     map[string]int32 // folded ID, name or alias → node

	rels    []relRec
	extras  []relExtra // note and event of the relations that have them, by rel
	srcSets [][]int32  // each distinct list of sources, as source indices
	srcSet  map[string]int32
	lastSet int32 // the set internSources returned last

	events  []Event
	eventID map[string]int32

	agreements []Agreement
	evSrcs     []int32 // source set of each event

	measures []Measure // reported aggregates of the parties (measure.go)

	// Records that bear on each location's control: territorial relations
	// to it and events at it, for checking holders when a later batch adds
	// to the place. Nil until a batch finds records already stored.
	locRels   map[int32][]int32
	locEvents map[int32][]int32
}

// onLocations returns the territorial relations to each location and the
// events at it, building the lists on first use.
func (s *store) onLocations() (rels, events map[int32][]int32) {
	if s.locRels == nil {
		s.locRels, s.locEvents = map[int32][]int32{}, map[int32][]int32{}
		for i := range s.rels {
			if r := &s.rels[i]; r.kind.Territorial() {
				s.locRels[r.to] = append(s.locRels[r.to], int32(i))
			}
		}
		for i := range s.events {
			if loc := s.events[i].Location; loc != "" {
				n := s.nodeID[loc]
				s.locEvents[n] = append(s.locEvents[n], int32(i))
			}
		}
	}
	return s.locRels, s.locEvents
}

type nodeRec struct {
	id     string
	typ    NodeType
	ref    int32 // index into actors, backers or locations
	within int32 // containing location's node, or -1
}

// relRec is a stated relation in compact form.
type relRec struct {
	from, to   int32
	start, end Date
	srcs       int32 // index into srcSets
	kind       RelationKind
	support    Support
	alleged    bool
	confidence Confidence
}

// relExtra is what few relations have: a note, an event, or sources of
// their own for a bound.
type relExtra struct {
	rel       int32
	event     int32 // -1 if none
	startSrcs int32 // source set that gives the start, or -1 for all the relation's sources
	endSrcs   int32 // likewise for the end
	note      string
	attrs     map[string]string
}

// hasExtra reports whether r needs a relExtra.
func hasExtra(r *Relation) bool {
	return r.Note != "" || r.Event != "" || r.StartSources != nil || r.EndSources != nil || len(r.Attributes) > 0
}

func (s *store) init() {
	if s.nodeID != nil {
		return
	}
	s.sourceID = map[string]int32{}
	s.nodeID = map[string]int32{}
	s.names = map[string]int32{}
	s.srcSet = map[string]int32{}
	s.eventID = map[string]int32{}
}

// node returns the public view of node n.
func (s *store) node(n int32) Node {
	r := s.nodes[n]
	switch r.typ {
	case NodeActor:
		a := &s.actors[r.ref]
		return Node{ID: r.id, Type: r.typ, Name: a.Name, Kind: a.Kind.String()}
	case NodeBacker:
		b := &s.backers[r.ref]
		return Node{ID: r.id, Type: r.typ, Name: b.Name, Kind: b.Kind.String()}
	}
	l := &s.locations[r.ref]
	return Node{ID: r.id, Type: r.typ, Name: l.Name, Kind: l.Kind.String()}
}

// relation returns stated relation i in public form, with fresh slices.
func (s *store) relation(i int32) Relation {
	r := &s.rels[i]
	rel := Relation{
		Kind:    r.kind,
		From:    s.nodes[r.from].id,
		To:      s.nodes[r.to].id,
		Start:   r.start,
		End:     r.end,
		Support: r.support,
		Sources: s.sourceIDs(r.srcs),

		Alleged:    r.alleged,
		Confidence: r.confidence,
	}
	if x := s.extra(i); x != nil {
		rel.Note = x.note
		rel.Attributes = maps.Clone(x.attrs)
		if x.event >= 0 {
			rel.Event = s.events[x.event].ID
		}
		if x.startSrcs >= 0 {
			rel.StartSources = s.sourceIDs(x.startSrcs)
		}
		if x.endSrcs >= 0 {
			rel.EndSources = s.sourceIDs(x.endSrcs)
		}
	}
	return rel
}

// extra returns the extras of relation i, or nil if it has none.
func (s *store) extra(i int32) *relExtra {
	if k, ok := slices.BinarySearchFunc(s.extras, i, func(x relExtra, i int32) int { return int(x.rel - i) }); ok {
		return &s.extras[k]
	}
	return nil
}

// boundSources returns the source set that gives relation i's start, or
// its end if end.
func (s *store) boundSources(i int32, end bool) int32 {
	if x := s.extra(i); x != nil {
		if k := x.startSrcs; !end && k >= 0 {
			return k
		}
		if k := x.endSrcs; end && k >= 0 {
			return k
		}
	}
	return s.rels[i].srcs
}

func (s *store) sourceIDs(set int32) []string {
	ids := make([]string, len(s.srcSets[set]))
	for i, x := range s.srcSets[set] {
		ids[i] = s.sources[x].ID
	}
	return ids
}

// internSources returns the index of the source set with exactly these
// sources (already checked to exist), adding it if new. Records in a row
// often cite the same sources, so the last set is tried first.
func (s *store) internSources(ids []string) int32 {
	if k := s.lastSet; k >= 0 && int(k) < len(s.srcSets) && len(s.srcSets[k]) == len(ids) {
		same := true
		for i, x := range s.srcSets[k] {
			if s.sources[x].ID != ids[i] {
				same = false
				break
			}
		}
		if same {
			return k
		}
	}
	s.lastSet = s.internSet(ids)
	return s.lastSet
}

func (s *store) internSet(ids []string) int32 {
	set := make([]int32, len(ids))
	for i, id := range ids {
		set[i] = s.sourceID[id]
	}
	key := setKey(set)
	if k, ok := s.srcSet[key]; ok {
		return k
	}
	k := int32(len(s.srcSets))
	s.srcSets = append(s.srcSets, set)
	s.srcSet[key] = k
	return k
}

func setKey(set []int32) string {
	b := make([]byte, 0, 4*len(set))
	for _, x := range set {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return string(b)
}

// sourcesOf returns the store's source set of relation k of the batch, r,
// interning each list of the rows once.
func (b *batch) sourcesOf(k int, r *Relation) int32 {
	if b.rels == nil {
		return b.st.internSources(r.Sources)
	}
	l := b.rels.rows[k].srcs
	if b.listSet == nil {
		b.listSet = make([]int32, len(b.rels.lists))
		for i := range b.listSet {
			b.listSet[i] = -1
		}
	}
	if b.listSet[l] < 0 {
		b.listSet[l] = b.st.internSet(r.Sources)
	}
	return b.listSet[l]
}

// commit adds the checked batch to the store.
func (b *batch) commit() {
	s := b.st
	for _, src := range b.ds.Sources {
		s.sourceID[src.ID] = int32(len(s.sources))
		s.sources = append(s.sources, src)
	}
	if n := len(b.ds.Actors) + len(b.ds.Backers) + len(b.ds.Locations); len(s.nodes) == 0 && n > 0 {
		// The first batch sizes the tables of nodes at once.
		s.nodeID, s.names = make(map[string]int32, n), make(map[string]int32, n)
		s.nodes = make([]nodeRec, 0, n)
	}
	s.actors = slices.Grow(s.actors, len(b.ds.Actors))
	s.backers = slices.Grow(s.backers, len(b.ds.Backers))
	s.locations = slices.Grow(s.locations, len(b.ds.Locations))
	addNode := func(id, name string, aliases []string, typ NodeType, ref int) {
		n := int32(len(s.nodes))
		s.nodes = append(s.nodes, nodeRec{id: id, typ: typ, ref: int32(ref), within: -1})
		s.nodeID[id] = n
		for _, nm := range append([]string{id, name}, aliases...) {
			if f := FoldName(nm); f != "" {
				s.names[f] = n
			}
		}
	}
	for _, a := range b.ds.Actors {
		a = cloneActor(a)
		a.Name, a.Aliases = nfc(a.Name), nfcAll(a.Aliases)
		addNode(a.ID, a.Name, append(slices.Clone(a.Aliases), datedNames(a.Names)...), NodeActor, len(s.actors))
		s.actors = append(s.actors, a)
	}
	for _, k := range b.ds.Backers {
		k = cloneBacker(k)
		k.Name, k.Aliases = nfc(k.Name), nfcAll(k.Aliases)
		addNode(k.ID, k.Name, append(slices.Clone(k.Aliases), datedNames(k.Names)...), NodeBacker, len(s.backers))
		s.backers = append(s.backers, k)
	}
	for _, l := range b.ds.Locations {
		l = cloneLocation(l)
		l.Name, l.Aliases = nfc(l.Name), nfcAll(l.Aliases)
		addNode(l.ID, l.Name, l.Aliases, NodeLocation, len(s.locations))
		s.locations = append(s.locations, l)
	}
	for _, l := range b.ds.Locations {
		if l.Within != "" {
			s.nodes[s.nodeID[l.ID]].within = s.nodeID[l.Within]
		}
	}
	for i, e := range b.ds.Events {
		s.eventID[e.ID] = int32(len(s.events) + i)
	}
	n := b.numRelations()
	s.rels = slices.Grow(s.rels, n)
	extras := 0
	for k := range n {
		if r := b.relation(k); hasExtra(&r) {
			extras++
		}
	}
	s.extras = slices.Grow(s.extras, extras)
	for k := range n {
		rel, f := b.relation(k), &b.facts[k]
		r := &rel
		i := int32(len(s.rels))
		rec := relRec{
			from: f.from, to: f.to,
			start: r.Start, end: r.End,
			srcs: b.sourcesOf(k, r),
			kind: r.Kind, support: r.Support,
			alleged: r.Alleged, confidence: r.Confidence,
		}
		s.rels = append(s.rels, rec)
		if hasExtra(r) {
			x := relExtra{rel: i, event: -1, startSrcs: -1, endSrcs: -1, note: r.Note, attrs: maps.Clone(r.Attributes)}
			if r.Event != "" {
				x.event = s.eventID[r.Event]
			}
			if r.StartSources != nil {
				x.startSrcs = s.internSet(r.StartSources)
			}
			if r.EndSources != nil {
				x.endSrcs = s.internSet(r.EndSources)
			}
			s.extras = append(s.extras, x)
		}
		if r.Kind.Territorial() && s.locRels != nil {
			s.locRels[rec.to] = append(s.locRels[rec.to], i)
		}
	}
	for _, a := range b.ds.Agreements {
		s.agreements = append(s.agreements, cloneAgreement(a))
	}
	for _, e := range b.ds.Events {
		i := int32(len(s.events))
		if e.Kind == EventRenamed && e.Name != "" {
			if f := FoldName(e.Name); f != "" {
				s.names[f] = s.nodeID[e.Actors[0]]
			}
		}
		s.events = append(s.events, cloneEvent(e))
		s.evSrcs = append(s.evSrcs, s.internSources(e.Sources))
		if e.Location != "" && s.locEvents != nil {
			loc := s.nodeID[e.Location]
			s.locEvents[loc] = append(s.locEvents[loc], i)
		}
	}
	b.commitMeasures()
}
