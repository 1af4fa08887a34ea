package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/conflictgraph/conflict"
)

var atCommand = &command{
	name:    "at",
	summary: "everything in force at a moment",
	about: `At prints everything in force at the moment: each place's definite holder,
the parties that possibly hold the others, the places contested and
besieged (as control says them), the blocs, every party's backers and who
fights whom. With -json it prints conflict.Summary, with the keys at,
control, possible, besieged, alliances, backers and fights, and contested:
every contested place and its contenders; with -as-of DATE, as_of: the day
the record is known as of; with -alleged, alleged_ties: the ties in force
that rest only on allegations, as {"kind", "from", "to"}. Text output also
lists the agreements in force and who opposes whom, and names each party
by the name it went by that day.`,
	example: "conflict at examples/syria/syria.json --at 2016-04-06 --json",
	flags:   atFlag | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runAt,
}

var controlCommand = &command{
	name:    "control",
	summary: "who holds every place at a moment, and how surely",
	about: `Control prints, for every place in the record, who holds it at the moment:
its state (held, besieged, contested or unknown), its holder and how sure
that is, since when and on whose word, or the parties that possibly hold
it, its besiegers and its contenders. A place with no claims of its own is
answered from the places within it ("rolled up"). With -alleged, a
holder whose hold rests only on allegations is marked "(alleged)", and
"alleged": true in -json.`,
	example: "conflict control examples/syria/syria.json --at 2016-12-15",
	flags:   atFlag | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runControl,
}

var alliancesCommand = &command{
	name:    "alliances",
	summary: "the blocs that friendly ties make at a moment",
	about: `Alliances prints the blocs at the moment: the parties joined by friendly ties
(supports, allied, part-of) in force, the ally of an ally counted as an
ally. A party with only hostile ties is a bloc of its own. With -json it
prints {"at": DATE, "alliances": [[ids...], ...]}, and with -as-of "as_of",
the day the record is known as of, after "at"; with -alleged,
"alleged_ties", the ties in force that rest only on allegations.`,
	example: "conflict alliances examples/syria/syria.json --at 2016-04-06",
	flags:   atFlag | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runAlliances,
}

// readMoment reads FILE and returns the record the command asks (see read)
// and the moment it asks about.
func (inv *invocation) readMoment() (conflict.Record, conflict.Moment, error) {
	_, rec, err := inv.read()
	if err != nil {
		return nil, conflict.Moment{}, err
	}
	t, err := inv.moment(rec)
	if err != nil {
		return nil, conflict.Moment{}, err
	}
	m := rec.At(t)
	inv.nodes = m.Node
	inv.dayName = m.Name
	return rec, m, nil
}

// atJSON is the output of at -json: the moment's Summary, the places
// contested, each with its contenders, sorted, and with -as-of the day the
// record is known as of.
type atJSON struct {
	conflict.Summary
	Contested   map[string][]string `json:"contested"`
	AsOf        *string             `json:"as_of,omitempty"`
	AllegedTies *[]tieKeyJSON       `json:"alleged_ties,omitempty"`
}

