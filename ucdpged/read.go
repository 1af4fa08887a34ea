package ucdpged

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// Options tunes [Read]. The zero Options cites [Source](""), makes a
// fights span of each run of events whose windows touch or overlap, and
// stops at the first bad row.
type Options struct {
	// Source is the source every event and relation cites. If its ID is
	// empty, Read uses Source(""). An event that may only have happened
	// after the source's publication is an error: the source cannot vouch
	// for it.
	Source conflict.Source

	// KeepGoing makes Read skip a bad row, report it and read the rest of
	// the file; see [Read].
	KeepGoing bool

	// MaxGap is the longest gap, in days, between the events of one pair of
	// sides that still joins them into one fights span: the gap is counted
	// from the last day the span's events may have happened to the first
	// day the next event may have. 0 joins only events whose windows
	// overlap or follow each other without a day between; 30 treats a
	// month without a recorded death as still one spell of fighting. A
	// negative MaxGap is an error.
	MaxGap int
}

// Source returns the source that describes the UCDP Georeferenced Event
// Dataset of the given version (a release such as "25.1"; "" if unknown):
// its ID is "ucdp-ged" or "ucdp-ged-" and the version, and its note gives
// the licence and the citation UCDP asks for.
func Source(version string) conflict.Source {
	s := conflict.Source{
		ID:     "ucdp-ged",
		Outlet: "Uppsala Conflict Data Program (UCDP)",
		Title:  "UCDP Georeferenced Event Dataset (GED) Global",
		URL:    "https://ucdp.uu.se/downloads/",
		Note: "Licensed under CC BY 4.0. Cite Sundberg & Melander (2013), Introducing the UCDP Georeferenced Event Dataset, " +
			"Journal of Peace Research 50(4), and the UCDP annual article for the release.",
	}
	if v := strings.TrimSpace(version); v != "" {
		if id := s.ID + "-" + v; conflict.CheckID(id) == nil {
			s.ID = id // a version that would make a malformed ID is only in the title
		}
		s.Title += ", version " + v
	}
	return s
}

// Columns of the file. Those before colAdm1 are required.
const (
	colID = iota
	colType
	colSideA
	colSideAID
	colSideB
	colSideBID
	colWherePrec
	colWhere
	colLat
	colLon
	colCountry
	colStart
	colEnd
	colDatePrec
	colAdm1
	colBest
	colLow
	colHigh
)

var (
	required = []string{"id", "type_of_violence", "side_a", "side_a_new_id", "side_b", "side_b_new_id",
		"where_prec", "where_coordinates", "latitude", "longitude", "country", "date_start", "date_end", "date_prec"}
	optional = []string{"adm_1", "best", "low", "high"}
)

var violence = [...]string{1: "state-based violence", 2: "non-state violence", 3: "one-sided violence"}

// actor is an actor of the result.
type actor struct {
	name     string
	ucdpID   int
	stateVio bool // side of a state-based event
	nonState bool // side of a non-state event
}

// event is an event of the result, compact until the end.
type event struct {
	id, note  string
	date      conflict.Date
	loc, a, b int32 // location and sides (actor indices); -1 for none
}

// window is the days an event may have happened on.
type window struct{ lo, hi csvimport.Day }

// dyad is the events of one pair of sides.
type dyad struct {
	a, b    int // actor indices, a < b
	windows []window
}

type reader struct {
	t         *csvimport.Table
	src       string
	published conflict.Date // the source's publication date
	places    csvimport.Places
	actors    []actor
	actorI    map[int]int // UCDP actor ID → index
	dyads     []*dyad
	dyadI     map[[2]int]*dyad
	events    []event
	seen      map[string]int32 // event ID → row
	seenN     map[int64]int32  // the same for IDs that are numbers, as GED's are
	buf       []byte           // for building notes
}

