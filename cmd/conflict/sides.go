package main

import (
	"fmt"
	"strings"

	"github.com/conflictgraph/conflict"
)

var sidesCommand = &command{
	name:    "sides",
	summary: "the sides by structural balance at a moment",
	about: `Sides splits the parties at the moment into blocs so that as few ties as
possible break the rule "friends inside a bloc, enemies between blocs"
(conflict.Moment.Sides): into at most N blocs with -k N, or any number.
With -k 2 the number of ties that break the rule is the frustration index.
It prints the blocs, that number, whether it is proven the least possible,
and the ties that break the rule with the relations and sources behind them.

The search is bounded: on a large or dense network it gives up its proof
after a set amount of work (10 to 15 seconds on a small machine for each
part of the network) and prints the best blocs found, not proven the least
possible, with a proven lower bound on the number of ties that must break.
-timeout DURATION stops it after about DURATION.

With -json it prints one object:
  {"at": DATE, "k": N or null, "blocs": [[ids...], ...], "violations": N,
   "optimal": bool, "lower_bound": N, "frustrated": [[a, b, kinds], ...]}
with IDs sorted inside blocs, blocs sorted by their first ID, a < b, and
kinds the relation kinds behind the tie ("allied", "fights",
"allied,part-of"). optimal tells whether violations is proven the least
possible; lower_bound is a proven lower bound on it, equal to it when
optimal. With -as-of, "as_of", the day the record is known as of, follows
"at". With -alleged the ties that rest only on allegations are marked
"(alleged)", and listed in -json as "alleged_ties": [{"kind", "from",
"to"}, ...].`,
	example: "conflict sides tribes.csv -k 2 --timeout 30s --json",
	flags:   atFlag | asOfFlag | allegedFlag | kFlag | timeoutFlag | jsonFlag | idsFlag,
	run:     runSides,
}

// sidesJSON is the output of sides -json.
type sidesJSON struct {
	At         string      `json:"at"`
	AsOf       *string     `json:"as_of,omitempty"`
	K          *int        `json:"k"`
	Blocs      [][]string  `json:"blocs"`
	Violations int         `json:"violations"`
	Optimal    bool        `json:"optimal"`
	LowerBound float64     `json:"lower_bound"`
	Frustrated [][3]string `json:"frustrated"`

	AllegedTies *[]tieKeyJSON `json:"alleged_ties,omitempty"`
}

func runSides(inv *invocation) error {
	_, m, err := inv.readMoment()
	if err != nil {
		return err
	}
	k := int(inv.k)
	stop := inv.showProgress(func() string { return "searching for sides" })
	s, err := m.Sides(conflict.SidesOptions{MaxBlocs: k, Deadline: inv.timeout.deadline()})
	stop()
	if err != nil {
		return err
	}
	if inv.json {
		out := sidesJSON{
			At:         inv.day(m.Time()),
			AsOf:       inv.asOfJSON(),
			Blocs:      nonNil(s.Blocs),
			Violations: s.Violations,
			Optimal:    s.Optimal,
			LowerBound: s.LowerBound,
			Frustrated: [][3]string{},

			AllegedTies: inv.allegedJSON(inv.allegedTies(m)),
		}
		if k > 0 {
			out.K = &k
		}
		for _, f := range s.Broken {
			out.Frustrated = append(out.Frustrated, [3]string{f.A, f.B, f.Kinds()})
		}
		return inv.printJSON(out)
	}
	limit := "any number of blocs"
	if k > 0 {
		limit = fmt.Sprintf("at most %d blocs", k)
	}
	inv.printf("Sides at %s (%s)%s\n", inv.momentText(m), limit, inv.knownText())
	inv.printBlocs("Blocs", s.Blocs)
	proof := "proven the least possible"
	if !s.Optimal {
		proof = fmt.Sprintf("the best found, not proven the least possible; at least %g must break", s.LowerBound)
	}
	inv.printf("\nTies that break the rule: %d (%s)\n", s.Violations, proof)
	for _, f := range s.Broken {
		inv.printf("  %s\n", inv.signedText(f))
		for _, t := range f.Ties {
			inv.printf("      %s  [%s]\n", inv.tieText(t), strings.Join(t.Sources(), ", "))
		}
	}
	return nil
}

// signedText says why a tie breaks the rule: "a and b are friends in
// different blocs (allied)".
func (inv *invocation) signedText(f conflict.SignedTie) string {
	if f.Hostile {
		return fmt.Sprintf("%s and %s are enemies in one bloc (%s)", inv.name(f.A), inv.name(f.B), f.Kinds())
	}
	return fmt.Sprintf("%s and %s are friends in different blocs (%s)", inv.name(f.A), inv.name(f.B), f.Kinds())
}
