package conflict_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
)

// The as-of reference test: for every knowledge date in a seeded sample,
// every question asked of c.AsOf(k) gets the same answer as the same
// question asked of a conflict.Conflict built, independently, from only the claims
// whose sources were known by k. The filter below is written from the
// documentation of AsOf alone.

// knownBy reports whether a source published on pub is known on day k: a
// day-precise source from its day, any other once its whole window has
// passed; an undated source never.
func knownBy(pub conflict.Date, k time.Time) bool {
	if pub.IsZero() {
		return false
	}
	start, end := pub.Window()
	if pub.Precision() == conflict.PrecisionDay {
		return !start.After(k)
	}
	return !end.After(k)
}

// knownSources returns a function that keeps, of a list of source IDs,
// those of ds's sources known on day k, in their order; nil if none.
func knownSources(ds conflict.Dataset, k time.Time) func([]string) []string {
	known := map[string]bool{}
	for _, s := range ds.Sources {
		known[s.ID] = knownBy(s.Published, k)
	}
	return func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if known[id] {
				out = append(out, id)
			}
		}
		return out
	}
}

// knownDataset returns the part of ds known on day k.
func knownDataset(ds conflict.Dataset, k time.Time) conflict.Dataset {
	keep := knownSources(ds, k)
	out := conflict.Dataset{Name: ds.Name, TimeZone: ds.TimeZone, Sources: ds.Sources, Actors: ds.Actors, Backers: ds.Backers, Locations: ds.Locations}
	events := map[string]bool{}
	for _, e := range ds.Events {
		if srcs := keep(e.Sources); srcs != nil {
			e.Sources = srcs
			out.Events = append(out.Events, e)
			events[e.ID] = true
		}
	}
	for _, r := range ds.Relations {
		srcs := keep(r.Sources)
		if srcs == nil {
			continue
		}
		r.Sources = srcs
		if r.StartSources != nil {
			if r.StartSources = keep(r.StartSources); r.StartSources == nil {
				r.Start = conflict.Date{}
			}
		}
		if r.EndSources != nil {
			if r.EndSources = keep(r.EndSources); r.EndSources == nil {
				r.End = conflict.Date{}
			}
		}
		if !events[r.Event] {
			r.Event = ""
		}
		out.Relations = append(out.Relations, r)
	}
	return out
}

// asked is a set of questions and their answers.
type asked map[string]any

// ask asks the questions of the record as conflict.Conflict answers them: at the
// instants, of every node, over the ranges.
func ask(ties func() []conflict.Tie, at func(time.Time) conflict.Moment, timeline func(string) []conflict.Change, history func(string) []conflict.Tie,
	changes func(time.Time, time.Time) []conflict.Change, counts func(time.Time, time.Time, ...conflict.RelationKind) conflict.Count,
	ds conflict.Dataset, instants []time.Time) asked {
	a := asked{"ties": ties()}
	for _, q := range instants {
		m := at(q)
		day := q.Format("2006-01-02")
		var in []conflict.Tie
		for t := range m.Ties() {
			in = append(in, t)
		}
		slices.SortFunc(in, conflict.Tie.Compare)
		a["at "+day] = in
		a["count "+day] = []conflict.Count{m.Count(), m.Count(conflict.RelationControls), m.Count(conflict.RelationFights, conflict.RelationSupports)}
		a["alliances "+day] = m.Alliances()
		a["summary "+day] = m.Summary()
		sides, err := m.Sides(conflict.SidesOptions{Effort: 1})
		a["sides "+day] = fmt.Sprint(sides.Blocs, sides.Violations, err)
		for _, l := range ds.Locations {
			a["controller "+day+" "+l.ID] = m.Controller(l.ID)
		}
		for _, p := range ds.Actors {
			a["allies "+day+" "+p.ID] = m.Allies(p.ID)
			a["enemies "+day+" "+p.ID] = m.Enemies(p.ID)
			a["holdings "+day+" "+p.ID] = m.Holdings(p.ID)
			a["supporters "+day+" "+p.ID] = m.AllSupporters(p.ID)
		}
	}
	for _, n := range ds.Actors {
		a["timeline "+n.ID] = timeline(n.ID)
	}
	for _, l := range ds.Locations {
		a["timeline "+l.ID] = timeline(l.ID)
		a["history "+l.ID] = history(l.ID)
	}
	for i := 0; i+1 < len(instants); i += 2 {
		from, to := instants[i], instants[i+1]
		if to.Before(from) {
			from, to = to, from
		}
		a["changes "+from.Format("2006-01-02")+" "+to.Format("2006-01-02")] = changes(from, to)
		a["count changes "+from.Format("2006-01-02")+" "+to.Format("2006-01-02")] = []conflict.Count{counts(from, to), counts(from, to, conflict.RelationControls)}
	}
	return a
}

func askConflict(c *conflict.Conflict, ds conflict.Dataset, instants []time.Time) asked {
	return ask(func() []conflict.Tie { return slices.Collect(c.Ties()) }, c.At, c.Timeline, c.History, c.Changes, c.CountChanges, ds, instants)
}

func askView(v conflict.View, ds conflict.Dataset, instants []time.Time) asked {
	return ask(func() []conflict.Tie { return slices.Collect(v.Ties()) }, v.At, v.Timeline, v.History, v.Changes, v.CountChanges, ds, instants)
}

func TestAsOfReference(t *testing.T) {
	cfgs := []synth.Config{synth.Default(1500), synth.Default(1500)}
	cfgs[0].Seed, cfgs[0].Knowledge, cfgs[0].Sources = 11, true, 30
	cfgs[1].Seed, cfgs[1].Knowledge, cfgs[1].Sources, cfgs[1].Captures, cfgs[1].Imprecise = 12, true, 20, 0.3, 0.4
	for _, cfg := range cfgs {
		t.Run(fmt.Sprint("seed=", cfg.Seed), func(t *testing.T) {
			ds := synth.Generate(cfg)
			c := new(conflict.Conflict)
			if err := c.Add(ds); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(cfg.Seed, 1))
			// Knowledge dates: the day each source becomes known, the day
			// before, and random days over the window and beyond.
			var ks []time.Time
			for _, s := range ds.Sources {
				if s.Published.IsZero() {
					continue
				}
				start, end := s.Published.Window()
				if s.Published.Precision() != conflict.PrecisionDay {
					start = end
				}
				ks = append(ks, start, start.AddDate(0, 0, -1))
			}
			for range 6 {
				ks = append(ks, time.Date(2009+rng.IntN(13), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), 0, 0, 0, time.UTC))
			}
			if testing.Short() {
				ks = ks[:min(len(ks), 12)]
			}
			var instants []time.Time
			for range 8 {
				instants = append(instants, time.Date(2010+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
			}
			for _, k := range ks {
				var known conflict.Conflict
				if err := known.AddLettingTwoHolders(knownDataset(ds, k)); err != nil {
					t.Fatalf("the part known on %s does not load: %v", k, err)
				}
				want := askConflict(&known, ds, instants)
				got := askView(c.AsOf(k), ds, instants)
				bad := 0
				for q, w := range want {
					if diff := cmp.Diff(w, got[q]); diff != "" {
						if bad++; bad <= 3 {
							t.Errorf("as of %s, %s (-want +got)\n%s", k.Format(time.DateTime), q, diff)
						}
					}
				}
				if bad > 3 {
					t.Errorf("as of %s: %d answers differ in all", k.Format(time.DateTime), bad)
				}
			}
		})
	}
}
