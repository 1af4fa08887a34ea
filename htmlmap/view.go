package htmlmap

import (
	"math"
	"strconv"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/htmlmap/internal/world"
)

// The map's size in CSS pixels.
const (
	mapWidth  = 960
	mapHeight = 600
)

// A view is the map's frame and projection: equirectangular, with the scale
// along the parallels that of the frame's middle latitude.
type view struct {
	west, north float64 // degrees at the map's top left corner
	k           float64 // cos of the middle latitude
	scale       float64 // pixels per degree of latitude
}

// frame returns the view that shows the points (longitude, latitude) with a
// margin, filling the map: at least 2 degrees of latitude and a tenth of the
// points' extent on each side.
func frame(lons, lats []float64) view {
	west, east := minMax(lons)
	south, north := minMax(lats)
	padLon := max((east-west)*0.1, 0.4)
	padLat := max((north-south)*0.1, 0.4)
	west, east = west-padLon, east+padLon
	south, north = max(south-padLat, -85), min(north+padLat, 85)
	if north-south < 2 {
		mid := (north + south) / 2
		south, north = mid-1, mid+1
	}
	k := math.Cos((north + south) / 2 * math.Pi / 180)
	scale := min(mapWidth/((east-west)*k), mapHeight/(north-south))
	midLon, midLat := (east+west)/2, (north+south)/2
	return view{
		west:  midLon - mapWidth/2/(scale*k),
		north: midLat + mapHeight/2/scale,
		k:     k,
		scale: scale,
	}
}

func minMax(v []float64) (lo, hi float64) {
	lo, hi = v[0], v[0]
	for _, x := range v[1:] {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

// project returns the map position of a longitude and latitude.
func (v view) project(lon, lat float64) (x, y float64) {
	return (lon - v.west) * v.k * v.scale, (v.north - lat) * v.scale
}

// bounds returns the degrees at the map's edges.
func (v view) bounds() (west, south, east, north float64) {
	return v.west, v.north - mapHeight/v.scale, v.west + mapWidth/(v.k*v.scale), v.north
}

// A shape is how a place's marker is drawn.
type shape uint8

const (
	shapeDot    shape = iota // a small dot: towns, villages, most places
	shapeCity                // a large dot
	shapeSquare              // airbases and bases
	shapeRing                // regions and countries
)

func shapeOf(k conflict.LocationKind) shape {
	switch k {
	case conflict.LocationCity:
		return shapeCity
	case conflict.LocationAirbase, conflict.LocationBase:
		return shapeSquare
	case conflict.LocationRegion, conflict.LocationCountry:
		return shapeRing
	}
	return shapeDot
}

// radius returns half the size of a marker of shape s, in pixels.
func (s shape) radius() float64 {
	switch s {
	case shapeCity:
		return 7.5
	case shapeSquare:
		return 5.5
	case shapeRing:
		return 11
	}
	return 5.5
}

// An outline is one country's outline on the map.
type outline struct {
	name   string
	d      string  // SVG path data
	lx, ly float64 // where its name may go: the centre of its largest part on the map
	area   float64 // the area of that part, in square pixels
}

// outlines returns the outlines of the countries the view shows, clipped to
// it, in the asset's order.
func outlines(v view) ([]outline, error) {
	countries, err := world.Countries()
	if err != nil {
		return nil, err
	}
	w, s, e, n := v.bounds()
	const pad = 4 // pixels beyond the edge, so that clipped edges fall outside the map
	var out []outline
	for _, c := range countries {
		cw, cs, ce, cn := c.Bounds()
		if ce < w || cw > e || cn < s || cs > n {
			continue
		}
		var d strings.Builder
		o := outline{name: c.Name}
		for _, pg := range c.Polygons {
			for ri, r := range pg {
				ps := make([]xy, len(r))
				for i, p := range r {
					ps[i].x, ps[i].y = v.project(p.Lon, p.Lat)
				}
				ps = simplify(clip(ps, -pad, -pad, mapWidth+pad, mapHeight+pad), 0.6)
				if len(ps) < 3 {
					continue
				}
				writePath(&d, ps)
				if ri == 0 {
					if a, cx, cy := centroid(ps); a > o.area {
						o.area, o.lx, o.ly = a, cx, cy
					}
				}
			}
		}
		if d.Len() == 0 {
			continue
		}
		o.d = d.String()
		out = append(out, o)
	}
	return out, nil
}

// An xy is a position on the map, in pixels.
type xy struct{ x, y float64 }

// clip returns the part of the closed ring ps inside the rectangle
// [x0, x1] × [y0, y1] (Sutherland–Hodgman, one edge at a time).
func clip(ps []xy, x0, y0, x1, y1 float64) []xy {
	edges := []struct {
		in    func(p xy) bool
		cross func(a, b xy) xy
	}{
		{func(p xy) bool { return p.x >= x0 }, func(a, b xy) xy { return atX(a, b, x0) }},
		{func(p xy) bool { return p.x <= x1 }, func(a, b xy) xy { return atX(a, b, x1) }},
		{func(p xy) bool { return p.y >= y0 }, func(a, b xy) xy { return atY(a, b, y0) }},
		{func(p xy) bool { return p.y <= y1 }, func(a, b xy) xy { return atY(a, b, y1) }},
	}
	for _, e := range edges {
		if len(ps) == 0 {
			return nil
		}
		var out []xy
		prev := ps[len(ps)-1]
		for _, p := range ps {
			switch {
			case e.in(p) && !e.in(prev):
				out = append(out, e.cross(prev, p), p)
			case e.in(p):
				out = append(out, p)
			case e.in(prev):
				out = append(out, e.cross(prev, p))
			}
			prev = p
		}
		ps = out
	}
	return ps
}

func atX(a, b xy, x float64) xy {
	return xy{x, a.y + (b.y-a.y)*(x-a.x)/(b.x-a.x)}
}

func atY(a, b xy, y float64) xy {
	return xy{a.x + (b.x-a.x)*(y-a.y)/(b.y-a.y), y}
}

// simplify drops each point closer than tol pixels to the last one kept.
func simplify(ps []xy, tol float64) []xy {
	if len(ps) == 0 {
		return nil
	}
	out := []xy{ps[0]}
	for _, p := range ps[1:] {
		q := out[len(out)-1]
		if math.Hypot(p.x-q.x, p.y-q.y) >= tol {
			out = append(out, p)
		}
	}
	return out
}

// centroid returns the area of the ring ps and its centre of mass.
func centroid(ps []xy) (area, cx, cy float64) {
	var a2 float64
	for i, p := range ps {
		q := ps[(i+1)%len(ps)]
		cr := p.x*q.y - q.x*p.y
		a2 += cr
		cx += (p.x + q.x) * cr
		cy += (p.y + q.y) * cr
	}
	if a2 == 0 {
		return 0, ps[0].x, ps[0].y
	}
	return math.Abs(a2) / 2, cx / (3 * a2), cy / (3 * a2)
}

// writePath writes the ring ps as a closed subpath.
func writePath(b *strings.Builder, ps []xy) {
	for i, p := range ps {
		if i == 0 {
			b.WriteByte('M')
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(num(p.x))
		b.WriteByte(' ')
		b.WriteString(num(p.y))
	}
	b.WriteByte('Z')
}

// num writes v with at most one decimal.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}
