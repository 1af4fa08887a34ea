// Package signed partitions signed graphs into blocs by structural balance.
//
// In a signed graph every edge is a positive tie (support, alliance) or a
// hostile one (fighting). A partition of the nodes into blocs breaks a
// positive tie between two blocs and a hostile tie inside one. Solve finds a
// partition that breaks ties of least total weight: correlation clustering
// when the number of blocs is free, and the frustration index (line index of
// balance) when at most two blocs are allowed.
//
// Solve works on dense node IDs 0, 1, ..., n-1. It proves its answers
// optimal for small and sparse graphs and falls back to a seeded heuristic
// with a certified lower bound for large ones.
package signed

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// An Edge is an undirected signed tie between nodes U and V.
// Solve accepts several edges between the same nodes and prices each alone.
type Edge struct {
	U, V     int32
	Negative bool    // hostile tie; otherwise positive
	Weight   float64 // cost of breaking the tie; positive and finite
}

// Options tunes Solve. The zero value allows any number of blocs, seeds
// the heuristic with 0, uses the default effort and sets no deadline.
type Options struct {
	// K is the largest number of blocs, or 0 for any number.
	K int

	// Seed seeds the heuristic. Equal inputs, options and seeds give
	// equal results, unless Deadline cuts the work short.
	Seed int64

	// MaxExact is the number of nodes of the largest block (biconnected
	// part of the graph) that Solve searches exactly when the heuristic
	// does not reach the lower bound; 0 means 256. The exact search takes
	// time exponential in the block's size in the worst case, so Effort
	// bounds it too.
	MaxExact int

	// Effort bounds the work spent on each block, whatever its size: the
	// heuristic makes at most Effort starts, and the lower bound, the
	// heuristic and the exact search together take about Effort×2²⁸ steps
	// of work (see Solve) before Solve gives up the proof and returns the
	// best partition found. 0 means 16. The work is counted, not timed, so
	// equal inputs give equal results whatever the machine's speed.
	Effort int

	// Deadline, if not zero, stops the heuristic and the exact search
	// once passed. Each heuristic still makes one start, so Solve may
	// return after the deadline. Which work a deadline cuts depends on
	// timing, and so may the result.
	Deadline time.Time
}

// Result is a partition found by Solve.
type Result struct {
	// Bloc is the bloc of each node. Blocs are numbered from 0 in the
	// order of their smallest nodes.
	Bloc []int32

	// Cost is the total weight of the broken ties.
	Cost float64

	// Violated lists the indices in the edge list of the broken ties,
	// ascending.
	Violated []int

	// Optimal reports whether Cost is proven minimal, up to a 10⁻¹²
	// fraction of the total weight for rounding.
	Optimal bool

	// LowerBound is the best proven lower bound on the minimal cost.
	// It equals Cost when Optimal is set.
	LowerBound float64
}

// Defaults for the zero Options fields.
const (
	defaultMaxExact = 256
	defaultEffort   = 16
)

// stepsPerEffort is the number of steps of work that one unit of
// Options.Effort buys on each block: 2²⁸, half a second to a second on the
// 2-core reference machine, so that the default effort gives up on a block
// after 10 to 15 seconds.
const stepsPerEffort = 1 << 28

// boundWork bounds the work of the lower bound on a block larger than
// Options.MaxExact: each of its searches for a bad cycle visits at most
// max(256, boundWork/n) states on a block of n nodes. On large blocks the
// bound thus finds only short cycles, at a cost linear in the block's size.
const boundWork = 1 << 24

