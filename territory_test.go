package conflict_test

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	gocmp "github.com/google/go-cmp/cmp"
)

// The territory reference: Moment.Territory and Conflict.Gains, on the
// record and on views of it, equal a brute-force sum over every location
// of the record, asked of Moment.Controller, written from the
// documentation of Share.

// refWeights returns the weight of every weighed place of ds.
func refWeights(ds conflict.Dataset, by conflict.Weight) map[string]float64 {
	w := map[string]float64{}
	for _, l := range ds.Locations {
		switch {
		case by == conflict.WeightArea && l.Area > 0:
			w[l.ID] = l.Area
		case by == conflict.WeightPopulation && l.Population != nil:
			w[l.ID] = l.Population.Count
		}
	}
	return w
}

// refHeld returns how surely party holds each place at m, as Share
// counts it.
func refHeld(m conflict.Moment, ds conflict.Dataset, party string) map[string]conflict.Certainty {
	held := map[string]conflict.Certainty{}
	for _, l := range ds.Locations {
		c := m.Controller(l.ID)
		switch {
		case c.RolledUp:
		case c.Holder == party && c.Certainty == conflict.Definite && c.State != conflict.ControlContested:
			held[l.ID] = conflict.Definite
		case c.Holder == party || slices.Contains(c.Claimants, party):
			held[l.ID] = conflict.Possible
		}
	}
	return held
}

// refShare weighs what party holds at m, and returns the places Definite
// counts, sorted.
func refShare(m conflict.Moment, ds conflict.Dataset, party string, by conflict.Weight) (conflict.Share, []string) {
	return refShareOf(refHeld(m, ds, party), evPlaces(ds), refWeights(ds, by))
}

// refShareOf weighs the places held by w.
func refShareOf(held map[string]conflict.Certainty, within map[string]string, w map[string]float64) (conflict.Share, []string) {
	var places []string
	for p := range held {
		places = append(places, p)
	}
	slices.Sort(places)
	var sh conflict.Share
	var counted []string
	for _, p := range places {
		h := held[p]
		wp, weighed := w[p]
		covered := false
		for a := within[p]; a != ""; a = within[a] {
			if _, ok := w[a]; !ok {
				continue
			}
			switch held[a] {
			case conflict.Definite:
				covered = true
			case conflict.Possible:
				covered = covered || !(h == conflict.Definite && weighed)
			}
		}
		switch {
		case covered:
		case !weighed:
			sh.Unweighed++
		case h == conflict.Definite:
			sh.Definite += wp
			sh.Places++
			counted = append(counted, p)
		default:
			sh.Possible += wp
			sh.PossiblePlaces++
		}
	}
	return sh, counted
}

// refGains is Gains by brute force.
func refGains(before, after conflict.Moment, ds conflict.Dataset, by conflict.Weight) []conflict.Gain {
	var parties []string
	for _, a := range ds.Actors {
		parties = append(parties, a.ID)
	}
	for _, b := range ds.Backers {
		parties = append(parties, b.ID)
	}
	var out []conflict.Gain
	for _, p := range parties {
		g := conflict.Gain{Party: p}
		var was, is []string
		g.Before, was = refShare(before, ds, p, by)
		g.After, is = refShare(after, ds, p, by)
		for _, x := range is {
			if !slices.Contains(was, x) {
				g.Gained = append(g.Gained, x)
			}
		}
		for _, x := range was {
			if !slices.Contains(is, x) {
				g.Lost = append(g.Lost, x)
			}
		}
		if g.Before != g.After || g.Gained != nil || g.Lost != nil {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b conflict.Gain) int {
		return cmp.Or(cmp.Compare(b.Net(), a.Net()), cmp.Compare(a.Party, b.Party))
	})
	return out
}

