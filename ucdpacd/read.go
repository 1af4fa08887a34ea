package ucdpacd

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// Options tunes [Read]. The zero Options reads every conflict and year and
// cites the [Source] of the version the file names, if any.
type Options struct {
	// Source is the source every relation cites. If its ID is empty, Read
	// uses Source(v), v being the value of the file's version column (the
	// UCDP release, such as "25.1"), or "" if it has none.
	Source conflict.Source

	// Conflicts, if not empty, keeps only the conflicts with these UCDP
	// conflict IDs.
	Conflicts []int

	// From and To, if not zero, keep only the years from From to To,
	// inclusive.
	From, To int
}

// Source returns the source that describes the UCDP/PRIO Armed Conflict
// Dataset of the given version (a UCDP release such as "25.1"; "" if
// unknown): its ID is "ucdp-acd" or "ucdp-acd-" and the version, and its
// note gives the licence and the citations UCDP asks for.
func Source(version string) conflict.Source {
	s := conflict.Source{
		ID:     "ucdp-acd",
		Outlet: "Uppsala Conflict Data Program (UCDP) and Peace Research Institute Oslo (PRIO)",
		Title:  "UCDP/PRIO Armed Conflict Dataset",
		URL:    "https://ucdp.uu.se/downloads/",
		Note: "Licensed under CC BY 4.0. Cite Gleditsch, Wallensteen, Eriksson, Sollenberg & Strand (2002), " +
			"Armed Conflict 1946-2001: A New Dataset, Journal of Peace Research 39(5), and the UCDP annual article for the release. " +
			"State names after Gleditsch & Ward (1999), A revised list of independent states since the congress of Vienna, International Interactions 25(4).",
	}
	if v := strings.TrimSpace(version); v != "" {
		if id := s.ID + "-" + v; conflict.CheckID(id) == nil {
			s.ID = id // a version that would make a malformed ID is only in the title
		}
		s.Title += ", version " + v
	}
	return s
}

// Columns of the file. The first six are required.
const (
	colConflict = iota
	colYear
	colA
	colA2
	colB
	colB2
	colSideB
	colVersion
)

var (
	required = []string{"conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd"}
	optional = []string{"side_b", "version"}
)

// The kinds of party a row names.
const (
	government = iota // the government of a state: an actor
	opposition        // the non-state side B of one conflict: an actor
	backer            // a state supporting a side with troops: a backer
)

// party is a node of the result: a government or backer by G-W code, or the
// opposition of a conflict by conflict ID.
type party struct {
	kind int
	code int
}

func compareParties(a, b party) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	return cmp.Compare(a.code, b.code)
}

// relKey names one relation of the result.
type relKey struct {
	kind     conflict.RelationKind
	from, to party
}

// stated is one year of a relation and the conflicts that state it; most
// years of most relations have one. more may repeat a conflict whose rows
// are not together.
type stated struct {
	year  int
	first int
	more  []int
}

func (s *stated) add(id int) {
	if s.first != id && (len(s.more) == 0 || s.more[len(s.more)-1] != id) {
		s.more = append(s.more, id)
	}
}

func (s *stated) all(yield func(int) bool) {
	if yield(s.first) {
		for _, id := range s.more {
			if !yield(id) {
				return
			}
		}
	}
}

// relYears is the years of one relation, in the order the rows give them.
type relYears struct {
	years []stated
	index map[int]int // year → its place in years, once there are many
}

func (r *relYears) add(year, id int) {
	i := -1
	if r.index != nil {
		if j, ok := r.index[year]; ok {
			i = j
		}
	} else {
		for j := len(r.years) - 1; j >= 0; j-- {
			if r.years[j].year == year {
				i = j
				break
			}
		}
	}
	if i >= 0 {
		r.years[i].add(id)
		return
	}
	r.years = append(r.years, stated{year: year, first: id})
	switch {
	case r.index != nil:
		r.index[year] = len(r.years) - 1
	case len(r.years) > 16:
		r.index = make(map[int]int, len(r.years))
		for j, s := range r.years {
			r.index[s.year] = j
		}
	}
}

// reader holds what Read has learnt so far.
type reader struct {
	opt      *Options
	keepConf map[int]bool
	version  string
	sideB    map[int][]string     // conflict → its side_b names
	rels     map[relKey]*relYears // relation → its years, and the conflicts that state it
	sideA    []party              // buffers for one row's sides
	sideBs   []party
}

