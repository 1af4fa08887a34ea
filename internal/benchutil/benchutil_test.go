package benchutil

import (
	"runtime"
	"testing"
)

func TestRowsReports(t *testing.T) {
	var sink []byte
	r := testing.Benchmark(func(b *testing.B) {
		Rows(b, 1000, func() { sink = make([]byte, 1<<20) })
	})
	_ = sink
	if r.N == 0 {
		t.Fatal("the benchmark did not run")
	}
	want := []string{"rows/s", "peak-heap-MB"}
	if runtime.GOOS == "linux" {
		want = append(want, "cpu-s/op", "peak-RSS-MB")
	}
	for _, m := range want {
		if v, ok := r.Extra[m]; !ok || v < 0 {
			t.Errorf("metric %s = %v, %v; want it reported", m, v, ok)
		}
	}
	if r.Extra["peak-heap-MB"] < 1 {
		t.Errorf("peak-heap-MB = %v, want at least the 1 MB each run holds", r.Extra["peak-heap-MB"])
	}
}

func TestProcessFigures(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("read from /proc")
	}
	if c := cpuTime(); c < 0 {
		t.Errorf("cpuTime() = %v", c)
	}
	if r := peakRSS(); r <= 0 {
		t.Errorf("peakRSS() = %v", r)
	}
}