// territoryInstants returns instants around the days captures take effect
// (the nanosecond before the first day of the window, its midnight, the
// last day, the day after) and random ones.
func territoryInstants(ds conflict.Dataset, rng *rand.Rand, n int) []time.Time {
	var edges []time.Time
	for _, e := range ds.Events {
		if e.Kind != conflict.EventCapture {
			continue
		}
		start, end := e.Date.Window()
		edges = append(edges, start.Add(-time.Nanosecond), start, end.AddDate(0, 0, -1), end)
	}
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	out := edges[:min(len(edges), n)]
	for range n / 4 {
		out = append(out, time.Date(2010+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
	}
	return out
}

// checkTerritory compares Territory and Gains at the instants with the
// brute force.
func checkTerritory(t *testing.T, what string, ds conflict.Dataset, at func(time.Time) conflict.Moment,
	gains func(time.Time, time.Time, conflict.Weight) []conflict.Gain, instants []time.Time, rng *rand.Rand) {
	t.Helper()
	m := &mismatches{t: t, what: what}
	var parties []string
	for _, a := range ds.Actors {
		parties = append(parties, a.ID)
	}
	weighed := 0
	for i, q := range instants {
		mo := at(q)
		by := []conflict.Weight{conflict.WeightArea, conflict.WeightPopulation}[i%2]
		for range 6 {
			p := parties[rng.IntN(len(parties))]
			want, _ := refShare(mo, ds, p, by)
			weighed += want.Places + want.PossiblePlaces
			m.diff(fmt.Sprintf("At(%v).Territory(%s, %v)", q, p, by), want, mo.Territory(p, by))
		}
		if i%3 == 0 {
			other := instants[rng.IntN(len(instants))]
			m.diff(fmt.Sprintf("Gains(%v, %v, %v)", q, other, by), refGains(mo, at(other), ds, by), gains(q, other, by))
		}
	}
	m.done()
	if weighed == 0 && what == "Conflict" {
		t.Errorf("%s: no weighed place held", what)
	}
}

func TestTerritoryReference(t *testing.T) {
	ds := eventDataset(31, 2000)
	c := new(conflict.Conflict)
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(31, 3))
	n, views := 200, 6
	if testing.Short() {
		n, views = 40, 3
	}
	checkTerritory(t, "Conflict", ds, c.At, c.Gains, territoryInstants(ds, rng, n), rng)
	for _, k := range knowledgeDays(ds, rng, views) {
		part := knownAll(ds, k)
		v := c.AsOf(k)
		checkTerritory(t, "View as of "+k.Format(time.DateOnly), part, v.At, v.Gains, territoryInstants(ds, rng, n/4), rng)
	}
}

// border is a small record for the edges: a town taken on a day, one taken
// in a month, a contested one, and a region held as a whole with towns
// within it.
func border(t testing.TB) *conflict.Conflict {
	t.Helper()
	pt := &conflict.Point{Lat: 35, Lon: 38}
	pop := func(n float64, src string) *conflict.Population {
		return &conflict.Population{Count: n, Date: date("2004"), Sources: []string{src}}
	}
	s := []string{"s"}
	c := new(conflict.Conflict)
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "s", Published: date("2016-12-31")}, {ID: "late", Published: date("2018-01-01")}},
		Actors:  []conflict.Actor{{ID: "x", Name: "X"}, {ID: "y", Name: "Y"}},
		Locations: []conflict.Location{
			{ID: "a", Name: "A", Point: pt, Area: 10, Population: pop(1000, "s")},
			{ID: "b", Name: "B", Point: pt, Area: 5, Population: pop(500, "late")},
			{ID: "c", Name: "C", Point: pt, Area: 2},
			{ID: "r", Name: "R", Point: pt, Area: 100},
			{ID: "d", Name: "D", Within: "r", Point: pt, Area: 7},
			{ID: "e", Name: "E", Within: "r"},
			{ID: "f", Name: "F"},
			{ID: "g", Name: "G", Within: "r", Point: pt, Area: 3},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "x", To: "a", Sources: s},
			{Kind: conflict.RelationControls, From: "x", To: "b", Sources: s},
			{Kind: conflict.RelationControls, From: "x", To: "c", Sources: s},
			{Kind: conflict.RelationContests, From: "x", To: "c", Start: date("2016-05-01"), Sources: s},
			{Kind: conflict.RelationContests, From: "y", To: "c", Start: date("2016-05-01"), Sources: s},
			{Kind: conflict.RelationControls, From: "x", To: "r", Start: date("2016-06"), Sources: s},
			{Kind: conflict.RelationControls, From: "x", To: "d", Start: date("2016-06-01"), Sources: s},
			{Kind: conflict.RelationControls, From: "x", To: "e", Start: date("2016-06-01"), Sources: s},
			{Kind: conflict.RelationControls, From: "x", To: "f", Start: date("2016-06-01"), Sources: s},
			{Kind: conflict.RelationControls, From: "y", To: "g", Start: date("2016-06-01"), Sources: s},
		},
		Events: []conflict.Event{
			{ID: "a-taken", Kind: conflict.EventCapture, Date: date("2016-03-27"), Location: "a", Actors: []string{"y"}, Sources: s},
			{ID: "b-taken", Kind: conflict.EventCapture, Date: date("2016-03"), Location: "b", Actors: []string{"y"}, Sources: s},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestTerritoryEdges: a capture dated to a day moves the whole weight at
// that day's midnight; one dated to a month makes the place possible for
// both sides through the month; a contest makes the holder's place
// possible; a region counts for the places within it.
func TestTerritoryEdges(t *testing.T) {
	c := border(t)
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339Nano, s); return t }
	area, people := conflict.WeightArea, conflict.WeightPopulation
	for _, tt := range []struct {
		at    string
		party string
		by    conflict.Weight
		want  conflict.Share
	}{
		{"2016-02-29T12:00:00Z", "x", area, conflict.Share{Definite: 17, Places: 3}},
		{"2016-02-29T12:00:00Z", "y", area, conflict.Share{}},
		{"2016-03-01T00:00:00Z", "x", area, conflict.Share{Definite: 12, Places: 2, Possible: 5, PossiblePlaces: 1}},
		{"2016-03-01T00:00:00Z", "y", area, conflict.Share{Possible: 5, PossiblePlaces: 1}},
		{"2016-03-26T23:59:59.999999999Z", "x", area, conflict.Share{Definite: 12, Places: 2, Possible: 5, PossiblePlaces: 1}},
		{"2016-03-27T00:00:00Z", "x", area, conflict.Share{Definite: 2, Places: 1, Possible: 5, PossiblePlaces: 1}},
		{"2016-03-27T00:00:00Z", "y", area, conflict.Share{Definite: 10, Places: 1, Possible: 5, PossiblePlaces: 1}},
		{"2016-03-31T23:59:59Z", "y", area, conflict.Share{Definite: 10, Places: 1, Possible: 5, PossiblePlaces: 1}},
		{"2016-04-01T00:00:00Z", "x", area, conflict.Share{Definite: 2, Places: 1}},
		{"2016-04-01T00:00:00Z", "y", area, conflict.Share{Definite: 15, Places: 2}},
		{"2016-04-01T00:00:00Z", "y", people, conflict.Share{Definite: 1500, Places: 2}},
		{"2016-04-01T00:00:00Z", "x", people, conflict.Share{Unweighed: 1}},
		// Contested from May: C only possibly x's.
		{"2016-05-01T00:00:00Z", "x", area, conflict.Share{Possible: 2, PossiblePlaces: 1}},
		{"2016-05-01T00:00:00Z", "y", area, conflict.Share{Definite: 15, Places: 2}},
		// June: R possibly x's (its start is dated to the month); D definitely,
		// so D counts in Definite and R in Possible; E, unweighed, lies
		// within R; F, unweighed, does not.
		{"2016-06-01T00:00:00Z", "x", area, conflict.Share{Definite: 7, Places: 1, Possible: 102, PossiblePlaces: 2, Unweighed: 1}},
		// July: R definitely x's, and counts for D and E.
		{"2016-07-01T00:00:00Z", "x", area, conflict.Share{Definite: 100, Places: 1, Possible: 2, PossiblePlaces: 1, Unweighed: 1}},
		{"2016-07-01T00:00:00Z", "y", area, conflict.Share{Definite: 18, Places: 3}},
		{"2016-07-01T00:00:00Z", "nobody", area, conflict.Share{}},
		{"2016-07-01T00:00:00Z", "a", area, conflict.Share{}},
		{"2016-07-01T00:00:00Z", "y", conflict.Weight(0), conflict.Share{Unweighed: 3}},
	} {
		got := c.At(at(tt.at)).Territory(tt.party, tt.by)
		if diff := gocmp.Diff(tt.want, got); diff != "" {
			t.Errorf("At(%s).Territory(%s, %v) (-want +got)\n%s", tt.at, tt.party, tt.by, diff)
		}
	}

	// As known in 2017, B's population was not: B is unweighed.
	v := c.AsOf(at("2017-06-30T00:00:00Z"))
	if got, want := v.At(at("2016-04-01T00:00:00Z")).Territory("y", people), (conflict.Share{Definite: 1000, Places: 1, Unweighed: 1}); got != want {
		t.Errorf("as of 2017-06-30: %+v, want %+v", got, want)
	}

	gains := c.Gains(at("2016-03-26T12:00:00Z"), at("2016-03-27T00:00:00Z"), area)
	want := []conflict.Gain{
		{Party: "y", Before: conflict.Share{Possible: 5, PossiblePlaces: 1}, After: conflict.Share{Definite: 10, Places: 1, Possible: 5, PossiblePlaces: 1}, Gained: []string{"a"}},
		{Party: "x", Before: conflict.Share{Definite: 12, Places: 2, Possible: 5, PossiblePlaces: 1}, After: conflict.Share{Definite: 2, Places: 1, Possible: 5, PossiblePlaces: 1}, Lost: []string{"a"}},
	}
	if diff := gocmp.Diff(want, gains); diff != "" {
		t.Errorf("Gains over the capture of A (-want +got)\n%s", diff)
	}
	if got := c.Gains(at("2016-04-02T00:00:00Z"), at("2016-04-20T00:00:00Z"), area); got != nil {
		t.Errorf("Gains with nothing changed = %+v", got)
	}
}

func TestWeightText(t *testing.T) {
	for _, w := range []conflict.Weight{conflict.WeightArea, conflict.WeightPopulation} {
		b, _ := w.MarshalText()
		var back conflict.Weight
		if err := back.UnmarshalText(b); err != nil || back != w {
			t.Errorf("%v: read back %v, %v", w, back, err)
		}
	}
	var w conflict.Weight
	if err := w.UnmarshalText([]byte("acres")); !errors.Is(err, conflict.ErrKind) || w != 0 {
		t.Errorf("acres: %v, %v", w, err)
	}
}
