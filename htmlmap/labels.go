package htmlmap

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

// A label is a name placed on the map.
type label struct {
	text   string
	place  string  // the ID of the place it names; "" for a country's name
	x, y   float64 // the text's anchor: its start, on the baseline
	anchor string  // "start", "middle" or "end"
	style  labelStyle
	box    box
	leader *[4]float64 // a line from the marker to a label set apart from it: x1, y1, x2, y2
}

// A labelStyle is a kind of label's look: the page's style sheet gives
// each the font size and weight that width assumes.
type labelStyle uint8

const (
	labelCity    labelStyle = iota // 13px bold
	labelPlace                     // 12px
	labelArea                      // 12px italic, for regions and countries
	labelCountry                   // 13px capitals, spaced, for the outlines
)

func (s labelStyle) class() string {
	return [...]string{"lc", "lp", "la", "ln"}[s]
}

func (s labelStyle) size() float64 {
	if s == labelCity || s == labelCountry {
		return 13
	}
	return 12
}

// width returns the width of text in style s, in pixels, for DejaVu Sans
// (and Verdana, whose widths are close), rounded up a little.
func (s labelStyle) width(text string) float64 {
	table, other := &regularWidths, 65
	if s == labelCity {
		table, other = &boldWidths, 72
	}
	var w, n float64
	for _, r := range text {
		if r >= 32 && r < 127 {
			w += float64(table[r-32])
		} else {
			w += float64(other)
		}
		n++
	}
	w = w / 100 * s.size()
	if s == labelCountry {
		w += (n - 1) * letterSpacing
	}
	return w*1.04 + 1
}

// letterSpacing is the spacing of the countries' names, in pixels.
const letterSpacing = 2.5

// The advance widths of the printable ASCII characters, space to tilde, in
// hundredths of an em, of DejaVu Sans and DejaVu Sans Bold, as measured in
// Chromium.
var (
	regularWidths = [95]uint8{32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84}
	boldWidths    = [95]uint8{35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84}
)

