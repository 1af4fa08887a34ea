package conflict

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// batch checks a Dataset against a store before any of it is added, giving
// the batch's new records the indices they will have once committed.
type batch struct {
	st    *store
	ds    *Dataset
	lines *lineTable
	errs  []error

	newSource map[string]int32 // ID → index it will have
	newNode   map[string]int32
	newType   map[string]NodeType
	newIDs    []string          // ID of each new node, by index past the store's
	newName   map[string]string // folded name → node ID
	newEvent  map[string]int32
	within    map[string]string // new location → its Within

	facts []fact      // the batch's relations, once checked
	evs   []happening // the batch's events, once checked
}

func newBatch(st *store, ds *Dataset, lines *lineTable) *batch {
	var errs []error
	if lines != nil {
		errs = slices.Clone(lines.errs)
	}
	return &batch{
		st: st, ds: ds, lines: lines, errs: errs,
		newSource: map[string]int32{},
		newNode:   map[string]int32{},
		newType:   map[string]NodeType{},
		newName:   map[string]string{},
		newEvent:  map[string]int32{},
		within:    map[string]string{},
	}
}

// Sections of a dataset, for naming records in errors.
const (
	sectionSources   = "sources"
	sectionActors    = "actors"
	sectionBackers   = "backers"
	sectionLocations = "locations"
	sectionRelations = "relations"
	sectionEvents    = "events"
)

// entity names record i of a section: `relations[3] (isis controls palmyra)`.
func (b *batch) entity(section string, i int, label fmt.Stringer) string {
	return fmt.Sprintf("%s[%d] %s", section, i, label)
}

// Labels of records in errors, made only when an error is.
type (
	quoted   string    // an ID, quoted: "isis"
	relLabel [3]string // a relation's ends and kind: (isis controls palmyra)
	plain    string    // as it is
)

func (q quoted) String() string   { return strconv.Quote(string(q)) }
func (r relLabel) String() string { return "(" + r[0] + " " + r[1] + " " + r[2] + ")" }
func (p plain) String() string    { return string(p) }

func (b *batch) fail(section string, i int, label fmt.Stringer, field, value string, err error, detail string) {
	if b.lines != nil && b.lines.bad[badField{section, i, field}] {
		return // already reported when the file was read
	}
	e := &Error{Entity: b.entity(section, i, label), Field: field, Value: value, Err: err, Detail: detail}
	if b.lines != nil {
		e.Line = b.lines.line(section, i)
	}
	b.errs = append(b.errs, e)
}

// CheckID returns nil if id is a well-formed ID for a node, source or
// event, and otherwise an error that wraps [ErrBadID] and says why: an ID
// is not empty, at most 200 bytes of UTF-8, without spaces or control
// characters. (Lower-case slugs such as "palmyra" are the convention.)
func CheckID(id string) error {
	if why := checkID(id); why != "" {
		return fmt.Errorf("%w %q: %s", ErrBadID, id, why)
	}
	return nil
}

// checkID says what is wrong with a malformed ID, or returns "".
func checkID(id string) string {
	switch {
	case id == "":
		return "empty"
	case len(id) > 200:
		return "longer than 200 bytes"
	case !utf8.ValidString(id):
		return "not UTF-8"
	case strings.IndexFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "contains a space or control character"
	}
	return ""
}

func (b *batch) node(id string) (int32, NodeType, bool) {
	if n, ok := b.st.nodeID[id]; ok {
		return n, b.st.nodes[n].typ, true
	}
	if n, ok := b.newNode[id]; ok {
		return n, b.newType[id], true
	}
	return -1, 0, false
}

func (b *batch) source(id string) (int32, bool) {
	if i, ok := b.st.sourceID[id]; ok {
		return i, true
	}
	i, ok := b.newSource[id]
	return i, ok
}

func (b *batch) event(id string) (int32, bool) {
	if i, ok := b.st.eventID[id]; ok {
		return i, true
	}
	i, ok := b.newEvent[id]
	return i, ok
}

