package main

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/conflictgraph/conflict"
)

// backers writes who backs the government, and how.
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
		r.wrap("  ", r.name(t.From)+when+": "+supportWords(t.Support))
		r.wrap("      ", "per "+r.cite(t.Sources()))
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
	if ev, ok := r.c.Event(withdrawalEvent); ok && r.knows(ev.Sources) {
		r.wrap("", fmt.Sprintf("Russia announced a partial withdrawal %s (%s), "+
			"but no source says its support ended: the tie stays in force.",
			onDate(ev.Date), r.cite(ev.Sources)))
	}
	r.printf("\n")
	tp := turningPoints[2]
	r.fightsOf(r.q.At(tp.day.Time()), government, tp.day.String()+" ("+tp.label+")")
}

// withdrawalEvent is Russia's announced partial withdrawal, which the report
// quotes though it ends no tie.
const withdrawalEvent = "russia-partial-withdrawal-2016-03-14"

// sameTie reports whether a and b are the same period of one relation.
func sameTie(a, b conflict.Tie) bool {
	return a.Kind == b.Kind && a.From == b.From && a.To == b.To && a.Start == b.Start
}

// fightsOf writes whom id fights at m, and the ceasefires that hold.
func (r *report) fightsOf(m conflict.Moment, id, when string) {
	var enemies []string
	for _, p := range m.Enemies(id) {
		s := r.the(p.ID)
		if p.Certainty != conflict.Definite {
			s = "possibly " + s
		}
		enemies = append(enemies, s)
	}
	r.wrap("", fmt.Sprintf("On %s %s fights %s.", when, r.the(id), list(enemies)))
	for _, t := range sorted(m) {
		if t.Kind != conflict.RelationCeasefire || (t.From != id && t.To != id) {
			continue
		}
		holds := "holds"
		if t.Certainty != conflict.Definite {
			holds = "may still hold"
		}
		var outside []string
		for _, p := range m.Enemies(id) {
			if p.ID != other(t, id) {
				outside = append(outside, p.ID)
			}
		}
		r.wrap("", fmt.Sprintf("Its ceasefire with %s %s (%s; %s); it leaves out %s.",
			r.the(other(t, id)), holds, span(t), r.cite(t.Sources()), list(r.thes(outside))))
	}
}
