package gexf

import (
	"bufio"
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// Creator is what Write puts in the file's meta creator element.
const creator = "github.com/conflictgraph/conflict/gexf"

// days are UTC days counted from 1970-01-01; open ends are these sentinels.
const (
	openStart = math.MinInt64
	openEnd   = math.MaxInt64
)

// span is a closed interval of days, [lo, hi].
type span struct{ lo, hi int64 }

// edge is one relation: the ties of one kind from one node to another.
type edge struct {
	kind     conflict.RelationKind
	from, to string
	ties     []conflict.Tie
	spans    []span // one per tie
}

// Write writes the whole record of c to w as a GEXF 1.3 dynamic graph; see
// the package documentation for the mapping. c is a [*conflict.Conflict],
// or a [conflict.View] for the record as known on a date. It returns w's
// error, if any. It costs in proportion to the size of the record.
func Write(w io.Writer, c conflict.Record) error {
	actors, backers, locations := slices.Collect(c.Actors()), slices.Collect(c.Backers()), slices.Collect(c.Locations())

	var edges []*edge
	for t := range c.Ties() {
		if n := len(edges); n > 0 {
			if e := edges[n-1]; e.kind == t.Kind && e.from == t.From && e.to == t.To {
				e.ties = append(e.ties, t)
				e.spans = append(e.spans, spanOf(t))
				continue
			}
		}
		edges = append(edges, &edge{kind: t.Kind, from: t.From, to: t.To, ties: []conflict.Tie{t}, spans: []span{spanOf(t)}})
	}
	present := map[string][]span{}
	for _, e := range edges {
		present[e.from] = append(present[e.from], e.spans...)
		present[e.to] = append(present[e.to], e.spans...)
	}

	x := &writer{w: bufio.NewWriter(w)}
	x.line(0, `<?xml version="1.0" encoding="UTF-8"?>`)
	x.line(0, `<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`)
	x.line(1, `<meta>`)
	x.line(2, `<creator>`, esc(creator), `</creator>`)
	if name := c.Name(); name != "" {
		x.line(2, `<description>`, esc(name), `</description>`)
	}
	x.line(1, `</meta>`)
	x.line(1, `<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval" idtype="string">`)
	// One attributes element for each class: graphology-gexf reads only
	// the last of a class.
	x.attributes("node", "static", "type", "kind", "within", "latitude:double", "longitude:double", "spells")
	x.attributes("edge", "dynamic", "kind", "spells", "dates", "support", "sources")

	n := len(actors) + len(backers) + len(locations)
	x.line(2, `<nodes count="`, strconv.Itoa(n), `">`)
	for _, a := range actors {
		x.node(a.ID, a.Name, conflict.NodeActor, kindWord(a.Kind), "", nil, present[a.ID])
	}
	for _, b := range backers {
		x.node(b.ID, b.Name, conflict.NodeBacker, kindWord(b.Kind), "", nil, present[b.ID])
	}
	for _, l := range locations {
		x.node(l.ID, l.Name, conflict.NodeLocation, kindWord(l.Kind), l.Within, l.Point, present[l.ID])
	}
	x.line(2, `</nodes>`)

	count := len(edges)
	for _, e := range edges {
		if e.kind.Symmetric() {
			count++
		}
	}
	x.line(2, `<edges count="`, strconv.Itoa(count), `">`)
	id := 0
	for _, e := range edges {
		x.edge(id, e.from, e.to, e)
		id++
		if e.kind.Symmetric() {
			x.edge(id, e.to, e.from, e)
			id++
		}
	}
	x.line(2, `</edges>`)
	x.line(1, `</graph>`)
	x.line(0, `</gexf>`)
	return x.flush()
}

// kindWord returns the word of a kind, or "" for the zero kind.
func kindWord[K interface {
	comparable
	String() string
}](k K) string {
	var zero K
	if k == zero {
		return ""
	}
	return k.String()
}

// spanOf returns the days on which t may hold.
func spanOf(t conflict.Tie) span {
	s := span{openStart, openEnd}
	if !t.Start.IsOpen() {
		earliest, _ := t.Start.Window()
		s.lo = dayOf(earliest)
	}
	if !t.End.IsOpen() {
		_, latest := t.End.Window()
		s.hi = dayOf(latest) - 1
	}
	return s
}

func dayOf(t time.Time) int64 { return t.Unix() / 86400 }

func dayString(d int64) string { return time.Unix(d*86400, 0).UTC().Format(time.DateOnly) }

// union returns the union of spans, sorted and merged where they overlap or
// touch.
func union(spans []span) []span {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b span) int {
		if a.lo != b.lo {
			if a.lo < b.lo {
				return -1
			}
			return 1
		}
		return 0
	})
	var out []span
	for _, x := range s {
		if k := len(out); k > 0 && (out[k-1].hi == openEnd || x.lo <= out[k-1].hi+1) {
			out[k-1].hi = max(out[k-1].hi, x.hi)
			continue
		}
		out = append(out, x)
	}
	return out
}

