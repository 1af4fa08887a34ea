package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

var timelineCommand = &command{
	name:    "timeline",
	args:    []string{"ID"},
	summary: "every change of one party or place, with the party's lineage",
	about: `Timeline prints every tie of the node ID — a party or a place: an ID, a name
or an alias — opening or closing, in time order (conflict.Conflict.Timeline),
with its sources; for a party, among them, the events of its lineage:
renames, mergers, splits, joining and leaving an umbrella
(conflict.Conflict.Lineage). Parties are named by the names they went by on
the day of each change, so that a change after a rename shows the new name.

With -json it prints {"node", "name", "changes": [{"date", "change", "kind",
"from", "to", "certainty", "sources"}, ...], "lineage": [{"event", "kind",
"date", "before", "after", "name", "sources"}, ...]}, as changes and
lineage print them; with -as-of, "as_of". With -alleged, what rests only
on allegations is marked "(alleged)", "alleged": true in -json.`,
	example: "conflict timeline palmyra examples/syria/syria.json",
	flags:   asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runTimeline,
}

var lineageCommand = &command{
	name:    "lineage",
	args:    []string{"ID"},
	summary: "a party's predecessors and successors, with dates and sources",
	about: `Lineage prints the events of the lineage of the party ID — an ID, a name it
went by, or an alias — in date order (conflict.Conflict.Lineage): its
renames, the mergers and splits it took part in, the umbrellas it joined
and left; then its predecessors (the parties of an event it came out of:
those that merged into it, the one it split from, the parties that joined
or left it) and its successors (the party it merged into, those that split
from it, the umbrellas it joined or left), each with the event's date,
kind and sources. A rename keeps the party: it is neither.

With -json it prints {"party", "name", "lineage": [{"event", "kind", "date",
"before", "after", "name", "sources"}, ...], "predecessors": [{"party",
"kind", "date", "event", "sources"}, ...], "successors": [...]}, name in
lineage only for a rename; with -as-of, "as_of", and only the events then
known, each with the sources then known. Alleged events count only with
-alleged, marked "(alleged)", "alleged": true in -json.`,
	example: "conflict lineage jabhat-al-nusra examples/syria/syria.json",
	flags:   asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runLineage,
}

// A lineageEvent is an event of a party's lineage as the command answers
// it: with the sources the record asked knows, and whether it rests only
// on allegations.
type lineageEvent struct {
	conflict.LineageEvent
	alleged bool
}

// lineageKinds are the kinds of event that make a party's lineage.
var lineageKinds = []conflict.EventKind{
	conflict.EventRenamed, conflict.EventMerged, conflict.EventSplit, conflict.EventJoined, conflict.EventLeft,
}

// lineage returns the events of the lineage of party id
// (Conflict.Lineage) that the record asked has: with -as-of those known on
// the date, each with the sources then known; alleged ones only with
// -alleged.
func (inv *invocation) lineage(c *conflict.Conflict, id string) []lineageEvent {
	all := c.Lineage(id)
	if len(all) == 0 {
		return nil
	}
	known := map[string]conflict.Event{}
	for _, h := range inv.rec.Events(conflict.EventQuery{Party: id, Kinds: lineageKinds}) {
		known[h.Event.ID] = h.Event
	}
	var out []lineageEvent
	for _, l := range all {
		if e, ok := known[l.Event]; ok {
			l.Sources = e.Sources
			out = append(out, lineageEvent{l, e.Alleged})
		}
	}
	return out
}

// lineageText describes a lineage event in text output, the parties
// before it named as the day before it, those after as on its day:
// "Jabhat al-Nusra renamed Jabhat Fateh al-Sham", "Jabhat Fateh al-Sham
// and Nour al-Din al-Zenki merged into Hay'at Tahrir al-Sham".
func (inv *invocation) lineageText(l lineageEvent) string {
	before := make([]string, len(l.Before))
	for i, id := range l.Before {
		before[i] = inv.nameBefore(l.Date, id)
	}
	was, is := strings.Join(before, " and "), inv.namesOn(l.Date, l.After, " and ")
	var s string
	switch l.Kind {
	case conflict.EventRenamed:
		s = was + " renamed " + l.Name
	case conflict.EventMerged:
		s = was + " merged into " + is
	case conflict.EventSplit:
		s = is + " split from " + was
	case conflict.EventJoined:
		s = was + " joined " + is
	case conflict.EventLeft:
		s = was + " left " + is
	default:
		s = was + " " + l.Kind.String() + " " + is
	}
	return s + allegedText(l.alleged)
}

