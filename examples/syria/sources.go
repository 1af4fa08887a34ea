package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// sourceLabels are the short names the report cites sources by; the Sources
// section gives each in full.
var sourceLabels = map[string]string{
	"daily-beast-2016-03":      "Daily Beast",
	"isw-2016-12-13":           "ISW",
	"almasdar-2016-09":         "Al-Masdar",
	"tsg-2016-04-06":           "Soufan Group",
	"business-insider-2016-04": "Business Insider",
	"public-record":            "public record",
}

const publicRecord = "public-record"

// cite names sources by their short labels, sorted, public record last.
func (r *report) cite(ids []string) string {
	ids = slices.Clone(ids)
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(r.label(a), r.label(b)))
	})
	var labels []string
	for _, id := range slices.Compact(ids) {
		labels = append(labels, r.label(id))
	}
	return strings.Join(labels, ", ")
}

// rank puts the public record after the articles.
func rank(id string) int {
	if id == publicRecord {
		return 1
	}
	return 0
}

// label is the short name of a source.
func (r *report) label(id string) string {
	if s, ok := sourceLabels[id]; ok {
		return s
	}
	if s, ok := r.c.Source(id); ok && s.Outlet != "" {
		return s.Outlet
	}
	return id
}

// creditEvent is the one disagreement the report quotes that is an opinion
// rather than a date: who deserves credit for Palmyra in March 2016.
const creditEvent = "government-captures-palmyra-2016-03"

// disputes writes one line per date the sources disagree on.
func (r *report) disputes() {
	r.heading("Where the sources disagree")
	for t := range r.c.Ties() {
		for _, end := range []bool{false, true} {
			if bound(t, end).Disputed() {
				r.wrap("  - ", upper(r.changeText(t, end))+" "+r.claims(t, end)+".")
			}
		}
	}
	if ev, ok := r.c.Event(creditEvent); ok {
		r.wrap("  - ", "Palmyra retaken, "+ev.Date.String()+" (an opinion, not "+
			"a date). "+ev.Note)
	}
	r.wrap("", "Between two claimed dates the answer is only possible: "+
		"run with -at 2015-10-15 to see Kuweires Airbase possibly still besieged.")
}

// sources lists the sources in full.
func (r *report) sources() {
	r.heading("Sources")
	for _, s := range r.c.Dataset().Sources {
		lead := fmt.Sprintf("  %-18s", r.label(s.ID))
		if s.ID == publicRecord {
			r.wrap(lead, "Exact days the articles leave vague, and facts "+
				"they assume, from wire reports and reference works; each "+
				"use is explained in the dataset's notes.")
			continue
		}
		text := s.Outlet
		if s.Author != "" {
			text += ", " + s.Author
		}
		if s.Title != "" {
			text += ", “" + s.Title + "”"
		}
		if !s.Published.IsZero() {
			text += ", " + s.Published.String()
		}
		r.wrap(lead, text+".")
	}
}
