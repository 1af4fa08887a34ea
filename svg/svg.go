// Package svg draws who held which place over time as an SVG 1.1 picture:
// a timeline with one row per place and one coloured bar per holder. It also
// draws a measure the sources report of the parties, such as the area each
// held, as a line chart over the same time axis ([WriteChart]).
//
//	svg.WriteTimeline(w, c, svg.Options{Places: []string{"palmyra", "al-qaryatayn"}})
//	svg.WriteChart(w, c, svg.ChartOptions{Quantity: conflict.QuantityAreaKm2})
//
// # What is drawn
//
// Each row is a place, labelled with its name, over a time axis. A span of
// up to 25 years has a tick at the start of every month, month names or
// initials where they fit, and the years; a longer one, up to the whole of
// the years 1 to 9999 that the library dates, has ticks at round years
// (every 2, 5, 10, 20, 50, 100, ... years, as room allows) labelled with
// their numbers, and lighter ticks between. The bars come from asking
// [conflict.Moment.Controller] about
// every day of the span drawn (at its start in the record's time zone) and
// merging the days that get the same
// answer, so they show exactly what the library answers, day by day:
//
//   - A place held by one party, definitely, is a bar in the party's colour.
//     Where it fits, the bar is labelled with the party's name and the
//     start of its hold as the sources date it ("from 21 May 2015", "from
//     Aug 2015").
//   - A place held by one party only possibly (a change dated only to a
//     month or a year, a disputed date, an answer rolled up from the places
//     within) is the party's colour hatched with white.
//   - A place that several parties possibly hold (the sources disagree, or
//     the day falls in the window of an imprecise change) is striped
//     diagonally in the colours of all of them.
//   - A contested place is striped in the colours of its contenders and
//     crossed with dark lines.
//   - Where nothing is known the row stays empty (light grey).
//   - A besieged place has a strip under its bar in the colour of the
//     besieger (striped for several), hatched while the siege only possibly
//     holds, and named ("besieged by ...") beside the strip, or under it
//     when there is no room beside.
//
// Every party drawn gets one colour, from [Options.Colors] or else from a
// fixed palette of ten, in the order the parties first appear (holders row
// by row, left to right, then besiegers); past ten, the palette repeats. A
// legend names the parties and explains the patterns used. Every bar has a
// title element, which browsers show as a tooltip: the place, the answer and
// its days.
//
// # Output
//
// The picture is 1000 user units wide plus the width of the place names
// (for a chart, of the values on its axis), and as tall as its rows (a
// chart's plot is 360 units) and legend need. It uses only SVG 1.1 elements
// (rect, line, text, g, pattern, title), common fonts with sans-serif as
// the fallback, and no scripts or external references, so rsvg-convert,
// browsers and vector editors show it alike. Numbers are written with at
// most two decimals and everything in a fixed order: one record and one set
// of options give the same bytes every time.
package svg

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/days"
)

// Options chooses what [WriteTimeline] draws. The zero Options draw every
// place that has ever had a holder, over the whole years in which their
// changes fall, titled with the conflict's name.
type Options struct {
	// Places are the IDs of the locations to draw, one row each, top to
	// bottom. Nil means every location with a controls tie, in the order
	// they were added to the record.
	Places []string

	// From and To bound the days drawn, [From, To), within the years 1 to
	// 9999: from 1 January of year 1 up to 1 January 10000. Each names the
	// calendar day it falls on in its own location, so midnight UTC and
	// midnight in the record's time zone name the same day. A zero From is 1 January of the year of the earliest
	// dated change (of holder, siege or contest) on the places drawn; a
	// zero To is 1 January after the year of the latest. As the zero Time
	// is midnight UTC starting 1 January of year 1, a From of that day
	// must be given at another instant of it, such as noon.
	From, To time.Time

	// Title is drawn at the top; "" means the conflict's name.
	Title string

	// Colors, if not nil, maps party IDs to SVG colours ("#c0392b",
	// "teal"); parties not in it take the palette's colours.
	Colors map[string]string
}

// palette holds the parties' colours, in order of first appearance.
var palette = [...]string{
	"#3a78b5", // blue
	"#d1495b", // red
	"#5a9e3a", // green
	"#e69f00", // orange
	"#8e63b5", // purple
	"#2aa198", // teal
	"#a0522d", // brown
	"#e377c2", // pink
	"#6b6b6b", // grey
	"#b5b31b", // olive
}

