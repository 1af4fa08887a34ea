package htmlmap

import (
	"slices"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/days"
)

// A page is everything Write writes: the data the script reads, as JSON,
// and the drawing, which the script only recolours.
type page struct {
	Title   string            `json:"title"`
	Start   string            `json:"start"` // the slider's first day, "2006-01-02"
	Days    int               `json:"days"`  // how many days the slider covers
	Day     int               `json:"day"`   // the day the page opens on
	Parties map[string]party  `json:"parties"`
	Sources map[string]source `json:"sources"`
	Places  []*place          `json:"places"`

	from     time.Time
	legend   []string // party IDs in the legend's order
	patterns []pattern
	view     view
	outlines []outline
	labels   []label
}

// A party is a party that some answer names.
type party struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

// A source is a source some answer rests on.
type source struct {
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// A place is one location drawn.
type place struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Kind    string    `json:"kind,omitempty"`
	Within  string    `json:"within,omitempty"` // the name of the location it lies within
	Segs    []segment `json:"segs"`
	History []holding `json:"history"`

	lon, lat float64
	x, y     float64 // on the map
	shape    shape
}

// builder computes the answers a page shows.
type builder struct {
	c      conflict.Record
	zone   *time.Location // c's time zone, whose days the slider's UTC days name
	from   time.Time
	days   int
	ties   map[string][]conflict.Tie // each location's territorial ties
	within map[string][]string       // each location's locations directly within it
}

// instant returns the instant the record is asked about for the slider's
// d'th day: midnight starting that day in the record's time zone, so that a
// record in a zone west of UTC is not asked about the evening before.
func (b *builder) instant(d int) time.Time {
	return days.In(dayAt(b.from, d), time.UTC).Midnight(b.zone)
}

func newBuilder(c conflict.Record, from, to time.Time) *builder {
	b := &builder{c: c, zone: c.Zone(), from: from, days: dayIndex(from, to), ties: map[string][]conflict.Tie{}, within: map[string][]string{}}
	for t := range c.Ties() {
		if t.Kind.Territorial() {
			b.ties[t.To] = append(b.ties[t.To], t)
		}
	}
	for l := range c.Locations() {
		if l.Within != "" {
			b.within[l.Within] = append(b.within[l.Within], l.ID)
		}
	}
	return b
}

// segments returns the answers for place id over the slider's days.
func (b *builder) segments(id string) []segment {
	var bounds []conflict.Bound
	for _, loc := range descendants(id, b.within) {
		for _, ch := range b.c.Timeline(loc) {
			bounds = append(bounds, ch.When())
		}
	}
	return answers(changeDays(b.from, b.days, bounds), b.days, func(d int) segment {
		t := b.instant(d)
		return b.answer(b.c.At(t).Controller(id), t, b.ties[id])
	})
}

func build(c conflict.Record, ids []string, from, to time.Time, opt Options) (*page, error) {
	b := newBuilder(c, from, to)
	p := &page{
		Title:   opt.Title,
		Start:   from.Format(time.DateOnly),
		Days:    b.days,
		Day:     b.days - 1,
		Sources: map[string]source{},
		from:    from,
	}
	if p.Title == "" {
		p.Title = c.Name()
	}
	if p.Title == "" {
		p.Title = "Conflict map"
	}
	if at := day(opt.At); !at.IsZero() && !at.Before(from) && at.Before(to) {
		p.Day = dayIndex(from, at)
	}

	for _, id := range ids {
		l, _ := c.Location(id)
		pl := &place{ID: id, Name: l.Name, Kind: l.Kind.String(), lon: l.Point.Lon, lat: l.Point.Lat, shape: shapeOf(l.Kind)}
		if l.Kind == 0 {
			pl.Kind = ""
		}
		if l.Within != "" {
			pl.Within = b.name(l.Within)
		}
		pl.Segs = b.segments(id)
		pl.History = []holding{}
		for _, tie := range c.History(id) {
			pl.History = append(pl.History, b.holding(tie))
		}
		p.Places = append(p.Places, pl)
	}

	p.giveColors(b, opt.Colors)
	p.definePatterns()
	for _, pl := range p.Places {
		for i := range pl.Segs {
			s := &pl.Segs[i]
			s.Fill = p.paint(s.fill)
			if s.ring.kind != paintNone {
				s.Ring = p.paint(s.ring)
			}
			for _, id := range s.Sources {
				p.addSource(c, id)
			}
		}
		for _, h := range pl.History {
			for _, id := range h.Sources {
				p.addSource(c, id)
			}
		}
	}
	return p, p.layout()
}

// descendants returns loc and every location within it, at any depth, in a
// fixed order.
func descendants(loc string, within map[string][]string) []string {
	out := []string{loc}
	seen := map[string]bool{loc: true}
	for i := 0; i < len(out); i++ {
		for _, l := range within[out[i]] {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}

// giveColors gives a colour to every party an answer or a holding names, and
// orders the legend by name.
func (p *page) giveColors(b *builder, fixed map[string]string) {
	seen := map[string]bool{}
	add := func(ids ...string) {
		for _, id := range ids {
			seen[id] = true
		}
	}
	for _, pl := range p.Places {
		for _, s := range pl.Segs {
			add(s.fill.parties...)
			add(s.ring.parties...)
		}
		for _, h := range pl.History {
			add(h.Holder)
		}
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	colors := assignColors(ids, fixed)
	p.Parties = map[string]party{}
	for _, id := range ids {
		p.Parties[id] = party{Name: b.name(id), Color: colors[id]}
	}
	p.legend = ids
	slices.SortStableFunc(p.legend, func(a, b string) int {
		return strings.Compare(conflict.FoldName(p.Parties[a].Name), conflict.FoldName(p.Parties[b].Name))
	})
}

func (p *page) addSource(c conflict.Record, id string) {
	if _, ok := p.Sources[id]; ok {
		return
	}
	s, _ := c.Source(id)
	p.Sources[id] = source{Outlet: s.Outlet, Author: s.Author, Title: s.Title, Published: dateText(s.Published), URL: s.URL}
}

// name returns the name of node id, or id if it has none.
func (b *builder) name(id string) string {
	if n, ok := b.c.Node(id); ok && n.Name != "" {
		return n.Name
	}
	return id
}

// names joins the names of ids: "A", "A and B", "A, B and C".
func (b *builder) names(ids []string, conj string) string {
	ns := make([]string, len(ids))
	for i, id := range ids {
		ns[i] = b.name(id)
	}
	if len(ns) < 2 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " " + conj + " " + ns[len(ns)-1]
}

// layout frames the map on the places, projects them, clips the outlines
// and places the labels.
func (p *page) layout() error {
	lons := make([]float64, len(p.Places))
	lats := make([]float64, len(p.Places))
	for i, pl := range p.Places {
		lons[i], lats[i] = pl.lon, pl.lat
	}
	p.view = frame(lons, lats)
	for _, pl := range p.Places {
		pl.x, pl.y = p.view.project(pl.lon, pl.lat)
	}
	var err error
	if p.outlines, err = outlines(p.view); err != nil {
		return err
	}
	p.placeLabels()
	return nil
}
