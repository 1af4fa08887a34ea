package svg

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// ChartOptions chooses what [WriteChart] draws. Quantity is required; the
// zero value of every other field draws every party with measures of it,
// over the whole years of its measures, titled with the conflict's name.
type ChartOptions struct {
	// Quantity is what the chart shows, such as
	// [conflict.QuantityAreaKm2].
	Quantity conflict.Quantity

	// Parties are the IDs of the parties to draw, one line each, in the
	// order of the legend. Nil means every actor and then every backer
	// with a measure of Quantity, in the order they were added.
	Parties []string

	// From and To bound the days drawn, [From, To), within the years 1 to
	// 9999, each the calendar day it falls on in its own location. A zero From is 1 January of
	// the year of the earliest measure drawn; a zero To is 1 January after
	// the year of the latest.
	From, To time.Time

	// Title is drawn at the top; "" means the conflict's name.
	Title string

	// Colors, if not nil, maps party IDs to SVG colours; parties not in it
	// take the palette's colours, in the order of Parties.
	Colors map[string]string
}

// Layout of the chart, in user units.
const (
	chartHeight = 360.0 // the plot area
	yTicks      = 5     // about as many lines across the plot
	dot         = 4.0   // radius of a reported point
)

// A chartPoint is one date of a party's series: the measures reported for
// it, drawn at the middle of the date's window.
type chartPoint struct {
	date     conflict.Date
	measures []conflict.Measure
	mean     float64
}

// ErrNoMeasures is the error of [WriteChart] when there is nothing to draw:
// no party has a measure of the quantity in the span.
var ErrNoMeasures = errors.New("svg: no measures to draw")

// WriteChart draws the reported measures of one quantity as a line chart,
// one line per party over a time axis, and writes it as SVG to w.
//
// Every measure is a point in its party's colour, with a title that
// browsers show as a tooltip: the party, the value, its date and sources.
// A measure dated to a month, a season or a year is drawn at the middle of
// its window, with a thin bar across the whole window, so that the
// imprecision shows. Where sources disagree on one date, each value is a
// point, and the line runs through their mean. The time axis is that of
// [WriteTimeline]; the value axis starts at zero and is marked at round
// numbers, with thousands separated by commas. A legend names the parties
// and says how to read the points.
//
// It returns an error if Quantity is not a quantity, if a party of
// opt.Parties is not a party of c, an error wrapping [ErrSpan] if From is
// not before To or either lies outside the years 1 to 9999, one wrapping
// [ErrNoMeasures] if there is nothing to draw, or w's error. One record and
// one set of options give the same bytes every time.
func WriteChart(w io.Writer, c conflict.Record, opt ChartOptions) error {
	q := opt.Quantity
	if q.String() == "" || strings.HasPrefix(q.String(), "kind(") {
		return fmt.Errorf("svg: %v is not a quantity", q)
	}
	parties := opt.Parties
	if parties == nil {
		for a := range c.Actors() {
			if len(c.Series(a.ID, q)) > 0 {
				parties = append(parties, a.ID)
			}
		}
		for b := range c.Backers() {
			if len(c.Series(b.ID, q)) > 0 {
				parties = append(parties, b.ID)
			}
		}
	}
	series := make([][]conflict.Measure, len(parties))
	for i, p := range parties {
		if n, ok := c.Node(p); !ok || !n.Type.IsParty() {
			return fmt.Errorf("svg: %q is not a party of the record", p)
		}
		series[i] = c.Series(p, q)
	}
	from, to, err := chartSpan(series, opt.From, opt.To)
	if err != nil {
		return err
	}
	title := opt.Title
	if title == "" {
		title = c.Name()
	}

	d := &drawing{c: c, from: from, to: to, days: daysBetween(from, to)}
	d.colors = map[string]string{}
	for i, p := range parties {
		if col, ok := opt.Colors[p]; ok {
			d.colors[p] = col
		} else {
			d.colors[p] = palette[i%len(palette)]
		}
		d.order = append(d.order, p)
	}
	lines := make([][]chartPoint, len(parties))
	top := 0.0
	for i, s := range series {
		lines[i] = d.points(s)
		for _, pt := range lines[i] {
			for _, m := range pt.measures {
				top = max(top, m.Value)
			}
		}
	}
	if slices.IndexFunc(lines, func(l []chartPoint) bool { return len(l) > 0 }) < 0 {
		return fmt.Errorf("%w: no party has a measure of %s from %s to %s", ErrNoMeasures, q, isoDay(from), isoDay(to))
	}
	step, ceiling := niceScale(top * 1.08) // room above the highest point for its label
	d.labelW = math.Max(70, float64(len(thousands(ceiling)))*textSize*0.62+2*margin)
	return d.writeChart(w, title, q, parties, lines, step, ceiling)
}

