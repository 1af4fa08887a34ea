package main

import (
	"bytes"
	"fmt"
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
// retaken while the truce holds; Palmyra lost again as eastern Aleppo falls.
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

// The record's two years.
var (
	recordFrom = conflict.Day(2015, time.January, 1)
	recordTo   = conflict.Day(2017, time.January, 1)
)

// A report writes what the record says, in words, for a terminal.
type report struct {
	c       *conflict.Conflict // the whole record: names, sources, lineage
	q       conflict.Record    // what the report asks: c, or c as known on asOf
	alleged conflict.View      // q with its allegations among the answers
	asOf    conflict.Date      // the day of knowledge; zero for the whole record
	w       *bytes.Buffer

	// on is the day whose names the report uses for the parties (see
	// report.name); the zero Time for the names they go by in the record.
	on time.Time
}

// newReport returns a report on c as it stood on the day asOf, or on the
// whole record if asOf is zero.
func newReport(c *conflict.Conflict, asOf conflict.Date) *report {
	r := &report{c: c, q: c, alleged: c.WithAlleged(), asOf: asOf}
	if !asOf.IsZero() {
		v := c.AsOf(asOf.Time())
		r.q, r.alleged = v, v.WithAlleged()
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
		r.howToRead,
		r.holdings,
		r.sides,
		r.agreements,
		r.backers,
		r.territory,
		func() { r.timeline("russia") },
		func() { r.history("palmyra") },
		r.lineages,
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
	r.wrap("", fmt.Sprintf("Who held what in Syria in 2015 and 2016 and who stood "+
		"with whom, as %s articles tell it and %d dated reports, mostly wire "+
		"reports of the day, pin it down: %d parties, %d places, %d relations and %d "+
		"events, each on its sources' word. Run with -at YYYY-MM-DD for one day "+
		"(add -json for JSON), with -as-of YYYY-MM-DD for the record as it stood then.",
		count(articles), len(ds.Sources)-articles, len(ds.Actors)+len(ds.Backers),
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
			"published by then say. A source dated only to a month counts from "+
			"the day after that month; the later days in the tables are what "+
			"that record implied.", r.asOf, known))
	}
}

// howToRead says, once, how to read the answers.
func (r *report) howToRead() {
	r.heading("How to read this")
	for _, s := range []string{
		"Dates are as the sources give them: a day, a month (2015-08), a " +
			"season, or a span of days one of which is meant (2016-12-08/2016-12-11).",
		"\"Possibly\" means the sources leave it open (a change fell on some " +
			"day of a month, or two sources disagree), not that it is unlikely.",
		"A side is not an alliance: parties on one side need never have worked " +
			"together. The split is the one that puts the fewest friends apart and " +
			"enemies together, and the ties that do not fit are listed.",
		"Parties go by the name of the day: Jabhat al-Nusra is Jabhat Fateh " +
			"al-Sham (JFS) from 28 July 2016. What a source only alleges is left " +
			"out of the answers, and listed apart.",
	} {
		r.wrap("- ", s)
	}
}