// A box is a rectangle on the map: [x0, x1] × [y0, y1].
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) contains(x, y float64) bool {
	return a.x0 <= x && x <= a.x1 && a.y0 <= y && y <= a.y1
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// halo is the room kept around a label's glyphs, in pixels: the white
// outline drawn behind them, and a little air.
const halo = 2

// textBox returns the box of text in style s drawn with its anchor at x and
// its baseline at y.
func textBox(s labelStyle, text string, x, y float64, anchor string) box {
	w := s.width(text)
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	size := s.size()
	return box{x - halo, y - 0.76*size - halo, x + w + halo, y + 0.24*size + halo}
}

// placeLabels names the places, most important first, each at the first of
// eight positions around its marker where the name covers no other name, no
// marker and does not cross the map's edge; a place with no such position
// goes unnamed on the map (its name shows on hover). Then it names the
// countries of the outlines, where there is room, unless a place drawn bears
// the same name.
func (p *page) placeLabels() {
	frame := box{2, 2, mapWidth - 2, mapHeight - 2}
	var g grid
	for i, pl := range p.Places {
		r := pl.reach()
		g.add(box{pl.x - r, pl.y - r, pl.x + r, pl.y + r}, i)
	}
	index := map[*place]int{}
	for i, pl := range p.Places {
		index[pl] = i
	}
	// free reports whether b is inside the map and covers no label and no
	// marker but those of the places in mine.
	free := func(b box, mine []int) bool {
		return b.inside(frame) && !g.hit(b, mine)
	}
	// lineFree reports whether a leader line from the marker of self crosses
	// no label and no marker but those of self and the places under it.
	lineFree := func(ln [4]float64, self *place) bool {
		mine := g.under(self.x, self.y)
		for i := 1; i < 8; i++ {
			f := float64(i) / 8
			x, y := ln[0]+(ln[2]-ln[0])*f, ln[1]+(ln[3]-ln[1])*f
			if g.hit(box{x - 0.5, y - 0.5, x + 0.5, y + 0.5}, mine) {
				return false
			}
		}
		return true
	}

	order := slices.Clone(p.Places)
	slices.SortStableFunc(order, func(a, b *place) int {
		return cmp.Or(
			cmp.Compare(a.shape.rank(), b.shape.rank()),
			cmp.Compare(len(b.History), len(a.History)),
			strings.Compare(a.Name, b.Name),
			strings.Compare(a.ID, b.ID),
		)
	})
	names := map[string]bool{}
	for _, pl := range order {
		names[conflict.FoldName(pl.Name)] = true
		st := labelPlace
		switch pl.shape {
		case shapeCity:
			st = labelCity
		case shapeRing:
			st = labelArea
		}
	place:
		for _, apart := range []float64{0, 14} {
			for _, c := range candidates(pl.x, pl.y, pl.reach(), pl.shape == shapeSquare, st.size(), apart) {
				b := textBox(st, pl.Name, c.x, c.y, c.anchor)
				if !free(b, []int{index[pl]}) {
					continue
				}
				l := label{text: pl.Name, place: pl.ID, x: c.x, y: c.y, anchor: c.anchor, style: st, box: b}
				if apart > 0 {
					ln := leader(pl.x, pl.y, pl.reach(), b)
					if !lineFree(ln, pl) {
						continue
					}
					l.leader = &ln
				}
				p.labels = append(p.labels, l)
				g.add(b, -1)
				break place
			}
		}
	}

	for _, o := range p.outlines {
		text := strings.ToUpper(o.name)
		if names[conflict.FoldName(o.name)] || o.area < 4*labelCountry.width(text)*labelCountry.size() {
			continue
		}
		for _, d := range []xy{{0, 0}, {0, -24}, {0, 24}, {-40, 0}, {40, 0}} {
			x, y := o.lx+d.x, o.ly+d.y+labelCountry.size()*0.27
			b := textBox(labelCountry, text, x, y, "middle")
			if free(b, nil) {
				p.labels = append(p.labels, label{text: text, x: x, y: y, anchor: "middle", style: labelCountry, box: b})
				g.add(b, -1)
				break
			}
		}
	}
}

// reach returns how far the drawing of pl reaches from its centre: its
// marker, with its outline, and the ring of a siege if it is ever besieged.
func (pl *place) reach() float64 {
	for _, s := range pl.Segs {
		if s.Ring != "" {
			return pl.shape.radius() + 5
		}
	}
	return pl.shape.radius() + 1
}

// rank orders the places for naming: cities first, then bases, then other
// places, then regions and countries.
func (s shape) rank() int {
	return [...]int{shapeCity: 0, shapeSquare: 1, shapeDot: 2, shapeRing: 3}[s]
}

// A candidate is a position for a label: its anchor and baseline.
type candidate struct {
	x, y   float64
	anchor string
}

// candidates returns the positions tried for the label of a marker that
// reaches r pixels from (x, y), round or square, apart pixels further than
// beside it, in order of preference: right, left, above, below, then the four
// corners.
func candidates(x, y, r float64, square bool, size, apart float64) []candidate {
	const gap = 3
	reach := r
	r += apart
	mid := y + 0.26*size // baseline that centres the text on y
	d := r*0.71 + 1      // off a round marker's corner
	if square {
		d = reach + apart*0.71 + 1
	}
	return []candidate{
		{x + r + gap, mid, "start"},
		{x - r - gap, mid, "end"},
		{x, y - r - gap - 0.24*size, "middle"},
		{x, y + r + gap + 0.76*size, "middle"},
		{x + d, y - d - 0.24*size, "start"},
		{x + d, y + d + 0.76*size, "start"},
		{x - d, y - d - 0.24*size, "end"},
		{x - d, y + d + 0.76*size, "end"},
	}
}

// leader returns a line from the edge of the marker of radius r at (x, y)
// to the nearest point of the label's box b, shortened by the halo.
func leader(x, y, r float64, b box) [4]float64 {
	tx := min(max(x, b.x0+halo), b.x1-halo)
	ty := min(max(y, b.y0+halo), b.y1-halo)
	dx, dy := tx-x, ty-y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return [4]float64{x, y, x, y}
	}
	return [4]float64{x + dx/d*(r+1), y + dy/d*(r+1), tx - dx/d, ty - dy/d}
}

// A grid holds the boxes on the map, markers and labels, in square cells, so
// that finding what a box overlaps costs in proportion to what is near it.
type grid struct {
	cells map[[2]int][]gridItem
}

type gridItem struct {
	b     box
	owner int // the index of the place whose marker it is; -1 for a label
}

const cellSize = 40 // pixels

func cellRange(b box) (x0, y0, x1, y1 int) {
	return int(math.Floor(b.x0 / cellSize)), int(math.Floor(b.y0 / cellSize)), int(math.Floor(b.x1 / cellSize)), int(math.Floor(b.y1 / cellSize))
}

func (g *grid) add(b box, owner int) {
	if g.cells == nil {
		g.cells = map[[2]int][]gridItem{}
	}
	x0, y0, x1, y1 := cellRange(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], gridItem{b, owner})
		}
	}
}

// hit reports whether b overlaps a box of the grid other than the markers
// of the places in skip.
func (g *grid) hit(b box, skip []int) bool {
	x0, y0, x1, y1 := cellRange(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, it := range g.cells[[2]int{x, y}] {
				if b.overlaps(it.b) && (it.owner < 0 || !slices.Contains(skip, it.owner)) {
					return true
				}
			}
		}
	}
	return false
}

// under returns the places whose markers cover the point (x, y).
func (g *grid) under(x, y float64) []int {
	var out []int
	for _, it := range g.cells[[2]int{int(math.Floor(x / cellSize)), int(math.Floor(y / cellSize))}] {
		if it.owner >= 0 && it.b.contains(x, y) && !slices.Contains(out, it.owner) {
			out = append(out, it.owner)
		}
	}
	return out
}
