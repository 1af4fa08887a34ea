package ucdpacd

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// Options tunes [Read]. The zero Options reads every conflict and year,
// cites the [Source] of the version the file names, if any, and stops at
// the first bad row.
type Options struct {
	// Source is the source every relation cites. If its ID is empty, Read
	// uses Source(v), v being the value of the file's version column (the
	// UCDP release, such as "25.1"), or "" if it has none. A row dated
	// after the source's publication is an error: the source cannot vouch
	// for it.
	Source conflict.Source

	// Conflicts, if not empty, keeps only the conflicts with these UCDP
	// conflict IDs.
	Conflicts []int

	// From and To, if not zero, keep only the years from From to To,
	// inclusive.
	From, To int

	// KeepGoing makes Read skip a bad row, report it and read the rest of
	// the file; see [Read].
	KeepGoing bool
}

// Source returns the source that describes the UCDP/PRIO Armed Conflict
// Dataset of the given version (a UCDP release such as "25.1"; "" if
// unknown): its ID is "ucdp-acd" or "ucdp-acd-" and the version, and its
// note gives the licence and the citations UCDP asks for. It has no
// publication date.
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
	colSideBID
	colIncompat
	colIntensity
	colType
	colRegion
	colStart
	colStartPrec
	colStart2
	colStartPrec2
	colEpEnd
	colEpEndDate
	colEpEndPrec
	colVersion
)

var (
	required = []string{"conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd"}
	optional = []string{"side_b", "side_b_id", "incompatibility", "intensity_level", "type_of_conflict", "region",
		"start_date", "start_prec", "start_date2", "start_prec2", "ep_end", "ep_end_date", "ep_end_prec", "version"}
)

// reader holds what Read has learnt so far.
type reader struct {
	t         *csvimport.Table
	opt       *Options
	published conflict.Date // of opt.Source; zero if none is given
	keepConf  map[int]bool
	version   string
	years     map[cyKey]*conflictYear
	named     map[party]*namedActor // the named actors of side B, by party
	last      map[int]int           // the last year of each conflict in the rows kept
	as, a2s   []int                 // buffers for one row's codes
	bs, b2s   []int
	ids       []int
	names     []string
}

// Read reads a UCDP/PRIO Armed Conflict Dataset CSV file from r and returns
// its backers, actors and relations: see the package documentation for the
// mapping. It reads the file as a stream, one row at a time, and keeps
// what it needs of each conflict-year. A nil opt is the zero [Options].
//
// By default Read stops at the first bad row and returns no records and an
// [*Error] naming its row, column and value. With opt.KeepGoing it skips
// each bad row, leaving no trace of it, and reads the rest: it then returns
// the records of the good rows and, if it skipped any, an error that
// wraps [ErrSkipped] (test with errors.Is): the errors of the skipped rows
// joined with [errors.Join], after a summary that counts them ("ucdpacd:
// bad rows skipped: 2 of 317"), each skipped row's an [*Error]. Any other
// error (bad options, a header it cannot read, a reader that fails) means
// that nothing was read, in either mode.
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
		t:         t,
		opt:       opt,
		published: opt.Source.Published,
		years:     map[cyKey]*conflictYear{},
		named:     map[party]*namedActor{},
	}
	if opt.Source.ID == "" {
		rd.published = conflict.Date{}
	}
	if len(opt.Conflicts) > 0 {
		rd.keepConf = map[int]bool{}
		for _, c := range opt.Conflicts {
			rd.keepConf[c] = true
		}
	}
	skipped, err := t.Each(opt.KeepGoing, rd.row)
	if err != nil {
		return conflict.Dataset{}, err
	}
	return rd.dataset(), skipped
}

// keep reports whether the options keep a row.
func (rd *reader) keep(id, year int) bool {
	if rd.keepConf != nil && !rd.keepConf[id] {
		return false
	}
	return (rd.opt.From == 0 || year >= rd.opt.From) && (rd.opt.To == 0 || year <= rd.opt.To)
}

