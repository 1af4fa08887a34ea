package acled

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// Options tunes [Read]. The zero Options cites [Source]("") and stops at
// the first bad row.
type Options struct {
	// Source is the source every event cites. If its ID is empty, Read uses
	// Source(""). An event dated after the source's publication is an
	// error: the source cannot vouch for it.
	Source conflict.Source

	// KeepGoing makes Read skip a bad row, report it and read the rest of
	// the file; see [Read].
	KeepGoing bool
}

// Source returns the source that describes ACLED's data as exported on the
// given date ("2024-05-01"; "" if unknown), which ACLED asks users to cite:
// its ID is "acled" or "acled-" and the date, its Published the date, and
// its note the terms of use and the citation ACLED asks for.
func Source(accessed string) conflict.Source {
	s := conflict.Source{
		ID:     "acled",
		Outlet: "Armed Conflict Location & Event Data Project (ACLED)",
		Title:  "ACLED event data",
		URL:    "https://acleddata.com/",
		Note: "Use is subject to ACLED's terms of use (https://acleddata.com/terms-of-use/), " +
			"which require attribution and do not allow the data to be redistributed. " +
			"Cite Raleigh, Linke, Hegre & Karlsen (2010), Introducing ACLED: An Armed Conflict Location and Event Dataset, " +
			"Journal of Peace Research 47(5), and the date the data were accessed.",
	}
	if v := strings.TrimSpace(accessed); v != "" {
		if id := s.ID + "-" + v; conflict.CheckID(id) == nil {
			s.ID = id // a date that would make a malformed ID is only in the title
		}
		s.Title += ", accessed " + v
		if d, err := conflict.ParseDate(v); err == nil {
			s.Published = d
		}
	}
	return s
}

// Columns of the file. Those before colAssoc1 are required.
const (
	colID = iota
	colDate
	colTimePrec
	colEventType
	colSubType
	colActor1
	colInter1
	colActor2
	colInter2
	colCountry
	colLocation
	colLat
	colLon
	colGeoPrec
	colAssoc1
	colAssoc2
	colAdmin1
	colFatalities
	colNotes
	colSource
	colCivilians
)

var (
	required = []string{"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
		"actor1", "inter1", "actor2", "inter2", "country", "location", "latitude", "longitude", "geo_precision"}
	optional = []string{"assoc_actor_1", "assoc_actor_2", "admin1", "fatalities", "notes", "source", "civilian_targeting"}
)

// The actor types of the inter1 and inter2 columns, by code; ACLED's
// exports since 2024 write the words instead of the codes.
var interWords = [...]string{1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
	5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}

var interKinds = [...]conflict.ActorKind{1: conflict.ActorArmedForces, 2: conflict.ActorRebelGroup, 3: conflict.ActorMilitia, 4: conflict.ActorMilitia,
	5: conflict.ActorOther, 6: conflict.ActorOther, 7: conflict.ActorOther, 8: conflict.ActorArmedForces}

// subKinds maps the sub-event types that decide an event's kind.
var subKinds = []struct {
	sub     string
	kind    conflict.EventKind
	capture bool
}{
	{"Government regains territory", conflict.EventCapture, true},
	{"Non-state actor overtakes territory", conflict.EventCapture, true},
	{"Non-violent transfer of territory", conflict.EventCapture, true},
	{"Headquarters or base established", conflict.EventCapture, true},
	{"Air/drone strike", conflict.EventAirstrike, false},
	{"Agreement", conflict.EventStatement, false},
}

// eventKind maps event_type and sub_event_type, in any case, to a kind;
// capture marks the territory transfers.
func eventKind(typ, sub string) (kind conflict.EventKind, capture bool) {
	for _, k := range subKinds {
		if strings.EqualFold(sub, k.sub) {
			return k.kind, k.capture
		}
	}
	for _, t := range [...]string{"Battles", "Violence against civilians", "Explosions/Remote violence"} {
		if strings.EqualFold(typ, t) {
			return conflict.EventAttack, false
		}
	}
	return conflict.EventOther, false
}

// actor is an actor of the result.
type actor struct {
	name  string
	inter int // the lowest actor type code it is seen with; 0 if none
}

// event is an event of the result, compact until the end.
type event struct {
	id, note string
	date     conflict.Date
	kind     conflict.EventKind
	loc      int32
	from, to int32 // its actors are actorList[from:mid], its counterparts actorList[mid:to]
	mid      int32
}