// timeAttrs returns the start and end XML attributes of a span, each with a
// leading space, or "" for an open end.
func timeAttrs(s span) string {
	var b strings.Builder
	if s.lo != openStart {
		b.WriteString(` start="` + dayString(s.lo) + `"`)
	}
	if s.hi != openEnd {
		b.WriteString(` end="` + dayString(s.hi) + `"`)
	}
	return b.String()
}

// writer writes indented lines, keeping the first error.
type writer struct {
	w   *bufio.Writer
	err error
}

func (x *writer) line(depth int, parts ...string) {
	if x.err != nil {
		return
	}
	for range depth {
		x.w.WriteString("  ")
	}
	for _, p := range parts {
		x.w.WriteString(p)
	}
	_, x.err = x.w.WriteString("\n")
}

func (x *writer) flush() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

// attributes declares the attributes of class, each given as its ID and
// title, with ":" and its type when not a string.
func (x *writer) attributes(class, mode string, attrs ...string) {
	x.line(2, `<attributes class="`, class, `" mode="`, mode, `">`)
	for _, a := range attrs {
		id, typ, ok := strings.Cut(a, ":")
		if !ok {
			typ = "string"
		}
		x.line(3, `<attribute id="`, id, `" title="`, id, `" type="`, typ, `"/>`)
	}
	x.line(2, `</attributes>`)
}

func (x *writer) node(id, name string, typ conflict.NodeType, kind, within string, p *conflict.Point, present []span) {
	spells := union(present)
	if len(spells) == 1 && spells[0] == (span{openStart, openEnd}) {
		spells = nil
	}
	x.line(3, `<node id="`, esc(id), `" label="`, esc(name), `">`)
	x.line(4, `<attvalues>`)
	x.attvalue(5, "type", typ.String(), "")
	if kind != "" {
		x.attvalue(5, "kind", kind, "")
	}
	if within != "" {
		x.attvalue(5, "within", within, "")
	}
	if p != nil {
		x.attvalue(5, "latitude", strconv.FormatFloat(p.Lat, 'f', -1, 64), "")
		x.attvalue(5, "longitude", strconv.FormatFloat(p.Lon, 'f', -1, 64), "")
	}
	if len(spells) > 0 {
		x.attvalue(5, "spells", spellList(spells), "")
	}
	x.line(4, `</attvalues>`)
	if len(spells) > 0 {
		x.spells(4, spells)
	}
	x.line(3, `</node>`)
}

// edge writes e as the edge id from one node to another: from e.from to
// e.to, or the other way for the second edge of a symmetric kind.
func (x *writer) edge(id int, from, to string, e *edge) {
	spells := e.spans
	if len(spells) == 1 && spells[0] == (span{openStart, openEnd}) {
		spells = nil
	}
	k := e.kind.String()
	x.line(3, `<edge id="`, strconv.Itoa(id), `" source="`, esc(from), `" target="`, esc(to),
		`" type="directed" kind="`, k, `" label="`, k, `">`)
	x.line(4, `<attvalues>`)
	x.attvalue(5, "kind", k, "")
	if len(spells) > 0 {
		x.attvalue(5, "spells", spellList(spells), "")
	}
	for j, t := range e.ties {
		when := timeAttrs(e.spans[j])
		x.attvalue(5, "dates", dates(t), when)
		if t.Support != 0 {
			x.attvalue(5, "support", t.Support.String(), when)
		}
		x.attvalue(5, "sources", strings.Join(t.Sources(), ","), when)
	}
	x.line(4, `</attvalues>`)
	if len(spells) > 0 {
		x.spells(4, spells)
	}
	x.line(3, `</edge>`)
}

func (x *writer) attvalue(depth int, id, value, when string) {
	x.line(depth, `<attvalue for="`, id, `" value="`, esc(value), `"`, when, `/>`)
}

func (x *writer) spells(depth int, spans []span) {
	x.line(depth, `<spells>`)
	for _, s := range spans {
		x.line(depth+1, `<spell`, timeAttrs(s), `/>`)
	}
	x.line(depth, `</spells>`)
}

// spellList writes spans as the spells attribute: ISO 8601 intervals of
// days, "2015-05-21/2016-03-26, 2016-12-11/..", ".." for an open end.
func spellList(spans []span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(dayOrOpen(s.lo, openStart))
		b.WriteString("/")
		b.WriteString(dayOrOpen(s.hi, openEnd))
	}
	return b.String()
}

// dayOrOpen returns the day d as a date, or ".." when d is the open end.
func dayOrOpen(d, open int64) string {
	if d == open {
		return ".."
	}
	return dayString(d)
}

// dates describes the ends of a tie's period: "2015-08 to 2016-04-03",
// with "…" for an open end.
func dates(t conflict.Tie) string {
	s, e := t.Start.String(), t.End.String()
	if s == "" {
		s = "…"
	}
	if e == "" {
		e = "…"
	}
	return s + " to " + e
}

// esc escapes s for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder: no error
	return b.String()
}
