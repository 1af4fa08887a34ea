package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// sides writes the sides of the war at each turning point, by structural
// balance, with the ties that do not fit them, and why blocs of friends'
// friends would not do.
func (r *report) sides() {
	r.heading("Sides")
	r.wrap("", "At each turning point, the split that breaks the fewest ties:")
	for _, tp := range turningPoints {
		r.on = tp.day.Time()
		s, err := r.q.At(r.on).Sides(conflict.SidesOptions{})
		if err != nil {
			r.wrap("  ", "sides: "+err.Error())
			r.on = time.Time{}
			return
		}
		desc := fmt.Sprintf("%s (%s): %d sides", tp.label, tp.day, len(s.Blocs))
		switch {
		case len(s.Blocs) == 0:
			desc = fmt.Sprintf("%s (%s): no party has a tie", tp.label, tp.day)
		case s.Violations == 0:
			desc += ", every tie fitting"
		default:
			desc += fmt.Sprintf(", %s not fitting", count(s.Violations))
		}
		if !s.Optimal {
			desc += " (best found, not proven)"
		}
		r.wrap("  ", desc+".")
		var rest []string
		for i, bloc := range largestFirst(s.Blocs) {
			if i < 2 {
				r.wrap(fmt.Sprintf("    %d. ", i+1), list(r.names(bloc))+".")
				continue
			}
			rest = append(rest, fmt.Sprintf("%d. %s", i+1, list(r.names(bloc))))
		}
		if len(rest) > 0 {
			r.wrap("    ", strings.Join(rest, "; ")+".")
		}
		var broken []string
		for _, f := range s.Broken {
			broken = append(broken, r.signedText(f))
		}
		if len(broken) > 0 {
			r.wrap("    ", "Not fitting: "+strings.Join(broken, "; ")+".")
		}
	}
	r.on = time.Time{}
	r.blocsNote()
}

// signedText says what a tie that does not fit is: "Turkey and the US are
// allies".
func (r *report) signedText(s conflict.SignedTie) string {
	var parts []string
	for _, t := range s.Ties {
		parts = append(parts, r.tieText(t))
	}
	return strings.Join(parts, "; ")
}

// daySides writes the sides on one day, with the ties that do not fit.
func (r *report) daySides(m conflict.Moment) {
	r.heading("Sides")
	s, err := m.Sides(conflict.SidesOptions{})
	if err != nil {
		r.wrap("  ", "sides: "+err.Error())
		return
	}
	for i, b := range largestFirst(s.Blocs) {
		r.wrap(fmt.Sprintf("  %d. ", i+1), list(r.names(b))+".")
	}
	if len(s.Broken) == 0 {
		r.wrap("", "Every tie fits: friends on one side, enemies on the other.")
		return
	}
	r.wrap("", fmt.Sprintf("Ties that do not fit (%s):", count(s.Violations)))
	for _, f := range s.Broken {
		r.wrap("  - ", r.signedText(f))
	}
}
