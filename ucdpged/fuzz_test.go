package ucdpged_test

import (
	"testing"

	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/ucdpged"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row, that whatever it accepts a Conflict accepts, the
// same every time, and that the library finds no disagreement among the
// fights spans.
func FuzzRead(f *testing.F) {
	csvtest.AddFiles(f, 0)
	f.Add([]byte(events), 0)
	f.Add([]byte(file(good, with(func(r *gedRow) { r.id = "2"; r.start = "2016-01-30"; r.end = "2016-02-02"; r.datePrec = "2" }))), 3)
	f.Fuzz(func(t *testing.T, data []byte, maxGap int) {
		importer.Fuzz(t, data, &ucdpged.Options{MaxGap: max(0, maxGap%400)})
	})
}
