// Package dot writes the graph of one moment of a conflict in the DOT
// language of Graphviz, for drawing with dot, neato and the like:
//
//	dot.Write(os.Stdout, c.At(t), dot.Options{Title: "Syria, 2016-04-06"})
//
// and then, say, "dot -Tsvg -o graph.svg".
//
// # What is drawn
//
// The graph is [conflict.Moment.Graph]: the nodes with a tie in force at the
// moment and one edge per ordered pair of nodes, carrying every tie in force
// from the one to the other. It is rendered by
// github.com/dominikbraun/graph's draw.DOT, as a strict digraph.
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
// kinds are symmetric. The colour of a kind whose ties only possibly hold at
// the moment (see [conflict.Certainty]) is half transparent. Each
// edge's tooltip lists its ties as [conflict.Tie.String] writes them. Unless
// [Options.NoLegend] is set, the graph's label ends with a key naming the
// styles of the kinds drawn.
//
// # Escaping and order
//
// draw.DOT quotes names and values but does not escape them, and writes its
// statements in the order of Go's map iteration, which changes from run to
// run. Write escapes every ID, label and value before handing it over (a
// backslash as \\, a double quote as \", a line break as \n), and then puts
// the statements in a fixed order: the graph's attributes, the nodes sorted
// by ID, the edges sorted by source and target ID. The same moment of the
// same record and the same options give the same bytes.
package dot

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/dominikbraun/graph"
	"github.com/dominikbraun/graph/draw"
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

// Palette is the fill colour of the parties of each bloc, in bloc order. The
// parties of later blocs are filled with Grey.
var palette = [...]string{
	"#8fb9e3", // blue
	"#f4a582", // salmon
	"#a6d79b", // green
	"#d6b3e6", // lilac
	"#f5d776", // yellow
	"#92d3cf", // teal
	"#e3c0a4", // tan
	"#f2b6d2", // pink
}

const (
	grey         = "#d9d9d9"
	locationFill = "#ffffff"
	fontName     = "Helvetica"
)

// style is how the edges of one relation kind are drawn.
type style struct {
	color, line, arrow string
	penwidth           string
	words              string // for the key
}

var styles = map[conflict.RelationKind]style{
	conflict.RelationSupports:  {"#1a9641", "solid", "normal", "1.6", "green arrow"},
	conflict.RelationAllied:    {"#2c7bb6", "solid", "", "1.6", "blue line"},
	conflict.RelationFights:    {"#d7191c", "dashed", "", "1.6", "red dashes"},
	conflict.RelationCeasefire: {"#f08c1e", "dotted", "", "2", "orange dots"},
	conflict.RelationPartOf:    {"#7b3294", "solid", "empty", "1.6", "purple open arrow"},
	conflict.RelationControls:  {"#7f7f7f", "solid", "normal", "1", "grey arrow"},
	conflict.RelationBesieges:  {"#8c510a", "bold", "tee", "1.6", "brown bar"},
	conflict.RelationContests:  {"#7f7f7f", "dashed", "odot", "1", "grey dashes, circle"},
}

