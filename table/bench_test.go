package table_test

import (
	"io"
	"testing"
	"time"

	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/table"
)

// BenchmarkControlOver makes the control table of a generated record of
// 10,000 relations (1,000 places) over its ten years, and writes it as CSV.
func BenchmarkControlOver(b *testing.B) {
	c := testutil.Conflict(b, synth.Generate(synth.Default(10_000)))
	first, last := table.Span(c)
	from, to := first.Time(), last.Time().Add(24*time.Hour)
	var rows int
	b.Run("table", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rows = len(table.ControlOver(c, from, to).Rows)
		}
		b.ReportMetric(float64(rows), "rows")
	})
	t := table.ControlOver(c, from, to)
	b.Run("csv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := table.WriteCSV(io.Discard, t); err != nil {
				b.Fatal(err)
			}
		}
	})
}