// Read reads a UCDP/PRIO Armed Conflict Dataset CSV file from r and returns
// its backers, actors and relations: see the package documentation for the
// mapping. It reads the file as a stream, one row at a time, and stops at
// the first bad row with an [*Error] naming its row, column and value.
// A nil opt is the zero [Options].
func Read(r io.Reader, opt *Options) (conflict.Dataset, error) {
	if opt == nil {
		opt = &Options{}
	}
	if opt.From != 0 && opt.To != 0 && opt.From > opt.To {
		return conflict.Dataset{}, fmt.Errorf("ucdpacd: options: From (%d) is after To (%d)", opt.From, opt.To)
	}
	t, err := csvimport.NewTable(r, pkg, required, optional)
	if err != nil {
		return conflict.Dataset{}, err
	}
	rd := &reader{
		opt:   opt,
		sideB: map[int][]string{},
		rels:  map[relKey]*relYears{},
	}
	if len(opt.Conflicts) > 0 {
		rd.keepConf = map[int]bool{}
		for _, c := range opt.Conflicts {
			rd.keepConf[c] = true
		}
	}
	var as, a2s, bs, b2s []int
	for {
		rec, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return conflict.Dataset{}, err
		}
		if err := t.CheckUTF8(rec, colSideB, colVersion); err != nil {
			return conflict.Dataset{}, err
		}
		id, err := t.Int(rec, colConflict, 1, 1<<31-1, "invalid conflict ID")
		if err != nil {
			return conflict.Dataset{}, err
		}
		year, err := t.Int(rec, colYear, 1, 9999, "invalid year")
		if err != nil {
			return conflict.Dataset{}, err
		}
		if as, err = codes(t, rec, colA, as[:0]); err != nil {
			return conflict.Dataset{}, err
		}
		if len(as) == 0 {
			return conflict.Dataset{}, t.Fail(colA, "", ErrMissing, "empty: side A is a state")
		}
		if a2s, err = codes(t, rec, colA2, a2s[:0]); err != nil {
			return conflict.Dataset{}, err
		}
		if bs, err = codes(t, rec, colB, bs[:0]); err != nil {
			return conflict.Dataset{}, err
		}
		if b2s, err = codes(t, rec, colB2, b2s[:0]); err != nil {
			return conflict.Dataset{}, err
		}
		if t.Has(colVersion) && rd.version == "" {
			rd.version = strings.Clone(t.Cell(rec, colVersion))
		}
		if !rd.keep(id, year) {
			continue
		}
		rd.row(id, year, as, a2s, bs, b2s, t.Cell(rec, colSideB))
	}
	return rd.dataset(), nil
}

// keep reports whether the options keep a row.
func (rd *reader) keep(id, year int) bool {
	if rd.keepConf != nil && !rd.keepConf[id] {
		return false
	}
	return (rd.opt.From == 0 || year >= rd.opt.From) && (rd.opt.To == 0 || year <= rd.opt.To)
}

// row records the relations one row states.
func (rd *reader) row(id, year int, as, a2s, bs, b2s []int, sideB string) {
	sideA, sideBs := rd.sideA[:0], rd.sideBs[:0]
	for _, c := range as {
		sideA = append(sideA, party{government, c})
	}
	for _, c := range bs {
		sideBs = append(sideBs, party{government, c})
	}
	if len(sideBs) == 0 {
		sideBs = append(sideBs, party{opposition, id})
		if sideB != "" && !slices.Contains(rd.sideB[id], sideB) {
			rd.sideB[id] = append(rd.sideB[id], strings.Clone(sideB))
		}
	}
	for _, a := range sideA {
		for _, b := range sideBs {
			if a != b {
				x, y := a, b
				if compareParties(y, x) < 0 {
					x, y = y, x // fights is symmetric: one key per pair
				}
				rd.state(relKey{conflict.RelationFights, x, y}, year, id)
			}
		}
	}
	support := func(supporters []int, side []party) {
		for _, s := range supporters {
			for _, p := range side {
				if p.kind == government && p.code == s {
					continue // a state on a side does not back itself
				}
				rd.state(relKey{conflict.RelationSupports, party{backer, s}, p}, year, id)
			}
		}
	}
	support(a2s, sideA)
	support(b2s, sideBs)
	rd.sideA, rd.sideBs = sideA, sideBs
}

// state records that conflict id states relation k in year.
func (rd *reader) state(k relKey, year, id int) {
	r := rd.rels[k]
	if r == nil {
		r = &relYears{}
		rd.rels[k] = r
	}
	r.add(year, id)
}

