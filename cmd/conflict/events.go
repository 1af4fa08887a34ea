package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

var eventsCommand = &command{
	name:    "events",
	summary: "the events at a place, of a party, of some kinds, between two dates",
	about: `Events prints the events that match every filter given, in time order
(conflict.Conflict.Events): those at the place -place or at the places
within it; those the party -party took part in, as an actor, a counterpart
or a participant; those of the kinds -kind; and those that may fall from
the first day of -from up to, not including, the first day of -to. An event
dated only to a month or a year that may fall in the range, or not, is
marked "(possibly)".

Each event shows its date, kind and ID, then a line each for its place, its
actors and counterparts, its participants with their roles (a supporter
with its kinds of support), its figures (best, low and high), its sources
and its note. A participant's or a figure's own sources follow it in
brackets when they are not the event's. Parties are named by the names they
went by on the day of the event.

With -json it prints {"from", "to", "place", "party", "kinds", "events":
[...]}, with IDs, an event as
  {"id", "kind", "date", "date_earliest", "date_latest", "place",
   "parties": {"actors", "counterparts", "participants": [{"party", "role",
   "support", "sources"}, ...]},
   "figures": [{"quantity", "party", "low", "best", "high", "sources"}, ...],
   "sources", "certainty"}
date_earliest and date_latest the first and last day it may have happened
on, certainty definite if it surely falls in the range and possible if it
may; place, a figure's party and a number not given null; a participant's
or figure's sources the event's when it names none of its own; and "name",
"support", "note", "confidence", "attributes" and "alleged" when the event
has them. With -as-of, "as_of", and only the events then known, each with
the sources, participants and figures then known (conflict.View.Events);
with -alleged the alleged events too, marked "(alleged)".`,
	example: "conflict events examples/syria/syria.json --place palmyra --kind capture,withdrawal",
	flags:   placeFlag | partyFlag | kindFlag | spanFlags | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runEvents,
}

// eventJSON is one event in events -json.
type eventJSON struct {
	ID           string       `json:"id"`
	Kind         string       `json:"kind"`
	Date         string       `json:"date"`
	DateEarliest string       `json:"date_earliest"`
	DateLatest   string       `json:"date_latest"`
	Place        *string      `json:"place"`
	Parties      partiesJSON  `json:"parties"`
	Figures      []figureJSON `json:"figures"`
	Sources      []string     `json:"sources"`
	Certainty    string       `json:"certainty"` // definite: surely in the range; possible: maybe

	// What only some events have.
	Name       string              `json:"name,omitempty"`   // a rename's new name
	Support    conflict.Support    `json:"support,omitzero"` // an intervention's kinds of support
	Note       string              `json:"note,omitempty"`
	Confidence conflict.Confidence `json:"confidence,omitzero"`
	Attributes map[string]string   `json:"attributes,omitempty"`
	Alleged    bool                `json:"alleged,omitempty"` // with -alleged
}

// partiesJSON is who took part in an event, in events -json.
type partiesJSON struct {
	Actors       []string          `json:"actors"`
	Counterparts []string          `json:"counterparts"`
	Participants []participantJSON `json:"participants"`
}

type participantJSON struct {
	Party   string           `json:"party"`
	Role    string           `json:"role"`
	Support conflict.Support `json:"support"`
	Sources []string         `json:"sources"`
	Note    string           `json:"note,omitempty"`
}

type figureJSON struct {
	Quantity string   `json:"quantity"`
	Party    *string  `json:"party"` // null: the event as a whole
	Low      *float64 `json:"low"`
	Best     *float64 `json:"best"`
	High     *float64 `json:"high"`
	Sources  []string `json:"sources"`
	Note     string   `json:"note,omitempty"`
}

func runEvents(inv *invocation) error {
	if len(inv.parties) > 1 {
		return usagef("events takes one -party, got %d", len(inv.parties))
	}
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	q := conflict.EventQuery{Kinds: inv.kinds}
	if inv.place.set {
		loc, ok := findLocation(c, inv.place.s)
		if !ok {
			return fmt.Errorf("%s has no location %q", inv.fileName(), inv.place.s)
		}
		q.Place = loc.ID
	}
	if len(inv.parties) == 1 {
		p, ok := findParty(c, inv.parties[0])
		if !ok {
			return fmt.Errorf("%s has no party %q", inv.fileName(), inv.parties[0])
		}
		q.Party = p.ID
	}
	if inv.from.set {
		q.From = inv.from.in(inv.zone)
	}
	if inv.to.set {
		q.To = inv.to.in(inv.zone)
	}
	events := rec.Events(q)
	if inv.json {
		out := struct {
			From   *string     `json:"from"`  // null: from the start of the record
			To     *string     `json:"to"`    // null: to its end
			Place  *string     `json:"place"` // null: anywhere
			Party  *string     `json:"party"` // null: any
			Kinds  []string    `json:"kinds"` // []: any
			AsOf   *string     `json:"as_of,omitempty"`
			Events []eventJSON `json:"events"`
		}{dateJSON(inv.from.d), dateJSON(inv.to.d), stringJSON(q.Place), stringJSON(q.Party), kindWords(q.Kinds), inv.asOfJSON(), []eventJSON{}}
		for _, h := range events {
			out.Events = append(out.Events, eventOf(h))
		}
		return inv.printJSON(out)
	}
	heading := "Events"
	if q.Place != "" {
		heading += " at " + inv.name(q.Place)
	}
	if q.Party != "" {
		heading += " of " + inv.name(q.Party)
	}
	if len(q.Kinds) > 0 {
		heading += " (" + strings.Join(kindWords(q.Kinds), ", ") + ")"
	}
	inv.printf("%s %s%s: %d\n", heading, rangeText(inv.from, inv.to), inv.knownText(), len(events))
	for _, h := range events {
		inv.printEvent(h)
	}
	return nil
}

