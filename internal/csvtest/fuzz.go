package csvtest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// AddFiles adds every testdata/*.csv file to f's seed corpus, each followed
// by the values extra, for a fuzz function that takes more than the file.
func AddFiles(f *testing.F, extra ...any) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(append([]any{data}, extra...)...)
	}
}

// Fuzz reads data with opt and checks what must hold of any input: Read
// does not panic; every problem it reports is an E that names a row, in a
// message that begins with the package's name and the row, and wraps one
// of the categories, if the package has them; a Read that fails returns
// no records, and one that skipped bad rows (in keep-going mode) returns
// a summary that wraps Skipped before the problems; whatever Read returns
// as read, a Conflict accepts whole (or rejects with *conflict.Errors of the
// categories in Rejects), and satisfies the importer's Invariant; and a
// second Read returns the same.
func (imp Importer[O, E]) Fuzz(t testing.TB, data []byte, opt *O) {
	t.Helper()
	ds, err := imp.Read(bytes.NewReader(data), opt)
	if err != nil {
		problems := Problems(err)
		skipped := imp.Skipped != nil && errors.Is(err, imp.Skipped)
		if skipped {
			if !errors.Is(problems[0], imp.Skipped) || len(problems) < 2 {
				t.Fatalf("skipped rows: %q: want a summary that wraps %v, then the problems", err, imp.Skipped)
			}
			problems = problems[1:]
		}
		for _, p := range problems {
			var e E
			if !errors.As(p, &e) {
				t.Fatalf("problem %q is a %T, want a %T", p, p, e)
			}
			if row, _ := imp.Where(e); row < 1 || !strings.HasPrefix(p.Error(), imp.Name+": row ") {
				t.Fatalf("problem %q does not name its row", p)
			}
			if imp.Skipped != nil && errors.Is(p, imp.Skipped) {
				t.Fatalf("problem %q wraps %v", p, imp.Skipped)
			}
			var pe *csv.ParseError
			if imp.Missing != nil && !errors.Is(p, imp.Missing) && !errors.Is(p, imp.Invalid) && !errors.As(p, &pe) {
				t.Fatalf("problem %q is of no category", p)
			}
		}
		if !skipped {
			if diff := cmp.Diff(conflict.Dataset{}, ds); diff != "" {
				t.Fatalf("Read fails but returns records (-want +got):\n%s", diff)
			}
			return
		}
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		for _, p := range Problems(err) {
			var ce *conflict.Error
			if !errors.As(p, &ce) || !slices.ContainsFunc(imp.Rejects, func(r error) bool { return errors.Is(p, r) }) {
				t.Fatalf("Add rejects what Read accepts: %v\ninput: %q", err, data)
			}
		}
		return
	}
	if imp.Invariant != nil {
		imp.Invariant(t, ds, &c)
	}
	again, err2 := imp.Read(bytes.NewReader(data), opt)
	if fmt.Sprint(err) != fmt.Sprint(err2) {
		t.Fatalf("second Read: error %v, then %v", err, err2)
	}
	if diff := cmp.Diff(ds, again); diff != "" {
		t.Fatalf("two Reads differ (-first +second):\n%s", diff)
	}
}
