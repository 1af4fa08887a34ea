package main

import (
	"fmt"
	"strings"

	"github.com/conflictgraph/conflict"
)

// sides writes the signed, structural-balance view: the sides at each
// turning point with the ties that do not fit them, and when the balance of
// the war changed.
func (r *report) sides() {
	r.heading("Sides")
	r.wrap("", "Blocs count the friend of a friend as a friend. The signed view "+
		"weighs enmity too: it splits the parties so that as few ties as possible "+
		"break the rule \"friends on one side, enemies on the other\" "+
		"(Moment.Sides, any number of sides). The ties that do not fit:")
	var last conflict.Sides
	indent := strings.Repeat(" ", labelWidth()+4)
	for _, tp := range turningPoints {
		s, err := r.q.At(tp.day.Time()).Sides(conflict.SidesOptions{})
		if err != nil {
			r.wrap("  ", "sides: "+err.Error())
			return
		}
		desc := fmt.Sprintf("%d sides, %s not fitting", len(s.Blocs), count(s.Violations))
		switch {
		case len(s.Blocs) == 0:
			desc = "no party has a tie"
		case s.Violations == 0:
			desc = fmt.Sprintf("%d sides, every tie fitting", len(s.Blocs))
		}
		if !s.Optimal {
			desc += " (best found, not proven)"
		}
		r.wrap(fmt.Sprintf("  %-*s  ", labelWidth(), tp.label), desc)
		for _, f := range s.Broken {
			r.wrap(indent+"- ", r.signedText(f))
		}
		last = s
	}
	lastDay := turningPoints[len(turningPoints)-1].day
	if len(last.Blocs) > 0 {
		r.wrap("", fmt.Sprintf("The sides on %s:", lastDay))
	}
	for i, bloc := range largestFirst(last.Blocs) {
		r.wrap(fmt.Sprintf("  %d. ", i+1), list(r.names(bloc))+".")
	}

	from, to := conflict.Day(2015, 1, 1), conflict.Day(2017, 1, 1)
	over, err := r.q.SidesOver(from.Time(), to.Time(), conflict.SidesOptions{MaxBlocs: 2})
	if err != nil {
		r.wrap("  ", "sides over time: "+err.Error())
		return
	}
	r.printf("\n")
	r.wrap("", "With two sides only, the number of ties that break the rule is "+
		"the war's frustration index. In 2015 and 2016 it changed on these days "+
		"(Conflict.SidesOver), with these changes:")
	prev := -1
	for _, o := range over {
		n := o.Sides.Violations
		if n == prev {
			continue
		}
		lead := fmt.Sprintf("  %s  %2d  ", o.From.Format("2006-01-02"), n)
		prev = n
		if len(o.Changes) == 0 {
			r.wrap(lead, "at the start of 2015")
			continue
		}
		for i, ch := range o.Changes {
			w := r.changeText(ch.Tie, ch.Closed)
			if ch.Certainty == conflict.Possible {
				w += " (possibly)"
			}
			if i > 0 {
				lead = strings.Repeat(" ", len(lead))
			}
			r.wrap(lead, w)
		}
	}
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
	for _, b := range largestFirst(s.Blocs) {
		r.wrap("  - ", list(r.names(b)))
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
