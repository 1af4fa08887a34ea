package conflict_test

import (
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

// asOfBench is a generated record whose sources are published through its
// years (synth.Config.Knowledge), with the knowledge dates and arguments
// BenchmarkAsOf asks about.
type asOfBench struct {
	ds       conflict.Dataset
	c        *conflict.Conflict
	known    []time.Time // one day per distinct set of known sources, each the day a source became known
	instants []time.Time
	towns    []string
	held     int64 // see viewHeap
}

var (
	asOfMu      sync.Mutex
	asOfBenches = map[int]*asOfBench{}
)

func asOfFixture(b *testing.B, r int) *asOfBench {
	b.Helper()
	if r >= 1_000_000 && testing.Short() {
		b.Skip("1M relations: skipped in -short mode")
	}
	asOfMu.Lock()
	defer asOfMu.Unlock()
	if f := asOfBenches[r]; f != nil {
		return f
	}
	cfg := synth.Default(r)
	cfg.Knowledge = true
	ds := synth.Generate(cfg)
	f := &asOfBench{ds: ds, c: new(conflict.Conflict)}
	if err := f.c.Add(ds); err != nil {
		b.Fatal(err)
	}
	for _, s := range ds.Sources {
		if s.Published.IsZero() {
			continue
		}
		_, last := conflict.Bound{Date: s.Published}.Window()
		f.known = append(f.known, last.AddDate(0, 0, 1)) // known by then, whatever its precision
	}
	slices.SortFunc(f.known, time.Time.Compare)
	f.known = slices.Compact(f.known)
	seen := map[string]bool{}
	for _, rel := range ds.Relations {
		if rel.Kind == conflict.RelationControls && !seen[rel.To] {
			seen[rel.To] = true
			f.towns = append(f.towns, rel.To)
		}
	}
	rng := rand.New(rand.NewPCG(7, uint64(r)))
	for range benchArgs {
		f.instants = append(f.instants, time.Date(2010+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
	}
	asOfBenches[r] = f
	return f
}

// viewHeap returns the live heap one view of the record holds, measured
// once per process on a record of its own whose cache of views is empty
// (in f.c's, a new view evicts an old one of about its size).
func (f *asOfBench) viewHeap(b *testing.B) int64 {
	asOfMu.Lock()
	defer asOfMu.Unlock()
	if f.held == 0 {
		c := new(conflict.Conflict)
		if err := c.Add(f.ds); err != nil {
			b.Fatal(err)
		}
		c.At(f.instants[0]).Controller(f.towns[0])
		f.held = liveHeap(func() any {
			v := c.AsOf(f.known[len(f.known)/2])
			v.At(f.instants[0]).Controller(f.towns[0])
			return v
		})
		runtime.KeepAlive(c)
	}
	return f.held
}

// BenchmarkAsOf measures views of the record as known on a date, on a
// generated record whose sources are published through its years:
//
//   - view: the first question to a view that is not cached, cycling
//     through more distinct knowledge dates than a Conflict keeps views
//     of, so each one builds the view's index; it also reports the live
//     heap one view holds, per relation of the record;
//   - controller, count: a question to a view already built, as the same
//     question to the whole record costs in BenchmarkQuery.
func BenchmarkAsOf(b *testing.B) {
	for _, q := range []string{"view", "controller", "count"} {
		b.Run(q, func(b *testing.B) {
			for _, r := range benchSizes {
				b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
					f := asOfFixture(b, r)
					if len(f.known) <= 8 {
						b.Fatalf("%d knowledge dates: too few to miss the cache of views", len(f.known))
					}
					last := f.known[len(f.known)-1]
					v := f.c.AsOf(last)
					runtime.GC()
					b.ReportAllocs()
					i := 0
					for b.Loop() {
						at, town := f.instants[i%benchArgs], f.towns[i%len(f.towns)]
						switch q {
						case "view":
							sink += len(f.c.AsOf(f.known[i%len(f.known)]).At(at).Controller(town).Holder)
						case "controller":
							sink += len(v.At(at).Controller(town).Holder)
						default:
							sink += v.At(at).Count().Total()
						}
						i++
					}
					if q == "view" {
						b.ReportMetric(float64(f.viewHeap(b))/float64(r), "view-bytes/relation")
					}
				})
			}
		})
	}
}