// Read reads a UCDP GED CSV file from r and returns its events, actors,
// locations and the fights spans of each pair of sides: see the package
// documentation for the mapping. It reads the file as a stream, one row at
// a time. A nil opt is the zero [Options].
//
// By default Read stops at the first bad row and returns no records and an
// [*Error] naming its row, column and value. With opt.KeepGoing it skips
// each bad row, leaving no trace of it, and reads the rest: it then returns
// the records of the good rows and, if it skipped any, an error that
// wraps [ErrSkipped] (test with errors.Is): the errors of the skipped rows
// joined with [errors.Join], after a summary that counts them ("ucdpged:
// bad rows skipped: 2 of 317"), each skipped row's an [*Error]. Any other
// error (bad options, a header it cannot read, a reader that fails) means
// that nothing was read, in either mode.
func Read(r io.Reader, opt *Options) (conflict.Dataset, error) {
	if opt == nil {
		opt = &Options{}
	}
	if opt.MaxGap < 0 {
		return conflict.Dataset{}, fmt.Errorf("ucdpged: options: MaxGap is negative (%d)", opt.MaxGap)
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
		actorI:    map[int]int{},
		dyadI:     map[[2]int]*dyad{},
		seen:      map[string]int32{},
		seenN:     map[int64]int32{},
	}
	skipped, err := t.Each(opt.KeepGoing, rd.row)
	if err != nil {
		return conflict.Dataset{}, err
	}
	return rd.dataset(src, opt.MaxGap), skipped
}

// sideCells are the cells of one side of a row: its name and UCDP actor ID.
type sideCells struct {
	name string
	id   int
}

// placeCells are the cells that say where an event happened.
type placeCells struct {
	wherePrec       int
	country, region string
	site            csvimport.Site // for where_prec 1 and 2
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
	rd.buf = csvimport.AppendSlug(append(rd.buf[:0], "ged-"...), rawID)
	if first, dup := rd.dup(rd.buf[len("ged-"):]); dup {
		return t.Fail(colID, rawID, ErrInvalid, "event ID already on row "+strconv.Itoa(int(first)))
	}
	id := string(rd.buf)
	typ, err := t.Int(rec, colType, 1, 3, "invalid type of violence: want 1, 2 or 3")
	if err != nil {
		return err
	}
	wherePrec, err := t.Int(rec, colWherePrec, 1, 7, "invalid where_prec: want 1 to 7")
	if err != nil {
		return err
	}
	datePrec, err := t.Int(rec, colDatePrec, 1, 5, "invalid date_prec: want 1 to 5")
	if err != nil {
		return err
	}
	start, err := date(t, rec, colStart)
	if err != nil {
		return err
	}
	end, err := date(t, rec, colEnd)
	if err != nil {
		return err
	}
	if end < start {
		return t.Fail(colEnd, t.Cell(rec, colEnd), ErrInvalid, "date_end is before date_start")
	}
	if !csvimport.Knowable(rd.published, start) {
		return t.Fail(colStart, t.Cell(rec, colStart), ErrInvalid, "after the source's publication, "+rd.published.String())
	}
	deaths, err := rd.deaths(rec)
	if err != nil {
		return err
	}
	a, err := sideOf(t, rec, colSideA, colSideAID)
	if err != nil {
		return err
	}
	var b sideCells
	if typ != 3 { // one-sided violence: side B is civilians, not a party
		if b, err = sideOf(t, rec, colSideB, colSideBID); err != nil {
			return err
		}
	}
	where, err := placeOf(t, rec, wherePrec)
	if err != nil {
		return err
	}

	// The row is good: add its sides, its place and its event.
	ai, bi := rd.side(a, typ), -1
	if typ != 3 {
		bi = rd.side(b, typ)
	}
	loc := rd.location(where)
	d := csvimport.Window(start, end)

	note := append(rd.buf[:0], "UCDP GED event "...)
	note = append(note, rawID...)
	note = append(note, ", "...)
	note = append(note, violence[typ]...)
	if typ == 3 {
		note = append(note, " against "...)
		note = append(note, t.Cell(rec, colSideB)...)
	}
	if start != end || datePrec != 1 {
		note = append(note, "; between "...)
		note = start.Time().AppendFormat(note, time.DateOnly)
		note = append(note, " and "...)
		note = end.Time().AppendFormat(note, time.DateOnly)
		note = append(note, " (date_prec "...)
		note = strconv.AppendInt(note, int64(datePrec), 10)
		note = append(note, ')')
	}
	note = appendDeaths(note, deaths)
	note = append(note, "; where_prec "...)
	note = strconv.AppendInt(note, int64(wherePrec), 10)
	rd.buf = note

	rd.see(id, int32(t.Row()))
	rd.events = append(rd.events, event{id: id, note: string(note), date: d, loc: int32(loc), a: int32(ai), b: int32(bi)})
	if bi >= 0 && ai != bi {
		k := [2]int{min(ai, bi), max(ai, bi)}
		dy := rd.dyadI[k]
		if dy == nil {
			dy = &dyad{a: k[0], b: k[1]}
			rd.dyadI[k] = dy
			rd.dyads = append(rd.dyads, dy)
		}
		dy.windows = append(dy.windows, window{start, end})
	}
	return nil
}