// chartSpan returns the days to draw: those given, or the whole years of
// the measures.
func chartSpan(series [][]conflict.Measure, from, to time.Time) (time.Time, time.Time, error) {
	from, to = day(from), day(to)
	if from.IsZero() || to.IsZero() {
		var lo, hi time.Time
		found := false
		for _, s := range series {
			for _, m := range s {
				a, b := m.Date.Window()
				if !found || a.Before(lo) {
					lo = a
				}
				if !found || b.After(hi) {
					hi = b
				}
				found = true
			}
		}
		if !found {
			return from, to, fmt.Errorf("%w: set ChartOptions.From and To", ErrNoMeasures)
		}
		if from.IsZero() {
			from = jan1(lo.Year())
		}
		if to.IsZero() {
			to = jan1(hi.Add(-time.Nanosecond).Year() + 1)
			if !to.After(from) {
				to = jan1(from.Year() + 1)
			}
		}
	}
	switch first, end := jan1(1), jan1(10000); {
	case from.Before(first):
		return from, to, fmt.Errorf("svg: From %s is before year 1: %w", isoDay(from), ErrSpan)
	case to.After(end):
		return from, to, fmt.Errorf("svg: To %s is after 1 January 10000, the end of year 9999: %w", isoDay(to), ErrSpan)
	case !from.Before(to):
		return from, to, fmt.Errorf("svg: From %s is not before To %s: %w", isoDay(from), isoDay(to), ErrSpan)
	}
	return from, to, nil
}

// points groups a party's measures by date, keeping the dates whose middle
// falls in the span.
func (d *drawing) points(s []conflict.Measure) []chartPoint {
	var out []chartPoint
	for _, m := range s {
		if n := len(out); n > 0 && out[n-1].date == m.Date {
			out[n-1].measures = append(out[n-1].measures, m)
			continue
		}
		if mid := d.middle(m.Date); mid < 0 || mid > float64(d.days) {
			continue
		}
		out = append(out, chartPoint{date: m.Date, measures: []conflict.Measure{m}})
	}
	for i := range out {
		sum := 0.0
		for _, m := range out[i].measures {
			sum += m.Value
		}
		out[i].mean = sum / float64(len(out[i].measures))
	}
	return out
}

// middle returns the middle of a date's window, in days from the start of
// the span.
func (d *drawing) middle(date conflict.Date) float64 {
	a, b := date.Window()
	return float64(daysBetween(d.from, a)+daysBetween(d.from, b)) / 2
}

// xf returns the horizontal position of a point in days from the start of
// the span.
func (d *drawing) xf(days float64) float64 {
	return d.labelW + plotWidth*days/float64(d.days)
}

// niceScale returns the step between the marks of the value axis, a round
// number (1, 2, 2.5 or 5 times a power of ten), and the top of the axis, a
// multiple of it at or above top.
func niceScale(top float64) (step, ceiling float64) {
	if top <= 0 {
		return 1, yTicks
	}
	raw := top / yTicks
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if step = f * pow; step >= raw {
			break
		}
	}
	return step, math.Ceil(top/step-1e-9) * step
}

