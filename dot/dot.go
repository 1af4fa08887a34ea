// Package dot writes the graph of one moment of a conflict in the DOT
// language of Graphviz, for drawing with dot, neato and the like:
//
//	dot.Write(os.Stdout, c.At(t), dot.Options{Title: "Syria, 2016-04-06"})
//
// and then, say, "dot -Tsvg -o graph.svg".
//
// # What is drawn
//
// The graph is that of [conflict.Moment.Graph]: the nodes with a tie in
// force at the moment and one edge per ordered pair of nodes, carrying every
// tie in force from the one to the other; it is written as a strict digraph.
//
// Nodes are shaped by their type: actors are ellipses, backers rounded
// boxes, locations house shapes. Parties are filled with the colour of their
// bloc, from a fixed palette of eight colours given to the blocs in order;
// parties of later blocs, and parties in no bloc, are grey, and locations
// are white. The blocs are [Options.Blocs], by default those of
// [conflict.Moment.Sides] with the zero [conflict.SidesOptions]: the
// structural-balance split, which weighs enmity as well as friendship
// ([conflict.Moment.Alliances] tends to put most parties of a long war in one
// bloc). Each node is labelled with its name; its tooltip gives its ID,
// type and kind, and its bloc.
//
// Edges are styled by relation kind:
//
//	supports   green, solid, arrow to the supported party
//	allied     blue, solid, no arrow
//	fights     red, dashed, no arrow
//	ceasefire  orange, dotted, no arrow
//	part-of    purple, solid, open arrow to the whole
//	controls   grey, solid, arrow to the place
//	besieges   brown, bold, bar at the place
//	contests   grey, dashed, open circle at the place
//
// An edge that carries ties of several kinds (a backer that supports a party
// and fights it, say) is drawn as parallel lines, one colour per kind, in the
// style of its first kind in the order above; it has an arrow unless all its
// kinds are symmetric. Its weight, which Graphviz uses to keep heavy edges
// short, is the number of its ties. The colour of a kind whose ties only
// possibly hold at the moment (see [conflict.Certainty]) is half
// transparent. Each edge's tooltip lists its ties as [conflict.Tie.String]
// writes them. Unless [Options.NoLegend] is set, the graph's label ends with
// a key naming the styles of the kinds drawn.
//
// # Escaping and order
//
// Every ID, name and value is written between double quotes, with a double
// quote escaped as \" and a backslash as \\, so that distinct IDs stay
// distinct and the texts Graphviz shows (labels and tooltips) read as given.
// In those texts a line break is written \n, which Graphviz draws as a
// centred line break, and an ampersand as &amp;, since Graphviz reads "&lt;"
// and the like there as character entities; a carriage return is dropped,
// other control characters become spaces, and bytes that are not UTF-8
// become U+FFFD. Other characters, non-ASCII ones included, are written as
// they are, in UTF-8, the character set Graphviz reads by default.
//
// The statements come in a fixed order: the graph's attributes, the nodes
// sorted by ID, the edges sorted by source and target ID, and within each
// statement its attributes sorted by name. The same moment of the same
// record and the same options give the same bytes.
package dot

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

// Options tunes [Write]. The zero Options draw no title, colour the blocs of
// the moment's sides, and add the key.
type Options struct {
	// Title, if not empty, is drawn at the top of the graph.
	Title string

	// Blocs, if not nil, colours the parties: the parties of Blocs[0] get
	// the palette's first colour, and so on, as [conflict.Moment.Alliances]
	// or [conflict.Sides] list them. Nil means the blocs of
	// [conflict.Moment.Sides] with the zero [conflict.SidesOptions].
	Blocs [][]string

	// NoLegend leaves out the key to the edge styles.
	NoLegend bool
}

// An edge is every tie in force from one node to another.
type edge struct {
	from, to string
	ties     []conflict.Tie // sorted with conflict.Tie.Compare
}

// Write writes the graph of m to w in the DOT language; see the package
// documentation for what it draws. It returns the error of
// [conflict.Moment.Sides], if any, or of w. It costs in proportion to the
// ties in force, plus the sides' search when opt.Blocs is nil.
func Write(w io.Writer, m conflict.Moment, opt Options) error {
	ids, edges := gather(m)
	blocs := opt.Blocs
	if blocs == nil {
		s, err := m.Sides(conflict.SidesOptions{})
		if err != nil {
			return fmt.Errorf("dot: %w", err)
		}
		blocs = s.Blocs
	}
	blocOf := map[string]int{}
	for i, b := range blocs {
		for _, id := range b {
			if _, ok := blocOf[id]; !ok {
				blocOf[id] = i
			}
		}
	}

	drawn := make([]attrs, len(edges))
	kindsDrawn := map[conflict.RelationKind]bool{}
	anyFaded := false
	for i, e := range edges {
		a, faded := edgeAttributes(e.ties)
		drawn[i] = a
		anyFaded = anyFaded || faded
		for _, t := range e.ties {
			kindsDrawn[t.Kind] = true
		}
	}
	label := opt.Title
	if !opt.NoLegend {
		if key := legend(kindsDrawn, anyFaded, opt.Blocs == nil); key != "" {
			if label != "" {
				label += "\n"
			}
			label += key
		}
	}
	graphAttrs := attrs{{"rankdir", "LR"}, {"fontname", fontName}}
	if label != "" {
		graphAttrs = append(graphAttrs, attr{"label", label}, attr{"labelloc", "t"}, attr{"fontsize", "16"})
	}

	var out text
	out.WriteString("strict digraph {\n")
	out.graphAttributes(graphAttrs)
	for _, id := range ids {
		n, ok := m.Node(id)
		if !ok {
			return fmt.Errorf("dot: a tie in force names node %q, which the record lacks", id)
		}
		out.node(id, nodeAttributes(n, blocOf))
	}
	for i, e := range edges {
		out.edge(e.from, e.to, drawn[i], len(e.ties))
	}
	out.WriteString("}\n")
	_, err := w.Write(out.Bytes())
	return err
}

// gather returns the IDs of the nodes with a tie in force at m, sorted, and
// the ties in force grouped by ordered pair of nodes, sorted by source and
// target ID.
func gather(m conflict.Moment) ([]string, []edge) {
	type pair struct{ from, to string }
	at := map[pair]int{}
	var edges []edge
	nodes := map[string]bool{}
	for t := range m.Ties() {
		k := pair{t.From, t.To}
		i, ok := at[k]
		if !ok {
			i = len(edges)
			at[k] = i
			edges = append(edges, edge{from: t.From, to: t.To})
		}
		edges[i].ties = append(edges[i].ties, t)
		nodes[t.From], nodes[t.To] = true, true
	}
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	slices.SortFunc(edges, func(a, b edge) int {
		return cmp.Or(strings.Compare(a.from, b.from), strings.Compare(a.to, b.to))
	})
	for _, e := range edges {
		slices.SortFunc(e.ties, conflict.Tie.Compare)
	}
	return ids, edges
}
