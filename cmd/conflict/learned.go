package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

var learnedCommand = &command{
	name:    "learned",
	summary: "the claims the record learned between two dates",
	about: `Learned prints the claims that became known after the first day of -from and
by the first day of -to, that day included (conflict.Conflict.Learned): each
with the day it became known — the publication of its first source; a
source dated only to a month or a year is known once that window is over —
the claim, and the tie it bears on as the record knew it before and after.
-from 2016-04 -to 2016-05 lists what became known from 2 April to 1 May
2016, so that it is what -as-of 2016-05 knows and -as-of 2016-04 did not.
Without -from the list starts before the first source, without -to it runs
to all the record knows.

A claim is a stated relation (with the bounds that became known: a claim
learnt only for its end shows no start) or a relation an event opens or
closes, shown with the event's ID. With -json it prints
  {"from": DATE or null, "to": DATE or null, "learned": [{"known", "kind",
   "from", "to", "start", "end", "sources", "event", "before", "after"}]}
with IDs, start, end and event null when the claim has none, and before and
after the tie as {"start", "end", "sources"}, before null when the record
knew no tie of the relation.`,
	example: "conflict learned examples/syria/syria.json --from 2016-04 --to 2016-10",
	flags:   knownFlags | jsonFlag | idsFlag,
	run:     runLearned,
}

// learningJSON is one claim in learned -json.
type learningJSON struct {
	Known   string   `json:"known"`
	Kind    string   `json:"kind"`
	From    string   `json:"from"`
	To      string   `json:"to"`
	Start   *string  `json:"start"` // null: not given
	End     *string  `json:"end"`   // null: not given
	Sources []string `json:"sources"`
	Event   *string  `json:"event"` // the event the claim comes from, or null
	Before  *tieJSON `json:"before"`
	After   *tieJSON `json:"after"`
}

// tieJSON is a tie in learned -json: its span and sources. Its kind and
// ends are those of the claim it goes with.
type tieJSON struct {
	Start   *string  `json:"start"` // null: since before the record begins
	End     *string  `json:"end"`   // null: no end claimed
	Sources []string `json:"sources"`
}

func runLearned(inv *invocation) error {
	c, _, err := inv.read()
	if err != nil {
		return err
	}
	// Before the first day of year 1 and after the last of year 9999,
	// every day a source may become known on.
	from, to := time.Date(0, time.December, 31, 0, 0, 0, 0, inv.zone), time.Date(10001, time.January, 1, 0, 0, 0, 0, inv.zone)
	if inv.from.set {
		from = inv.from.in(inv.zone)
	}
	if inv.to.set {
		to = inv.to.in(inv.zone)
	}
	learned := c.Learned(from, to)
	if inv.json {
		out := struct {
			From    *string        `json:"from"` // null: from before the first source
			To      *string        `json:"to"`   // null: to all the record knows
			Learned []learningJSON `json:"learned"`
		}{dateJSON(inv.from.d), dateJSON(inv.to.d), []learningJSON{}}
		for _, l := range learned {
			out.Learned = append(out.Learned, learningOf(l))
		}
		return inv.printJSON(out)
	}
	inv.printf("Learned %s: %d\n", inv.knownRangeText(), len(learned))
	for _, l := range learned {
		inv.printf("\n%s  %s\n", l.Known, inv.claimText(l.Claim))
		inv.printf("    before: %s\n", inv.tieOrNothing(l.Before))
		inv.printf("    after:  %s\n", inv.tieOrNothing(l.After))
	}
	return nil
}

// learningOf converts an answer of Conflict.Learned for JSON.
func learningOf(l conflict.Learning) learningJSON {
	r := l.Claim
	j := learningJSON{
		Known: l.Known.String(), Kind: r.Kind.String(), From: r.From, To: r.To,
		Start: dateJSON(r.Start), End: dateJSON(r.End), Sources: nonNil(r.Sources),
		Before: tieOf(l.Before), After: tieOf(l.After),
	}
	if r.Event != "" {
		ev := r.Event
		j.Event = &ev
	}
	return j
}

// tieOf converts a tie for learned -json: nil for the zero Tie.
func tieOf(t conflict.Tie) *tieJSON {
	if t.Kind == 0 {
		return nil
	}
	return &tieJSON{boundJSON(t.Start), boundJSON(t.End), nonNil(t.Sources())}
}

// claimText describes a claim in text output: "Syrian government controls
// Palmyra until 2016-12-11 [isw-2016-12-13]", with "(event ID)" after the
// relation when an event makes the claim.
func (inv *invocation) claimText(r conflict.Relation) string {
	s := inv.name(r.From) + " " + r.Kind.String() + " " + inv.name(r.To)
	if !r.Start.IsZero() {
		s += " from " + r.Start.String()
	}
	if !r.End.IsZero() {
		s += " until " + r.End.String()
	}
	if r.Event != "" {
		s += " (event " + r.Event + ")"
	}
	return s + "  [" + strings.Join(r.Sources, ", ") + "]"
}

// tieOrNothing returns the text of tie t, or "nothing" for the zero Tie.
func (inv *invocation) tieOrNothing(t conflict.Tie) string {
	if t.Kind == 0 {
		return "nothing"
	}
	return inv.tieText(t)
}

// knownRangeText describes the knowledge dates learned asks between.
func (inv *invocation) knownRangeText() string {
	from, to := inv.day(inv.from.in(inv.zone)), inv.day(inv.to.in(inv.zone))
	switch {
	case inv.from.set && inv.to.set:
		return fmt.Sprintf("after %s and by %s", from, to)
	case inv.from.set:
		return fmt.Sprintf("after %s", from)
	case inv.to.set:
		return fmt.Sprintf("by %s", to)
	}
	return "in the whole record"
}
