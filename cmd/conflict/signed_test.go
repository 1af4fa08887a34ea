package main

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A signedEdge is a tie of a signed network, as a test reads it.
type signedEdge struct {
	from, to string
	negative bool
}

// readCSV reads a CSV file, gzipped if its name ends in .gz, and returns
// its rows after checking the header.
func readCSV(t *testing.T, path, header string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != header {
		t.Fatalf("%s: header %q, want %q", path, got, header)
	}
	return rows[1:]
}

func parseSign(t *testing.T, s string) bool {
	t.Helper()
	switch s {
	case "1":
		return false
	case "-1":
		return true
	}
	t.Fatalf("sign %q", s)
	return false
}

// writeSigned writes edges as a signed CSV with the header from,to,sign
// and returns its path.
func writeSigned(t *testing.T, name string, edges []signedEdge) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("from,to,sign\n")
	for _, e := range edges {
		sign := "1"
		if e.negative {
			sign = "-1"
		}
		fmt.Fprintf(&b, "%s,%s,%s\n", e.from, e.to, sign)
	}
	return writeFile(t, name, b.String())
}

// gahukuGama reads the Gahuku-Gama network by its short tribe names.
func gahukuGama(t *testing.T) []signedEdge {
	rows := readCSV(t, "../../internal/signed/testdata/gahuku_gama_edges.csv",
		"source_id,target_id,source,target,source_full,target_full,sign,relation")
	var edges []signedEdge
	for _, r := range rows {
		edges = append(edges, signedEdge{r[2], r[3], parseSign(t, r[6])})
	}
	if len(edges) != 58 {
		t.Fatalf("read %d Gahuku-Gama ties, want 58", len(edges))
	}
	return edges
}

// nodesOf returns the nodes of edges, sorted.
func nodesOf(edges []signedEdge) []string {
	var nodes []string
	for _, e := range edges {
		nodes = append(nodes, e.from, e.to)
	}
	slices.Sort(nodes)
	return slices.Compact(nodes)
}

// leastViolations returns the fewest ties that break the rule "friends
// inside a bloc, enemies between blocs" over every way to put the nodes
// into k blocs (some possibly empty): an exhaustive search over all k^n
// labelings, pruned by the best found so far and by taking blocs in order
// of first use.
func leastViolations(nodes []string, edges []signedEdge, k int) int {
	index := map[string]int{}
	for i, n := range nodes {
		index[n] = i
	}
	// earlier[v] lists v's ties to nodes labeled before it.
	type tie struct {
		u        int
		negative bool
	}
	earlier := make([][]tie, len(nodes))
	for _, e := range edges {
		u, v := index[e.from], index[e.to]
		if u > v {
			u, v = v, u
		}
		earlier[v] = append(earlier[v], tie{u, e.negative})
	}
	label := make([]int, len(nodes))
	best := len(edges) + 1
	var search func(v, used, cost int)
	search = func(v, used, cost int) {
		if cost >= best {
			return
		}
		if v == len(nodes) {
			best = cost
			return
		}
		for l := range min(used+1, k) {
			c := cost
			for _, t := range earlier[v] {
				if (label[t.u] == l) == t.negative {
					c++
				}
			}
			label[v] = l
			search(v+1, max(used, l+1), c)
		}
	}
	search(0, 0, 0)
	return best
}

// sidesOutput is sides -json as the tests read it.
type sidesOutput struct {
	At         string
	K          *int
	Blocs      [][]string
	Violations int
	Optimal    bool
	LowerBound float64 `json:"lower_bound"`
	Frustrated [][3]string
}

