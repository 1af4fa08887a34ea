package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

// articleLabels are the short names the report cites the five articles by;
// the Sources section gives each in full.
var articleLabels = map[string]string{
	"daily-beast-2016-03":      "Daily Beast",
	"isw-2016-12-13":           "ISW",
	"almasdar-2016-09":         "Al-Masdar",
	"tsg-2016-04-06":           "Soufan Group",
	"business-insider-2016-04": "Business Insider",
}

// isArticle reports whether the source is one of the five articles.
func isArticle(id string) bool {
	_, ok := articleLabels[id]
	return ok
}

// shortOutlets shorten the longest outlet names of the reports.
var shortOutlets = map[string]string{
	"Foundation for Defense of Democracies": "FDD",
	"President of Russia":                   "Kremlin",
	"United Nations Security Council":       "UN Security Council",
}

// cite names sources by their short labels: the articles first, then the
// reports by date.
func (r *report) cite(ids []string) string {
	ids = slices.Clone(ids)
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(r.sourceCompare(a, b), cmp.Compare(r.label(a), r.label(b)))
	})
	var labels []string
	for _, id := range ids {
		labels = append(labels, r.label(id))
	}
	return strings.Join(slices.Compact(labels), ", ")
}

// sourceCompare orders sources as the report lists them: the articles by
// label, then the reports by publication date.
func (r *report) sourceCompare(a, b string) int {
	if c := cmp.Compare(rank(a), rank(b)); c != 0 || rank(a) == 0 {
		return c
	}
	sa, _ := r.c.Source(a)
	sb, _ := r.c.Source(b)
	return sa.Published.Compare(sb.Published)
}

// rank puts the articles before the reports.
func rank(id string) int {
	if isArticle(id) {
		return 0
	}
	return 1
}

// label is the short name of a source: an article's label, or a report's
// outlet and publication date, "Reuters 2016-04-29".
func (r *report) label(id string) string {
	if s, ok := articleLabels[id]; ok {
		return s
	}
	s, ok := r.c.Source(id)
	if !ok || s.Outlet == "" {
		return id
	}
	outlet := cmp.Or(shortOutlets[s.Outlet], s.Outlet)
	if s.Published.IsZero() {
		return outlet
	}
	return outlet + " " + s.Published.String()
}

// creditEvent is the one disagreement the report quotes that is an opinion
// rather than a date: who deserves credit for Palmyra in March 2016.
const creditEvent = "government-captures-palmyra-2016-03"

// disputes writes one line per date the sources disagree on.
func (r *report) disputes() {
	r.heading("Where the sources disagree")
	for t := range r.q.Ties() {
		for _, end := range []bool{false, true} {
			if bound(t, end).Disputed() {
				r.wrap("  - ", upper(r.changeText(t, end))+" "+r.claims(t, end)+".")
			}
		}
	}
	// The note quotes all three articles: as known on a day, only once all
	// three are out.
	if ev, ok := r.c.Event(creditEvent); ok && !slices.ContainsFunc(ev.Sources, func(id string) bool { return !r.knows([]string{id}) }) {
		r.wrap("  - ", "Palmyra retaken, "+ev.Date.String()+" (an opinion, not "+
			"a date). "+ev.Note)
	}
	r.wrap("", "Between two claimed dates the answer is only possible: "+
		"run with -at 2015-10-15 to see Kuweires Airbase possibly still besieged.")
}

// sources lists the sources in full: the five articles, then the reports of
// the day in order of publication; as known on a day, only those published
// by then.
func (r *report) sources() { r.sourcesOf(nil) }

// sourcesOf lists the sources among only in full, as sources does; all of
// them if only is nil.
func (r *report) sourcesOf(only []string) {
	r.heading("Sources")
	var articles, reports []conflict.Source
	for _, s := range r.c.Dataset().Sources {
		switch {
		case !r.knows([]string{s.ID}), only != nil && !slices.Contains(only, s.ID):
		case isArticle(s.ID):
			articles = append(articles, s)
		default:
			reports = append(reports, s)
		}
	}
	slices.SortStableFunc(reports, func(a, b conflict.Source) int { return a.Published.Compare(b.Published) })
	r.wrap("", "The articles:")
	for _, s := range articles {
		r.wrap(fmt.Sprintf("  %-18s", r.label(s.ID)), sourceText(s, true)+".")
	}
	if len(reports) == 0 {
		return
	}
	r.printf("\n")
	r.wrap("", "Reports of the day, by outlet and publication date (syria.json "+
		"gives each one's address and what it says):")
	for _, s := range reports {
		r.wrap("  - ", r.label(s.ID)+": "+sourceText(s, false)+".")
	}
}

// sourceText describes a source: its author and title, and, when long, its
// outlet and publication date. A source whose copy shows no headline says so.
func sourceText(s conflict.Source, long bool) string {
	var parts []string
	if long {
		parts = append(parts, s.Outlet)
	}
	if s.Author != "" {
		parts = append(parts, s.Author)
	}
	if s.Title != "" {
		parts = append(parts, "“"+s.Title+"”")
	} else {
		parts = append(parts, "no headline in the stored copy")
	}
	if long && !s.Published.IsZero() {
		parts = append(parts, s.Published.String())
	}
	return strings.Join(parts, ", ")
}
