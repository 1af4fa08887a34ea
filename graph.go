package conflict

import (
	"slices"
	"strings"

	"github.com/dominikbraun/graph"
)

// Graph returns the ties in force at the moment as a directed graph of
// [github.com/dominikbraun/graph] (v0.23.0), for the algorithms it offers:
// shortest paths, strongly connected components, topological order of
// sponsor chains, transitive reduction. Its type is that module's, which is
// at major version zero and may change.
//
// The vertices are the nodes with a tie in force, keyed by ID, with
// attributes "type" (actor, backer, location), "kind" and "name". That graph
// holds one edge per ordered pair, so all ties in force from one node to
// another share an edge: its data is their []Tie, sorted with
// [Tie.Compare]; its attribute "kinds" lists their kinds, comma-separated
// in the order of [RelationKind]; its weight is their number. A symmetric
// tie (allied, fights, ceasefire) runs from the smaller ID to the larger.
//
// Building the graph costs in proportion to the ties in force; its own
// algorithms cost O(V+E) or more per call. To draw it, use package
// [github.com/conflictgraph/conflict/dot]: that module's draw.DOT neither
// orders its output nor escapes quotes in IDs.
func (m Moment) Graph() (graph.Graph[string, Node], error) {
	type pair struct{ from, to string }
	edges := map[pair][]Tie{}
	var pairs []pair
	nodes := map[string]bool{}
	for t := range m.Ties() {
		k := pair{t.From, t.To}
		if _, ok := edges[k]; !ok {
			pairs = append(pairs, k)
		}
		edges[k] = append(edges[k], t)
		nodes[t.From], nodes[t.To] = true, true
	}
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := strings.Compare(a.from, b.from); c != 0 {
			return c
		}
		return strings.Compare(a.to, b.to)
	})

	g := graph.New(func(n Node) string { return n.ID }, graph.Directed())
	rec := &m.snapshot().rec
	for _, id := range ids {
		n := rec.node(rec.nodeID[id])
		if err := g.AddVertex(n,
			graph.VertexAttribute("type", n.Type.String()),
			graph.VertexAttribute("kind", n.Kind),
			graph.VertexAttribute("name", n.Name),
		); err != nil {
			return nil, err
		}
	}
	for _, k := range pairs {
		ties := edges[k]
		slices.SortFunc(ties, Tie.Compare)
		kinds := make([]string, 0, len(ties))
		for _, t := range ties {
			if w := t.Kind.String(); !slices.Contains(kinds, w) {
				kinds = append(kinds, w)
			}
		}
		if err := g.AddEdge(k.from, k.to,
			graph.EdgeData(ties),
			graph.EdgeAttribute("kinds", strings.Join(kinds, ",")),
			graph.EdgeWeight(len(ties)),
		); err != nil {
			return nil, err
		}
	}
	return g, nil
}
