package signed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// minCost returns the least cost of a partition of n nodes into at most k
// blocs, or into any number if k is 0, by exhaustive search: over all k^n
// labelings for fixed k, and over all set partitions as restricted growth
// strings for free k. It cuts a branch only when the weight it already
// breaks reaches the best cost found, which loses no minimum.
func minCost(n int, edges []Edge, k int) float64 {
	earlier := make([][]Edge, n) // edges from each node to smaller ones
	for _, e := range edges {
		u, v := max(e.U, e.V), min(e.U, e.V)
		earlier[u] = append(earlier[u], Edge{U: u, V: v, Negative: e.Negative, Weight: e.Weight})
	}
	label := make([]int, n)
	best := math.Inf(1)
	var visit func(u, used int, cost float64)
	visit = func(u, used int, cost float64) {
		if u == n {
			best = cost
			return
		}
		labels := k
		if k == 0 {
			labels = used + 1
		}
		for l := range labels {
			label[u] = l
			c := cost
			for _, e := range earlier[u] {
				if (label[e.V] == l) == e.Negative {
					c += e.Weight
				}
			}
			if c < best {
				visit(u+1, max(used, l+1), c)
			}
		}
	}
	visit(0, 0, 0)
	return best
}

// verify checks that res is a consistent answer for the input: blocs
// numbered by their smallest nodes, at most k of them if k > 0, and Cost and
// Violated agreeing with the partition.
func verify(t *testing.T, n int, edges []Edge, k int, res Result) {
	t.Helper()
	if len(res.Bloc) != n {
		t.Fatalf("len(Bloc) = %d, want %d", len(res.Bloc), n)
	}
	next := int32(0)
	for v, b := range res.Bloc {
		if b > next || b < 0 {
			t.Fatalf("Bloc[%d] = %d, want blocs numbered by smallest node (next new bloc %d)", v, b, next)
		}
		if b == next {
			next++
		}
	}
	if k > 0 && int(next) > k {
		t.Errorf("%d blocs used, want at most %d", next, k)
	}
	var broken []int
	var cost float64
	for i, e := range edges {
		if (res.Bloc[e.U] == res.Bloc[e.V]) == e.Negative {
			broken = append(broken, i)
			cost += e.Weight
		}
	}
	if diff := cmp.Diff(broken, res.Violated); diff != "" {
		t.Errorf("Violated mismatch (-want +got):\n%s", diff)
	}
	if res.Cost != cost {
		t.Errorf("Cost = %v, recount from Bloc = %v", res.Cost, cost)
	}
	if res.LowerBound > res.Cost {
		t.Errorf("LowerBound = %v exceeds Cost = %v", res.LowerBound, res.Cost)
	}
	if res.Optimal && res.LowerBound != res.Cost {
		t.Errorf("Optimal with LowerBound = %v, Cost = %v", res.LowerBound, res.Cost)
	}
}

// randomGraph returns a random signed graph on n nodes. Its weights are
// multiples of 1/4, so that every sum of them is exact.
func randomGraph(rng *rand.Rand, n int) []Edge {
	density := 0.05 + 0.9*rng.Float64()
	hostile := 0.1 + 0.7*rng.Float64()
	weighted := rng.IntN(3) == 0
	var edges []Edge
	for u := range int32(n) {
		for v := u + 1; v < int32(n); v++ {
			if rng.Float64() >= density {
				continue
			}
			for range 1 + rng.IntN(20)/19 { // an occasional parallel edge
				e := Edge{U: u, V: v, Negative: rng.Float64() < hostile, Weight: 1}
				if weighted {
					e.Weight = float64(1+rng.IntN(12)) / 4
				}
				if rng.IntN(2) == 0 {
					e.U, e.V = e.V, e.U
				}
				edges = append(edges, e)
			}
		}
	}
	return edges
}

