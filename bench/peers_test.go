package bench

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/conflictgraph/conflict"
)

// BenchmarkPeers times each question on the library and on DuckDB, in the
// same run, on the same generated record (synth.Default(R), relations only)
// and the same 1024 arguments as the root package's BenchmarkQuery. Names:
// BenchmarkPeers/<query>/<impl>/R=<n>, impl conflict or duckdb, query one
// of:
//
//   - relations-count: how many ties are in force at an instant
//     (Moment.Count);
//   - relations: the ties in force, into a reused buffer (Moment.AppendTies;
//     also ns/tie);
//   - controller: who holds a town with control claims;
//   - allies: a party's allies;
//   - changes-count, changes: what changed in the 30 days from an instant,
//     how many (Conflict.CountChanges) and the list, into a reused buffer
//     (Conflict.AppendChanges; also ns/change);
//   - timeline: every change of a party's ties, into a reused buffer
//     (Conflict.AppendTimeline);
//   - load: from the file (the library's dataset file; the CSV of the ties
//     for DuckDB) to a first answer (a controller question);
//   - snapshot: the same, the library reading its binary snapshot
//     (conflict.ReadSnapshot) instead of the dataset file; DuckDB's side is
//     load's.
//
// Each record is built once per process and shared; each benchmark starts
// after a full garbage collection. Sizes are 10k, 100k and 1M relations;
// -short runs only 10k. DuckDB runs with its default settings (as many
// threads as cores); the library answers on the calling goroutine.
func BenchmarkPeers(b *testing.B) {
	sizes := []int{10_000, 100_000, 1_000_000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, q := range peerQueries {
		b.Run(q.name, func(b *testing.B) {
			for _, impl := range []struct {
				name string
				run  func(*testing.B, *fixture)
			}{{"conflict", q.conflict}, {"duckdb", q.duckdb}} {
				b.Run(impl.name, func(b *testing.B) {
					for _, r := range sizes {
						b.Run(fmt.Sprintf("R=%d", r), func(b *testing.B) {
							f := benchFixture(b, r)
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

var sink int // keeps results alive

// check stops the benchmark on a DuckDB error.
func check(b *testing.B, err error) {
	if err != nil {
		b.Fatal(err)
	}
}

// perRecord reports the time per record returned.
func perRecord(b *testing.B, total int, unit string) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(total, 1)), "ns/"+unit)
}

var peerQueries = []struct {
	name             string
	conflict, duckdb func(*testing.B, *fixture)
}{
	{"relations-count", func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			sink += f.c.At(f.instants[i%benchArgs]).Count().Total()
			i++
		}
	}, func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			n, err := f.db.RelationCount(f.instants[i%benchArgs])
			check(b, err)
			sink += n
			i++
		}
	}},

	{"relations", func(b *testing.B, f *fixture) {
		var buf []conflict.Tie
		i, total := 0, 0
		for b.Loop() {
			buf = f.c.At(f.instants[i%benchArgs]).AppendTies(buf[:0])
			total += len(buf)
			i++
		}
		perRecord(b, total, "tie")
	}, func(b *testing.B, f *fixture) {
		var buf []Tie
		var err error
		i, total := 0, 0
		for b.Loop() {
			buf, err = f.db.Relations(f.instants[i%benchArgs], buf[:0])
			check(b, err)
			total += len(buf)
			i++
		}
		perRecord(b, total, "tie")
	}},

	{"controller", func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			sink += len(f.c.At(f.instants[i%benchArgs]).Controller(f.towns[i%benchArgs]).Holder)
			i++
		}
	}, func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			c, err := f.db.Controller(f.towns[i%benchArgs], f.instants[i%benchArgs])
			check(b, err)
			sink += len(c.Holder)
			i++
		}
	}},

	{"allies", func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			sink += len(f.c.At(f.instants[i%benchArgs]).Allies(f.parties[i%benchArgs]))
			i++
		}
	}, func(b *testing.B, f *fixture) {
		var buf []conflict.Party
		var err error
		i := 0
		for b.Loop() {
			buf, err = f.db.Allies(f.parties[i%benchArgs], f.instants[i%benchArgs], buf[:0])
			check(b, err)
			sink += len(buf)
			i++
		}
	}},

	{"changes-count", func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			at := f.instants[i%benchArgs]
			sink += f.c.CountChanges(at, at.AddDate(0, 0, 30)).Total()
			i++
		}
	}, func(b *testing.B, f *fixture) {
		i := 0
		for b.Loop() {
			at := f.instants[i%benchArgs]
			n, err := f.db.ChangeCount(at, at.AddDate(0, 0, 30))
			check(b, err)
			sink += n
			i++
		}
	}},

	{"changes", func(b *testing.B, f *fixture) {
		var buf []conflict.Change
		i, total := 0, 0
		for b.Loop() {
			at := f.instants[i%benchArgs]
			buf = f.c.AppendChanges(buf[:0], at, at.AddDate(0, 0, 30))
			total += len(buf)
			i++
		}
		perRecord(b, total, "change")
	}, func(b *testing.B, f *fixture) {
		var buf []Change
		var err error
		i, total := 0, 0
		for b.Loop() {
			at := f.instants[i%benchArgs]
			buf, err = f.db.Changes(at, at.AddDate(0, 0, 30), buf[:0])
			check(b, err)
			total += len(buf)
			i++
		}
		perRecord(b, total, "change")
	}},

	{"timeline", func(b *testing.B, f *fixture) {
		var buf []conflict.Change
		i := 0
		for b.Loop() {
			buf = f.c.AppendTimeline(buf[:0], f.parties[i%benchArgs])
			sink += len(buf)
			i++
		}
	}, func(b *testing.B, f *fixture) {
		var buf []Change
		var err error
		i := 0
		for b.Loop() {
			buf, err = f.db.Timeline(f.parties[i%benchArgs], buf[:0])
			check(b, err)
			sink += len(buf)
			i++
		}
	}},

	{"load", libraryLoad(func(f *fixture) (*conflict.Conflict, error) { return loadFile(f.file) }), duckdbLoad},
	{"snapshot", libraryLoad(func(f *fixture) (*conflict.Conflict, error) { return readSnapshot(f.snapshot) }), duckdbLoad},
}

// libraryLoad returns the library's side of a load benchmark: read the
// record with read, then answer a first question.
func libraryLoad(read func(*fixture) (*conflict.Conflict, error)) func(*testing.B, *fixture) {
	return func(b *testing.B, f *fixture) {
		for b.Loop() {
			c, err := read(f)
			check(b, err)
			sink += len(c.At(f.instants[0]).Controller(f.towns[0]).Holder)
		}
	}
}

// duckdbLoad is DuckDB's side of both load benchmarks: load the CSV of the
// ties, then answer the same first question.
func duckdbLoad(b *testing.B, f *fixture) {
	for b.Loop() {
		db, err := Load(f.csv)
		check(b, err)
		c, err := db.Controller(f.towns[0], f.instants[0])
		check(b, err)
		sink += len(c.Holder)
		check(b, db.Close())
	}
}

// BenchmarkDuckDBRoundTrip is the fixed cost of one DuckDB query from Go:
// a prepared "SELECT 1" through database/sql, scanned. Every duckdb time
// in BenchmarkPeers includes it.
func BenchmarkDuckDBRoundTrip(b *testing.B) {
	f := benchFixture(b, 10_000)
	stmt, err := f.db.db.Prepare("SELECT 1")
	check(b, err)
	defer stmt.Close()
	b.ReportAllocs()
	for b.Loop() {
		var n int
		check(b, stmt.QueryRow().Scan(&n))
		sink += n
	}
}