type reader struct {
	t         *csvimport.Table
	src       string
	published conflict.Date // the source's publication date
	places    csvimport.Places
	actors    []actor
	actorI    map[string]int // fold key of a name → index
	exact     map[string]int // a name as spelt → index
	events    []event
	actorList []int32
	seen      map[string]int32 // event ID → row
	buf       []byte
}

// Read reads an ACLED event CSV file from r and returns its events, actors
// and locations: see the package documentation for the mapping. It reads
// the file as a stream, one row at a time. A nil opt is the zero
// [Options].
//
// By default Read stops at the first bad row and returns no records and an
// [*Error] naming its row, column and value. With opt.KeepGoing it skips
// each bad row, leaving no trace of it, and reads the rest: it then returns
// the records of the good rows and, if it skipped any, an error that
// wraps [ErrSkipped] (test with errors.Is): the errors of the skipped rows
// joined with [errors.Join], after a summary that counts them ("acled: bad
// rows skipped: 2 of 317"), each skipped row's an [*Error]. Any other
// error (a header it cannot read, a reader that fails) means that nothing
// was read, in either mode.
func Read(r io.Reader, opt *Options) (conflict.Dataset, error) {
	if opt == nil {
		opt = &Options{}
	}
	src := opt.Source
	if src.ID == "" {
		src = Source("")
	}
	t, err := csvimport.NewTable(r, pkg, required, optional)
	if err != nil {
		return conflict.Dataset{}, err
	}
	rd := &reader{
		t:         t,
		src:       src.ID,
		published: src.Published,
		actorI:    map[string]int{},
		exact:     map[string]int{},
		seen:      map[string]int32{},
	}
	skipped, err := t.Each(opt.KeepGoing, rd.row)
	if err != nil {
		return conflict.Dataset{}, err
	}
	return rd.dataset(src), skipped
}

// sideCells are the cells of one side of a row: an actor, its type, and
// its associated actors.
type sideCells struct {
	name  string
	inter int
	assoc string
}

// row reads one row. It checks every cell before it adds anything, so that
// a bad row leaves no trace.
func (rd *reader) row(rec []string) error {
	t := rd.t
	if err := t.CheckUTF8(rec); err != nil {
		return err
	}
	rawID := t.Cell(rec, colID)
	if rawID == "" {
		return t.Fail(colID, "", ErrMissing, "empty")
	}
	rd.buf = csvimport.AppendSlug(append(rd.buf[:0], "acled-"...), rawID)
	if first, dup := rd.seen[string(rd.buf)]; dup {
		return t.Fail(colID, rawID, ErrInvalid, "event ID already on row "+strconv.Itoa(int(first)))
	}
	id := string(rd.buf)

	rawDate := t.Cell(rec, colDate)
	if rawDate == "" {
		return t.Fail(colDate, "", ErrMissing, "empty")
	}
	d, ok := parseDay(rawDate)
	if !ok {
		return t.Fail(colDate, rawDate, ErrInvalid, "invalid date: want YYYY-MM-DD, D Month YYYY or DD/MM/YYYY")
	}
	if y := d.Year(); y > 9998 {
		return t.Fail(colDate, rawDate, ErrInvalid, "date out of range: want a year from 1 to 9998")
	}
	timePrec, err := t.Int(rec, colTimePrec, 1, 3, "invalid time_precision: want 1, 2 or 3")
	if err != nil {
		return err
	}
	date := eventDate(d, timePrec)
	if date.IsZero() { // the 7 days around 0001-01-01
		return t.Fail(colDate, rawDate, ErrInvalid, "date out of range: want a year from 1 to 9998")
	}
	if !csvimport.Knowable(rd.published, csvimport.DayOf(date)) {
		return t.Fail(colDate, rawDate, ErrInvalid, "dated after the source's publication, "+rd.published.String())
	}
	geoPrec, err := t.Int(rec, colGeoPrec, 1, 3, "invalid geo_precision: want 1, 2 or 3")
	if err != nil {
		return err
	}
	typ, sub := t.Cell(rec, colEventType), t.Cell(rec, colSubType)
	if typ == "" {
		return t.Fail(colEventType, "", ErrMissing, "empty")
	}
	if sub == "" {
		return t.Fail(colSubType, "", ErrMissing, "empty")
	}
	fatalities := int64(-1)
	if v := t.Cell(rec, colFatalities); v != "" {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return t.Fail(colFatalities, v, ErrInvalid, "invalid number of fatalities")
		}
		fatalities = int64(n)
	}
	side1, err := sideOf(t, rec, colActor1, colInter1, colAssoc1, true)
	if err != nil {
		return err
	}
	side2, err := sideOf(t, rec, colActor2, colInter2, colAssoc2, false)
	if err != nil {
		return err
	}
	site, err := siteOf(t, rec)
	if err != nil {
		return err
	}

	// The row is good: add its actors, its place and its event.
	from := int32(len(rd.actorList))
	rd.side(side1)
	mid := int32(len(rd.actorList))
	rd.side(side2)
	loc := rd.location(site, geoPrec)

	kind, capture := eventKind(typ, sub)
	note := append(rd.buf[:0], typ...)
	note = append(note, ": "...)
	note = append(note, sub...)
	note = append(note, '.')
	if capture && geoPrec == 3 {
		// A transfer of a place known only to its region is not read as
		// a capture of the region.
		kind = conflict.EventOther
		note = append(note, " Not read as a capture: the place taken is known only to its region."...)
	}
	switch timePrec {
	case 2:
		note = append(note, " Dated to the 7 days around "...)
		note = d.Time().AppendFormat(note, time.DateOnly)
		note = append(note, " (time_precision 2)."...)
	case 3:
		note = append(note, " Dated to the month (time_precision 3)."...)
	}
	if geoPrec > 1 {
		note = append(note, " geo_precision "...)
		note = strconv.AppendInt(note, int64(geoPrec), 10)
		note = append(note, '.')
	}
	if fatalities >= 0 {
		note = append(note, " Fatalities: "...)
		note = strconv.AppendInt(note, fatalities, 10)
		note = append(note, '.')
	}
	if v := t.Cell(rec, colCivilians); v != "" {
		note = append(note, ' ')
		note = append(note, v...)
		note = append(note, '.')
	}
	if v := t.Cell(rec, colSource); v != "" {
		note = append(note, " Sources: "...)
		note = append(note, v...)
		note = append(note, '.')
	}
	if v := t.Cell(rec, colNotes); v != "" {
		note = append(note, ' ')
		note = append(note, v...)
	}
	rd.buf = note

	rd.seen[id] = int32(t.Row())
	rd.events = append(rd.events, event{id: id, note: string(note), date: date, kind: kind, loc: int32(loc),
		from: from, mid: mid, to: int32(len(rd.actorList))})
	return nil
}