// check validates the whole batch and returns every problem found.
func (b *batch) check() error {
	b.checkSources()
	b.checkNodes()
	b.checkEventIDs()
	b.facts = b.checkRelations()
	b.evs = b.checkEvents()
	if len(b.errs) == 0 {
		b.checkHolders(b.facts, b.evs)
	}
	return errors.Join(b.errs...)
}

func (b *batch) checkSources() {
	for i, s := range b.ds.Sources {
		label := quoted(s.ID)
		if why := checkID(s.ID); why != "" {
			b.fail(sectionSources, i, label, "id", s.ID, ErrBadID, why)
			continue
		}
		if _, ok := b.source(s.ID); ok {
			b.fail(sectionSources, i, label, "id", s.ID, ErrDuplicateID, "")
			continue
		}
		b.newSource[s.ID] = int32(len(b.st.sources) + i)
	}
}

func (b *batch) checkNodes() {
	next := int32(len(b.st.nodes))
	add := func(section string, i int, id, name string, aliases []string, typ NodeType) {
		label := quoted(id)
		if why := checkID(id); why != "" {
			b.fail(section, i, label, "id", id, ErrBadID, why)
			return
		}
		if _, _, ok := b.node(id); ok {
			b.fail(section, i, label, "id", id, ErrDuplicateID, "")
			return
		}
		if strings.TrimSpace(name) == "" {
			b.fail(section, i, label, "name", name, ErrMissing, "")
		}
		b.newNode[id], b.newType[id] = next, typ
		b.newIDs = append(b.newIDs, id)
		next++
		seen := map[string]bool{}
		names := append([]string{id, name}, aliases...)
		for k, nm := range names {
			f := FoldName(nm)
			if f == "" {
				if k >= 2 {
					b.fail(section, i, label, "aliases", nm, ErrMissing, "empty alias")
				}
				continue
			}
			if seen[f] {
				continue
			}
			seen[f] = true
			field := [...]string{"id", "name"}[min(k, 1)]
			if k >= 2 {
				field = "aliases"
			}
			if other, ok := b.st.names[f]; ok {
				b.fail(section, i, label, field, nm, ErrName, "also names "+b.st.nodes[other].id)
				continue
			}
			if other, ok := b.newName[f]; ok {
				b.fail(section, i, label, field, nm, ErrName, "also names "+other)
				continue
			}
			b.newName[f] = id
		}
	}
	for i, a := range b.ds.Actors {
		add(sectionActors, i, a.ID, a.Name, a.Aliases, NodeActor)
		if a.Kind >= ActorKind(len(actorKindWords)) {
			b.fail(sectionActors, i, quoted(a.ID), "kind", a.Kind.String(), ErrKind, "")
		}
	}
	for i, k := range b.ds.Backers {
		add(sectionBackers, i, k.ID, k.Name, k.Aliases, NodeBacker)
		if k.Kind >= BackerKind(len(backerKindWords)) {
			b.fail(sectionBackers, i, quoted(k.ID), "kind", k.Kind.String(), ErrKind, "")
		}
	}
	for i, l := range b.ds.Locations {
		add(sectionLocations, i, l.ID, l.Name, l.Aliases, NodeLocation)
		if l.Within != "" {
			b.within[l.ID] = l.Within
		}
	}
	for i, l := range b.ds.Locations {
		label := quoted(l.ID)
		if l.Kind >= LocationKind(len(locationKindWords)) {
			b.fail(sectionLocations, i, label, "kind", l.Kind.String(), ErrKind, "")
		}
		if p := l.Point; p != nil && !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
			b.fail(sectionLocations, i, label, "point", fmt.Sprintf("%g,%g", p.Lat, p.Lon), ErrFormat, "latitude must be in [-90, 90] and longitude in [-180, 180]")
		}
		if l.Within == "" {
			continue
		}
		_, typ, ok := b.node(l.Within)
		switch {
		case !ok:
			b.fail(sectionLocations, i, label, "within", l.Within, ErrUnknownID, "")
		case typ != NodeLocation:
			b.fail(sectionLocations, i, label, "within", l.Within, ErrEnds, "a location lies within a location, not a "+typ.String())
		case b.cycle(l.ID):
			b.fail(sectionLocations, i, label, "within", l.Within, ErrFormat, "locations would lie within each other in a cycle")
		}
	}
}

