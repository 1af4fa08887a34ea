package conflict_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/benchutil"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/conflictgraph/conflict/internal/unionfind"
)

// The benchmarks compare each query with the naive baseline (naive_test.go)
// on generated conflicts (internal/synth, synth.Default) of 10k, 100k and
// 1M stated relations, relations only (no events: the baseline cannot read
// events). Names: BenchmarkQuery/<query>/<impl>/R=<n> with query in
// controller, relations, relations-count, alliances, timeline, changes,
// changes-count, and impl in
//
//   - conflict: the library, the fastest way it has to the answer (for the
//     lists, the Append forms into a buffer reused from one call to the
//     next, as the copy floors reuse theirs);
//   - alloc (timeline, changes): the forms that return a fresh slice,
//     Conflict.Timeline and Conflict.Changes;
//   - iter (relations): Moment.Ties, the iterator, into a reused buffer;
//   - naive, or one of the floors (below), measured in the same run:
//     relations/scan, relations/copy, relations-count/scan,
//     alliances/unionfind, timeline/copy, changes/copy, changes-count/scan.
//
// BenchmarkLoad/R=<n> and BenchmarkSnapshot/R=<n> time the way from a file
// to a first answer (a dataset file, a binary snapshot), and
// BenchmarkSnapshotWrite/R=<n> the writing of a snapshot. The comparison
// with DuckDB is in the module bench/.
//
// Each query cycles through the same 1024 seeded arguments (instants in
// 2010–2019, towns with control claims, parties) for both implementations.
// Each dataset is built once per process and shared; each benchmark starts
// after a full garbage collection. The 1M sizes are skipped in -short mode.
// See BENCHMARKS.md for the commands and results.

var benchSizes = []int{10_000, 100_000, 1_000_000}

const benchArgs = 1024 // arguments cycled through in each benchmark

// benchFixture is one generated conflict, loaded, with the arguments the
// benchmarks ask about.
type benchFixture struct {
	r     int
	ds    conflict.Dataset
	stats synth.Stats
	file  []byte             // the dataset file: Conflict.Save of ds
	c     *conflict.Conflict // loaded from file, index built

	naiveOnce sync.Once
	naive     *naiveStore
	naiveErr  error

	instants []time.Time
	towns    []string // towns with control claims
	parties  []string

	tiesOnce sync.Once
	ties     []conflict.Tie // every tie: the source of the copy floor
	inForce  []int          // ties in force at each instant

	floors // the other floors' data, built on first use
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[int]*benchFixture{}
)

func fixture(b *testing.B, r int) *benchFixture {
	b.Helper()
	if r >= 1_000_000 && testing.Short() {
		b.Skip("1M relations: skipped in -short mode")
	}
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f := fixtures[r]; f != nil {
		return f
	}
	start := time.Now()
	f := &benchFixture{r: r}
	f.ds, f.stats = synth.GenerateStats(synth.Default(r))
	var c conflict.Conflict
	if err := c.Add(f.ds); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		b.Fatal(err)
	}
	f.file = buf.Bytes()
	loaded, err := conflict.Load(bytes.NewReader(f.file))
	if err != nil {
		b.Fatal(err)
	}
	f.c = loaded

	rng := rand.New(rand.NewPCG(42, uint64(r)))
	lo := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	held := map[string]bool{}
	for _, rel := range f.ds.Relations {
		if rel.Kind == conflict.RelationControls {
			held[rel.To] = true
		}
	}
	var towns, parties []string
	for _, l := range f.ds.Locations {
		if held[l.ID] {
			towns = append(towns, l.ID)
		}
	}
	for _, a := range f.ds.Actors {
		parties = append(parties, a.ID)
	}
	for _, k := range f.ds.Backers {
		parties = append(parties, k.ID)
	}
	for range benchArgs {
		f.instants = append(f.instants, time.Unix(lo+rng.Int64N(hi-lo), 0).UTC())
		f.towns = append(f.towns, towns[rng.IntN(len(towns))])
		f.parties = append(f.parties, parties[rng.IntN(len(parties))])
	}
	f.c.At(f.instants[0]).Controller(f.towns[0]) // build the index
	fixtures[r] = f
	b.Logf("R=%d: generated, saved (%d MB) and loaded in %v; %d periods, %d distinct ordered pairs", r, len(f.file)>>20, time.Since(start).Round(time.Millisecond), f.stats.Periods, f.stats.Pairs)
	return f
}