// printEvent writes one event in text output: a line with its date, kind
// and ID, then a line for each thing it has.
func (inv *invocation) printEvent(h conflict.Happening) {
	e := h.Event
	head := e.Date.String() + "  " + e.Kind.String() + "  " + e.ID
	if h.Certainty == conflict.Possible {
		head += " (possibly)"
	}
	inv.printf("\n%s%s\n", head, allegedText(e.Alleged))
	line := func(key, value string) {
		if value != "" {
			inv.printf("    %s: %s\n", key, value)
		}
	}
	if e.Location != "" {
		line("place", inv.name(e.Location))
	}
	line("name", e.Name)
	actors := inv.namesOn(e.Date, e.Actors, ", ")
	if e.Kind == conflict.EventRenamed && len(e.Actors) == 1 {
		actors = inv.nameBefore(e.Date, e.Actors[0]) // by the name it had
	}
	line("actors", actors)
	line("counterparts", inv.namesOn(e.Date, e.Counterparts, ", "))
	line("support", e.Support.String())
	var parts []string
	for _, p := range e.Participants {
		role := p.Role.String()
		if p.Support != 0 {
			role += ": " + p.Support.String()
		}
		parts = append(parts, inv.nameOn(e.Date, p.Party)+" ("+role+")"+ownSources(p.Sources, e.Sources))
	}
	line("participants", strings.Join(parts, "; "))
	var figures []string
	for _, f := range e.Figures {
		figures = append(figures, inv.figureText(e.Date, f)+ownSources(f.Sources, e.Sources))
	}
	line("figures", strings.Join(figures, "; "))
	line("sources", strings.Join(e.Sources, ", "))
	line("note", e.Note)
}

// figureText returns f as Figure.String does, with the name the party went
// by on the first day of d: "Islamic State: at least 400 fatalities".
func (inv *invocation) figureText(d conflict.Date, f conflict.Figure) string {
	party := f.Party
	f.Party = ""
	if party == "" {
		return f.String()
	}
	return inv.nameOn(d, party) + ": " + f.String()
}

// ownSources is what text output adds after a participant or a figure
// that names sources of its own, other than its event's: " [tass]".
func ownSources(own, event []string) string {
	if own == nil || slices.Equal(own, event) {
		return ""
	}
	return " [" + strings.Join(own, ", ") + "]"
}

// eventOf converts an answer of Conflict.Events for JSON.
func eventOf(h conflict.Happening) eventJSON {
	e := h.Event
	lo, hi := e.Date.Window()
	j := eventJSON{
		ID: e.ID, Kind: e.Kind.String(), Date: e.Date.String(),
		DateEarliest: conflict.DateOf(lo.UTC()).String(),
		DateLatest:   conflict.DateOf(hi.UTC().AddDate(0, 0, -1)).String(),
		Place:        stringJSON(e.Location),
		Parties: partiesJSON{
			Actors: nonNil(e.Actors), Counterparts: nonNil(e.Counterparts), Participants: []participantJSON{},
		},
		Figures:   []figureJSON{},
		Sources:   nonNil(e.Sources),
		Certainty: h.Certainty.String(),
		Name:      e.Name, Support: e.Support, Note: e.Note, Confidence: e.Confidence,
		Attributes: e.Attributes, Alleged: e.Alleged,
	}
	for _, p := range e.Participants {
		j.Parties.Participants = append(j.Parties.Participants, participantJSON{
			Party: p.Party, Role: p.Role.String(), Support: p.Support, Sources: sourcesOr(p.Sources, e.Sources), Note: p.Note,
		})
	}
	for _, f := range e.Figures {
		j.Figures = append(j.Figures, figureJSON{
			Quantity: f.Quantity.String(), Party: stringJSON(f.Party), Low: f.Low, Best: f.Best, High: f.High,
			Sources: sourcesOr(f.Sources, e.Sources), Note: f.Note,
		})
	}
	return j
}

// sourcesOr returns own, or the event's sources when own is nil: the
// sources a participant or a figure rests on.
func sourcesOr(own, event []string) []string {
	if own == nil {
		return nonNil(event)
	}
	return own
}

// stringJSON is s for JSON: s, or null when empty.
func stringJSON(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// kindWords returns the words of kinds of event.
func kindWords(kinds []conflict.EventKind) []string {
	words := make([]string, len(kinds))
	for i, k := range kinds {
		words[i] = k.String()
	}
	return words
}
