// Package csvtest is the test harness the CSV importers share (acled,
// ucdpacd, ucdpged, signedcsv): an importer's tests describe it once as an
// [Importer] and state only what is particular to it, the inputs and what
// must come of them, while the harness reads, compares and checks.
//
//   - [Importer.ReadFile] and [Importer.Goldens]: fixtures read and kept as
//     golden dataset files under testdata.
//   - [Importer.Errors] and [Importer.ReaderFails]: inputs Read must reject,
//     and the Error it must return.
//   - [Importer.KeepGoing]: files with bad rows that Read in keep-going
//     mode must read as the files without them.
//   - [AddFiles] and [Importer.Fuzz]: the seed corpus and the checks of a
//     fuzz test.
//   - [Generated], [BenchmarkInput], [Importer.BenchmarkRead] and
//     [Importer.BenchmarkAdd]: benchmarks on generated files.
//   - [Record] and [Problems]: a CSV record written, an error unjoined.
package csvtest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// An Importer is what the harness needs to know of an importer: how to
// read, and what its errors are like. O is its Options type, E its error
// type, such as *acled.Error.
type Importer[O any, E error] struct {
	// Name is the package's name, with which its messages begin.
	Name string

	// Read reads a file with options, as the package's Read does.
	Read func(r io.Reader, opt *O) (conflict.Dataset, error)

	// Where returns the row and column an error of the package names.
	Where func(e E) (row int, column string)

	// Missing and Invalid are the categories every problem Read reports
	// wraps, unless it wraps a *csv.ParseError; nil if the package has no
	// categories.
	Missing, Invalid error

	// Skipped is the package's ErrSkipped: Read in keep-going mode
	// returns a dataset and, if it skipped rows, an error that joins a
	// summary wrapping Skipped and the problem of each skipped row.
	Skipped error

	// Invariant, if not nil, checks what else holds of every dataset Read
	// returns and of the Conflict that holds it; [Importer.Fuzz] calls it.
	Invariant func(t testing.TB, ds conflict.Dataset, c *conflict.Conflict)

	// Rejects are the categories of the library's errors that Add may
	// still find in what Read returns, by rules of the library's that the
	// importer cannot see to (such as which of two captures of a place on
	// one day comes last). [Importer.Fuzz] lets Add reject a dataset only
	// with *conflict.Errors that wrap one of them.
	Rejects []error
}

// ReadFile reads the file at path with opt, and fails the test if Read
// does.
func (imp Importer[O, E]) ReadFile(t testing.TB, path string, opt *O) conflict.Dataset {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := imp.Read(f, opt)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return ds
}

// A Golden is a fixture under testdata, read with Opt, and the golden file
// under testdata that holds what a Conflict made of it saves.
type Golden[O any] struct {
	In, Out string
	Opt     *O
}

// Goldens reads each fixture, adds it to an empty Conflict and compares
// what the Conflict saves with the golden file, in a subtest named by the
// golden file. With the flag -update it rewrites the golden files instead
// (see [testutil.Golden]).
func (imp Importer[O, E]) Goldens(t *testing.T, goldens []Golden[O]) {
	for _, g := range goldens {
		t.Run(g.Out, func(t *testing.T) {
			ds := imp.ReadFile(t, filepath.Join("testdata", g.In), g.Opt)
			var buf bytes.Buffer
			if err := testutil.Conflict(t, ds).Save(&buf); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, filepath.Join("testdata", g.Out), buf.Bytes())
		})
	}
}

// An ErrorCase is a file that Read, without options, must reject, and the
// error it must return.
type ErrorCase struct {
	Name   string // the subtest's name
	In     string // the file
	Want   string // the error's text
	Is     error  // what the error wraps
	Row    int    // the row the error names
	Column string // the column the error names
}

// Errors reads each case's file, in a subtest named by the case, and checks
// the error: its text, what it wraps, and that it is an E naming the row
// and column.
func (imp Importer[O, E]) Errors(t *testing.T, cases []ErrorCase) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) { imp.checkError(t, tc) })
	}
}

