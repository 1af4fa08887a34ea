package main

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictgraph/conflict"
)

// width is the widest line the report writes, in characters.
const width = 80

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

// shortNames are what the report calls the parties it names most; the others
// go by their names in the dataset.
var shortNames = map[string]string{
	government:        "government",
	"syrian-rebels":   "rebels",
	"isis":            "ISIS",
	"iraqi-forces":    "Iraqi forces",
	"jabhat-al-nusra": "Nusra",
	"united-states":   "US",
	"sdf":             "SDF",
	"ypg":             "YPG",
	"ndf":             "NDF",
}

// takesThe lists the parties whose names take "the" in a sentence.
var takesThe = map[string]bool{
	government: true, "syrian-rebels": true, "united-states": true,
	"us-led-coalition": true, "sdf": true, "ypg": true, "ndf": true,
	"new-syrian-army": true, "national-ideological-resistance": true,
	"navy-seals-regiment": true,
}

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

// Events the report quotes: the one disagreement that is an opinion rather
// than a date (who deserves credit for Palmyra in March 2016), and Russia's
// announced partial withdrawal, which ends no tie.
const (
	creditEvent     = "government-captures-palmyra-2016-03"
	withdrawalEvent = "russia-partial-withdrawal-2016-03-14"
)

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

// day writes the report for one day.
func (r *report) day(w *bytes.Buffer, d conflict.Date) {
	r.w = w
	m := r.c.At(d.Time())
	r.sections(
		func() {
			r.title(fmt.Sprintf("Syria on %s (%s)", d, d.Time().Format("Monday 2 January 2006")))
			r.wrap("", "What the record says of that day. Short names are "+
				"explained below the first list, sources at the end.")
		},
		func() { r.dayPlaces(m) },
		func() { r.dayBlocs(m) },
		func() { r.daySides(m) },
		func() { r.dayBackers(m) },
		func() { r.dayFights(m) },
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

// Writing helpers.

func (r *report) printf(format string, args ...any) { fmt.Fprintf(r.w, format, args...) }

func (r *report) title(s string) {
	r.printf("%s\n%s\n", s, strings.Repeat("=", min(utf8.RuneCountInString(s), width)))
}

func (r *report) heading(s string) {
	r.printf("%s\n%s\n", s, strings.Repeat("-", utf8.RuneCountInString(s)))
}

// wrap writes text wrapped to the report's width: the first line starts with
// lead, the others are indented to its width.
func (r *report) wrap(lead, text string) {
	indent := strings.Repeat(" ", utf8.RuneCountInString(lead))
	line, n := lead, utf8.RuneCountInString(lead)
	empty := true
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if !empty && n+1+wn > width {
			r.printf("%s\n", strings.TrimRight(line, " "))
			line, n, empty = indent, len(indent), true
		}
		if !empty {
			line += " "
			n++
		}
		line += word
		n += wn
		empty = false
	}
	r.printf("%s\n", strings.TrimRight(line, " "))
}

// table writes rows as aligned columns, two spaces apart.
func (r *report) table(rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2))
			}
		}
		r.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}

// Words.

// name is what tables and lists call a party.
func (r *report) name(id string) string {
	if s, ok := shortNames[id]; ok {
		return s
	}
	if n, ok := r.c.Node(id); ok {
		return n.Name
	}
	return id
}

// the is what a sentence calls a party: "the government", "Iran".
func (r *report) the(id string) string {
	if takesThe[id] {
		return "the " + r.name(id)
	}
	return r.name(id)
}

// names returns the names of ids, sorted as a reader would look for them.
func (r *report) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.name(id)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// thes returns the names of ids as a sentence gives them, sorted.
func (r *report) thes(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.the(id)
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Compare(strings.ToLower(strings.TrimPrefix(a, "the ")), strings.ToLower(strings.TrimPrefix(b, "the ")))
	})
	return out
}

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

