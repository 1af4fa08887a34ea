package synth_test

import (
	"bytes"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
)

// dates compares conflict.Date (which has unexported fields) by its text,
// which keeps its precision.
var dates = cmp.Transformer("date", func(d conflict.Date) string { return d.String() })

func TestGenerate(t *testing.T) {
	withCaptures := synth.Default(3000)
	withCaptures.Seed, withCaptures.Captures = 7, 0.3
	vague := synth.Default(2000)
	vague.Seed, vague.Imprecise, vague.YearShare, vague.Disputed, vague.Refined = 3, 0.6, 0.5, 0.15, 0.1
	small := synth.Default(300)
	small.Seed, small.Actors, small.Backers, small.Locations = 5, 3, 1, 4
	tests := []struct {
		name   string
		cfg    synth.Config
		events bool
		long   bool // skipped in -short and under -race
	}{
		{"default-3000", synth.Default(3000), false, false},
		{"captures", withCaptures, true, false},
		{"imprecise-and-disputed", vague, false, false},
		{"few-parties", small, false, false},
		{"default-100000", synth.Default(100000), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.long && (testing.Short() || raceEnabled) {
				t.Skip("large dataset in -short mode or under -race")
			}
			ds, st := synth.GenerateStats(tt.cfg)
			again := synth.Generate(tt.cfg)
			if diff := cmp.Diff(ds, again, dates); diff != "" {
				t.Fatalf("same seed, different dataset (-first +second):\n%s", diff)
			}
			other := tt.cfg
			other.Seed++
			if cmp.Equal(ds.Relations, synth.Generate(other).Relations, dates) {
				t.Errorf("seeds %d and %d gave the same relations", tt.cfg.Seed, other.Seed)
			}

			want := tt.cfg
			got := struct{ Relations, Actors, Backers, Locations, Sources int }{
				len(ds.Relations), len(ds.Actors), len(ds.Backers), len(ds.Locations), len(ds.Sources),
			}
			wantCounts := struct{ Relations, Actors, Backers, Locations, Sources int }{
				tt.cfg.Relations, want.Actors, want.Backers, want.Locations, want.Sources,
			}
			if diff := cmp.Diff(wantCounts, got); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
			if st.Relations != len(ds.Relations) || st.Events != len(ds.Events) {
				t.Errorf("Stats say %d relations and %d events; the dataset has %d and %d", st.Relations, st.Events, len(ds.Relations), len(ds.Events))
			}
			if tt.events != (len(ds.Events) > 0) {
				t.Errorf("%d events; want events: %v", len(ds.Events), tt.events)
			}
			pairs := map[[2]string]bool{}
			for _, r := range ds.Relations {
				pairs[[2]string{r.From, r.To}] = true
			}
			if st.Pairs != len(pairs) || st.Pairs >= st.Relations {
				t.Errorf("Stats.Pairs = %d; the dataset has %d ordered pairs among %d relations (want repeated pairs)", st.Pairs, len(pairs), st.Relations)
			}
			if st.OpenStarts == 0 || st.OpenEnds == 0 || st.MonthDates == 0 || st.YearDates == 0 || st.Disputed == 0 || st.Refined == 0 {
				t.Errorf("want some of every feature; got %+v", st)
			}

			var c conflict.Conflict
			if err := c.Add(ds); err != nil {
				t.Fatalf("the dataset does not load: %v", err)
			}
			ties := 0
			for range c.Ties() {
				ties++
			}
			if ties != st.Periods {
				t.Errorf("the record combines the claims into %d ties; the generator made %d periods", ties, st.Periods)
			}

			// And through the file format.
			var buf bytes.Buffer
			if err := c.Save(&buf); err != nil {
				t.Fatal(err)
			}
			if _, err := conflict.Load(&buf); err != nil {
				t.Fatalf("the saved dataset does not load: %v", err)
			}
		})
	}
}

// TestSkew checks that a few large parties take part in much of the record.
func TestSkew(t *testing.T) {
	ds := synth.Generate(synth.Default(20000))
	n := map[string]int{}
	for _, r := range ds.Relations {
		n[r.From]++
		if r.Kind.Territorial() {
			continue
		}
		n[r.To]++
	}
	counts := make([]int, 0, len(n))
	total := 0
	for _, k := range n {
		counts = append(counts, k)
		total += k
	}
	top := 0
	for range 5 {
		i := 0
		for j := range counts {
			if counts[j] > counts[i] {
				i = j
			}
		}
		top += counts[i]
		counts[i] = 0
	}
	parties := len(ds.Actors) + len(ds.Backers)
	if share := float64(top) / float64(total); share < 0.15 {
		t.Errorf("the 5 largest of %d parties take part in %.0f%% of relation ends; want a skew (≥ 15%%)", parties, 100*share)
	}
}
