package gexf_test

// The tests here open the output with the readers the package documentation
// names, networkx and graphology-gexf, by the scripts in testdata, and
// compare what they read with the file and with the library's answers.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/internal/toolcheck"
	"github.com/google/go-cmp/cmp"
)

// A graph as a reader sees it: what the tests compare.
type (
	seenGraph struct {
		Nodes []seenNode
		Edges []seenEdge // by ID
	}
	seenNode struct {
		ID, Label, Type, Kind string
		Spells                []spell
	}
	seenEdge struct {
		ID, Source, Target, Kind string
		Spells                   []spell
		Dates                    []attvalue // the dynamic values of dates; networkx only
	}
)

// seenInFile returns the graph as the file says it.
func seenInFile(doc document, withDates bool) seenGraph {
	var g seenGraph
	for _, n := range doc.Graph.Nodes {
		g.Nodes = append(g.Nodes, seenNode{n.ID, n.Label, value(n.Values, "type"), value(n.Values, "kind"), n.Spells})
	}
	for _, e := range doc.Graph.Edges {
		var dates []attvalue
		for _, v := range e.Values {
			if v.For == "dates" && withDates {
				dates = append(dates, v)
			}
		}
		g.Edges = append(g.Edges, seenEdge{e.ID, e.Source, e.Target, value(e.Values, "kind"), e.Spells, dates})
	}
	sortEdges(g.Edges)
	return g
}

func sortEdges(edges []seenEdge) {
	slices.SortFunc(edges, func(a, b seenEdge) int {
		i, _ := strconv.Atoi(a.ID)
		j, _ := strconv.Atoi(b.ID)
		return i - j
	})
}

// exports returns the records the readers are tested on, written to files.
func exports(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	for name, c := range map[string]*conflict.Conflict{"syria": testutil.Syria(t), "small": small(t)} {
		path := filepath.Join(dir, name+".gexf")
		if err := os.WriteFile(path, write(t, c), 0o644); err != nil {
			t.Fatal(err)
		}
		files[name] = path
	}
	return files
}

// paths returns the paths of files, sorted.
func paths(files map[string]string) []string {
	var out []string
	for _, path := range files {
		out = append(out, path)
	}
	slices.Sort(out)
	return out
}

// fileGraph reads back the file at path as Go reads it.
func fileGraph(t *testing.T, path string, withDates bool) seenGraph {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return seenInFile(read(t, b), withDates)
}

// TestNetworkx reads the output with networkx's read_gexf.
func TestNetworkx(t *testing.T) {
	python := toolcheck.Python(t, "networkx", 3)
	files := exports(t)
	var byPath map[string]struct {
		Version  string
		Directed bool
		Nodes    []struct {
			ID, Label  string
			Type, Kind *string
			Spells     [][2]*string
		}
		Edges []struct {
			ID, Source, Target, Label string
			Kind, Dates               [][3]*string
			Spells                    [][2]*string
		}
	}
	b := python.Run(t, filepath.Join("testdata", "read_networkx.py"), paths(files)...)
	if err := json.Unmarshal(b, &byPath); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	for name, path := range files {
		out, ok := byPath[path]
		if !ok {
			t.Errorf("%s: networkx did not read it", name)
			continue
		}
		t.Logf("%s: networkx %s", name, out.Version)
		if !out.Directed {
			t.Errorf("%s: networkx reads an undirected graph", name)
		}
		var got seenGraph
		for _, n := range out.Nodes {
			got.Nodes = append(got.Nodes, seenNode{n.ID, n.Label, deref(n.Type), deref(n.Kind), spells(n.Spells)})
		}
		for _, e := range out.Edges {
			// A dynamic attribute that holds throughout: [(value, None, None)].
			kind := "not one value throughout"
			if len(e.Kind) == 1 && e.Kind[0][1] == nil && e.Kind[0][2] == nil {
				kind = deref(e.Kind[0][0])
			}
			if e.Label != kind {
				t.Errorf("%s: edge %s: label %q, kind %q", name, e.ID, e.Label, kind)
			}
			var dates []attvalue
			for _, d := range e.Dates {
				dates = append(dates, attvalue{"dates", deref(d[0]), deref(d[1]), deref(d[2])})
			}
			got.Edges = append(got.Edges, seenEdge{e.ID, e.Source, e.Target, kind, spells(e.Spells), dates})
		}
		sortEdges(got.Edges)
		if diff := cmp.Diff(fileGraph(t, path, true), got); diff != "" {
			t.Errorf("%s: networkx reads another graph than the file's (-file +networkx):\n%s", name, diff)
		}
		if name == "syria" {
			checkSyria(t, "networkx", got)
		}
	}
}