// cycle reports whether following Within from the new location id comes
// back to it.
func (b *batch) cycle(id string) bool {
	at := id
	for range len(b.within) + 1 {
		next, ok := b.within[at]
		if !ok {
			return false // reached an old location, or one with no Within
		}
		if next == id {
			return true
		}
		at = next
	}
	return true
}

// checkSourceList checks the sources a relation or event cites.
func (b *batch) checkSourceList(section string, i int, label fmt.Stringer, ids []string) {
	if len(ids) == 0 {
		b.fail(section, i, label, "sources", "", ErrMissing, "every claim cites at least one source")
		return
	}
	for k, id := range ids {
		switch _, ok := b.source(id); {
		case !ok:
			b.fail(section, i, label, "sources", id, ErrUnknownID, "")
		case slices.Contains(ids[:k], id):
			b.fail(section, i, label, "sources", id, ErrDuplicateID, "cited twice")
		}
	}
}

func (b *batch) checkRelations() []fact {
	facts := make([]fact, 0, len(b.ds.Relations))
	for i := range b.ds.Relations {
		r := &b.ds.Relations[i]
		label := relLabel{r.From, r.Kind.String(), r.To}
		bad := len(b.errs)
		kindOK := r.Kind > 0 && r.Kind < numRelationKinds
		if !kindOK {
			b.fail(sectionRelations, i, label, "kind", r.Kind.String(), ErrKind, "")
		}
		from, ft, fok := b.node(r.From)
		to, tt, tok := b.node(r.To)
		if !fok {
			b.fail(sectionRelations, i, label, "from", r.From, ErrUnknownID, "")
		}
		if !tok {
			b.fail(sectionRelations, i, label, "to", r.To, ErrUnknownID, "")
		}
		if fok && tok && kindOK {
			switch {
			case r.From == r.To:
				b.fail(sectionRelations, i, label, "to", r.To, ErrEnds, "a relation joins two different nodes")
			case !r.Kind.endsOK(ft, tt):
				field, value, typ := "from", r.From, ft
				if ft.IsParty() {
					field, value, typ = "to", r.To, tt
				}
				b.fail(sectionRelations, i, label, field, value, ErrEnds, fmt.Sprintf("%s is a %s; %s", value, typ, r.Kind.endsWant()))
			}
		}
		if !r.Start.IsZero() && !r.End.IsZero() && r.End.latest() <= r.Start.earliest() {
			b.fail(sectionRelations, i, label, "end", r.End.String(), ErrSpan, "start is "+r.Start.String())
		}
		if r.Support != 0 && r.Kind != RelationSupports {
			b.fail(sectionRelations, i, label, "support", r.Support.String(), ErrKind, "only supports relations have kinds of support")
		}
		if r.Support>>numSupportBits != 0 {
			b.fail(sectionRelations, i, label, "support", r.Support.String(), ErrKind, "")
		}
		b.checkSourceList(sectionRelations, i, label, r.Sources)
		if r.Event != "" {
			if _, ok := b.event(r.Event); !ok {
				b.fail(sectionRelations, i, label, "event", r.Event, ErrUnknownID, "")
			}
		}
		if len(b.errs) == bad {
			facts = append(facts, fact{kind: r.Kind, from: from, to: to, start: r.Start, end: r.End, support: r.Support, id: int32(len(b.st.rels) + i)})
		}
	}
	return facts
}

// checkEventIDs registers the batch's events before relations are checked,
// so a relation may name any event of the batch.
func (b *batch) checkEventIDs() {
	for i := range b.ds.Events {
		e := &b.ds.Events[i]
		label := quoted(e.ID)
		if why := checkID(e.ID); why != "" {
			b.fail(sectionEvents, i, label, "id", e.ID, ErrBadID, why)
			continue
		}
		if _, ok := b.event(e.ID); ok {
			b.fail(sectionEvents, i, label, "id", e.ID, ErrDuplicateID, "")
			continue
		}
		b.newEvent[e.ID] = int32(len(b.st.events) + i)
	}
}

