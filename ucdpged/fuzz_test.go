package ucdpged_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/ucdpged"
	"github.com/google/go-cmp/cmp"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row, that whatever it accepts a Conflict accepts, the
// same every time, and that the library finds no disagreement among the
// fights spans.
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
		f.Add(data, 0)
	}
	f.Add([]byte(events), 0)
	f.Add([]byte(file(good, with(func(r *gedRow) { r.id = "2"; r.start = "2016-01-30"; r.end = "2016-02-02"; r.datePrec = "2" }))), 3)
	f.Fuzz(func(t *testing.T, data []byte, maxGap int) {
		opt := &ucdpged.Options{MaxGap: max(0, maxGap%400)}
		ds, err := ucdpged.Read(bytes.NewReader(data), opt)
		if err != nil {
			var e *ucdpged.Error
			if !errors.As(err, &e) || e.Row < 1 {
				t.Fatalf("error %q is not an *Error with a row", err)
			}
			var pe *csv.ParseError
			if !errors.Is(err, ucdpged.ErrMissing) && !errors.Is(err, ucdpged.ErrInvalid) && !errors.As(err, &pe) {
				t.Fatalf("error %q is of no category", err)
			}
			return
		}
		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			t.Fatalf("Add rejects what Read accepts: %v", err)
		}
		for tie := range c.Ties() {
			if tie.Start.Disputed() || tie.End.Disputed() {
				t.Fatalf("tie %v has disputed ends", tie)
			}
		}
		again, err := ucdpged.Read(bytes.NewReader(data), opt)
		if err != nil {
			t.Fatalf("second Read: %v", err)
		}
		if diff := cmp.Diff(ds, again); diff != "" {
			t.Fatalf("two Reads differ (-first +second):\n%s", diff)
		}
	})
}
