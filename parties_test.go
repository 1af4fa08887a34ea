package conflict_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// nusra is Jabhat al-Nusra's record in small: a rename, then a merger into
// a new party, a ceasefire agreement that excludes it, and the US's
// opposition to the government.
func nusra(t *testing.T) *conflict.Conflict {
	t.Helper()
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		TimeZone: "Asia/Damascus",
		Sources:  []conflict.Source{{ID: "s", Published: date("2017-12-31")}},
		Actors: []conflict.Actor{
			{ID: "gov", Name: "Government"}, {ID: "rebels", Name: "Rebels"}, {ID: "isis", Name: "ISIS"},
			{ID: "nusra", Name: "Jabhat al-Nusra", Names: []conflict.DatedName{{Name: "Al-Nusra Front", Start: date("2012-01"), End: date("2013"), Sources: src("s")}}},
			{ID: "zinki", Name: "Nour al-Din al-Zenki"},
			{ID: "hts", Name: "Hay'at Tahrir al-Sham"},
		},
		Backers: []conflict.Backer{{ID: "us", Name: "United States"}, {ID: "russia", Name: "Russia"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationFights, From: "nusra", To: "gov", Start: date("2012"), Sources: src("s")},
			{Kind: conflict.RelationFights, From: "rebels", To: "gov", Start: date("2012"), Sources: src("s")},
			{Kind: conflict.RelationFights, From: "isis", To: "gov", Start: date("2013"), Sources: src("s")},
			{Kind: conflict.RelationAllied, From: "nusra", To: "zinki", Start: date("2015"), Sources: src("s")},
			{Kind: conflict.RelationOpposes, From: "us", To: "gov", Start: date("2011"), Sources: src("s")},
		},
		Events: []conflict.Event{
			{ID: "renamed", Kind: conflict.EventRenamed, Date: date("2016-07-28"), Actors: []string{"nusra"}, Name: "Jabhat Fateh al-Sham", Sources: src("s")},
			{ID: "hts-formed", Kind: conflict.EventMerged, Date: date("2017-01-28"), Actors: []string{"nusra", "zinki"}, Counterparts: []string{"hts"}, Sources: src("s")},
		},
		Agreements: []conflict.Agreement{
			{ID: "coh", Kind: conflict.AgreementCessationOfHostilities, Parties: []string{"gov", "rebels", "russia"},
				Excluded: []string{"isis", "nusra"}, Guarantors: []string{"us", "russia"}, Start: date("2016-02-27"), End: date("2016-04-19"), Sources: src("s")},
		},
	}))
	return &c
}

func TestDatedNames(t *testing.T) {
	c := nusra(t)
	tests := []struct {
		day, name string
	}{
		{"2011-12-31", "Jabhat al-Nusra"},
		{"2012-01-15", "Jabhat al-Nusra"}, // the dated name only possibly in use yet
		{"2012-02-01", "Al-Nusra Front"},
		{"2012-12-31", "Al-Nusra Front"},
		{"2013-01-01", "Jabhat al-Nusra"}, // its end is a year: only possibly in use in 2013
		{"2014-01-01", "Jabhat al-Nusra"},
		{"2016-07-27", "Jabhat al-Nusra"},
		{"2016-07-28", "Jabhat Fateh al-Sham"},
		{"2017-06-01", "Jabhat Fateh al-Sham"},
	}
	for _, tt := range tests {
		if got := c.At(on(tt.day)).Name("nusra"); got != tt.name {
			t.Errorf("name of nusra on %s = %q, want %q", tt.day, got, tt.name)
		}
	}
	lookups := []struct {
		name, day string
		want      conflict.Certainty
	}{
		{"Jabhat Fateh al-Sham", "2016-08-15", definite},
		{"jabhat fateh al sham", "2016-08-15", definite},
		{"Jabhat Fateh al-Sham", "2016-01-01", absent},
		{"Jabhat Fateh al-Sham", "2016-07-27", absent},
		{"Jabhat Fateh al-Sham", "2016-07-28", definite},
		{"Al-Nusra Front", "2012-01-15", possible},
		{"Al-Nusra Front", "2014-06-01", absent},
		{"Jabhat al-Nusra", "2016-08-15", definite}, // its Name and ID hold throughout
		{"nusra", "1990-01-01", definite},
	}
	for _, tt := range lookups {
		n, inUse, ok := c.At(on(tt.day)).Lookup(tt.name)
		if !ok || n.ID != "nusra" || inUse != tt.want {
			t.Errorf("Lookup(%q) on %s = %s, %v, %v; want nusra, %v", tt.name, tt.day, n.ID, inUse, ok, tt.want)
		}
	}
	if _, _, ok := c.At(on("2016-08-15")).Lookup("Jabhat Ansar al-Din"); ok {
		t.Error("a name no node has was found")
	}
	if n, ok := c.Lookup("Jabhat Fateh al-Sham"); !ok || n.ID != "nusra" {
		t.Errorf("Conflict.Lookup of a dated name = %v, %v", n, ok)
	}
}

