package ucdpacd

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// relKey names one relation of the result.
type relKey struct {
	kind     conflict.RelationKind
	from, to party
}

func compareRels(a, b relKey) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := compareParties(a.from, b.from); c != 0 {
		return c
	}
	return compareParties(a.to, b.to)
}

// stated is one year of a relation and the conflicts that state it, sorted.
type stated struct {
	year      int
	conflicts []int
}

// dataset builds the result, in an order that does not depend on the order
// of the rows.
func (rd *reader) dataset() conflict.Dataset {
	src := rd.opt.Source
	if src.ID == "" {
		src = Source(rd.version)
	}
	ds := conflict.Dataset{Sources: []conflict.Source{src}}

	// Every relation each conflict-year states, and the last year of each
	// conflict.
	keys := slices.SortedFunc(maps.Keys(rd.years), func(a, b cyKey) int {
		if c := cmp.Compare(a.year, b.year); c != 0 {
			return c
		}
		return cmp.Compare(a.conflict, b.conflict)
	})
	rels := map[relKey][]stated{}
	state := func(k relKey, at cyKey) {
		ys := rels[k]
		if n := len(ys); n > 0 && ys[n-1].year == at.year {
			if !slices.Contains(ys[n-1].conflicts, at.conflict) {
				ys[n-1].conflicts = append(ys[n-1].conflicts, at.conflict)
			}
			return
		}
		rels[k] = append(ys, stated{at.year, []int{at.conflict}})
	}
	rd.last = map[int]int{}
	for _, at := range keys {
		cy := rd.years[at]
		rd.last[at.conflict] = max(rd.last[at.conflict], at.year)
		for _, a := range cy.sideA {
			for _, b := range cy.sideB {
				if a != b {
					x, y := a, b
					if compareParties(y, x) < 0 {
						x, y = y, x // fights is symmetric: one key per pair
					}
					state(relKey{conflict.RelationFights, x, y}, at)
				}
			}
		}
		support := func(backers, side partySet) {
			for _, s := range backers {
				for _, p := range side {
					if p != s { // a state on a side does not back itself
						state(relKey{conflict.RelationSupports, s, p}, at)
					}
				}
			}
		}
		support(cy.backA, cy.sideA)
		support(cy.backB, cy.sideB)
	}

	// The nodes the relations join.
	relKeys := slices.SortedFunc(maps.Keys(rels), compareRels)
	used := map[party]bool{}
	for _, k := range relKeys {
		used[k.from], used[k.to] = true, true
	}
	var ids map[party]string
	ds.Actors, ds.Backers, ids = rd.nodes(slices.Collect(maps.Keys(used)))

	// The relations: each a run of years in which one episode, or
	// episodes that follow each other, state it.
	for _, k := range relKeys {
		years := rels[k] // in order of year, as the keys are
		for len(years) > 0 {
			n := 1
			for n < len(years) && years[n].year == years[n-1].year+1 && !rd.allEnded(years[n-1]) {
				n++
			}
			run := years[:n]
			years = years[n:]
			ds.Relations = append(ds.Relations, rd.relation(k, run, len(years) == 0, src.ID, ids))
		}
	}
	return ds
}

// allEnded reports whether the episode of every conflict that states a
// relation in a year ended in that year.
func (rd *reader) allEnded(s stated) bool {
	for _, c := range s.conflicts {
		if !rd.years[cyKey{c, s.year}].ended {
			return false
		}
	}
	return true
}

// relation returns relation k over a run of years; final says whether no
// later run of k follows. A relation whose conflict's episode goes on when
// the file's rows of it stop stays open, unless a later run follows: then
// it ended before it.
func (rd *reader) relation(k relKey, run []stated, final bool, src string, ids map[party]string) conflict.Relation {
	first, last := run[0], run[len(run)-1]
	var start, end csvimport.Change
	for i, c := range first.conflicts {
		ch := rd.startOf(k, cyKey{c, first.year})
		if i == 0 {
			start = ch
		}
		start = start.Earlier(ch)
	}
	open := false
	for i, c := range last.conflicts {
		ch, goesOn := rd.endOf(k, cyKey{c, last.year})
		open = open || goesOn && final
		if i == 0 {
			end = ch
		}
		end = end.Later(ch)
	}
	rel := conflict.Relation{
		Kind:       k.kind,
		From:       ids[k.from],
		To:         ids[k.to],
		Start:      start.StartDate(),
		Sources:    []string{src},
		Note:       runNote(k.kind, run),
		Attributes: rd.attributes(run),
	}
	if e := end.EndDate(); !open && csvimport.Knowable(rd.published, csvimport.DayOf(e)) {
		rel.End = e // else the conflict goes on, or the source could not know it stopped
	}
	if k.kind == conflict.RelationSupports {
		rel.Support = conflict.SupportTroops
	}
	return rel
}

