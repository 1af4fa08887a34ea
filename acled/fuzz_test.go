package acled_test

import (
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/internal/csvtest"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row, and that whatever it accepts a Conflict accepts,
// the same every time.
func FuzzRead(f *testing.F) {
	csvtest.AddFiles(f)
	f.Add([]byte(events))
	f.Add([]byte(header + row(good) + row(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "2016-03", "|1|Political", "|3|Political").Replace(good))))
	f.Add([]byte(header + row(good) + row(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "28 March 2016", "Military Forces of Syria (2000-2024)", "Islamic State (Syria)", "|1|Islamic", "|2|Islamic").Replace(good))))
	f.Fuzz(func(t *testing.T, data []byte) { importer.Fuzz(t, data, nil) })
}
