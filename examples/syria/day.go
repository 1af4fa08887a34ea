package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

// day writes the report for one day.
func (r *report) day(w *bytes.Buffer, d conflict.Date) {
	r.w = w
	r.on = d.Time()
	m := r.q.At(r.on)
	r.sections(
		func() {
			r.title(fmt.Sprintf("Syria on %s (%s)", d, d.Time().Format("Monday 2 January 2006")))
			r.wrap("", "What the record says of that day, the parties by the names "+
				"they had then. \"Possibly\" means the sources leave it open; the "+
				"sides are not alliances. The sources of what is in force that day "+
				"are at the end.")
			if !r.asOf.IsZero() {
				r.wrap("", fmt.Sprintf("As known on %s: only what the sources "+
					"published by then say.", r.asOf))
			}
		},
		func() { r.dayPlaces(m) },
		func() { r.daySides(m) },
		func() { r.dayBackers(m) },
		func() { r.dayFights(m) },
		func() { r.dayHappened(d) },
		func() { r.sourcesOf(inForce(m)) },
	)
}

// inForce returns the sources of every tie in force at m, sorted.
func inForce(m conflict.Moment) []string {
	ids := []string{}
	for t := range m.Ties() {
		ids = append(ids, t.Sources()...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// dayPlaces writes who holds every place that is not a country or region,
// and names the places no claim covers that day.
func (r *report) dayPlaces(m conflict.Moment) {
	r.heading("Who holds what")
	places := slices.Clone(keyPlaces)
	for _, l := range r.c.Dataset().Locations {
		if l.Kind != conflict.LocationCountry && l.Kind != conflict.LocationRegion && !slices.Contains(places, l.ID) {
			places = append(places, l.ID)
		}
	}
	var known, unknown []string
	for _, id := range places {
		if m.Controller(id).State == conflict.ControlUnknown {
			unknown = append(unknown, r.thePlace(id))
		} else {
			known = append(known, id)
		}
	}
	w := 0
	for _, id := range known {
		w = max(w, len(r.placeName(id)))
	}
	var named []string
	for _, id := range known {
		ctl := m.Controller(id)
		named = append(named, ctl.Holder)
		named = append(named, ctl.Claimants...)
		named = append(named, ctl.Besiegers...)
		named = append(named, ctl.Contenders...)
		r.wrap(fmt.Sprintf("  %-*s  ", w, r.placeName(id)), r.controlText(m, ctl))
	}
	if len(unknown) > 0 {
		r.wrap("", "No claim says who held "+list(unknown)+" that day.")
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
		} else if !ctl.Since().IsOpen() {
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
			switch {
			case b.Disputed():
				out = append(out, "the sources disagree on when "+r.changeText(t, end)+": "+claims)
			case len(citations(t, end)) == 1:
				out = append(out, r.changeText(t, end)+" some day "+claims)
			default:
				out = append(out, r.changeText(t, end)+" some day "+onDate(b.Date)+": "+claims)
			}
		}
	}
	return out
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

// dayFights writes who fights whom on one day, who only opposes whom, and
// the truces in force.
func (r *report) dayFights(m conflict.Moment) {
	r.heading("Who fights whom")
	r.fightsOf(m, government, m.Time().Format("2006-01-02"))
	var pairs, opposed []string
	for _, t := range sorted(m) {
		if t.Kind == conflict.RelationOpposes {
			opposed = append(opposed, r.the(t.From)+" and "+r.the(t.To))
		}
		if t.Kind != conflict.RelationFights || t.From == government || t.To == government {
			continue
		}
		s := r.the(t.From) + " and " + r.the(t.To)
		i := slices.IndexFunc(m.Enemies(t.From), func(p conflict.Party) bool { return p.ID == t.To })
		switch {
		case i < 0:
			s += " (held off by a truce)"
		case m.Enemies(t.From)[i].Certainty != conflict.Definite:
			s += " (possibly held off by a truce)"
		}
		pairs = append(pairs, s)
	}
	r.wrap("", "Other pairs at war: "+strings.Join(pairs, "; ")+".")
	if len(opposed) > 0 {
		r.wrap("", "Opposed without fighting: "+strings.Join(opposed, "; ")+".")
	}
	r.agreementsOn(m)
}

// dayHappened writes the events dated to the day, and the latest territory
// reported by then.
func (r *report) dayHappened(d conflict.Date) {
	r.heading("That day")
	evs := r.dayEvents(d)
	if len(evs) == 0 {
		r.wrap("", "No event in the record is dated to that day.")
	}
	for _, h := range evs {
		r.wrap("  - ", upper(r.eventTitle(h.Event))+": "+strings.TrimSuffix(plain(h.Event.Note), ".")+".")
	}
	for _, id := range r.partyIDs() {
		if ms := r.q.Latest(id, conflict.QuantityAreaKm2, d.Time()); len(ms) > 0 {
			r.wrap("", fmt.Sprintf("The latest area reported of %s by then: %s km² %s (%s).",
				r.the(id), thousands(ms[0].Value), onDate(ms[0].Date), r.cite(ms[0].Sources)))
		}
	}
}
