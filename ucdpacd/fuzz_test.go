package ucdpacd_test

import (
	"testing"

	"github.com/conflictgraph/conflict/internal/csvtest"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row, and that whatever it accepts a Conflict accepts,
// the same every time.
func FuzzRead(f *testing.F) {
	csvtest.AddFiles(f)
	f.Add([]byte(syria))
	f.Add([]byte(header + "299,2016,\"652, 2\",\"365,630\",2,652\n"))
	f.Add([]byte("\ufeffCONFLICT_ID, Year ,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,version\n1,1,1,1,1,1,v 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) { importer.Fuzz(t, data, nil) })
}
