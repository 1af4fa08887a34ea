package main

import (
	"fmt"
	"time"

	"github.com/conflictgraph/conflict"
)

// The knowledge section compares two days of knowledge: what a reader of the
// Daily Beast's March 2016 piece could know of al-Qaryatayn on the first day
// after its month, and what the Soufan Group's brief of 6 April added.
var (
	knownPlace  = "al-qaryatayn"
	knownBefore = conflict.Day(2016, 4, 1)
	knownAfter  = conflict.Day(2016, 4, 6)
)

// knowledge writes what the record knew of one place on two days, and what
// it learned between them.
func (r *report) knowledge() {
	r.heading("As known on a day")
	place := r.placeName(knownPlace)
	r.wrap("", "A source counts from the day it was published, one dated only "+
		"to a month from the day after that month. On "+
		knownBefore.String()+" a reader of the Daily Beast's March piece could "+
		"know this of "+place+":")
	r.wrap("  ", upper(r.knownText(knownBefore))+".")
	// Each change of holder the record learned, once: as the new holder's
	// taking of the place (its predecessor's loss is the same change).
	r.wrap("", fmt.Sprintf("What the record learned by %s, on the day each "+
		"source became known:", knownAfter))
	for _, l := range r.c.Learned(knownBefore.Time(), knownAfter.Time()) {
		if l.Claim.Kind == conflict.RelationControls && l.Claim.To == knownPlace && !l.Claim.Start.IsZero() {
			r.wrap("  "+l.Known.String()+"  ", upper(r.learnedText(l))+".")
		}
	}
	r.wrap("", "So on "+knownAfter.String()+" "+r.knownText(knownAfter)+".")
}

// knownText says who held knownPlace on day k, as the record stood on k:
// "ISIS holds it, taken between ... (Daily Beast)".
func (r *report) knownText(k conflict.Date) string {
	ctl := r.c.AsOf(k.Time()).At(k.Time()).Controller(knownPlace)
	if ctl.Holder == "" {
		return "no one surely holds it"
	}
	s := r.the(ctl.Holder) + " holds it"
	if ctl.Certainty != conflict.Definite {
		s = r.the(ctl.Holder) + " possibly holds it"
	}
	if len(citations(ctl.Tie, false)) > 0 {
		s += ", taken " + r.claims(ctl.Tie, false)
	}
	if lo, hi := ctl.Since().Window(); hi.Sub(lo) > 366*24*time.Hour {
		s += ": the source gives no closer date"
	}
	return s
}

// learnedText says what one claim taught the record: the change it dates,
// on whose word, and what the record knew of that change before.
func (r *report) learnedText(l conflict.Learning) string {
	s := r.changeText(l.After, false) + " " + onDate(l.Claim.Start) + " (" + r.cite(l.Claim.Sources) + ")"
	switch before := l.Before.Start; {
	case len(l.Before.Claims()) == 0:
		return s + ", unknown before"
	case before != l.After.Start:
		return s + "; before, the record dated it only " + onDate(before.Date)
	}
	return s
}
