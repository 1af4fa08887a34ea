package conflict_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
)

// The benchmarks of events and territory, on generated conflicts of R =
// 10k, 100k and 1M stated relations (synth.Default(R)) with as many
// incidents (events that change no tie) besides the capture events, and
// areas and populations on the places with a point. Names:
// BenchmarkEvents/<query>/<impl>/R=<n> with query in month (every event in
// 30 days), party (a party's events in a year), region (the events at the
// places within a region in a year), town (every event at a town) and
// impl in conflict and naive (a filter of every event and a sort);
// BenchmarkTerritory/<query>/<impl>/R=<n> with query in territory
// (Moment.Territory of a party, by area) and gains (Conflict.Gains over 90
// days, by area) and impl in conflict and naive (Moment.Controller of every
// place of the record, and sums); BenchmarkEventIndex/R=<n>, the first
// event query after a change, which builds the index. The 1M sizes are
// skipped in -short mode.

// eventBench is one generated conflict with events and weights, and the
// arguments the benchmarks ask about.
type eventBench struct {
	ds     conflict.Dataset
	c      *conflict.Conflict
	within map[string]string

	instants []time.Time
	parties  []string
	regions  []string
	towns    []string // towns with events
}

var (
	eventBenchMu sync.Mutex
	eventBenches = map[int]*eventBench{}
)

// eventBenchConfig is the configuration of the benchmarks' record of R
// relations.
func eventBenchConfig(r int) synth.Config {
	cfg := synth.Default(r)
	cfg.Captures, cfg.Incidents, cfg.Weights = 0.3, r, true
	return cfg
}

func eventFixture(b *testing.B, r int) *eventBench {
	b.Helper()
	if r >= 1_000_000 && testing.Short() {
		b.Skip("1M relations: skipped in -short mode")
	}
	eventBenchMu.Lock()
	defer eventBenchMu.Unlock()
	if f := eventBenches[r]; f != nil {
		return f
	}
	start := time.Now()
	f := &eventBench{ds: synth.Generate(eventBenchConfig(r))}
	f.c = new(conflict.Conflict)
	if err := f.c.Add(f.ds); err != nil {
		b.Fatal(err)
	}
	f.within = evPlaces(f.ds)
	rng := rand.New(rand.NewPCG(43, uint64(r)))
	lo := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	var parties, regions, towns []string
	for _, a := range f.ds.Actors {
		parties = append(parties, a.ID)
	}
	for _, l := range f.ds.Locations {
		if l.Within == "country" {
			regions = append(regions, l.ID)
		}
	}
	for _, e := range f.ds.Events {
		if e.Location != "" && f.within[e.Location] != "country" && e.Location != "country" {
			towns = append(towns, e.Location)
		}
	}
	for range benchArgs {
		f.instants = append(f.instants, time.Unix(lo+rng.Int64N(hi-lo), 0).UTC())
		f.parties = append(f.parties, parties[rng.IntN(len(parties))])
		f.regions = append(f.regions, regions[rng.IntN(len(regions))])
		f.towns = append(f.towns, towns[rng.IntN(len(towns))])
	}
	f.c.Events(conflict.EventQuery{Party: f.parties[0]}) // build the indexes
	f.c.At(f.instants[0]).Territory(f.parties[0], conflict.WeightArea)
	eventBenches[r] = f
	b.Logf("R=%d: %d events, generated and indexed in %v", r, len(f.ds.Events), time.Since(start).Round(time.Millisecond))
	return f
}

// query returns the i-th query of a kind.
func (f *eventBench) query(kind string, i int) conflict.EventQuery {
	at := f.instants[i%benchArgs]
	switch kind {
	case "month":
		return conflict.EventQuery{From: at, To: at.AddDate(0, 0, 30)}
	case "party":
		return conflict.EventQuery{Party: f.parties[i%benchArgs], From: at, To: at.AddDate(1, 0, 0)}
	case "region":
		return conflict.EventQuery{Place: f.regions[i%benchArgs], From: at, To: at.AddDate(1, 0, 0)}
	}
	return conflict.EventQuery{Place: f.towns[i%benchArgs]}
}

func BenchmarkEvents(b *testing.B) {
	for _, kind := range []string{"month", "party", "region", "town"} {
		b.Run(kind, func(b *testing.B) {
			for _, impl := range []string{"conflict", "naive"} {
				b.Run(impl, func(b *testing.B) {
					for _, r := range benchSizes {
						b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
							f := eventFixture(b, r)
							runtime.GC()
							b.ReportAllocs()
							i, total := 0, 0
							for b.Loop() {
								q := f.query(kind, i)
								if impl == "conflict" {
									total += len(f.c.Events(q))
								} else {
									total += len(refEvents(f.ds, f.within, q))
								}
								i++
							}
							b.ReportMetric(float64(total)/float64(i), "events/op")
						})
					}
				})
			}
		})
	}
}

