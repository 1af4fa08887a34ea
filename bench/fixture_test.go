package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
)

// benchArgs is how many arguments each benchmark cycles through, as in the
// root package's benchmarks.
const benchArgs = 1024

// tmpDir holds the files the fixtures write; TestMain removes it.
var tmpDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "conflict-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// A fixture is one generated record, saved as the library's dataset file
// and its ties as CSV, loaded by both, with the arguments the benchmarks
// ask about.
type fixture struct {
	r        int
	ds       conflict.Dataset
	file     string // the dataset file: Conflict.Save of ds
	snapshot string // the binary snapshot of the loaded record: Conflict.WriteTo
	csv      string // its ties: WriteCSV of Conflict.Ties
	ties     int    // rows in csv
	fileSize int64
	csvSize  int64

	c  *conflict.Conflict // loaded from file, index built
	db *DB                // loaded from csv

	args
}

// args are the arguments the benchmarks cycle through: made as the root
// package's benchmarks make them (bench_test.go there), so that both ask
// the same questions of the same record.
type args struct {
	instants []time.Time // in 2010–2019
	towns    []string    // towns with control claims
	parties  []string
}

// benchArguments returns n arguments for ds of R relations: the same as
// the root package's benchmarks use for synth.Default(r).
func benchArguments(ds conflict.Dataset, r, n int) args {
	rng := rand.New(rand.NewPCG(42, uint64(r)))
	lo := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	held := map[string]bool{}
	for _, rel := range ds.Relations {
		if rel.Kind == conflict.RelationControls {
			held[rel.To] = true
		}
	}
	var towns, parties []string
	for _, l := range ds.Locations {
		if held[l.ID] {
			towns = append(towns, l.ID)
		}
	}
	for _, a := range ds.Actors {
		parties = append(parties, a.ID)
	}
	for _, k := range ds.Backers {
		parties = append(parties, k.ID)
	}
	var a args
	for range n {
		a.instants = append(a.instants, time.Unix(lo+rng.Int64N(hi-lo), 0).UTC())
		a.towns = append(a.towns, towns[rng.IntN(len(towns))])
		a.parties = append(a.parties, parties[rng.IntN(len(parties))])
	}
	return a
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]*fixture{}
)

// benchFixture returns the fixture of synth.Default(r), made on first use
// and shared.
func benchFixture(tb testing.TB, r int) *fixture {
	return cachedFixture(tb, fmt.Sprintf("default-%d", r), synth.Default(r))
}

// cachedFixture returns the fixture of cfg under name, made on first use and
// shared: the record generated, saved and loaded, its ties written and
// loaded into DuckDB, and benchArgs arguments made as for the root
// package's benchmarks at cfg.Relations.
func cachedFixture(tb testing.TB, name string, cfg synth.Config) *fixture {
	tb.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f := fixtures[name]; f != nil {
		return f
	}
	start := time.Now()
	f := &fixture{r: cfg.Relations}
	f.ds = synth.Generate(cfg)
	var c conflict.Conflict
	if err := c.Add(f.ds); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		tb.Fatal(err)
	}
	f.file = filepath.Join(tmpDir, name+".json")
	if err := os.WriteFile(f.file, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	f.fileSize = int64(buf.Len())
	loaded, err := loadFile(f.file)
	if err != nil {
		tb.Fatal(err)
	}
	f.c = loaded
	f.snapshot = filepath.Join(tmpDir, name+".snapshot")
	if err := writeSnapshot(f.snapshot, f.c); err != nil {
		tb.Fatal(err)
	}
	f.csv = filepath.Join(tmpDir, name+".csv")
	if f.ties, f.csvSize, err = writeCSVFile(f.csv, f.c); err != nil {
		tb.Fatal(err)
	}
	if f.db, err = Load(f.csv); err != nil {
		tb.Fatal(err)
	}
	f.args = benchArguments(f.ds, f.r, benchArgs)
	f.c.At(f.instants[0]).Controller(f.towns[0]) // build the index
	fixtures[name] = f
	tb.Logf("%s: %d relations, %d ties; dataset file %d kB, CSV %d kB; made in %v",
		name, f.r, f.ties, f.fileSize>>10, f.csvSize>>10, time.Since(start).Round(time.Millisecond))
	return f
}

// loadFile loads the dataset file at path.
func loadFile(path string) (*conflict.Conflict, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return conflict.Load(fh)
}

// writeSnapshot writes the binary snapshot of c to a file at path.
func writeSnapshot(path string, c *conflict.Conflict) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := c.WriteTo(fh); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// readSnapshot reads the binary snapshot at path.
func readSnapshot(path string) (*conflict.Conflict, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return conflict.ReadSnapshot(bufio.NewReaderSize(fh, 1<<20))
}

// writeCSVFile writes the ties of c to a CSV file at path, and returns how
// many rows and bytes it wrote.
func writeCSVFile(path string, c *conflict.Conflict) (rows int, size int64, err error) {
	fh, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	rows, err = WriteCSV(fh, c.Ties())
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return rows, 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return rows, 0, err
	}
	return rows, st.Size(), nil
}
