package gexf_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/gexf"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// schema is the GEXF 1.3 XML schema, copied into testdata.
var schema = filepath.Join("testdata", "gexf-1.3-schema", "gexf.xsd")

// small returns a record with precise, month-precise, open and disputed
// ends, a relation with two periods, a relation of a symmetric kind, a
// relation open at both ends, a name that XML must escape, a place without
// a point and a place without ties.
func small(t testing.TB) *conflict.Conflict {
	t.Helper()
	d := conflict.MustParseDate
	s1, s2 := []string{"s1"}, []string{"s2"}
	return testutil.Conflict(t, conflict.Dataset{
		Name:    `Small & "odd" <names>`,
		Sources: []conflict.Source{{ID: "s1"}, {ID: "s2"}},
		Actors: []conflict.Actor{
			{ID: "a", Name: "Alpha <&>", Kind: conflict.ActorGovernment},
			{ID: "b", Name: "Bravo", Kind: conflict.ActorRebelGroup},
			{ID: "d", Name: "Delta"},
		},
		Backers: []conflict.Backer{{ID: "x", Name: "Xray", Kind: conflict.BackerState}, {ID: "y", Name: "Yankee"}},
		Locations: []conflict.Location{
			{ID: "r", Name: "Region", Kind: conflict.LocationRegion},
			{ID: "p", Name: "Papa", Kind: conflict.LocationCity, Within: "r", Point: &conflict.Point{Lat: 34.5, Lon: 38.25}},
			{ID: "q", Name: "Quebec", Within: "r"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "p", Start: d("2015-03-10"), End: d("2015-06-01"), Sources: s1},
			{Kind: conflict.RelationControls, From: "b", To: "p", Start: d("2015-06-01"), End: d("2015-12"), Sources: s1},
			{Kind: conflict.RelationControls, From: "a", To: "p", Start: d("2016-01-15"), Sources: s2},
			{Kind: conflict.RelationSupports, From: "x", To: "a", Start: d("2015"), Support: conflict.SupportAirPower | conflict.SupportAdvisers, Sources: s2},
			{Kind: conflict.RelationFights, From: "b", To: "a", Start: d("2015-02-01"), End: d("2016-06-01"), Sources: s1},
			{Kind: conflict.RelationBesieges, From: "b", To: "q", Start: d("2015-09-15"), Sources: s1},
			{Kind: conflict.RelationSupports, From: "y", To: "d", Sources: s2},
		},
		Events: []conflict.Event{
			{ID: "e1", Kind: conflict.EventSiegeBroken, Date: d("2015-10"), Location: "q", Actors: []string{"a"}, Sources: s1},
			{ID: "e2", Kind: conflict.EventSiegeBroken, Date: d("2015-11-10"), Location: "q", Actors: []string{"a"}, Sources: s2},
		},
	})
}

func write(t *testing.T, c conflict.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gexf.Write(&b, c); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	testutil.Golden(t, filepath.Join("testdata", "small.gexf"), write(t, small(t)))
}

func TestDeterministic(t *testing.T) {
	first := write(t, small(t))
	for range 10 {
		if got := write(t, small(t)); !bytes.Equal(got, first) {
			t.Fatalf("two writes differ (-first +later):\n%s", cmp.Diff(string(first), string(got)))
		}
	}
}

// The document, as far as the tests read it back.
type (
	document struct {
		XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			Mode            string       `xml:"mode,attr"`
			TimeFormat      string       `xml:"timeformat,attr"`
			DefaultEdgeType string       `xml:"defaultedgetype,attr"`
			Attributes      []attributes `xml:"attributes"`
			Nodes           []node       `xml:"nodes>node"`
			Edges           []edge       `xml:"edges>edge"`
		} `xml:"graph"`
	}
	attributes struct {
		Class string `xml:"class,attr"`
		Mode  string `xml:"mode,attr"`
		IDs   []struct {
			ID string `xml:"id,attr"`
		} `xml:"attribute"`
	}
	node struct {
		ID     string     `xml:"id,attr"`
		Label  string     `xml:"label,attr"`
		Values []attvalue `xml:"attvalues>attvalue"`
		Spells []spell    `xml:"spells>spell"`
	}
	edge struct {
		ID     string     `xml:"id,attr"`
		Source string     `xml:"source,attr"`
		Target string     `xml:"target,attr"`
		Type   string     `xml:"type,attr"`
		Kind   string     `xml:"kind,attr"`
		Values []attvalue `xml:"attvalues>attvalue"`
		Spells []spell    `xml:"spells>spell"`
	}
	attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
		Start string `xml:"start,attr"`
		End   string `xml:"end,attr"`
	}
	spell struct {
		Start string `xml:"start,attr"`
		End   string `xml:"end,attr"`
	}
)