// Layout, in user units.
const (
	plotWidth  = 1000.0
	margin     = 16.0
	titleSize  = 18.0
	textSize   = 13.0
	smallSize  = 10.5
	siegeSize  = 9.5
	underRoom  = 11.0 // under a siege strip, for its label
	rowHeight  = 40.0
	barHeight  = 24.0
	siegeGap   = 1.0
	siegeH     = 7.0
	axisHeight = 44.0
	swatch     = 14.0
	lineHeight = 22.0
	track      = "#efefef"
	font       = "DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif"
)

// The kinds of hold.
const (
	nothing   = iota // no holder known
	held             // one holder, definitely
	possible         // one holder, possibly
	either           // several claimants
	contested        // contenders, no holder
	kinds
)

// hold is who holds a place on one day.
type hold struct {
	kind    int
	parties string         // the holder, or the claimants or contenders, comma-separated
	since   conflict.Bound // for held and possible: the start of the holder's tie
}

// siege is who besieges a place on one day.
type siege struct {
	cert conflict.Certainty
	by   string // comma-separated
}

// run is a run of days with one answer: days [from, to) of the span.
type run[T comparable] struct {
	from, to int
	v        T
}

// extend adds day i with answer v to runs.
func extend[T comparable](runs []run[T], i int, v T) []run[T] {
	if n := len(runs); n > 0 && runs[n-1].v == v && runs[n-1].to == i {
		runs[n-1].to = i + 1
		return runs
	}
	return append(runs, run[T]{i, i + 1, v})
}

// row is what is drawn of one place.
type row struct {
	name   string
	holds  []run[hold]
	sieges []run[siege]
}

// ErrSpan is the error, wrapped with the values at fault, of a span that
// cannot be drawn: From not before To, or days outside the years 1 to 9999.
var ErrSpan = errors.New("svg: span cannot be drawn")

// WriteTimeline draws who held the places of opt over time as SVG and
// writes it to w; see the package documentation for the picture. c is a
// [*conflict.Conflict], or a [conflict.View] to draw the record as known on
// a date. It returns
// an error if a place is not a location of c, an error wrapping [ErrSpan]
// if From is not before To or either lies outside the years 1 to 9999, an
// error if the span cannot be chosen because the places have no dated
// change, or w's error. It costs one [conflict.Moment.Controller] call per
// place and day: about a second per place for the 3.65 million days of the
// years 1 to 9999.
func WriteTimeline(w io.Writer, c conflict.Record, opt Options) error {
	places := opt.Places
	if places == nil {
		for l := range c.Locations() {
			if len(c.History(l.ID)) > 0 {
				places = append(places, l.ID)
			}
		}
	}
	rows := make([]row, len(places))
	for i, id := range places {
		l, ok := c.Location(id)
		if !ok {
			return fmt.Errorf("svg: %q is not a location of the record", id)
		}
		rows[i].name = l.Name
	}
	from, to, err := span(c, places, opt.From, opt.To)
	if err != nil {
		return err
	}
	days := daysBetween(from, to)
	for i, id := range places {
		rows[i].holds, rows[i].sieges = sample(c, id, from, days)
	}

	title := opt.Title
	if title == "" {
		title = c.Name()
	}
	d := &drawing{c: c, from: from, to: to, days: days, patterns: map[string]string{}}
	d.assignColors(rows, opt.Colors)
	d.labelW = labelWidth(rows)
	return d.write(w, title, rows)
}

