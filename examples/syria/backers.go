package main

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/conflictgraph/conflict"
)

// backers writes who backs the government, and how; its own forces; and
// what Russia's announced withdrawal did not change.
func (r *report) backers() {
	r.heading("Who backs the government, and how")
	// Every supports tie to the government in force at a turning point.
	var ties []conflict.Tie
	for _, tp := range turningPoints {
		for _, t := range sorted(r.q.At(tp.day.Time())) {
			if t.Kind == conflict.RelationSupports && t.To == government &&
				!slices.ContainsFunc(ties, func(u conflict.Tie) bool { return sameTie(u, t) }) {
				ties = append(ties, t)
			}
		}
	}
	// The best-attested first.
	slices.SortStableFunc(ties, func(a, b conflict.Tie) int {
		return cmp.Compare(len(b.Sources()), len(a.Sources()))
	})
	for _, t := range ties {
		when := ""
		if !t.Start.IsOpen() || !t.End.IsOpen() {
			when = " (" + span(t) + ")"
		}
		r.wrap("  ", r.name(t.From)+when+": "+supportWords(t.Support)+"; per "+r.cite(t.Sources())+".")
	}
	var parts []string
	for t := range r.q.Ties() {
		if t.Kind == conflict.RelationPartOf && t.To == government {
			s := r.the(t.From)
			if !t.Start.IsOpen() {
				s += " (" + span(t) + ")"
			}
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		r.wrap("", "Part of the government's own forces: "+list(parts)+".")
	}
	r.withdrawal()
}

// withdrawalEvent is Russia's announced partial withdrawal, which the report
// quotes though it ends no tie.
const withdrawalEvent = "russia-partial-withdrawal-2016-03-14"

// withdrawal writes what Russia's announced withdrawal did not change: its
// support of the government goes on, and its air power shows up in later
// battles.
func (r *report) withdrawal() {
	ev, ok := r.c.Event(withdrawalEvent)
	if !ok || !r.knows(ev.Sources) {
		return
	}
	// Events that may fall after it, dated no wider than its month.
	month := conflict.Month(ev.Date.Year(), ev.Date.Month()).Time()
	var after []string
	sources := map[string][]string{}
	for _, h := range r.q.Events(conflict.EventQuery{Party: "russia", From: ev.Date.Time(), To: recordTo.Time()}) {
		if lo, _ := h.Event.Date.Window(); lo.Before(month) || !airPower(h.Event, "russia") {
			continue
		}
		at := r.thePlace(h.Event.Location) + " " + onDate(h.Event.Date)
		if _, ok := sources[at]; !ok {
			after = append(after, at)
		}
		sources[at] = append(sources[at], h.Event.Sources...)
	}
	for i, at := range after {
		after[i] = at + " (" + r.cite(sources[at]) + ")"
	}
	s := fmt.Sprintf("Russia announced a partial withdrawal %s (%s). No source "+
		"says its support ended, and the record keeps it", onDate(ev.Date), r.cite(ev.Sources))
	if len(after) > 0 {
		s += "; its air power is in the record afterwards at " + list(after)
	}
	r.wrap("", s+".")
}

// airPower reports whether party struck from the air in e: the actor of an
// airstrike, or a supporter with air power.
func airPower(e conflict.Event, party string) bool {
	if e.Kind == conflict.EventAirstrike && slices.Contains(e.Actors, party) {
		return true
	}
	return slices.ContainsFunc(e.Participants, func(p conflict.Participant) bool {
		return p.Party == party && p.Role == conflict.RoleSupporter && p.Support.Has(conflict.SupportAirPower)
	})
}

// sameTie reports whether a and b are the same period of one relation.
func sameTie(a, b conflict.Tie) bool {
	return a.Kind == b.Kind && a.From == b.From && a.To == b.To && a.Start == b.Start
}
