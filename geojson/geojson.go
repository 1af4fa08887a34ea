// Package geojson writes who holds the places of a conflict as GeoJSON
// (RFC 7946), for web maps such as Leaflet's GeoJSON layer, QGIS or
// geojson.io:
//
//	geojson.WriteControl(w, c, t)        // every place at one instant
//	geojson.WriteHistory(w, c, "palmyra") // one place over time
//
// Both write one FeatureCollection of Point features, with coordinates
// [longitude, latitude] in WGS 84 decimal degrees, as RFC 7946 orders them,
// and no "crs" member. Output is indented JSON ending in a line break;
// features and object members come in a fixed order, so one record gives
// the same bytes every time.
//
// # Control at an instant
//
// [WriteControl] writes one feature per location that has a point, sorted by
// location ID, with "id" the location's ID and these properties, taken from
// [conflict.Moment.Controller]:
//
//	name        the location's name
//	kind        its kind ("city", "airbase"), or null when unset
//	at          the day asked, in the record's time zone, "2016-04-06"
//	state       "held", "besieged", "contested" or "unknown"
//	holder      the one party that holds it, definitely or possibly; null when none or several
//	certainty   how sure the holder is: "definite", "possible" or "absent" (no single holder)
//	since       when the holder's hold began, as conflict.Bound.String writes it; null when open or no holder
//	claimants   when several parties possibly hold it, all of them; else []
//	besiegers   the parties that possibly besiege it; else []
//	besieged    how sure the siege is: "definite", "possible" or "absent"
//	contenders  the parties that possibly contest it; else []
//	rolledUp    true when the answer comes from the places within it
//	areaKm2     the place's area in km², for a place that has one; left out otherwise
//	population  the count of the place's population, for a place that has one; left out otherwise
//	populationDate  the date of that count, as the sources give it
//
// Lists are sorted party IDs. Locations without a point cannot be placed on
// a map and are left out; the collection's foreign member "unplaced" lists
// their IDs, sorted (empty when every place has a point). The collection also
// carries "at", the day asked.
//
// # History of a place
//
// [WriteHistory] writes one feature per period in which a party held the
// place, from [conflict.Conflict.History], in its order (by start, open
// starts first). Every feature has the place's point (or, for a place with
// no point, a null geometry, which RFC 7946 allows for unlocated features)
// and "id" the place's ID, the holder's ID and the period's index, as
// "palmyra/isis/1". The time-stamp convention follows the library's: a
// period holds over the half-open span [start, end), and each end is an ISO
// 8601 date at the precision the sources give, "2015", "2015-08" or
// "2015-08-21". Its properties:
//
//	name       the place's name
//	holder     the party that held it
//	start      when the hold began; null if since before the record begins
//	startLast  when the sources disagree on the start: the latest date claimed (start is then the earliest); else null
//	end        the first day it no longer held; null if no end is known
//	endLast    as startLast, for the end
//	sources    the IDs of the sources behind the period, sorted
//	areaKm2, population, populationDate  as for WriteControl, left out when the place has none
//
// Overlapping periods mean sources that disagree, or a place held by
// several parties while contested; both are kept. The collection's foreign
// members are "location" (the place's ID) and "name".
package geojson

import (
	"bytes"
	"encoding/json"
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

// ErrUnknownLocation is returned by [WriteHistory] for an ID that is not a
// location of the record.
var ErrUnknownLocation = errors.New("geojson: not a location of the record")

// The JSON shapes, with members in the order they are written.
type (
	collection[F any] struct {
		Type     string    `json:"type"`
		At       string    `json:"at,omitempty"`
		Location string    `json:"location,omitempty"`
		Name     string    `json:"name,omitempty"`
		Unplaced *[]string `json:"unplaced,omitempty"`
		Features []F       `json:"features"`
	}
	feature[P any] struct {
		Type       string `json:"type"`
		ID         string `json:"id"`
		Geometry   *point `json:"geometry"`
		Properties P      `json:"properties"`
	}
	point struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	}
	control struct {
		Name       string   `json:"name"`
		Kind       *string  `json:"kind"`
		At         string   `json:"at"`
		State      string   `json:"state"`
		Holder     *string  `json:"holder"`
		Certainty  string   `json:"certainty"`
		Since      *string  `json:"since"`
		Claimants  []string `json:"claimants"`
		Besiegers  []string `json:"besiegers"`
		Besieged   string   `json:"besieged"`
		Contenders []string `json:"contenders"`
		RolledUp   bool     `json:"rolledUp"`
		weights
	}
	// weights are the place's area and population, where known: left out
	// otherwise, so that a record without them writes what it did before
	// they were kept.
	weights struct {
		AreaKm2        *float64 `json:"areaKm2,omitempty"`
		Population     *float64 `json:"population,omitempty"`
		PopulationDate *string  `json:"populationDate,omitempty"`
	}
	tenure struct {
		Name      string   `json:"name"`
		Holder    string   `json:"holder"`
		Start     *string  `json:"start"`
		StartLast *string  `json:"startLast"`
		End       *string  `json:"end"`
		EndLast   *string  `json:"endLast"`
		Sources   []string `json:"sources"`
		weights
	}
)