// TestRenameKeepsTies checks that a rename closes and reopens nothing, and
// that a merger ends the members' ties on its day.
func TestRenameKeepsTies(t *testing.T) {
	c := nusra(t)
	var ties []string
	for _, ch := range c.Timeline("nusra") {
		ties = append(ties, ch.String())
	}
	want := []string{
		"2012 opened gov fights nusra",
		"2015 opened nusra allied zinki",
		"2017-01-28 closed nusra allied zinki",
		"2017-01-28 closed gov fights nusra",
	}
	if diff := cmp.Diff(want, ties); diff != "" {
		t.Errorf("Timeline(nusra) (-want +got)\n%s", diff)
	}
	if got := c.At(on("2017-01-27")).Enemies("nusra"); len(got) != 1 {
		t.Errorf("nusra's enemies the day before the merger: %v", got)
	}
	if got := c.At(on("2017-01-28")).Enemies("nusra"); got != nil {
		t.Errorf("nusra's enemies on the day it merged: %v", got)
	}
	lineage := c.Lineage("nusra")
	var kinds []string
	for _, l := range lineage {
		kinds = append(kinds, fmt.Sprint(l.Date, " ", l.Kind, " ", l.Before, "→", l.After, " ", l.Name))
	}
	wantLineage := []string{
		"2016-07-28 renamed [nusra]→[nusra] Jabhat Fateh al-Sham",
		"2017-01-28 merged [nusra zinki]→[hts] ",
	}
	if diff := cmp.Diff(wantLineage, kinds); diff != "" {
		t.Errorf("Lineage(nusra) (-want +got)\n%s", diff)
	}
	if got := c.Lineage("hts"); len(got) != 1 || !slices.Equal(got[0].Before, []string{"nusra", "zinki"}) {
		t.Errorf("Lineage(hts) = %v, want its merger", got)
	}
}

// TestAgreementInForce checks an agreement at its start instant in the
// record's time zone and at its end: it suspends the fights between the
// parties it covers, never those of a party it excludes, nor opposition.
func TestAgreementInForce(t *testing.T) {
	c := nusra(t)
	utc := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	tests := []struct {
		at         time.Time
		agreements []string
		enemies    []string // the government's
	}{
		// Damascus is UTC+2 in February: the truce began at 22:00 UTC on
		// the 26th.
		{utc("2016-02-26T21:59:00Z"), nil, []string{"isis", "nusra", "rebels"}},
		{utc("2016-02-26T22:30:00Z"), []string{"coh"}, []string{"isis", "nusra"}},
		{utc("2016-04-18T20:59:00Z"), []string{"coh"}, []string{"isis", "nusra"}},
		// Summer time, UTC+3: it ended at 21:00 UTC on the 18th.
		{utc("2016-04-18T21:00:00Z"), nil, []string{"isis", "nusra", "rebels"}},
	}
	for _, tt := range tests {
		m := c.At(tt.at)
		var ags, enemies []string
		for _, a := range m.Agreements() {
			ags = append(ags, a.Agreement.ID)
		}
		for _, p := range m.Enemies("gov") {
			enemies = append(enemies, p.ID)
		}
		if diff := cmp.Diff(tt.agreements, ags); diff != "" {
			t.Errorf("agreements at %v (-want +got)\n%s", tt.at, diff)
		}
		if diff := cmp.Diff(tt.enemies, enemies); diff != "" {
			t.Errorf("the government's enemies at %v (-want +got)\n%s", tt.at, diff)
		}
		if got := m.Opponents("gov"); len(got) != 1 || got[0].ID != "us" {
			t.Errorf("opponents of gov at %v = %v, want the US, whatever the truce", tt.at, got)
		}
		if got := m.Summary().Opposes; !cmp.Equal(got, [][2]string{{"gov", "us"}}) {
			t.Errorf("Summary.Opposes at %v = %v", tt.at, got)
		}
	}
	s := c.At(on("2016-03-15")).Summary()
	want := []conflict.SummaryAgreement{{ID: "coh", Kind: "cessation-of-hostilities",
		Parties: []string{"gov", "rebels", "russia"}, Excluded: []string{"isis", "nusra"}, Guarantors: []string{"russia", "us"}}}
	if diff := cmp.Diff(want, s.Agreements); diff != "" {
		t.Errorf("Summary.Agreements (-want +got)\n%s", diff)
	}
	if slices.Contains(s.Fights, [2]string{"gov", "rebels"}) || !slices.Contains(s.Fights, [2]string{"gov", "nusra"}) {
		t.Errorf("Summary.Fights during the truce = %v: want nusra's fight and not the rebels'", s.Fights)
	}
	if a, ok := c.Agreement("coh"); !ok || a.End != date("2016-04-19") {
		t.Errorf("Agreement(coh) = %v, %v", a, ok)
	}
}