func TestSolveMatchesExhaustiveSearch(t *testing.T) {
	for _, k := range []int{0, 2, 3} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(k), 2024))
			for trial := range 240 {
				n := 1 + trial%14
				edges := randomGraph(rng, n)
				want := minCost(n, edges, k)
				res, err := Solve(n, edges, Options{K: k, Seed: int64(trial)})
				if err != nil {
					t.Fatalf("trial %d: Solve: %v", trial, err)
				}
				verify(t, n, edges, k, res)
				if res.Cost != want || !res.Optimal {
					t.Errorf("trial %d (n=%d, %d edges): Cost = %v, Optimal = %v; exhaustive minimum %v",
						trial, n, len(edges), res.Cost, res.Optimal, want)
				}
			}
		})
	}
}

func TestSolveHeuristicAloneNeverOverclaims(t *testing.T) {
	for _, k := range []int{0, 2, 3} {
		rng := rand.New(rand.NewPCG(uint64(k), 7))
		for trial := range 200 {
			n := 1 + trial%14
			edges := randomGraph(rng, n)
			want := minCost(n, edges, k)
			// MaxExact 1 leaves every block of a cycle to the heuristic.
			res, err := Solve(n, edges, Options{K: k, MaxExact: 1, Effort: 1, Seed: int64(trial)})
			if err != nil {
				t.Fatalf("k=%d trial %d: Solve: %v", k, trial, err)
			}
			verify(t, n, edges, k, res)
			if res.Cost < want || res.LowerBound > want || res.Optimal && res.Cost != want {
				t.Errorf("k=%d trial %d: Cost = %v, LowerBound = %v, Optimal = %v; exhaustive minimum %v",
					k, trial, res.Cost, res.LowerBound, res.Optimal, want)
			}
		}
	}
}

// ties returns the ties of g among the nodes from d on as edges, renumbered
// from 0.
func ties(g *graph, d int32) []Edge {
	var edges []Edge
	for _, t := range g.ties {
		if t.u >= d && t.v >= d {
			edges = append(edges, Edge{U: t.u - d, V: t.v - d, Negative: t.w < 0, Weight: math.Abs(t.w)})
		}
	}
	return edges
}

func TestSuffixBoundsAreLowerBounds(t *testing.T) {
	for _, k := range []int{0, 2, 3} {
		rng := rand.New(rand.NewPCG(uint64(k), 11))
		for trial := range 100 {
			n := 1 + trial%10
			g, _ := simplify(n, randomGraph(rng, n))
			bounds := newPacker(g, k == 2, math.MaxInt).suffixBounds(math.MaxInt)
			for d := range int32(n) {
				if want := minCost(n-int(d), ties(g, d), k); bounds[d] > want {
					t.Errorf("k=%d trial %d: bound %v on the ties from node %d exceeds their minimum cost %v",
						k, trial, bounds[d], d, want)
				}
			}
		}
	}
}

func TestExactAloneMatchesExhaustiveSearch(t *testing.T) {
	for _, k := range []int{0, 2, 3} {
		rng := rand.New(rand.NewPCG(uint64(k), 13))
		for trial := range 100 {
			n := 1 + trial%12
			g, _ := simplify(n, randomGraph(rng, n))
			limit := k
			if limit >= n {
				limit = 0
			}
			bounds := newPacker(g, limit == 2, math.MaxInt).suffixBounds(math.MaxInt)
			label, _, done := exact(g, limit, bounds, make([]int32, n), math.Inf(1), math.MaxInt, time.Time{})
			if !done {
				t.Fatalf("k=%d trial %d: search did not complete", k, trial)
			}
			if got, want := evaluate(g, label), minCost(n, ties(g, 0), k); got != want {
				t.Errorf("k=%d trial %d: exact search found cost %v, exhaustive minimum %v", k, trial, got, want)
			}
		}
	}
}

