package ucdpacd

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// The kinds of party a row names.
const (
	state       = iota // a state, by Gleditsch-Ward code: an actor when a side, else a backer
	namedByID          // a named actor of side B, by UCDP actor ID
	namedByName        // a named actor of side B, by its name folded (no ID given)
	opposition         // the unnamed non-state side B of one conflict, by conflict ID
)

// party is a node of the result.
type party struct {
	kind int
	code int    // the G-W code, UCDP actor ID or conflict ID
	key  string // the folded name of a namedByName party
}

func compareParties(a, b party) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(a.code, b.code); c != 0 {
		return c
	}
	return cmp.Compare(a.key, b.key)
}

// partySet is a small set of parties, in the order added.
type partySet []party

func (s *partySet) add(p party) {
	if !slices.Contains(*s, p) {
		*s = append(*s, p)
	}
}

// stringSet is a small set of non-empty strings, in the order added.
type stringSet []string

func (s *stringSet) add(v string) {
	if v != "" && !slices.Contains(*s, v) {
		*s = append(*s, strings.Clone(v))
	}
}

// namedActor is what the rows say of a named actor of side B.
type namedActor struct {
	names     map[string]int // each name UCDP gives it → the latest year it gives it
	conflicts map[int]bool
}

// namedActor records that a row of conflict id in year names party p name.
func (rd *reader) namedActor(p party, name string, id, year int) {
	a := rd.named[p]
	if a == nil {
		a = &namedActor{names: map[string]int{}, conflicts: map[int]bool{}}
		rd.named[p] = a
	}
	if y, ok := a.names[name]; !ok || year > y {
		a.names[strings.Clone(name)] = year
	}
	a.conflicts[id] = true
}

// name returns the name a named actor goes by: the one UCDP gives it in the
// latest year, the first in order of those it gives it then; and its other
// names, sorted.
func (a *namedActor) name() (name string, others []string) {
	best := -1
	for n, y := range a.names {
		if y > best || y == best && n < name {
			name, best = n, y
		}
	}
	for n := range a.names {
		if n != name {
			others = append(others, n)
		}
	}
	slices.Sort(others)
	return name, others
}

// nodes returns the nodes of parties ps, which a relation joins, as actors
// and backers, and the ID of each party. A state is an actor, the
// government of the state, if it is on a side in any row read; else a
// backer. Names and IDs are unique: a named actor whose name would clash
// with another node's is qualified by its UCDP actor ID.
func (rd *reader) nodes(ps []party) (actors []conflict.Actor, backers []conflict.Backer, ids map[party]string) {
	slices.SortFunc(ps, compareParties)
	isSide := map[int]bool{}
	for _, cy := range rd.years {
		for _, p := range append(slices.Clip(cy.sideA), cy.sideB...) {
			if p.kind == state {
				isSide[p.code] = true
			}
		}
	}
	// Fixed names and IDs first, so that they keep them in a clash.
	order := slices.Clone(ps)
	slices.SortStableFunc(order, func(a, b party) int { return cmp.Compare(fixed(a), fixed(b)) })
	nodes := make([]csvimport.Naming, len(order))
	for i, p := range order {
		switch p.kind {
		case state:
			nodes[i] = csvimport.Naming{Names: []string{"Government of " + stateName(p.code)}, ID: stateSlug(p.code) + "-government", Rank: 1}
		case opposition:
			nodes[i] = csvimport.Naming{Names: []string{"Opposition in UCDP conflict " + strconv.Itoa(p.code)},
				ID: "conflict-" + strconv.Itoa(p.code) + "-opposition", Rank: 1}
		default:
			name, _ := rd.named[p].name()
			qualified := name + " (UCDP actor " + strconv.Itoa(p.code) + ")"
			if p.kind == namedByName {
				qualified = name + " (actor)"
			}
			nodes[i] = csvimport.Naming{Names: []string{name, qualified}}
		}
	}
	names, slugs := csvimport.Assign(nodes)
	ids = map[party]string{}
	nameOf := map[party]string{}
	for i, p := range order {
		ids[p], nameOf[p] = slugs[i], names[i]
	}
	for _, p := range ps {
		switch {
		case p.kind == state && !isSide[p.code]:
			backers = append(backers, conflict.Backer{ID: ids[p], Name: nameOf[p], Kind: conflict.BackerState, Note: stateNote(p.code)})
		case p.kind == state:
			actors = append(actors, conflict.Actor{ID: ids[p], Name: nameOf[p], Kind: conflict.ActorGovernment, Note: stateNote(p.code)})
		case p.kind == opposition:
			actors = append(actors, conflict.Actor{ID: ids[p], Name: nameOf[p], Kind: conflict.ActorRebelGroup,
				Note: "The non-state side B of UCDP conflict " + strconv.Itoa(p.code) + ", which the file does not name."})
		default:
			actors = append(actors, conflict.Actor{ID: ids[p], Name: nameOf[p], Kind: conflict.ActorRebelGroup, Note: rd.namedNote(p)})
		}
	}
	return actors, backers, ids
}

// fixed orders the kinds of party for naming: those whose names and IDs
// are fixed first.
func fixed(p party) int {
	if p.kind == state || p.kind == opposition {
		return 0
	}
	return 1
}

// namedNote says which actor of UCDP's a named party is: "UCDP actor 234,
// on side B of UCDP conflicts 299, 13641. UCDP also names it: ISIS."
func (rd *reader) namedNote(p party) string {
	a := rd.named[p]
	var b strings.Builder
	if p.kind == namedByID {
		fmt.Fprintf(&b, "UCDP actor %d, on side", p.code)
	} else {
		b.WriteString("On side")
	}
	conflicts := slices.Sorted(maps.Keys(a.conflicts))
	b.WriteString(" B of UCDP conflict")
	if len(conflicts) > 1 {
		b.WriteByte('s')
	}
	for i, c := range conflicts {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %d", c)
	}
	b.WriteByte('.')
	if _, others := a.name(); len(others) > 0 {
		b.WriteString(" UCDP also names it: " + strings.Join(others, "; ") + ".")
	}
	return b.String()
}

// stateName returns the name of the state with G-W code c.
func stateName(c int) string {
	if n, ok := gwNames[c]; ok {
		return n
	}
	return fmt.Sprintf("Gleditsch-Ward state %d", c)
}

// stateNote returns the note of the state with G-W code c, which gives the
// code.
func stateNote(c int) string {
	if _, ok := gwNames[c]; ok {
		return fmt.Sprintf("Gleditsch-Ward state %d.", c)
	}
	return fmt.Sprintf("Gleditsch-Ward code %d is not in the package's table of state names.", c)
}

// stateSlug returns the slug of the name of the state with G-W code c, or
// "gw-" and the code for a state missing from the table.
func stateSlug(c int) string {
	n, ok := gwNames[c]
	if !ok {
		return "gw-" + strconv.Itoa(c)
	}
	return csvimport.Slug(n)
}
