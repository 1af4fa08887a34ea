package ucdpacd_test

import (
	"io"
	"strconv"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
)

var benchCodes = []int{2, 200, 220, 365, 630, 640, 652, 666, 700, 750, 770, 710, 475, 530, 625, 645}

// newRows returns a generated file of n rows in the layout of
// peacesciencer's long form: n/20 conflicts of 20 years each, side A a
// state, every third row with a backer of side A, every tenth conflict
// between two states, every seventh row with a backer of side B. It writes
// rows as they are read, so the input never sits in memory whole.
func newRows(n int) io.Reader {
	conflicts := max(n/20, 1)
	return csvtest.Generated("conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,incompatibility,intensity_level,type_of_conflict\n", n, func(b []byte, i int) []byte {
		id := 1000 + i%conflicts
		year := 1946 + i/conflicts%79
		a := benchCodes[id%len(benchCodes)]
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
		return append(b, ",\"government\",1,\"intrastate\"\n"...)
	})
}

// BenchmarkRead reads a generated file of a million rows. It reports what
// csvtest's BenchmarkRead does (rows/s, peak heap and resident set, CPU
// time), and the relations read.
func BenchmarkRead(b *testing.B) {
	importer.BenchmarkRead(b, 1_000_000, newRows, "relations")
}

// BenchmarkAdd adds what Read made of a million rows to an empty Conflict
// and asks one question, which builds the index. rows/s counts rows of the
// file.
func BenchmarkAdd(b *testing.B) {
	importer.BenchmarkAdd(b, 1_000_000, newRows, func(c *conflict.Conflict) {
		c.At(conflict.Year(1950).Time()).Supporters("syria-government")
	})
}