// span returns the days to draw.
func span(c conflict.Record, places []string, from, to time.Time) (time.Time, time.Time, error) {
	from, to = day(from), day(to)
	if from.IsZero() || to.IsZero() {
		// The windows of changes in year 1 start at the zero Time: found,
		// not IsZero, tells whether there are any.
		var lo, hi time.Time
		found := false
		for _, id := range places {
			for _, ch := range c.Timeline(id) {
				if !ch.Tie.Kind.Territorial() || ch.Tie.To != id {
					continue
				}
				e, l := ch.When().Window()
				if !found || e.Before(lo) {
					lo = e
				}
				if !found || l.After(hi) {
					hi = l
				}
				found = true
			}
		}
		if !found {
			return from, to, errors.New("svg: the places have no dated change: set Options.From and Options.To")
		}
		if from.IsZero() {
			from = jan1(lo.Year())
		}
		if to.IsZero() {
			to = jan1(hi.Year() + 1)
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

func jan1(year int) time.Time { return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC) }

// day returns midnight UTC starting the day t falls on in t's location, or
// the zero Time: the day's label, whatever zone t was given in.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// daysBetween returns the number of days from midnight UTC from to
// midnight UTC to. Unlike a time.Duration, it does not overflow past 292
// years.
func daysBetween(from, to time.Time) int {
	return int((to.Unix() - from.Unix()) / (24 * 60 * 60))
}

// isoDay writes t's UTC day as YYYY-MM-DD, or as much of it as fits a year
// outside 0 to 9999.
func isoDay(t time.Time) string {
	y, m, dd := t.UTC().Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// longDay writes t's day as "2 January 2015", "1 January 1": the year
// without leading zeros.
func longDay(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}

// shortDay writes t's day as "2 Jan 2015", "1 Jan 1".
func shortDay(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month().String()[:3], t.Year())
}

// sample asks who held loc on each day of the span and merges equal days.
func sample(c conflict.Record, loc string, from time.Time, n int) ([]run[hold], []run[siege]) {
	var holds []run[hold]
	var sieges []run[siege]
	zone := c.Zone()
	for i := range n {
		ctl := c.At(days.In(from.AddDate(0, 0, i), time.UTC).Midnight(zone)).Controller(loc)
		var h hold
		switch {
		case ctl.State == conflict.ControlContested:
			h = hold{kind: contested, parties: strings.Join(ctl.Contenders, ",")}
		case ctl.Holder != "" && ctl.Certainty == conflict.Definite:
			h = hold{kind: held, parties: ctl.Holder, since: ctl.Since()}
		case ctl.Holder != "":
			h = hold{kind: possible, parties: ctl.Holder, since: ctl.Since()}
		case len(ctl.Claimants) > 0:
			h = hold{kind: either, parties: strings.Join(ctl.Claimants, ",")}
		}
		if h.kind != nothing {
			holds = extend(holds, i, h)
		}
		if ctl.Besieged != conflict.Absent && len(ctl.Besiegers) > 0 {
			sieges = extend(sieges, i, siege{ctl.Besieged, strings.Join(ctl.Besiegers, ",")})
		}
	}
	return holds, sieges
}

// split returns the IDs of a comma-separated list.
func split(list string) []string {
	if list == "" {
		return nil
	}
	return strings.Split(list, ",")
}

// labelWidth estimates the width of the longest place name, plus room.
func labelWidth(rows []row) float64 {
	longest := 0
	for _, r := range rows {
		longest = max(longest, len([]rune(r.name)))
	}
	return math.Max(80, math.Ceil(float64(longest)*textSize*0.62)+2*margin)
}

// drawing holds what the parts of the picture share.
type drawing struct {
	c        conflict.Record
	from, to time.Time
	days     int
	labelW   float64
	colors   map[string]string
	order    []string // the parties, in the order of the legend

	patterns  map[string]string // parties → their stripes' pattern ID
	defs      []string          // patterns defined on use
	used      [kinds]bool       // the kinds of hold drawn
	usedSiege bool
	legendDef bool

	b   *bufio.Writer
	err error
}

// assignColors gives every party drawn a colour, and lists the parties in
// order of first appearance: holders, claimants and contenders, then
// besiegers.
func (d *drawing) assignColors(rows []row, fixed map[string]string) {
	d.colors = map[string]string{}
	next := 0
	add := func(list string) {
		for _, p := range split(list) {
			if _, ok := d.colors[p]; ok {
				continue
			}
			if col, ok := fixed[p]; ok {
				d.colors[p] = col
			} else {
				d.colors[p] = palette[next%len(palette)]
				next++
			}
			d.order = append(d.order, p)
		}
	}
	for _, r := range rows {
		for _, h := range r.holds {
			add(h.v.parties)
		}
	}
	for _, r := range rows {
		for _, s := range r.sieges {
			add(s.v.by)
		}
	}
}

// x returns the horizontal position of the start of day i of the span.
func (d *drawing) x(i int) float64 {
	return d.labelW + plotWidth*float64(i)/float64(d.days)
}

// date returns day i of the span.
func (d *drawing) date(i int) time.Time { return d.from.AddDate(0, 0, i) }

func (d *drawing) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.b, format, args...)
	}
}