// thousands writes v with commas between the thousands: "78,000", "2.5".
func thousands(v float64) string {
	s := strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// quantityLabel names a quantity on the chart, with its unit.
func quantityLabel(q conflict.Quantity) (axis, unit string) {
	switch q {
	case conflict.QuantityAreaKm2:
		return "Area held (km²)", " km²"
	case conflict.QuantityPopulation:
		return "Population in the territory held", " people"
	case conflict.QuantityAirRaids:
		return "Air raids", " air raids"
	case conflict.QuantityCivilianFatalities:
		return "Civilian fatalities", " civilians killed"
	}
	w := q.String()
	return strings.ToUpper(w[:1]) + w[1:], " " + w
}

// writeChart writes the chart.
func (d *drawing) writeChart(w io.Writer, title string, q conflict.Quantity, parties []string, lines [][]chartPoint, step, ceiling float64) error {
	d.b = bufio.NewWriter(w)
	axisLabel, unit := quantityLabel(q)
	top := margin + titleSize + 44
	bottom := top + chartHeight
	legend, legendH := d.chartLegend(bottom+axisHeight, lines)
	width := d.labelW + plotWidth + margin
	height := bottom + axisHeight + legendH + margin
	y := func(v float64) float64 { return bottom - chartHeight*v/ceiling }

	d.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	d.printf("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"%s\" font-size=\"%s\">\n",
		num(width), num(height), num(width), num(height), font, num(textSize))
	d.printf("<title>%s</title>\n", esc(title))
	d.printf("<defs><clipPath id=\"plot\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/></clipPath></defs>\n",
		num(d.labelW-dot-1), num(top-dot-1), num(plotWidth+2*dot+2), num(chartHeight+2*dot+2))
	d.printf("<rect x=\"0\" y=\"0\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", num(width), num(height))
	d.printf("<text x=\"%s\" y=\"%s\" font-size=\"%s\" font-weight=\"bold\">%s</text>\n",
		num(margin), num(margin+titleSize), num(titleSize), esc(title))
	d.printf("<text x=\"%s\" y=\"%s\" fill=\"#555555\">%s, as reported: %s to %s</text>\n",
		num(margin), num(margin+titleSize+20), esc(axisLabel), longDay(d.from), longDay(d.date(d.days-1)))

	// The value axis: a line at every step, labelled.
	d.grid(top, bottom)
	for k := 0; float64(k)*step <= ceiling+step/2; k++ {
		v := float64(k) * step
		col := "#e4e4e4"
		if v == 0 {
			col = "#333333"
		}
		d.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>\n",
			num(d.labelW), num(y(v)), num(d.labelW+plotWidth), num(y(v)), col)
		d.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" fill=\"#444444\">%s</text>\n",
			num(d.labelW-8), num(y(v)+textSize*0.36), thousands(v))
	}

	// The lines, then the points over them.
	d.printf("<g clip-path=\"url(#plot)\">\n")
	for i, l := range lines {
		if len(l) < 2 {
			continue
		}
		var pts []string
		for _, pt := range l {
			pts = append(pts, num(d.xf(d.middle(pt.date)))+","+num(y(pt.mean)))
		}
		d.printf("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n",
			strings.Join(pts, " "), esc(d.colors[parties[i]]))
	}
	for i, l := range lines {
		col := esc(d.colors[parties[i]])
		name := esc(d.name(parties[i]))
		for _, pt := range l {
			a, b := pt.date.Window()
			x0, x1 := d.xf(float64(daysBetween(d.from, a))), d.xf(float64(daysBetween(d.from, b)))
			for _, m := range pt.measures {
				tip := fmt.Sprintf("%s: %s%s, %s", name, thousands(m.Value), esc(unit), esc(date(m.Date)))
				if len(m.Sources) > 0 {
					tip += " (" + esc(strings.Join(m.Sources, ", ")) + ")"
				}
				d.printf("<g><title>%s</title>", tip)
				if pt.date.Precision() != conflict.PrecisionDay {
					d.printf("<path d=\"M%s %sv6M%s %sH%sM%s %sv6\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-opacity=\"0.7\"/>",
						num(x0), num(y(m.Value)-3), num(x0), num(y(m.Value)), num(x1), num(x1), num(y(m.Value)-3), col)
				}
				d.printf("<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></g>\n",
					num(d.xf(d.middle(pt.date))), num(y(m.Value)), num(dot), col)
			}
		}
	}
	d.printf("</g>\n")
	d.lineLabels(parties, lines, y, top)
	d.axis(bottom)
	d.printf("%s", legend)
	d.printf("</svg>\n")
	if d.err != nil {
		return d.err
	}
	return d.b.Flush()
}