func (imp Importer[O, E]) checkError(t testing.TB, tc ErrorCase) {
	t.Helper()
	_, err := imp.Read(strings.NewReader(tc.In), nil)
	if err == nil {
		t.Fatal("no error")
	}
	if err.Error() != tc.Want {
		t.Errorf("error\n got %s\nwant %s", err, tc.Want)
	}
	if !errors.Is(err, tc.Is) {
		t.Errorf("error %v is not %v", err, tc.Is)
	}
	var e E
	if !errors.As(err, &e) {
		t.Errorf("error %#v: want an %T at row %d, column %q", err, e, tc.Row, tc.Column)
		return
	}
	if row, column := imp.Where(e); row != tc.Row || column != tc.Column {
		t.Errorf("error %#v: at row %d, column %q; want row %d, column %q", err, row, column, tc.Row, tc.Column)
	}
}

// ErrReading is the error of the reader that [Importer.ReaderFails] hands
// to Read.
var ErrReading = errors.New("boom")

// ReaderFails reads a reader that yields in and then fails with
// [ErrReading], and checks that Read returns an error that wraps it, with
// the text want.
func (imp Importer[O, E]) ReaderFails(t testing.TB, in, want string) {
	t.Helper()
	_, err := imp.Read(io.MultiReader(strings.NewReader(in), failing{}), nil)
	if err == nil || !errors.Is(err, ErrReading) || err.Error() != want {
		t.Errorf("failing reader: err = %v, want %s", err, want)
	}
}

// failing is a reader that always fails.
type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, ErrReading }

// Record returns cells as one record of a CSV file, quoted where needed,
// with its line break.
func Record(cells ...string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(cells) // a bytes.Buffer does not fail
	w.Flush()
	return b.String()
}

// Problems returns the errors joined in err, or err alone.
func Problems(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// A SkipCase is a file with bad rows, and the same file without them.
type SkipCase struct {
	Name        string // the subtest's name
	In, Without string
	Rows        []int    // the row each problem of In names, in order (a bad row once for each of its problems)
	Columns     []string // the column each names
}

// KeepGoing reads each case's In with keep, options in keep-going mode,
// and checks that Read returns a summary that wraps Skipped and says how
// many rows of how many it skipped, then an E for each problem of the bad
// rows, naming its row and column; and that the records it returns are those Read
// with strict, options in strict mode, returns of Without, compared with
// opts.
func (imp Importer[O, E]) KeepGoing(t *testing.T, keep, strict *O, cases []SkipCase, opts ...cmp.Option) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) { imp.checkSkips(t, keep, strict, tc, opts...) })
	}
}

func (imp Importer[O, E]) checkSkips(t testing.TB, keep, strict *O, tc SkipCase, opts ...cmp.Option) {
	t.Helper()
	want, err := imp.Read(strings.NewReader(tc.Without), strict)
	if err != nil {
		t.Fatalf("Read(Without): %v", err)
	}
	got, err := imp.Read(strings.NewReader(tc.In), keep)
	if diff := cmp.Diff(want, got, opts...); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if !errors.Is(err, imp.Skipped) {
		t.Fatalf("error %v: want one that wraps %v", err, imp.Skipped)
	}
	problems := Problems(err)
	total := len(readRecords(tc.In)) - 1
	skipped := len(slices.Compact(slices.Clone(tc.Rows)))
	if sum := fmt.Sprintf("%v: %d of %d", imp.Skipped, skipped, total); problems[0].Error() != sum {
		t.Errorf("summary %q, want %q", problems[0], sum)
	}
	var rows []int
	var columns []string
	for _, p := range problems[1:] {
		var e E
		if !errors.As(p, &e) {
			t.Fatalf("problem %q is a %T, want a %T", p, p, e)
		}
		row, column := imp.Where(e)
		rows, columns = append(rows, row), append(columns, column)
	}
	if diff := cmp.Diff(tc.Rows, rows); diff != "" {
		t.Errorf("skipped rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tc.Columns, columns); diff != "" {
		t.Errorf("their columns (-want +got):\n%s", diff)
	}
}

// readRecords returns the records of a CSV file, counting each that is not
// well-formed as one.
func readRecords(in string) [][]string {
	r := csv.NewReader(strings.NewReader(in))
	r.FieldsPerRecord = -1
	var recs [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs
		}
		recs = append(recs, rec)
	}
}
