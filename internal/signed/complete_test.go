package signed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// completeGraph returns the complete signed graph on n nodes, each tie of
// weight 1 and hostile with probability one half.
func completeGraph(n int, seed uint64) []Edge {
	r := rand.New(rand.NewPCG(seed, 5))
	var edges []Edge
	for u := range int32(n) {
		for v := u + 1; v < int32(n); v++ {
			edges = append(edges, Edge{U: u, V: v, Negative: r.IntN(2) == 0, Weight: 1})
		}
	}
	return edges
}

// TestEffortBoundsCompleteGraphs checks that complete graphs, whose exact
// search to the end takes minutes with any number of blocs, return within
// the effort with an honest answer: a lower bound at most the cost, equal
// to it when proven, and at most the cost that any other run finds.
func TestEffortBoundsCompleteGraphs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("searches take seconds; run without -short and -race")
	}
	tests := []struct {
		n, effort int
	}{
		{30, 0}, // the default effort
		{31, 2},
		{40, 2},
	}
	for _, tt := range tests {
		edges := completeGraph(tt.n, uint64(tt.n))
		for _, k := range []int{0, 2, 3} {
			t.Run(fmt.Sprintf("n=%d/k=%d", tt.n, k), func(t *testing.T) {
				start := time.Now()
				res, err := Solve(tt.n, edges, Options{K: k, Effort: tt.effort})
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("cost %v, lower bound %v, optimal %v (%v)", res.Cost, res.LowerBound, res.Optimal, time.Since(start).Round(time.Millisecond))
				verify(t, tt.n, edges, k, res)
				if !res.Optimal && res.LowerBound >= res.Cost {
					t.Errorf("not optimal, yet lower bound %v reaches cost %v", res.LowerBound, res.Cost)
				}
				other, err := Solve(tt.n, edges, Options{K: k, Effort: 1, Seed: 1})
				if err != nil {
					t.Fatal(err)
				}
				verify(t, tt.n, edges, k, other)
				if other.Cost < res.LowerBound || res.Cost < other.LowerBound {
					t.Errorf("runs disagree: cost %v with bound %v, cost %v with bound %v",
						res.Cost, res.LowerBound, other.Cost, other.LowerBound)
				}
				if res.Optimal && other.Optimal && res.Cost != other.Cost {
					t.Errorf("both runs proven optimal, with costs %v and %v", res.Cost, other.Cost)
				}
			})
		}
	}
}

// TestCutShortIsNotOptimal checks that a proof cut short by the effort or
// by the deadline is not claimed: on a complete graph of 30 nodes with any
// number of blocs, whose proof takes minutes.
func TestCutShortIsNotOptimal(t *testing.T) {
	edges := completeGraph(30, 30)
	tests := []struct {
		name string
		opt  Options
	}{
		{"effort", Options{Effort: 1}},
		{"deadline", Options{Deadline: time.Now()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.name == "effort" {
				t.Skip("takes a second")
			}
			res, err := Solve(30, edges, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			verify(t, 30, edges, 0, res)
			if res.Optimal || !(res.LowerBound < res.Cost) {
				t.Errorf("cost %v, lower bound %v, optimal %v: want a proof given up", res.Cost, res.LowerBound, res.Optimal)
			}
		})
	}
}

// TestExactBudget checks the exact search cut short at various budgets:
// the lower bound it returns never exceeds the least cost, and it reports
// a completed search only with the least cost.
func TestExactBudget(t *testing.T) {
	for _, k := range []int{0, 2, 3} {
		rng := rand.New(rand.NewPCG(uint64(k), 37))
		for trial := range 120 {
			n := 2 + trial%11
			g, _ := simplify(n, randomGraph(rng, n))
			limit := k
			if limit >= n {
				limit = 0
			}
			want := minCost(n, ties(g, 0), k)
			bounds := newPacker(g, limit == 2, math.MaxInt).suffixBounds(math.MaxInt)
			for _, budget := range []int{0, 10, 100, 1000, 10000} {
				label, bound, done := exact(g, limit, bounds, make([]int32, n), math.Inf(1), budget, time.Time{})
				got := evaluate(g, label)
				switch {
				case budget == 0 && done:
					t.Errorf("k=%d trial %d: search with no budget completed", k, trial)
				case bound > want:
					t.Errorf("k=%d trial %d, budget %d: lower bound %v exceeds the least cost %v", k, trial, budget, bound, want)
				case bound > got:
					t.Errorf("k=%d trial %d, budget %d: lower bound %v exceeds the cost %v found", k, trial, budget, bound, got)
				case done && (got != want || bound != want):
					t.Errorf("k=%d trial %d, budget %d: completed with cost %v and bound %v; least cost %v", k, trial, budget, got, bound, want)
				}
			}
		}
	}
}

// TestDefaultEffortProves checks that the default effort proves optimal
// 30-node signed graphs with half of all pairs tied, whose search takes a
// few seconds with any number of blocs.
func TestDefaultEffortProves(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("30-node searches take seconds; run without -short and -race")
	}
	for seed := range uint64(2) {
		r := rand.New(rand.NewPCG(seed, 9))
		var edges []Edge
		for u := range int32(30) {
			for v := u + 1; v < 30; v++ {
				if r.IntN(2) == 0 {
					edges = append(edges, Edge{U: u, V: v, Negative: r.IntN(2) == 0, Weight: 1})
				}
			}
		}
		for _, k := range []int{0, 2, 3} {
			res, err := Solve(30, edges, Options{K: k})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Optimal || res.LowerBound != res.Cost {
				t.Errorf("seed %d, K=%d: cost %v, bound %v, optimal %v: want a proof", seed, k, res.Cost, res.LowerBound, res.Optimal)
			}
		}
	}
}
