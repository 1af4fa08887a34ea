package conflict

import "fmt"

// The records as the dataset file writes them. Dates and kinds are strings
// here, converted with errors that name the record, field and value.

type wireSource struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Note      string `json:"note,omitempty"`
}

type wireNode struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	Note    string   `json:"note,omitempty"`
}

type wireLocation struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Kind    string     `json:"kind,omitempty"`
	Aliases []string   `json:"aliases,omitempty"`
	Within  string     `json:"within,omitempty"`
	Point   *wirePoint `json:"point,omitempty"`
	Note    string     `json:"note,omitempty"`
}

type wirePoint struct {
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
}

type wireRelation struct {
	Kind    string   `json:"kind"`
	From    string   `json:"from"`
	To      string   `json:"to"`
	Start   string   `json:"start,omitempty"`
	End     string   `json:"end,omitempty"`
	Support []string `json:"support,omitempty"`
	Sources []string `json:"sources"`
	Event   string   `json:"event,omitempty"`
	Note    string   `json:"note,omitempty"`
}

type wireEvent struct {
	ID           string   `json:"id"`
	Kind         string   `json:"kind"`
	Date         string   `json:"date"`
	Location     string   `json:"location,omitempty"`
	Actors       []string `json:"actors,omitempty"`
	Counterparts []string `json:"counterparts,omitempty"`
	Support      []string `json:"support,omitempty"`
	Sources      []string `json:"sources"`
	Note         string   `json:"note,omitempty"`
}

// nilIfEmpty normalizes an empty list to nil, so a file that writes [] and
// one that leaves the field out load the same.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func (t *lineTable) date(section string, i int, label fmt.Stringer, field, s string) Date {
	d, why := parseDate(s)
	if why != "" {
		t.fail(section, i, label, field, s, ErrDate, why)
	}
	return d
}

func (t *lineTable) support(section string, i int, label fmt.Stringer, words []string) Support {
	var s Support
	for _, w := range words {
		k, err := ParseSupport(w)
		if err != nil {
			t.fail(section, i, label, "support", w, ErrKind, "")
		}
		s |= k
	}
	return s
}

// kind returns the value of a kind's word in words, where the first word,
// "", may stand for the zero value only if zeroOK.
func (t *lineTable) kind(section string, i int, label fmt.Stringer, s string, words []string, zeroOK bool) uint8 {
	v, ok := enumParse(words, s)
	if !ok || v == 0 && !zeroOK {
		t.fail(section, i, label, "kind", s, ErrKind, "")
		return 0
	}
	return v
}

func (w *wireSource) source(t *lineTable, i int) Source {
	label := quoted(w.ID)
	return Source{
		ID: w.ID, Outlet: w.Outlet, Author: w.Author, Title: w.Title,
		Published: t.date(sectionSources, i, label, "published", w.Published),
		URL:       w.URL, Note: w.Note,
	}
}

func wireOfSource(s *Source) wireSource {
	return wireSource{ID: s.ID, Outlet: s.Outlet, Author: s.Author, Title: s.Title, Published: s.Published.String(), URL: s.URL, Note: s.Note}
}

func (w *wireNode) actor(t *lineTable, i int) Actor {
	a := Actor{ID: w.ID, Name: w.Name, Aliases: nilIfEmpty(w.Aliases), Note: w.Note}
	a.Kind = ActorKind(t.kind(sectionActors, i, quoted(w.ID), w.Kind, actorKindWords, true))
	return a
}

func wireOfActor(a *Actor) wireNode {
	return wireNode{ID: a.ID, Name: a.Name, Kind: a.Kind.String(), Aliases: a.Aliases, Note: a.Note}
}

func (w *wireNode) backer(t *lineTable, i int) Backer {
	b := Backer{ID: w.ID, Name: w.Name, Aliases: nilIfEmpty(w.Aliases), Note: w.Note}
	b.Kind = BackerKind(t.kind(sectionBackers, i, quoted(w.ID), w.Kind, backerKindWords, true))
	return b
}

func wireOfBacker(b *Backer) wireNode {
	return wireNode{ID: b.ID, Name: b.Name, Kind: b.Kind.String(), Aliases: b.Aliases, Note: b.Note}
}

func (w *wireLocation) location(t *lineTable, i int) Location {
	label := quoted(w.ID)
	l := Location{ID: w.ID, Name: w.Name, Aliases: nilIfEmpty(w.Aliases), Within: w.Within, Note: w.Note}
	l.Kind = LocationKind(t.kind(sectionLocations, i, label, w.Kind, locationKindWords, true))
	if p := w.Point; p != nil {
		if p.Lat == nil || p.Lon == nil {
			t.fail(sectionLocations, i, label, "point", "", ErrMissing, "a point needs lat and lon")
		} else {
			l.Point = &Point{Lat: *p.Lat, Lon: *p.Lon}
		}
	}
	return l
}

func wireOfLocation(l *Location) wireLocation {
	w := wireLocation{ID: l.ID, Name: l.Name, Kind: l.Kind.String(), Aliases: l.Aliases, Within: l.Within, Note: l.Note}
	if l.Point != nil {
		w.Point = &wirePoint{Lat: &l.Point.Lat, Lon: &l.Point.Lon}
	}
	return w
}

func (w *wireRelation) relation(t *lineTable, i int) Relation {
	label := relLabel{w.From, w.Kind, w.To}
	r := Relation{From: w.From, To: w.To, Sources: nilIfEmpty(w.Sources), Event: w.Event, Note: w.Note}
	r.Kind = RelationKind(t.kind(sectionRelations, i, label, w.Kind, relationKindWords, false))
	r.Start = t.date(sectionRelations, i, label, "start", w.Start)
	r.End = t.date(sectionRelations, i, label, "end", w.End)
	r.Support = t.support(sectionRelations, i, label, w.Support)
	return r
}

func wireOfRelation(r *Relation) wireRelation {
	return wireRelation{
		Kind: r.Kind.String(), From: r.From, To: r.To,
		Start: r.Start.String(), End: r.End.String(),
		Support: r.Support.words(), Sources: r.Sources, Event: r.Event, Note: r.Note,
	}
}

func (w *wireEvent) event(t *lineTable, i int) Event {
	label := quoted(w.ID)
	e := Event{
		ID: w.ID, Location: w.Location,
		Actors: nilIfEmpty(w.Actors), Counterparts: nilIfEmpty(w.Counterparts),
		Sources: nilIfEmpty(w.Sources), Note: w.Note,
	}
	e.Kind = EventKind(t.kind(sectionEvents, i, label, w.Kind, eventKindWords, false))
	e.Date = t.date(sectionEvents, i, label, "date", w.Date)
	e.Support = t.support(sectionEvents, i, label, w.Support)
	return e
}

func wireOfEvent(e *Event) wireEvent {
	return wireEvent{
		ID: e.ID, Kind: e.Kind.String(), Date: e.Date.String(), Location: e.Location,
		Actors: e.Actors, Counterparts: e.Counterparts, Support: e.Support.words(),
		Sources: e.Sources, Note: e.Note,
	}
}
