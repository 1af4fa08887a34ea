package htmlmap

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// checkLabels checks that no label covers another, that none covers a
// marker but its own (or one its marker lies on), and that all lie inside
// the map.
func checkLabels(t *testing.T, p *page) {
	t.Helper()
	frame := box{0, 0, mapWidth, mapHeight}
	byID := map[string]*place{}
	for _, pl := range p.Places {
		byID[pl.ID] = pl
	}
	for i, a := range p.labels {
		if !a.box.inside(frame) {
			t.Errorf("label %q at %v leaves the map", a.text, a.box)
		}
		for _, b := range p.labels[i+1:] {
			if a.box.overlaps(b.box) {
				t.Errorf("labels %q %v and %q %v overlap", a.text, a.box, b.text, b.box)
			}
		}
		for _, pl := range p.Places {
			r := pl.shape.radius()
			m := box{pl.x - r, pl.y - r, pl.x + r, pl.y + r}
			if pl.ID == a.place || a.place != "" && m.contains(byID[a.place].x, byID[a.place].y) {
				continue
			}
			if a.box.overlaps(m) {
				t.Errorf("label %q %v covers the marker of %s %v", a.text, a.box, pl.ID, m)
			}
		}
	}
}

func TestLabelsDoNotCollide(t *testing.T) {
	for name, c := range records(t) {
		t.Run(name, func(t *testing.T) {
			checkLabels(t, buildAll(t, c))
		})
	}
	t.Run("crowded", func(t *testing.T) {
		// Sixty places in two degrees: many go unnamed, none collide.
		rng := rand.New(rand.NewPCG(1, 2))
		ds := conflict.Dataset{Sources: []conflict.Source{{ID: "s"}}, Actors: []conflict.Actor{{ID: "a", Name: "A"}}}
		for i := range 60 {
			id := fmt.Sprintf("place-%02d", i)
			ds.Locations = append(ds.Locations, conflict.Location{
				ID: id, Name: fmt.Sprintf("Place number %d", i), Kind: conflict.LocationKind(1 + i%12),
				Point: &conflict.Point{Lat: 34 + 2*rng.Float64(), Lon: 37 + 2*rng.Float64()},
			})
			ds.Relations = append(ds.Relations, conflict.Relation{Kind: conflict.RelationControls, From: "a", To: id,
				Start: conflict.Day(2015, 1, 1+i%28), Sources: []string{"s"}})
		}
		p := buildAll(t, testutil.Conflict(t, ds))
		if len(p.labels) == 0 {
			t.Fatal("no label placed")
		}
		checkLabels(t, p)
	})
}

// TestSyriaNamesEveryCity checks that the worked example's map names its
// cities and towns: those take precedence.
func TestSyriaNamesEveryCity(t *testing.T) {
	p := buildAll(t, testutil.Syria(t))
	named := map[string]bool{}
	for _, l := range p.labels {
		named[l.place] = true
	}
	for _, pl := range p.Places {
		if pl.shape != shapeRing && !named[pl.ID] {
			t.Errorf("%s (%s) is not named", pl.ID, pl.Kind)
		}
	}
}

func TestFrameShowsEveryPlace(t *testing.T) {
	tests := []struct {
		name       string
		lons, lats []float64
	}{
		{"one point", []float64{38.27}, []float64{34.56}},
		{"wide", []float64{36, 44}, []float64{33, 36.5}},
		{"tall", []float64{37, 37.5}, []float64{30, 40}},
		{"south", []float64{-60, -55}, []float64{-52, -50}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := frame(tt.lons, tt.lats)
			for i := range tt.lons {
				x, y := v.project(tt.lons[i], tt.lats[i])
				if x < 20 || x > mapWidth-20 || y < 20 || y > mapHeight-20 {
					t.Errorf("(%v, %v) is at (%.1f, %.1f), not inside the map with a margin", tt.lons[i], tt.lats[i], x, y)
				}
			}
			// The frame fills the map: its corners project to the map's.
			w, s, e, n := v.bounds()
			x0, y0 := v.project(w, n)
			x1, y1 := v.project(e, s)
			if diff := cmp.Diff([]string{"0", "0", "960", "600"}, []string{num(x0), num(y0), num(x1), num(y1)}); diff != "" {
				t.Errorf("corners (-want +got)\n%s", diff)
			}
		})
	}
}

func TestClip(t *testing.T) {
	sq := func(x0, y0, x1, y1 float64) []xy { return []xy{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}} }
	tests := []struct {
		name string
		ring []xy
		want []xy
	}{
		{"inside", sq(1, 1, 5, 5), sq(1, 1, 5, 5)},
		{"outside", sq(20, 20, 30, 30), nil},
		{"across the right edge", sq(5, 2, 15, 4), []xy{{5, 2}, {10, 2}, {10, 4}, {5, 4}}},
		{"around", sq(-5, -5, 15, 15), []xy{{0, 10}, {0, 0}, {10, 0}, {10, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := simplify(clip(tt.ring, 0, 0, 10, 10), 0.01)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(xy{})); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestCentroid(t *testing.T) {
	area, x, y := centroid([]xy{{0, 0}, {4, 0}, {4, 2}, {0, 2}})
	if diff := cmp.Diff([]float64{8, 2, 1}, []float64{area, x, y}); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestNum(t *testing.T) {
	tests := map[float64]string{0: "0", -0.01: "0", 1.25: "1.3", 2.04: "2", -3.46: "-3.5", 960: "960"}
	for v, want := range tests {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestAssignColors(t *testing.T) {
	ids := []string{"a", "b", "c", "gov", "isis", "rebels"}
	got := assignColors(ids, map[string]string{"gov": "teal"})
	if got["gov"] != "teal" {
		t.Errorf("gov: %s, want the fixed teal", got["gov"])
	}
	seen := map[string]string{}
	for _, id := range ids {
		if other, ok := seen[got[id]]; ok {
			t.Errorf("%s and %s share %s", other, id, got[id])
		}
		seen[got[id]] = id
	}
	// A party's colour comes from its ID: these stay the same from one
	// version to the next, and from one record to the next.
	want := map[string]string{"gov": "#ff7f0e", "isis": "#17becf", "rebels": "#252525"}
	if diff := cmp.Diff(want, assignColors([]string{"gov", "isis", "rebels"}, nil)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Two IDs that hash to one colour: the later takes the next free one.
	var a, b string
	first := map[string]string{}
	for i := 0; b == ""; i++ {
		id := fmt.Sprint("party-", i)
		c := assignColors([]string{id}, nil)[id]
		if other, ok := first[c]; ok {
			a, b = other, id
		}
		first[c] = id
	}
	pair := assignColors([]string{a, b}, nil)
	if pair[a] == pair[b] {
		t.Errorf("%s and %s both %s", a, b, pair[a])
	}
	// Past the palette, colours repeat rather than fail.
	many := make([]string, 2*len(palette))
	for i := range many {
		many[i] = fmt.Sprintf("p%02d", i)
	}
	if n := len(assignColors(many, nil)); n != len(many) {
		t.Errorf("%d colours for %d parties", n, len(many))
	}
}

func TestLabelWidth(t *testing.T) {
	// Measured in Chromium with DejaVu Sans: "Islamic State" at 100px is
	// 647 pixels wide; width rounds up a little.
	w := labelPlace.width("Islamic State") / 12 * 100
	if w < 647 || w > 647*1.08+10 {
		t.Errorf("width of Islamic State at 100px: %.0f, want a little over 647", w)
	}
}