// naiveStore returns the naive store of the fixture, built on first use.
func (f *benchFixture) naiveStore(b *testing.B) *naiveStore {
	f.naiveOnce.Do(func() {
		start := time.Now()
		f.naive, f.naiveErr = newNaive(f.ds)
		if f.naiveErr == nil {
			b.Logf("R=%d: naive store built in %v; it lost %d of %d relations", f.r, time.Since(start).Round(time.Millisecond), f.naive.lost, f.r)
		}
	})
	if f.naiveErr != nil {
		b.Fatal(f.naiveErr)
	}
	return f.naive
}

// allTies returns every tie, and how many are in force at each instant.
func (f *benchFixture) allTies() ([]conflict.Tie, []int) {
	f.tiesOnce.Do(func() {
		f.ties = slices.Collect(f.c.Ties())
		for _, at := range f.instants {
			n := 0
			for range f.c.At(at).Ties() {
				n++
			}
			f.inForce = append(f.inForce, n)
		}
	})
	return f.ties, f.inForce
}

var sink int // keeps results alive

type benchImpl struct {
	name string
	run  func(b *testing.B, f *benchFixture)
	prep func(b *testing.B, f *benchFixture) // builds what run needs, before the timing starts; may be nil
}

func prepNaive(b *testing.B, f *benchFixture) { f.naiveStore(b) }
func prepTies(_ *testing.B, f *benchFixture)  { f.allTies() }

func BenchmarkQuery(b *testing.B) {
	queries := []struct {
		name  string
		impls []benchImpl
	}{
		{"controller", []benchImpl{{"conflict", benchControllerConflict, nil}, {"naive", benchControllerNaive, prepNaive}}},
		{"relations", []benchImpl{{"conflict", benchRelationsConflict, nil}, {"iter", benchRelationsIter, nil}, {"naive", benchRelationsNaive, prepNaive}, {"copy", benchRelationsCopy, prepTies}, {"scan", benchRelationsScan, prepScan}}},
		{"relations-count", []benchImpl{{"conflict", benchRelationsCount, nil}, {"scan", benchRelationsCountScan, prepScan}}},
		{"alliances", []benchImpl{{"conflict", benchAlliancesConflict, nil}, {"naive", benchAlliancesNaive, prepNaive}, {"unionfind", benchAlliancesUnionFind, prepUnionFind}}},
		{"timeline", []benchImpl{{"conflict", benchTimelineConflict, nil}, {"alloc", benchTimelineAlloc, nil}, {"naive", benchTimelineNaive, prepNaive}, {"copy", benchTimelineCopy, prepChanges}}},
		{"changes", []benchImpl{{"conflict", benchChangesConflict, nil}, {"alloc", benchChangesAlloc, nil}, {"naive", benchChangesNaive, prepNaive}, {"copy", benchChangesCopy, prepChanges}}},
		{"changes-count", []benchImpl{{"conflict", benchChangesCount, nil}, {"scan", benchChangesCountScan, prepChangesScan}}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			for _, impl := range q.impls {
				b.Run(impl.name, func(b *testing.B) {
					for _, r := range benchSizes {
						b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
							f := fixture(b, r)
							if impl.prep != nil {
								impl.prep(b, f)
							}
							// Start on a quiet heap: with a 1M-relation fixture
							// a GC cycle left running from the setup or the
							// previous benchmark takes seconds, and slows the
							// loop with its write barriers.
							runtime.GC()
							b.ReportAllocs()
							impl.run(b, f)
						})
					}
				})
			}
		})
	}
}

func benchControllerConflict(b *testing.B, f *benchFixture) {
	i := 0
	for b.Loop() {
		ctl := f.c.At(f.instants[i%benchArgs]).Controller(f.towns[i%benchArgs])
		sink += len(ctl.Holder)
		i++
	}
}

func benchControllerNaive(b *testing.B, f *benchFixture) {
	n := f.naiveStore(b)
	i := 0
	for b.Loop() {
		ctl := n.controller(f.towns[i%benchArgs], f.instants[i%benchArgs])
		sink += len(ctl.Holder)
		i++
	}
}

// The relations benchmarks consume every tie in force into a reused buffer
// and report the cost per tie, ns/tie.

