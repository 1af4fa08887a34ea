package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

var territoryCommand = &command{
	name:    "territory",
	summary: "the territory parties hold at a moment, by area, population or places",
	about: `Territory prints the territory the party -party holds at the moment
(conflict.Moment.Territory) — more than one -party for several, and every
party that holds a place, definitely or possibly, if none is given — ranked
by what each definitely holds, the most first. -by area (the default) weighs
the places held by their area in km², -by population by the people living
there; each party's share is what it definitely holds, with the number of
places that counts, what more it possibly holds, with its number of places,
and the places it holds of no known weight, counted in neither. A place
counts as definitely held when the party alone holds it definitely and it
is not contested, as possibly held when the sources disagree, a change
falls in an imprecise date or it is contested. A place within one that
counts is not counted again; a place held only through the places within
it (rolled up) counts in neither.

-by places counts the places held instead, each 1, a place within another
too: those the party holds definitely, as above, and those it possibly
holds (conflict.Moment.Holdings). Parties are named by the names they went
by on the day.

With -json it prints {"at", "by", "territory": [{"party", "definite",
"possible", "places", "possible_places", "unweighed"}, ...]}, definite and
possible in the unit of -by; with -as-of, "as_of".`,
	example: "conflict territory examples/syria/syria.json --at 2016-04-06 --by population",
	flags:   atFlag | partyFlag | byFlag | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runTerritory,
}

var gainsCommand = &command{
	name:    "gains",
	summary: "what each party gained and lost between two dates",
	about: `Gains compares the territory every party held at the start of the first day
of -from with what it held at the start of the first day of -to
(conflict.Conflict.Gains), weighed by -by area (km², the default) or
population, as territory weighs it, and ranks the parties whose territory
differs by their net gain, the greatest gain first and the greatest loss
last (then by ID): what each definitely held before and after, and what
more it possibly held; its net gain, what it definitely held after less
what it did before; and the places it gained and lost, those counted in
what it definitely held after and not before, and the reverse.

-by places counts the places held instead, each 1, a place within another
too: the net is the number of places held definitely after less the number
before, gained and lost the places it held definitely only after or only
before, compared in the same way. Parties are named by the names they went
by on the day of -to.

With -json it prints {"from", "to", "by", "gains": [{"party", "net",
"before", "after", "gained", "lost"}, ...]}, before and after as territory's
shares {"definite", "possible", "places", "possible_places", "unweighed"};
with -as-of, "as_of".`,
	example: "conflict gains examples/syria/syria.json --from 2016-03 --to 2016-04-10 --by places",
	flags:   compareFlags | byFlag | asOfFlag | allegedFlag | jsonFlag | idsFlag,
	run:     runGains,
}

// shareJSON is a party's territory in -json.
type shareJSON struct {
	Definite       float64 `json:"definite"`
	Possible       float64 `json:"possible"`
	Places         int     `json:"places"`
	PossiblePlaces int     `json:"possible_places"`
	Unweighed      int     `json:"unweighed"`
}

// shareOf converts a share for -json.
func shareOf(s conflict.Share) shareJSON {
	return shareJSON{s.Definite, s.Possible, s.Places, s.PossiblePlaces, s.Unweighed}
}

// A partyShare is a party's territory at a moment.
type partyShare struct {
	party string
	share conflict.Share
	held  []string // the places counted in share.Definite, sorted; only for -by places
}

// territory returns the territory of party at m, weighed as -by says.
func (inv *invocation) territory(m conflict.Moment, party string) partyShare {
	if !inv.by.places {
		return partyShare{party: party, share: m.Territory(party, inv.by.weight())}
	}
	ps := partyShare{party: party}
	for _, ctl := range m.Holdings(party) {
		if ctl.Holder == party && ctl.Certainty == conflict.Definite && ctl.State != conflict.ControlContested {
			ps.held = append(ps.held, ctl.Location)
		} else {
			ps.share.Possible++
			ps.share.PossiblePlaces++
		}
	}
	ps.share.Definite, ps.share.Places = float64(len(ps.held)), len(ps.held)
	return ps
}