// TestOpposesMovesSides checks that opposition is a hostile tie for Sides:
// on a small network, adding it moves a party to the other side, as an
// exhaustive search over every partition agrees.
func TestOpposesMovesSides(t *testing.T) {
	base := conflict.Dataset{
		Sources: []conflict.Source{{ID: "s"}},
		Actors:  []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "isis", Name: "ISIS"}, {ID: "sdf", Name: "SDF"}},
		Backers: []conflict.Backer{{ID: "us", Name: "US"}, {ID: "russia", Name: "Russia"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationSupports, From: "russia", To: "gov", Sources: src("s")},
			{Kind: conflict.RelationFights, From: "gov", To: "isis", Sources: src("s")},
			{Kind: conflict.RelationFights, From: "sdf", To: "isis", Sources: src("s")},
			{Kind: conflict.RelationSupports, From: "us", To: "sdf", Sources: src("s")},
		},
	}
	opposed := base
	opposed.Relations = append(slices.Clone(base.Relations),
		conflict.Relation{Kind: conflict.RelationOpposes, From: "us", To: "gov", Sources: src("s")},
		conflict.Relation{Kind: conflict.RelationOpposes, From: "us", To: "russia", Sources: src("s")})
	sideOf := func(ds conflict.Dataset) ([][]string, float64) {
		var c conflict.Conflict
		must(t, c.Add(ds))
		s, err := c.At(on("2016-01-01")).Sides(conflict.SidesOptions{MaxBlocs: 2})
		if err != nil {
			t.Fatal(err)
		}
		if !s.Optimal {
			t.Fatalf("not proven: %+v", s)
		}
		return s.Blocs, s.Cost
	}
	blocs, cost := sideOf(base)
	if want := exhaustiveCost(base, 2); cost != want {
		t.Errorf("without opposition: cost %v, exhaustive %v", cost, want)
	}
	if !sameBloc(blocs, "us", "gov") {
		t.Errorf("without opposition the US is not with the government: %v", blocs)
	}
	blocs, cost = sideOf(opposed)
	if want := exhaustiveCost(opposed, 2); cost != want {
		t.Errorf("with opposition: cost %v, exhaustive %v", cost, want)
	}
	if sameBloc(blocs, "us", "gov") {
		t.Errorf("with opposition the US is still with the government: %v", blocs)
	}
}

func sameBloc(blocs [][]string, a, b string) bool {
	for _, bl := range blocs {
		if slices.Contains(bl, a) && slices.Contains(bl, b) {
			return true
		}
	}
	return false
}