func benchRelationsConflict(b *testing.B, f *benchFixture) {
	var buf []conflict.Tie
	i, total := 0, 0
	for b.Loop() {
		buf = f.c.At(f.instants[i%benchArgs]).AppendTies(buf[:0])
		total += len(buf)
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(total, 1)), "ns/tie")
}

func benchRelationsIter(b *testing.B, f *benchFixture) {
	var buf []conflict.Tie
	i, total := 0, 0
	for b.Loop() {
		buf = buf[:0]
		for t := range f.c.At(f.instants[i%benchArgs]).Ties() {
			buf = append(buf, t)
		}
		total += len(buf)
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(total, 1)), "ns/tie")
}

func benchRelationsCount(b *testing.B, f *benchFixture) {
	i := 0
	for b.Loop() {
		sink += f.c.At(f.instants[i%benchArgs]).Count().Total()
		i++
	}
}

func benchRelationsNaive(b *testing.B, f *benchFixture) {
	n := f.naiveStore(b)
	var buf []naiveTie
	i, total := 0, 0
	for b.Loop() {
		buf = n.relations(f.instants[i%benchArgs], buf[:0])
		total += len(buf)
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(total, 1)), "ns/tie")
}

// benchRelationsCopy is the floor: a plain sequential copy of as many
// conflict.Tie values as are in force at each instant, from a prebuilt
// slice into a reused buffer.
func benchRelationsCopy(b *testing.B, f *benchFixture) {
	ties, inForce := f.allTies()
	buf := make([]conflict.Tie, len(ties))
	i, total := 0, 0
	for b.Loop() {
		k := inForce[i%benchArgs]
		copy(buf[:k], ties[:k])
		total += k
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(total, 1)), "ns/tie")
}

func benchAlliancesConflict(b *testing.B, f *benchFixture) {
	i := 0
	for b.Loop() {
		sink += len(f.c.At(f.instants[i%benchArgs]).Alliances())
		i++
	}
}

func benchAlliancesNaive(b *testing.B, f *benchFixture) {
	n := f.naiveStore(b)
	i := 0
	for b.Loop() {
		sink += len(n.alliances(f.instants[i%benchArgs]))
		i++
	}
}

func benchTimelineConflict(b *testing.B, f *benchFixture) {
	var buf []conflict.Change
	i := 0
	for b.Loop() {
		buf = f.c.AppendTimeline(buf[:0], f.parties[i%benchArgs])
		sink += len(buf)
		i++
	}
}

func benchTimelineAlloc(b *testing.B, f *benchFixture) {
	i := 0
	for b.Loop() {
		sink += len(f.c.Timeline(f.parties[i%benchArgs]))
		i++
	}
}

func benchTimelineNaive(b *testing.B, f *benchFixture) {
	n := f.naiveStore(b)
	i := 0
	for b.Loop() {
		sink += len(n.timeline(f.parties[i%benchArgs]))
		i++
	}
}

// The changes benchmarks ask what changed in the 30 days from an instant.

func benchChangesConflict(b *testing.B, f *benchFixture) {
	var buf []conflict.Change
	i := 0
	for b.Loop() {
		at := f.instants[i%benchArgs]
		buf = f.c.AppendChanges(buf[:0], at, at.AddDate(0, 0, 30))
		sink += len(buf)
		i++
	}
}

func benchChangesAlloc(b *testing.B, f *benchFixture) {
	i := 0
	for b.Loop() {
		at := f.instants[i%benchArgs]
		sink += len(f.c.Changes(at, at.AddDate(0, 0, 30)))
		i++
	}
}

func benchChangesCount(b *testing.B, f *benchFixture) {
	i := 0
	for b.Loop() {
		at := f.instants[i%benchArgs]
		sink += f.c.CountChanges(at, at.AddDate(0, 0, 30)).Total()
		i++
	}
}

func benchChangesNaive(b *testing.B, f *benchFixture) {
	n := f.naiveStore(b)
	i := 0
	for b.Loop() {
		at := f.instants[i%benchArgs]
		sink += len(n.changes(at, at.AddDate(0, 0, 30)))
		i++
	}
}

