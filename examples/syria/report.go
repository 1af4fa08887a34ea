package main

import (
	"bytes"
	"fmt"
	"iter"
	"time"

	"github.com/conflictgraph/conflict"
)

// A turningPoint is a day the full report compares.
type turningPoint struct {
	label string
	day   conflict.Date
}

// turningPoints are the days of the full report's tables: Palmyra and
// al-Qaryatayn in ISIS hands; the Russian intervention under way; both towns
// retaken while the ceasefire holds; Palmyra lost again as eastern Aleppo
// falls.
var turningPoints = []turningPoint{
	{"mid-2015", conflict.MustParseDate("2015-07-01")},
	{"start of 2016", conflict.MustParseDate("2016-01-01")},
	{"early Apr 2016", conflict.MustParseDate("2016-04-06")},
	{"mid-Dec 2016", conflict.MustParseDate("2016-12-15")},
}

// keyPlaces are the places the report follows, in the order it lists them.
var keyPlaces = []string{
	"palmyra", "al-qaryatayn", "kuweires-airbase", "t4-airbase", "al-bab",
	"raqqa", "deir-ez-zor", "mosul", "ramadi", "fallujah", "eastern-aleppo",
}

const government = "syrian-government"

// A record answers the report's questions: the whole record (a
// *conflict.Conflict) or the record as it stood on a day (a conflict.View).
type record interface {
	At(t time.Time) conflict.Moment
	Ties() iter.Seq[conflict.Tie]
	Timeline(id string) []conflict.Change
	History(loc string) []conflict.Tie
	SidesOver(from, to time.Time, opt conflict.SidesOptions) ([]conflict.SidesPeriod, error)
}

// A report writes what the record says, in words, for a terminal.
type report struct {
	c    *conflict.Conflict // the whole record: names, sources, events
	q    record             // what the report asks: c, or c as known on asOf
	asOf conflict.Date      // the day of knowledge; zero for the whole record
	w    *bytes.Buffer
}

// newReport returns a report on c as it stood on the day asOf, or on the
// whole record if asOf is zero.
func newReport(c *conflict.Conflict, asOf conflict.Date) *report {
	r := &report{c: c, q: c, asOf: asOf}
	if !asOf.IsZero() {
		r.q = c.AsOf(asOf.Time())
	}
	return r
}

// knows reports whether the record as the report asks it knows a claim that
// rests on sources: whether one of them was published by the day of
// knowledge, as Conflict.AsOf counts it. The whole record knows every claim.
func (r *report) knows(sources []string) bool {
	if r.asOf.IsZero() {
		return true
	}
	for _, id := range sources {
		if s, ok := r.c.Source(id); ok && published(s, r.asOf) {
			return true
		}
	}
	return false
}

// published reports whether s counts as known on day k: from its day if it
// gives one, otherwise once the whole window of its date has passed; never
// if it has no date.
func published(s conflict.Source, k conflict.Date) bool {
	if s.Published.IsZero() {
		return false
	}
	start, end := s.Published.Window()
	day, _ := k.Window()
	if s.Published.Precision() == conflict.PrecisionDay {
		return !day.Before(start)
	}
	return !day.Before(end)
}

// full writes the report at the turning points.
func (r *report) full(w *bytes.Buffer) {
	r.w = w
	sections := []func(){
		r.header,
		r.holdings,
		r.blocs,
		r.sides,
		r.backers,
		func() { r.timeline("russia") },
		func() { r.history("palmyra") },
		r.disputes,
	}
	if r.asOf.IsZero() {
		sections = append(sections, r.knowledge)
	}
	r.sections(append(sections, r.sources)...)
}

// sections writes each section, a blank line between them.
func (r *report) sections(fs ...func()) {
	for i, f := range fs {
		if i > 0 {
			r.printf("\n")
		}
		f()
	}
}

// header writes the full report's title and what the record holds.
func (r *report) header() {
	r.title(r.c.Name())
	ds := r.c.Dataset()
	articles := 0
	for _, s := range ds.Sources {
		if isArticle(s.ID) {
			articles++
		}
	}
	reports := len(ds.Sources) - articles
	r.wrap("", fmt.Sprintf("A dated, sourced record of who held what and who "+
		"backed whom, built from %s articles and %d dated reports, most of them "+
		"wire reports of the day, for the exact days the articles leave vague "+
		"and the facts they take for granted: %d actors, %d backers, %d places, "+
		"%d relations and %d events. Every answer below is a query of package "+
		"conflict; the sources are listed at the end. Run with -at YYYY-MM-DD "+
		"for one day, add -json for its summary as JSON; add -as-of YYYY-MM-DD "+
		"to ask the record as it stood on that day.",
		count(articles), reports, len(ds.Actors), len(ds.Backers),
		len(ds.Locations), len(ds.Relations), len(ds.Events)))
	if !r.asOf.IsZero() {
		known := 0
		for _, s := range ds.Sources {
			if r.knows([]string{s.ID}) {
				known++
			}
		}
		r.printf("\n")
		r.wrap("", fmt.Sprintf("As known on %s: only what the %d sources "+
			"published by then say (Conflict.AsOf). A source dated only to a "+
			"month counts from the day after that month; the later days in the "+
			"tables are what that record implied.", r.asOf, known))
	}
}