// Solve partitions the n nodes, numbered 0 to n-1, into blocs so that the
// total weight of the broken edges is as small as it can find, using at most
// opt.K blocs when opt.K > 0, some of which may be empty. It returns an
// error, and never panics, on invalid input: a negative n, an edge with an
// end out of range or both ends equal, a weight that is not positive and
// finite, weights whose sum overflows, or a negative option.
//
// Nodes without edges form a bloc each when opt.K is 0 and join bloc 0
// otherwise; so do nodes whose edges to each neighbor are positive and
// hostile in equal weight, as every placement of them costs the same. When
// opt.K is 1 all nodes share bloc 0.
//
// Solve first adds up the edges between each pair of nodes and splits the
// graph into its blocks, the maximal parts in which any two ties lie on a
// common cycle. The cost of a partition is the sum of its costs on the
// blocks, and partitions of the blocks combine into one of the graph by
// relabeling each block's blocs to agree on the one node it shares with
// the blocks before it, so each block is solved alone. For a block, Solve
//
//   - computes a lower bound by packing bad cycles (cycles with exactly one
//     hostile tie, or with an odd number of them when opt.K is 2, which no
//     partition can keep whole) that share no more weight than a tie has;
//   - runs a multi-start local search with single-node moves, bloc merges
//     and random kicks from a generator seeded by opt.Seed, and stops
//     early if it reaches the lower bound, which proves its answer optimal;
//   - else, if the block has at most opt.MaxExact nodes, searches it by
//     branch and bound, bounding each branch by the cost of its assigned
//     nodes, the cheapest placement of each other node against them and
//     a cycle packing among the unassigned nodes.
//
// The bound and the local search on a block with t ties take roughly
// O(t) time per start and per round of improvement, and usually far less
// than the exact search, which takes time exponential in the block's size
// in the worst case. So that every block takes bounded time, the three
// share a budget of opt.Effort×2²⁸ steps of work, a step being a few
// nanoseconds' work (a node or tie examined, a search state visited). Once
// the budget is spent, the bound packs no more cycles, the local search
// makes no more kicks or starts (its first start always builds and improves
// a partition), and the exact search gives up its proof. The answer is then
// the best partition found, and the lower bound the larger of the cycle
// packing and the least bound of the branches left unsearched. Deadline
// stops the local search and the exact search likewise, by time.
func Solve(n int, edges []Edge, opt Options) (Result, error) {
	if err := check(n, edges, opt); err != nil {
		return Result{}, err
	}
	if opt.MaxExact == 0 {
		opt.MaxExact = defaultMaxExact
	}
	if opt.Effort == 0 {
		opt.Effort = defaultEffort
	}
	opt.K = min(opt.K, n) // a larger limit cannot bind
	g, offset := simplify(n, edges)
	label, lb, optimal := partition(g, opt)
	res := Result{Bloc: canonical(label), Optimal: optimal}
	for i, e := range edges {
		if (res.Bloc[e.U] == res.Bloc[e.V]) == e.Negative {
			res.Violated = append(res.Violated, i)
			res.Cost += e.Weight
		}
	}
	res.LowerBound = res.Cost
	if !optimal {
		res.LowerBound = min(res.Cost, offset+lb)
	}
	return res, nil
}

func check(n int, edges []Edge, opt Options) error {
	switch {
	case n < 0 || n > math.MaxInt32:
		return fmt.Errorf("signed: node count %d out of range", n)
	case opt.K < 0:
		return fmt.Errorf("signed: negative bloc limit K = %d", opt.K)
	case opt.MaxExact < 0:
		return fmt.Errorf("signed: negative MaxExact = %d", opt.MaxExact)
	case opt.Effort < 0:
		return fmt.Errorf("signed: negative Effort = %d", opt.Effort)
	}
	var total float64
	for i, e := range edges {
		switch {
		case e.U < 0 || int(e.U) >= n || e.V < 0 || int(e.V) >= n:
			return fmt.Errorf("signed: edge %d (%d, %d) has a node out of range [0, %d)", i, e.U, e.V, n)
		case e.U == e.V:
			return fmt.Errorf("signed: edge %d is a self-loop at node %d", i, e.U)
		case !(e.Weight > 0) || math.IsInf(e.Weight, 1):
			return fmt.Errorf("signed: edge %d has weight %v, want positive and finite", i, e.Weight)
		}
		total += e.Weight
	}
	if math.IsInf(total, 1) {
		return fmt.Errorf("signed: total edge weight overflows")
	}
	return nil
}

// simplify returns the simple graph on n nodes that ties each pair of nodes
// with edges by their net weight, positive minus hostile, and the weight
// that every partition breaks anyway, the smaller of the two.
func simplify(n int, edges []Edge) (*graph, float64) {
	type end struct{ u, v, i int32 }
	ends := make([]end, len(edges))
	for i, e := range edges {
		ends[i] = end{min(e.U, e.V), max(e.U, e.V), int32(i)}
	}
	slices.SortFunc(ends, func(a, b end) int {
		return cmp.Or(cmp.Compare(a.u, b.u), cmp.Compare(a.v, b.v), cmp.Compare(a.i, b.i))
	})
	var (
		ties   []tie
		offset float64
	)
	for i := 0; i < len(ends); {
		var pos, neg float64
		j := i
		for ; j < len(ends) && ends[j].u == ends[i].u && ends[j].v == ends[i].v; j++ {
			if e := edges[ends[j].i]; e.Negative {
				neg += e.Weight
			} else {
				pos += e.Weight
			}
		}
		offset += min(pos, neg)
		if pos != neg {
			ties = append(ties, tie{ends[i].u, ends[i].v, pos - neg})
		}
		i = j
	}
	return newGraph(n, ties), offset
}

