package main

import (
	"strings"

	"github.com/conflictgraph/conflict"
)

// timeline writes the changes touching one party, in order.
func (r *report) timeline(id string) {
	r.heading(r.name(id) + ", change by change")
	var rows [][]string
	for _, ch := range r.q.Timeline(id) {
		what := r.partyChange(ch, id)
		if w := ch.When(); w.Disputed() {
			what += " (or on " + w.Last.String() + ")"
		}
		rows = append(rows, []string{"  " + ch.When().Date.String(), what})
	}
	r.table(rows)
	r.wrap("", "(Conflict.Timeline. A date wider than a day, as 2015-10, means "+
		"some day in it; \"or\" joins the dates of sources that disagree.)")
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
	r.wrap("", "(Conflict.History and Tie.StartCitations. Each change cites "+
		"every source that dates it, each with the date it gives; a year, a "+
		"month and a day inside them refine each other.)")
}
