package geojson_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/geojson"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// small returns a record in which the sources disagree on when Papa changed
// hands, Fort is besieged, Quebec has no point, and Region holds nothing
// itself.
func small(t testing.TB) *conflict.Conflict {
	t.Helper()
	d := conflict.MustParseDate
	s1, s2 := []string{"s1"}, []string{"s2"}
	return testutil.Conflict(t, conflict.Dataset{
		Sources: []conflict.Source{{ID: "s1"}, {ID: "s2"}},
		Actors:  []conflict.Actor{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Bravo"}},
		Locations: []conflict.Location{
			{ID: "r", Name: "Region", Kind: conflict.LocationRegion, Point: &conflict.Point{Lat: 35, Lon: 38}},
			{ID: "p", Name: "Papa", Kind: conflict.LocationCity, Within: "r", Point: &conflict.Point{Lat: 34.5597, Lon: 38.2675}},
			{ID: "q", Name: "Quebec", Within: "r"},
			{ID: "f", Name: `Fort "South"`, Kind: conflict.LocationBase, Point: &conflict.Point{Lat: -33.86, Lon: 151.21}},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "p", End: d("2015-10"), Sources: s1},
			{Kind: conflict.RelationControls, From: "a", To: "p", End: d("2015-11-10"), Sources: s2},
			{Kind: conflict.RelationControls, From: "b", To: "p", Start: d("2015-10"), Sources: s1},
			{Kind: conflict.RelationControls, From: "b", To: "p", Start: d("2015-11-10"), Sources: s2},
			{Kind: conflict.RelationControls, From: "a", To: "f", Sources: s1},
			{Kind: conflict.RelationBesieges, From: "b", To: "f", Start: d("2015-09-15"), End: d("2016"), Sources: s1},
			{Kind: conflict.RelationControls, From: "a", To: "q", Start: d("2015-08"), Sources: s1},
		},
	})
}

func day(s string) time.Time { return conflict.MustParseDate(s).Time() }

func control(t *testing.T, c conflict.Record, at string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := geojson.WriteControl(&b, c, day(at)); err != nil {
		t.Fatalf("WriteControl: %v", err)
	}
	return b.Bytes()
}

