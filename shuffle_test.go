package conflict_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
)

// TestShuffle checks that answers do not depend on the order of the
// records: the same dataset with its sources, nodes, relations and events
// shuffled answers every question the same. Only the order of a tie's
// claims may differ (it is the order they were added), so ties are
// compared with their claims sorted.
func TestShuffle(t *testing.T) {
	full, err := os.ReadFile("testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	var fixture conflict.Dataset
	if err := json.Unmarshal(full, &fixture); err != nil {
		t.Fatal(err)
	}
	captures := synth.Default(1500)
	captures.Seed, captures.Captures = 21, 0.4
	datasets := map[string]conflict.Dataset{
		"full.json": fixture,
		"captures":  synth.Generate(captures),
		"same-day":  capturesOnly(22),
	}
	canon := cmp.Transformer("tie", func(t conflict.Tie) string {
		var claims []string
		for _, r := range t.Claims() {
			b, _ := json.Marshal(r)
			claims = append(claims, string(b))
		}
		slices.Sort(claims)
		return fmt.Sprint(t.String(), " ", t.Certainty, " ", t.StartCitations(), t.EndCitations(), claims)
	})
	for name, ds := range datasets {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, 7))
			var instants []time.Time
			for range 12 {
				instants = append(instants, time.Date(2010+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
			}
			var c conflict.Conflict
			must(t, c.Add(ds))
			want := askConflict(&c, ds, instants)
			for round := range 3 {
				sh := ds
				sh.Sources = shuffled(rng, ds.Sources)
				sh.Actors = shuffled(rng, ds.Actors)
				sh.Backers = shuffled(rng, ds.Backers)
				sh.Relations = shuffled(rng, ds.Relations)
				sh.Events = shuffled(rng, ds.Events)
				var d conflict.Conflict
				if err := d.Add(sh); err != nil {
					t.Fatalf("round %d: the shuffled dataset does not load: %v", round, err)
				}
				got := askConflict(&d, ds, instants)
				bad := 0
				for q, w := range want {
					if diff := cmp.Diff(w, got[q], canon); diff != "" {
						if bad++; bad <= 3 {
							t.Errorf("round %d, %s (-in order +shuffled)\n%s", round, q, diff)
						}
					}
				}
			}
		})
	}
}

func shuffled[T any](rng *rand.Rand, s []T) []T {
	s = slices.Clone(s)
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

// capturesOnly returns a record told by captures alone, as ACLED's
// territory transfers tell it: places changing hands, a quarter of the
// changes with a rival capture by another party on the same day, on one
// source's word or another's.
func capturesOnly(seed uint64) conflict.Dataset {
	rng := rand.New(rand.NewPCG(seed, 3))
	ds := conflict.Dataset{Sources: []conflict.Source{{ID: "acled"}, {ID: "other"}}}
	for i := range 8 {
		ds.Actors = append(ds.Actors, conflict.Actor{ID: fmt.Sprintf("actor-%d", i), Name: fmt.Sprintf("Actor %d", i)})
	}
	for p := range 40 {
		place := fmt.Sprintf("town-%02d", p)
		ds.Locations = append(ds.Locations, conflict.Location{ID: place, Name: "Town " + place})
		day := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
		for k := range 10 {
			day = day.AddDate(0, 0, 1+rng.IntN(300))
			src := []string{"acled"}
			if rng.IntN(4) == 0 {
				src = []string{"other"}
			}
			captor := rng.IntN(len(ds.Actors))
			ev := conflict.Event{ID: fmt.Sprintf("%s-%d", place, k), Kind: conflict.EventCapture, Date: conflict.DateOf(day), Location: place,
				Actors: []string{ds.Actors[captor].ID}, Sources: src}
			ds.Events = append(ds.Events, ev)
			if rng.IntN(4) == 0 {
				ev.ID += "-rival"
				ev.Actors = []string{ds.Actors[(captor+1+rng.IntN(len(ds.Actors)-1))%len(ds.Actors)].ID}
				ds.Events = append(ds.Events, ev)
			}
		}
	}
	return ds
}
