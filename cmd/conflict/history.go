package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

var historyCommand = &command{
	name:    "history",
	args:    []string{"LOC"},
	summary: "the successive holders of one place",
	about: `History prints the successive holders of the place LOC — an ID, a name or
an alias — with when each hold began and ended and on whose word
(conflict.Conflict.History). Holds that overlap are sources that disagree,
or a place held by several parties while contested. A date the sources
disagree on is shown as "2015-10 or 2015-11-10". Each holder is named by
the name it went by when its hold began; among the holds are the events of
the holders' lineage that fell while they held the place, their ends
included (conflict.Conflict.Lineage): a rename ("Jabhat al-Nusra renamed
Jabhat Fateh al-Sham"), a merger, a split, joining or leaving an umbrella.

With -json it prints {"location", "name", "history": [{"holder", "start",
"end", "sources"}, ...], "lineage": [{"event", "kind", "date", "before",
"after", "name", "sources"}, ...]}, start and end null when open, name
only for a rename; with -as-of, "as_of". With -alleged, a hold or an event
that rests only on allegations is marked "(alleged)", "alleged": true in
-json.`,
	example: "conflict history palmyra examples/syria/syria.json",
	flags:   asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runHistory,
}

var changesCommand = &command{
	name:    "changes",
	summary: "what opened and closed between two dates",
	about: `Changes prints every tie that opened or closed from the first day of -from up
to, not including, the first day of -to (conflict.Conflict.Changes), in
time order, with its sources. A change dated only to a month or a year that
may fall in the range is marked "possibly". -from 2016-03 -to 2016-04 is
March 2016; without -from the list starts with the record, without -to it
runs to its end. Parties are named by the names they went by on the day of
each change. With -alleged, a change of a tie that rests only on
allegations is marked "(alleged)", "alleged": true in -json.`,
	example: "conflict changes examples/syria/syria.json --from 2016-03 --to 2016-04",
	flags:   rangeFlags | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runChanges,
}

// holdJSON is one holder of a place in history -json.
type holdJSON struct {
	Holder  string   `json:"holder"`
	Start   *string  `json:"start"` // null: since before the record begins
	End     *string  `json:"end"`   // null: no end claimed
	Sources []string `json:"sources"`
	Alleged bool     `json:"alleged,omitempty"` // the hold rests only on allegations (with -alleged)
}

// holdOf converts a controls tie for history -json.
func holdOf(t conflict.Tie) holdJSON {
	return holdJSON{Holder: t.From, Start: boundJSON(t.Start), End: boundJSON(t.End), Sources: nonNil(t.Sources()), Alleged: t.Alleged}
}

func runHistory(inv *invocation) error {
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	loc, ok := findLocation(c, inv.args[0])
	if !ok {
		return fmt.Errorf("%s has no location %q", inv.fileName(), inv.args[0])
	}
	hist := rec.History(loc.ID)
	lineage := inv.holdersLineage(c, hist)
	if inv.json {
		out := struct {
			Location string        `json:"location"`
			Name     string        `json:"name"`
			AsOf     *string       `json:"as_of,omitempty"`
			History  []holdJSON    `json:"history"`
			Lineage  []lineageJSON `json:"lineage"`
		}{loc.ID, loc.Name, inv.asOfJSON(), []holdJSON{}, lineageOf(lineage)}
		for _, t := range hist {
			out.History = append(out.History, holdOf(t))
		}
		return inv.printJSON(out)
	}
	count := plural(len(hist), "hold")
	if len(lineage) > 0 {
		count += ", " + plural(len(lineage), "lineage event") + " of the holders"
	}
	if inv.ids {
		inv.printf("%s (%s): %s%s\n\n", loc.ID, loc.Name, count, inv.knownText())
	} else {
		inv.printf("%s (%s): %s%s\n\n", inv.name(loc.ID), loc.ID, count, inv.knownText())
	}
	var g grid
	g.add("FROM", "UNTIL", "HOLDER", "SOURCES")
	addLineage := func(l lineageEvent) {
		g.add(l.Date.String(), "", inv.lineageText(l)+"  ["+strings.Join(l.Sources, ", ")+"]")
	}
	for _, t := range hist {
		// An event goes before the holds that begin on its day or later.
		for len(lineage) > 0 && !t.Start.IsOpen() && lineage[0].Date.Compare(t.Start.Date) <= 0 {
			addLineage(lineage[0])
			lineage = lineage[1:]
		}
		g.add(dash(t.Start.String()), dash(t.End.String()), inv.nameOn(t.Start.Date, t.From)+allegedText(t.Alleged),
			strings.Join(t.Sources(), ", "))
	}
	for _, l := range lineage {
		addLineage(l)
	}
	return g.write(&inv.out)
}

