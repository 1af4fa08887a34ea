package main

import (
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// timeline writes the changes touching one party in the record's two years,
// in order.
func (r *report) timeline(id string) {
	r.heading(r.name(id) + ", change by change")
	var rows [][]string
	for _, ch := range r.q.Timeline(id) {
		if lo, _ := ch.When().Window(); !lo.Before(recordTo.Time()) {
			continue
		}
		r.on, _ = ch.When().Window()
		what := r.partyChange(ch, id)
		if w := ch.When(); w.Disputed() {
			what += " (or on " + w.Last.String() + ")"
		}
		rows = append(rows, []string{"  " + ch.When().Date.String(), what})
	}
	r.on = time.Time{}
	r.table(rows)
}

// partyChange says what a change means for party id, in the present tense.
func (r *report) partyChange(ch conflict.Change, id string) string {
	t := ch.Tie
	o := r.the(other(t, id))
	start := !ch.Closed
	switch {
	case t.Kind == conflict.RelationSupports && t.From == id && start:
		return "starts backing " + o + " (" + supportWords(t.Support) + ")"
	case t.Kind == conflict.RelationSupports && t.From == id:
		return "stops backing " + o
	case t.Kind == conflict.RelationFights && start:
		return "starts fighting " + o
	case t.Kind == conflict.RelationFights:
		return "stops fighting " + o
	case t.Kind == conflict.RelationCeasefire && start:
		return "ceasefire with " + o + " begins"
	case t.Kind == conflict.RelationCeasefire:
		return "ceasefire with " + o + " ends"
	}
	return r.changeText(t, ch.Closed)
}

// history writes the successive holders of a place, with the claims behind
// each change.
func (r *report) history(id string) {
	r.heading(r.placeName(id) + ", holder by holder")
	hist := r.q.History(id)
	w := 0
	for _, t := range hist {
		w = max(w, len(span(t)))
	}
	for _, t := range hist {
		r.printf("  %-*s  %s\n", w, span(t), r.name(t.From))
		if t.Start.IsOpen() {
			var src []string
			for _, c := range t.Claims() {
				if c.Start.IsZero() && c.End.IsZero() {
					src = append(src, c.Sources...)
				}
			}
			r.wrap("      ", "held when the record begins ("+r.cite(src)+")")
			continue
		}
		s := "taken " + r.claims(t, false)
		if strings.Contains(s, " and ") {
			s += ": the dates agree"
		}
		r.wrap("      ", s)
	}
	r.participants(retakeEvent)
}

// retakeEvent is the government's retaking of Palmyra in March 2016, whose
// participants the report lists by source.
const retakeEvent = "government-captures-palmyra-2016-03"

// participants writes who took part in an event, in what role, on whose
// word.
func (r *report) participants(id string) {
	var e conflict.Event
	for _, h := range r.q.Events(conflict.EventQuery{}) {
		if h.Event.ID == id {
			e = h.Event
		}
	}
	if e.ID == "" || len(e.Participants) == 0 {
		return
	}
	r.wrap("", "Who took part in "+r.eventTitle(e)+", on whose word:")
	for _, p := range e.Participants {
		role := map[conflict.Role]string{
			conflict.RoleActor:     "led it",
			conflict.RoleAlongside: "fought alongside",
			conflict.RoleDefender:  "defended",
			conflict.RoleTarget:    "was its target",
		}[p.Role]
		if p.Role == conflict.RoleSupporter {
			role = "supported it"
			if p.Support != 0 {
				role += " with " + supportWords(p.Support)
			}
		}
		r.wrap("  - ", r.the(p.Party)+" "+role+" ("+r.cite(cmpOr(p.Sources, e.Sources))+")")
	}
}

// eventTitle names an event for a sentence: "the capture of Palmyra in
// 2016-03".
func (r *report) eventTitle(e conflict.Event) string {
	s := "the " + strings.ReplaceAll(e.Kind.String(), "-", " ")
	if e.Location != "" {
		s += " of " + r.thePlace(e.Location)
	}
	return s + " " + onDate(e.Date)
}

// cmpOr returns a if it is not empty, otherwise b.
func cmpOr(a, b []string) []string {
	if len(a) > 0 {
		return a
	}
	return b
}