// eventDate returns the date of an event whose event_date is d, at a
// time_precision of 1 to 3: the day; the 7 days from three days before d
// to three days after; the month. It returns the zero Date when the days
// fall before the year 1.
func eventDate(d csvimport.Day, timePrec int) conflict.Date {
	switch timePrec {
	case 2:
		if (d - 3).Year() < 1 {
			return conflict.Date{}
		}
		return csvimport.Window(d-3, d+3)
	case 3:
		return conflict.Month(d.Date().Year(), d.Date().Month())
	}
	return d.Date()
}

// sideOf reads the actor of columns name and inter and the associated
// actors of column assoc; needed says whether the actor must be given.
func sideOf(t *csvimport.Table, rec []string, nameCol, interCol, assocCol int, needed bool) (sideCells, error) {
	name := t.Cell(rec, nameCol)
	if name == "" && needed {
		return sideCells{}, t.Fail(nameCol, "", ErrMissing, "empty")
	}
	inter, err := interCode(t, rec, interCol)
	if err != nil {
		return sideCells{}, err
	}
	return sideCells{name: name, inter: inter, assoc: t.Cell(rec, assocCol)}, nil
}

// side adds the actor of s and its associated actors to rd.actorList,
// each once.
func (rd *reader) side(s sideCells) {
	start := len(rd.actorList)
	if s.name != "" {
		rd.add(s.name, s.inter, start)
	}
	for a := range strings.SplitSeq(s.assoc, ";") {
		if a = strings.TrimSpace(a); a != "" {
			rd.add(a, 0, start)
		}
	}
}

// add appends the actor named name to rd.actorList, adding it if new,
// unless it is already among the side's actors from start on.
func (rd *reader) add(name string, inter, start int) {
	i, ok := rd.exact[name]
	if !ok {
		key := conflict.FoldName(name)
		if i, ok = rd.actorI[key]; !ok {
			i = len(rd.actors)
			rd.actorI[key] = i
			rd.actors = append(rd.actors, actor{name: strings.Clone(name)})
		}
		rd.exact[strings.Clone(name)] = i
	}
	if a := &rd.actors[i]; inter > 0 && (a.inter == 0 || inter < a.inter) {
		a.inter = inter
	}
	for _, j := range rd.actorList[start:] {
		if int(j) == i {
			return
		}
	}
	rd.actorList = append(rd.actorList, int32(i))
}

