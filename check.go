package conflict

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// batch checks a Dataset against a store before any of it is added, giving
// the batch's new records the indices they will have once committed.
type batch struct {
	st    *store
	ds    *Dataset
	rels  *relTable // the relations, when read as rows; nil when they are ds.Relations
	lines *lineTable
	errs  []error // the problems described: at most maxErrs, unless it is negative

	problems int              // the problems found, described or not
	maxErrs  int              // how many problems to describe; negative: all
	bad      map[record]bool  // with KeepGoing, the records at fault
	orig     map[string][]int // when records were skipped, each section's record i is the given dataset's orig[section][i]
	fatal    bool             // a problem with the whole batch, which no skipping mends

	newSource map[string]int32 // ID → index it will have
	newNode   map[string]int32
	newType   map[string]NodeType
	newIDs    []string          // ID of each new node, by index past the store's
	newName   map[string]string // folded name → node ID
	newEvent  map[string]int32
	within    map[string]string // new location → its Within

	facts []fact         // the batch's relations, once checked
	evs   []happening    // the batch's events, once checked
	zone  *time.Location // the time zone the batch names, if any

	// What the batch learnt of the strings and lists of rels, each once:
	// the node a string names, whether a list of sources is sound, and
	// the store's set of sources for a list.
	strNode []rowNode
	listOK  []int8 // 0 not yet known, 1 sound, -1 not
	listSet []int32
	label   relLabel // the relation being checked, named in errors
}

// rowNode is the node a string of the rows names, once looked up.
type rowNode struct {
	n     int32
	typ   NodeType
	ok    bool
	known bool
}

func newBatch(st *store, ds *Dataset, lines *lineTable) *batch {
	var errs []error
	problems := 0
	if lines != nil {
		errs = slices.Clone(lines.errs)
		problems = len(lines.errs) + lines.dropped
	}
	return &batch{
		st: st, ds: ds, lines: lines, errs: errs, problems: problems, maxErrs: defaultMaxErrors,
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

	sectionAgreements = "agreements"
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
	if b.orig != nil {
		i = b.orig[section][i] // the record's place in the dataset as given
	}
	if b.lines != nil && b.lines.bad[badField{section, i, field}] {
		return // already reported when the file was read
	}
	b.problems++
	if b.bad != nil {
		b.bad[record{section, i}] = true
	}
	if b.maxErrs >= 0 && len(b.errs) >= b.maxErrs {
		return // counted, not described
	}
	n := i
	if b.lines != nil {
		n = b.lines.fileIndex(section, i)
	}
	e := &Error{Entity: b.entity(section, n, label), Field: field, Value: value, Err: err, Detail: detail, rec: record{section, i}}
	if b.lines != nil {
		e.Line = b.lines.line(section, i)
	}
	b.errs = append(b.errs, e)
}

// numRelations returns the number of relations in the batch.
func (b *batch) numRelations() int {
	if b.rels != nil {
		return len(b.rels.rows)
	}
	return len(b.ds.Relations)
}

// relation returns relation i of the batch.
func (b *batch) relation(i int) Relation {
	if b.rels != nil {
		return b.rels.relation(i)
	}
	return b.ds.Relations[i]
}

// rowNode returns the node that string k of the rows names, looking each
// string up once.
func (b *batch) rowNode(k int32) (int32, NodeType, bool) {
	if b.strNode == nil {
		b.strNode = make([]rowNode, len(b.rels.strs))
	}
	c := &b.strNode[k]
	if !c.known {
		c.n, c.typ, c.ok = b.node(b.rels.strs[k])
		c.known = true
	}
	return c.n, c.typ, c.ok
}

// soundList reports whether list k of the rows names known sources, each
// once, checking each list once.
func (b *batch) soundList(k int32) bool {
	if b.listOK == nil {
		b.listOK = make([]int8, len(b.rels.lists))
	}
	if b.listOK[k] == 0 {
		b.listOK[k] = -1
		ids := b.rels.lists[k]
		good := true
		for j, id := range ids {
			if _, ok := b.source(id); !ok || slices.Contains(ids[:j], id) {
				good = false
				break
			}
		}
		if good {
			b.listOK[k] = 1
		}
	}
	return b.listOK[k] > 0
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

// checkParty reports, as field of record i of section, an id that names
// no node of the record or the batch, or one that is not a party. It
// returns the party's node number, and whether id names a party.
func (b *batch) checkParty(section string, i int, label fmt.Stringer, field, id string) (int32, bool) {
	n, typ, ok := b.node(id)
	switch {
	case !ok:
		b.fail(section, i, label, field, id, ErrUnknownID, "")
	case !typ.IsParty():
		b.fail(section, i, label, field, id, ErrEnds, id+" is a "+typ.String()+", not a party")
	default:
		return n, true
	}
	return n, false
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
	b.checkZone()
	b.checkText()
	b.checkSources()
	b.checkNodes()
	b.checkEventIDs()
	b.facts = b.checkRelations()
	b.evs = b.checkEvents()
	b.checkPartOfCycles()
	b.checkAgreements()
	b.checkEventParts()
	b.checkWeights()
	b.checkMeasures()
	if b.problems == 0 {
		b.checkHolders(b.facts, b.evs)
	}
	return b.err()
}

// err returns the problems found, joined, the last saying how many more
// there were than were described; nil if none.
func (b *batch) err() error {
	if b.problems == 0 {
		return nil
	}
	errs := b.errs
	if n := b.problems - len(errs); n > 0 {
		errs = append(slices.Clone(errs), fmt.Errorf("conflict: and %d more problems", n))
	}
	return errors.Join(errs...)
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
	n := b.numRelations()
	facts := make([]fact, 0, n)
	for i := range n {
		rel := b.relation(i)
		r := &rel
		// The label lives in the batch, so that passing it allocates nothing.
		b.label = relLabel{r.From, r.Kind.String(), r.To}
		label := &b.label
		bad := b.problems
		kindOK := r.Kind > 0 && r.Kind < numRelationKinds
		if !kindOK {
			b.fail(sectionRelations, i, label, "kind", r.Kind.String(), ErrKind, "")
		}
		var from, to int32
		var ft, tt NodeType
		var fok, tok bool
		var w *relRow
		if b.rels != nil {
			w = &b.rels.rows[i]
			from, ft, fok = b.rowNode(w.from)
			to, tt, tok = b.rowNode(w.to)
		} else {
			from, ft, fok = b.node(r.From)
			to, tt, tok = b.node(r.To)
		}
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
		if w == nil || w.srcs < 0 || !b.soundList(w.srcs) {
			b.checkSourceList(sectionRelations, i, label, r.Sources)
		}
		b.checkBoundSources(sectionRelations, i, label, r.Sources, boundSources{r.Start, r.StartSources}, boundSources{r.End, r.EndSources})
		b.checkAttributes(sectionRelations, i, label, r.Attributes)
		if r.Event != "" {
			if _, ok := b.event(r.Event); !ok {
				b.fail(sectionRelations, i, label, "event", r.Event, ErrUnknownID, "")
			}
		}
		if b.problems == bad {
			facts = append(facts, fact{kind: r.Kind, from: from, to: to, start: r.Start, end: r.End, support: r.Support, id: int32(len(b.st.rels) + i)})
		}
	}
	return facts
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

// checkAttributes checks that every attribute has a name.
func (b *batch) checkAttributes(section string, i int, label fmt.Stringer, attrs map[string]string) {
	if v, ok := attrs[""]; ok {
		b.fail(section, i, label, "attributes", v, ErrMissing, "an attribute needs a name")
	}
}
