package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sample = `goos: linux
goarch: amd64
BenchmarkPeers/relations/conflict/R=10000-2     	     200	     30000 ns/op	        18.05 ns/tie	    3561 B/op	       0 allocs/op
--- BENCH: BenchmarkPeers/relations/conflict/R=10000-2
    fixture_test.go:104: default-10000: 10000 relations, 9259 ties
BenchmarkPeers/relations/duckdb/R=10000-2       	     200	   4000000 ns/op	      1919 ns/tie	  775596 B/op	   33956 allocs/op
BenchmarkPeers/relations/conflict/R=10000-2     	     200	     50000 ns/op
BenchmarkPeers/relations/conflict/R=10000-2     	     200	     40000 ns/op
BenchmarkPeers/relations/duckdb/R=10000-2       	     200	   2000000 ns/op
BenchmarkPeers/relations/duckdb/R=10000-2       	     200	   3000000 ns/op
BenchmarkPeers/relations/duckdb/R=10000-2       	     200	   3400000 ns/op
BenchmarkLoad/R=10000-2                         	     200	   4000000 ns/op
BenchmarkQuery/relations/copy/R=1000000         	    2000	       850.5 ns/op
BenchmarkQuery/relations/conflict/R=1000000     	    2000	      1701 ns/op
BenchmarkQuery/a/b/naive/R=1500-8               	    2000	      2.5e9 ns/op
PASS
`

func TestTable(t *testing.T) {
	rs, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, rs, "conflict")
	want := `| benchmark | query | R | impl | runs | median | min – max | × conflict |
|---|---|--:|---|--:|--:|--:|--:|
| BenchmarkPeers | relations | 10k | conflict | 3 | 40 µs | 30 µs – 50 µs | 1 |
| BenchmarkPeers | relations | 10k | duckdb | 4 | 3.2 ms | 2 ms – 4 ms | 80 |
| BenchmarkQuery | relations | 1M | conflict | 1 | 1.7 µs | 1.7 µs – 1.7 µs | 1 |
| BenchmarkQuery | relations | 1M | copy | 1 | 850 ns | 850 ns – 850 ns | 0.5 |
| BenchmarkQuery | a/b | 1500 | naive | 1 | 2.5 s | 2.5 s – 2.5 s |  |
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := parse(strings.NewReader("BenchmarkPeers/q/duckdb/R=10-2 1 fast ns/op\n")); err == nil {
		t.Error("parse of an ns/op that is not a number: no error")
	}
}

func TestTrimProcs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"BenchmarkPeers/q/duckdb/R=10-2", "BenchmarkPeers/q/duckdb/R=10"},
		{"BenchmarkPeers/q/duckdb/R=10", "BenchmarkPeers/q/duckdb/R=10"},
		{"BenchmarkPeers/relations-count/duckdb/R=10-16", "BenchmarkPeers/relations-count/duckdb/R=10"},
		{"BenchmarkPeers/relations-count", "BenchmarkPeers/relations-count"},
	} {
		if got := trimProcs(tc.in); got != tc.want {
			t.Errorf("trimProcs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