func read(t *testing.T, b []byte) document {
	t.Helper()
	var doc document
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("reading the output back: %v", err)
	}
	return doc
}

// value returns the value of the attribute id that holds throughout, or ""
// when there is none.
func value(values []attvalue, id string) string {
	for _, v := range values {
		if v.For == id && v.Start == "" && v.End == "" {
			return v.Value
		}
	}
	return ""
}

// TestMapping reads the output back and checks the spells and attributes
// against what the record says.
func TestMapping(t *testing.T) {
	doc := read(t, write(t, small(t)))
	if doc.Version != "1.3" || doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" || doc.Graph.DefaultEdgeType != "directed" {
		t.Errorf("version %q, mode %q, timeformat %q, defaultedgetype %q; want 1.3, dynamic, date, directed",
			doc.Version, doc.Graph.Mode, doc.Graph.TimeFormat, doc.Graph.DefaultEdgeType)
	}

	nodes := map[string][]spell{}
	var ids []string
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = n.Spells
		ids = append(ids, n.ID)
	}
	if diff := cmp.Diff([]string{"a", "b", "d", "x", "y", "r", "p", "q"}, ids); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	wantNodes := map[string][]spell{
		"a": {{Start: "2015-01-01"}},                    // supported from 2015 on, never ending
		"b": {{Start: "2015-02-01", End: "2016-05-31"}}, // fights, holds p, besieges q: one span
		"d": nil,                                        // supported throughout
		"x": {{Start: "2015-01-01"}},
		"y": nil,
		"r": nil,                                                               // no tie: present throughout
		"p": {{Start: "2015-03-10", End: "2015-12-31"}, {Start: "2016-01-15"}}, // two holds that touch merge
		"q": {{Start: "2015-09-15", End: "2015-11-09"}},
	}
	if diff := cmp.Diff(wantNodes, nodes); diff != "" {
		t.Errorf("node spells (-want +got):\n%s", diff)
	}

	type key struct{ ID, Source, Target, Kind string }
	edges := map[key][]spell{}
	values := map[key][]attvalue{}
	for _, e := range doc.Graph.Edges {
		if e.Type != "directed" {
			t.Errorf("edge %s: type %q, want directed", e.ID, e.Type)
		}
		k := key{e.ID, e.Source, e.Target, e.Kind}
		edges[k], values[k] = e.Spells, e.Values
	}
	fights := []spell{{Start: "2015-02-01", End: "2016-05-31"}}
	wantEdges := map[key][]spell{
		{"0", "x", "a", "supports"}: {{Start: "2015-01-01"}},
		{"1", "y", "d", "supports"}: nil,    // open at both ends
		{"2", "a", "b", "fights"}:   fights, // a symmetric kind: one edge each way
		{"3", "b", "a", "fights"}:   fights,
		{"4", "a", "p", "controls"}: {{Start: "2015-03-10", End: "2015-05-31"}, {Start: "2016-01-15"}},
		{"5", "b", "p", "controls"}: {{Start: "2015-06-01", End: "2015-12-31"}},
		{"6", "b", "q", "besieges"}: {{Start: "2015-09-15", End: "2015-11-09"}},
	}
	if diff := cmp.Diff(wantEdges, edges); diff != "" {
		t.Errorf("edge spells (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		edge key
		want []attvalue
	}{
		{key{"6", "b", "q", "besieges"}, []attvalue{
			{For: "kind", Value: "besieges"},
			{For: "spells", Value: "2015-09-15/2015-11-09"},
			{For: "dates", Value: "2015-09-15 to 2015-10 or 2015-11-10", Start: "2015-09-15", End: "2015-11-09"},
			{For: "sources", Value: "s1,s2", Start: "2015-09-15", End: "2015-11-09"},
		}},
		{key{"0", "x", "a", "supports"}, []attvalue{
			{For: "kind", Value: "supports"},
			{For: "spells", Value: "2015-01-01/.."},
			{For: "dates", Value: "2015 to …", Start: "2015-01-01"},
			{For: "support", Value: "air-power,advisers", Start: "2015-01-01"},
			{For: "sources", Value: "s2", Start: "2015-01-01"},
		}},
		{key{"4", "a", "p", "controls"}, []attvalue{
			{For: "kind", Value: "controls"},
			{For: "spells", Value: "2015-03-10/2015-05-31, 2016-01-15/.."},
			{For: "dates", Value: "2015-03-10 to 2015-06-01", Start: "2015-03-10", End: "2015-05-31"},
			{For: "sources", Value: "s1", Start: "2015-03-10", End: "2015-05-31"},
			{For: "dates", Value: "2016-01-15 to …", Start: "2016-01-15"},
			{For: "sources", Value: "s2", Start: "2016-01-15"},
		}},
		{key{"1", "y", "d", "supports"}, []attvalue{
			{For: "kind", Value: "supports"},
			{For: "dates", Value: "… to …"},
			{For: "sources", Value: "s2"},
		}},
	} {
		if diff := cmp.Diff(tc.want, values[tc.edge]); diff != "" {
			t.Errorf("%v: attributes (-want +got):\n%s", tc.edge, diff)
		}
	}
}

