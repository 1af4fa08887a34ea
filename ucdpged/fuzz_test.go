package ucdpged_test

import (
	"testing"

	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/ucdpged"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row (after a summary, when it skips rows), that
// whatever it accepts a Conflict accepts, the same every time, and that
// the library finds no disagreement among the fights spans; strictly and
// in keep-going mode.
func FuzzRead(f *testing.F) {
	csvtest.AddFiles(f, 0, false)
	csvtest.AddFiles(f, 30, true)
	f.Add([]byte(events), 0, false)
	f.Add([]byte(file(good, with(func(r *gedRow) { r.id = "2"; r.start = "2016-01-30"; r.end = "2016-02-02"; r.datePrec = "2" }))), 3, true)
	f.Add([]byte(file(good)+"2,1\n"+with(func(r *gedRow) { r.id = "3" }).csv()), 0, true)
	f.Fuzz(func(t *testing.T, data []byte, maxGap int, keepGoing bool) {
		importer.Fuzz(t, data, &ucdpged.Options{MaxGap: max(0, maxGap%400), KeepGoing: keepGoing})
	})
}

// FuzzRow fuzzes the cells of one row, written as well-formed CSV between
// good rows of the same sides, so that the fuzzer works on what the cells
// hold (hostile text, dates and windows, codes, names that clash) rather
// than on the CSV around them.
func FuzzRow(f *testing.F) {
	add := func(r gedRow, maxGap int, keepGoing bool) {
		f.Add(keepGoing, maxGap, r.id, r.typ, r.sideA, r.sideAID, r.sideB, r.sideBID, r.wherePrec, r.where, r.adm1,
			r.lat, r.lon, r.country, r.datePrec, r.start, r.end, r.best)
	}
	add(with(func(r *gedRow) { r.id = "2" }), 0, false)
	add(with(func(r *gedRow) { r.id, r.start, r.end, r.datePrec = "2", "2016-01-31", "2016-02-01", "2" }), 0, true)
	add(with(func(r *gedRow) { r.id, r.start, r.end, r.datePrec = "2", "2016-02-01", "2016-02-29", "4" }), 7, false)
	add(with(func(r *gedRow) { r.id, r.start, r.end, r.datePrec = "2", "2015-12-30", "2016-01-02", "2" }), 0, false)
	add(with(func(r *gedRow) { r.id, r.typ, r.sideB, r.sideBID = "2", "3", "Civilians", "1" }), 0, true)
	add(with(func(r *gedRow) { r.id, r.sideA, r.sideAID = "2", "Aleppo town", "7" }), 0, false)
	add(with(func(r *gedRow) { r.id, r.where, r.wherePrec = "2", "Aleppo governorate", "2" }), 0, false)
	add(with(func(r *gedRow) { r.id, r.sideB = "2", "Syrian\xffinsurgents" }), 0, true)
	add(with(func(r *gedRow) { r.id, r.start, r.end = "2", "9998-12-31", "9998-12-31" }), 0, false)
	f.Fuzz(func(t *testing.T, keepGoing bool, maxGap int, id, typ, sideA, sideAID, sideB, sideBID, wherePrec, where, adm1,
		lat, lon, country, datePrec, start, end, best string) {
		r := gedRow{id, typ, sideA, sideAID, sideB, sideBID, wherePrec, where, adm1, lat, lon, country, datePrec, start, end, best}
		later := with(func(r *gedRow) { r.id, r.start, r.end = "9", "2016-02-03", "2016-02-05" })
		importer.Fuzz(t, []byte(file(good, r, later)), &ucdpged.Options{MaxGap: max(0, maxGap%400), KeepGoing: keepGoing})
	})
}
