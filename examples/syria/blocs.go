package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
)

// largestFirst sorts blocs by size, largest first, keeping the library's
// order among blocs of one size.
func largestFirst(blocs [][]string) [][]string {
	slices.SortStableFunc(blocs, func(a, b []string) int { return cmp.Compare(len(b), len(a)) })
	return blocs
}

// blocsNote says why the sides weigh enmity: on the last turning point,
// counting every friend's friend as a friend makes one bloc of nearly
// everyone, enemies included.
func (r *report) blocsNote() {
	last := turningPoints[len(turningPoints)-1]
	m := r.q.At(last.day.Time())
	blocs := largestFirst(m.Alliances())
	if len(blocs) == 0 {
		return
	}
	big := blocs[0]
	r.on = last.day.Time()
	defer func() { r.on = time.Time{} }()
	hostile := 0
	for _, t := range sorted(m) {
		if t.Kind.Hostile() && slices.Contains(big, t.From) && slices.Contains(big, t.To) {
			hostile++
		}
	}
	s := fmt.Sprintf("Counting every friend's friend as a friend would instead put %d "+
		"parties in one bloc on %s, all but %s, though %d hostile ties run inside it",
		len(big), last.day, list(r.outside(big, m)), hostile)
	if path := positivePath(m, "iran", "united-states"); path != nil {
		var steps []string
		for _, t := range path {
			steps = append(steps, r.tieText(t))
		}
		s += fmt.Sprintf(": Iran and the US would be in it together, as %s", list(steps))
	}
	r.wrap("", s+".")
}

// outside returns the names of the parties with a tie at m that are not in
// bloc.
func (r *report) outside(bloc []string, m conflict.Moment) []string {
	var ids []string
	for _, b := range m.Alliances() {
		for _, id := range b {
			if !slices.Contains(bloc, id) {
				ids = append(ids, id)
			}
		}
	}
	return r.names(ids)
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
