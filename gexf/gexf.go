// Package gexf writes the whole record of a conflict as a dynamic graph in
// GEXF 1.3, the XML graph format of Gephi, whose timeline then plays the war:
//
//	gexf.Write(file, c)
//
// # The graph
//
// The graph is mode="dynamic", timeformat="date" and
// timerepresentation="interval": every node and edge present only part of
// the time has spells, each a closed interval of UTC days, with start and
// end both included, as GEXF 1.3 reads them. A missing start means since
// before the record begins, a missing end that no end is known.
//
// Nodes are the record's actors, backers and locations, in the order they
// were added, with the record's IDs as node IDs and their names as labels.
// Their attributes (static) are type (actor, backer or location), kind (the
// word of their kind, when set), within (for a location inside another, the
// other's ID), and latitude and longitude (doubles, for a location with a
// point; Gephi's geographic layouts read them). A node is present while it
// has a tie of any kind: its spells are the union of its edges' spells,
// merged where they overlap or touch. A node with no tie, or with ties that
// together cover all time, has no spells and is present throughout.
//
// Edges are relations: one edge for each kind of relation between two nodes
// (in the direction of the relation; for the symmetric kinds allied, fights
// and ceasefire from the smaller ID), with one spell for each of its
// periods, each a [conflict.Tie] of [conflict.Conflict.Ties]. Each edge has
// the kind of relation as its label, as its GEXF kind (so that Gephi keeps
// the kinds between two nodes apart as parallel edges) and as the static
// attribute kind; symmetric kinds are type="undirected", the others
// "directed". Gephi merges parallel edges of one kind, so the periods of one
// relation are spells of one edge rather than edges of their own; what
// differs from one period to the next is in dynamic attributes, each value
// over its period's spell: dates (the period's start and end as the claims
// date them, as [conflict.Bound.String] writes them: "2015-08",
// "2015-10 or 2015-11-10", "…" for an open end), support (the kinds of
// support, comma-separated; supports only) and sources (the IDs of the
// sources behind the period, comma-separated).
//
// # Imprecise and disputed dates
//
// A spell covers every day on which the period may hold: it starts on the
// first day the tie may have begun (the first day of "2015-08"; the earlier
// claim of a disputed start) and ends on the last day before the latest
// instant its end may have taken effect (2015-11-09 for an end claimed as
// "2015-10 or 2015-11-10"; 2016-03-26 for an end on 2016-03-27, since a tie
// no longer holds on the day its end takes effect). So the spells show what
// may have been, widest reading; the dates attribute says how sure each end
// is.
//
// # Output
//
// Write writes UTF-8 with two-space indentation, no modification date, and
// everything in a fixed order (nodes as added, edges in the order of
// [conflict.Tie.Compare]), so that one record gives the same bytes every
// time. The file validates against the published GEXF 1.3 XML schema. No
// viz colours or positions are written: that schema expects them in the
// GEXF namespace, while Gephi's own files put them in the viz namespace,
// which the schema rejects; Gephi's layouts and partitions (by type, or by
// kind) place and colour the graph.
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
// the package documentation for the mapping. It returns w's error, if any.
// It costs in proportion to the size of the record.
func Write(w io.Writer, c *conflict.Conflict) error {
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
	x.line(2, `<attributes class="node" mode="static">`)
	for _, a := range [][3]string{
		{"type", "type", "string"},
		{"kind", "kind", "string"},
		{"within", "within", "string"},
		{"latitude", "latitude", "double"},
		{"longitude", "longitude", "double"},
	} {
		x.line(3, `<attribute id="`, a[0], `" title="`, a[1], `" type="`, a[2], `"/>`)
	}
	x.line(2, `</attributes>`)
	x.line(2, `<attributes class="edge" mode="static">`)
	x.line(3, `<attribute id="kind" title="kind" type="string"/>`)
	x.line(2, `</attributes>`)
	x.line(2, `<attributes class="edge" mode="dynamic">`)
	x.line(3, `<attribute id="dates" title="dates" type="string"/>`)
	x.line(3, `<attribute id="support" title="support" type="string"/>`)
	x.line(3, `<attribute id="sources" title="sources" type="string"/>`)
	x.line(2, `</attributes>`)

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

	x.line(2, `<edges count="`, strconv.Itoa(len(edges)), `">`)
	for i, e := range edges {
		x.edge(i, e)
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

func (x *writer) node(id, name string, typ conflict.NodeType, kind, within string, p *conflict.Point, present []span) {
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
	x.line(4, `</attvalues>`)
	spells := union(present)
	if len(spells) > 0 && (spells[0] != span{openStart, openEnd}) {
		x.spells(4, spells)
	}
	x.line(3, `</node>`)
}

func (x *writer) edge(i int, e *edge) {
	typ := "directed"
	if e.kind.Symmetric() {
		typ = "undirected"
	}
	k := e.kind.String()
	x.line(3, `<edge id="`, strconv.Itoa(i), `" source="`, esc(e.from), `" target="`, esc(e.to),
		`" type="`, typ, `" kind="`, k, `" label="`, k, `">`)
	x.line(4, `<attvalues>`)
	x.attvalue(5, "kind", k, "")
	for j, t := range e.ties {
		when := timeAttrs(e.spans[j])
		x.attvalue(5, "dates", dates(t), when)
		if t.Support != 0 {
			x.attvalue(5, "support", t.Support.String(), when)
		}
		x.attvalue(5, "sources", strings.Join(t.Sources(), ","), when)
	}
	x.line(4, `</attvalues>`)
	if len(e.spans) > 1 || (e.spans[0] != span{openStart, openEnd}) {
		x.spells(4, e.spans)
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
