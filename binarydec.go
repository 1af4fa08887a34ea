package conflict

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/conflictgraph/conflict/internal/binfmt"
	"github.com/conflictgraph/conflict/internal/days"
)

// decodeStore reads a record that encodeStore wrote. It checks what the
// store relies on to answer without failing — that every number of a
// record is in range, every kind known, every date well formed, every
// relation's ends of the types its kind joins — but not what [Conflict.Add]
// checks of the records themselves: the checksum vouches for those.
func decodeStore(d *binfmt.Decoder) (*store, error) {
	s := new(store)
	s.init()
	s.name = d.Str()
	if zone := d.Str(); zone != "" && d.Err() == nil {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			return nil, fmt.Errorf("time zone %q: %w", zone, err)
		}
		s.zone = loc
	}
	r := snapReader{d: d}

	s.sources = makeList[Source](d.Count(6*4 + 8))
	for i := range s.sources {
		x := &s.sources[i]
		x.ID, x.Outlet, x.Author, x.Title = d.Str(), d.Str(), d.Str(), d.Str()
		x.Published = r.date("source published")
		x.URL, x.Note = d.Str(), d.Str()
		s.sourceID[x.ID] = int32(i)
	}
	s.actors = makeList[Actor](d.Count(15))
	for i := range s.actors {
		a := &s.actors[i]
		var k uint8
		a.ID, a.Name, k, a.Aliases, a.Note, a.Names = r.party(actorKindWords, "actor kind")
		a.Kind = ActorKind(k)
	}
	s.backers = makeList[Backer](d.Count(15))
	for i := range s.backers {
		b := &s.backers[i]
		var k uint8
		b.ID, b.Name, k, b.Aliases, b.Note, b.Names = r.party(backerKindWords, "backer kind")
		b.Kind = BackerKind(k)
	}
	s.locations = makeList[Location](d.Count(27))
	// One allocation for every location's point: at most one each, so
	// appending never moves them.
	points := make([]Point, 0, len(s.locations))
	for i := range s.locations {
		r.location(&s.locations[i], &points)
	}
	s.nodes = makeList[nodeRec](d.Count(13))
	nn := int32(len(s.nodes))
	for i := range s.nodes {
		n := &s.nodes[i]
		n.id = d.Str()
		n.typ = NodeType(r.enum(nodeTypeWords, "node type"))
		var refs int
		switch n.typ {
		case NodeActor:
			refs = len(s.actors)
		case NodeBacker:
			refs = len(s.backers)
		case NodeLocation:
			refs = len(s.locations)
		default:
			d.Fail(fmt.Errorf("node %d: no type: %w", i, binfmt.ErrRange))
		}
		n.ref = d.Index(0, int32(refs), "node ref")
		n.within = d.Index(-1, nn, "node within")
		s.nodeID[n.id] = int32(i)
	}
	if d.Err() == nil {
		if err := checkWithin(s.nodes); err != nil {
			d.Fail(err)
		}
	}
	for range d.Count(8) {
		k := d.Str()
		s.names[k] = d.Index(0, nn, "name's node")
	}
	s.srcSets = makeList[[]int32](d.Count(4))
	for i := range s.srcSets {
		set := make([]int32, d.Count(4))
		for k := range set {
			set[k] = d.Index(0, int32(len(s.sources)), "source")
		}
		s.srcSets[i] = set
		s.srcSet[setKey(set)] = int32(i)
	}
	nsets := int32(len(s.srcSets))
	s.rels = makeList[relRec](d.Count(relSize))
	types := make([]NodeType, nn)
	for i := range s.nodes {
		types[i] = s.nodes[i].typ
	}
	for i := 0; i < len(s.rels) && d.Err() == nil; {
		k := d.Fits(len(s.rels)-i, relSize)
		at, raw := d.Offset(), d.Take(relSize*k)
		for j := range k {
			if d.Err() != nil {
				break
			}
			if why := s.rels[i+j].decode(raw[relSize*j:], types, nsets); why != "" {
				d.Fail(fmt.Errorf("byte %d: relation %d: %s: %w", at+relSize*j, i+j, why, binfmt.ErrRange))
			}
		}
		i += k
	}
	s.extras = makeList[relExtra](d.Count(21))
	nevents := int32(d.Left()) // bound the events until their count is read
	for i := range s.extras {
		x := &s.extras[i]
		lo := int32(0)
		if i > 0 {
			lo = s.extras[i-1].rel + 1
		}
		x.rel = d.Index(lo, int32(len(s.rels)), "extra's relation")
		x.event = d.Index(-1, nevents, "extra's event")
		x.startSrcs, x.endSrcs = d.Index(-1, nsets, "start sources"), d.Index(-1, nsets, "end sources")
		x.note = d.Str()
		x.attrs = r.attrs()
	}
	s.events = makeList[Event](d.Count(39))
	s.evSrcs = makeList[int32](len(s.events))
	for i := range s.events {
		r.event(&s.events[i])
		s.evSrcs[i] = d.Index(0, nsets, "event sources")
		s.eventID[s.events[i].ID] = int32(i)
	}
	for i := range s.extras {
		if x := &s.extras[i]; x.event >= int32(len(s.events)) {
			d.Fail(fmt.Errorf("relation %d: event %d of %d: %w", x.rel, x.event, len(s.events), binfmt.ErrRange))
		}
	}
	s.agreements = makeList[Agreement](d.Count(35))
	for i := range s.agreements {
		a := &s.agreements[i]
		a.ID = d.Str()
		a.Kind = AgreementKind(r.enum(agreementKindWords, "agreement kind"))
		a.Name = d.Str()
		a.Parties, a.Excluded, a.Guarantors = r.strings(), r.strings(), r.strings()
		a.Start, a.End = r.date("agreement start"), r.date("agreement end")
		a.Sources, a.StartSources, a.EndSources = r.strings(), r.strings(), r.strings()
		a.Note = d.Str()
	}
	s.measures = makeList[Measure](d.Count(26))
	for i := range s.measures {
		m := &s.measures[i]
		m.Party = d.Str()
		m.Quantity = Quantity(r.enum(quantityWords, "quantity"))
		m.Value = d.F64()
		m.Date = r.date("measure date")
		m.Sources = r.strings()
		m.Note = d.Str()
	}
	if d.Err() == nil {
		if err := s.checkRefs(); err != nil {
			d.Fail(err)
		}
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// makeList returns a list of n items, nil if n is 0, as the store's
// lists are until something is added to them.
func makeList[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}

// A snapReader reads the parts of records that several kinds share.
type snapReader struct{ d *binfmt.Decoder }

// enum reads a kind in one byte and checks it has a word.
func (r snapReader) enum(words []string, what string) uint8 {
	at := r.d.Offset()
	v := r.d.U8()
	if int(v) >= len(words) {
		r.d.Fail(fmt.Errorf("byte %d: %s %d: %w", at, what, v, binfmt.ErrRange))
		return 0
	}
	return v
}

// Dates run from the first day of year 1 to the last of year 9999 (a
// season of winter 9999 to the end of February 10000).
var (
	firstDay = days.Date(1, time.January, 1)
	endDay   = days.Date(10000, time.March, 1)
)

// date reads a Date and checks it is one a Date can be: a window of days
// in the years 1 to 9999, in a form that fits its width.
func (r snapReader) date(what string) Date {
	at := r.d.Offset()
	d := Date{v: r.d.I64()}
	if r.d.Err() == nil && !validDate(d) {
		r.d.Fail(fmt.Errorf("byte %d: %s: %#x is no date: %w", at, what, d.v, binfmt.ErrRange))
		return Date{}
	}
	return d
}

// validDate reports whether d is one a Date can be: zero, or a window of
// days in the years 1 to 9999, in a form that fits its width.
func validDate(d Date) bool {
	if d.v == 0 {
		return true
	}
	p, w, first := d.Precision(), d.width(), d.first()
	if w < 1 || first < firstDay || d.next() > endDay || d.v>>4&0xfff_ffff != int64(w) {
		return false
	}
	switch {
	case p == PrecisionDay:
		return w == 1
	case p == PrecisionInterval:
		return w >= 2
	case p >= PrecisionYear && p <= PrecisionMonth:
		y, m, day := first.Date()
		return makeDate(y, m, day, p) == d
	}
	return false
}

// relSize is the size of a relation in a snapshot: its ends, dates and
// source set, kind, support, whether alleged, and confidence.
const relSize = 4 + 4 + 8 + 8 + 4 + 1 + 2 + 1 + 1

// decode sets x to the relation of relSize bytes at the start of b, and
// returns what is wrong with it, or "": types are the types of the nodes,
// sets the number of source sets.
func (x *relRec) decode(b []byte, types []NodeType, sets int32) string {
	le := binary.LittleEndian
	x.from, x.to = int32(le.Uint32(b)), int32(le.Uint32(b[4:]))
	x.start, x.end = Date{v: int64(le.Uint64(b[8:]))}, Date{v: int64(le.Uint64(b[16:]))}
	x.srcs = int32(le.Uint32(b[24:]))
	x.kind, x.support = RelationKind(b[28]), Support(le.Uint16(b[29:]))
	x.alleged, x.confidence = b[31] == 1, Confidence(b[32])
	n := int32(len(types))
	switch {
	case x.from < 0 || x.from >= n || x.to < 0 || x.to >= n:
		return fmt.Sprintf("nodes %d and %d of %d", x.from, x.to, n)
	case x.srcs < 0 || x.srcs >= sets:
		return fmt.Sprintf("source set %d of %d", x.srcs, sets)
	case int(x.kind) >= len(relationKindWords) || b[31] > 1 || int(x.confidence) >= len(confidenceWords):
		return fmt.Sprintf("kind %d, alleged %d, confidence %d", x.kind, b[31], x.confidence)
	case !validDate(x.start) || !validDate(x.end):
		return fmt.Sprintf("dates %#x and %#x", x.start.v, x.end.v)
	case !types[x.from].IsParty() || types[x.to].IsParty() == x.kind.Territorial():
		return fmt.Sprintf("%s from a %s to a %s", x.kind, types[x.from], types[x.to])
	}
	return ""
}

// strings reads a list that may be nil.
func (r snapReader) strings() []string {
	if !r.d.Bool() {
		return nil
	}
	l := make([]string, r.d.Count(4))
	for i := range l {
		l[i] = r.d.Str()
	}
	return l
}

// attrs reads a map that may be nil.
func (r snapReader) attrs() map[string]string {
	if !r.d.Bool() {
		return nil
	}
	n := r.d.Count(8)
	m := make(map[string]string, n)
	for range n {
		k := r.d.Str()
		m[k] = r.d.Str()
	}
	return m
}

func (r snapReader) party(words []string, what string) (id, name string, kind uint8, aliases []string, note string, names []DatedName) {
	d := r.d
	id, name = d.Str(), d.Str()
	kind = r.enum(words, what)
	aliases = r.strings()
	note = d.Str()
	if d.Bool() {
		names = make([]DatedName, d.Count(25))
		for i := range names {
			n := &names[i]
			n.Name = d.Str()
			n.Start, n.End = r.date("name start"), r.date("name end")
			n.Sources = r.strings()
			n.Note = d.Str()
		}
	}
	return
}

// location reads a location, and its point, if any, into the next of
// points, which has room for it.
func (r snapReader) location(l *Location, points *[]Point) {
	d := r.d
	l.ID, l.Name = d.Str(), d.Str()
	l.Kind = LocationKind(r.enum(locationKindWords, "location kind"))
	l.Aliases = r.strings()
	l.Within = d.Str()
	if d.Bool() {
		*points = append(*points, Point{Lat: d.F64(), Lon: d.F64()})
		l.Point = &(*points)[len(*points)-1]
	}
	l.Note = d.Str()
	l.Area = d.F64()
	if d.Bool() {
		l.Population = &Population{Count: d.F64(), Date: r.date("population date"), Sources: r.strings(), Note: d.Str()}
	}
}

func (r snapReader) event(ev *Event) {
	d := r.d
	ev.ID = d.Str()
	ev.Kind = EventKind(r.enum(eventKindWords, "event kind"))
	ev.Date = r.date("event date")
	ev.Location = d.Str()
	ev.Actors, ev.Counterparts = r.strings(), r.strings()
	ev.Support = Support(d.U16())
	ev.Name = d.Str()
	ev.Sources = r.strings()
	ev.Note = d.Str()
	if d.Bool() {
		ev.Participants = make([]Participant, d.Count(12))
		for i := range ev.Participants {
			p := &ev.Participants[i]
			p.Party = d.Str()
			p.Role = Role(r.enum(roleWords, "participant role"))
			p.Support = Support(d.U16())
			p.Sources = r.strings()
			p.Note = d.Str()
		}
	}
	if d.Bool() {
		ev.Figures = make([]Figure, d.Count(13))
		for i := range ev.Figures {
			f := &ev.Figures[i]
			f.Quantity = Quantity(r.enum(quantityWords, "figure quantity"))
			f.Party = d.Str()
			for _, v := range [...]**float64{&f.Low, &f.Best, &f.High} {
				if d.Bool() {
					x := d.F64()
					*v = &x
				}
			}
			f.Sources = r.strings()
			f.Note = d.Str()
		}
	}
	ev.Alleged = d.Bool()
	ev.Confidence = Confidence(r.enum(confidenceWords, "confidence"))
	ev.Attributes = r.attrs()
}

// checkWithin checks that only locations lie within others, and that no
// location lies within itself, however far round: the queries that roll
// places up follow the chain to its end.
func checkWithin(nodes []nodeRec) error {
	// state: 0 unseen, 1 on the chain being followed, 2 known to end.
	state := make([]uint8, len(nodes))
	for i := range nodes {
		n := int32(i)
		for n >= 0 && state[n] == 0 {
			if w := nodes[n].within; w >= 0 && (nodes[n].typ != NodeLocation || nodes[w].typ != NodeLocation) {
				return fmt.Errorf("node %s (a %s) within %s (a %s): %w", nodes[n].id, nodes[n].typ, nodes[w].id, nodes[w].typ, binfmt.ErrRange)
			}
			state[n] = 1
			n = nodes[n].within
		}
		if n >= 0 && state[n] == 1 {
			return fmt.Errorf("location %s lies within itself: %w", nodes[n].id, binfmt.ErrRange)
		}
		for n := int32(i); n >= 0 && state[n] == 1; n = nodes[n].within {
			state[n] = 2
		}
	}
	return nil
}
