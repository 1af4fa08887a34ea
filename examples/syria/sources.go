package main

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
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
	"Institute for the Study of War":        "ISW",
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
const creditEvent = retakeEvent

// claimTags matches the numbers of the articles' claims that begin a note,
// "DB1, AM11: ", which are for the tests, not the reader.
var claimTags = regexp.MustCompile(`^(?:(?:DB|ISW|AM|TSG|BI)\d+(?:, )?)+: `)

// plain returns a note without its claim numbers.
func plain(note string) string { return claimTags.ReplaceAllString(note, "") }

// firstSentence returns the first sentence of a note, without its claim
// numbers or its full stop.
func firstSentence(note string) string {
	s, _, _ := strings.Cut(plain(note), ". ")
	return strings.TrimSuffix(s, ".")
}

// disputes writes one line per date the sources disagree on, and what they
// only allege.
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
			"a date). "+plain(ev.Note))
	}
	r.wrap("", "Between two claimed dates the answer is only possible: "+
		"run with -at 2015-10-15 to see Kuweires Airbase possibly still besieged.")
	r.allegations()
}

// allegations lists what the sources only allege, with how far they are
// trusted.
func (r *report) allegations() {
	var lines []string
	for t := range r.alleged.Ties() {
		if t.Alleged {
			c := t.Claims()[0]
			lines = append(lines, fmt.Sprintf("%s; %s confidence", upper(firstSentence(c.Note)), c.Confidence))
		}
	}
	for _, h := range r.alleged.Events(conflict.EventQuery{}) {
		if e := h.Event; e.Alleged {
			lines = append(lines, fmt.Sprintf("%s: %s; %s confidence", e.Date, upper(firstSentence(e.Note)), e.Confidence))
		}
	}
	if len(lines) == 0 {
		return
	}
	r.wrap("", "What the sources only allege, left out of the answers above:")
	for _, l := range lines {
		r.wrap("  - ", l+".")
	}
}

// sources lists the sources: the five articles in full, then the reports by
// outlet; as known on a day, only those published by then.
func (r *report) sources() { r.sourcesOf(nil) }

// sourcesOf lists the sources among only, as sources does; all of them if
// only is nil.
func (r *report) sourcesOf(only []string) {
	r.heading("Sources")
	var articles []conflict.Source
	outlets := map[string][]conflict.Source{}
	for _, s := range r.c.Dataset().Sources {
		switch {
		case !r.knows([]string{s.ID}), only != nil && !slices.Contains(only, s.ID):
		case isArticle(s.ID):
			articles = append(articles, s)
		default:
			o := cmp.Or(shortOutlets[s.Outlet], s.Outlet)
			outlets[o] = append(outlets[o], s)
		}
	}
	for _, s := range articles {
		if strings.Contains(s.Outlet, r.label(s.ID)) {
			s.Outlet = "" // the label names it
		}
		r.wrap("  - ", r.label(s.ID)+": "+sourceText(s)+".")
	}
	if len(outlets) == 0 {
		return
	}
	var parts []string
	for _, o := range slices.SortedFunc(maps.Keys(outlets), func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		ss := outlets[o]
		slices.SortFunc(ss, func(a, b conflict.Source) int { return a.Published.Compare(b.Published) })
		var dates []string
		for _, s := range ss {
			dates = append(dates, s.Published.String())
		}
		parts = append(parts, o+" "+strings.Join(slices.Compact(dates), ", "))
	}
	r.wrap("", "Reports, by outlet and date of publication (syria.json gives each "+
		"one's title, address and what it reports): "+strings.Join(parts, "; ")+".")
}

// sourceText describes an article: its outlet (if given), author, title and
// publication date. A source whose copy shows no headline says so.
func sourceText(s conflict.Source) string {
	var parts []string
	if s.Outlet != "" {
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
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.String())
	}
	return strings.Join(parts, ", ")
}
