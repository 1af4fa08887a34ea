package signed

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// readCSV returns the records of a CSV file after checking its header.
func readCSV(tb testing.TB, name string, header string) [][]string {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			tb.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(zr); err != nil {
			tb.Fatal(err)
		}
		data = buf.Bytes()
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	if len(records) == 0 || strings.Join(records[0], ",") != header {
		tb.Fatalf("%s: header is not %q", name, header)
	}
	return records[1:]
}

func parseSign(tb testing.TB, s string) bool {
	tb.Helper()
	switch s {
	case "1":
		return false
	case "-1":
		return true
	}
	tb.Fatalf("bad sign %q", s)
	return false
}

const gahukuGama = "testdata/gahuku_gama_edges.csv"

// readGahukuGama returns the names of the 16 tribes and the 58 ties between them.
func readGahukuGama(tb testing.TB) ([]string, []Edge) {
	tb.Helper()
	records := readCSV(tb, gahukuGama, "source_id,target_id,source,target,source_full,target_full,sign,relation")
	names := make([]string, 16)
	var edges []Edge
	for _, r := range records {
		var ends [2]int32
		for i := range ends {
			id, err := strconv.Atoi(r[i])
			if err != nil || id < 1 || id > len(names) {
				tb.Fatalf("bad node id %q", r[i])
			}
			ends[i] = int32(id - 1)
			names[id-1] = r[2+i]
		}
		edges = append(edges, Edge{U: ends[0], V: ends[1], Negative: parseSign(tb, r[6]), Weight: 1})
	}
	return names, edges
}

func TestGahukuGamaCopy(t *testing.T) {
	const shared = "../../../shared/data/gahuku-gama/gahuku_gama_edges.csv"
	original, err := os.ReadFile(shared)
	if err != nil {
		t.Skipf("shared data not present (%v); testdata holds a copy", err)
	}
	copied, err := os.ReadFile(gahukuGama)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(original, copied) {
		t.Errorf("%s differs from %s", gahukuGama, shared)
	}
}

func TestGahukuGama(t *testing.T) {
	names, edges := readGahukuGama(t)
	if len(edges) != 58 {
		t.Fatalf("read %d ties, want 58", len(edges))
	}
	for _, k := range []int{0, 2, 3} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			start := time.Now()
			want := minCost(len(names), edges, k)
			searched := time.Since(start)
			res, err := Solve(len(names), edges, Options{K: k})
			if err != nil {
				t.Fatal(err)
			}
			verify(t, len(names), edges, k, res)
			if diff := cmp.Diff(want, res.Cost); diff != "" {
				t.Errorf("Cost mismatch with exhaustive search (-want +got):\n%s", diff)
			}
			if !res.Optimal {
				t.Error("Optimal = false, want true")
			}
			t.Logf("cost %v (exhaustive search %v): %s", res.Cost, searched.Round(time.Millisecond), blocs(names, res.Bloc))
		})
	}
}

// blocs formats a partition as named blocs.
func blocs(names []string, bloc []int32) string {
	var groups [][]string
	for v, b := range bloc {
		for int(b) >= len(groups) {
			groups = append(groups, nil)
		}
		groups[b] = append(groups[b], names[v])
	}
	var parts []string
	for _, g := range groups {
		parts = append(parts, "{"+strings.Join(g, " ")+"}")
	}
	return strings.Join(parts, " ")
}

// A window is the signed network of one Correlates of War window.
type window struct {
	label  string
	states []string
	edges  []Edge
}

// readCoW returns the 51 Correlates of War windows in order.
func readCoW(tb testing.TB) []window {
	tb.Helper()
	records := readCSV(tb, "testdata/cow_signed_edges_1946_1999.csv.gz", "window,window_index,from,to,sign")
	var windows []window
	var index map[string]int32
	for _, r := range records {
		if len(windows) == 0 || windows[len(windows)-1].label != r[0] {
			windows = append(windows, window{label: r[0]})
			index = map[string]int32{}
		}
		w := &windows[len(windows)-1]
		var ends [2]int32
		for i, s := range r[2:4] {
			id, ok := index[s]
			if !ok {
				id = int32(len(w.states))
				index[s] = id
				w.states = append(w.states, s)
			}
			ends[i] = id
		}
		w.edges = append(w.edges, Edge{U: ends[0], V: ends[1], Negative: parseSign(tb, r[4]), Weight: 1})
	}
	if len(windows) != 51 {
		tb.Fatalf("read %d windows, want 51", len(windows))
	}
	return windows
}

func TestCoW(t *testing.T) {
	windows := readCoW(t)
	var opt Options
	if testing.Short() || raceEnabled {
		opt.Effort = 1 // for slow runs, such as with the race detector
	}
	for _, k := range []int{2, 0} {
		opt.K = k
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			t.Logf("%-6s %6s %6s %10s %10s %8s %10s", "window", "states", "ties", "cost", "bound", "optimal", "time")
			for _, w := range windows {
				start := time.Now()
				if raceEnabled {
					// The race detector slows the search about tenfold:
					// cut it short by time too.
					opt.Deadline = start.Add(time.Second)
				}
				res, err := Solve(len(w.states), w.edges, opt)
				elapsed := time.Since(start)
				if err != nil {
					t.Fatalf("window %s: %v", w.label, err)
				}
				verify(t, len(w.states), w.edges, k, res)
				t.Logf("%-6s %6d %6d %10v %10v %8v %10v", w.label, len(w.states), len(w.edges),
					res.Cost, res.LowerBound, res.Optimal, elapsed.Round(time.Microsecond))
			}
		})
	}
}

func BenchmarkSolveCoW(b *testing.B) {
	for _, w := range readCoW(b) {
		for _, k := range []int{2, 0} {
			b.Run(fmt.Sprintf("window=%s/k=%d", w.label, k), func(b *testing.B) {
				b.ReportAllocs()
				var res Result
				for b.Loop() {
					var err error
					if res, err = Solve(len(w.states), w.edges, Options{K: k}); err != nil {
						b.Fatal(err)
					}
				}
				reportResult(b, res)
			})
		}
	}
}

// reportResult reports the cost and lower bound of res as benchmark metrics.
func reportResult(b *testing.B, res Result) {
	b.ReportMetric(res.Cost, "cost")
	b.ReportMetric(res.LowerBound, "bound")
}