func history(t *testing.T, c conflict.Record, loc string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := geojson.WriteHistory(&b, c, loc); err != nil {
		t.Fatalf("WriteHistory: %v", err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	c := small(t)
	testutil.Golden(t, filepath.Join("testdata", "control-2015-10-15.geojson"), control(t, c, "2015-10-15"))
	testutil.Golden(t, filepath.Join("testdata", "history-p.geojson"), history(t, c, "p"))
	testutil.Golden(t, filepath.Join("testdata", "history-q.geojson"), history(t, c, "q"))
}

func TestDeterministic(t *testing.T) {
	c := small(t)
	first, firstH := control(t, c, "2015-10-15"), history(t, c, "p")
	for range 10 {
		if got := control(t, small(t), "2015-10-15"); !bytes.Equal(got, first) {
			t.Fatalf("two writes differ:\n%s", cmp.Diff(string(first), string(got)))
		}
		if got := history(t, small(t), "p"); !bytes.Equal(got, firstH) {
			t.Fatalf("two writes differ:\n%s", cmp.Diff(string(firstH), string(got)))
		}
	}
}

// checkShape checks that b is an RFC 7946 FeatureCollection of Point
// features (or unlocated features), and returns its features.
func checkShape(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var fc map[string]any
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if fc["type"] != "FeatureCollection" {
		t.Errorf("type %v, want FeatureCollection", fc["type"])
	}
	if _, ok := fc["crs"]; ok {
		t.Error("has a crs member, which RFC 7946 removed")
	}
	list, ok := fc["features"].([]any)
	if !ok {
		t.Fatalf("features is %T, want an array", fc["features"])
	}
	var out []map[string]any
	for i, x := range list {
		f, ok := x.(map[string]any)
		if !ok {
			t.Fatalf("feature %d is %T", i, x)
		}
		out = append(out, f)
		if f["type"] != "Feature" {
			t.Errorf("feature %d: type %v", i, f["type"])
		}
		if _, ok := f["crs"]; ok {
			t.Errorf("feature %d has a crs member", i)
		}
		switch f["id"].(type) {
		case string, float64:
		default:
			t.Errorf("feature %d: id %v is neither string nor number", i, f["id"])
		}
		if _, ok := f["properties"].(map[string]any); !ok && f["properties"] != nil {
			t.Errorf("feature %d: properties %v", i, f["properties"])
		}
		g, present := f["geometry"]
		if !present {
			t.Errorf("feature %d has no geometry member", i)
			continue
		}
		if g == nil {
			continue // an unlocated feature
		}
		geom, ok := g.(map[string]any)
		if !ok || geom["type"] != "Point" {
			t.Errorf("feature %d: geometry %v, want a Point", i, g)
			continue
		}
		coords, ok := geom["coordinates"].([]any)
		if !ok || len(coords) != 2 {
			t.Errorf("feature %d: coordinates %v, want [lon, lat]", i, geom["coordinates"])
			continue
		}
		lon, ok1 := coords[0].(float64)
		lat, ok2 := coords[1].(float64)
		if !ok1 || !ok2 || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
			t.Errorf("feature %d: coordinates %v out of range", i, coords)
		}
	}
	return out
}

func TestShape(t *testing.T) {
	c := small(t)
	points := map[string][2]float64{}
	for _, l := range c.Dataset().Locations {
		if l.Point != nil {
			points[l.ID] = [2]float64{l.Point.Lon, l.Point.Lat}
		}
	}
	for _, f := range checkShape(t, control(t, c, "2015-10-15")) {
		id := f["id"].(string)
		coords := f["geometry"].(map[string]any)["coordinates"].([]any)
		if got := [2]float64{coords[0].(float64), coords[1].(float64)}; got != points[id] {
			t.Errorf("%s: coordinates %v, want [lon, lat] %v", id, got, points[id])
		}
	}
	checkShape(t, history(t, c, "p"))
	checkShape(t, history(t, c, "q"))
}

// TestControl checks the properties of each place against the library's
// answers.
func TestControl(t *testing.T) {
	var fc struct {
		At       string
		Unplaced []string
		Features []struct {
			ID         string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(control(t, small(t), "2015-10-15"), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.At != "2015-10-15" || !cmp.Equal(fc.Unplaced, []string{"q"}) {
		t.Errorf("at %q, unplaced %q; want 2015-10-15 and [q]", fc.At, fc.Unplaced)
	}
	got := map[string]string{}
	for _, f := range fc.Features {
		p := f.Properties
		got[f.ID] = fmt.Sprint(p["state"], " ", p["holder"], " ", p["certainty"], " ", p["claimants"], " ",
			p["besiegers"], " ", p["besieged"], " ", p["rolledUp"], " ", p["since"])
	}
	want := map[string]string{
		"f": "besieged a definite [] [b] definite false <nil>",
		"p": "held <nil> possible [a b] [] absent false <nil>",
		"r": "held <nil> possible [a b] [] absent true <nil>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
}

func TestHistoryErrors(t *testing.T) {
	c := small(t)
	for _, id := range []string{"nowhere", "a"} {
		err := geojson.WriteHistory(&bytes.Buffer{}, c, id)
		if !errors.Is(err, geojson.ErrUnknownLocation) {
			t.Errorf("WriteHistory(%q) = %v, want ErrUnknownLocation", id, err)
		}
	}
}

// TestSyria checks the shape of the worked example's control on the days
// the scratch map was drawn for.
func TestSyria(t *testing.T) {
	c := testutil.Syria(t)
	for _, at := range []string{"2016-04-06", "2016-12-15"} {
		if n := len(checkShape(t, control(t, c, at))); n < 20 {
			t.Errorf("%s: %d features, want every place of the example", at, n)
		}
	}
	checkShape(t, history(t, c, "palmyra"))
}

// TestControlDayInZone checks that "at" names the day the answer is about,
// the day of the instant in the record's time zone: 22:30 UTC on 26 March
// 2016 is already 27 March in Damascus, the day Palmyra changed hands.
func TestControlDayInZone(t *testing.T) {
	c := testutil.Syria(t)
	var b bytes.Buffer
	if err := geojson.WriteControl(&b, c, time.Date(2016, time.March, 26, 22, 30, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		At       string
		Features []struct {
			ID         string
			Properties struct{ Holder string }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	holders := map[string]string{}
	for _, f := range fc.Features {
		holders[f.ID] = f.Properties.Holder
	}
	if fc.At != "2016-03-27" || holders["palmyra"] != "syrian-government" {
		t.Errorf(`at %q, Palmyra held by %q; want "2016-03-27", "syrian-government"`, fc.At, holders["palmyra"])
	}
}