// runSidesJSON runs sides -json on a signed CSV and parses the output,
// checking its keys.
func runSidesJSON(t *testing.T, file string, k int) sidesOutput {
	t.Helper()
	args := []string{"sides", "-k", strconv.Itoa(k), "-json", "-format", "signed-csv", file}
	_, stdout := runObject(t, []string{"at", "blocs", "frustrated", "k", "lower_bound", "optimal", "violations"}, args...)
	var out sidesOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkSides checks that the output of sides -k k is a partition of the
// nodes into at most k blocs, sorted as documented, that its frustrated
// ties are exactly the ties that break the rule for those blocs, and that
// its lower bound is at most the violations, and equal when optimal.
func checkSides(t *testing.T, out sidesOutput, nodes []string, edges []signedEdge, k int) {
	t.Helper()
	if out.K == nil || *out.K != k {
		t.Errorf("k = %v, want %d", out.K, k)
	}
	if v := float64(out.Violations); out.LowerBound > v || out.Optimal && out.LowerBound != v {
		t.Errorf("lower_bound %v with %d violations, optimal %v", out.LowerBound, out.Violations, out.Optimal)
	}
	if len(out.Blocs) > k {
		t.Errorf("%d blocs, want at most %d", len(out.Blocs), k)
	}
	bloc := map[string]int{}
	var all []string
	for i, b := range out.Blocs {
		if !slices.IsSorted(b) || len(b) == 0 {
			t.Errorf("bloc %v is empty or not sorted", b)
		}
		if i > 0 && len(b) > 0 && out.Blocs[i-1][0] >= b[0] {
			t.Errorf("blocs not sorted by first ID: %v", out.Blocs)
		}
		for _, id := range b {
			if _, ok := bloc[id]; ok {
				t.Errorf("%s is in two blocs", id)
			}
			bloc[id] = i
			all = append(all, id)
		}
	}
	slices.Sort(all)
	if diff := cmp.Diff(nodes, all); diff != "" {
		t.Errorf("the blocs do not partition the nodes (-want +got):\n%s", diff)
	}
	var want [][3]string
	for _, e := range edges {
		if (bloc[e.from] == bloc[e.to]) != e.negative {
			continue
		}
		a, b := min(e.from, e.to), max(e.from, e.to)
		kind := "allied"
		if e.negative {
			kind = "fights"
		}
		want = append(want, [3]string{a, b, kind})
	}
	slices.SortFunc(want, func(x, y [3]string) int { return strings.Compare(x[0]+"\x00"+x[1], y[0]+"\x00"+y[1]) })
	if diff := cmp.Diff(want, out.Frustrated); diff != "" {
		t.Errorf("frustrated ties mismatch for the printed blocs (-want +got):\n%s", diff)
	}
	if out.Violations != len(out.Frustrated) {
		t.Errorf("violations = %d, but %d frustrated ties", out.Violations, len(out.Frustrated))
	}
}

func TestGahukuGamaSides(t *testing.T) {
	edges := gahukuGama(t)
	nodes := nodesOf(edges)
	if len(nodes) != 16 {
		t.Fatalf("%d tribes, want 16", len(nodes))
	}
	file := writeSigned(t, "gahuku-gama.csv", edges)
	for _, k := range []int{2, 3} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			out := runSidesJSON(t, file, k)
			checkSides(t, out, nodes, edges, k)
			want := leastViolations(nodes, edges, k)
			t.Logf("k=%d: %d violations; exhaustive search: %d", k, out.Violations, want)
			if out.Violations != want {
				t.Errorf("violations = %d, want %d (exhaustive search over %d^%d labelings)", out.Violations, want, k, len(nodes))
			}
			if !out.Optimal {
				t.Error("optimal = false, want true")
			}
		})
	}
}

// TestLeastViolations checks the test's own exhaustive search on networks
// whose answer is known by hand.
func TestLeastViolations(t *testing.T) {
	tri := func(signs ...bool) []signedEdge { // a triangle a-b, b-c, a-c
		return []signedEdge{{"a", "b", signs[0]}, {"b", "c", signs[1]}, {"a", "c", signs[2]}}
	}
	tests := []struct {
		edges []signedEdge
		k     int
		want  int
	}{
		{tri(false, false, false), 2, 0},
		{tri(true, true, true), 2, 1}, // three enemies need three blocs
		{tri(true, true, true), 3, 0},
		{tri(false, false, true), 2, 1}, // the friend of a friend is an enemy
		{tri(false, true, true), 2, 0},
	}
	for _, tt := range tests {
		if got := leastViolations(nodesOf(tt.edges), tt.edges, tt.k); got != tt.want {
			t.Errorf("leastViolations(%v, k=%d) = %d, want %d", tt.edges, tt.k, got, tt.want)
		}
	}
}