// The floors: what any implementation must at least spend on each answer,
// measured in the same run as the queries. Each works on data prepared
// before the timing starts.
//
//   - relations/scan: a plain loop over two int32 arrays, the first and
//     the last-plus-one day each tie may be in force (refSpanOf), counting
//     what is in force on the instant's day: the count numpy's
//     ((lo <= q) & (q < hi)).sum() makes. It reports ns/tie, per tie in
//     force, as the other relations benchmarks do;
//   - relations/copy: a copy of as many conflict.Tie values as are in force
//     (above);
//   - relations-count/scan: the relations/scan loop, counting the ties
//     possibly and definitely in force (four int32 arrays), what a count
//     costs without an index;
//   - changes-count/scan: a plain loop over two int32 arrays, the first and
//     the last day each dated change may have taken effect, counting those
//     that may and those that surely fall in the 30 days from the instant;
//   - alliances/unionfind: one union-find pass (internal/unionfind) over a
//     prebuilt list of the party–party ties in force at the instant, as
//     pairs of party numbers: mark both ends active, join the positive ones;
//   - changes/copy and timeline/copy: a copy of as many conflict.Change
//     values as Conflict.Changes (30 days from the instant) and
//     Conflict.Timeline (of the party) return, from a prebuilt slice.
type floors struct {
	scanOnce sync.Once
	lo, hi   []int32 // each tie possibly holds on the days [lo, hi)
	days     []int32 // the day of each instant

	changesOnce sync.Once
	changes     []conflict.Change // every dated change of the record
	changesIn   []int             // changes in the 30 days from each instant
	timelineLen []int             // changes in each party's timeline
	chFirst     []int32           // the first day each change may have taken effect
	chLast      []int32           // and the last
	sureLo      []int32           // each tie definitely holds on the days [sureLo, sureHi)
	sureHi      []int32

	unionOnce  sync.Once
	partyCount int     // parties in the record
	pairs      []int32 // per instant, the party ties in force: a, b, with ^b for a hostile tie
	pairsOff   []int   // instant i's pairs are pairs[pairsOff[i]:pairsOff[i+1]]
}

func prepScan(_ *testing.B, f *benchFixture) {
	f.scanOnce.Do(func() {
		ties, _ := f.allTies()
		for _, t := range ties {
			s := refSpanOf(t)
			f.lo = append(f.lo, s.sLo)
			f.hi = append(f.hi, s.eHi)
			f.sureLo = append(f.sureLo, s.sHi)
			f.sureHi = append(f.sureHi, s.eLo)
		}
		for _, at := range f.instants {
			f.days = append(f.days, dayNum(at))
		}
	})
}

func prepChanges(_ *testing.B, f *benchFixture) {
	f.changesOnce.Do(func() {
		f.changes = f.c.Changes(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
		for _, c := range f.changes {
			lo, _ := c.When().Window()
			f.chFirst = append(f.chFirst, dayNum(lo))
			f.chLast = append(f.chLast, lastDay(c.When()))
		}
		for i, at := range f.instants {
			f.changesIn = append(f.changesIn, len(f.c.Changes(at, at.AddDate(0, 0, 30))))
			f.timelineLen = append(f.timelineLen, len(f.c.Timeline(f.parties[i])))
		}
	})
}

func prepChangesScan(b *testing.B, f *benchFixture) {
	prepScan(b, f)
	prepChanges(b, f)
}

func prepUnionFind(b *testing.B, f *benchFixture) {
	f.unionOnce.Do(func() {
		party := map[string]int32{}
		for a := range f.c.Actors() {
			party[a.ID] = int32(len(party))
		}
		for k := range f.c.Backers() {
			party[k.ID] = int32(len(party))
		}
		f.partyCount = len(party)
		f.pairsOff = []int{0}
		for _, at := range f.instants {
			for t := range f.c.At(at).Ties() {
				if t.Kind.Territorial() {
					continue
				}
				a, b := party[t.From], party[t.To]
				if !t.Kind.Positive() {
					b = ^b
				}
				f.pairs = append(f.pairs, a, b)
			}
			f.pairsOff = append(f.pairsOff, len(f.pairs))
		}
		f.pairs = slices.Clip(f.pairs)
		b.Logf("R=%d: %d party ties in force per instant on average", f.r, len(f.pairs)/2/len(f.instants))
	})
}

func benchRelationsScan(b *testing.B, f *benchFixture) {
	lo, hi := f.lo, f.hi
	i, total := 0, 0
	for b.Loop() {
		q, n := f.days[i%benchArgs], 0
		for k := range lo {
			if lo[k] <= q && q < hi[k] {
				n++
			}
		}
		total += n
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(total, 1)), "ns/tie")
}

