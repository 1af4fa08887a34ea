package conflict_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
)

// The measure reference: Series, Peak and Latest, on the record and on
// views of it, equal a filter of the dataset's measures, written from
// their documentation.

func refSeries(ds conflict.Dataset, party string, q conflict.Quantity) []conflict.Measure {
	var out []conflict.Measure
	for _, m := range ds.Measures {
		if m.Party == party && m.Quantity == q {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b conflict.Measure) int { return a.Date.Compare(b.Date) })
	return out
}

func refPeak(ds conflict.Dataset, party string, q conflict.Quantity, from, to time.Time) (conflict.Measure, bool) {
	q1, q2 := evRange(from, to)
	var best conflict.Measure
	found := false
	for _, m := range refSeries(ds, party, q) {
		first, last := evWindow(m.Date)
		if first < q2 && q1 <= last && (!found || m.Value > best.Value) {
			best, found = m, true
		}
	}
	return best, found
}

func refLatest(ds conflict.Dataset, party string, q conflict.Quantity, t time.Time) []conflict.Measure {
	day := int64(dayNum(t))
	var before []conflict.Measure
	for _, m := range refSeries(ds, party, q) {
		if first, _ := evWindow(m.Date); first <= day {
			before = append(before, m)
		}
	}
	if len(before) == 0 {
		return nil
	}
	last := before[len(before)-1].Date
	var out []conflict.Measure
	for _, m := range before {
		if m.Date == last {
			out = append(out, m)
		}
	}
	return out
}

// measureAsker is what Conflict and View answer of measures.
type measureAsker interface {
	Series(string, conflict.Quantity) []conflict.Measure
	Peak(string, conflict.Quantity, time.Time, time.Time) (conflict.Measure, bool)
	Latest(string, conflict.Quantity, time.Time) []conflict.Measure
}

func checkMeasures(t *testing.T, what string, ds conflict.Dataset, a measureAsker, rng *rand.Rand, n int) {
	t.Helper()
	m := &mismatches{t: t, what: what}
	var edges []time.Time
	for _, x := range ds.Measures {
		start, end := x.Date.Window()
		edges = append(edges, start.Add(-time.Nanosecond), start, end.AddDate(0, 0, -1), end)
	}
	edges = append(edges, time.Time{})
	quantities := []conflict.Quantity{conflict.QuantityAreaKm2, conflict.QuantityPopulation, conflict.QuantityFighters, conflict.QuantityFatalities}
	found := 0
	for i := range n {
		var party string
		if len(ds.Measures) > 0 && i%4 != 0 {
			party = ds.Measures[rng.IntN(len(ds.Measures))].Party
		} else {
			party = ds.Actors[rng.IntN(len(ds.Actors))].ID
		}
		q := quantities[rng.IntN(len(quantities))]
		from, to := edges[rng.IntN(len(edges))], edges[rng.IntN(len(edges))]
		where := fmt.Sprintf("(%s, %s, %v, %v)", party, q, from, to)
		series := refSeries(ds, party, q)
		found += len(series)
		m.diff("Series"+where, series, a.Series(party, q))
		wm, wok := refPeak(ds, party, q, from, to)
		gm, gok := a.Peak(party, q, from, to)
		m.diff("Peak"+where, fmt.Sprint(wm, wm.Sources, wok), fmt.Sprint(gm, gm.Sources, gok))
		m.diff("Latest"+where, refLatest(ds, party, q, from), a.Latest(party, q, from))
	}
	m.done()
	if found == 0 && len(ds.Measures) > 0 {
		t.Errorf("%s: no series asked for had a measure", what)
	}
}

func TestMeasuresReference(t *testing.T) {
	ds := eventDataset(41, 3000)
	c := new(conflict.Conflict)
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(41, 1))
	checkMeasures(t, "Conflict", ds, c, rng, 2000)
	for _, k := range knowledgeDays(ds, rng, 8) {
		checkMeasures(t, "View as of "+k.Format(time.DateOnly), knownAll(ds, k), c.AsOf(k), rng, 300)
	}
	if got := c.Series("nobody", conflict.QuantityAreaKm2); got != nil {
		t.Errorf("Series of an unknown party = %v", got)
	}
}
