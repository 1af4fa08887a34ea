// Package htmlmap writes a record as one self-contained HTML page: a map of
// its places, coloured by who holds them on the day a slider picks.
//
//	err := htmlmap.Write(f, c, htmlmap.Options{})
//
// # The page
//
// The page needs no network: its script, style and map outlines are inside the
// file, and its text uses fonts already on the reader's machine (DejaVu Sans
// or Verdana where present). It shows:
//
//   - a map of the places that have a [conflict.Point], drawn over the
//     outlines of the countries around them (Natural Earth's 1:50m
//     boundaries, public domain), with each place's name placed beside its
//     marker where it does not cover another name or marker;
//   - a slider over the days of the record, with the day shown and a button
//     that plays the days through;
//   - each place's marker in the colour of who holds it that day: solid for a
//     holder that surely holds it, hatched with white when it only possibly
//     does (a change dated only to a month, sources that disagree, an answer
//     rolled up from the places within), striped in the colours of all of them
//     when several parties possibly hold it, striped and crossed when it is
//     contested, grey when no claim covers it, and ringed in the besieger's
//     colour (dashed while the siege only possibly holds) when besieged;
//   - on hovering a place, what the record says of it that day, and the
//     sources of the ties behind that answer (outlet, title and date);
//   - on clicking a place, its successive holders, as [conflict.Conflict.History]
//     gives them, with their dates as the sources give them, a bar that shows
//     over the record's days when each hold surely and when it only possibly
//     held, and which of them holds on the slider's day;
//   - a legend of the parties' colours and of the patterns.
//
// Cities are drawn as large dots, other places as small ones, airbases and
// bases as squares, regions and countries (which are answered from the places
// within them when they have no claims of their own) as rings. Places are
// named, parties and sources are given by name and title, never by ID.
//
// # What is computed where
//
// Everything the page shows is the library's answer, computed when the page
// is written: for each place, the day ranges over which
// [conflict.Moment.Controller] gives the same answer, found by asking it on
// every day on which a tie of the place, or of a place within it, may begin or
// end ([conflict.Conflict.Timeline]); and the same for the certainty of each
// tie of [conflict.Conflict.History]. The page's script only picks the range
// that holds the slider's day.
//
// # Colours, map and output
//
// A party's colour is picked from a palette of 14 by a hash of its ID, so
// that it keeps its colour from one record to the next; when two parties of one
// page would share a colour, the one later in ID order takes the next free one
// (past 14 parties, colours repeat). [Options.Colors] sets colours by hand.
//
// The map is 960 by 600 CSS pixels, in an equirectangular projection whose
// scale along the parallels is that of the map's middle latitude, framed on
// the places with a margin; only the outlines that fall in the frame are
// written, clipped to it. The output is deterministic: one record and one set
// of options give the same bytes every time.
package htmlmap

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/conflictgraph/conflict"
)

// Errors that Write returns for options or records it cannot draw, wrapped
// with the offending value.
var (
	ErrUnknownLocation = errors.New("htmlmap: not a location of the record")
	ErrNoPoint         = errors.New("htmlmap: location has no point")
	ErrSpan            = errors.New("htmlmap: no days to show")
)

// Options chooses what Write draws. The zero Options draw every place with a
// point, over the record's whole span, opening on its last day.
type Options struct {
	// Places are the IDs of the locations to draw. Each must have a Point.
	// Nil means every location with a Point.
	Places []string

	// From and To bound the days the slider covers, [From, To), each the
	// calendar day it falls on in its own location, so midnight UTC and
	// midnight in the record's time zone name the same day. A zero From is the earliest day on which any
	// tie of the record may begin or end; a zero To is the day after the
	// latest such day.
	From, To time.Time

	// At is the day the page opens on; a zero At, or one outside the
	// slider's days, is the last day.
	At time.Time

	// Title heads the page; "" means the conflict's name, or "Conflict map"
	// when it has none.
	Title string

	// Colors, if not nil, maps party IDs to CSS colours ("#c0392b",
	// "teal"); parties not in it take the palette's colours.
	Colors map[string]string
}

// Write writes c as a self-contained HTML page to w; see the package
// documentation for the page. It returns an error that wraps
// ErrUnknownLocation or ErrNoPoint for a place of opt.Places that is not a
// location of c or has no point, one that wraps ErrSpan if there is no place
// to draw, if From is not before To, or if the span cannot be chosen because
// the record has no dated tie, or w's error.
//
// It costs one [conflict.Moment.Controller] call per place and day on which
// a tie of it, or of a place within it, may begin or end, and one pass over
// the outlines of the world's countries.
func Write(w io.Writer, c conflict.Record, opt Options) error {
	ids, err := placeIDs(c, opt.Places)
	if err != nil {
		return err
	}
	from, to, err := sliderDays(c, opt.From, opt.To)
	if err != nil {
		return err
	}
	p, err := build(c, ids, from, to, opt)
	if err != nil {
		return err
	}
	return p.write(w)
}

// placeIDs returns the places to draw.
func placeIDs(c conflict.Record, places []string) ([]string, error) {
	if places == nil {
		for l := range c.Locations() {
			if l.Point != nil {
				places = append(places, l.ID)
			}
		}
		if len(places) == 0 {
			return nil, fmt.Errorf("%w: no location of the record has a point", ErrSpan)
		}
		return places, nil
	}
	if len(places) == 0 {
		return nil, fmt.Errorf("%w: Options.Places is empty", ErrSpan)
	}
	seen := map[string]bool{}
	var out []string
	for _, id := range places {
		l, ok := c.Location(id)
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrUnknownLocation, id)
		}
		if l.Point == nil {
			return nil, fmt.Errorf("%w: %q", ErrNoPoint, id)
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// sliderDays returns the slider's days, [from, to), as midnights UTC.
func sliderDays(c conflict.Record, from, to time.Time) (time.Time, time.Time, error) {
	from, to = day(from), day(to)
	if from.IsZero() || to.IsZero() {
		var lo, hi time.Time
		for t := range c.Ties() {
			for _, b := range []conflict.Bound{t.Start, t.End} {
				if b.IsOpen() {
					continue
				}
				e, l := b.Window()
				if lo.IsZero() || e.Before(lo) {
					lo = e
				}
				if l.After(hi) {
					hi = l
				}
			}
		}
		if lo.IsZero() {
			return from, to, fmt.Errorf("%w: the record has no dated tie: set Options.From and Options.To", ErrSpan)
		}
		if from.IsZero() {
			from = day(lo)
		}
		if to.IsZero() {
			to = day(hi).AddDate(0, 0, 1)
		}
	}
	if !from.Before(to) {
		return from, to, fmt.Errorf("%w: From (%s) is not before To (%s)", ErrSpan, from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	return from, to, nil
}

// day returns midnight UTC starting the day t falls on in t's location, or
// the zero Time: the day's label, whatever zone t was given in.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