// number returns the value of an event ID's slug that is a decimal number
// without leading zeros, as GED's IDs are.
func number(slug []byte) (int64, bool) {
	if len(slug) == 0 || len(slug) > 18 || slug[0] == '0' && len(slug) > 1 {
		return 0, false
	}
	var n int64
	for _, c := range slug {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// dup returns the row of the event whose ID has the given slug, if any.
func (rd *reader) dup(slug []byte) (int32, bool) {
	if n, ok := number(slug); ok {
		row, dup := rd.seenN[n]
		return row, dup
	}
	row, dup := rd.seen[string(slug)]
	return row, dup
}

// see records the row of the event with the given ID.
func (rd *reader) see(id string, row int32) {
	if n, ok := number([]byte(id[len("ged-"):])); ok {
		rd.seenN[n] = row
		return
	}
	rd.seen[id[len("ged-"):]] = row
}

// deaths reads the estimates of deaths: best, low and high, each -1 if
// not given.
func (rd *reader) deaths(rec []string) ([3]int64, error) {
	var n [3]int64
	for i, col := range [3]int{colBest, colLow, colHigh} {
		n[i] = -1
		v := rd.t.Cell(rec, col)
		if v == "" {
			continue
		}
		x, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return n, rd.t.Fail(col, v, ErrInvalid, "invalid number of deaths")
		}
		n[i] = int64(x)
	}
	return n, nil
}

// appendDeaths appends the estimates of deaths to a note.
func appendDeaths(b []byte, n [3]int64) []byte {
	first := true
	for i, word := range [3]string{"best ", "low ", "high "} {
		if n[i] < 0 {
			continue
		}
		if first {
			b = append(b, "; deaths "...)
			first = false
		} else {
			b = append(b, ", "...)
		}
		b = append(b, word...)
		b = strconv.AppendInt(b, n[i], 10)
	}
	return b
}

// sideOf reads the side named in columns name and id.
func sideOf(t *csvimport.Table, rec []string, nameCol, idCol int) (sideCells, error) {
	name := t.Cell(rec, nameCol)
	if name == "" {
		return sideCells{}, t.Fail(nameCol, "", ErrMissing, "empty")
	}
	raw := t.Cell(rec, idCol)
	if raw == "" {
		return sideCells{}, t.Fail(idCol, "", ErrMissing, "empty")
	}
	id, err := strconv.Atoi(raw)
	if err != nil || id < 0 {
		return sideCells{}, t.Fail(idCol, raw, ErrInvalid, "invalid UCDP actor ID")
	}
	return sideCells{name: name, id: id}, nil
}

// side returns the actor of side s, in an event of type of violence typ,
// adding it if new.
func (rd *reader) side(s sideCells, typ int) int {
	i, ok := rd.actorI[s.id]
	if !ok {
		i = len(rd.actors)
		rd.actorI[s.id] = i
		rd.actors = append(rd.actors, actor{name: strings.Clone(s.name), ucdpID: s.id})
	}
	a := &rd.actors[i]
	switch typ {
	case 1:
		a.stateVio = true
	case 2:
		a.nonState = true
	}
	return i
}

// placeOf reads where an event happened, at precision wherePrec.
func placeOf(t *csvimport.Table, rec []string, wherePrec int) (placeCells, error) {
	p := placeCells{wherePrec: wherePrec, country: t.Cell(rec, colCountry), region: t.Cell(rec, colAdm1)}
	if wherePrec > 2 {
		return p, nil
	}
	name := t.Cell(rec, colWhere)
	if name == "" {
		return p, t.Fail(colWhere, "", ErrMissing, "empty: where_prec 1 and 2 name a place")
	}
	lat, err := t.Coordinate(rec, colLat, 90, "empty: where_prec 1 and 2 have a point")
	if err != nil {
		return p, err
	}
	lon, err := t.Coordinate(rec, colLon, 180, "empty: where_prec 1 and 2 have a point")
	if err != nil {
		return p, err
	}
	p.site = csvimport.Site{Name: name, Region: p.region, Country: p.country,
		Lat: lat, Lon: lon, LatText: t.Cell(rec, colLat), LonText: t.Cell(rec, colLon)}
	return p, nil
}

// location returns the location of an event at p, adding it and the places
// it lies in if new, or -1 when the event has none.
func (rd *reader) location(p placeCells) int {
	ci, ri := -1, -1
	if p.country != "" {
		ci = rd.places.Country(p.country)
	}
	if p.region != "" {
		ri = rd.places.Region(p.country, p.region, ci)
	}
	switch {
	case p.wherePrec <= 2:
		within := ri
		if within < 0 {
			within = ci
		}
		return rd.places.Site(p.site, within)
	case p.wherePrec <= 4 && ri >= 0:
		return ri
	case p.wherePrec <= 6:
		return ci
	}
	return -1
}

// dataset builds the result.
func (rd *reader) dataset(src conflict.Source, maxGap int) conflict.Dataset {
	ds := conflict.Dataset{Sources: []conflict.Source{src}}

	// Names and IDs, unique over every node.
	nodes := make([]csvimport.Naming, 0, len(rd.actors)+rd.places.Len())
	for _, a := range rd.actors {
		nodes = append(nodes, csvimport.Naming{Names: []string{a.name, a.name + " (UCDP actor " + strconv.Itoa(a.ucdpID) + ")"}, Rank: csvimport.RankActor})
	}
	nodes = rd.places.Namings(nodes)
	names, ids := csvimport.Assign(nodes)
	actorIDs, placeIDs := ids[:len(rd.actors)], ids[len(rd.actors):]

	for i, a := range rd.actors {
		kind := conflict.ActorKind(0)
		switch {
		case strings.HasPrefix(a.name, "Government of "):
			kind = conflict.ActorGovernment
		case a.stateVio:
			kind = conflict.ActorRebelGroup
		case a.nonState:
			kind = conflict.ActorMilitia
		}
		ds.Actors = append(ds.Actors, conflict.Actor{ID: actorIDs[i], Name: names[i], Kind: kind, Note: "UCDP actor " + strconv.Itoa(a.ucdpID) + "."})
	}
	ds.Locations = rd.places.Locations(names[len(rd.actors):], placeIDs)
	// One backing array for the events' lists, each event with its own
	// elements (cut to their length, so appending to one copies it).
	ds.Events = make([]conflict.Event, len(rd.events))
	lists := make([]string, 3*len(rd.events))
	for i, ev := range rd.events {
		e, l := &ds.Events[i], lists[3*i:3*i+3:3*i+3]
		e.ID, e.Kind, e.Date, e.Note = ev.id, conflict.EventAttack, ev.date, ev.note
		l[0] = rd.src
		e.Sources = l[0:1:1]
		if ev.loc >= 0 {
			e.Location = placeIDs[ev.loc]
		}
		l[1] = actorIDs[ev.a]
		e.Actors = l[1:2:2]
		if ev.b >= 0 {
			l[2] = actorIDs[ev.b]
			e.Counterparts = l[2:3:3]
		}
	}
	rd.events = nil
	var all [][]span
	n := 0
	for _, dy := range rd.dyads {
		ss := spans(dy.windows, maxGap)
		dy.windows = nil
		all = append(all, ss)
		n += len(ss)
	}
	ds.Relations = make([]conflict.Relation, 0, n)
	srcs := make([]string, n)
	for i, dy := range rd.dyads {
		for _, s := range all[i] {
			j := len(ds.Relations)
			srcs[j] = rd.src
			end := s.end
			if !csvimport.Knowable(rd.published, csvimport.DayOf(end)) {
				end = conflict.Date{} // the source could not know the fighting stopped
			}
			ds.Relations = append(ds.Relations, conflict.Relation{
				Kind: conflict.RelationFights, From: actorIDs[dy.a], To: actorIDs[dy.b],
				Start: s.start, End: end, Sources: srcs[j : j+1 : j+1], Note: s.note(),
			})
		}
	}
	return ds
}

// span is a fights span made of a run of events.
type span struct {
	start, end conflict.Date
	w          window        // the first day the first event may have happened, the last day the last may have
	firstHi    csvimport.Day // the last day the first event may have happened
	lastLo     csvimport.Day // the first day the last event may have happened
	events     int
}

func (s *span) note() string {
	b := make([]byte, 0, 64)
	b = append(b, "UCDP GED: "...)
	b = strconv.AppendInt(b, int64(s.events), 10)
	if s.events == 1 {
		b = append(b, " event"...)
	} else {
		b = append(b, " events"...)
	}
	if s.w.lo == s.w.hi {
		b = append(b, " on "...)
		return string(s.w.lo.Time().AppendFormat(b, time.DateOnly))
	}
	b = append(b, " between "...)
	b = s.w.lo.Time().AppendFormat(b, time.DateOnly)
	b = append(b, " and "...)
	return string(s.w.hi.Time().AppendFormat(b, time.DateOnly))
}

// dates sets the span's start and end. The fighting began at the start of
// a day from w.lo to firstHi, the days its first event may have happened
// on, and ended at the start of a day from lastLo+1 to w.hi+1, after its
// last event: so the relation holds definitely from firstHi to lastLo and
// possibly on the other days from w.lo to w.hi. When no day is sure
// (firstHi > lastLo), the Dates of the days the events may have happened
// on say the same more plainly ("2016-04" to "2016-04" for an event known
// only to April).
func (s *span) dates() {
	if s.firstHi > s.lastLo {
		s.start, s.end = csvimport.Window(s.w.lo, s.firstHi), csvimport.Window(s.lastLo, s.w.hi)
		return
	}
	s.start = csvimport.Change{Lo: s.w.lo, Hi: s.firstHi}.StartDate()
	s.end = csvimport.Change{Lo: s.lastLo + 1, Hi: s.w.hi + 1}.EndDate()
}

// spans joins the windows of a pair's events into fights spans: windows
// whose gap is at most maxGap days join. The library keeps the spans of a
// pair as separate periods: a span's end is dated no later than the day
// after its last window, and the next span's start no earlier than the
// first day of its window, which is later.
func spans(ws []window, maxGap int) []span {
	slices.SortFunc(ws, func(a, b window) int {
		if c := cmp.Compare(a.lo, b.lo); c != 0 {
			return c
		}
		return cmp.Compare(a.hi, b.hi)
	})
	var out []span
	for _, w := range ws {
		if n := len(out); n > 0 {
			s := &out[n-1]
			if int64(w.lo)-int64(s.w.hi)-1 <= int64(maxGap) {
				s.w.hi = max(s.w.hi, w.hi)
				s.firstHi = min(s.firstHi, w.hi)
				s.lastLo = max(s.lastLo, w.lo)
				s.events++
				continue
			}
		}
		out = append(out, span{w: w, firstHi: w.hi, lastLo: w.lo, events: 1})
	}
	for i := range out {
		out[i].dates()
	}
	return out
}

// date reads a day in column i, in the years 1 to 9998.
func date(t *csvimport.Table, rec []string, i int) (csvimport.Day, error) {
	s := t.Cell(rec, i)
	if s == "" {
		return 0, t.Fail(i, "", ErrMissing, "empty")
	}
	d, ok := csvimport.ParseDay(s)
	if !ok {
		return 0, t.Fail(i, s, ErrInvalid, "invalid date: want YYYY-MM-DD")
	}
	if d.Time().Year() > 9998 {
		return 0, t.Fail(i, s, ErrInvalid, "date out of range: want a year from 1 to 9998")
	}
	return d, nil
}
