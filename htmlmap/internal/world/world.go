// Package world holds the outlines of the world's countries, from Natural
// Earth's 1:50m admin-0 boundaries as the npm package world-atlas ships them
// (TopoJSON; see README.md), and decodes them into rings of longitude and
// latitude.
package world

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

//go:embed countries-50m.json.gz
var asset []byte

// A Point is a longitude and a latitude in decimal degrees.
type Point struct{ Lon, Lat float64 }

// A Ring is a closed line of points: its last point equals its first.
type Ring []Point

// A Polygon is an outer ring and any holes in it.
type Polygon []Ring

// A Country is one country's outline.
type Country struct {
	ID       string // ISO 3166-1 numeric code, "760"; "" for a few disputed areas
	Name     string // short English name, "Syria"
	Polygons []Polygon
}

// Bounds returns the least and greatest longitude and latitude of c's points.
func (c Country) Bounds() (minLon, minLat, maxLon, maxLat float64) {
	minLon, minLat, maxLon, maxLat = 1e9, 1e9, -1e9, -1e9
	for _, pg := range c.Polygons {
		for _, r := range pg {
			for _, p := range r {
				minLon, maxLon = min(minLon, p.Lon), max(maxLon, p.Lon)
				minLat, maxLat = min(minLat, p.Lat), max(maxLat, p.Lat)
			}
		}
	}
	return minLon, minLat, maxLon, maxLat
}

var countries = sync.OnceValues(func() ([]Country, error) {
	zr, err := gzip.NewReader(bytes.NewReader(asset))
	if err != nil {
		return nil, fmt.Errorf("world: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("world: %w", err)
	}
	return Decode(b, "countries")
})

// Countries returns every country's outline, in the order of the asset
// file. It decodes the asset on first use; the result is shared and must not
// be modified.
func Countries() ([]Country, error) { return countries() }

// topology is the part of a TopoJSON topology that Decode reads.
type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Type       string     `json:"type"`
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// Decode reads the geometry collection named object of a TopoJSON topology:
// each Polygon or MultiPolygon becomes a Country, its rings stitched from the
// topology's arcs (a negative index ~i is arc i reversed), and quantized
// positions, delta-encoded, are turned back into degrees with the
// topology's transform. Geometries of other types are skipped.
func Decode(data []byte, object string) ([]Country, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("world: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("world: type %q, want Topology", t.Type)
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("world: no object %q", object)
	}
	arcs := decodeArcs(t)
	var out []Country
	for i, g := range obj.Geometries {
		var rings [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("world: geometry %d (%s): %w", i, g.Properties.Name, err)
			}
			rings = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, fmt.Errorf("world: geometry %d (%s): %w", i, g.Properties.Name, err)
			}
		default:
			continue
		}
		c := Country{ID: g.ID, Name: g.Properties.Name}
		for _, poly := range rings {
			var pg Polygon
			for _, ring := range poly {
				r, err := stitch(arcs, ring)
				if err != nil {
					return nil, fmt.Errorf("world: geometry %d (%s): %w", i, g.Properties.Name, err)
				}
				pg = append(pg, r)
			}
			c.Polygons = append(c.Polygons, pg)
		}
		out = append(out, c)
	}
	return out, nil
}

// decodeArcs returns the arcs in degrees: with a transform, each position
// but the first is a delta from the one before, in quantized units.
func decodeArcs(t topology) [][]Point {
	arcs := make([][]Point, len(t.Arcs))
	for i, a := range t.Arcs {
		ps := make([]Point, len(a))
		var x, y float64
		for j, q := range a {
			if t.Transform == nil {
				ps[j] = Point{q[0], q[1]}
				continue
			}
			x, y = x+q[0], y+q[1]
			ps[j] = Point{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			}
		}
		arcs[i] = ps
	}
	return arcs
}

// stitch joins the arcs of one ring; each arc after the first starts where
// the one before ended, so its first point is dropped.
func stitch(arcs [][]Point, ring []int) (Ring, error) {
	var r Ring
	for k, i := range ring {
		rev := i < 0
		if rev {
			i = ^i
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("arc %d of %d", i, len(arcs))
		}
		a := arcs[i]
		for j := range a {
			p := a[j]
			if rev {
				p = a[len(a)-1-j]
			}
			if k > 0 && j == 0 {
				continue
			}
			r = append(r, p)
		}
	}
	return r, nil
}
