// Package benchutil measures what the importers' benchmarks report beyond
// time and allocations: rows per second, peak heap, peak resident set and
// CPU time.
package benchutil

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Rows runs f in b's loop, each run reading rows rows of input, and reports
// besides time and allocations: rows/s; peak-heap-MB, the most heap in use
// at once (live and not yet swept objects, sampled every millisecond through
// runtime/metrics); and, on Linux, peak-RSS-MB (the process's high-water
// resident set, reset before the loop) and cpu-s/op (the CPU time of the
// process, user and system, all threads and the garbage collector's
// included, per run, which other work on the machine disturbs less than the
// elapsed time).
func Rows(b *testing.B, rows int, f func()) {
	b.ReportAllocs()
	runtime.GC()
	resetRSS()
	stop := SamplePeakHeap()
	cpu := cpuTime()
	for b.Loop() {
		f()
	}
	if cpu >= 0 {
		b.ReportMetric((cpuTime()-cpu)/float64(b.N), "cpu-s/op")
	}
	peak := stop()
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
	}
}

// SamplePeakHeap samples the bytes of live and not yet swept heap objects,
// every millisecond, until the returned function is called, which returns
// the largest sample.
func SamplePeakHeap() func() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// resetRSS resets the process's peak resident set size, where Linux allows.
func resetRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the process's peak resident set size in bytes, or 0 if
// unknown.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range bytes.Lines(data) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			f := bytes.Fields(v)
			if len(f) == 2 && string(f[1]) == "kB" {
				n, _ := strconv.ParseInt(string(f[0]), 10, 64)
				return n << 10
			}
		}
	}
	return 0
}

// cpuTime returns the CPU time the process has used, in seconds, from
// /proc/self/stat (in clock ticks, taken to be 1/100 s, as on every Linux
// Go supports), or -1 if unknown.
func cpuTime() float64 {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return -1
	}
	// The fields after the command, which is in parentheses.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return -1
	}
	f := bytes.Fields(data[i+1:])
	if len(f) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseInt(string(f[11]), 10, 64)
	stime, err2 := strconv.ParseInt(string(f[12]), 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return float64(utime+stime) / 100
}
