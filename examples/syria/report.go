package main

import (
	"bytes"
	"fmt"

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

// A report writes what the record says, in words, for a terminal.
type report struct {
	c *conflict.Conflict
	w *bytes.Buffer
}

func newReport(c *conflict.Conflict) *report { return &report{c: c} }

// full writes the report at the turning points.
func (r *report) full(w *bytes.Buffer) {
	r.w = w
	r.sections(
		r.header,
		r.holdings,
		r.blocs,
		r.sides,
		r.backers,
		func() { r.timeline("russia") },
		func() { r.history("palmyra") },
		r.disputes,
		r.sources,
	)
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
		if s.ID != publicRecord {
			articles++
		}
	}
	r.wrap("", fmt.Sprintf("A dated, sourced record of who held what and who "+
		"backed whom, built from %s articles and the public record: %d actors, "+
		"%d backers, %d places, %d relations and %d events. Every answer below "+
		"is a query of package conflict; the sources are listed at the end. "+
		"Run with -at YYYY-MM-DD for one day, add -json for its summary as JSON.",
		count(articles), len(ds.Actors), len(ds.Backers), len(ds.Locations),
		len(ds.Relations), len(ds.Events)))
}
