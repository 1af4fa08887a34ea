package signed

import (
	"container/heap"
	"math"
)

// A graph is a simple undirected signed graph on the nodes 0, 1, ..., n-1,
// stored in compressed sparse row form. A tie's weight is positive for a
// positive tie and negative for a hostile one; its magnitude is what breaking
// the tie costs.
type graph struct {
	start []int32 // the arcs leaving v are arcs[start[v]:start[v+1]]
	arcs  []arc
	ties  []tie
}

// A tie is an undirected tie between u and v.
type tie struct {
	u, v int32
	w    float64
}

// An arc is one direction of a tie.
type arc struct {
	to  int32
	tie int32 // index in graph.ties
	w   float64
}

// newGraph returns the graph on n nodes with the given ties, which it keeps.
// The arcs of each node are in the order of their ties.
func newGraph(n int, ties []tie) *graph {
	g := &graph{start: make([]int32, n+1), arcs: make([]arc, 2*len(ties)), ties: ties}
	for _, t := range ties {
		g.start[t.u+1]++
		g.start[t.v+1]++
	}
	for v := range n {
		g.start[v+1] += g.start[v]
	}
	next := make([]int32, n)
	copy(next, g.start)
	for i, t := range ties {
		g.arcs[next[t.u]] = arc{to: t.v, tie: int32(i), w: t.w}
		next[t.u]++
		g.arcs[next[t.v]] = arc{to: t.u, tie: int32(i), w: t.w}
		next[t.v]++
	}
	return g
}

// order returns the number of nodes.
func (g *graph) order() int { return len(g.start) - 1 }

// neighbors returns the arcs leaving v.
func (g *graph) neighbors(v int32) []arc { return g.arcs[g.start[v]:g.start[v+1]] }

// weight returns the total weight of the ties, counting hostile ones positively.
func (g *graph) weight() float64 {
	var sum float64
	for _, t := range g.ties {
		sum += math.Abs(t.w)
	}
	return sum
}

// tolerance returns the cost difference below which two costs of
// partitions of g are taken as equal: a 10⁻¹² fraction of its total weight,
// far above the rounding error of adding up its weights.
func tolerance(g *graph) float64 { return 1e-12 * g.weight() }

// subgraph returns the graph induced by the given ties on nodes, renumbered
// so that nodes[i] becomes node i. index must map each of nodes to its
// position in nodes.
func (g *graph) subgraph(nodes, ties []int32, index []int32) *graph {
	sub := make([]tie, len(ties))
	for i, t := range ties {
		gt := g.ties[t]
		sub[i] = tie{u: index[gt.u], v: index[gt.v], w: gt.w}
	}
	return newGraph(len(nodes), sub)
}

// permute returns g with node order[i] renumbered as i.
func (g *graph) permute(order []int32) *graph {
	rank := make([]int32, len(order))
	for i, v := range order {
		rank[v] = int32(i)
	}
	ties := make([]tie, len(g.ties))
	for i, t := range g.ties {
		ties[i] = tie{u: rank[t.u], v: rank[t.v], w: t.w}
	}
	return newGraph(len(order), ties)
}

// searchOrder returns the nodes of the connected graph g in the order in
// which branch and bound assigns them: first the node of largest weighted
// degree, then repeatedly the node most strongly tied to those already
// ordered, breaking ties by weighted degree and then by smaller node. Early
// nodes thus constrain each other, which tightens the bounds near the root.
// It costs O(t log t) time for t ties.
func searchOrder(g *graph) []int32 {
	n := g.order()
	degree := make([]float64, n)
	first := int32(0)
	for v := range int32(n) {
		for _, a := range g.neighbors(v) {
			degree[v] += math.Abs(a.w)
		}
		if degree[v] > degree[first] {
			first = v
		}
	}
	tied := make([]float64, n)
	done := make([]bool, n)
	order := make([]int32, 0, n)
	q := &candidates{{node: first, degree: degree[first]}}
	for q.Len() > 0 {
		c := heap.Pop(q).(candidate)
		if done[c.node] || c.tied != tied[c.node] {
			continue // stale entry
		}
		done[c.node] = true
		order = append(order, c.node)
		for _, a := range g.neighbors(c.node) {
			if !done[a.to] {
				tied[a.to] += math.Abs(a.w)
				heap.Push(q, candidate{node: a.to, tied: tied[a.to], degree: degree[a.to]})
			}
		}
	}
	return order
}

type candidate struct {
	node   int32
	tied   float64
	degree float64
}

// candidates is a max-heap of candidates by tied, then degree, then smaller node.
type candidates []candidate

func (q candidates) Len() int { return len(q) }
func (q candidates) Less(i, j int) bool {
	a, b := q[i], q[j]
	if a.tied != b.tied {
		return a.tied > b.tied
	}
	if a.degree != b.degree {
		return a.degree > b.degree
	}
	return a.node < b.node
}
func (q candidates) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *candidates) Push(x any)   { *q = append(*q, x.(candidate)) }
func (q *candidates) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}