func TestGahukuGamaAlliances(t *testing.T) {
	edges := gahukuGama(t)
	file := writeSigned(t, "gahuku-gama.csv", edges)

	// The expected blocs: connected components of the friendly ties, each
	// tribe with a tie in one.
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	for _, e := range edges {
		find(e.from)
		find(e.to)
		if !e.negative {
			parent[find(e.from)] = find(e.to)
		}
	}
	groups := map[string][]string{}
	for _, n := range nodesOf(edges) {
		groups[find(n)] = append(groups[find(n)], n)
	}
	var want [][]string
	for _, g := range groups {
		want = append(want, g) // nodesOf is sorted, so each group is
	}
	slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) })

	args := []string{"alliances", "-json", "-format", "signed-csv", file}
	r := conflictCmd(args...)
	mustSucceed(t, r, args...)
	obj := decodeObject(t, r.stdout)
	var got [][]string
	field(t, obj, "alliances", &got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("alliances mismatch (-want +got):\n%s", diff)
	}

	args = []string{"alliances", "-format", "signed-csv", file}
	r = conflictCmd(args...)
	mustSucceed(t, r, args...)
	if line := fmt.Sprintf("Alliances: %d\n", len(want)); !strings.Contains(r.stdout, line) {
		t.Errorf("output has no %q:\n%s", line, r.stdout)
	}
	for _, b := range want {
		if !strings.Contains(r.stdout, strings.Join(b, ", ")) {
			t.Errorf("output does not list the bloc %v:\n%s", b, r.stdout)
		}
	}
}

// TestCoWSides runs sides -k 2 on each of the 51 Correlates of War state
// networks, written as signed CSVs. With -short, or under the race detector
// (which makes the search about ten times slower), it runs every third
// window and the last: 18 of them.
func TestCoWSides(t *testing.T) {
	rows := readCSV(t, "../../internal/signed/testdata/cow_signed_edges_1946_1999.csv.gz", "window,window_index,from,to,sign")
	type window struct {
		label string
		edges []signedEdge
	}
	var windows []window
	for _, r := range rows {
		if len(windows) == 0 || windows[len(windows)-1].label != r[0] {
			windows = append(windows, window{label: r[0]})
		}
		w := &windows[len(windows)-1]
		w.edges = append(w.edges, signedEdge{r[2], r[3], parseSign(t, r[4])})
	}
	if len(windows) != 51 {
		t.Fatalf("read %d windows, want 51", len(windows))
	}
	for i, w := range windows {
		if (testing.Short() || raceEnabled) && i%3 != 0 && i != len(windows)-1 {
			continue
		}
		t.Run(w.label, func(t *testing.T) {
			t.Parallel()
			file := writeSigned(t, "cow-"+w.label+".csv", w.edges)
			out := runSidesJSON(t, file, 2)
			checkSides(t, out, nodesOf(w.edges), w.edges, 2)
			if !out.Optimal {
				t.Logf("window %s: %d violations, not proven optimal", w.label, out.Violations)
			}
		})
	}
}

// TestUndated checks the moment of a record without dates: any instant
// gives the same answer, and the tool uses today.
func TestUndated(t *testing.T) {
	file := writeFile(t, "net.csv", "from,to,sign\nA,B,1\nB,C,-1\n")
	before := time.Now().UTC().Format(time.DateOnly)
	r := conflictCmd("at", "-json", "-format", "signed-csv", file)
	after := time.Now().UTC().Format(time.DateOnly)
	mustSucceed(t, r)
	obj := decodeObject(t, r.stdout)
	var at string
	field(t, obj, "at", &at)
	if at != before && at != after {
		t.Errorf("at = %q, want today, %s", at, after)
	}
	var fights [][2]string
	field(t, obj, "fights", &fights)
	if diff := cmp.Diff([][2]string{{"B", "C"}}, fights); diff != "" {
		t.Errorf("fights mismatch (-want +got):\n%s", diff)
	}
	// -at still works, and gives the same answer.
	withAt := conflictCmd("alliances", "-at", "1850", "-format", "signed-csv", file)
	without := conflictCmd("alliances", "-format", "signed-csv", file)
	mustSucceed(t, withAt)
	if got, want := strings.SplitN(withAt.stdout, "\n", 2)[1], strings.SplitN(without.stdout, "\n", 2)[1]; got != want {
		t.Errorf("alliances -at 1850:\n%s\nwithout -at:\n%s", got, want)
	}

	// With dates, the moment must be given.
	dated := writeFile(t, "dated.csv", "from,to,sign,start,end\nA,B,1,1946,\nB,C,-1,,\n")
	r = conflictCmd("sides", "-format", "signed-csv", dated)
	if r.code != exitUsage || !strings.Contains(r.stderr, "-at DATE is needed") {
		t.Errorf("sides on a dated file without -at: exit %d, stderr %q; want a usage error", r.code, r.stderr)
	}
	r = conflictCmd("sides", "-at", "1945", "-json", "-format", "signed-csv", dated)
	mustSucceed(t, r)
	var out sidesOutput
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"B"}, {"C"}}, out.Blocs); diff != "" {
		t.Errorf("blocs in 1945 mismatch (-want +got):\n%s", diff)
	}
}