func TestBlocks(t *testing.T) {
	// Triangles {0, 1, 2} and {2, 3, 4} share node 2; tie 4-5 hangs off
	// the second; node 6 has no ties; 7-8-9-7 is another component.
	g := newGraph(10, []tie{
		{0, 1, 1}, {1, 2, -1}, {2, 0, 1},
		{2, 3, 1}, {3, 4, 1}, {4, 2, -1},
		{4, 5, 1},
		{7, 8, 1}, {8, 9, 1}, {9, 7, -1},
	})
	component := []int{0, 0, 0, 0, 0, 0, 1, 2, 2, 2}
	var got [][]int32
	seen := map[int32]bool{}
	started := map[int]bool{} // components with a block already
	for i, b := range g.blocks() {
		if c := component[b.nodes[0]]; !seen[b.nodes[0]] && started[c] {
			t.Errorf("block %d %v: attachment node %d is in no earlier block of its component", i, b.nodes, b.nodes[0])
		}
		for _, v := range b.nodes[1:] {
			if seen[v] {
				t.Errorf("block %d %v: node %d is in an earlier block", i, b.nodes, v)
			}
		}
		for _, v := range b.nodes {
			seen[v] = true
			started[component[v]] = true
		}
		nodes := slices.Clone(b.nodes)
		slices.Sort(nodes)
		got = append(got, nodes)
	}
	slices.SortFunc(got, slices.Compare)
	want := [][]int32{{0, 1, 2}, {2, 3, 4}, {4, 5}, {7, 8, 9}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("blocks mismatch (-want +got):\n%s", diff)
	}
}