func runAt(inv *invocation) error {
	rec, m, err := inv.readMoment()
	if err != nil {
		return err
	}
	alleged := inv.allegedTies(m)
	s := atJSON{Summary: m.Summary(), Contested: map[string][]string{}, AsOf: inv.asOfJSON(), AllegedTies: inv.allegedJSON(alleged)}
	states := map[string]conflict.ControlState{}
	for _, loc := range locations(rec) {
		ctl := m.Controller(loc)
		states[loc] = ctl.State
		if ctl.State == conflict.ControlContested {
			s.Contested[loc] = nonNil(ctl.Contenders)
		}
	}
	if inv.json {
		return inv.printJSON(s)
	}
	inv.printf("At %s%s\n", inv.momentText(m), inv.knownText())
	inv.printf("\nControl:\n")
	tw := inv.table()
	for _, loc := range slices.Sorted(maps.Keys(s.Control)) {
		var held string
		switch h := s.Control[loc]; {
		case h != nil:
			held = inv.name(*h) + alleged.mark(conflict.RelationControls, *h, loc)
		case s.Possible[loc] != nil:
			held = "possibly " + inv.namesMarked(s.Possible[loc], " or ", func(p string) string {
				return alleged.mark(conflict.RelationControls, p, loc)
			})
		}
		switch states[loc] {
		case conflict.ControlContested:
			if held != "" {
				held = "; " + held
			}
			held = "contested by " + inv.names(s.Contested[loc], " and ") + held
		case conflict.ControlBesieged:
			held += " (besieged)"
		}
		if held == "" {
			held = "unknown"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", inv.name(loc), held)
	}
	tw.Flush()
	if len(s.Besieged) > 0 {
		inv.printf("\nBesieged:\n")
		tw = inv.table()
		for _, loc := range slices.Sorted(maps.Keys(s.Besieged)) {
			fmt.Fprintf(tw, "  %s\tby %s\n", inv.name(loc), inv.namesMarked(s.Besieged[loc], ", ", func(p string) string {
				return alleged.mark(conflict.RelationBesieges, p, loc)
			}))
		}
		tw.Flush()
	}
	inv.printBlocs("Alliances", s.Alliances)
	if len(s.Backers) > 0 {
		inv.printf("\nBackers:\n")
		tw = inv.table()
		for _, id := range slices.Sorted(maps.Keys(s.Backers)) {
			fmt.Fprintf(tw, "  %s\t%s\n", inv.name(id), inv.namesMarked(s.Backers[id], ", ", func(b string) string {
				return alleged.mark(conflict.RelationSupports, b, id)
			}))
		}
		tw.Flush()
	}
	inv.printPairs("Fights", s.Fights, conflict.RelationFights, alleged)
	inv.printPairs("Opposes", s.Opposes, conflict.RelationOpposes, alleged)
	inv.printAgreements(m.Agreements())
	return nil
}

// printPairs writes pairs of parties with a tie of kind in force under a
// heading, if there are any: "  Islamic State – Syrian government".
func (inv *invocation) printPairs(heading string, pairs [][2]string, kind conflict.RelationKind, alleged allegedSet) {
	if len(pairs) == 0 {
		return
	}
	inv.printf("\n%s:\n", heading)
	for _, p := range pairs {
		inv.printf("  %s – %s%s\n", inv.name(p[0]), inv.name(p[1]), alleged.mark(kind, p[0], p[1]))
	}
}

// printAgreements writes the agreements in force, if there are any: each
// with its kind, how sure it is that it is in force, the parties it
// covers, those it leaves out and its guarantors.
func (inv *invocation) printAgreements(agreements []conflict.AgreementAt) {
	if len(agreements) == 0 {
		return
	}
	inv.printf("\nAgreements:\n")
	for _, at := range agreements {
		a := at.Agreement
		title := a.ID
		if a.Name != "" && !inv.ids {
			title = a.Name
		}
		if a.Kind != 0 {
			title += " (" + a.Kind.String() + ")"
		}
		if at.Certainty == conflict.Possible {
			title += ", possibly in force"
		}
		inv.printf("  %s: %s\n", title, inv.names(a.Parties, ", "))
		if len(a.Excluded) > 0 {
			inv.printf("      excluding %s\n", inv.names(a.Excluded, ", "))
		}
		if len(a.Guarantors) > 0 {
			inv.printf("      guaranteed by %s\n", inv.names(a.Guarantors, ", "))
		}
	}
}

// controlJSON is one place's answer in control -json.
type controlJSON struct {
	State      string   `json:"state"`     // held, besieged, contested or unknown
	Holder     *string  `json:"holder"`    // the one party that possibly holds it, or null
	Certainty  string   `json:"certainty"` // how sure the holder or claimants are: definite, possible or absent
	Since      *string  `json:"since"`     // when the holder's hold began, or null
	Sources    []string `json:"sources"`   // the sources of the holder's tie
	Claimants  []string `json:"claimants"` // when several parties possibly hold it
	Besiegers  []string `json:"besiegers"`
	Besieged   string   `json:"besieged"` // how sure the siege is
	Contenders []string `json:"contenders"`
	RolledUp   bool     `json:"rolled_up"`         // answered from the places within it
	Alleged    bool     `json:"alleged,omitempty"` // the holder's tie rests only on allegations (with -alleged)
}

func runControl(inv *invocation) error {
	rec, m, err := inv.readMoment()
	if err != nil {
		return err
	}
	places := locations(rec)
	if inv.json {
		out := struct {
			At      string                 `json:"at"`
			AsOf    *string                `json:"as_of,omitempty"`
			Control map[string]controlJSON `json:"control"`
		}{At: inv.day(m.Time()), AsOf: inv.asOfJSON(), Control: map[string]controlJSON{}}
		for _, loc := range places {
			out.Control[loc] = controlOf(m.Controller(loc))
		}
		return inv.printJSON(out)
	}
	inv.printf("Control at %s%s\n\n", inv.momentText(m), inv.knownText())
	tw := inv.table()
	fmt.Fprintf(tw, "PLACE\tSTATE\tHOLDER\tCERTAINTY\tSINCE\tBESIEGERS\tCONTENDERS\tSOURCES\n")
	for _, loc := range places {
		ctl := m.Controller(loc)
		holder := inv.name(ctl.Holder)
		if ctl.Holder != "" {
			holder += allegedText(ctl.Tie.Alleged)
		}
		if holder == "" && len(ctl.Claimants) > 0 {
			holder = inv.names(ctl.Claimants, " or ")
		}
		if ctl.RolledUp {
			holder += " (rolled up)"
		}
		var sources []string
		if ctl.Holder != "" {
			sources = ctl.Tie.Sources()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", inv.name(loc), ctl.State, dash(holder), certainty(ctl),
			dash(ctl.Since().String()), dash(inv.names(ctl.Besiegers, ", ")),
			dash(inv.names(ctl.Contenders, ", ")), dash(strings.Join(sources, ", ")))
	}
	return tw.Flush()
}

// controlOf converts an answer of Moment.Controller for JSON.
func controlOf(ctl conflict.Control) controlJSON {
	j := controlJSON{
		State:      ctl.State.String(),
		Certainty:  ctl.Certainty.String(),
		Since:      boundJSON(ctl.Since()),
		Sources:    []string{},
		Claimants:  nonNil(ctl.Claimants),
		Besiegers:  nonNil(ctl.Besiegers),
		Besieged:   ctl.Besieged.String(),
		Contenders: nonNil(ctl.Contenders),
		RolledUp:   ctl.RolledUp,
	}
	if ctl.Holder != "" {
		h := ctl.Holder
		j.Holder = &h
		j.Sources = nonNil(ctl.Tie.Sources())
		j.Alleged = ctl.Tie.Alleged
	}
	return j
}

// certainty says how sure a control answer is, or "-" when nobody holds
// the place.
func certainty(ctl conflict.Control) string {
	if ctl.Holder == "" && len(ctl.Claimants) == 0 {
		return "-"
	}
	return ctl.Certainty.String()
}

func runAlliances(inv *invocation) error {
	_, m, err := inv.readMoment()
	if err != nil {
		return err
	}
	blocs := nonNil(m.Alliances())
	if inv.json {
		return inv.printJSON(struct {
			At          string        `json:"at"`
			AsOf        *string       `json:"as_of,omitempty"`
			Alliances   [][]string    `json:"alliances"`
			AllegedTies *[]tieKeyJSON `json:"alleged_ties,omitempty"`
		}{inv.day(m.Time()), inv.asOfJSON(), blocs, inv.allegedJSON(inv.allegedTies(m))})
	}
	inv.printf("At %s%s\n", inv.momentText(m), inv.knownText())
	inv.printBlocs("Alliances", blocs)
	return nil
}

// printBlocs writes a numbered list of blocs under a heading.
func (inv *invocation) printBlocs(heading string, blocs [][]string) {
	inv.printf("\n%s: %d\n", heading, len(blocs))
	for i, b := range blocs {
		inv.printf("  %d. %s\n", i+1, inv.names(b, ", "))
	}
}

// locations returns the IDs of every location in the record, sorted.
func locations(rec conflict.Record) []string {
	var ids []string
	for l := range rec.Locations() {
		ids = append(ids, l.ID)
	}
	slices.Sort(ids)
	return ids
}

// table returns a tabwriter for aligned columns on the output; Flush it.
func (inv *invocation) table() *tabwriter.Writer {
	return tabwriter.NewWriter(&inv.out, 0, 0, 2, ' ', 0)
}

// dash returns s, or "-" if it is empty, for table cells.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