// naiveHoldings returns what every party holds at m, asking
// Moment.Controller of every place of ds.
func naiveHoldings(m conflict.Moment, ds conflict.Dataset) map[string]map[string]conflict.Certainty {
	out := map[string]map[string]conflict.Certainty{}
	for _, l := range ds.Locations {
		c := m.Controller(l.ID)
		if c.RolledUp {
			continue
		}
		for _, p := range append([]string{c.Holder}, c.Claimants...) {
			if p == "" {
				continue
			}
			h := conflict.Possible
			if c.Holder == p && c.Certainty == conflict.Definite && c.State != conflict.ControlContested {
				h = conflict.Definite
			}
			if out[p] == nil {
				out[p] = map[string]conflict.Certainty{}
			}
			out[p][l.ID] = h
		}
	}
	return out
}

// naiveGains is what a user would write for Gains on Moment.Controller.
func naiveGains(before, after conflict.Moment, ds conflict.Dataset, within map[string]string, w map[string]float64) []conflict.Gain {
	hb, ha := naiveHoldings(before, ds), naiveHoldings(after, ds)
	var parties []string
	for p := range hb {
		parties = append(parties, p)
	}
	for p := range ha {
		if _, ok := hb[p]; !ok {
			parties = append(parties, p)
		}
	}
	var out []conflict.Gain
	for _, p := range parties {
		g := conflict.Gain{Party: p}
		var was, is []string
		g.Before, was = refShareOf(hb[p], within, w)
		g.After, is = refShareOf(ha[p], within, w)
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

func BenchmarkTerritory(b *testing.B) {
	for _, kind := range []string{"territory", "gains"} {
		b.Run(kind, func(b *testing.B) {
			for _, impl := range []string{"conflict", "naive"} {
				b.Run(impl, func(b *testing.B) {
					for _, r := range benchSizes {
						b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
							f := eventFixture(b, r)
							w := refWeights(f.ds, conflict.WeightArea)
							runtime.GC()
							b.ReportAllocs()
							i := 0
							for b.Loop() {
								at := f.instants[i%benchArgs]
								switch {
								case kind == "territory" && impl == "conflict":
									sink += f.c.At(at).Territory(f.parties[i%benchArgs], conflict.WeightArea).Places
								case kind == "territory":
									h := naiveHoldings(f.c.At(at), f.ds)
									sh, _ := refShareOf(h[f.parties[i%benchArgs]], f.within, w)
									sink += sh.Places
								case impl == "conflict":
									sink += len(f.c.Gains(at, at.AddDate(0, 0, 90), conflict.WeightArea))
								default:
									sink += len(naiveGains(f.c.At(at), f.c.At(at.AddDate(0, 0, 90)), f.ds, f.within, w))
								}
								i++
							}
						})
					}
				})
			}
		})
	}
}

// BenchmarkEventIndex measures the first event query after a change: the
// building of the event index, on a record whose other indexes are built.
func BenchmarkEventIndex(b *testing.B) {
	for _, r := range benchSizes {
		b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
			f := eventFixture(b, r)
			runtime.GC()
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				c := new(conflict.Conflict)
				if err := c.Add(f.ds); err != nil {
					b.Fatal(err)
				}
				c.At(f.instants[0]).Controller(f.towns[0])
				b.StartTimer()
				sink += len(c.Events(conflict.EventQuery{Place: f.towns[0]}))
			}
		})
	}
}

// TestNaiveGainsAgrees keeps the benchmarks' baseline honest: it answers
// as Gains does.
func TestNaiveGainsAgrees(t *testing.T) {
	ds := eventDataset(51, 1500)
	c := new(conflict.Conflict)
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	within, w := evPlaces(ds), refWeights(ds, conflict.WeightArea)
	for _, y := range []int{2011, 2013, 2015, 2017} {
		from, to := time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 9, 1, 0, 0, 0, 0, time.UTC)
		m := &mismatches{t: t, what: "naiveGains"}
		m.diff(fmt.Sprint(y), c.Gains(from, to, conflict.WeightArea), naiveGains(c.At(from), c.At(to), ds, within, w))
		m.done()
	}
}