// Write writes the graph of m to w in the DOT language; see the package
// documentation for what it draws. It returns the error of
// [conflict.Moment.Graph] or [conflict.Moment.Sides], if any, or of w. It
// costs in proportion to the ties in force, plus the sides' search when
// opt.Blocs is nil.
func Write(w io.Writer, m conflict.Moment, opt Options) error {
	src, err := m.Graph()
	if err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	adj, err := src.AdjacencyMap()
	if err != nil {
		return fmt.Errorf("dot: %w", err)
	}
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

	ids := make([]string, 0, len(adj))
	for id := range adj {
		ids = append(ids, id)
	}
	slices.Sort(ids)

	// The graph handed to draw.DOT is keyed by the escaped IDs, so that
	// draw.DOT's unescaped quoting gives correct DOT.
	g := graph.New(graph.StringHash, graph.Directed())
	var order []string // statement keys in the order they are to be written
	for _, id := range ids {
		n, _, err := src.VertexWithProperties(id)
		if err != nil {
			return fmt.Errorf("dot: %w", err)
		}
		if err := g.AddVertex(escape(id), graph.VertexAttributes(nodeAttributes(n, blocOf))); err != nil {
			return fmt.Errorf("dot: %w", err)
		}
		order = append(order, nodeKey(escape(id)))
	}
	kindsDrawn := map[conflict.RelationKind]bool{}
	anyPossible := false
	for _, from := range ids {
		targets := make([]string, 0, len(adj[from]))
		for to := range adj[from] {
			targets = append(targets, to)
		}
		slices.Sort(targets)
		for _, to := range targets {
			e := adj[from][to]
			ties, ok := e.Properties.Data.([]conflict.Tie)
			if !ok || len(ties) == 0 {
				return fmt.Errorf("dot: edge %s → %s carries no ties", from, to)
			}
			attrs, possible := edgeAttributes(ties)
			for _, t := range ties {
				kindsDrawn[t.Kind] = true
			}
			anyPossible = anyPossible || possible
			if err := g.AddEdge(escape(from), escape(to), graph.EdgeAttributes(attrs), graph.EdgeWeight(len(ties))); err != nil {
				return fmt.Errorf("dot: %w", err)
			}
			order = append(order, edgeKey(escape(from), escape(to)))
		}
	}

	label := opt.Title
	if !opt.NoLegend {
		if key := legend(kindsDrawn, anyPossible, opt.Blocs == nil); key != "" {
			if label != "" {
				label += "\n"
			}
			label += key
		}
	}
	attrs := options(
		draw.GraphAttribute("rankdir", "LR"),
		draw.GraphAttribute("fontname", fontName),
	)
	if label != "" {
		attrs = append(attrs,
			draw.GraphAttribute("label", escape(label)),
			draw.GraphAttribute("labelloc", "t"),
			draw.GraphAttribute("fontsize", "16"),
		)
	}
	var buf bytes.Buffer
	if err := draw.DOT(g, &buf, attrs...); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	out, err := canonical(buf.Bytes(), order)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// options collects draw.DOT's options, whose type is not exported.
func options[F any](fs ...F) []F { return fs }

// nodeAttributes returns the DOT attributes of node n, escaped.
func nodeAttributes(n conflict.Node, blocOf map[string]int) map[string]string {
	a := map[string]string{
		"label":    escape(n.Name),
		"fontname": fontName,
		"fontsize": "11",
		"color":    "#4d4d4d",
	}
	tip := n.ID + " (" + n.Type.String()
	if n.Kind != "" {
		tip += ", " + n.Kind
	}
	tip += ")"
	switch n.Type {
	case conflict.NodeActor:
		a["shape"], a["style"] = "ellipse", "filled"
	case conflict.NodeBacker:
		a["shape"], a["style"] = "box", "filled,rounded"
	default:
		a["shape"], a["style"] = "house", "filled"
	}
	if n.Type.IsParty() {
		a["fillcolor"] = grey
		if i, ok := blocOf[n.ID]; ok {
			tip += fmt.Sprintf(", bloc %d", i+1)
			if i < len(palette) {
				a["fillcolor"] = palette[i]
			}
		}
	} else {
		a["fillcolor"] = locationFill
	}
	a["tooltip"] = escape(tip)
	return a
}

// edgeAttributes returns the DOT attributes of an edge carrying ties,
// sorted with conflict.Tie.Compare, escaped; and whether any of its kinds
// only possibly holds.
func edgeAttributes(ties []conflict.Tie) (map[string]string, bool) {
	var kinds []conflict.RelationKind
	sure := map[conflict.RelationKind]conflict.Certainty{}
	tips := make([]string, 0, len(ties))
	for _, t := range ties {
		if !slices.Contains(kinds, t.Kind) {
			kinds = append(kinds, t.Kind)
		}
		sure[t.Kind] = max(sure[t.Kind], t.Certainty)
		tip := t.String()
		if t.Certainty == conflict.Possible {
			tip += ", possibly"
		}
		tips = append(tips, tip)
	}
	slices.Sort(kinds)
	first := styles[kinds[0]]
	colors := make([]string, len(kinds))
	arrow, width, faded := "", first.penwidth, false
	for i, k := range kinds {
		s := styles[k]
		colors[i] = s.color
		if sure[k] < conflict.Definite {
			colors[i] += "80" // half transparent
			faded = true
		}
		if arrow == "" && !k.Symmetric() {
			arrow = s.arrow
		}
		if s.penwidth > width {
			width = s.penwidth
		}
	}
	a := map[string]string{
		"color":    strings.Join(colors, ":"),
		"style":    first.line,
		"penwidth": width,
		"tooltip":  escape(strings.Join(tips, "\n")),
	}
	if arrow == "" {
		a["dir"] = "none"
	} else {
		a["arrowhead"] = arrow
	}
	return a, faded
}

// legend returns the key to the styles of the kinds drawn, unescaped.
func legend(kinds map[conflict.RelationKind]bool, possible, sides bool) string {
	var parts []string
	for k := conflict.RelationSupports; k <= conflict.RelationContests; k++ {
		if kinds[k] {
			parts = append(parts, k.String()+": "+styles[k].words)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	var lines []string
	for len(parts) > 0 {
		n := min(len(parts), 4)
		lines = append(lines, strings.Join(parts[:n], "   "))
		parts = parts[n:]
	}
	var nodes []string
	if sides {
		nodes = append(nodes, "fill: side (structural balance)")
	} else {
		nodes = append(nodes, "fill: bloc")
	}
	nodes = append(nodes, "ellipse: actor", "box: backer", "house: place")
	if possible {
		nodes = append(nodes, "faded: possibly in force")
	}
	lines = append(lines, strings.Join(nodes, "   "))
	return strings.Join(lines, "\n")
}

// escape returns s as it must appear between double quotes in DOT: with
// backslashes and double quotes escaped, and line breaks written as \n
// (which Graphviz reads as a centred line break in labels).
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			// dropped: a lone carriage return is no line break in a label
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// nodeKey and edgeKey identify a statement of draw.DOT's output by its
// escaped IDs.
func nodeKey(id string) string       { return id }
func edgeKey(from, to string) string { return from + "\x00" + to }

// canonical puts the statements of draw.DOT's output in the order of keys,
// after the graph's attributes, and drops its blank lines. Every statement
// line must be one of keys, and every key must appear once.
func canonical(b []byte, keys []string) ([]byte, error) {
	rank := make(map[string]int, len(keys))
	for i, k := range keys {
		rank[k] = i
	}
	lines := strings.Split(string(b), "\n")
	var head, attrs []string
	stmts := make([]string, len(keys))
	seen := 0
	for _, line := range lines {
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "\t\""):
			key, err := statementKey(line[1:])
			if err != nil {
				return nil, fmt.Errorf("dot: reading draw.DOT's output: %w in %q", err, line)
			}
			i, ok := rank[key]
			if !ok || stmts[i] != "" {
				return nil, fmt.Errorf("dot: reading draw.DOT's output: unexpected statement %q", line)
			}
			stmts[i] = line
			seen++
		case strings.HasPrefix(line, "\t"):
			attrs = append(attrs, line)
		case line == "}":
		default:
			head = append(head, line)
		}
	}
	if seen != len(keys) || len(head) != 1 {
		return nil, errors.New("dot: reading draw.DOT's output: statements missing or header unexpected")
	}
	var out bytes.Buffer
	for _, part := range [][]string{head, attrs, stmts} {
		for _, line := range part {
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	out.WriteString("}\n")
	return out.Bytes(), nil
}

// statementKey returns the key of a node or edge statement: its first
// quoted ID, and for an edge its second.
func statementKey(s string) (string, error) {
	from, rest, err := quoted(s)
	if err != nil {
		return "", err
	}
	if after, ok := strings.CutPrefix(rest, " -> "); ok {
		to, _, err := quoted(after)
		if err != nil {
			return "", err
		}
		return edgeKey(from, to), nil
	}
	return nodeKey(from), nil
}

// quoted reads a double-quoted DOT string at the start of s and returns its
// contents, still escaped, and what follows it.
func quoted(s string) (string, string, error) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", errors.New("no quoted ID")
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return s[1:i], s[i+1:], nil
		}
	}
	return "", "", errors.New("unterminated quoted ID")
}
