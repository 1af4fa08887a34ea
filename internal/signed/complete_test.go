package signed

import (
	"math/rand/v2"
	"testing"
)

// TestCompleteSearch checks that blocks of up to 30 nodes are proven
// optimal whatever the default effort allows: here 30-node signed graphs
// with half of all pairs tied, where the default effort alone gives up for
// any number of blocs.
func TestCompleteSearch(t *testing.T) {
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
			if res, _ := Solve(30, edges, Options{K: k, Complete: -1}); k == 0 && res.Optimal {
				t.Logf("seed %d: the default effort alone proved K=0 too", seed)
			}
		}
	}
}