func benchRelationsCountScan(b *testing.B, f *benchFixture) {
	lo, hi, sureLo, sureHi := f.lo, f.hi, f.sureLo, f.sureHi
	i := 0
	for b.Loop() {
		q, possible, definite := f.days[i%benchArgs], 0, 0
		for k := range lo {
			if lo[k] <= q && q < hi[k] {
				possible++
				if sureLo[k] <= q && q < sureHi[k] {
					definite++
				}
			}
		}
		sink += possible + definite
		i++
	}
}

func benchChangesCountScan(b *testing.B, f *benchFixture) {
	first, last := f.chFirst, f.chLast
	i := 0
	for b.Loop() {
		q1 := f.days[i%benchArgs]
		q2 := q1 + 30
		possible, definite := 0, 0
		for k := range first {
			if first[k] < q2 && q1 <= last[k] {
				possible++
				if q1 <= first[k] && last[k] < q2 {
					definite++
				}
			}
		}
		sink += possible + definite
		i++
	}
}

func benchAlliancesUnionFind(b *testing.B, f *benchFixture) {
	var sets unionfind.Sets
	active := make([]bool, f.partyCount)
	i := 0
	for b.Loop() {
		k := i % benchArgs
		sets.Reset(f.partyCount)
		clear(active)
		pairs := f.pairs[f.pairsOff[k]:f.pairsOff[k+1]]
		for j := 0; j+1 < len(pairs); j += 2 {
			a, c := pairs[j], pairs[j+1]
			if c < 0 {
				active[a], active[^c] = true, true
				continue
			}
			active[a], active[c] = true, true
			sets.Union(a, c)
		}
		sink += sets.Count()
		i++
	}
}

func benchChangesCopy(b *testing.B, f *benchFixture) {
	buf := make([]conflict.Change, len(f.changes))
	i := 0
	for b.Loop() {
		sink += copy(buf[:f.changesIn[i%benchArgs]], f.changes)
		i++
	}
}

func benchTimelineCopy(b *testing.B, f *benchFixture) {
	buf := make([]conflict.Change, len(f.changes))
	i := 0
	for b.Loop() {
		sink += copy(buf[:f.timelineLen[i%benchArgs]], f.changes)
		i++
	}
}

// BenchmarkLoad measures the way from the dataset file (Conflict.Save of
// the generated dataset) to a first answered question: Load, then one
// Controller call, which builds the index. It also reports the memory the
// record and its indexes hold per relation:
//
//   - bytes/relation: live heap (runtime.MemStats.HeapAlloc after
//     runtime.GC) of the loaded Conflict with its index built, minus that
//     of the same dataset without its relations (the same sources, actors,
//     backers and locations, also loaded and indexed), divided by R. So
//     names, aliases, sources and every per-node table are left out.
//   - bytes/relation-with-names: the whole Conflict with its index,
//     divided by R.
//   - peak/resident: the most heap in use at once during one Load of the
//     file and a first answer, over the heap the loaded Conflict keeps,
//     both measured in a process of its own (peakOverResident): how much
//     more than it keeps a load needs at its height. The file's bytes,
//     which Load reads whole, count in the peak.
func BenchmarkLoad(b *testing.B) {
	for _, r := range benchSizes {
		b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
			f := fixture(b, r)
			at, loc := f.instants[0], f.towns[0]
			load := func(file []byte) *conflict.Conflict {
				c, err := conflict.Load(bytes.NewReader(file))
				if err != nil {
					b.Fatal(err)
				}
				c.At(at).Controller(loc)
				return c
			}
			nodes := f.ds
			nodes.Relations, nodes.Events = nil, nil
			var c conflict.Conflict
			if err := c.Add(nodes); err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := c.Save(&buf); err != nil {
				b.Fatal(err)
			}
			withNames := liveHeap(func() any { return load(f.file) })
			ratio := peakOverResident(b, f.file)
			names := liveHeap(func() any { return load(buf.Bytes()) })

			b.ReportAllocs()
			for b.Loop() {
				load(f.file)
			}
			b.ReportMetric(float64(withNames-names)/float64(r), "bytes/relation")
			b.ReportMetric(float64(withNames)/float64(r), "bytes/relation-with-names")
			b.ReportMetric(ratio, "peak/resident")
		})
	}
}