// TestGraphology reads the output with graphology-gexf.
func TestGraphology(t *testing.T) {
	node := toolcheck.Node(t, "graphology", "graphology-gexf")
	files := exports(t)
	var byPath map[string]struct {
		Type  string
		Nodes []struct {
			ID, Label  string
			Type, Kind *string
			Spells     *string
		}
		Edges []struct {
			ID, Source, Target, Label, Kind string
			Undirected                      bool
			Spells                          *string
		}
	}
	b := node.Run(t, filepath.Join("testdata", "read_graphology.js"), paths(files)...)
	if err := json.Unmarshal(b, &byPath); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	for name, path := range files {
		out, ok := byPath[path]
		if !ok {
			t.Errorf("%s: graphology did not read it", name)
			continue
		}
		if out.Type != "directed" {
			t.Errorf("%s: graphology reads a graph of type %q, want directed", name, out.Type)
		}
		var got seenGraph
		for _, n := range out.Nodes {
			got.Nodes = append(got.Nodes, seenNode{n.ID, n.Label, deref(n.Type), deref(n.Kind), parseSpells(t, n.Spells)})
		}
		for _, e := range out.Edges {
			if e.Undirected || e.Label != e.Kind {
				t.Errorf("%s: edge %s: undirected %v, label %q, kind %q", name, e.ID, e.Undirected, e.Label, e.Kind)
			}
			got.Edges = append(got.Edges, seenEdge{e.ID, e.Source, e.Target, e.Kind, parseSpells(t, e.Spells), nil})
		}
		sortEdges(got.Edges)
		if diff := cmp.Diff(fileGraph(t, path, false), got); diff != "" {
			t.Errorf("%s: graphology reads another graph than the file's (-file +graphology):\n%s", name, diff)
		}
		if name == "syria" {
			checkSyria(t, "graphology", got)
		}
	}
}