func (b *batch) checkEvents() []happening {
	var evs []happening
	for i := range b.ds.Events {
		e := &b.ds.Events[i]
		label := quoted(e.ID)
		bad := len(b.errs)
		if e.Kind == 0 || e.Kind > EventOther {
			b.fail(sectionEvents, i, label, "kind", e.Kind.String(), ErrKind, "")
		}
		if e.Date.IsZero() {
			b.fail(sectionEvents, i, label, "date", "", ErrMissing, "")
		}
		needLoc, needActors, needCounterparts := e.Kind.needs()
		h := happening{kind: e.Kind, date: e.Date, loc: -1, support: e.Support, id: int32(len(b.st.events) + i)}
		switch n, typ, ok := b.node(e.Location); {
		case e.Location == "":
			if needLoc {
				b.fail(sectionEvents, i, label, "location", "", ErrMissing, "a "+e.Kind.String()+" happens at a location")
			}
		case !ok:
			b.fail(sectionEvents, i, label, "location", e.Location, ErrUnknownID, "")
		case typ != NodeLocation:
			b.fail(sectionEvents, i, label, "location", e.Location, ErrEnds, e.Location+" is a "+typ.String())
		default:
			h.loc = n
		}
		parties := func(field string, ids []string, need bool) []int32 {
			if len(ids) == 0 && need {
				b.fail(sectionEvents, i, label, field, "", ErrMissing, "a "+e.Kind.String()+" needs "+field)
			}
			var out []int32
			for _, id := range ids {
				n, typ, ok := b.node(id)
				switch {
				case !ok:
					b.fail(sectionEvents, i, label, field, id, ErrUnknownID, "")
				case !typ.IsParty():
					b.fail(sectionEvents, i, label, field, id, ErrEnds, id+" is a "+typ.String()+", not a party")
				default:
					out = append(out, n)
				}
			}
			return out
		}
		h.actors = parties("actors", e.Actors, needActors)
		h.counterparts = parties("counterparts", e.Counterparts, needCounterparts)
		if e.Kind == EventIntervention {
			for _, c := range h.counterparts {
				if b.typeOf(c) != NodeActor {
					b.fail(sectionEvents, i, label, "counterparts", b.idOf(c), ErrEnds, "an intervention supports actors")
				}
			}
		}
		if e.Support != 0 && e.Kind != EventIntervention {
			b.fail(sectionEvents, i, label, "support", e.Support.String(), ErrKind, "only interventions have kinds of support")
		}
		if e.Support>>numSupportBits != 0 {
			b.fail(sectionEvents, i, label, "support", e.Support.String(), ErrKind, "")
		}
		b.checkSourceList(sectionEvents, i, label, e.Sources)
		if len(b.errs) == bad {
			evs = append(evs, h)
		}
	}
	return evs
}

func (b *batch) typeOf(n int32) NodeType {
	if int(n) < len(b.st.nodes) {
		return b.st.nodes[n].typ
	}
	return b.newType[b.idOf(n)]
}

func (b *batch) idOf(n int32) string {
	if int(n) < len(b.st.nodes) {
		return b.st.nodes[n].id
	}
	return b.newIDs[int(n)-len(b.st.nodes)]
}

