package htmlmap

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"time"
)

// The page's style sheet and script, written into every page.
var (
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string
)

// write writes the page as HTML.
func (p *page) write(w io.Writer) error {
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("htmlmap: %w", err)
	}
	bw := bufio.NewWriter(w)
	e := html.EscapeString
	fmt.Fprintf(bw, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<header>
<h1>%s</h1>
<div id="controls">
<button id="play" type="button" title="Play the days through">&#9654;</button>
<div id="track">
<input id="day" type="range" min="0" max="%d" step="1" value="%d" aria-label="Day">
<div id="ticks">%s</div>
</div>
<output id="date" for="day">%s</output>
</div>
</header>
<main>
<div id="left">
<div id="mapbox">
`, e(p.Title), pageCSS, e(p.Title), p.Days-1, p.Day, p.ticks(), dateLong(dayAt(p.from, p.Day)))
	p.writeMap(bw)
	fmt.Fprintf(bw, `<div id="tip" hidden></div>
</div>
<section id="legend">
<div>
<h2>Parties</h2>
<ul class="parties">
`)
	for _, id := range p.legend {
		fmt.Fprintf(bw, "<li><span class=\"sw\" style=\"background:%s\"></span>%s</li>\n", e(p.Parties[id].Color), e(p.Parties[id].Name))
	}
	fmt.Fprintf(bw, `</ul>
</div>
<div>
<h2>Markers</h2>
<ul class="keys">
<li><svg width="22" height="16"><circle cx="11" cy="8" r="6" fill="#666" class="mark"/></svg>held</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="6" fill="url(#key-hatch)" class="mark"/></svg>possibly held</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="6" fill="url(#key-stripes)" class="mark"/></svg>one of several may hold it</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="6" fill="url(#key-contest)" class="mark"/></svg>contested</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="6" fill="%s" class="mark"/></svg>no claim covers it</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="4" fill="#bbb" class="mark"/><circle cx="11" cy="8" r="6.5" class="siege" style="stroke:#666"/></svg>besieged (dashed: possibly)</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="6.5" fill="#bbb" class="mark"/></svg>city</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="5" fill="#bbb" class="mark"/></svg>town, village, other place</li>
<li><svg width="22" height="16"><rect x="6" y="3" width="10" height="10" fill="#bbb" class="mark"/></svg>airbase or base</li>
<li><svg width="22" height="16"><circle cx="11" cy="8" r="5.5" style="stroke:#bbb" class="mark area"/></svg>region or country: from the places within, unless claimed itself</li>
</ul>
</div>
</section>
</div>
<aside>
<section id="panel"><p class="hint">Hover over a place for what the sources say of it on the day shown; click it for its holders over time.</p></section>
</aside>
</main>
<footer>%d places, %s to %s. Country outlines: Natural Earth 1:50m, public domain, as the npm package world-atlas ships them.</footer>
<script type="application/json" id="data">%s</script>
<script>
%s</script>
</body>
</html>
`, unknownFill, len(p.Places), dateLong(p.from), dateLong(dayAt(p.from, p.Days-1)), data, pageJS)
	return bw.Flush()
}

// writeMap writes the map as inline SVG, each place in its colour on the
// page's first day shown.
func (p *page) writeMap(w io.Writer) {
	e := html.EscapeString
	fmt.Fprintf(w, "<svg id=\"map\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n<defs>\n",
		mapWidth, mapHeight, mapWidth, mapHeight, e("Map of the places of "+p.Title))
	for _, q := range p.patterns {
		writePattern(w, q.id, q.kind, q.colors)
	}
	writePattern(w, "key-hatch", paintHatch, []string{"#666"})
	writePattern(w, "key-stripes", paintStripes, []string{"#666", "#bbb"})
	writePattern(w, "key-contest", paintContest, []string{"#666", "#bbb"})
	fmt.Fprintf(w, "</defs>\n<rect class=\"sea\" width=\"%d\" height=\"%d\"/>\n<g class=\"land\">\n", mapWidth, mapHeight)
	for _, o := range p.outlines {
		fmt.Fprintf(w, "<path d=\"%s\"><title>%s</title></path>\n", o.d, e(o.name))
	}
	fmt.Fprintf(w, "</g>\n<g class=\"places\">\n")
	for _, pl := range p.drawOrder() {
		s := pl.Segs[0]
		for _, t := range pl.Segs {
			if t.From <= p.Day && p.Day < t.To {
				s = t
			}
		}
		x, y, r := num(pl.x), num(pl.y), pl.shape.radius()
		fmt.Fprintf(w, "<g class=\"place\" data-id=\"%s\" tabindex=\"0\">", e(pl.ID))
		siege := `class="siege" style="display:none"`
		switch {
		case s.Ring != "" && s.RingDash:
			siege = fmt.Sprintf(`class="siege dash" style="stroke:%s"`, e(s.Ring))
		case s.Ring != "":
			siege = fmt.Sprintf(`class="siege" style="stroke:%s"`, e(s.Ring))
		}
		fmt.Fprintf(w, "<circle %s cx=\"%s\" cy=\"%s\" r=\"%s\"/>", siege, x, y, num(r+3.5))
		switch pl.shape {
		case shapeSquare:
			fmt.Fprintf(w, "<rect class=\"mark\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" style=\"fill:%s\"/>", num(pl.x-r), num(pl.y-r), num(2*r), num(2*r), e(s.Fill))
		case shapeRing:
			fmt.Fprintf(w, "<circle class=\"mark area\" cx=\"%s\" cy=\"%s\" r=\"%s\" style=\"stroke:%s\"/>", x, y, num(r), e(s.Fill))
		default:
			fmt.Fprintf(w, "<circle class=\"mark\" cx=\"%s\" cy=\"%s\" r=\"%s\" style=\"fill:%s\"/>", x, y, num(r), e(s.Fill))
		}
		fmt.Fprintf(w, "<circle class=\"hit\" cx=\"%s\" cy=\"%s\" r=\"%s\"/></g>\n", x, y, num(max(r, 9)))
	}
	fmt.Fprintf(w, "</g>\n<g class=\"labels\">\n")
	for _, l := range p.labels {
		if ln := l.leader; ln != nil {
			fmt.Fprintf(w, "<line class=\"leader\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>\n", num(ln[0]), num(ln[1]), num(ln[2]), num(ln[3]))
		}
		id := ""
		if l.place != "" {
			id = fmt.Sprintf(" data-id=\"%s\"", e(l.place))
		}
		fmt.Fprintf(w, "<text class=\"%s\"%s x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>\n", l.style.class(), id, num(l.x), num(l.y), l.anchor, e(l.text))
	}
	fmt.Fprintf(w, "</g>\n</svg>\n")
}

// drawOrder returns the places in the order they are drawn, the later on
// top: regions and countries, then cities, bases and other places, each by
// ID.
func (p *page) drawOrder() []*place {
	var out []*place
	for _, first := range []bool{true, false} {
		var some []*place
		for _, pl := range p.Places {
			if (pl.shape == shapeRing) == first {
				some = append(some, pl)
			}
		}
		sortPlaces(some)
		out = append(out, some...)
	}
	return out
}

// writePattern writes an SVG pattern: a colour hatched with white, stripes
// of several colours, or stripes crossed with dark lines.
func writePattern(w io.Writer, id string, kind paintKind, colors []string) {
	e := html.EscapeString
	if kind == paintHatch {
		fmt.Fprintf(w, "<pattern id=\"%s\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"%s\"/><rect width=\"1.8\" height=\"5\" fill=\"#ffffff\"/></pattern>\n", id, e(colors[0]))
		return
	}
	const band = 3.5
	size := num(band * float64(len(colors)))
	fmt.Fprintf(w, "<pattern id=\"%s\" width=\"%s\" height=\"%s\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">", id, size, size)
	for i, c := range colors {
		fmt.Fprintf(w, "<rect x=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>", num(band*float64(i)), num(band), size, e(c))
	}
	if kind == paintContest {
		fmt.Fprintf(w, "<rect width=\"%s\" height=\"1.2\" fill=\"#222222\"/>", size)
	}
	fmt.Fprintf(w, "</pattern>\n")
}

// ticks writes the slider's marks: years, or months when the days span
// less than three years, as many as fit.
func (p *page) ticks() string {
	if p.Days < 2 {
		return ""
	}
	last := dayAt(p.from, p.Days-1)
	months := p.Days < 3*365
	var marks []time.Time
	for t := time.Date(p.from.Year(), p.from.Month(), 1, 0, 0, 0, 0, time.UTC); !t.After(last); t = t.AddDate(0, 1, 0) {
		if !t.Before(p.from) && (months || t.Month() == time.January) {
			marks = append(marks, t)
		}
	}
	step := (len(marks) + 11) / 12
	var b strings.Builder
	for i, t := range marks {
		if i%max(step, 1) != 0 {
			continue
		}
		text := t.Format("2006")
		if months && t.Month() != time.January {
			text = t.Format("Jan")
		}
		fmt.Fprintf(&b, "<span style=\"left:%s%%\">%s</span>", num(100*float64(dayIndex(p.from, t))/float64(p.Days-1)), text)
	}
	return b.String()
}

// dateLong writes a day as the page does: "6 April 2016".
func dateLong(t time.Time) string { return t.Format("2 January 2006") }

// sortPlaces sorts places by ID.
func sortPlaces(places []*place) {
	slices.SortFunc(places, func(a, b *place) int { return strings.Compare(a.ID, b.ID) })
}
