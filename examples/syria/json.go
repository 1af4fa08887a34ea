package main

import (
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
)

// A dayObject is what -at D -json prints: the day's summary, the events
// dated that day and each party's latest reported territory.
type dayObject struct {
	conflict.Summary
	Events    []eventObject          `json:"events"`
	Territory map[string]areaReading `json:"territory"`
}

// An eventObject is one event dated to the day asked about.
type eventObject struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Place   string   `json:"place"`   // the location's ID; "" if the event names none
	Parties []string `json:"parties"` // its actors, counterparts and participants, sorted
}

// An areaReading is the latest area a source reported a party to hold.
type areaReading struct {
	Km2    float64 `json:"km2"`
	Date   string  `json:"date"`   // the date the measure is of, as the source gives it
	Source string  `json:"source"` // the first source that gives it
}

// dayJSON returns the object -at D -json prints for day d.
func (r *report) dayJSON(d conflict.Date) dayObject {
	t := d.Time()
	obj := dayObject{Summary: r.q.At(t).Summary(), Events: []eventObject{}, Territory: map[string]areaReading{}}
	for _, h := range r.dayEvents(d) {
		obj.Events = append(obj.Events, eventObject{h.Event.ID, h.Event.Kind.String(), h.Event.Location, eventParties(h.Event)})
	}
	for _, id := range r.partyIDs() {
		if ms := r.q.Latest(id, conflict.QuantityAreaKm2, t); len(ms) > 0 {
			obj.Territory[id] = areaReading{ms[0].Value, ms[0].Date.String(), ms[0].Sources[0]}
		}
	}
	return obj
}

// dayEvents returns the events surely dated to day d: those whose date is
// that day, not a wider window that contains it.
func (r *report) dayEvents(d conflict.Date) []conflict.Happening {
	from := d.Time()
	var out []conflict.Happening
	for _, h := range r.q.Events(conflict.EventQuery{From: from, To: from.Add(24 * time.Hour)}) {
		if h.Certainty == conflict.Definite {
			out = append(out, h)
		}
	}
	return out
}

// eventParties returns every party an event names, sorted, each once.
func eventParties(e conflict.Event) []string {
	ids := slices.Concat(e.Actors, e.Counterparts)
	for _, p := range e.Participants {
		ids = append(ids, p.Party)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// partyIDs returns the IDs of every actor and backer, in the order added.
func (r *report) partyIDs() []string {
	var ids []string
	for a := range r.q.Actors() {
		ids = append(ids, a.ID)
	}
	for b := range r.q.Backers() {
		ids = append(ids, b.ID)
	}
	return ids
}