// partition solves g block by block and combines the blocks' partitions.
// It returns the bloc of each node, a lower bound on the cost and whether
// the partition is optimal.
func partition(g *graph, opt Options) (label []int32, lb float64, optimal bool) {
	n := g.order()
	label = make([]int32, n)
	if opt.K == 1 {
		return label, 0, true
	}
	for v := range label {
		label[v] = -1
	}
	optimal = true
	var fresh int32 // next unused bloc when blocs are free
	index := make([]int32, n)
	rename := make([]int32, n)
	for i, b := range g.blocks() {
		for j, v := range b.nodes {
			index[v] = int32(j)
		}
		loc, blb, bopt := solveBlock(g.subgraph(b.nodes, b.ties, index), opt, i)
		lb += blb
		optimal = optimal && bopt
		// Rename the block's blocs so that its attachment node keeps
		// the bloc it may already have.
		top, prior := loc[0], label[b.nodes[0]]
		if opt.K > 0 {
			for l := range rename[:opt.K] {
				rename[l] = int32(l)
			}
			if prior >= 0 {
				rename[top], rename[prior] = prior, top
			}
		} else {
			for l := range rename[:len(b.nodes)] {
				rename[l] = -1
			}
			if prior >= 0 {
				rename[top] = prior
			}
		}
		for j, v := range b.nodes {
			l := loc[j]
			if rename[l] < 0 {
				rename[l] = fresh
				fresh++
			}
			label[v] = rename[l]
		}
	}
	for v, l := range label {
		if l < 0 { // no ties
			if opt.K > 0 {
				label[v] = 0
			} else {
				label[v] = fresh
				fresh++
			}
		}
	}
	return label, lb, optimal
}

// solveBlock partitions block g, the i-th, and returns the bloc of each
// node, a lower bound on the cost (the cost itself if optimal) and whether
// the partition is optimal.
func solveBlock(g *graph, opt Options, i int) ([]int32, float64, bool) {
	n := g.order()
	if len(g.ties) == 1 {
		if g.ties[0].w < 0 {
			return []int32{0, 1}, 0, true
		}
		return []int32{0, 0}, 0, true
	}
	limit := opt.K
	if limit >= n {
		limit = 0 // cannot bind
	}
	order := searchOrder(g)
	h := g.permute(order)
	small := n <= opt.MaxExact
	reach := math.MaxInt
	if !small {
		reach = max(256, boundWork/n)
	}
	// The bound, the heuristic and the exact search spend the block's
	// budget in turn.
	budget := min(opt.Effort, math.MaxInt/stepsPerEffort) * stepsPerEffort
	packer := newPacker(h, limit == 2, reach)
	bounds := packer.suffixBounds(budget)
	budget -= packer.steps
	lb := bounds[0]
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), uint64(i)))
	label, cost, steps := heuristic(h, limit, opt.Effort, lb, rng, opt.Deadline, budget)
	budget -= steps
	optimal := cost <= lb+tolerance(h)
	if !optimal && small && budget > 0 {
		var bound float64
		label, bound, optimal = exact(h, limit, bounds, label, cost, budget, opt.Deadline)
		lb = max(lb, bound)
		optimal = optimal || evaluate(h, label) <= lb+tolerance(h)
	}
	if optimal {
		lb = evaluate(h, label)
	}
	loc := make([]int32, n)
	for j, v := range order {
		loc[v] = label[j]
	}
	return loc, lb, optimal
}

// canonical renumbers blocs in the order of their smallest nodes.
func canonical(label []int32) []int32 {
	rename := make([]int32, len(label))
	for i := range rename {
		rename[i] = -1
	}
	out := make([]int32, len(label))
	next := int32(0)
	for v, l := range label {
		if rename[l] < 0 {
			rename[l] = next
			next++
		}
		out[v] = rename[l]
	}
	return out
}