// openAsDots returns the day d, or ".." for an open end.
func openAsDots(d string) string {
	if d == "" {
		return ".."
	}
	return d
}

// TestSpellsAttribute checks that the spells attribute of every node and
// edge lists its spells, and that only elements with spells have it.
func TestSpellsAttribute(t *testing.T) {
	for name, b := range map[string][]byte{"small": write(t, small(t)), "syria": write(t, testutil.Syria(t))} {
		doc := read(t, b)
		check := func(what string, values []attvalue, spells []spell) {
			t.Helper()
			var want []string
			for _, s := range spells {
				want = append(want, openAsDots(s.Start)+"/"+openAsDots(s.End))
			}
			if got := value(values, "spells"); got != strings.Join(want, ", ") {
				t.Errorf("%s: %s: spells attribute %q, spells %v", name, what, got, spells)
			}
		}
		for _, n := range doc.Graph.Nodes {
			check("node "+n.ID, n.Values, n.Spells)
		}
		for _, e := range doc.Graph.Edges {
			check("edge "+e.ID, e.Values, e.Spells)
		}
	}
}

// TestDeclared checks that there is one attributes element for each class,
// as graphology-gexf reads only the last, and that it declares every value
// of its class.
func TestDeclared(t *testing.T) {
	doc := read(t, write(t, small(t)))
	declared := map[string]map[string]bool{}
	var classes []string
	for _, a := range doc.Graph.Attributes {
		classes = append(classes, a.Class+" "+a.Mode)
		declared[a.Class] = map[string]bool{}
		for _, x := range a.IDs {
			declared[a.Class][x.ID] = true
		}
	}
	if diff := cmp.Diff([]string{"node static", "edge dynamic"}, classes); diff != "" {
		t.Errorf("attributes elements (-want +got):\n%s", diff)
	}
	for _, n := range doc.Graph.Nodes {
		for _, v := range n.Values {
			if !declared["node"][v.For] {
				t.Errorf("node %s: attribute %q not declared", n.ID, v.For)
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		for _, v := range e.Values {
			if !declared["edge"][v.For] {
				t.Errorf("edge %s: attribute %q not declared", e.ID, v.For)
			}
		}
	}
}

// TestEscaping checks that names that XML must escape come back intact.
func TestEscaping(t *testing.T) {
	doc := read(t, write(t, small(t)))
	if got := doc.Graph.Nodes[0].Label; got != "Alpha <&>" {
		t.Errorf("label %q, want %q", got, "Alpha <&>")
	}
	if out := string(write(t, small(t))); !strings.Contains(out, "<description>Small &amp; &#34;odd&#34; &lt;names&gt;</description>") {
		t.Errorf("description not escaped:\n%s", out)
	}
}

// TestSchema validates the output, for the small record and for the worked
// example, with xmllint against the GEXF 1.3 schema.
func TestSchema(t *testing.T) {
	bin := testutil.NeedTool(t, "xmllint", "libxml2-utils")
	var empty conflict.Conflict
	files := map[string][]byte{
		"small.gexf": write(t, small(t)),
		"syria.gexf": write(t, testutil.Syria(t)),
		"empty.gexf": write(t, &empty),
	}
	dir := t.TempDir()
	for name, b := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "--noout", "--schema", schema, path).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate: %v\n%s", name, err, out)
		}
	}
}
