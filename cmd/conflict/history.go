package main

import (
	"fmt"
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
disagree on is shown as "2015-10 or 2015-11-10".`,
	example: "conflict history palmyra examples/syria/syria.json",
	flags:   asOfFlag | jsonFlag | idsFlag,
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
runs to its end.`,
	example: "conflict changes examples/syria/syria.json --from 2016-03 --to 2016-04",
	flags:   rangeFlags | asOfFlag | jsonFlag | idsFlag,
	run:     runChanges,
}

// holdJSON is one holder of a place in history -json.
type holdJSON struct {
	Holder  string   `json:"holder"`
	Start   *string  `json:"start"` // null: since before the record begins
	End     *string  `json:"end"`   // null: no end claimed
	Sources []string `json:"sources"`
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
	if inv.json {
		out := struct {
			Location string     `json:"location"`
			Name     string     `json:"name"`
			AsOf     *string    `json:"as_of,omitempty"`
			History  []holdJSON `json:"history"`
		}{loc.ID, loc.Name, inv.asOfJSON(), []holdJSON{}}
		for _, t := range hist {
			out.History = append(out.History, holdJSON{t.From, boundJSON(t.Start), boundJSON(t.End), nonNil(t.Sources())})
		}
		return inv.printJSON(out)
	}
	if inv.ids {
		inv.printf("%s (%s): %d holds%s\n\n", loc.ID, loc.Name, len(hist), inv.knownText())
	} else {
		inv.printf("%s (%s): %d holds%s\n\n", inv.name(loc.ID), loc.ID, len(hist), inv.knownText())
	}
	tw := inv.table()
	fmt.Fprintf(tw, "FROM\tUNTIL\tHOLDER\tSOURCES\n")
	for _, t := range hist {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", dash(t.Start.String()), dash(t.End.String()), inv.name(t.From), strings.Join(t.Sources(), ", "))
	}
	return tw.Flush()
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
			out.Changes = append(out.Changes, changeJSON{
				Date: ch.When().String(), Change: openedClosed(ch), Kind: ch.Tie.Kind.String(),
				From: ch.Tie.From, To: ch.Tie.To, Certainty: ch.Certainty.String(),
				Sources: nonNil(ch.Tie.Sources()),
			})
		}
		return inv.printJSON(out)
	}
	inv.printf("Changes %s%s: %d\n\n", rangeText(inv.from, inv.to), inv.knownText(), len(changes))
	for _, ch := range changes {
		inv.printf("%s  [%s]\n", inv.changeText(ch), strings.Join(ch.Tie.Sources(), ", "))
	}
	return nil
}

// changeText returns ch as Change.String does, with the names of its tie's
// ends: "2016-03-27 opened Syrian government controls Palmyra".
func (inv *invocation) changeText(ch conflict.Change) string {
	s := ch.When().String() + " " + openedClosed(ch) + " " + inv.name(ch.Tie.From) + " " + ch.Tie.Kind.String() + " " + inv.name(ch.Tie.To)
	if ch.Certainty == conflict.Possible {
		s += " (possibly)"
	}
	return s
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
