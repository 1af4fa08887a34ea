package geojson_test

import (
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestWeights: a place's area and population, where known, are properties
// of its features, on the map of an instant and in its history; a place
// without them has none of the three properties.
func TestWeights(t *testing.T) {
	pt := &conflict.Point{Lat: 34.5597, Lon: 38.2675}
	c := testutil.Conflict(t, conflict.Dataset{
		Sources: []conflict.Source{{ID: "census"}, {ID: "s"}},
		Actors:  []conflict.Actor{{ID: "a", Name: "Alpha"}},
		Locations: []conflict.Location{
			{ID: "p", Name: "Papa", Point: pt, Area: 48.5, Population: &conflict.Population{Count: 51323, Date: date("2004"), Sources: []string{"census"}}},
			{ID: "q", Name: "Quebec", Point: pt, Area: 12},
			{ID: "r", Name: "Romeo", Point: pt},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "p", Start: date("2015-05-21"), Sources: []string{"s"}},
		},
	})
	weights := func(props map[string]any) map[string]any {
		out := map[string]any{}
		for _, k := range []string{"areaKm2", "population", "populationDate"} {
			if v, ok := props[k]; ok {
				out[k] = v
			}
		}
		return out
	}
	want := map[string]map[string]any{
		"p": {"areaKm2": 48.5, "population": 51323.0, "populationDate": "2004"},
		"q": {"areaKm2": 12.0},
		"r": {},
	}
	got := map[string]map[string]any{}
	for _, f := range checkShape(t, control(t, c, "2016-01-01")) {
		got[f["id"].(string)] = weights(f["properties"].(map[string]any))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WriteControl's weights (-want +got)\n%s", diff)
	}
	fs := checkShape(t, history(t, c, "p"))
	if len(fs) != 1 {
		t.Fatalf("%d features in the history of p", len(fs))
	}
	if diff := cmp.Diff(want["p"], weights(fs[0]["properties"].(map[string]any))); diff != "" {
		t.Errorf("WriteHistory's weights (-want +got)\n%s", diff)
	}
}

func date(s string) conflict.Date { return conflict.MustParseDate(s) }