// interCode reads an actor type: a code from 1 to 8, or its words; 0 or
// empty for none.
func interCode(t *csvimport.Table, rec []string, i int) (int, error) {
	s := t.Cell(rec, i)
	if s == "" || s == "0" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 8 {
		return n, nil
	}
	for n, w := range interWords {
		if n > 0 && strings.EqualFold(s, w) {
			return n, nil
		}
	}
	return 0, t.Fail(i, s, ErrInvalid, "invalid actor type: want a code from 1 to 8 or its name")
}

// siteOf reads where an event happened: its country, region, place and
// point.
func siteOf(t *csvimport.Table, rec []string) (csvimport.Site, error) {
	country := t.Cell(rec, colCountry)
	if country == "" {
		return csvimport.Site{}, t.Fail(colCountry, "", ErrMissing, "empty")
	}
	name := t.Cell(rec, colLocation)
	if name == "" {
		return csvimport.Site{}, t.Fail(colLocation, "", ErrMissing, "empty")
	}
	lat, err := t.Coordinate(rec, colLat, 90, "empty")
	if err != nil {
		return csvimport.Site{}, err
	}
	lon, err := t.Coordinate(rec, colLon, 180, "empty")
	if err != nil {
		return csvimport.Site{}, err
	}
	return csvimport.Site{Name: name, Region: t.Cell(rec, colAdmin1), Country: country,
		Lat: lat, Lon: lon, LatText: t.Cell(rec, colLat), LonText: t.Cell(rec, colLon)}, nil
}

// location returns the location of an event at site s, adding it and the
// places it lies in if new.
func (rd *reader) location(s csvimport.Site, geoPrec int) int {
	ci := rd.places.Country(s.Country)
	within := ci
	if s.Region != "" {
		within = rd.places.Region(s.Country, s.Region, ci)
	}
	if geoPrec == 3 {
		return within
	}
	return rd.places.Site(s, within)
}

// dataset builds the result.
func (rd *reader) dataset(src conflict.Source) conflict.Dataset {
	ds := conflict.Dataset{Sources: []conflict.Source{src}}

	// Names and IDs, unique over every node.
	nodes := make([]csvimport.Naming, 0, len(rd.actors)+rd.places.Len())
	for _, a := range rd.actors {
		nodes = append(nodes, csvimport.Naming{Names: []string{a.name, a.name + " (actor)"}, Rank: csvimport.RankActor})
	}
	nodes = rd.places.Namings(nodes)
	names, ids := csvimport.Assign(nodes)
	actorIDs, placeIDs := ids[:len(rd.actors)], ids[len(rd.actors):]

	for i, a := range rd.actors {
		x := conflict.Actor{ID: actorIDs[i], Name: names[i]}
		if a.inter > 0 {
			x.Kind = interKinds[a.inter]
			if a.inter == 1 && strings.HasPrefix(a.name, "Government of ") {
				x.Kind = conflict.ActorGovernment
			}
			x.Note = "ACLED actor type: " + interWords[a.inter] + "."
		}
		ds.Actors = append(ds.Actors, x)
	}
	ds.Locations = rd.places.Locations(names[len(rd.actors):], placeIDs)

	// One backing array for the events' lists, each event with its own
	// elements (cut to their length, so appending to one copies it).
	ds.Events = make([]conflict.Event, len(rd.events))
	lists := make([]string, len(rd.events)+len(rd.actorList))
	for i, ev := range rd.events {
		e := &ds.Events[i]
		e.ID, e.Kind, e.Date, e.Note = ev.id, ev.kind, ev.date, ev.note
		if ev.loc >= 0 {
			e.Location = placeIDs[ev.loc]
		}
		at := int(ev.from) + i // the event's stretch of lists: its source, then its parties
		lists[at] = rd.src
		e.Sources = lists[at : at+1 : at+1]
		for j, a := range rd.actorList[ev.from:ev.to] {
			lists[at+1+j] = actorIDs[a]
		}
		actors, counterparts := at+1, at+1+int(ev.mid-ev.from)
		end := at + 1 + int(ev.to-ev.from)
		e.Actors = lists[actors:counterparts:counterparts]
		if counterparts < end {
			e.Counterparts = lists[counterparts:end:end]
		}
	}
	return ds
}