// row reads one row. It checks every cell before it records anything, so
// that a bad row leaves no trace.
func (rd *reader) row(rec []string) error {
	t := rd.t
	if err := t.CheckUTF8(rec); err != nil {
		return err
	}
	id, err := t.Int(rec, colConflict, 1, 1<<31-1, "invalid conflict ID")
	if err != nil {
		return err
	}
	year, err := t.Int(rec, colYear, 1, 9999, "invalid year")
	if err != nil {
		return err
	}
	jan1, dec31 := csvimport.YearDays(year)
	if !csvimport.Knowable(rd.published, jan1) {
		return t.Fail(colYear, t.Cell(rec, colYear), ErrInvalid, "after the source's publication, "+rd.published.String())
	}
	if rd.as, err = codes(t, rec, colA, rd.as[:0]); err != nil {
		return err
	}
	if len(rd.as) == 0 {
		return t.Fail(colA, "", ErrMissing, "empty: side A is a state")
	}
	if rd.a2s, err = codes(t, rec, colA2, rd.a2s[:0]); err != nil {
		return err
	}
	if rd.bs, err = codes(t, rec, colB, rd.bs[:0]); err != nil {
		return err
	}
	if rd.b2s, err = codes(t, rec, colB2, rd.b2s[:0]); err != nil {
		return err
	}
	if len(rd.bs) == 0 {
		if err := rd.sideB(rec); err != nil {
			return err
		}
	}
	intensity := 0
	if t.Cell(rec, colIntensity) != "" {
		if intensity, err = t.Int(rec, colIntensity, 1, 2, "invalid intensity_level: want 1 or 2"); err != nil {
			return err
		}
	}
	ep, err := rd.episode(rec, year, jan1, dec31)
	if err != nil {
		return err
	}

	// The row is good: record it.
	if t.Has(colVersion) && rd.version == "" {
		rd.version = strings.Clone(t.Cell(rec, colVersion))
	}
	if !rd.keep(id, year) {
		return nil
	}
	k := cyKey{id, year}
	cy := rd.years[k]
	if cy == nil {
		cy = &conflictYear{act: window{jan1, dec31}}
		rd.years[k] = cy
	}
	for _, c := range rd.as {
		cy.sideA.add(party{kind: state, code: c})
	}
	if len(rd.bs) > 0 {
		for _, c := range rd.bs {
			cy.sideB.add(party{kind: state, code: c})
		}
	} else if len(rd.names) == 0 {
		cy.sideB.add(party{kind: opposition, code: id})
	} else {
		for i, name := range rd.names {
			p := party{kind: namedByName, key: conflict.FoldName(name)}
			if rd.ids != nil {
				p = party{kind: namedByID, code: rd.ids[i]}
			}
			cy.sideB.add(p)
			rd.namedActor(p, name, id, year)
		}
	}
	for _, c := range rd.a2s {
		cy.backA.add(party{kind: state, code: c})
	}
	for _, c := range rd.b2s {
		cy.backB.add(party{kind: state, code: c})
	}
	cy.intensity = max(cy.intensity, intensity)
	cy.incompat.add(t.Cell(rec, colIncompat))
	cy.typ.add(t.Cell(rec, colType))
	cy.region.add(t.Cell(rec, colRegion))
	cy.merge(ep)
	return nil
}

// sideB reads the named actors of a non-state side B into rd.names and,
// when the file gives their UCDP actor IDs, rd.ids (nil otherwise): none
// when the row names none.
func (rd *reader) sideB(rec []string) error {
	t := rd.t
	rd.names, rd.ids = rd.names[:0], nil
	for n := range strings.SplitSeq(t.Cell(rec, colSideB), ",") {
		if n = strings.TrimSpace(n); n != "" {
			rd.names = append(rd.names, n)
		}
	}
	raw := t.Cell(rec, colSideBID)
	if raw == "" {
		return nil
	}
	ids, err := actorIDs(t, rec, raw)
	if err != nil {
		return err
	}
	switch {
	case len(rd.names) == 0:
		for _, id := range ids {
			rd.names = append(rd.names, "UCDP actor "+strconv.Itoa(id))
		}
	case len(rd.names) != len(ids):
		return t.Fail(colSideBID, raw, ErrInvalid,
			fmt.Sprintf("%d actor IDs for the %d names of side_b", len(ids), len(rd.names)))
	}
	rd.ids = ids
	return nil
}

// actorIDs reads the UCDP actor IDs of side_b_id, raw, in the order given.
func actorIDs(t *csvimport.Table, rec []string, raw string) ([]int, error) {
	var ids []int
	for part := range strings.SplitSeq(raw, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 0 {
			return nil, t.Fail(colSideBID, raw, ErrInvalid, "invalid UCDP actor ID")
		}
		ids = append(ids, n)
	}
	return ids, nil
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
		if !containsInt(dst, n) {
			dst = append(dst, n)
		}
	}
	return dst, nil
}

func containsInt(s []int, n int) bool {
	for _, x := range s {
		if x == n {
			return true
		}
	}
	return false
}