// num formats a coordinate with at most two decimals.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return b.String()
}

// name returns a party's display name.
func (d *drawing) name(id string) string {
	if n, ok := d.c.Node(id); ok && n.Name != "" {
		return n.Name
	}
	return id
}

// names joins the display names of a list with sep.
func (d *drawing) names(list, sep string) string {
	var out []string
	for _, p := range split(list) {
		out = append(out, d.name(p))
	}
	return strings.Join(out, sep)
}

// fill returns the fill for parties: the colour of one, or diagonal stripes
// in the colours of several, defining the pattern on first use.
func (d *drawing) fill(parties string) string {
	ps := split(parties)
	if len(ps) == 1 {
		return esc(d.colors[ps[0]])
	}
	if id, ok := d.patterns[parties]; ok {
		return "url(#" + id + ")"
	}
	id := "stripes-" + strconv.Itoa(len(d.patterns)+1)
	d.patterns[parties] = id
	const band = 6.0
	size := num(band * float64(len(ps)))
	var b strings.Builder
	fmt.Fprintf(&b, `<pattern id="%s" patternUnits="userSpaceOnUse" width="%s" height="%s" patternTransform="rotate(45)">`, id, size, size)
	for i, p := range ps {
		fmt.Fprintf(&b, `<rect x="%s" y="0" width="%s" height="%s" fill="%s"/>`, num(band*float64(i)), num(band), size, esc(d.colors[p]))
	}
	b.WriteString(`</pattern>`)
	d.defs = append(d.defs, b.String())
	return "url(#" + id + ")"
}

// legendStripes returns a grey striped fill for the legend.
func (d *drawing) legendStripes() string {
	const id = "legend-stripes"
	if !d.legendDef {
		d.legendDef = true
		d.defs = append(d.defs, `<pattern id="`+id+`" patternUnits="userSpaceOnUse" width="12" height="12" patternTransform="rotate(45)">`+
			`<rect x="0" y="0" width="6" height="12" fill="#555555"/><rect x="6" y="0" width="6" height="12" fill="#bbbbbb"/></pattern>`)
	}
	return "url(#" + id + ")"
}

// write writes the picture.
func (d *drawing) write(w io.Writer, title string, rows []row) error {
	d.b = bufio.NewWriter(w)

	// The rows and the legend go to buffers first, so that the patterns
	// they use are known when the defs are written.
	top := margin + titleSize + 44
	var body strings.Builder
	axisY := top
	for _, r := range rows {
		axisY += d.row(&body, r, axisY)
	}
	legendY := axisY + axisHeight
	legend, legendH := d.legend(legendY)
	width := d.labelW + plotWidth + margin
	height := legendY + legendH + margin

	d.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	d.printf("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"%s\" font-size=\"%s\">\n",
		num(width), num(height), num(width), num(height), font, num(textSize))
	d.printf("<title>%s</title>\n", esc(title))
	d.printf("<defs>\n")
	d.printf("%s\n", `<pattern id="possible" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect x="0" y="0" width="3" height="6" fill="#ffffff" fill-opacity="0.6"/></pattern>`)
	d.printf("%s\n", `<pattern id="contested" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(-45)"><rect x="0" y="0" width="1.5" height="8" fill="#222222"/></pattern>`)
	for _, def := range d.defs {
		d.printf("%s\n", def)
	}
	d.printf("</defs>\n")
	d.printf("<rect x=\"0\" y=\"0\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", num(width), num(height))
	d.printf("<text x=\"%s\" y=\"%s\" font-size=\"%s\" font-weight=\"bold\">%s</text>\n",
		num(margin), num(margin+titleSize), num(titleSize), esc(title))
	d.printf("<text x=\"%s\" y=\"%s\" fill=\"#555555\">Who held each place, day by day: %s to %s</text>\n",
		num(margin), num(margin+titleSize+20), longDay(d.from), longDay(d.date(d.days-1)))
	d.grid(top-6, axisY)
	d.printf("%s", body.String())
	d.axis(axisY)
	d.printf("%s", legend)
	d.printf("</svg>\n")
	if d.err != nil {
		return d.err
	}
	return d.b.Flush()
}