// startOf returns the days on which relation k began, as the conflict-year
// at, the first of a run of the relation, says: the day of the episode's
// first battle-related death, for the fighting between the one party on
// each side; otherwise some day on which the conflict was active in the
// year.
func (rd *reader) startOf(k relKey, at cyKey) csvimport.Change {
	cy := rd.years[at]
	if k.kind == conflict.RelationFights && cy.single() && cy.startExact {
		return csvimport.Change{Lo: cy.act.lo, Hi: cy.act.lo}
	}
	return csvimport.Change{Lo: cy.act.lo, Hi: cy.act.hi + 1}
}

// endOf returns the days on which relation k ended, as the conflict-year
// at, the last of a run of the relation, says: the day after the episode
// ended, for the fighting between the one party on each side; otherwise a
// day on which the conflict was active in the year. goesOn reports that
// the conflict's episode had not ended when the file's rows of it stop.
func (rd *reader) endOf(k relKey, at cyKey) (ch csvimport.Change, goesOn bool) {
	cy := rd.years[at]
	goesOn = cy.goesOn && !cy.ended && rd.last[at.conflict] == at.year
	switch {
	case k.kind == conflict.RelationFights && cy.single() && cy.ended && cy.endExact:
		return csvimport.Change{Lo: cy.act.hi + 1, Hi: cy.act.hi + 1}, goesOn
	}
	return csvimport.Change{Lo: cy.act.lo, Hi: cy.act.hi + 1}, goesOn
}

// attributes returns the attributes of a relation over a run of years: the
// conflicts behind it and what the file says of them.
func (rd *reader) attributes(run []stated) map[string]string {
	var conflicts []int
	incompat, typ, region := valueYears{}, valueYears{}, valueYears{}
	intensity := valueYears{}
	highest := 0
	for _, s := range run {
		best := 0
		for _, c := range s.conflicts {
			cy := rd.years[cyKey{c, s.year}]
			if !slices.Contains(conflicts, c) {
				conflicts = append(conflicts, c)
			}
			incompat.add(cy.incompat, s.year)
			typ.add(cy.typ, s.year)
			region.add(cy.region, s.year)
			best = max(best, cy.intensity)
		}
		if best > 0 {
			intensity.add([]string{strconv.Itoa(best)}, s.year)
			highest = max(highest, best)
		}
	}
	slices.Sort(conflicts)
	ids := make([]string, len(conflicts))
	for i, c := range conflicts {
		ids[i] = strconv.Itoa(c)
	}
	attrs := map[string]string{"conflict_id": strings.Join(ids, ", ")}
	for name, v := range map[string]valueYears{"incompatibility": incompat, "type_of_conflict": typ, "region": region} {
		if len(v) > 0 {
			attrs[name] = v.String(len(v) > 1)
		}
	}
	if highest > 0 {
		attrs["intensity_level"] = strconv.Itoa(highest)
		attrs["intensity_level_by_year"] = intensity.String(true)
	}
	return attrs
}

// valueYears is the years in which each value of a column is given.
type valueYears map[string][]int

func (v valueYears) add(values []string, year int) {
	for _, x := range values {
		if ys := v[x]; len(ys) == 0 || ys[len(ys)-1] != year {
			v[x] = append(ys, year)
		}
	}
}

// String returns the values, ordered by the first year each is given,
// each with its years if withYears: "intrastate (2011-2014), II
// (2015-2024)".
func (v valueYears) String(withYears bool) string {
	values := slices.SortedFunc(maps.Keys(v), func(a, b string) int {
		if c := cmp.Compare(v[a][0], v[b][0]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var b []byte
	for i, x := range values {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, x...)
		if withYears {
			b = append(b, " ("...)
			b = appendYearList(b, v[x])
			b = append(b, ')')
		}
	}
	return string(b)
}

// runNote says which conflicts, in which years, state a run of years of a
// relation: "troops; UCDP conflicts 299 (2015-2024), 13604 (2016-2024)".
func runNote(kind conflict.RelationKind, run []stated) string {
	var b []byte
	if kind == conflict.RelationSupports {
		b = append(b, "troops; "...)
	}
	b = append(b, "UCDP conflict"...)
	byConflict := map[int][]int{}
	for _, s := range run {
		for _, c := range s.conflicts {
			byConflict[c] = append(byConflict[c], s.year)
		}
	}
	if len(byConflict) > 1 {
		b = append(b, 's')
	}
	for i, c := range slices.Sorted(maps.Keys(byConflict)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(c), 10)
		b = append(b, " ("...)
		b = appendYearList(b, byConflict[c])
		b = append(b, ')')
	}
	return string(b)
}

// appendYearList appends sorted years as runs: "2011, 2013-2015".
func appendYearList(b []byte, years []int) []byte {
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, int64(years[i]), 10)
		if j > i {
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(years[j]), 10)
		}
		i = j + 1
	}
	return b
}
