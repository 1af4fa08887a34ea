package acled_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/acled"
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
	f.Add([]byte(events))
	f.Add([]byte(header + row(good) + row(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "2016-03", "|1|Political", "|3|Political").Replace(good))))
	f.Add([]byte(header + row(good) + row(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "28 March 2016", "Military Forces of Syria (2000-2024)", "Islamic State (Syria)", "|1|Islamic", "|2|Islamic").Replace(good))))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := acled.Read(bytes.NewReader(data), nil)
		if err != nil {
			var e *acled.Error
			if !errors.As(err, &e) || e.Row < 1 {
				t.Fatalf("error %q is not an *Error with a row", err)
			}
			var pe *csv.ParseError
			if !errors.Is(err, acled.ErrMissing) && !errors.Is(err, acled.ErrInvalid) && !errors.As(err, &pe) {
				t.Fatalf("error %q is of no category", err)
			}
			return
		}
		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			t.Fatalf("Add rejects what Read accepts: %v", err)
		}
		again, err := acled.Read(bytes.NewReader(data), nil)
		if err != nil {
			t.Fatalf("second Read: %v", err)
		}
		if diff := cmp.Diff(ds, again); diff != "" {
			t.Fatalf("two Reads differ (-first +second):\n%s", diff)
		}
	})
}