// row draws one place, its label, track, bars and sieges, from y down, and
// returns the height it takes.
func (d *drawing) row(b *strings.Builder, r row, y float64) float64 {
	name := esc(r.name)
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n",
		num(d.labelW-10), num(y+barHeight/2+textSize*0.36), name)
	fmt.Fprintf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n",
		num(d.labelW), num(y), num(plotWidth), num(barHeight), track)
	for _, h := range r.holds {
		d.used[h.v.kind] = true
		x0, x1 := d.x(h.from), d.x(h.to)
		rect := fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s"`, num(x0), num(y), num(x1-x0), num(barHeight))
		when := d.days2(h.from, h.to)
		switch h.v.kind {
		case held:
			fmt.Fprintf(b, "<g><title>%s: %s, %s</title><rect %s fill=\"%s\"/>", name, esc(d.name(h.v.parties)), when, rect, d.fill(h.v.parties))
			d.label(b, h, x0, x1, y)
			b.WriteString("</g>\n")
		case possible:
			fmt.Fprintf(b, "<g><title>%s: possibly %s, %s</title><rect %s fill=\"%s\"/><rect %s fill=\"url(#possible)\"/></g>\n",
				name, esc(d.name(h.v.parties)), when, rect, d.fill(h.v.parties), rect)
		case either:
			fmt.Fprintf(b, "<g><title>%s: %s, %s</title><rect %s fill=\"%s\"/></g>\n",
				name, esc(d.names(h.v.parties, " or ")), when, rect, d.fill(h.v.parties))
		case contested:
			fmt.Fprintf(b, "<g><title>%s: contested by %s, %s</title><rect %s fill=\"%s\"/><rect %s fill=\"url(#contested)\"/></g>\n",
				name, esc(d.names(h.v.parties, " and ")), when, rect, d.fill(h.v.parties), rect)
		}
	}
	for _, s := range r.sieges {
		d.usedSiege = true
		x0, x1 := d.x(s.from), d.x(s.to)
		rect := fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s"`, num(x0), num(y+barHeight+siegeGap), num(x1-x0), num(siegeH))
		how, overlay := "besieged", ""
		if s.v.cert == conflict.Possible {
			how, overlay = "possibly besieged", fmt.Sprintf(`<rect %s fill="url(#possible)"/>`, rect)
		}
		fmt.Fprintf(b, "<g><title>%s: %s by %s, %s</title><rect %s fill=\"%s\"/>%s</g>\n",
			name, how, esc(d.names(s.v.by, " and ")), d.days2(s.from, s.to), rect, d.fill(s.v.by), overlay)
	}
	if d.siegeLabels(b, r.sieges, y+barHeight+siegeGap+siegeH) {
		return rowHeight + underRoom
	}
	return rowHeight
}

// siegeLabels names the besiegers of each siege (a run of days besieged by
// the same parties) beside its strip, after its end or else before its
// start, where there is room; otherwise under the strip, which needs
// underRoom more height for the row. It returns whether any label went
// under.
func (d *drawing) siegeLabels(b *strings.Builder, sieges []run[siege], base float64) bool {
	under := false
	for i := 0; i < len(sieges); {
		j := i + 1
		for j < len(sieges) && sieges[j].from == sieges[j-1].to && sieges[j].v.by == sieges[i].v.by {
			j++
		}
		text := esc("besieged by " + d.names(sieges[i].v.by, " and "))
		w := float64(len([]rune(text)))*siegeSize*0.6 + 8
		x0, x1 := d.x(sieges[i].from), d.x(sieges[j-1].to)
		switch {
		case x1+w <= d.labelW+plotWidth:
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"#444444\">%s</text>\n", num(x1+5), num(base), num(siegeSize), text)
		case x0-w >= d.labelW:
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"#444444\" text-anchor=\"end\">%s</text>\n", num(x0-5), num(base), num(siegeSize), text)
		default:
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"#444444\">%s</text>\n", num(x0+2), num(base+underRoom), num(siegeSize), text)
			under = true
		}
		i = j
	}
	return under
}

// label writes the holder's name and the start of its hold inside a bar,
// when they fit: in full, or the name alone.
func (d *drawing) label(b *strings.Builder, h run[hold], x0, x1, y float64) {
	text := d.name(h.v.parties)
	if h.from > 0 && !h.v.since.IsOpen() {
		full := text + ", from " + bound(h.v.since)
		if fits(full, x1-x0) {
			text = full
		}
	}
	if !fits(text, x1-x0) {
		return
	}
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"#ffffff\">%s</text>",
		num(x0+6), num(y+barHeight/2+smallSize*0.36), num(smallSize), esc(text))
}