// nameBefore returns how text output shows the node id on the day before
// the first day of d's window.
func (inv *invocation) nameBefore(d conflict.Date, id string) string {
	if inv.ids || inv.rec == nil || d.IsZero() {
		return inv.nameOn(d, id)
	}
	if s := inv.rec.At(inv.dayStart(d).Add(-time.Nanosecond)).Name(id); s != "" {
		return s
	}
	return id
}

// lineageJSON is a lineage event in -json.
type lineageJSON struct {
	Event   string   `json:"event"`
	Kind    string   `json:"kind"`
	Date    string   `json:"date"`
	Before  []string `json:"before"`
	After   []string `json:"after"`
	Name    string   `json:"name,omitempty"` // a rename's new name
	Sources []string `json:"sources"`
	Alleged bool     `json:"alleged,omitempty"`
}

// lineageOf converts lineage events for -json.
func lineageOf(ls []lineageEvent) []lineageJSON {
	out := []lineageJSON{}
	for _, l := range ls {
		out = append(out, lineageJSON{
			Event: l.Event, Kind: l.Kind.String(), Date: l.Date.String(),
			Before: nonNil(l.Before), After: nonNil(l.After), Name: l.Name,
			Sources: nonNil(l.Sources), Alleged: l.alleged,
		})
	}
	return out
}

func runTimeline(inv *invocation) error {
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	node, ok := findNode(c, inv.args[0])
	if !ok {
		return fmt.Errorf("%s has no party or place %q", inv.fileName(), inv.args[0])
	}
	changes := rec.Timeline(node.ID)
	var lineage []lineageEvent
	if node.Type.IsParty() {
		lineage = inv.lineage(c, node.ID)
	}
	if inv.json {
		out := struct {
			Node    string        `json:"node"`
			Name    string        `json:"name"`
			AsOf    *string       `json:"as_of,omitempty"`
			Changes []changeJSON  `json:"changes"`
			Lineage []lineageJSON `json:"lineage"`
		}{node.ID, node.Name, inv.asOfJSON(), []changeJSON{}, lineageOf(lineage)}
		for _, ch := range changes {
			out.Changes = append(out.Changes, changeOf(ch))
		}
		return inv.printJSON(out)
	}
	count := plural(len(changes), "change")
	if len(lineage) > 0 {
		count += ", " + plural(len(lineage), "lineage event")
	}
	inv.printf("%s: %s%s\n\n", inv.heading(node), count, inv.knownText())
	printLineage := func(l lineageEvent) {
		inv.printf("%s %s  [%s]\n", l.Date, inv.lineageText(l), strings.Join(l.Sources, ", "))
	}
	for _, ch := range changes {
		// An event goes before the changes that may take effect no
		// earlier, as Conflict.Happened orders them.
		for len(lineage) > 0 && !startsAfter(lineage[0].Date, ch.When()) {
			printLineage(lineage[0])
			lineage = lineage[1:]
		}
		inv.printf("%s  [%s]\n", inv.changeText(ch), strings.Join(ch.Tie.Sources(), ", "))
	}
	for _, l := range lineage {
		printLineage(l)
	}
	return nil
}

// startsAfter reports whether an event dated d sorts after a change dated
// b, as Conflict.Timeline sorts changes: by the earliest instant each may
// have taken effect, then the latest.
func startsAfter(d conflict.Date, b conflict.Bound) bool {
	lo, hi := conflict.Bound{Date: d}.Window()
	blo, bhi := b.Window()
	return lo.After(blo) || lo.Equal(blo) && hi.After(bhi)
}

// heading names node n at the head of text output: "Palmyra (palmyra)",
// or with -ids "palmyra (Palmyra)".
func (inv *invocation) heading(n conflict.Node) string {
	if inv.ids || n.Name == "" {
		if n.Name == "" {
			return n.ID
		}
		return n.ID + " (" + n.Name + ")"
	}
	return n.Name + " (" + n.ID + ")"
}

