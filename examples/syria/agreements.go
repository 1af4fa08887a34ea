package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// agreements writes the truces of the record: whom each covered, left out
// and had as guarantors, when it held, on whose word; and what the first
// one suspended.
func (r *report) agreements() {
	r.heading("Truces")
	known := 0
	for a := range r.q.Agreements() {
		known++
		r.on = a.Start.Time()
		r.wrap("  ", fmt.Sprintf("%s: %s. Covered %s; left out %s; guaranteed by %s (%s).",
			a.Name, r.agreementSpan(a), list(r.thes(a.Parties)), list(r.thes(a.Excluded)),
			list(r.thes(a.Guarantors)), r.cite(a.Sources)))
	}
	if known == 0 {
		r.wrap("", "None of the record's truces is known yet: each rests on reports published later.")
	}
	tp := turningPoints[2]
	r.on = tp.day.Time()
	r.fightsOf(r.q.At(r.on), government, tp.day.String())
	r.on = time.Time{}
}

// agreementSpan says when an agreement held: "from 2016-09-12 to
// 2016-09-19", "from 2016-02-27, ended between 2016-04-18 and 2016-09-12",
// "from 2016-12-30, no end in the record" ("no end known yet" as known on
// a day).
func (r *report) agreementSpan(a conflict.Agreement) string {
	s := "from " + a.Start.String()
	switch {
	case a.End.IsZero() && !r.asOf.IsZero():
		return s + ", no end known yet"
	case a.End.IsZero():
		return s + ", no end in the record"
	case a.End.Precision() == conflict.PrecisionDay:
		return s + " to " + a.End.String()
	}
	lo, hi := conflict.Bound{Date: a.End}.Window()
	return s + ", ended between " + lo.Format("2006-01-02") + " and " + hi.Format("2006-01-02")
}

// fightsOf writes whom id fights at m, and the truces that suspend its other
// fights.
func (r *report) fightsOf(m conflict.Moment, id, when string) {
	var enemies []string
	for _, p := range m.Enemies(id) {
		s := r.the(p.ID)
		if p.Certainty != conflict.Definite {
			s = "possibly " + s
		}
		enemies = append(enemies, s)
	}
	var held []string
	for _, t := range sorted(m) {
		if t.Kind != conflict.RelationFights || (t.From != id && t.To != id) {
			continue
		}
		if o := other(t, id); !containsParty(m.Enemies(id), o) {
			held = append(held, r.the(o))
		}
	}
	s := fmt.Sprintf("On %s %s fights %s", when, r.the(id), list(enemies))
	if len(held) > 0 {
		s += "; a truce holds off its fight with " + list(held)
	}
	r.wrap("", s+".")
}

// containsParty reports whether id is among ps.
func containsParty(ps []conflict.Party, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

// agreementsOn writes the truces in force at m.
func (r *report) agreementsOn(m conflict.Moment) {
	var parts []string
	for _, a := range m.Agreements() {
		s := a.Agreement.Name + " (" + r.agreementSpan(a.Agreement) + ")"
		if a.Certainty != conflict.Definite {
			s = "possibly " + s
		}
		parts = append(parts, s+": it leaves out "+list(r.thes(a.Agreement.Excluded)))
	}
	if len(parts) == 0 {
		r.wrap("", "No truce is in force.")
		return
	}
	r.wrap("", "In force: "+strings.Join(parts, "; ")+".")
}