// fits reports whether text in the small size fits in width, with room.
func fits(text string, width float64) bool {
	return float64(len([]rune(text)))*smallSize*0.6+12 <= width
}

// bound writes when a change took effect, at the precision the sources
// give: "21 May 2015", "Aug 2015", "2015", "Oct 2015 or 10 Nov 2015".
func bound(b conflict.Bound) string {
	s := date(b.Date)
	if b.Disputed() && b.Last != b.Date {
		s += " or " + date(b.Last)
	}
	return s
}

func date(d conflict.Date) string {
	switch d.Precision() {
	case conflict.PrecisionDay:
		return shortDay(d.Time())
	case conflict.PrecisionMonth:
		return d.Time().Month().String()[:3] + " " + strconv.Itoa(d.Year())
	}
	return strconv.Itoa(d.Year())
}

// days2 describes the days [from, to) of the span.
func (d *drawing) days2(from, to int) string {
	a := shortDay(d.date(from))
	if to-from == 1 {
		return a
	}
	return a + " to " + shortDay(d.date(to-1))
}

// monthStarts returns the days of the span on which a month starts.
func (d *drawing) monthStarts() []int {
	var idx []int
	m := time.Date(d.from.Year(), d.from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m.Before(d.from) {
		m = m.AddDate(0, 1, 0)
	}
	for ; m.Before(d.to); m = m.AddDate(0, 1, 0) {
		idx = append(idx, daysBetween(d.from, m))
	}
	return idx
}

// monthly reports whether the axis marks months: whether a year is at least
// 40 units wide, room for its number, as it is for a span of up to 25
// years. Longer spans are marked in years.
func (d *drawing) monthly() bool {
	return plotWidth*daysPerYear/float64(d.days) >= 40
}

// daysPerYear is the mean length of a Gregorian year.
const daysPerYear = 365.2425

// yearSteps are the numbers of years between the ticks of a yearly axis.
var yearSteps = [...]int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000}

// A yearTick is a tick of a yearly axis, at the start of a year.
type yearTick struct {
	year  int
	i     int  // the day of the span it marks
	major bool // labelled with the year
}

// yearTicks returns the ticks of a yearly axis: major ones every step
// years, the least step of yearSteps that leaves 50 units between labels,
// and minor ones between them at the least step dividing it that leaves 5
// units between ticks, if any.
func (d *drawing) yearTicks() []yearTick {
	perYear := plotWidth * daysPerYear / float64(d.days)
	step, minor := yearSteps[len(yearSteps)-1], 0
	for _, s := range yearSteps {
		if float64(s)*perYear >= 50 {
			step = s
			break
		}
	}
	for _, s := range yearSteps {
		if s < step && step%s == 0 && float64(s)*perYear >= 5 {
			minor = s
			break
		}
	}
	every := step
	if minor > 0 {
		every = minor
	}
	var ticks []yearTick
	for y := (d.from.Year() + every - 1) / every * every; y <= d.to.Year(); y += every {
		if t := jan1(y); !t.Before(d.from) && !t.After(d.to) {
			ticks = append(ticks, yearTick{y, daysBetween(d.from, t), y%step == 0})
		}
	}
	return ticks
}

// grid draws the month and year lines behind the rows.
func (d *drawing) grid(top, bottom float64) {
	if !d.monthly() {
		for _, t := range d.yearTicks() {
			col := "#e4e4e4"
			if t.major {
				col = "#999999"
			}
			x := num(d.x(t.i))
			d.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>\n", x, num(top), x, num(bottom), col)
		}
		return
	}
	for _, i := range d.monthStarts() {
		col := "#e4e4e4"
		if d.date(i).Month() == time.January {
			col = "#999999"
		}
		x := num(d.x(i))
		d.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>\n", x, num(top), x, num(bottom), col)
	}
}