func TestSolveCases(t *testing.T) {
	pos := func(u, v int32, w float64) Edge { return Edge{U: u, V: v, Weight: w} }
	neg := func(u, v int32, w float64) Edge { return Edge{U: u, V: v, Negative: true, Weight: w} }
	tests := []struct {
		name  string
		n     int
		edges []Edge
		k     int
		want  Result
	}{
		{name: "no nodes", n: 0, want: Result{Bloc: []int32{}, Optimal: true}},
		{name: "no edges, free", n: 3, want: Result{Bloc: []int32{0, 1, 2}, Optimal: true}},
		{name: "no edges, k=2", n: 3, k: 2, want: Result{Bloc: []int32{0, 0, 0}, Optimal: true}},
		{
			name:  "isolated node, free",
			n:     3,
			edges: []Edge{pos(1, 2, 1)},
			want:  Result{Bloc: []int32{0, 1, 1}, Optimal: true},
		},
		{
			name:  "isolated node joins bloc 0, k=2",
			n:     3,
			edges: []Edge{neg(1, 2, 1)},
			k:     2,
			want:  Result{Bloc: []int32{0, 0, 1}, Optimal: true},
		},
		{
			name:  "components share blocs, k=2",
			n:     4,
			edges: []Edge{neg(0, 1, 1), neg(3, 2, 1)},
			k:     2,
			want:  Result{Bloc: []int32{0, 1, 0, 1}, Optimal: true},
		},
		{
			name:  "components keep apart, free",
			n:     4,
			edges: []Edge{neg(0, 1, 1), neg(3, 2, 1)},
			want:  Result{Bloc: []int32{0, 1, 2, 3}, Optimal: true},
		},
		{
			name:  "all positive",
			n:     4,
			edges: []Edge{pos(0, 1, 1), pos(1, 2, 1), pos(2, 3, 1), pos(3, 0, 1), pos(0, 2, 1)},
			k:     2,
			want:  Result{Bloc: []int32{0, 0, 0, 0}, Optimal: true},
		},
		{
			name:  "all negative, free",
			n:     4,
			edges: []Edge{neg(0, 1, 1), neg(1, 2, 1), neg(2, 3, 1), neg(3, 0, 1), neg(0, 2, 1), neg(1, 3, 1)},
			want:  Result{Bloc: []int32{0, 1, 2, 3}, Optimal: true},
		},
		{
			name:  "all negative, k=4",
			n:     4,
			edges: []Edge{neg(0, 1, 1), neg(1, 2, 1), neg(2, 3, 1), neg(3, 0, 1), neg(0, 2, 1), neg(1, 3, 1)},
			k:     4,
			want:  Result{Bloc: []int32{0, 1, 2, 3}, Optimal: true},
		},
		{
			name:  "all negative, k=1",
			n:     3,
			edges: []Edge{neg(0, 1, 1), neg(1, 2, 2)},
			k:     1,
			want:  Result{Bloc: []int32{0, 0, 0}, Cost: 3, Violated: []int{0, 1}, Optimal: true, LowerBound: 3},
		},
		{
			name:  "cheapest tie breaks",
			n:     3,
			edges: []Edge{pos(0, 1, 5), pos(1, 2, 1), neg(0, 2, 2)},
			want:  Result{Bloc: []int32{0, 0, 1}, Cost: 1, Violated: []int{1}, Optimal: true, LowerBound: 1},
		},
		{
			name:  "odd hostile cycle, k=2",
			n:     3,
			edges: []Edge{neg(0, 1, 3), neg(1, 2, 3), neg(0, 2, 2)},
			k:     2,
			want:  Result{Bloc: []int32{0, 1, 0}, Cost: 2, Violated: []int{2}, Optimal: true, LowerBound: 2},
		},
		{
			name:  "parallel edges add up",
			n:     2,
			edges: []Edge{pos(0, 1, 1), neg(1, 0, 1), pos(0, 1, 1)},
			want:  Result{Bloc: []int32{0, 0}, Cost: 1, Violated: []int{1}, Optimal: true, LowerBound: 1},
		},
		{
			name:  "parallel edges cancel",
			n:     2,
			edges: []Edge{pos(0, 1, 2), neg(0, 1, 2)},
			want:  Result{Bloc: []int32{0, 1}, Cost: 2, Violated: []int{0}, Optimal: true, LowerBound: 2},
		},
		{
			name:  "bloc limit above node count",
			n:     2,
			edges: []Edge{neg(0, 1, 1)},
			k:     1 << 40,
			want:  Result{Bloc: []int32{0, 1}, Optimal: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Solve(tt.n, tt.edges, Options{K: tt.k})
			if err != nil {
				t.Fatalf("Solve: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Solve mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSolveErrors(t *testing.T) {
	edge := func(u, v int32, w float64) []Edge { return []Edge{{U: 0, V: 1, Weight: 1}, {U: u, V: v, Weight: w}} }
	tests := []struct {
		name  string
		n     int
		edges []Edge
		opt   Options
	}{
		{name: "negative node count", n: -1},
		{name: "self-loop", n: 3, edges: edge(2, 2, 1)},
		{name: "node too large", n: 3, edges: edge(1, 3, 1)},
		{name: "negative node", n: 3, edges: edge(-1, 2, 1)},
		{name: "edge without nodes", n: 0, edges: edge(0, 1, 1)},
		{name: "zero weight", n: 3, edges: edge(1, 2, 0)},
		{name: "negative weight", n: 3, edges: edge(1, 2, -1)},
		{name: "NaN weight", n: 3, edges: edge(1, 2, math.NaN())},
		{name: "infinite weight", n: 3, edges: edge(1, 2, math.Inf(1))},
		{
			name:  "weight sum overflows",
			n:     3,
			edges: []Edge{{U: 0, V: 1, Weight: math.MaxFloat64}, {U: 1, V: 2, Weight: math.MaxFloat64}},
		},
		{name: "negative K", n: 3, opt: Options{K: -1}},
		{name: "negative MaxExact", n: 3, opt: Options{MaxExact: -1}},
		{name: "negative Effort", n: 3, opt: Options{Effort: -2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Solve(tt.n, tt.edges, tt.opt)
			if err == nil {
				t.Fatal("Solve returned no error")
			}
			if diff := cmp.Diff(Result{}, got); diff != "" {
				t.Errorf("Solve with error returned a result (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSolveDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 19))
	for _, k := range []int{0, 2, 3} {
		n, edges := plantedGraph(rng, 3000)
		// A small MaxExact and Effort leave blocks unproven, so that the
		// result rests on the seeded heuristic.
		opt := Options{K: k, Seed: 5, MaxExact: 8, Effort: 2}
		first, err := Solve(n, edges, opt)
		if err != nil {
			t.Fatal(err)
		}
		verify(t, n, edges, k, first)
		second, err := Solve(n, edges, opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, second); diff != "" {
			t.Errorf("k=%d: results of equal calls differ (-first +second):\n%s", k, diff)
		}
	}
}

func TestSolveDeadline(t *testing.T) {
	n, edges := plantedGraph(rand.New(rand.NewPCG(23, 29)), 20000)
	res, err := Solve(n, edges, Options{Deadline: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	verify(t, n, edges, 0, res)
}

// plantedGraph returns a sparse random signed graph with the given number of
// ties on ties/2 nodes, a mean degree of 4. The nodes fall into 8 hidden
// blocs; a tie is positive inside a bloc and hostile between blocs, with its
// sign flipped with probability 0.1. Some ties are parallel.
func plantedGraph(rng *rand.Rand, ties int) (int, []Edge) {
	n := max(2, ties/2)
	edges := make([]Edge, 0, ties)
	for len(edges) < ties {
		u, v := rng.Int32N(int32(n)), rng.Int32N(int32(n))
		if u != v {
			hostile := u%8 != v%8
			edges = append(edges, Edge{U: u, V: v, Negative: hostile != (rng.Float64() < 0.1), Weight: 1})
		}
	}
	return n, edges
}

func BenchmarkSolveRandom(b *testing.B) {
	for _, ties := range []int{1000, 10000, 100000} {
		n, edges := plantedGraph(rand.New(rand.NewPCG(31, uint64(ties))), ties)
		for _, k := range []int{2, 0} {
			b.Run(fmt.Sprintf("ties=%d/k=%d", ties, k), func(b *testing.B) {
				b.ReportAllocs()
				var res Result
				for b.Loop() {
					var err error
					if res, err = Solve(n, edges, Options{K: k}); err != nil {
						b.Fatal(err)
					}
				}
				reportResult(b, res)
			})
		}
	}
}

func FuzzSolve(f *testing.F) {
	f.Add([]byte{5, 2, 1, 2, 3, 2, 3, 4, 3, 1, 5})
	f.Add([]byte{9, 0, 1, 2, 2, 2, 3, 3, 3, 4, 5, 4, 5, 7, 1, 6, 9, 8})
	f.Add([]byte{4, 3, 1, 1, 9, 0, 2, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		n, k := int(data[0]%10), int(data[1]%5)
		// Each three bytes make an edge; ends and weights may be invalid.
		var edges []Edge
		valid := true
		for b := data[2:]; len(b) >= 3; b = b[3:] {
			e := Edge{U: int32(b[0]%12) - 1, V: int32(b[1]%12) - 1, Negative: b[2]&1 == 1, Weight: float64(b[2]>>1) / 4}
			valid = valid && e.U >= 0 && e.V >= 0 && int(e.U) < n && int(e.V) < n && e.U != e.V && e.Weight > 0
			edges = append(edges, e)
		}
		res, err := Solve(n, edges, Options{K: k, Seed: int64(len(data))})
		if (err == nil) != valid {
			t.Fatalf("Solve error = %v, want error: %v", err, !valid)
		}
		if err != nil {
			return
		}
		verify(t, n, edges, k, res)
		if want := minCost(n, edges, k); res.Cost != want || !res.Optimal {
			t.Errorf("Cost = %v, Optimal = %v; exhaustive minimum %v", res.Cost, res.Optimal, want)
		}
	})
}
