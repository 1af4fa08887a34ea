package table

import (
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/days"
)

// dateColumns returns the columns of a date named prefix: its precision,
// the first and the last day it may fall on, and, with disputed, the first
// day of the latest date claimed when the claims disagree. Every one may be
// null, for an open bound, unless required.
func dateColumns(prefix string, disputed, required bool) []Column {
	cols := []Column{
		{prefix + "_precision", TypeString, !required},
		{prefix + "_earliest", TypeDate, !required},
		{prefix + "_latest", TypeDate, !required},
	}
	if disputed {
		cols = append(cols, Column{prefix + "_last", TypeDate, true})
	}
	return cols
}

// boundCells appends the values of dateColumns(prefix, true, false) for b:
// nulls for an open bound.
func boundCells(row Row, b conflict.Bound) Row {
	if b.IsOpen() {
		return append(row, nil, nil, nil, nil)
	}
	earliest, latest := window(b.Date)
	var last any
	if b.Disputed() {
		first, end := window(b.Last)
		last = first
		if end.After(latest) {
			latest = end
		}
	}
	return append(row, b.Date.Precision().String(), earliest, latest, last)
}

// dateCells appends the values of dateColumns(prefix, false, false) for d:
// nulls for the zero Date.
func dateCells(row Row, d conflict.Date) Row {
	if d.IsZero() {
		return append(row, nil, nil, nil)
	}
	first, last := window(d)
	return append(row, d.Precision().String(), first, last)
}

// window returns the first and the last day of d's window, as midnights
// UTC.
func window(d conflict.Date) (first, last time.Time) {
	start, end := d.Window()
	return start, end.AddDate(0, 0, -1)
}

// dayValue returns day d as a day column's value: midnight UTC starting it.
func dayValue(d days.Day) time.Time { return d.Time() }

// edges adds to set the days on which an answer may change at b: the first
// day of the window of each date claimed and the day after its last.
func edges(set map[days.Day]bool, b conflict.Bound) {
	for _, d := range []conflict.Date{b.Date, b.Last} {
		if d.IsZero() {
			continue
		}
		start, end := d.Window()
		set[days.Of(start)] = true
		set[days.Of(end)] = true
	}
}
