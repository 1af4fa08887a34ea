package dot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

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

// nodeAttributes returns the DOT attributes of node n, unescaped.
func nodeAttributes(n conflict.Node, blocOf map[string]int) attrs {
	a := attrs{
		{"label", n.Name},
		{"fontname", fontName},
		{"fontsize", "11"},
		{"color", "#4d4d4d"},
	}
	tip := n.ID + " (" + n.Type.String()
	if n.Kind != "" {
		tip += ", " + n.Kind
	}
	tip += ")"
	switch n.Type {
	case conflict.NodeActor:
		a = append(a, attr{"shape", "ellipse"}, attr{"style", "filled"})
	case conflict.NodeBacker:
		a = append(a, attr{"shape", "box"}, attr{"style", "filled,rounded"})
	default:
		a = append(a, attr{"shape", "house"}, attr{"style", "filled"})
	}
	fill := locationFill
	if n.Type.IsParty() {
		fill = grey
		if i, ok := blocOf[n.ID]; ok {
			tip += fmt.Sprintf(", bloc %d", i+1)
			if i < len(palette) {
				fill = palette[i]
			}
		}
	}
	return append(a, attr{"fillcolor", fill}, attr{"tooltip", tip})
}

// edgeAttributes returns the DOT attributes of an edge carrying ties,
// sorted with conflict.Tie.Compare, unescaped; and whether any of its kinds
// only possibly holds.
func edgeAttributes(ties []conflict.Tie) (attrs, bool) {
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
	a := attrs{
		{"color", strings.Join(colors, ":")},
		{"style", first.line},
		{"penwidth", width},
		{"tooltip", strings.Join(tips, "\n")},
	}
	if arrow == "" {
		a = append(a, attr{"dir", "none"})
	} else {
		a = append(a, attr{"arrowhead", arrow})
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
