package conflict_test

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
)

// peakHeap runs f and returns the most heap in use at once while it ran,
// sampled every millisecond, above what was in use before.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > base && m.HeapInuse-base > peak.Load() {
				peak.Store(m.HeapInuse - base)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

// TestJunkMemory loads files of nothing but empty records: each fails with
// a named error, describing at most 100 problems, in memory bounded by the
// file's size rather than by the number of its records.
func TestJunkMemory(t *testing.T) {
	sizes := []struct {
		mb, limitMB int
	}{{5, 100}, {50, 300}}
	if testing.Short() || raceEnabled {
		sizes = sizes[:1]
	}
	for _, sz := range sizes {
		name := filepath.Join(t.TempDir(), "junk.json")
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		w.WriteString(`{"actors": [`)
		for n := 0; n < sz.mb<<20; n += 3 {
			w.WriteString(`{},`)
		}
		w.WriteString("{}]}")
		if err := errors.Join(w.Flush(), f.Close()); err != nil {
			t.Fatal(err)
		}
		var loadErr error
		peak := peakHeap(func() {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, loadErr = conflict.Load(f)
		})
		if !errors.Is(loadErr, conflict.ErrBadID) {
			t.Errorf("%d MB of {}: error %.200v, want one wrapping ErrBadID", sz.mb, loadErr)
		}
		if n := strings.Count(loadErr.Error(), "\n") + 1; n != 101 || !strings.Contains(loadErr.Error(), "more problems") {
			t.Errorf("%d MB of {}: %d lines of error, want 100 problems and a count of the rest", sz.mb, n)
		}
		t.Logf("%d MB of {}: peak heap %d MB", sz.mb, peak>>20)
		if peak > uint64(sz.limitMB)<<20 {
			t.Errorf("%d MB of {}: peak heap %d MB, want under %d MB", sz.mb, peak>>20, sz.limitMB)
		}
	}
}

// TestMessagesNameTheValue checks that an error names the value that is
// wrong, as given, and prints an open bound as open.
func TestMessagesNameTheValue(t *testing.T) {
	tests := []struct{ file, want string }{
		{`{"actors": [{"id": 7, "name": "x"}]}`, `id "7": malformed dataset (want string, got JSON number)`},
		{`{"sources": [{"id": "s", "published": 2016}]}`, `published "2016": malformed dataset (want string, got JSON number)`},
		{`{"relations": [{"kind": "fights", "from": ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"], "to": "b", "sources": ["s"]}]}`,
			`from "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\",…": malformed dataset (want string, got JSON array)`},
		{`{"sources":[{"id":"s"}],"actors":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"locations":[{"id":"p","name":"P"}],"relations":[{"kind":"controls","from":"a","to":"p","sources":["s"]},{"kind":"controls","from":"b","to":"p","sources":["s"]}]}`,
			"a and b would both definitely hold p from an open start (since before the record begins) on the word of s"},
		{"{\"actors\": [{\"id\": \"qa\xffm\", \"name\": \"x\"}]}", "invalid UTF-8 byte 0xff in string"},
		{`{"actors": [{"id": "a", "name": "A", "note": "x", "note": "y"}]}`, `"note" appears twice`},
	}
	for _, tt := range tests {
		_, err := conflict.Load(strings.NewReader(tt.file))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%.60s): %v, want an error saying %q", tt.file, err, tt.want)
		}
	}
}
