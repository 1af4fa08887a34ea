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
// ends, a relation with two periods, a name that XML must escape, a place
// without a point and an actor without ties.
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
		Backers: []conflict.Backer{{ID: "x", Name: "Xray", Kind: conflict.BackerState}},
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
		},
		Events: []conflict.Event{
			{ID: "e1", Kind: conflict.EventSiegeBroken, Date: d("2015-10"), Location: "q", Actors: []string{"a"}, Sources: s1},
			{ID: "e2", Kind: conflict.EventSiegeBroken, Date: d("2015-11-10"), Location: "q", Actors: []string{"a"}, Sources: s2},
		},
	})
}

func write(t *testing.T, c *conflict.Conflict) []byte {
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
			Mode       string `xml:"mode,attr"`
			TimeFormat string `xml:"timeformat,attr"`
			Nodes      []node `xml:"nodes>node"`
			Edges      []edge `xml:"edges>edge"`
		} `xml:"graph"`
	}
	node struct {
		ID     string     `xml:"id,attr"`
		Label  string     `xml:"label,attr"`
		Values []attvalue `xml:"attvalues>attvalue"`
		Spells []spell    `xml:"spells>spell"`
	}
	edge struct {
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

// TestMapping reads the output back and checks the spells and attributes
// against what the record says.
func TestMapping(t *testing.T) {
	doc := read(t, write(t, small(t)))
	if doc.Version != "1.3" || doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" {
		t.Errorf("version %q, mode %q, timeformat %q; want 1.3, dynamic, date", doc.Version, doc.Graph.Mode, doc.Graph.TimeFormat)
	}

	nodes := map[string][]spell{}
	var ids []string
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = n.Spells
		ids = append(ids, n.ID)
	}
	if diff := cmp.Diff([]string{"a", "b", "d", "x", "r", "p", "q"}, ids); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	wantNodes := map[string][]spell{
		"a": {{Start: "2015-01-01"}},                    // supported from 2015 on, never ending
		"b": {{Start: "2015-02-01", End: "2016-05-31"}}, // fights, holds p, besieges q: one span
		"d": nil,                                        // no tie: present throughout
		"x": {{Start: "2015-01-01"}},
		"r": nil,
		"p": {{Start: "2015-03-10", End: "2015-12-31"}, {Start: "2016-01-15"}}, // two holds that touch merge
		"q": {{Start: "2015-09-15", End: "2015-11-09"}},
	}
	if diff := cmp.Diff(wantNodes, nodes); diff != "" {
		t.Errorf("node spells (-want +got):\n%s", diff)
	}

	type key struct{ Source, Target, Type, Kind string }
	edges := map[key][]spell{}
	values := map[key][]attvalue{}
	for _, e := range doc.Graph.Edges {
		k := key{e.Source, e.Target, e.Type, e.Kind}
		edges[k], values[k] = e.Spells, e.Values
	}
	wantEdges := map[key][]spell{
		{"x", "a", "directed", "supports"}: {{Start: "2015-01-01"}},
		{"a", "b", "undirected", "fights"}: {{Start: "2015-02-01", End: "2016-05-31"}},
		{"a", "p", "directed", "controls"}: {{Start: "2015-03-10", End: "2015-05-31"}, {Start: "2016-01-15"}},
		{"b", "p", "directed", "controls"}: {{Start: "2015-06-01", End: "2015-12-31"}},
		{"b", "q", "directed", "besieges"}: {{Start: "2015-09-15", End: "2015-11-09"}},
	}
	if diff := cmp.Diff(wantEdges, edges); diff != "" {
		t.Errorf("edge spells (-want +got):\n%s", diff)
	}
	wantSiege := []attvalue{
		{For: "kind", Value: "besieges"},
		{For: "dates", Value: "2015-09-15 to 2015-10 or 2015-11-10", Start: "2015-09-15", End: "2015-11-09"},
		{For: "sources", Value: "s1,s2", Start: "2015-09-15", End: "2015-11-09"},
	}
	if diff := cmp.Diff(wantSiege, values[key{"b", "q", "directed", "besieges"}]); diff != "" {
		t.Errorf("siege attributes (-want +got):\n%s", diff)
	}
	wantSupport := []attvalue{
		{For: "kind", Value: "supports"},
		{For: "dates", Value: "2015 to …", Start: "2015-01-01"},
		{For: "support", Value: "air-power,advisers", Start: "2015-01-01"},
		{For: "sources", Value: "s2", Start: "2015-01-01"},
	}
	if diff := cmp.Diff(wantSupport, values[key{"x", "a", "directed", "supports"}]); diff != "" {
		t.Errorf("support attributes (-want +got):\n%s", diff)
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
