package ucdpacd_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/ucdpacd"
	"github.com/google/go-cmp/cmp"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row, and that whatever it accepts a Conflict accepts,
// the same every time.
func FuzzRead(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(syria))
	f.Add([]byte(header + "299,2016,\"652, 2\",\"365,630\",2,652\n"))
	f.Add([]byte("\ufeffCONFLICT_ID, Year ,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,version\n1,1,1,1,1,1,v 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ucdpacd.Read(bytes.NewReader(data), nil)
		if err != nil {
			var e *ucdpacd.Error
			if !errors.As(err, &e) || e.Row < 1 {
				t.Fatalf("error %q is not an *Error with a row", err)
			}
			var pe *csv.ParseError
			if !errors.Is(err, ucdpacd.ErrMissing) && !errors.Is(err, ucdpacd.ErrInvalid) && !errors.As(err, &pe) {
				t.Fatalf("error %q is of no category", err)
			}
			return
		}
		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			t.Fatalf("Add rejects what Read accepts: %v", err)
		}
		again, err := ucdpacd.Read(bytes.NewReader(data), nil)
		if err != nil {
			t.Fatalf("second Read: %v", err)
		}
		if diff := cmp.Diff(ds, again); diff != "" {
			t.Fatalf("two Reads differ (-first +second):\n%s", diff)
		}
	})
}
