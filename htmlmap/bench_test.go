package htmlmap_test

import (
	"io"
	"testing"

	"github.com/conflictgraph/conflict/htmlmap"
	"github.com/conflictgraph/conflict/internal/testutil"
)

// BenchmarkWriteSyria writes the worked example's page: 30 places over
// 1,636 days. The outlines are decoded once, before the loop.
func BenchmarkWriteSyria(b *testing.B) {
	c := testutil.Syria(b)
	if err := htmlmap.Write(io.Discard, c, htmlmap.Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := htmlmap.Write(io.Discard, c, htmlmap.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
