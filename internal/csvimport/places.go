package csvimport

import (
	"strings"

	"github.com/conflictgraph/conflict"
)

// The ranks of nodes in a clash of names, for [Naming.Rank]: regions are
// qualified first, then countries, then actors, then places with a point,
// so that a town named as its province keeps its name.
const (
	RankRegion = iota
	RankCountry
	RankActor
	RankPlace
)

// Places is the locations an importer makes, each once: countries, regions
// and named places with a point, each lying within another or within none.
// A place is known by its index, in the order places were first added. The
// zero Places is empty and ready to use.
type Places struct {
	list  []place
	index map[placeKey]int
}

// A Site is a named place with a point, as a row of a file gives it.
type Site struct {
	Name            string
	Region, Country string // the names of the region and country it lies in; "" if unknown
	Lat, Lon        float64

	// LatText and LonText are the coordinates as written. They qualify the
	// name of the place when nothing else tells it from another, and play
	// no part in telling whether two sites are one place.
	LatText, LonText string
}

// placeKey tells places apart: two places with the same key are one.
type placeKey struct {
	kind                   conflict.LocationKind
	country, region, place string
	lat, lon               float64
}

// place is a location of Places.
type place struct {
	kind      conflict.LocationKind
	name      string
	country   string // the name of the country it lies in, for qualifying the name; "" if unknown
	region    string // the name of the region it lies in; "" if unknown
	within    int    // the index of the place it lies within; -1 for none
	point     *conflict.Point
	pointText string // the point as written, for qualifying the name
}

// Len returns the number of places.
func (ps *Places) Len() int { return len(ps.list) }

// Country returns the index of the country named name, adding it if new.
func (ps *Places) Country(name string) int {
	return ps.add(placeKey{kind: conflict.LocationCountry, country: name}, -1, nil)
}

// Region returns the index of the region named name of the country named
// country ("" if unknown), adding it if new, as lying within the place of
// index within (-1 for none).
func (ps *Places) Region(country, name string, within int) int {
	return ps.add(placeKey{kind: conflict.LocationRegion, country: country, region: name}, within, nil)
}

// Site returns the index of the place s, adding it if new, as lying within
// the place of index within (-1 for none). Sites of the same name, region,
// country and point are one place, whatever the text of their coordinates;
// the place keeps that of the first.
func (ps *Places) Site(s Site, within int) int {
	return ps.add(placeKey{country: s.Country, region: s.Region, place: s.Name, lat: s.Lat, lon: s.Lon}, within, &s)
}

// add returns the index of the place with key k, adding it if new; s is
// the site of a place with a point, nil for a country or region.
func (ps *Places) add(k placeKey, within int, s *Site) int {
	if i, ok := ps.index[k]; ok {
		return i
	}
	if ps.index == nil {
		ps.index = map[placeKey]int{}
	}
	// The names are kept: copy them out of the record they were cut from.
	k.country, k.region, k.place = strings.Clone(k.country), strings.Clone(k.region), strings.Clone(k.place)
	p := place{kind: k.kind, country: k.country, region: k.region, within: within}
	switch k.kind {
	case conflict.LocationCountry:
		p.name = k.country
	case conflict.LocationRegion:
		p.name = k.region
	default:
		p.name = k.place
		p.point = &conflict.Point{Lat: k.lat, Lon: k.lon}
		p.pointText = s.LatText + ", " + s.LonText
	}
	i := len(ps.list)
	ps.list = append(ps.list, p)
	ps.index[k] = i
	return i
}

// Namings appends a [Naming] of each place to nodes, in order, and returns
// the extended slice. A place's candidate names are its name, then the
// name qualified by its kind, region, country and point, as far as each is
// known: "Afrin", "Afrin, Syria", "Afrin, Aleppo, Syria", "Afrin, Aleppo,
// Syria (36.51, 36.87)" for a place with a point; "Aleppo", "Aleppo
// (region)", "Aleppo (region), Syria" for a region; "Syria", "Syria
// (country)" for a country. Its rank is [RankPlace], [RankRegion] or
// [RankCountry].
func (ps *Places) Namings(nodes []Naming) []Naming {
	for i := range ps.list {
		p := &ps.list[i]
		nodes = append(nodes, Naming{Names: p.candidates(), Rank: p.rank()})
	}
	return nodes
}

// Locations returns the places as locations, in order, given the names and
// IDs that [Assign] chose for them, in the same order.
func (ps *Places) Locations(names, ids []string) []conflict.Location {
	var locs []conflict.Location
	for i, p := range ps.list {
		l := conflict.Location{ID: ids[i], Name: names[i], Kind: p.kind, Point: p.point}
		if p.within >= 0 {
			l.Within = ids[p.within]
		}
		locs = append(locs, l)
	}
	return locs
}

// rank returns the rank of p in a clash of names.
func (p *place) rank() int {
	switch p.kind {
	case conflict.LocationRegion:
		return RankRegion
	case conflict.LocationCountry:
		return RankCountry
	}
	return RankPlace
}

// candidates returns the names p may take, least qualified first, each
// different from the one before.
func (p *place) candidates() []string {
	names := []string{p.name}
	add := func(s string) {
		if s != names[len(names)-1] {
			names = append(names, s)
		}
	}
	switch p.kind {
	case conflict.LocationCountry:
		add(p.name + " (country)")
	case conflict.LocationRegion:
		add(p.name + " (region)")
		add(p.name + " (region)" + prefixed(", ", p.country))
	default:
		if p.country != "" {
			add(p.name + ", " + p.country)
		}
		if p.region != "" {
			add(p.name + ", " + p.region + prefixed(", ", p.country))
		}
		add(p.name + prefixed(", ", p.region) + prefixed(", ", p.country) + " (" + p.pointText + ")")
	}
	return names
}

// prefixed returns sep and s, or "" if s is empty.
func prefixed(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}
