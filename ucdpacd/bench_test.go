package ucdpacd_test

import (
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/benchutil"
	"github.com/conflictgraph/conflict/ucdpacd"
)

// rows is a generated file in the layout of peacesciencer's long form:
// rows/20 conflicts of 20 years each, side A a state, every third row with
// a backer of side A, every tenth conflict between two states, every
// seventh row with a backer of side B. It writes rows as they are read, so
// the input never sits in memory whole.
type rows struct {
	n, i int
	buf  []byte
	off  int
}

var benchCodes = []int{2, 200, 220, 365, 630, 640, 652, 666, 700, 750, 770, 710, 475, 530, 625, 645}

func newRows(n int) *rows {
	return &rows{n: n, buf: []byte("conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,incompatibility,intensity_level,type_of_conflict\n")}
}

func (r *rows) Read(p []byte) (int, error) {
	if r.off == len(r.buf) {
		r.buf, r.off = r.buf[:0], 0
		conflicts := max(r.n/20, 1)
		for len(r.buf) < 64<<10 && r.i < r.n {
			i := r.i
			id := 1000 + i%conflicts
			year := 1946 + i/conflicts%79
			a := benchCodes[id%len(benchCodes)]
			b := r.buf
			b = strconv.AppendInt(b, int64(id), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(year), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(a), 10)
			b = append(b, ',')
			if i%3 == 0 {
				b = strconv.AppendInt(b, int64(benchCodes[(id+i)%len(benchCodes)]), 10)
			}
			b = append(b, ',')
			if id%10 == 0 {
				b = strconv.AppendInt(b, int64(benchCodes[(id+1)%len(benchCodes)]), 10)
			}
			b = append(b, ',')
			if i%7 == 0 {
				b = strconv.AppendInt(b, int64(benchCodes[(id+5)%len(benchCodes)]), 10)
			}
			b = append(b, ",\"government\",1,\"intrastate\"\n"...)
			r.buf = b
			r.i++
		}
		if len(r.buf) == 0 {
			return 0, io.EOF
		}
	}
	n := copy(p, r.buf[r.off:])
	r.off += n
	return n, nil
}

// BenchmarkRead reads a generated file of a million rows. Besides time and
// allocations it reports rows/s, peak-heap-MB (the most heap in use at once,
// sampled every millisecond through runtime/metrics) and, on Linux,
// peak-RSS-MB (the process's high-water resident set, reset before the
// loop).
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			var ds conflict.Dataset
			benchutil.Rows(b, n, func() {
				var err error
				if ds, err = ucdpacd.Read(newRows(n), nil); err != nil {
					b.Fatal(err)
				}
			})
			b.ReportMetric(float64(len(ds.Relations)), "relations")
		})
	}
}

// BenchmarkAdd adds what Read made of a million rows to an empty Conflict
// and asks one question, which builds the index. rows/s counts rows of the
// file.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			ds, err := ucdpacd.Read(newRows(n), nil)
			if err != nil {
				b.Fatal(err)
			}
			benchutil.Rows(b, n, func() {
				var c conflict.Conflict
				if err := c.Add(ds); err != nil {
					b.Fatal(err)
				}
				c.At(conflict.Year(1950).Time()).Supporters("syria-government")
			})
		})
	}
}