// checkHolders finds places that two parties would hold definitely at one
// instant on the word of a common source, with no contests relation there.
// Only the places the batch touches are checked: every other place was
// checked when its records were added.
func (b *batch) checkHolders(facts []fact, evs []happening) {
	newFacts := map[int32][]fact{}
	for _, f := range facts {
		if f.kind.Territorial() {
			newFacts[f.to] = append(newFacts[f.to], f)
		}
	}
	newEvs := map[int32][]happening{}
	for _, e := range evs {
		if e.loc >= 0 {
			newEvs[e.loc] = append(newEvs[e.loc], e)
		}
	}
	places := make([]int32, 0, len(newFacts)+len(newEvs))
	for p := range newFacts {
		places = append(places, p)
	}
	for p := range newEvs {
		if _, ok := newFacts[p]; !ok {
			places = append(places, p)
		}
	}
	slices.Sort(places)
	var locRels, locEvents map[int32][]int32
	if len(b.st.rels) > 0 || len(b.st.events) > 0 {
		locRels, locEvents = b.st.onLocations()
	}
	// Places are independent: check them on every core, then report in
	// the order of the places.
	found := make([]*twoHolders, len(places))
	workers := min(runtime.GOMAXPROCS(0), len(places)/64+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(places); i += workers {
				loc := places[i]
				found[i] = b.checkPlace(loc, locRels[loc], locEvents[loc], newFacts[loc], newEvs[loc])
			}
		})
	}
	wg.Wait()
	for _, f := range found {
		if f != nil {
			b.failHolders(f)
		}
	}
}

// twoHolders is two periods of control of one place that hold definitely at
// once, from the day given, on the word of a common source.
type twoHolders struct {
	loc  int32
	p, q *period
	day  int32
	src  int32
}

// checkPlace checks one place, with the records already on it and the
// batch's facts and events on it. It only reads the batch and the store.
func (b *batch) checkPlace(loc int32, oldRels, oldEvs []int32, newFacts []fact, newEvs []happening) *twoHolders {
	var facts []fact
	for _, i := range oldRels {
		r := &b.st.rels[i]
		facts = append(facts, fact{kind: r.kind, from: r.from, to: r.to, start: r.start, end: r.end, support: r.support, id: i})
	}
	facts = append(facts, newFacts...)
	var evs []happening
	for _, i := range oldEvs {
		evs = append(evs, b.st.happening(i))
	}
	evs = append(evs, newEvs...)
	type span struct {
		p      *period
		defLo  int32 // definitely held over [defLo, defHi)
		defHi  int32
		possLo int32 // possibly over [possLo, possHi)
		possHi int32
	}
	var holds, contests []span
	ps := derive(facts, evs)
	for i := range ps {
		p := &ps[i]
		s := span{p: p}
		s.possLo, s.defLo = p.start.startLo(), p.start.startHi()
		s.defHi, s.possHi = p.end.endLo(), p.end.endHi()
		switch p.kind {
		case RelationControls:
			if s.defLo < s.defHi {
				holds = append(holds, s)
			}
		case RelationContests:
			contests = append(contests, s)
		}
	}
	slices.SortFunc(holds, func(a, b span) int { return cmp.Compare(a.defLo, b.defLo) })
	var active []span
	for _, h := range holds {
		active = slices.DeleteFunc(active, func(a span) bool { return a.defHi <= h.defLo })
		for _, a := range active {
			if a.p.from == h.p.from {
				continue
			}
			lo, hi := h.defLo, min(a.defHi, h.defHi)
			if slices.ContainsFunc(contests, func(c span) bool { return c.possLo < hi && lo < c.possHi }) {
				continue
			}
			common := b.commonSource(a.p, h.p)
			if common < 0 {
				continue // sources that disagree: kept and shown, not an error
			}
			return &twoHolders{loc: loc, p: a.p, q: h.p, day: lo, src: common}
		}
		active = append(active, h)
	}
	return nil
}

// commonSource returns a source cited by claims of both periods, or -1.
func (b *batch) commonSource(p, q *period) int32 {
	var ps []int32
	for _, c := range p.claims {
		ps = append(ps, b.claimSources(c)...)
	}
	for _, c := range q.claims {
		for _, s := range b.claimSources(c) {
			if slices.Contains(ps, s) {
				return s
			}
		}
	}
	return -1
}

func (b *batch) claimSources(c claim) []int32 {
	if c.rel >= 0 {
		if int(c.rel) < len(b.st.rels) {
			return b.st.srcSets[b.st.rels[c.rel].srcs]
		}
		return b.sourceSet(b.ds.Relations[int(c.rel)-len(b.st.rels)].Sources)
	}
	if int(c.ev) < len(b.st.events) {
		return b.st.srcSets[b.st.evSrcs[c.ev]]
	}
	return b.sourceSet(b.ds.Events[int(c.ev)-len(b.st.events)].Sources)
}