// holdersLineage returns the lineage events of the holders of a place, by
// date, that fell while they held it, its end included: each event of a
// holder whose window of days meets one of its holds, from the earliest
// day its start may have taken effect to the latest day its end may.
func (inv *invocation) holdersLineage(c *conflict.Conflict, hist []conflict.Tie) []lineageEvent {
	var out []lineageEvent
	seen := map[string]bool{}
	for _, t := range hist {
		if seen[t.From] {
			continue
		}
		seen[t.From] = true
		for _, l := range inv.lineage(c, t.From) {
			if slices.ContainsFunc(out, func(o lineageEvent) bool { return o.Event == l.Event }) {
				continue
			}
			lo, hi := l.Date.Window()
			for _, h := range hist {
				if h.From != t.From {
					continue
				}
				start, _ := h.Start.Window()
				_, end := h.End.Window()
				if (h.Start.IsOpen() || hi.After(start)) && (h.End.IsOpen() || !lo.After(end)) {
					out = append(out, l)
					break
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b lineageEvent) int { return a.Date.Compare(b.Date) })
	return out
}

// findLocation returns the location whose ID is name, or failing that whose
// name or alias is name (as conflict.Conflict.Lookup compares them).
func findLocation(c *conflict.Conflict, name string) (conflict.Location, bool) {
	if l, ok := c.Location(name); ok {
		return l, true
	}
	if n, ok := c.Lookup(name); ok && n.Type == conflict.NodeLocation {
		return c.Location(n.ID)
	}
	return conflict.Location{}, false
}

// changeJSON is one change in changes -json.
type changeJSON struct {
	Date      string   `json:"date"`   // when: "2016-03-27", or "2015-10 or 2015-11-10" when disputed
	Change    string   `json:"change"` // opened or closed
	Kind      string   `json:"kind"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Certainty string   `json:"certainty"` // definite: surely in the range; possible: maybe
	Sources   []string `json:"sources"`
	Alleged   bool     `json:"alleged,omitempty"` // the tie rests only on allegations (with -alleged)
}

// changeOf converts a change for -json.
func changeOf(ch conflict.Change) changeJSON {
	return changeJSON{
		Date: ch.When().String(), Change: openedClosed(ch), Kind: ch.Tie.Kind.String(),
		From: ch.Tie.From, To: ch.Tie.To, Certainty: ch.Certainty.String(),
		Sources: nonNil(ch.Tie.Sources()), Alleged: ch.Tie.Alleged,
	}
}

func runChanges(inv *invocation) error {
	_, rec, err := inv.read()
	if err != nil {
		return err
	}
	from, to := startOf(conflict.Year(1), inv.zone), startOf(conflict.Day(9999, time.December, 31), inv.zone)
	if inv.from.set {
		from = inv.from.in(inv.zone)
	}
	if inv.to.set {
		to = inv.to.in(inv.zone)
	}
	changes := rec.Changes(from, to)
	if inv.json {
		out := struct {
			From    *string      `json:"from"` // null: from the start of the record
			To      *string      `json:"to"`   // null: to its end
			AsOf    *string      `json:"as_of,omitempty"`
			Changes []changeJSON `json:"changes"`
		}{dateJSON(inv.from.d), dateJSON(inv.to.d), inv.asOfJSON(), []changeJSON{}}
		for _, ch := range changes {
			out.Changes = append(out.Changes, changeOf(ch))
		}
		return inv.printJSON(out)
	}
	inv.printf("Changes %s%s: %d\n\n", rangeText(inv.from, inv.to), inv.knownText(), len(changes))
	for _, ch := range changes {
		inv.printf("%s  [%s]\n", inv.changeText(ch), strings.Join(ch.Tie.Sources(), ", "))
	}
	return nil
}

// changeText returns ch as Change.String does, with the names its tie's
// ends went by on the day of the change: "2016-03-27 opened Syrian
// government controls Palmyra", "(possibly)" after a change that only may
// fall in the range asked, "(alleged)" after one of a tie that rests only
// on allegations.
func (inv *invocation) changeText(ch conflict.Change) string {
	when := ch.When()
	s := when.String() + " " + openedClosed(ch) + " " + inv.nameOn(when.Date, ch.Tie.From) + " " + ch.Tie.Kind.String() + " " + inv.nameOn(when.Date, ch.Tie.To)
	if ch.Certainty == conflict.Possible {
		s += " (possibly)"
	}
	return s + allegedText(ch.Tie.Alleged)
}

func openedClosed(ch conflict.Change) string {
	if ch.Closed {
		return "closed"
	}
	return "opened"
}

// rangeText describes the range of changes asked for.
func rangeText(from, to dateFlag) string {
	switch {
	case from.set && to.set:
		return fmt.Sprintf("from %s to %s", from.d, to.d)
	case from.set:
		return fmt.Sprintf("from %s on", from.d)
	case to.set:
		return fmt.Sprintf("before %s", to.d)
	}
	return "in the whole record"
}
