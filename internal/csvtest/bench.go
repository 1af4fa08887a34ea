package csvtest

import (
	"fmt"
	"io"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/benchutil"
)

// Generated returns a file of n generated rows after header: row i is
// what appendRow appends for i. The rows are written as they are read, in
// chunks of about 64 KiB, so that the file never sits in memory whole.
func Generated(header string, n int, appendRow func(b []byte, i int) []byte) io.Reader {
	return &generated{n: n, row: appendRow, buf: []byte(header)}
}

type generated struct {
	n, i int
	row  func(b []byte, i int) []byte
	buf  []byte
	off  int
}

func (g *generated) Read(p []byte) (int, error) {
	if g.off == len(g.buf) {
		g.buf, g.off = g.buf[:0], 0
		for len(g.buf) < 64<<10 && g.i < g.n {
			g.buf = g.row(g.buf, g.i)
			g.i++
		}
		if len(g.buf) == 0 {
			return 0, io.EOF
		}
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

// BenchmarkInput drains the generated file of rows rows alone, in a
// sub-benchmark "rows=N": the part of an importer's BenchmarkRead's time
// that is not reading. It reports what [benchutil.Rows] reports.
func BenchmarkInput(b *testing.B, rows int, input func(rows int) io.Reader) {
	b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
		benchutil.Rows(b, rows, func() {
			if _, err := io.Copy(io.Discard, input(rows)); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkRead reads the generated file of rows rows, without options, in
// a sub-benchmark "rows=N". Besides what [benchutil.Rows] reports, it
// reports the size of each section of the dataset named in sections
// ("actors", "backers", "locations", "relations", "events" or "sources"),
// under that name.
func (imp Importer[O, E]) BenchmarkRead(b *testing.B, rows int, input func(rows int) io.Reader, sections ...string) {
	b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
		var ds conflict.Dataset
		benchutil.Rows(b, rows, func() {
			var err error
			if ds, err = imp.Read(input(rows), nil); err != nil {
				b.Fatal(err)
			}
		})
		for _, s := range sections {
			n, ok := size(ds, s)
			if !ok {
				b.Fatalf("no section %q in a dataset", s)
			}
			b.ReportMetric(float64(n), s)
		}
	})
}

// size returns the number of records in the named section of ds.
func size(ds conflict.Dataset, section string) (int, bool) {
	switch section {
	case "sources":
		return len(ds.Sources), true
	case "actors":
		return len(ds.Actors), true
	case "backers":
		return len(ds.Backers), true
	case "locations":
		return len(ds.Locations), true
	case "relations":
		return len(ds.Relations), true
	case "events":
		return len(ds.Events), true
	}
	return 0, false
}

// BenchmarkAdd reads the generated file of rows rows, then, in a
// sub-benchmark "rows=N", adds the dataset to an empty Conflict and asks it
// the question ask, which builds the index. It reports what
// [benchutil.Rows] reports, rows/s counting rows of the file.
func (imp Importer[O, E]) BenchmarkAdd(b *testing.B, rows int, input func(rows int) io.Reader, ask func(c *conflict.Conflict)) {
	b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
		ds, err := imp.Read(input(rows), nil)
		if err != nil {
			b.Fatal(err)
		}
		benchutil.Rows(b, rows, func() {
			var c conflict.Conflict
			if err := c.Add(ds); err != nil {
				b.Fatal(err)
			}
			ask(&c)
		})
	})
}