// list joins words as a reader would: "a", "a and b", "a, b and c".
func list(words []string) string {
	switch len(words) {
	case 0:
		return "no one"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// count spells out small numbers.
func count(n int) string {
	if n >= 0 && n < 10 {
		return strings.Fields("no one two three four five six seven eight nine")[n]
	}
	return fmt.Sprint(n)
}

// upper capitalizes the first letter of s.
func upper(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}

// supportWords spells out kinds of support: "troops, air power".
func supportWords(s conflict.Support) string {
	return strings.ReplaceAll(strings.ReplaceAll(s.String(), ",", ", "), "-", " ")
}

// span says when a tie held: "from 2015-09-30", "until 2015-05-21",
// "2015-05-21 to 2016-03-27", or "throughout" when both ends are open.
func span(t conflict.Tie) string {
	switch {
	case t.Start.IsOpen() && t.End.IsOpen():
		return "throughout"
	case t.Start.IsOpen():
		return "until " + t.End.String()
	case t.End.IsOpen():
		return "from " + t.Start.String()
	}
	return t.Start.String() + " to " + t.End.String()
}

// onDate says a date with its preposition: "on 2015-05-21", "in 2015-05".
func onDate(d conflict.Date) string {
	if d.Precision() == conflict.PrecisionDay {
		return "on " + d.String()
	}
	return "in " + d.String()
}

// other returns the end of t that is not n.
func other(t conflict.Tie, n string) string {
	if t.From == n {
		return t.To
	}
	return t.From
}

// bound returns the start or the end of t.
func bound(t conflict.Tie, end bool) conflict.Bound {
	if end {
		return t.End
	}
	return t.Start
}

// sorted returns the ties in force at m, sorted.
func sorted(m conflict.Moment) []conflict.Tie {
	var ts []conflict.Tie
	for t := range m.Ties() {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, conflict.Tie.Compare)
	return ts
}

// tieText says what a tie is: "Iran backs Iraqi forces".
func (r *report) tieText(t conflict.Tie) string {
	from, to := r.the(t.From), r.the(t.To)
	switch t.Kind {
	case conflict.RelationSupports:
		return from + " backs " + to
	case conflict.RelationPartOf:
		return from + " is part of " + to
	case conflict.RelationAllied:
		return from + " and " + to + " are allies"
	case conflict.RelationFights:
		return from + " and " + to + " fight"
	case conflict.RelationCeasefire:
		return from + " and " + to + " keep a ceasefire"
	case conflict.RelationControls:
		return from + " holds " + to
	case conflict.RelationBesieges:
		return from + " besieges " + to
	case conflict.RelationContests:
		return from + " fights for " + to
	}
	return from + " " + t.Kind.String() + " " + to
}

// changeText says, in the past tense, what happened at one end of a tie:
// "ISIS took Palmyra", "the siege of Kuweires Airbase by ISIS was broken".
func (r *report) changeText(t conflict.Tie, end bool) string {
	from, to := r.the(t.From), r.the(t.To)
	verb := func(began, ended string) string {
		if end {
			return ended
		}
		return began
	}
	switch t.Kind {
	case conflict.RelationControls:
		return from + verb(" took ", " lost ") + to
	case conflict.RelationBesieges:
		return "the siege of " + to + " by " + from + verb(" was laid", " was broken")
	case conflict.RelationContests:
		return from + verb(" began", " stopped") + " fighting for " + to
	case conflict.RelationSupports:
		return from + verb(" began", " stopped") + " backing " + to
	case conflict.RelationFights:
		return from + " and " + to + verb(" began", " stopped") + " fighting"
	case conflict.RelationCeasefire:
		return "the ceasefire between " + from + " and " + to + verb(" began", " ended")
	case conflict.RelationAllied:
		return from + " and " + to + verb(" became", " ceased to be") + " allies"
	case conflict.RelationPartOf:
		return from + verb(" joined ", " left ") + to
	}
	return r.tieText(t) + verb(" began", " ended")
}

// claims lists the dates claimed for one end of t with who claims each:
// "in 2015-05 (Al-Masdar, ISW) and on 2015-05-21 (public record)"; "or"
// when the claims disagree.
func (r *report) claims(t conflict.Tie, end bool) string {
	type claim struct {
		date    conflict.Date
		sources []string
	}
	var cs []claim
	for _, c := range t.Claims() {
		d := c.Start
		if end {
			d = c.End
		}
		if d.IsZero() {
			continue
		}
		if i := slices.IndexFunc(cs, func(x claim) bool { return x.date == d }); i >= 0 {
			cs[i].sources = append(cs[i].sources, c.Sources...)
			continue
		}
		cs = append(cs, claim{d, slices.Clone(c.Sources)})
	}
	slices.SortFunc(cs, func(a, b claim) int { return a.date.Compare(b.date) })
	var parts []string
	for _, c := range cs {
		parts = append(parts, onDate(c.date)+" ("+r.cite(c.sources)+")")
	}
	if bound(t, end).Disputed() {
		return strings.Join(parts, " or ")
	}
	return strings.Join(parts, " and ")
}

// Sections of the full report.

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

// holdings writes who holds each key place at each turning point.
func (r *report) holdings() {
	r.heading("Who held what")
	rows := [][]string{{""}, {""}}
	for _, tp := range turningPoints {
		rows[0] = append(rows[0], tp.label)
		rows[1] = append(rows[1], tp.day.String())
	}
	definite := true
	var named []string
	for _, id := range keyPlaces {
		holder := []string{r.placeName(id)}
		sieges := []string{"  besieged by"}
		contests := []string{"  contested by"}
		var besieged, contested bool
		for _, tp := range turningPoints {
			ctl := r.c.At(tp.day.Time()).Controller(id)
			holder = append(holder, r.holderText(ctl))
			sieges = append(sieges, r.partiesText(ctl.Besiegers, ctl.Besieged))
			contests = append(contests, r.partiesText(ctl.Contenders, conflict.Definite))
			besieged = besieged || len(ctl.Besiegers) > 0
			contested = contested || len(ctl.Contenders) > 0
			if ctl.Certainty != conflict.Definite || ctl.Besieged == conflict.Possible {
				definite = false
			}
			named = append(named, ctl.Holder)
			named = append(named, ctl.Claimants...)
			named = append(named, ctl.Besiegers...)
			named = append(named, ctl.Contenders...)
		}
		rows = append(rows, holder)
		if besieged {
			rows = append(rows, sieges)
		}
		if contested {
			rows = append(rows, contests)
		}
	}
	r.table(rows)
	r.printf("\n")
	r.legend(named)
	if definite {
		r.wrap("", "Every answer above is definite: on these days no change "+
			"falls inside a month-only date or between two sources' dates.")
	} else {
		r.wrap("", `"possibly" marks an answer that depends on when, inside a `+
			`month-only date or between two sources' dates, a change fell.`)
	}
	// Changes after the last column, so that the table does not stop short.
	last := turningPoints[len(turningPoints)-1]
	for _, id := range keyPlaces {
		for _, t := range r.c.History(id) {
			if earliest, _ := t.Start.Window(); !t.Start.IsOpen() && earliest.After(last.day.Time()) {
				r.wrap("", fmt.Sprintf("After %s, %s %s (%s).", last.label,
					r.changeText(t, false), onDate(t.Start.Date), r.cite(t.Sources())))
			}
		}
	}
}

// legend says what the short names among ids stand for.
func (r *report) legend(ids []string) {
	slices.Sort(ids)
	var parts []string
	for _, id := range slices.Compact(ids) {
		if n, ok := r.c.Node(id); ok && r.name(id) != n.Name {
			parts = append(parts, r.name(id)+" = "+n.Name)
		}
	}
	slices.SortFunc(parts, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	if len(parts) > 0 {
		r.wrap("", "Short names: "+strings.Join(parts, "; ")+".")
	}
}

func (r *report) placeName(id string) string {
	if l, ok := r.c.Location(id); ok {
		return l.Name
	}
	return id
}

// holderText says who holds a place, in at most a few words.
func (r *report) holderText(ctl conflict.Control) string {
	switch {
	case ctl.State == conflict.ControlContested:
		return "contested"
	case ctl.Holder != "" && ctl.Certainty != conflict.Definite:
		return "possibly " + r.name(ctl.Holder)
	case ctl.Holder != "":
		return r.name(ctl.Holder)
	case len(ctl.Claimants) > 0:
		return strings.Join(r.names(ctl.Claimants), " or ")
	}
	return "unknown"
}

// partiesText names the parties of a siege or contest, or "-".
func (r *report) partiesText(ids []string, c conflict.Certainty) string {
	if len(ids) == 0 {
		return "-"
	}
	s := strings.Join(r.names(ids), ", ")
	if c == conflict.Possible {
		s = "possibly " + s
	}
	return s
}

// largestFirst sorts blocs by size, largest first, keeping the library's
// order among blocs of one size.
func largestFirst(blocs [][]string) [][]string {
	slices.SortStableFunc(blocs, func(a, b []string) int { return cmp.Compare(len(b), len(a)) })
	return blocs
}

// blocs writes the alliance blocs at each turning point.
func (r *report) blocs() {
	r.heading("Blocs")
	r.wrap("", "Parties joined by ties of support, alliance or membership, "+
		"the friend of a friend counted as a friend (Moment.Alliances):")
	var prev []string
	var rows [][]string
	for _, tp := range turningPoints {
		blocs := largestFirst(r.c.At(tp.day.Time()).Alliances())
		big := blocs[0]
		desc := fmt.Sprintf("%d-party bloc", len(big))
		if prev != nil {
			var delta []string
			for _, id := range big {
				if !slices.Contains(prev, id) {
					delta = append(delta, "+"+r.name(id))
				}
			}
			for _, id := range prev {
				if !slices.Contains(big, id) {
					delta = append(delta, "-"+r.name(id))
				}
			}
			if len(delta) > 0 {
				desc += " (" + strings.Join(delta, " ") + ")"
			}
		}
		var apart []string
		for _, b := range blocs[1:] {
			apart = append(apart, strings.Join(r.names(b), " + "))
		}
		if len(apart) > 0 {
			desc += "; alone: " + strings.Join(apart, ", ")
		}
		rows = append(rows, []string{"  " + tp.label, desc})
		prev = big
	}
	r.table(rows)

	last := turningPoints[len(turningPoints)-1]
	m := r.c.At(last.day.Time())
	big := largestFirst(m.Alliances())[0]
	r.wrap("", fmt.Sprintf("The %d-party bloc on %s: %s.", len(big), last.day, list(r.names(big))))
	if path := positivePath(m, "iran", "united-states"); path != nil {
		var steps []string
		for _, t := range path {
			steps = append(steps, r.tieText(t))
		}
		r.wrap("", fmt.Sprintf("Why Iran and the US are in it together: %s.", list(steps)))
	}
	var hostile []string
	for _, t := range sorted(m) {
		if t.Kind == conflict.RelationFights && slices.Contains(big, t.From) && slices.Contains(big, t.To) {
			hostile = append(hostile, r.the(t.From)+" and "+r.the(t.To))
		}
	}
	if len(hostile) > 0 {
		r.wrap("", fmt.Sprintf("Yet on that day these pairs inside it fight: %s. "+
			"Blocs leave hostile ties out; weighing them takes a signed, "+
			"structural-balance view.", strings.Join(hostile, "; ")))
	}
}

// positivePath returns a shortest chain of positive ties in force at m from
// a to b, or nil.
func positivePath(m conflict.Moment, a, b string) []conflict.Tie {
	adj := map[string][]conflict.Tie{}
	for _, t := range sorted(m) {
		if t.Kind.Positive() {
			adj[t.From] = append(adj[t.From], t)
			adj[t.To] = append(adj[t.To], t)
		}
	}
	via := map[string]conflict.Tie{a: {}} // the tie each party was reached by
	for queue := []string{a}; len(queue) > 0; queue = queue[1:] {
		n := queue[0]
		if n == b {
			var path []conflict.Tie
			for n != a {
				t := via[n]
				path = append(path, t)
				n = other(t, n)
			}
			slices.Reverse(path)
			return path
		}
		for _, t := range adj[n] {
			if o := other(t, n); o != a {
				if _, seen := via[o]; !seen {
					via[o] = t
					queue = append(queue, o)
				}
			}
		}
	}
	return nil
}

// backers writes who backs the government, and how.
func (r *report) backers() {
	r.heading("Who backs the government, and how")
	// Every supports tie to the government in force at a turning point.
	var ties []conflict.Tie
	for _, tp := range turningPoints {
		for _, t := range sorted(r.c.At(tp.day.Time())) {
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
	for t := range r.c.Ties() {
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
	if ev, ok := r.c.Event(withdrawalEvent); ok {
		r.wrap("", fmt.Sprintf("Russia announced a partial withdrawal %s (%s), "+
			"but no source says its support ended: the tie stays in force.",
			onDate(ev.Date), r.cite(ev.Sources)))
	}
	r.printf("\n")
	tp := turningPoints[2]
	r.fightsOf(r.c.At(tp.day.Time()), government, tp.day.String()+" ("+tp.label+")")
}

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

// timeline writes the changes touching one party, in order.
func (r *report) timeline(id string) {
	r.heading(r.name(id) + ", change by change")
	var rows [][]string
	for _, ch := range r.c.Timeline(id) {
		rows = append(rows, []string{"  " + ch.When().String(), r.partyChange(ch, id)})
	}
	r.table(rows)
	r.wrap("", "(Conflict.Timeline. A month alone, as 2016-07, means some day in "+
		"that month; the ceasefire's end is a judgement call, see README.md.)")
}

// partyChange says what a change means for party id, in the present tense.
func (r *report) partyChange(ch conflict.Change, id string) string {
	t := ch.Tie
	o := r.the(other(t, id))
	start := !ch.Closed
	switch {
	case t.Kind == conflict.RelationSupports && t.From == id && start:
		return "starts backing " + o + " (" + supportWords(t.Support) + ")"
	case t.Kind == conflict.RelationSupports && t.From == id:
		return "stops backing " + o
	case t.Kind == conflict.RelationFights && start:
		return "starts fighting " + o
	case t.Kind == conflict.RelationFights:
		return "stops fighting " + o
	case t.Kind == conflict.RelationCeasefire && start:
		return "ceasefire with " + o + " begins"
	case t.Kind == conflict.RelationCeasefire:
		return "ceasefire with " + o + " ends"
	}
	return r.changeText(t, ch.Closed)
}

// history writes the successive holders of a place, with the claims behind
// each change.
func (r *report) history(id string) {
	r.heading(r.placeName(id) + ", holder by holder")
	hist := r.c.History(id)
	w := 0
	for _, t := range hist {
		w = max(w, len(span(t)))
	}
	for _, t := range hist {
		r.printf("  %-*s  %s\n", w, span(t), r.name(t.From))
		if t.Start.IsOpen() {
			var src []string
			for _, c := range t.Claims() {
				if c.Start.IsZero() && c.End.IsZero() {
					src = append(src, c.Sources...)
				}
			}
			r.wrap("      ", "held when the record begins ("+r.cite(src)+")")
			continue
		}
		s := "taken " + r.claims(t, false)
		if strings.Contains(s, " and ") {
			s += ": the dates agree"
		}
		r.wrap("      ", s)
	}
	r.wrap("", "(Conflict.History. Each change cites every source that dates "+
		"it; a month and a day inside it refine each other.)")
}

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

// Sections of the one-day report.

// dayPlaces writes who holds every place that is not a country or region.
func (r *report) dayPlaces(m conflict.Moment) {
	r.heading("Who holds what")
	places := slices.Clone(keyPlaces)
	for _, l := range r.c.Dataset().Locations {
		if l.Kind != conflict.LocationCountry && l.Kind != conflict.LocationRegion && !slices.Contains(places, l.ID) {
			places = append(places, l.ID)
		}
	}
	w := 0
	for _, id := range places {
		w = max(w, len(r.placeName(id)))
	}
	var named []string
	for _, id := range places {
		ctl := m.Controller(id)
		named = append(named, ctl.Holder)
		named = append(named, ctl.Claimants...)
		named = append(named, ctl.Besiegers...)
		named = append(named, ctl.Contenders...)
		r.wrap(fmt.Sprintf("  %-*s  ", w, r.placeName(id)), r.controlText(m, ctl))
	}
	r.printf("\n")
	r.legend(named)
}

// controlText says who holds a place, and why where an answer is uncertain.
func (r *report) controlText(m conflict.Moment, ctl conflict.Control) string {
	var s string
	switch {
	case ctl.State == conflict.ControlContested:
		s = "contested by " + list(r.thes(ctl.Contenders))
	case ctl.Holder != "":
		s = r.name(ctl.Holder)
		if ctl.Certainty != conflict.Definite {
			s = "possibly " + s
		}
		if !ctl.Since().IsOpen() {
			s += " since " + ctl.Since().String()
		}
	case len(ctl.Claimants) > 0:
		s = "possibly " + strings.Join(r.names(ctl.Claimants), " or ")
	default:
		s = "unknown"
	}
	if len(ctl.Besiegers) > 0 {
		s += ", "
		if ctl.Besieged != conflict.Definite {
			s += "possibly "
		}
		s += "besieged by " + list(r.thes(ctl.Besiegers))
	}
	if why := r.why(m, ctl.Location); len(why) > 0 {
		s += " (" + strings.Join(why, "; ") + ")"
	}
	return s
}

// why explains the uncertain answers about a place at m: the changes whose
// date the record knows only to a window containing the moment.
func (r *report) why(m conflict.Moment, loc string) []string {
	day := conflict.DateOf(m.Time()).Time()
	var out []string
	seen := map[string]bool{}
	for _, t := range sorted(m) {
		if t.To != loc || !t.Kind.Territorial() || t.Certainty != conflict.Possible {
			continue
		}
		for _, end := range []bool{false, true} {
			b := bound(t, end)
			lo, hi := b.Window()
			if b.IsOpen() || day.Before(lo) || !day.Before(hi) {
				continue
			}
			claims := r.claims(t, end)
			if seen[claims] {
				continue
			}
			seen[claims] = true
			if b.Disputed() {
				out = append(out, "the sources disagree on when "+r.changeText(t, end)+": "+claims)
			} else {
				out = append(out, r.changeText(t, end)+" on a day "+claims)
			}
		}
	}
	return out
}

// dayBlocs writes the blocs of one day in full.
func (r *report) dayBlocs(m conflict.Moment) {
	r.heading("Blocs")
	for _, b := range largestFirst(m.Alliances()) {
		r.wrap("  - ", list(r.names(b)))
	}
}

// dayBackers writes who backs the government on one day.
func (r *report) dayBackers(m conflict.Moment) {
	r.heading("Who backs the government")
	var rows [][]string
	for _, b := range m.Supporters(government) {
		s := supportWords(b.Support)
		if b.Certainty != conflict.Definite {
			s = "possibly: " + s
		}
		rows = append(rows, []string{"  " + r.name(b.ID), s})
	}
	r.table(rows)
}

// dayFights writes who fights whom on one day.
func (r *report) dayFights(m conflict.Moment) {
	r.heading("Who fights whom")
	r.fightsOf(m, government, m.Time().Format("2006-01-02"))
	var pairs []string
	for _, t := range sorted(m) {
		if t.Kind != conflict.RelationFights || t.From == government || t.To == government {
			continue
		}
		s := r.the(t.From) + " and " + r.the(t.To)
		i := slices.IndexFunc(m.Enemies(t.From), func(p conflict.Party) bool { return p.ID == t.To })
		switch {
		case i < 0:
			s += " (held off by a ceasefire)"
		case m.Enemies(t.From)[i].Certainty != conflict.Definite:
			s += " (possibly held off by a ceasefire)"
		}
		pairs = append(pairs, s)
	}
	r.wrap("", "Other pairs at war: "+strings.Join(pairs, "; ")+".")
}
