package synth_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
)

// TestAdditions: Incidents, Weights and Measures add to a dataset without
// changing what it held, load, and have some of every feature.
func TestAdditions(t *testing.T) {
	for _, knowledge := range []bool{false, true} {
		base := synth.Default(3000)
		base.Seed, base.Captures, base.Knowledge = 9, 0.3, knowledge
		cfg := base
		cfg.Incidents, cfg.Weights, cfg.Measures = 800, true, 120
		plain := synth.Generate(base)
		ds, st := synth.GenerateStats(cfg)

		if diff := cmp.Diff(plain.Relations, ds.Relations, dates); diff != "" {
			t.Errorf("the relations changed (-without +with):\n%s", diff)
		}
		var captures []conflict.Event
		for _, e := range ds.Events {
			if !strings.HasPrefix(e.ID, "incident-") {
				captures = append(captures, e)
			}
		}
		if diff := cmp.Diff(plain.Events, captures, dates); diff != "" {
			t.Errorf("the capture events changed (-without +with):\n%s", diff)
		}
		if st.Incidents != cfg.Incidents || st.Events != len(ds.Events) || st.Measures != cfg.Measures || len(ds.Measures) != cfg.Measures {
			t.Errorf("Stats %+v; %d events, %d measures", st, len(ds.Events), len(ds.Measures))
		}
		if !slices.IsSortedFunc(ds.Events, func(a, b conflict.Event) int { return a.Date.Compare(b.Date) }) {
			t.Error("events not in date order")
		}

		seen := map[string]bool{}
		for _, e := range ds.Events {
			for _, p := range e.Participants {
				seen["role "+p.Role.String()] = true
				if p.Sources != nil {
					seen["participant sources"] = true
				}
			}
			for _, f := range e.Figures {
				seen["figure "+f.Quantity.String()] = true
				seen["low"] = seen["low"] || f.Low != nil && f.Best == nil && f.High == nil
				seen["range"] = seen["range"] || f.Low != nil && f.Best != nil && f.High != nil
			}
			if e.Location == "" {
				seen["no place"] = true
			}
		}
		for _, l := range ds.Locations {
			seen["area"] = seen["area"] || l.Area > 0
			seen["population"] = seen["population"] || l.Population != nil
		}
		for i, m := range ds.Measures {
			if i > 0 && m.Date == ds.Measures[i-1].Date && m.Party == ds.Measures[i-1].Party {
				seen["disagreeing measures"] = true
			}
		}
		for _, want := range []string{"role actor", "role alongside", "role supporter", "role defender", "role target", "participant sources",
			"figure fatalities", "figure air-raids", "low", "range", "no place", "area", "population", "disagreeing measures"} {
			if !seen[want] {
				t.Errorf("knowledge %v: no %s", knowledge, want)
			}
		}

		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			t.Fatalf("knowledge %v: the dataset does not load: %v", knowledge, err)
		}
	}
}
