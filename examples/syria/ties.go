package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

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

// onDate says a date with its preposition: "on 2015-05-21", "in 2015-05",
// "in autumn 2015", "between 2016-12-08 and 2016-12-11".
func onDate(d conflict.Date) string {
	switch d.Precision() {
	case conflict.PrecisionDay:
		return "on " + d.String()
	case conflict.PrecisionSeason:
		return "in " + season(d)
	case conflict.PrecisionInterval:
		first, last, _ := strings.Cut(d.String(), "/")
		return "between " + first + " and " + last
	}
	return "in " + d.String()
}

// season names a season-precise date: "autumn 2015"; a winter runs into the
// next year, "winter 2014-15".
func season(d conflict.Date) string {
	switch d.Month() {
	case time.March:
		return fmt.Sprintf("spring %d", d.Year())
	case time.June:
		return fmt.Sprintf("summer %d", d.Year())
	case time.September:
		return fmt.Sprintf("autumn %d", d.Year())
	}
	return fmt.Sprintf("winter %d-%02d", d.Year(), (d.Year()+1)%100)
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
	case conflict.RelationOpposes:
		return from + " opposes " + to
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
	case conflict.RelationOpposes:
		return from + verb(" began", " stopped") + " opposing " + to
	}
	return r.tieText(t) + verb(" began", " ended")
}

// citations returns the dates the claims give for one end of t, each with
// the sources that give it (Tie.StartCitations, Tie.EndCitations).
func citations(t conflict.Tie, end bool) []conflict.Citation {
	if end {
		return t.EndCitations()
	}
	return t.StartCitations()
}

// claims lists the dates claimed for one end of t with who gives each:
// "in 2015-05 (Al-Masdar, ISW) and on 2015-05-21 (China Daily 2015-05-22)";
// "or" when the claims disagree.
func (r *report) claims(t conflict.Tie, end bool) string {
	var parts []string
	for _, c := range citations(t, end) {
		parts = append(parts, onDate(c.Date)+" ("+r.cite(c.Sources)+")")
	}
	sep := ", "
	if bound(t, end).Disputed() {
		sep = " or "
	}
	switch n := len(parts); n {
	case 0:
		return ""
	case 1:
		return parts[0]
	default:
		last := " and "
		if sep == " or " {
			last = " or "
		}
		return strings.Join(parts[:n-1], sep) + last + parts[n-1]
	}
}