// peakOverResident loads file in a process of its own (this test binary,
// running TestLoadPeakChild), so that neither the benchmarks' fixtures nor
// the garbage collector's pacing for them inflate the peak, and returns
// the most heap in use at once during Load and a first answer (sampled
// every millisecond) over the heap the loaded Conflict keeps.
func peakOverResident(b *testing.B, file []byte) float64 {
	path := filepath.Join(b.TempDir(), "dataset.json")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadPeakChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CONFLICT_PEAK_FILE="+path)
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("measuring the peak heap of a load: %v\n%s", err, out)
	}
	var peak, kept float64
	for line := range strings.Lines(string(out)) {
		if _, err := fmt.Sscanf(line, "peak %g kept %g", &peak, &kept); err == nil && kept > 0 {
			return peak / kept
		}
	}
	b.Fatalf("measuring the peak heap of a load: no figures in %q", out)
	return 0
}

// TestLoadPeakChild is the process peakOverResident starts: it loads the
// file CONFLICT_PEAK_FILE names, asks one question, and prints the peak
// heap and the heap kept, in bytes. Without the variable it does nothing.
func TestLoadPeakChild(t *testing.T) {
	path := os.Getenv("CONFLICT_PEAK_FILE")
	if path == "" {
		t.Skip("run by BenchmarkLoad")
	}
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop := benchutil.SamplePeakHeap()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := conflict.Load(fh)
	fh.Close()
	if err != nil {
		t.Fatal(err)
	}
	c.At(time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)).Controller("")
	peak := stop()
	runtime.GC()
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(c)
	fmt.Printf("peak %d kept %d\n", peak-min(peak, base.HeapAlloc), after.HeapAlloc-min(after.HeapAlloc, base.HeapAlloc))
}

// liveHeap returns the bytes of live heap that what build returns holds.
func liveHeap(build func() any) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	x := build()
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(x)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// TestControllerSingleAnswerAllocates nothing: Moment.Controller documents
// that it allocates only when the answer has lists (several claimants,
// besiegers, contenders).
func TestControllerSingleAnswerAllocates(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage counters allocate")
	}
	ds := synth.Generate(synth.Default(5000))
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	var at time.Time
	var loc string
	for _, l := range ds.Locations {
		for y := 2010; y < 2020 && loc == ""; y++ {
			x := time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC)
			ctl := c.At(x).Controller(l.ID)
			if ctl.Holder != "" && ctl.Claimants == nil && ctl.Besiegers == nil && ctl.Contenders == nil && !ctl.RolledUp {
				at, loc = x, l.ID
			}
		}
	}
	if loc == "" {
		t.Fatal("no place with a single holder found")
	}
	m := c.At(at)
	if n := testing.AllocsPerRun(1000, func() { sink += len(m.Controller(loc).Holder) }); n != 0 {
		t.Errorf("Controller(%q) at %v (one holder, no lists) allocates %v times per call; want 0", loc, at, n)
	}
	if n := testing.AllocsPerRun(1000, func() { sink += len(c.At(at).Controller(loc).Holder) }); n != 0 {
		t.Errorf("At(%v).Controller(%q) allocates %v times per call; want 0", at, loc, n)
	}
}

// BenchmarkSnapshot/R=<n> times the way from a binary snapshot in memory
// (Conflict.WriteTo of the loaded dataset) to a first answer: ReadSnapshot
// then one Controller call, as BenchmarkLoad does from the dataset file.
// snapshot-bytes/relation is the snapshot's size divided by R.
func BenchmarkSnapshot(b *testing.B) {
	for _, r := range benchSizes {
		b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
			f := fixture(b, r)
			at, loc := f.instants[0], f.towns[0]
			var buf bytes.Buffer
			if _, err := f.c.WriteTo(&buf); err != nil {
				b.Fatal(err)
			}
			snap := buf.Bytes()
			b.ReportAllocs()
			for b.Loop() {
				c, err := conflict.ReadSnapshot(bytes.NewReader(snap))
				if err != nil {
					b.Fatal(err)
				}
				c.At(at).Controller(loc)
			}
			b.ReportMetric(float64(len(snap))/float64(r), "snapshot-bytes/relation")
		})
	}
}

// BenchmarkSnapshotWrite/R=<n> times Conflict.WriteTo of the loaded
// dataset into a buffer reused from one call to the next.
func BenchmarkSnapshotWrite(b *testing.B) {
	for _, r := range benchSizes {
		b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
			f := fixture(b, r)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if _, err := f.c.WriteTo(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/float64(r), "snapshot-bytes/relation")
		})
	}
}