// lineLabels names each party by the last point of its line: to its right
// where there is room, else above it to its left.
func (d *drawing) lineLabels(parties []string, lines [][]chartPoint, y func(float64) float64, top float64) {
	right := d.labelW + plotWidth
	for i, l := range lines {
		if len(l) == 0 {
			continue
		}
		last := l[len(l)-1]
		name := d.name(parties[i])
		w := float64(len([]rune(name))) * textSize * 0.6
		x, ty, anchor := d.xf(d.middle(last.date))+dot+5, y(last.mean)+textSize*0.36, "start"
		if x+w > right {
			x, ty, anchor = x-2*dot-10, math.Max(top+textSize, y(last.mean)-dot-6), "end"
		}
		attrs := fmt.Sprintf(`x="%s" y="%s" text-anchor="%s" font-weight="bold"`, num(x), num(ty), anchor)
		d.printf("<text %s fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\">%s</text>\n", attrs, esc(name))
		d.printf("<text %s fill=\"%s\">%s</text>\n", attrs, esc(d.colors[parties[i]]), esc(name))
	}
}

// chartLegend returns the legend drawn from y down, and its height: a
// swatch of line and point for each party, then how to read the points.
func (d *drawing) chartLegend(y float64, lines [][]chartPoint) (string, float64) {
	var b strings.Builder
	x, line := margin, 0
	right := d.labelW + plotWidth
	item := func(text string, draw func(x, ty float64)) {
		w := 34 + float64(len([]rune(text)))*smallSize*0.6 + 24
		if x > margin && x+w > right {
			x, line = margin, line+1
		}
		ty := y + float64(line)*lineHeight
		draw(x, ty)
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\">%s</text>\n", num(x+34), num(ty+swatch-3), num(smallSize), esc(text))
		x += w
	}
	for _, p := range d.order {
		col := esc(d.colors[p])
		item(d.name(p), func(x, ty float64) {
			fmt.Fprintf(&b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2.5\"/>\n", num(x), num(ty+swatch/2), num(x+28), num(ty+swatch/2), col)
			fmt.Fprintf(&b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n", num(x+14), num(ty+swatch/2), num(dot), col)
		})
	}
	var wide, disputed bool
	for _, l := range lines {
		for _, pt := range l {
			wide = wide || pt.date.Precision() != conflict.PrecisionDay
			disputed = disputed || len(pt.measures) > 1
		}
	}
	x, line = margin, line+1
	item("point: a reported measure (hover for its sources)", func(x, ty float64) {
		fmt.Fprintf(&b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#777777\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n", num(x+14), num(ty+swatch/2), num(dot))
	})
	if wide {
		item("bar through a point: dated only to that month, season or year", func(x, ty float64) {
			fmt.Fprintf(&b, "<path d=\"M%s %sv6M%s %sH%sM%s %sv6\" fill=\"none\" stroke=\"#777777\" stroke-width=\"1.5\"/>\n",
				num(x+2), num(ty+swatch/2-3), num(x+2), num(ty+swatch/2), num(x+26), num(x+26), num(ty+swatch/2-3))
			fmt.Fprintf(&b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#777777\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n", num(x+14), num(ty+swatch/2), num(dot))
		})
	}
	if disputed {
		item("points one above the other: sources that disagree; the line runs through their mean", func(x, ty float64) {
			fmt.Fprintf(&b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#777777\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n", num(x+14), num(ty+2), num(dot))
			fmt.Fprintf(&b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#777777\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n", num(x+14), num(ty+swatch-2), num(dot))
		})
	}
	return b.String(), float64(line+1) * lineHeight
}
