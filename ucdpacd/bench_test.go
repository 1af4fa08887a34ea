package ucdpacd_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
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
			measure(b, n, func() {
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
			measure(b, n, func() {
				var c conflict.Conflict
				if err := c.Add(ds); err != nil {
					b.Fatal(err)
				}
				c.At(conflict.Year(1950).Time()).Backers("syria-government")
			})
		})
	}
}

// measure runs f in a benchmark loop and reports rows/s and peak memory,
// and, on Linux, cpu-s/op: the CPU time of the process (user and system,
// all threads, the garbage collector's included) per run, which other work
// on the machine disturbs less than the elapsed time.
func measure(b *testing.B, rows int, f func()) {
	b.ReportAllocs()
	runtime.GC()
	resetRSS()
	stop := samplePeakHeap()
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

// samplePeakHeap samples the bytes of live and not yet swept heap objects
// until the returned function is called, which returns the largest sample.
func samplePeakHeap() func() uint64 {
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