// exhaustiveCost returns the least number of ties that break "friends
// inside, enemies between" over every split of ds's parties into at most
// k blocs: the frustration of its undated positive and hostile ties.
func exhaustiveCost(ds conflict.Dataset, k int) float64 {
	var parties []string
	for _, a := range ds.Actors {
		parties = append(parties, a.ID)
	}
	for _, b := range ds.Backers {
		parties = append(parties, b.ID)
	}
	index := map[string]int{}
	for i, p := range parties {
		index[p] = i
	}
	type edge struct {
		a, b    int
		hostile bool
	}
	seen := map[edge]bool{}
	var edges []edge
	for _, r := range ds.Relations {
		e := edge{min(index[r.From], index[r.To]), max(index[r.From], index[r.To]), r.Kind.Hostile()}
		if !seen[e] {
			seen[e] = true
			edges = append(edges, e)
		}
	}
	best := len(edges)
	bloc := make([]int, len(parties))
	var try func(i int)
	try = func(i int) {
		if i == len(parties) {
			cost := 0
			for _, e := range edges {
				if (bloc[e.a] == bloc[e.b]) == e.hostile {
					cost++
				}
			}
			best = min(best, cost)
			return
		}
		for b := range k {
			bloc[i] = b
			try(i + 1)
		}
	}
	try(0)
	return float64(best)
}

func TestPartyBadInput(t *testing.T) {
	base := func() conflict.Dataset {
		return conflict.Dataset{
			Sources:   []conflict.Source{{ID: "s"}, {ID: "t"}},
			Actors:    []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}},
			Locations: []conflict.Location{{ID: "p", Name: "P"}},
		}
	}
	type want struct {
		Err                  error
		Entity, Field, Value string
	}
	tests := []struct {
		name string
		edit func(*conflict.Dataset)
		want want
	}{
		{"names overlapping with no source for both", func(ds *conflict.Dataset) {
			ds.Actors[0].Names = []conflict.DatedName{
				{Name: "Old A", Start: date("2010"), End: date("2015"), Sources: src("s")},
				{Name: "New A", Start: date("2013"), End: date("2016"), Sources: src("t")}}
		}, want{conflict.ErrName, `actors[0] "a"`, "names", "New A"}},
		{"a rename into another party's name", func(ds *conflict.Dataset) {
			ds.Events = []conflict.Event{{ID: "e", Kind: conflict.EventRenamed, Date: date("2016"), Actors: []string{"a"}, Name: "B", Sources: src("s")}}
		}, want{conflict.ErrName, `events[0] "e"`, "name", "B"}},
		{"a merger with no members", func(ds *conflict.Dataset) {
			ds.Events = []conflict.Event{{ID: "e", Kind: conflict.EventMerged, Date: date("2016"), Counterparts: []string{"c"}, Sources: src("s")}}
		}, want{conflict.ErrMissing, `events[0] "e"`, "actors", ""}},
		{"an agreement that excludes its own party", func(ds *conflict.Dataset) {
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a", "b"}, Excluded: []string{"b"}, Sources: src("s")}}
		}, want{conflict.ErrEnds, `agreements[0] "x"`, "excluded", "b"}},
		{"a guarantor also excluded", func(ds *conflict.Dataset) {
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a", "b"}, Excluded: []string{"c"}, Guarantors: []string{"c"}, Sources: src("s")}}
		}, want{conflict.ErrEnds, `agreements[0] "x"`, "guarantors", "c"}},
		{"opposes a location", func(ds *conflict.Dataset) {
			ds.Relations = []conflict.Relation{{Kind: conflict.RelationOpposes, From: "a", To: "p", Sources: src("s")}}
		}, want{conflict.ErrEnds, "relations[0] (a opposes p)", "to", "p"}},
		{"an agreement's start cited to a source it does not rest on", func(ds *conflict.Dataset) {
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a", "b"}, Start: date("2016-02-27"), Sources: src("s"), StartSources: src("t")}}
		}, want{conflict.ErrUnknownID, `agreements[0] "x"`, "start_sources", "t"}},
		{"an agreement's end sources with no end", func(ds *conflict.Dataset) {
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a", "b"}, Start: date("2016-02-27"), Sources: src("s"), EndSources: src("s")}}
		}, want{conflict.ErrMissing, `agreements[0] "x"`, "end_sources", "[s]"}},
		{"an agreement's end cited to a source published before it", func(ds *conflict.Dataset) {
			ds.Sources[1].Published = date("2016-03-10")
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a", "b"}, Start: date("2016-02-27"), End: date("2016-04-19"),
				Sources: src("s", "t"), StartSources: src("t"), EndSources: src("s", "t")}}
		}, want{conflict.ErrAnachronism, `agreements[0] "x"`, "end", "2016-04-19"}},
		{"an agreement's end resting on its sources, one published before it", func(ds *conflict.Dataset) {
			ds.Sources[1].Published = date("2016-03-10")
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a", "b"}, Start: date("2016-02-27"), End: date("2016-04-19"),
				Sources: src("s", "t")}}
		}, want{conflict.ErrAnachronism, `agreements[0] "x"`, "end", "2016-04-19"}},
		{"an agreement of one party", func(ds *conflict.Dataset) {
			ds.Agreements = []conflict.Agreement{{ID: "x", Parties: []string{"a"}, Sources: src("s")}}
		}, want{conflict.ErrMissing, `agreements[0] "x"`, "parties", "[a]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := base()
			tt.edit(&ds)
			var c conflict.Conflict
			must(t, c.Add(conflict.Dataset{Sources: []conflict.Source{{ID: "kept"}}}))
			err := c.Add(ds)
			var e *conflict.Error
			if !errors.As(err, &e) || !errors.Is(err, tt.want.Err) {
				t.Fatalf("Add: %v, want an *Error wrapping %v", err, tt.want.Err)
			}
			got := want{e.Err, e.Entity, e.Field, e.Value}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("error %q (-want +got)\n%s", err, diff)
			}
			if _, ok := c.Node("a"); ok {
				t.Error("a failed Add added records")
			}
		})
	}
}

