package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

// largestFirst sorts blocs by size, largest first, keeping the library's
// order among blocs of one size.
func largestFirst(blocs [][]string) [][]string {
	slices.SortStableFunc(blocs, func(a, b []string) int { return cmp.Compare(len(b), len(a)) })
	return blocs
}

// blocs writes the alliance blocs at each turning point.
func (r *report) blocs() {
	r.heading("Blocs")
	r.wrap("", "Parties joined by ties of support, alliance or membership, "+
		"the friend of a friend counted as a friend (Moment.Alliances):")
	var prev []string
	for _, tp := range turningPoints {
		blocs := largestFirst(r.q.At(tp.day.Time()).Alliances())
		if len(blocs) == 0 {
			r.wrap(fmt.Sprintf("  %-*s  ", labelWidth(), tp.label), "no party has a tie")
			prev = nil
			continue
		}
		big := blocs[0]
		desc := fmt.Sprintf("%d-party bloc", len(big))
		if prev != nil {
			var delta []string
			for _, id := range big {
				if !slices.Contains(prev, id) {
					delta = append(delta, "+"+r.name(id))
				}
			}
			for _, id := range prev {
				if !slices.Contains(big, id) {
					delta = append(delta, "-"+r.name(id))
				}
			}
			if len(delta) > 0 {
				desc += " (" + strings.Join(delta, " ") + ")"
			}
		}
		var apart []string
		for _, b := range blocs[1:] {
			apart = append(apart, strings.Join(r.names(b), " + "))
		}
		if len(apart) > 0 {
			desc += "; apart: " + strings.Join(apart, ", ")
		}
		r.wrap(fmt.Sprintf("  %-*s  ", labelWidth(), tp.label), desc)
		prev = big
	}

	last := turningPoints[len(turningPoints)-1]
	m := r.q.At(last.day.Time())
	blocs := largestFirst(m.Alliances())
	if len(blocs) == 0 {
		return
	}
	big := blocs[0]
	r.wrap("", fmt.Sprintf("The %d-party bloc on %s: %s.", len(big), last.day, list(r.names(big))))
	if path := positivePath(m, "iran", "united-states"); path != nil {
		var steps []string
		for _, t := range path {
			steps = append(steps, r.tieText(t))
		}
		r.wrap("", fmt.Sprintf("Why Iran and the US are in it together: %s.", list(steps)))
	}
	var hostile []string
	for _, t := range sorted(m) {
		if t.Kind == conflict.RelationFights && slices.Contains(big, t.From) && slices.Contains(big, t.To) {
			hostile = append(hostile, r.the(t.From)+" and "+r.the(t.To))
		}
	}
	if len(hostile) > 0 {
		r.wrap("", fmt.Sprintf("Yet on that day these pairs inside it fight: %s. "+
			"Blocs leave hostile ties out; weighing them takes a signed, "+
			"structural-balance view.", strings.Join(hostile, "; ")))
	}
}

// labelWidth is the width of the widest turning point's label.
func labelWidth() int {
	w := 0
	for _, tp := range turningPoints {
		w = max(w, len(tp.label))
	}
	return w
}

// positivePath returns a shortest chain of positive ties in force at m from
// a to b, or nil.
func positivePath(m conflict.Moment, a, b string) []conflict.Tie {
	adj := map[string][]conflict.Tie{}
	for _, t := range sorted(m) {
		if t.Kind.Positive() {
			adj[t.From] = append(adj[t.From], t)
			adj[t.To] = append(adj[t.To], t)
		}
	}
	via := map[string]conflict.Tie{a: {}} // the tie each party was reached by
	for queue := []string{a}; len(queue) > 0; queue = queue[1:] {
		n := queue[0]
		if n == b {
			var path []conflict.Tie
			for n != a {
				t := via[n]
				path = append(path, t)
				n = other(t, n)
			}
			slices.Reverse(path)
			return path
		}
		for _, t := range adj[n] {
			if o := other(t, n); o != a {
				if _, seen := via[o]; !seen {
					via[o] = t
					queue = append(queue, o)
				}
			}
		}
	}
	return nil
}