// axis draws the time axis: month ticks and names, and the years; or, for
// a long span, ticks at round years, labelled.
func (d *drawing) axis(y float64) {
	d.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
		num(d.labelW), num(y), num(d.labelW+plotWidth), num(y))
	if !d.monthly() {
		d.yearAxis(y)
		return
	}
	idx := d.monthStarts()
	perDay := plotWidth / float64(d.days)
	for k, i := range idx {
		m := d.date(i)
		x := d.x(i)
		tick := 4.0
		if m.Month() == time.January {
			tick = 10
		}
		d.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
			num(x), num(y), num(x), num(y+tick))
		end := d.days
		if k+1 < len(idx) {
			end = idx[k+1]
		}
		var label string
		switch width := float64(end-i) * perDay; {
		case width >= 26:
			label = m.Format("Jan")
		case width >= 9:
			label = m.Format("Jan")[:1]
		}
		if label != "" {
			d.printf("<text x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"middle\" fill=\"#444444\">%s</text>\n",
				num((x+d.x(end))/2), num(y+14), num(smallSize), label)
		}
	}
	for yr := d.from.Year(); yr <= d.date(d.days-1).Year(); yr++ {
		a, b := jan1(yr), jan1(yr+1)
		if a.Before(d.from) {
			a = d.from
		}
		if b.After(d.to) {
			b = d.to
		}
		x0 := d.x(daysBetween(d.from, a))
		x1 := d.x(daysBetween(d.from, b))
		if x1-x0 < 40 {
			continue
		}
		d.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%d</text>\n", num((x0+x1)/2), num(y+34), yr)
	}
}

// yearAxis draws the ticks of a yearly axis under y, and the years of the
// major ones, each centred on its tick where it fits in the picture.
func (d *drawing) yearAxis(y float64) {
	right := d.labelW + plotWidth + margin
	for _, t := range d.yearTicks() {
		x := d.x(t.i)
		tick := 4.0
		if t.major {
			tick = 10
		}
		d.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
			num(x), num(y), num(x), num(y+tick))
		label := strconv.Itoa(t.year)
		if half := float64(len(label)) * textSize * 0.62 / 2; t.major && x+half <= right {
			d.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", num(x), num(y+26), label)
		}
	}
}

// legend returns the legend drawn from y down, and its height: the parties
// on the first lines, the patterns used on the next.
func (d *drawing) legend(y float64) (string, float64) {
	type item struct {
		fills []string // squares, one over the other
		siege bool     // a square with a strip at its foot
		text  string
	}
	var parties, patterns []item
	for _, p := range d.order {
		parties = append(parties, item{fills: []string{esc(d.colors[p])}, text: d.name(p)})
	}
	if d.used[possible] {
		patterns = append(patterns, item{fills: []string{"#777777", "url(#possible)"}, text: "hatched: possibly held (a change known only to the month, dates in dispute, or held places within)"})
	}
	if d.used[either] {
		patterns = append(patterns, item{fills: []string{d.legendStripes()}, text: "striped: held by one of these, the record cannot say which (a change known only to the month, or sources that disagree)"})
	}
	if d.used[contested] {
		patterns = append(patterns, item{fills: []string{d.legendStripes(), "url(#contested)"}, text: "crossed: contested by these"})
	}
	if d.usedSiege {
		patterns = append(patterns, item{siege: true, text: "strip under a bar: besieged, in the besieger's colour (hatched: possibly)"})
	}
	var b strings.Builder
	line := 0
	right := d.labelW + plotWidth
	for _, group := range [][]item{parties, patterns} {
		if len(group) == 0 {
			continue
		}
		x := margin
		if b.Len() > 0 {
			line++
		}
		for _, it := range group {
			w := swatch + 6 + float64(len([]rune(it.text)))*smallSize*0.6 + 24
			if x > margin && x+w > right {
				x, line = margin, line+1
			}
			ty := y + float64(line)*lineHeight
			sq := fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s"`, num(x), num(ty), num(swatch), num(swatch))
			for _, f := range it.fills {
				fmt.Fprintf(&b, "<rect %s fill=\"%s\"/>\n", sq, f)
			}
			if it.siege {
				fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n", num(x), num(ty), num(swatch), num(swatch-5), track)
				fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"4\" fill=\"#555555\"/>\n", num(x), num(ty+swatch-4), num(swatch))
			}
			fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\">%s</text>\n", num(x+swatch+6), num(ty+swatch-3), num(smallSize), esc(it.text))
			x += w
		}
	}
	if b.Len() == 0 {
		return "", 0
	}
	return b.String(), float64(line+1) * lineHeight
}
