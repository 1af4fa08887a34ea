package world

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// twoSquares is a topology of two unit squares side by side, sharing the
// arc x = 1: arc 0 is the left square's other three sides, arc 1 the shared
// side from (1, 0) to (1, 1), arc 2 the right square's other three sides.
// Positions are quantized by halves and delta-encoded.
const twoSquares = `{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
  "arcs": [
    [[2, 2], [0, -2], [-2, 0], [0, 2], [2, 0]],
    [[2, 0], [0, 2]],
    [[2, 2], [2, 0], [0, -2], [-2, 0]]
  ],
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "001", "properties": {"name": "West"}, "arcs": [[0, -2]]},
    {"type": "MultiPolygon", "id": "002", "properties": {"name": "East"}, "arcs": [[[1, 2]]]},
    {"type": null, "properties": {"name": "Nothing"}}
  ]}}
}`

func TestDecode(t *testing.T) {
	got, err := Decode([]byte(twoSquares), "countries")
	if err != nil {
		t.Fatal(err)
	}
	want := []Country{
		{ID: "001", Name: "West", Polygons: []Polygon{{{
			{11, 21}, {11, 20}, {10, 20}, {10, 21}, {11, 21}, // arc 0
			{11, 20}, // arc 1 reversed, without its first point
		}}}},
		{ID: "002", Name: "East", Polygons: []Polygon{{{
			{11, 20}, {11, 21}, // arc 1
			{12, 21}, {12, 20}, {11, 20}, // arc 2, without its first point
		}}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	w, s, e, n := got[1].Bounds()
	if diff := cmp.Diff([]float64{11, 20, 12, 21}, []float64{w, s, e, n}); diff != "" {
		t.Errorf("East's bounds (-want +got)\n%s", diff)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, data, object, want string
	}{
		{"not JSON", `{`, "countries", "unexpected end"},
		{"not a topology", `{"type": "FeatureCollection"}`, "countries", `type "FeatureCollection"`},
		{"no such object", twoSquares, "land", `no object "land"`},
		{"arc out of range", strings.Replace(twoSquares, `"arcs": [[0, -2]]`, `"arcs": [[0, 7]]`, 1), "countries", "arc 7 of 3"},
		{"negative arc out of range", strings.Replace(twoSquares, `"arcs": [[0, -2]]`, `"arcs": [[0, -9]]`, 1), "countries", "arc 8 of 3"},
		{"bad arcs", strings.Replace(twoSquares, `"arcs": [[0, -2]]`, `"arcs": "x"`, 1), "countries", "West"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.data), tt.object)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode: %v, want an error that says %s", err, tt.want)
			}
		})
	}
}

// TestCountries checks the asset: every ring closed, and Syria where it is.
func TestCountries(t *testing.T) {
	cs, err := Countries()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 200 {
		t.Fatalf("%d countries, want the world's", len(cs))
	}
	var syria *Country
	for i, c := range cs {
		if c.ID == "760" {
			syria = &cs[i]
		}
		for _, pg := range c.Polygons {
			for _, r := range pg {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					t.Fatalf("%s: a ring of %d points, open or too short", c.Name, len(r))
				}
			}
		}
	}
	if syria == nil || syria.Name != "Syria" {
		t.Fatalf("no Syria with ID 760: %v", syria)
	}
	// Syria spans about 35.7° to 42.4° E and 32.3° to 37.3° N.
	w, s, e, n := syria.Bounds()
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"west", w, 35.7}, {"south", s, 32.3}, {"east", e, 42.4}, {"north", n, 37.3}} {
		if c.got < c.want-0.2 || c.got > c.want+0.2 {
			t.Errorf("Syria's %s edge at %.2f, want about %.1f", c.name, c.got, c.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(twoSquares), "countries")
	f.Add([]byte(`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"c":{"geometries":[{"type":"Polygon","arcs":[[-1]]}]}}}`), "c")
	f.Fuzz(func(t *testing.T, data []byte, object string) {
		cs, err := Decode(data, object)
		if err != nil {
			if cs != nil {
				t.Errorf("countries and an error: %v", err)
			}
			return
		}
		for _, c := range cs {
			c.Bounds()
		}
	})
}