// WriteControl writes who holds every place of c at instant t, as a
// FeatureCollection of the places that have a point (c may be a
// [conflict.View], the record as known on a date); see the package
// documentation for the properties. It returns an error if a point is not a
// valid position, or w's error. It costs one [conflict.Moment.Controller]
// call per location.
func WriteControl(w io.Writer, c conflict.Record, t time.Time) error {
	m := c.At(t)
	at := conflict.DateOf(t.In(c.Zone())).String()
	locs := slices.Collect(c.Locations())
	slices.SortFunc(locs, func(a, b conflict.Location) int { return strings.Compare(a.ID, b.ID) })
	unplaced := []string{}
	out := collection[feature[control]]{Type: "FeatureCollection", At: at, Unplaced: &unplaced, Features: []feature[control]{}}
	for _, l := range locs {
		if l.Point == nil {
			unplaced = append(unplaced, l.ID)
			continue
		}
		g, err := geometry(l)
		if err != nil {
			return err
		}
		ctl := m.Controller(l.ID)
		p := control{
			Name:       l.Name,
			Kind:       word(l.Kind),
			At:         at,
			State:      ctl.State.String(),
			Certainty:  ctl.Certainty.String(),
			Claimants:  list(ctl.Claimants),
			Besiegers:  list(ctl.Besiegers),
			Besieged:   ctl.Besieged.String(),
			Contenders: list(ctl.Contenders),
			RolledUp:   ctl.RolledUp,
			weights:    weightsOf(l),
		}
		if ctl.Holder != "" {
			p.Holder = &ctl.Holder
			p.Since = date(ctl.Since().String())
		}
		out.Features = append(out.Features, feature[control]{Type: "Feature", ID: l.ID, Geometry: g, Properties: p})
	}
	return encode(w, out)
}

// WriteHistory writes the successive holders of the location loc, as a
// FeatureCollection of one feature per period of control; see the package
// documentation for the properties and the time-stamp convention. It returns
// an error wrapping [ErrUnknownLocation] if loc is not a location of c, an
// error if its point is not a valid position, or w's error. It costs in
// proportion to the ties on loc.
func WriteHistory(w io.Writer, c conflict.Record, loc string) error {
	l, ok := c.Location(loc)
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownLocation, loc)
	}
	var g *point
	if l.Point != nil {
		var err error
		if g, err = geometry(l); err != nil {
			return err
		}
	}
	out := collection[feature[tenure]]{Type: "FeatureCollection", Location: l.ID, Name: l.Name, Features: []feature[tenure]{}}
	count := map[string]int{}
	for _, t := range c.History(loc) {
		count[t.From]++
		p := tenure{
			Name:    l.Name,
			Holder:  t.From,
			Start:   date(t.Start.Date.String()),
			End:     date(t.End.Date.String()),
			Sources: list(t.Sources()),
			weights: weightsOf(l),
		}
		if t.Start.Disputed() {
			p.StartLast = date(t.Start.Last.String())
		}
		if t.End.Disputed() {
			p.EndLast = date(t.End.Last.String())
		}
		id := l.ID + "/" + t.From + "/" + strconv.Itoa(count[t.From])
		out.Features = append(out.Features, feature[tenure]{Type: "Feature", ID: id, Geometry: g, Properties: p})
	}
	return encode(w, out)
}

// weightsOf returns the area and population of l, where known.
func weightsOf(l conflict.Location) weights {
	var w weights
	if l.Area > 0 {
		w.AreaKm2 = &l.Area
	}
	if p := l.Population; p != nil {
		w.Population, w.PopulationDate = &p.Count, date(p.Date.String())
	}
	return w
}

// geometry returns the point of l as GeoJSON, longitude first.
func geometry(l conflict.Location) (*point, error) {
	p := l.Point
	if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		return nil, fmt.Errorf("geojson: location %q: point (lat %v, lon %v) is not a position on the globe", l.ID, p.Lat, p.Lon)
	}
	return &point{Type: "Point", Coordinates: [2]float64{p.Lon, p.Lat}}, nil
}

// encode writes v as indented JSON.
func encode(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("geojson: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// list returns s, or an empty slice for nil, so that it is written as [].
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// date returns a pointer to s, or nil for "".
func date(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// word returns a pointer to the word of a kind, or nil for the zero kind.
func word(k conflict.LocationKind) *string {
	if k == 0 {
		return nil
	}
	return date(k.String())
}
