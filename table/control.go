package table

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/days"
)

// controlColumns are the columns of the control table.
var controlColumns = []Column{
	{"place", TypeString, false},
	{"place_name", TypeString, true},
	{"from_day", TypeDate, false},
	{"to_day", TypeDate, false},
	{"state", TypeString, false},
	{"holder", TypeString, true},
	{"holder_name", TypeString, true},
	{"certainty", TypeString, false},
	{"claimants", TypeList, false},
	{"besiegers", TypeList, false},
	{"besieged", TypeString, false},
	{"contenders", TypeList, false},
	{"rolled_up", TypeBool, false},
	{"sources", TypeList, false},
}

// The positions of the day columns of controlColumns.
const fromDayColumn, toDayColumn = 2, 3

// ControlAt returns the control table of rec at instant at: one row per
// location, sorted by ID, with who holds it then (conflict.Moment.Controller).
// from_day and to_day are both the day of at in at's location: give at in
// the record's time zone (at.In(c.Zone())).
func ControlAt(rec conflict.Record, at time.Time) Table {
	m := rec.At(at)
	d := dayValue(days.In(at, at.Location()))
	t := Table{Name: "control", Columns: controlColumns}
	for _, loc := range locations(rec) {
		t.Rows = append(t.Rows, controlCells(rec, loc, d, d, m.Controller(loc.ID)))
	}
	return t
}

// ControlOver returns the control table of rec over the days from the day of
// from up to, not including, the day of to, days of from's location: give
// from and to in the record's time zone (from.In(c.Zone())). It has one row
// per location per run of days on which the location gets the same answer,
// sorted by location ID and then by day; a run ends where the range does.
// A range of no days gives a table of no rows.
//
// It asks who holds a place only on the days on which the answer may change
// (the first day of the window of each date that bounds a tie on the place
// or a place within it, and the day after the last) and on from's day, so it
// costs one conflict.Moment.Controller call per place per such day in the
// range, not per day.
func ControlOver(rec conflict.Record, from, to time.Time) Table {
	zone := from.Location()
	first, end := days.In(from, zone), days.In(to, zone)
	t := Table{Name: "control", Columns: controlColumns}
	if end <= first {
		return t
	}
	locs := locations(rec)
	changes := changeDays(rec, locs)
	for _, loc := range locs {
		ds := []days.Day{first}
		for d := range changes[loc.ID] {
			if d > first && d < end {
				ds = append(ds, d)
			}
		}
		slices.Sort(ds)
		var runs []Row
		for i, d := range ds {
			last := end - 1
			if i+1 < len(ds) {
				last = ds[i+1] - 1
			}
			row := controlCells(rec, loc, dayValue(d), dayValue(last), rec.At(d.Midnight(zone)).Controller(loc.ID))
			if n := len(runs); n > 0 && sameAnswer(runs[n-1], row) {
				runs[n-1][toDayColumn] = row[toDayColumn]
				continue
			}
			runs = append(runs, row)
		}
		t.Rows = append(t.Rows, runs...)
	}
	return t
}

// Span returns the first and the last day on which an answer about rec may
// change, as day-precise Dates: the first day of the earliest window of a
// date that bounds a tie, and the day after the last day of the latest, on
// which every change has surely taken effect. ControlOver from the first to
// the day after the last covers every change and the answer after them all.
// Both are the zero Date if no tie of rec is dated. It costs one pass over
// the ties.
func Span(rec conflict.Record) (first, last conflict.Date) {
	set := map[days.Day]bool{}
	for tie := range rec.Ties() {
		edges(set, tie.Start)
		edges(set, tie.End)
	}
	if len(set) == 0 {
		return conflict.Date{}, conflict.Date{}
	}
	lo, hi := slices.Min(slices.Collect(maps.Keys(set))), slices.Max(slices.Collect(maps.Keys(set)))
	return conflict.DateOf(lo.Time()), conflict.DateOf(hi.Time())
}

// changeDays returns, for each location, the days on which an answer about it
// may change: the edges of the bounds of the ties to it and to the places
// within it.
func changeDays(rec conflict.Record, locs []conflict.Location) map[string]map[days.Day]bool {
	own := map[string]map[days.Day]bool{}
	for _, loc := range locs {
		own[loc.ID] = map[days.Day]bool{}
	}
	for tie := range rec.Ties() {
		if set, ok := own[tie.To]; ok {
			edges(set, tie.Start)
			edges(set, tie.End)
		}
	}
	// Each place's days reach every place it lies within.
	all := map[string]map[days.Day]bool{}
	for _, loc := range locs {
		all[loc.ID] = maps.Clone(own[loc.ID])
	}
	within := map[string]string{}
	for _, loc := range locs {
		within[loc.ID] = loc.Within
	}
	for _, loc := range locs {
		seen := map[string]bool{loc.ID: true}
		for up := within[loc.ID]; up != "" && !seen[up]; up = within[up] {
			seen[up] = true
			if set, ok := all[up]; ok {
				maps.Copy(set, own[loc.ID])
			}
		}
	}
	return all
}

// controlCells returns the values of controlColumns for loc over the days
// from first to last, with answer ctl.
func controlCells(rec conflict.Record, loc conflict.Location, first, last time.Time, ctl conflict.Control) Row {
	sources := []string{}
	if ctl.Holder != "" && !ctl.RolledUp {
		sources = list(ctl.Tie.Sources())
	}
	return Row{
		loc.ID, orNil(loc.Name), first, last,
		ctl.State.String(), orNil(ctl.Holder), nameOrNil(rec, ctl.Holder), ctl.Certainty.String(),
		list(ctl.Claimants), list(ctl.Besiegers), ctl.Besieged.String(), list(ctl.Contenders),
		ctl.RolledUp, sources,
	}
}

// sameAnswer reports whether two rows of the control table give the same
// answer: equal in every column but the days.
func sameAnswer(a, b Row) bool {
	for i := range a {
		if i == fromDayColumn || i == toDayColumn {
			continue
		}
		switch x := a[i].(type) {
		case []string:
			if !slices.Equal(x, b[i].([]string)) {
				return false
			}
		default:
			if a[i] != b[i] {
				return false
			}
		}
	}
	return true
}

// locations returns the locations of rec, sorted by ID.
func locations(rec conflict.Record) []conflict.Location {
	return slices.SortedFunc(rec.Locations(), func(a, b conflict.Location) int { return cmp.Compare(a.ID, b.ID) })
}