// partyIDs returns the IDs of the parties -party names, or of every party
// in the record, actors first, if none.
func (inv *invocation) partyIDs(c *conflict.Conflict, rec conflict.Record) ([]string, error) {
	var ids []string
	if len(inv.parties) == 0 {
		for a := range rec.Actors() {
			ids = append(ids, a.ID)
		}
		for b := range rec.Backers() {
			ids = append(ids, b.ID)
		}
		return ids, nil
	}
	for _, name := range inv.parties {
		p, ok := findParty(c, name)
		if !ok {
			return nil, fmt.Errorf("%s has no party %q", inv.fileName(), name)
		}
		if !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}

func runTerritory(inv *invocation) error {
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	parties, err := inv.partyIDs(c, rec)
	if err != nil {
		return err
	}
	t, err := inv.moment(rec)
	if err != nil {
		return err
	}
	m := rec.At(t)
	inv.nodes, inv.dayName = m.Node, m.Name
	var shares []partyShare
	for _, p := range parties {
		ps := inv.territory(m, p)
		if len(inv.parties) > 0 || ps.share.Places+ps.share.PossiblePlaces+ps.share.Unweighed > 0 {
			shares = append(shares, ps)
		}
	}
	slices.SortStableFunc(shares, func(a, b partyShare) int {
		return cmp.Or(cmp.Compare(b.share.Definite, a.share.Definite), cmp.Compare(a.party, b.party))
	})
	if inv.json {
		out := struct {
			At        string          `json:"at"`
			AsOf      *string         `json:"as_of,omitempty"`
			By        string          `json:"by"`
			Territory []territoryJSON `json:"territory"`
		}{inv.day(m.Time()), inv.asOfJSON(), inv.by.String(), []territoryJSON{}}
		for _, ps := range shares {
			out.Territory = append(out.Territory, territoryJSON{ps.party, shareOf(ps.share)})
		}
		return inv.printJSON(out)
	}
	inv.printf("Territory at %s, by %s%s\n\n", inv.momentText(m), inv.unitText(), inv.knownText())
	tw := inv.table()
	if inv.by.places {
		fmt.Fprintf(tw, "PARTY\tDEFINITE\tPOSSIBLE\n")
	} else {
		fmt.Fprintf(tw, "PARTY\tDEFINITE\tPLACES\tPOSSIBLE\tPLACES\tUNWEIGHED\n")
	}
	for _, ps := range shares {
		s := ps.share
		if inv.by.places {
			fmt.Fprintf(tw, "%s\t%d\t%d\n", inv.name(ps.party), s.Places, s.PossiblePlaces)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%d\t%d\n", inv.name(ps.party), number(s.Definite), s.Places,
			number(s.Possible), s.PossiblePlaces, s.Unweighed)
	}
	return tw.Flush()
}

// territoryJSON is one party's share in territory -json.
type territoryJSON struct {
	Party string `json:"party"`
	shareJSON
}

// unitText says in text output what -by weighs by: "area (km²)".
func (inv *invocation) unitText() string {
	switch {
	case inv.by.places:
		return "places (a count of the places held)"
	case inv.by.weight() == conflict.WeightArea:
		return "area (km²)"
	}
	return "population (people)"
}

// number formats a weight or a measure in text output: as few digits as
// give it exactly, no exponent.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// gainJSON is one party's gains in gains -json.
type gainJSON struct {
	Party  string    `json:"party"`
	Net    float64   `json:"net"`
	Before shareJSON `json:"before"`
	After  shareJSON `json:"after"`
	Gained []string  `json:"gained"`
	Lost   []string  `json:"lost"`
}

func runGains(inv *invocation) error {
	if !inv.from.set || !inv.to.set {
		return usagef("gains needs -from D1 and -to D2, the two days compared")
	}
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	from, to := inv.from.in(inv.zone), inv.to.in(inv.zone)
	var gains []conflict.Gain
	if inv.by.places {
		parties, err := inv.partyIDs(c, rec)
		if err != nil {
			return err
		}
		gains = inv.placeGains(rec, parties, from, to)
	} else {
		gains = rec.Gains(from, to, inv.by.weight())
	}
	if inv.json {
		out := struct {
			From  string     `json:"from"`
			To    string     `json:"to"`
			AsOf  *string    `json:"as_of,omitempty"`
			By    string     `json:"by"`
			Gains []gainJSON `json:"gains"`
		}{inv.from.d.String(), inv.to.d.String(), inv.asOfJSON(), inv.by.String(), []gainJSON{}}
		for _, g := range gains {
			out.Gains = append(out.Gains, gainJSON{g.Party, g.Net(), shareOf(g.Before), shareOf(g.After), nonNil(g.Gained), nonNil(g.Lost)})
		}
		return inv.printJSON(out)
	}
	inv.printf("Gains from %s to %s, by %s%s: %d parties\n", inv.from.d, inv.to.d, inv.unitText(), inv.knownText(), len(gains))
	if len(gains) == 0 {
		return nil
	}
	inv.printf("\n")
	tw := inv.table()
	fmt.Fprintf(tw, "PARTY\tNET\tBEFORE\tAFTER\tGAINED\tLOST\n")
	for _, g := range gains {
		net := number(g.Net())
		if g.Net() > 0 {
			net = "+" + net
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", inv.nameOn(inv.to.d, g.Party), net, shareText(g.Before), shareText(g.After),
			dash(inv.names(g.Gained, ", ")), dash(inv.names(g.Lost, ", ")))
	}
	return tw.Flush()
}

// shareText describes a share in gains' text output: what the party held
// definitely, what more it possibly held, and how many places it held of
// no known weight: "48 (+22 possibly)", "0 (3 unweighed)".
func shareText(s conflict.Share) string {
	var more []string
	if s.Possible != 0 {
		more = append(more, "+"+number(s.Possible)+" possibly")
	}
	if s.Unweighed != 0 {
		more = append(more, strconv.Itoa(s.Unweighed)+" unweighed")
	}
	if more == nil {
		return number(s.Definite)
	}
	return number(s.Definite) + " (" + strings.Join(more, ", ") + ")"
}

// placeGains returns what the parties gained and lost from instant from to
// instant to, by places: as Conflict.Gains ranks its gains, for the
// parties whose places held differ.
func (inv *invocation) placeGains(rec conflict.Record, parties []string, from, to time.Time) []conflict.Gain {
	before, after := rec.At(from), rec.At(to)
	var gains []conflict.Gain
	for _, p := range parties {
		was, is := inv.territory(before, p), inv.territory(after, p)
		g := conflict.Gain{Party: p, Before: was.share, After: is.share}
		for _, loc := range is.held {
			if !slices.Contains(was.held, loc) {
				g.Gained = append(g.Gained, loc)
			}
		}
		for _, loc := range was.held {
			if !slices.Contains(is.held, loc) {
				g.Lost = append(g.Lost, loc)
			}
		}
		if g.Before != g.After || g.Gained != nil || g.Lost != nil {
			gains = append(gains, g)
		}
	}
	slices.SortFunc(gains, func(a, b conflict.Gain) int {
		return cmp.Or(cmp.Compare(b.Net(), a.Net()), strings.Compare(a.Party, b.Party))
	})
	return gains
}