// kinshipJSON is a predecessor or a successor in lineage -json.
type kinshipJSON struct {
	Party   string   `json:"party"`
	Kind    string   `json:"kind"`
	Date    string   `json:"date"`
	Event   string   `json:"event"`
	Sources []string `json:"sources"`
	Alleged bool     `json:"alleged,omitempty"`
}

// A kin is a predecessor or a successor of a party, by the event that
// makes it one.
type kin struct {
	party string
	event lineageEvent
}

func runLineage(inv *invocation) error {
	c, _, err := inv.read()
	if err != nil {
		return err
	}
	party, ok := findParty(c, inv.args[0])
	if !ok {
		return fmt.Errorf("%s has no party %q", inv.fileName(), inv.args[0])
	}
	lineage := inv.lineage(c, party.ID)
	var preds, succs []kin
	for _, l := range lineage {
		if l.Kind == conflict.EventRenamed {
			continue
		}
		if slices.Contains(l.After, party.ID) {
			for _, p := range l.Before {
				if p != party.ID {
					preds = append(preds, kin{p, l})
				}
			}
		}
		if slices.Contains(l.Before, party.ID) {
			for _, p := range l.After {
				if p != party.ID {
					succs = append(succs, kin{p, l})
				}
			}
		}
	}
	if inv.json {
		kinOf := func(ks []kin) []kinshipJSON {
			out := []kinshipJSON{}
			for _, k := range ks {
				out = append(out, kinshipJSON{k.party, k.event.Kind.String(), k.event.Date.String(), k.event.Event, nonNil(k.event.Sources), k.event.alleged})
			}
			return out
		}
		return inv.printJSON(struct {
			Party        string        `json:"party"`
			Name         string        `json:"name"`
			AsOf         *string       `json:"as_of,omitempty"`
			Lineage      []lineageJSON `json:"lineage"`
			Predecessors []kinshipJSON `json:"predecessors"`
			Successors   []kinshipJSON `json:"successors"`
		}{party.ID, party.Name, inv.asOfJSON(), lineageOf(lineage), kinOf(preds), kinOf(succs)})
	}
	inv.printf("%s: %s%s\n", inv.heading(party), plural(len(lineage), "lineage event"), inv.knownText())
	if len(lineage) > 0 {
		inv.printf("\n")
		tw := inv.table()
		for _, l := range lineage {
			fmt.Fprintf(tw, "  %s\t%s  [%s]\n", l.Date, inv.lineageText(l), strings.Join(l.Sources, ", "))
		}
		tw.Flush()
	}
	inv.printKin("Predecessors", preds, inv.nameBefore)
	inv.printKin("Successors", succs, inv.nameOn)
	return nil
}

// printKin writes a party's predecessors or successors under a heading,
// each named as name names it on the date of the event that makes it one.
func (inv *invocation) printKin(heading string, ks []kin, name func(conflict.Date, string) string) {
	if len(ks) == 0 {
		inv.printf("\n%s: none\n", heading)
		return
	}
	inv.printf("\n%s: %d\n", heading, len(ks))
	tw := inv.table()
	for _, k := range ks {
		fmt.Fprintf(tw, "  %s\t%s\t%s%s\t[%s]\n", k.event.Date, k.event.Kind, name(k.event.Date, k.party),
			allegedText(k.event.alleged), strings.Join(k.event.Sources, ", "))
	}
	tw.Flush()
}

// findNode returns the node whose ID is name, or failing that whose name
// or alias is name (as conflict.Conflict.Lookup compares them).
func findNode(c *conflict.Conflict, name string) (conflict.Node, bool) {
	if n, ok := c.Node(name); ok {
		return n, true
	}
	return c.Lookup(name)
}

// findParty returns the party (an actor or a backer) whose ID, name or
// alias is name, as findNode finds it.
func findParty(c *conflict.Conflict, name string) (conflict.Node, bool) {
	n, ok := findNode(c, name)
	if !ok || !n.Type.IsParty() {
		return conflict.Node{}, false
	}
	return n, true
}

// plural counts n things: "1 hold", "4 holds".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
