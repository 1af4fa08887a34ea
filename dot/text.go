package dot

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"unicode/utf8"
)

// An attr is one attribute of a DOT statement, its value unescaped.
type attr struct{ name, value string }

// attrs is the attributes of one statement, in any order.
type attrs []attr

// sorted returns a sorted by name.
func (a attrs) sorted() attrs {
	return slices.SortedFunc(slices.Values(a), func(x, y attr) int { return cmp.Compare(x.name, y.name) })
}

// text is DOT text being written: statements, one a line, each indented by
// a tab.
type text struct{ bytes.Buffer }

// graphAttributes writes a statement name="value"; for each of a, sorted
// by name.
func (t *text) graphAttributes(a attrs) {
	for _, x := range a.sorted() {
		t.WriteByte('\t')
		t.WriteString(x.name)
		t.WriteByte('=')
		t.quoteText(x.value)
		t.WriteString(";\n")
	}
}

// node writes the statement of the node id with attributes a.
func (t *text) node(id string, a attrs) {
	t.WriteByte('\t')
	t.quoteID(id)
	t.WriteByte(' ')
	// A node's weight means nothing to Graphviz, which ignores it; the
	// statement has it, zero, to keep the form of an edge's.
	t.list(a, 0)
}

// edge writes the statement of the edge from → to with attributes a and
// the given weight.
func (t *text) edge(from, to string, a attrs, weight int) {
	t.WriteByte('\t')
	t.quoteID(from)
	t.WriteString(" -> ")
	t.quoteID(to)
	t.WriteByte(' ')
	t.list(a, weight)
}

// list writes the attribute list of a node or edge statement, attributes
// sorted by name and then its weight, and ends the statement.
func (t *text) list(a attrs, weight int) {
	t.WriteString("[ ")
	for _, x := range a.sorted() {
		t.WriteString(x.name)
		t.WriteByte('=')
		t.quoteText(x.value)
		t.WriteString(", ")
	}
	t.WriteString(" weight=")
	t.WriteString(strconv.Itoa(weight))
	t.WriteString(" ];\n")
}

// quoteID writes id as a double-quoted DOT ID, with backslashes and double
// quotes escaped. Graphviz keeps an ID's backslashes as written, so two
// IDs are written alike only if they are equal. (A node, source or event ID
// has no space or control character; see [conflict.CheckID].)
func (t *text) quoteID(id string) {
	t.WriteByte('"')
	for i := 0; i < len(id); i++ {
		switch c := id[i]; c {
		case '\\', '"':
			t.WriteByte('\\')
			t.WriteByte(c)
		default:
			t.WriteByte(c)
		}
	}
	t.WriteByte('"')
}

// quoteText writes s as a double-quoted DOT string that Graphviz shows as
// s, in a label or a tooltip (an escString in Graphviz's terms): backslash
// and double quote escaped; a line break as \n and an ampersand as &amp;,
// as Graphviz reads them there; a carriage return dropped, since a lone one
// is no line break; other control characters as spaces, and bytes that are
// not UTF-8 as U+FFFD.
func (t *text) quoteText(s string) {
	t.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\' || r == '"':
			t.WriteByte('\\')
			t.WriteRune(r)
		case r == '\n':
			t.WriteString(`\n`)
		case r == '\r':
		case r == '&':
			t.WriteString("&amp;")
		case r < ' ' || r == 0x7f:
			t.WriteByte(' ')
		case r == utf8.RuneError && size == 1:
			t.WriteRune(utf8.RuneError)
		default:
			t.WriteString(s[i : i+size])
		}
		i += size
	}
	t.WriteByte('"')
}