// dataset builds the result, in an order that does not depend on the order
// of the rows.
func (rd *reader) dataset() conflict.Dataset {
	src := rd.opt.Source
	if src.ID == "" {
		src = Source(rd.version)
	}
	ds := conflict.Dataset{Sources: []conflict.Source{src}}
	keys := slices.SortedFunc(maps.Keys(rd.rels), compareRels)
	ids := map[party]string{}
	for _, k := range keys {
		for _, p := range []party{k.from, k.to} {
			if _, ok := ids[p]; !ok {
				ids[p] = partyID(p)
			}
		}
	}
	for _, p := range slices.SortedFunc(maps.Keys(ids), compareParties) {
		switch p.kind {
		case backer:
			name, note := stateName(p.code)
			ds.Backers = append(ds.Backers, conflict.Backer{ID: ids[p], Name: name, Kind: conflict.BackerState, Note: note})
		case government:
			name, note := stateName(p.code)
			ds.Actors = append(ds.Actors, conflict.Actor{ID: ids[p], Name: "Government of " + name, Kind: conflict.ActorGovernment, Note: note})
		case opposition:
			note := "The non-state side B of UCDP conflict " + strconv.Itoa(p.code) + "."
			if names := rd.sideB[p.code]; len(names) > 0 {
				slices.Sort(names)
				note += " UCDP names it: " + strings.Join(names, "; ") + "."
			}
			ds.Actors = append(ds.Actors, conflict.Actor{ID: ids[p], Name: "Opposition in UCDP conflict " + strconv.Itoa(p.code), Kind: conflict.ActorRebelGroup, Note: note})
		}
	}
	for _, k := range keys {
		years := rd.rels[k].years
		slices.SortFunc(years, func(a, b stated) int { return cmp.Compare(a.year, b.year) })
		for len(years) > 0 {
			// A run: consecutive years.
			n := 1
			for n < len(years) && years[n].year == years[n-1].year+1 {
				n++
			}
			run := years[:n]
			years = years[n:]
			rel := conflict.Relation{
				Kind:    k.kind,
				From:    ids[k.from],
				To:      ids[k.to],
				Start:   conflict.Year(run[0].year),
				End:     conflict.Year(run[n-1].year),
				Sources: []string{src.ID},
				Note:    runNote(k.kind, run),
			}
			if k.kind == conflict.RelationSupports {
				rel.Support = conflict.SupportTroops
			}
			ds.Relations = append(ds.Relations, rel)
		}
	}
	return ds
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

// runNote says which conflicts, in which years, state a run of years of a
// relation: "troops; UCDP conflicts 299 (2015-2024), 13604 (2016-2024)".
func runNote(kind conflict.RelationKind, run []stated) string {
	var b []byte
	if kind == conflict.RelationSupports {
		b = append(b, "troops; "...)
	}
	b = append(b, "UCDP conflict"...)
	single := &run[0]
	for i := range run {
		if s := &run[i]; s.first != single.first || s.more != nil {
			single = nil
			break
		}
	}
	if single != nil { // the common case: one conflict in every year
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(single.first), 10)
		b = append(b, " ("...)
		b = appendYears(b, run[0].year, run[len(run)-1].year)
		return string(append(b, ')'))
	}
	byConflict := map[int][]int{}
	for i := range run {
		for id := range run[i].all {
			if ys := byConflict[id]; len(ys) == 0 || ys[len(ys)-1] != run[i].year {
				byConflict[id] = append(ys, run[i].year)
			}
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
		years := byConflict[c]
		for i := 0; i < len(years); {
			j := i
			for j+1 < len(years) && years[j+1] == years[j]+1 {
				j++
			}
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendYears(b, years[i], years[j])
			i = j + 1
		}
		b = append(b, ')')
	}
	return string(b)
}

// appendYears appends "2015" or "2015-2024".
func appendYears(b []byte, from, to int) []byte {
	b = strconv.AppendInt(b, int64(from), 10)
	if to > from {
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(to), 10)
	}
	return b
}

// stateName returns the name of the state with G-W code c, and a note that
// gives the code.
func stateName(c int) (name, note string) {
	if n, ok := gwNames[c]; ok {
		return n, fmt.Sprintf("Gleditsch-Ward state %d.", c)
	}
	return fmt.Sprintf("Gleditsch-Ward state %d", c), fmt.Sprintf("Gleditsch-Ward code %d is not in the package's table of state names.", c)
}

// partyID returns the ID of a party: the slug of a state's name for a
// backer ("russia"), with "-government" for a government
// ("syria-government"); "conflict-299-opposition" for an opposition.
func partyID(p party) string {
	switch p.kind {
	case opposition:
		return "conflict-" + strconv.Itoa(p.code) + "-opposition"
	case government:
		return stateSlug(p.code) + "-government"
	}
	return stateSlug(p.code)
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

// codes appends the Gleditsch-Ward codes in column i to dst: none if the cell
// is empty, several if it lists them separated by commas, as UCDP's own
// files do ("365, 630").
func codes(t *csvimport.Table, rec []string, i int, dst []int) ([]int, error) {
	s := t.Cell(rec, i)
	if s == "" {
		return dst, nil
	}
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 9999 {
			return dst, t.Fail(i, s, ErrInvalid, "invalid Gleditsch-Ward code")
		}
		if !slices.Contains(dst, n) {
			dst = append(dst, n)
		}
	}
	return dst, nil
}