// TestAgreementAsKnown checks that a view of the record as known on a day
// knows an agreement only from its sources published by then, and each
// bound only from the sources that give it: before the report of its end,
// the truce is in force with no end.
func TestAgreementAsKnown(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources: []conflict.Source{
			{ID: "old", Published: date("2012-06")},
			{ID: "start", Published: date("2016-02-28")},
			{ID: "end", Published: date("2016-05-02")},
		},
		Actors: []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "rebels", Name: "Rebels"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationFights, From: "gov", To: "rebels", Start: date("2012"), Sources: src("old")},
		},
		Agreements: []conflict.Agreement{{ID: "truce", Parties: []string{"gov", "rebels"},
			Start: date("2016-02-27"), End: date("2016-04-19"), Sources: src("start", "end"),
			StartSources: src("start"), EndSources: src("end")}},
	}))
	type answer struct {
		Agreement conflict.Agreement
		Enemies   []string
	}
	truce := func(end conflict.Date, sources ...string) conflict.Agreement {
		a := conflict.Agreement{ID: "truce", Parties: []string{"gov", "rebels"}, Start: date("2016-02-27"), End: end,
			Sources: sources, StartSources: src("start")}
		if !end.IsZero() {
			a.EndSources = src("end")
		}
		return a
	}
	tests := []struct {
		known, at string
		want      answer
	}{
		{"2016-02-27", "2016-03-01", answer{Enemies: []string{"rebels"}}},
		{"2016-02-28", "2016-03-01", answer{truce(conflict.Date{}, "start"), nil}},
		{"2016-02-28", "2016-04-19", answer{truce(conflict.Date{}, "start"), nil}},
		{"2016-05-01", "2016-04-19", answer{truce(conflict.Date{}, "start"), nil}},
		{"2016-05-02", "2016-04-18", answer{truce(date("2016-04-19"), "start", "end"), nil}},
		{"2016-05-02", "2016-04-19", answer{Enemies: []string{"rebels"}}},
	}
	for _, tt := range tests {
		m := c.AsOf(on(tt.known)).At(on(tt.at))
		var got answer
		if ags := m.Agreements(); len(ags) == 1 {
			got.Agreement = ags[0].Agreement
		} else if len(ags) > 1 {
			t.Fatalf("as of %s at %s: %d agreements", tt.known, tt.at, len(ags))
		}
		for _, p := range m.Enemies("gov") {
			got.Enemies = append(got.Enemies, p.ID)
		}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("as of %s, at %s (-want +got)\n%s", tt.known, tt.at, diff)
		}
	}
}