func (b *batch) sourceSet(ids []string) []int32 {
	set := make([]int32, 0, len(ids))
	for _, id := range ids {
		if s, ok := b.source(id); ok {
			set = append(set, s)
		}
	}
	return set
}

func (b *batch) failHolders(f *twoHolders) {
	loc, p, q, day, src := f.loc, f.p, f.q, f.day, f.src
	// Blame a record of the batch: the last claim of either period that
	// the batch adds.
	section, idx, label := "", -1, plain("")
	for _, c := range append(slices.Clone(p.claims), q.claims...) {
		switch {
		case c.rel >= int32(len(b.st.rels)):
			i := int(c.rel) - len(b.st.rels)
			r := &b.ds.Relations[i]
			if section != sectionRelations || i > idx {
				section, idx, label = sectionRelations, i, plain(relLabel{r.From, r.Kind.String(), r.To}.String())
			}
		case c.rel < 0 && c.ev >= int32(len(b.st.events)) && section != sectionRelations:
			i := int(c.ev) - len(b.st.events)
			if i > idx {
				section, idx, label = sectionEvents, i, plain(quoted(b.ds.Events[i].ID).String())
			}
		}
	}
	srcID := ""
	if int(src) < len(b.st.sources) {
		srcID = b.st.sources[src].ID
	} else {
		srcID = b.ds.Sources[int(src)-len(b.st.sources)].ID
	}
	where := b.idOf(loc)
	detail := fmt.Sprintf("%s and %s would both definitely hold %s on %s on the word of %s, and no contests relation covers it",
		b.idOf(p.from), b.idOf(q.from), where, dayTime(day).Format("2006-01-02"), srcID)
	field := "to"
	if section == sectionEvents {
		field = "location"
	}
	b.fail(section, idx, label, field, where, ErrTwoHolders, detail)
}

// commit adds the checked batch to the store.
func (b *batch) commit() {
	s := b.st
	for _, src := range b.ds.Sources {
		s.sourceID[src.ID] = int32(len(s.sources))
		s.sources = append(s.sources, src)
	}
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
		addNode(a.ID, a.Name, a.Aliases, NodeActor, len(s.actors))
		s.actors = append(s.actors, a)
	}
	for _, k := range b.ds.Backers {
		k = cloneBacker(k)
		addNode(k.ID, k.Name, k.Aliases, NodeBacker, len(s.backers))
		s.backers = append(s.backers, k)
	}
	for _, l := range b.ds.Locations {
		l = cloneLocation(l)
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
	s.rels = slices.Grow(s.rels, len(b.ds.Relations))
	extras := 0
	for k := range b.ds.Relations {
		if r := &b.ds.Relations[k]; r.Note != "" || r.Event != "" {
			extras++
		}
	}
	s.extras = slices.Grow(s.extras, extras)
	for k := range b.ds.Relations {
		r, f := &b.ds.Relations[k], &b.facts[k]
		i := int32(len(s.rels))
		rec := relRec{
			from: f.from, to: f.to,
			start: r.Start, end: r.End,
			srcs: s.internSources(r.Sources),
			kind: r.Kind, support: r.Support,
		}
		s.rels = append(s.rels, rec)
		if r.Note != "" || r.Event != "" {
			x := relExtra{rel: i, event: -1, note: r.Note}
			if r.Event != "" {
				x.event = s.eventID[r.Event]
			}
			s.extras = append(s.extras, x)
		}
		if r.Kind.Territorial() && s.locRels != nil {
			s.locRels[rec.to] = append(s.locRels[rec.to], i)
		}
	}
	for _, e := range b.ds.Events {
		i := int32(len(s.events))
		s.events = append(s.events, cloneEvent(e))
		s.evSrcs = append(s.evSrcs, s.internSources(e.Sources))
		if e.Location != "" && s.locEvents != nil {
			loc := s.nodeID[e.Location]
			s.locEvents[loc] = append(s.locEvents[loc], i)
		}
	}
}