// checkSyria checks what reader read of the worked example against the
// library's answers: how many nodes, when Palmyra, Russia and the SDF are
// there, when the Islamic State held Palmyra, and that the symmetric kinds
// come both ways.
func checkSyria(t *testing.T, reader string, g seenGraph) {
	t.Helper()
	c := testutil.Syria(t)
	n := 0
	for range c.Actors() {
		n++
	}
	for range c.Backers() {
		n++
	}
	for range c.Locations() {
		n++
	}
	if len(g.Nodes) != n {
		t.Errorf("%s: %d nodes, the record has %d actors, backers and locations", reader, len(g.Nodes), n)
	}
	nodes := map[string][]spell{}
	for _, x := range g.Nodes {
		nodes[x.ID] = x.Spells
	}
	for _, id := range []string{"palmyra", "russia", "sdf"} {
		if diff := cmp.Diff(presence(c, id), nodes[id]); diff != "" {
			t.Errorf("%s: node %s: spells (-library +%s):\n%s", reader, id, reader, diff)
		}
	}

	type key struct{ Source, Target, Kind string }
	edges := map[key][]spell{}
	for _, e := range g.Edges {
		k := key{e.Source, e.Target, e.Kind}
		if _, ok := edges[k]; ok {
			t.Errorf("%s: two edges %v", reader, k)
		}
		edges[k] = e.Spells
	}
	// Held from 21 May 2015 until 27 March 2016, and again from 11 December
	// 2016: a spell ends on the day before the end takes effect.
	want := []spell{{Start: "2015-05-21", End: "2016-03-26"}, {Start: "2016-12-11"}}
	var lib []spell
	for _, tie := range c.History("palmyra") {
		if tie.From == "isis" {
			lib = append(lib, spellOf(tie))
		}
	}
	if diff := cmp.Diff(want, lib); diff != "" {
		t.Errorf("the library's holds of Palmyra by the Islamic State (-want +library):\n%s", diff)
	}
	if diff := cmp.Diff(lib, edges[key{"isis", "palmyra", "controls"}]); diff != "" {
		t.Errorf("%s: isis controls palmyra: spells (-library +%s):\n%s", reader, reader, diff)
	}
	symmetric := 0
	for tie := range c.Ties() {
		if !tie.Kind.Symmetric() {
			continue
		}
		symmetric++
		k := key{tie.From, tie.To, tie.Kind.String()}
		back := key{tie.To, tie.From, tie.Kind.String()}
		if s, ok := edges[back]; !ok || !cmp.Equal(s, edges[k]) {
			t.Errorf("%s: %v has spells %v, the other way %v (present %v)", reader, k, edges[k], s, ok)
		}
	}
	if symmetric == 0 {
		t.Error("the worked example has no relation of a symmetric kind")
	}
}

// presence returns the spells of the node id as the package documentation
// defines them from the library's ties: the union of its ties' spells,
// merged where they overlap or touch; none when that covers all time.
func presence(c conflict.Record, id string) []spell {
	var all []spell
	for tie := range c.Ties() {
		if tie.From == id || tie.To == id {
			all = append(all, spellOf(tie))
		}
	}
	// Open starts ("") sort first; open ends are handled below.
	slices.SortFunc(all, func(a, b spell) int { return strings.Compare(a.Start, b.Start) })
	var out []spell
	for _, s := range all {
		if k := len(out); k > 0 && (out[k-1].End == "" || s.Start <= nextDay(out[k-1].End)) {
			if out[k-1].End != "" && (s.End == "" || s.End > out[k-1].End) {
				out[k-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	if len(out) == 1 && out[0] == (spell{}) {
		return nil
	}
	return out
}

// spellOf returns the days on which tie may hold, as the package
// documentation says: from the first day its start may be to the day
// before the latest instant its end may take effect.
func spellOf(tie conflict.Tie) spell {
	var s spell
	if !tie.Start.IsOpen() {
		earliest, _ := tie.Start.Window()
		s.Start = earliest.UTC().Format(time.DateOnly)
	}
	if !tie.End.IsOpen() {
		_, latest := tie.End.Window()
		s.End = latest.UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	}
	return s
}

func nextDay(d string) string {
	t, _ := time.Parse(time.DateOnly, d)
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// spells converts networkx's (start, end) pairs, with null for open.
func spells(pairs [][2]*string) []spell {
	var out []spell
	for _, p := range pairs {
		out = append(out, spell{deref(p[0]), deref(p[1])})
	}
	return out
}

// parseSpells parses the spells attribute, "2015-05-21/2016-03-26,
// 2016-12-11/..", or nil for none.
func parseSpells(t *testing.T, s *string) []spell {
	t.Helper()
	if s == nil {
		return nil
	}
	var out []spell
	for interval := range strings.SplitSeq(*s, ", ") {
		start, end, ok := strings.Cut(interval, "/")
		if !ok {
			t.Errorf("spells %q: %q is not an interval", *s, interval)
		}
		out = append(out, spell{strings.TrimPrefix(start, ".."), strings.TrimPrefix(end, "..")})
	}
	return out
}
