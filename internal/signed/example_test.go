package signed_test

import (
	"fmt"

	"github.com/conflictgraph/conflict/internal/signed"
)

func Example() {
	// Alliances {0, 1, 2} and {3, 4} fight each other, but 2 also fights
	// its ally 0 and supports 3: it is better seen in the other camp, at
	// the price of one broken tie, its alliance with 1.
	edges := []signed.Edge{
		{U: 0, V: 1, Weight: 1},
		{U: 1, V: 2, Weight: 1},
		{U: 0, V: 2, Negative: true, Weight: 1},
		{U: 3, V: 4, Weight: 1},
		{U: 0, V: 3, Negative: true, Weight: 1},
		{U: 1, V: 4, Negative: true, Weight: 1},
		{U: 2, V: 3, Weight: 1},
	}
	for _, k := range []int{0, 2} {
		res, err := signed.Solve(5, edges, signed.Options{K: k})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("K=%d: blocs %v, cost %v, broken %v, optimal %v\n", k, res.Bloc, res.Cost, res.Violated, res.Optimal)
	}
	// Output:
	// K=0: blocs [0 0 1 1 1], cost 1, broken [1], optimal true
	// K=2: blocs [0 0 1 1 1], cost 1, broken [1], optimal true
}
