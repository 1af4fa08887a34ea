package parquet_test

import (
	"io"
	"testing"
	"time"

	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/parquet"
	"github.com/conflictgraph/conflict/table"
)

// BenchmarkWrite writes the control table of a generated record of 10,000
// relations over its ten years as Parquet.
func BenchmarkWrite(b *testing.B) {
	c := testutil.Conflict(b, synth.Generate(synth.Default(10_000)))
	first, last := table.Span(c)
	t := table.ControlOver(c, first.Time(), last.Time().Add(24*time.Hour))
	b.ReportAllocs()
	for b.Loop() {
		if err := parquet.Write(io.Discard, t); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(t.Rows)), "rows")
}
