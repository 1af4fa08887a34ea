package main

import (
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

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
