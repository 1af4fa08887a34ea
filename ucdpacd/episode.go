package ucdpacd

import (
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// cyKey names a conflict-year.
type cyKey struct{ conflict, year int }

// window is a run of days, lo to hi.
type window struct{ lo, hi csvimport.Day }

// conflictYear is what the rows of one conflict in one year say.
type conflictYear struct {
	sideA, sideB, backA, backB partySet
	intensity                  int // the highest intensity_level; 0 if none is given
	incompat, typ, region      stringSet

	epSeen bool // a row has given the episode's dates
	act    window
	// startExact: act.lo is the day of the episode's first battle-related
	// death; endExact: act.hi is the day the episode ended.
	startExact, endExact bool
	ended                bool // ep_end is 1: the episode ended in the year
	goesOn               bool // ep_end is 0: it did not
}

// single reports whether the conflict was fought between one party on each
// side in the year: then the episode's dates are those of the fighting
// between them.
func (cy *conflictYear) single() bool { return len(cy.sideA) == 1 && len(cy.sideB) == 1 }

// epRow is what one row says of its conflict's episode in the year.
type epRow struct {
	act                  window
	startExact, endExact bool
	ended, goesOn        bool
}

// merge adds what one row says of the episode: the earliest start and the
// latest end any row gives, whatever the order of the rows.
func (cy *conflictYear) merge(ep epRow) {
	cy.ended = cy.ended || ep.ended
	cy.goesOn = cy.goesOn || ep.goesOn
	if !cy.epSeen {
		cy.epSeen, cy.act, cy.startExact, cy.endExact = true, ep.act, ep.startExact, ep.endExact
		return
	}
	switch {
	case ep.act.lo < cy.act.lo:
		cy.act.lo, cy.startExact = ep.act.lo, ep.startExact
	case ep.act.lo == cy.act.lo:
		cy.startExact = cy.startExact || ep.startExact
	}
	switch {
	case ep.act.hi > cy.act.hi:
		cy.act.hi, cy.endExact = ep.act.hi, ep.endExact
	case ep.act.hi == cy.act.hi:
		cy.endExact = cy.endExact || ep.endExact
	}
}

// episode reads what a row of the given year, whose first and last days
// are jan1 and dec31, says of its conflict's episode: from start_date2, the
// first battle-related death of the episode (or start_date, of the
// conflict, when start_date2 is not given), if it falls in the year, to
// ep_end_date, if the episode ended in the year. A date whose precision is
// not 1 (the day) is read as somewhere in the year.
func (rd *reader) episode(rec []string, year int, jan1, dec31 csvimport.Day) (epRow, error) {
	t := rd.t
	ep := epRow{act: window{jan1, dec31}}
	start, startOK, err := rd.epDate(rec, colStart, colStartPrec, year)
	if err != nil {
		return ep, err
	}
	start2, start2OK, err := rd.epDate(rec, colStart2, colStartPrec2, year)
	if err != nil {
		return ep, err
	}
	if startOK && start2OK && start > start2 {
		return ep, t.Fail(colStart, t.Cell(rec, colStart), ErrInvalid, "after start_date2: the conflict began before the episode")
	}
	first, firstCol, firstPrec, firstOK := start2, colStart2, colStartPrec2, start2OK
	if t.Cell(rec, colStart2) == "" {
		first, firstCol, firstPrec, firstOK = start, colStart, colStartPrec, startOK
	}
	if firstOK && first.Year() > year {
		return ep, t.Fail(firstCol, t.Cell(rec, firstCol), ErrInvalid, "after the row's year")
	}
	if firstOK && first.Year() == year && rd.precise(rec, firstPrec) {
		if !csvimport.Knowable(rd.published, first) {
			return ep, t.Fail(firstCol, t.Cell(rec, firstCol), ErrInvalid, "after the source's publication, "+rd.published.String())
		}
		ep.act.lo, ep.startExact = first, true
	}

	switch v := t.Cell(rec, colEpEnd); v {
	case "":
	case "0":
		ep.goesOn = true
	case "1":
		ep.ended = true
	default:
		return ep, t.Fail(colEpEnd, v, ErrInvalid, "invalid ep_end: want 0 or 1")
	}
	end, endOK, err := rd.epDate(rec, colEpEndDate, colEpEndPrec, year)
	if err != nil {
		return ep, err
	}
	if !endOK || !ep.ended {
		return ep, nil // an end date where the episode did not end is not read
	}
	if end.Year() != year {
		return ep, t.Fail(colEpEndDate, t.Cell(rec, colEpEndDate), ErrInvalid, "not in the row's year, in which the episode ended")
	}
	if end < ep.act.lo {
		return ep, t.Fail(colEpEndDate, t.Cell(rec, colEpEndDate), ErrInvalid, "before the episode began")
	}
	if rd.precise(rec, colEpEndPrec) {
		ep.act.hi, ep.endExact = end, true
	}
	return ep, nil
}

// epDate reads the date in column col, if any, and checks the precision in
// column prec: a day in the years 1 to 9998, and a whole number from 1 to
// 9. ok is false when the cell is empty.
func (rd *reader) epDate(rec []string, col, prec, year int) (d csvimport.Day, ok bool, err error) {
	t := rd.t
	if v := t.Cell(rec, prec); v != "" {
		if _, err := t.Int(rec, prec, 1, 9, "invalid precision: want a code from 1 to 9"); err != nil {
			return 0, false, err
		}
	}
	v := t.Cell(rec, col)
	if v == "" {
		return 0, false, nil
	}
	d, ok = csvimport.ParseDay(v)
	if !ok {
		return 0, false, t.Fail(col, v, ErrInvalid, "invalid date: want YYYY-MM-DD")
	}
	if d.Year() > 9998 {
		return 0, false, t.Fail(col, v, ErrInvalid, "date out of range: want a year from 1 to 9998")
	}
	return d, true, nil
}

// precise reports whether the precision in column prec says the day is
// known: 1, or no precision given.
func (rd *reader) precise(rec []string, prec int) bool {
	v := rd.t.Cell(rec, prec)
	return v == "" || v == "1"
}
