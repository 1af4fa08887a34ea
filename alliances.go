package conflict

import (
	"slices"
	"strings"

	"github.com/conflictgraph/conflict/internal/timeindex"
	"github.com/conflictgraph/conflict/internal/unionfind"
)

// Alliances returns the blocs at the moment: the connected components of
// the positive ties in force (supports, allied, part-of; definitely or
// possibly). Friendship here is taken as transitive — the ally of an ally is
// in the bloc — which real wars often are not; [Moment.Sides] weighs the
// hostile ties too. Every party with a tie to another party in force,
// positive or hostile, is in exactly one bloc; a party with only hostile ties
// is a bloc of its own. IDs are sorted within each bloc, and blocs by their
// first ID. It costs one union-find pass over the party ties in force, and
// time in proportion to the number of parties (not places) in the record.
func (m Moment) Alliances() [][]string {
	s := m.snapshot()
	var sets unionfind.Sets
	sets.Reset(len(s.parties))
	active := make([]bool, len(s.parties))
	for _, c := range []timeindex.Class{timeindex.ClassPositive, timeindex.ClassHostile} {
		s.ix.Stab(c, m.q, func(_ int32, r *timeindex.Period, _ timeindex.Certainty) bool {
			a, b := s.party[r.From], s.party[r.To]
			active[a], active[b] = true, true
			if c == timeindex.ClassPositive {
				sets.Union(a, b)
			}
			return true
		})
	}
	var blocs [][]string
	for _, comp := range sets.Components() {
		var bloc []string
		for _, a := range comp {
			if active[a] {
				bloc = append(bloc, s.ids[s.parties[a]])
			}
		}
		if len(bloc) > 0 {
			slices.Sort(bloc)
			blocs = append(blocs, bloc)
		}
	}
	slices.SortFunc(blocs, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return blocs
}
