package csvtest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

var (
	errMissing = errors.New("fake: missing value")
	errInvalid = errors.New("fake: invalid value")
	errSkipped = errors.New("fake: bad rows skipped")
)

// fakeError is the error type of a fake importer.
type fakeError struct {
	Row    int
	Column string
	Err    error
}

func (e *fakeError) Error() string {
	return fmt.Sprintf("fake: row %d: column %s: %s", e.Row, e.Column, strings.TrimPrefix(e.Err.Error(), "fake: "))
}

func (e *fakeError) Unwrap() error { return e.Err }

// fake returns an importer whose Read returns ds and err, whatever it reads.
func fake(ds conflict.Dataset, err error) Importer[struct{}, *fakeError] {
	return Importer[struct{}, *fakeError]{
		Name:    "fake",
		Read:    func(io.Reader, *struct{}) (conflict.Dataset, error) { return ds, err },
		Where:   func(e *fakeError) (int, string) { return e.Row, e.Column },
		Missing: errMissing,
		Invalid: errInvalid,
		Skipped: errSkipped,
	}
}

// good is a dataset a Conflict accepts; bad one it rejects; none is
// nothing.
var (
	none = conflict.Dataset{}
	good = conflict.Dataset{Actors: []conflict.Actor{{ID: "a", Name: "A"}}}
	bad  = conflict.Dataset{Relations: []conflict.Relation{{Kind: conflict.RelationFights, From: "a", To: "b"}}}
)

func TestCheckError(t *testing.T) {
	at3 := &fakeError{Row: 3, Column: "year", Err: errInvalid}
	want := ErrorCase{Name: "bad year", Want: "fake: row 3: column year: invalid value", Is: errInvalid, Row: 3, Column: "year"}
	tests := []struct {
		name string
		err  error
		tc   ErrorCase
		fail string // what the failure message holds; "" for none
	}{
		{"as wanted", at3, want, ""},
		{"wrapped", fmt.Errorf("wrapped: %w", at3), func() ErrorCase { c := want; c.Want = "wrapped: " + c.Want; return c }(), ""},
		{"no error", nil, want, "no error"},
		{"other text", at3, func() ErrorCase { c := want; c.Want = "fake: row 3: other"; return c }(), "want fake: row 3: other"},
		{"other category", at3, func() ErrorCase { c := want; c.Is = errMissing; return c }(), "is not fake: missing value"},
		{"other row", at3, func() ErrorCase { c := want; c.Row = 2; return c }(), "want row 2"},
		{"other column", at3, func() ErrorCase { c := want; c.Column = "id"; return c }(), `want row 3, column "id"`},
		{"not the type", fmt.Errorf("fake: row 3: column year: %w", errInvalid), want, "want an *csvtest.fakeError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testutil.Record(func(t testing.TB) { fake(good, tt.err).checkError(t, tt.tc) })
			if r.Failed() != (tt.fail != "") || !strings.Contains(r.Message(), tt.fail) {
				t.Errorf("failed %v with %q, want a failure saying %q", r.Failed(), r.Message(), tt.fail)
			}
		})
	}
}

func TestFuzz(t *testing.T) {
	at2 := &fakeError{Row: 2, Column: "id", Err: errMissing}
	summary := fmt.Errorf("%w: 1 of 1", errSkipped)
	tests := []struct {
		name string
		imp  Importer[struct{}, *fakeError]
		fail string // what the failure message holds; "" for none
	}{
		{"accepted", fake(good, nil), ""},
		{"a problem of the package", fake(none, at2), ""},
		{"a CSV problem", fake(none, &fakeError{Row: 2, Err: &csv.ParseError{StartLine: 2, Line: 2, Err: csv.ErrQuote}}), ""},
		{"problems joined", fake(none, errors.Join(at2, &fakeError{Row: 3, Err: errInvalid})), ""},
		{"records with a problem", fake(good, at2), "Read fails but returns records"},
		{"not the type", fake(none, errMissing), "want a *csvtest.fakeError"},
		{"one joined problem not the type", fake(none, errors.Join(at2, errMissing)), "want a *csvtest.fakeError"},
		{"no row", fake(none, &fakeError{Err: errMissing}), "does not name its row"},
		{"of no category", fake(none, &fakeError{Row: 2, Err: io.ErrUnexpectedEOF}), "of no category"},
		{"no categories to have", func() Importer[struct{}, *fakeError] {
			imp := fake(none, &fakeError{Row: 2, Err: io.ErrUnexpectedEOF})
			imp.Missing, imp.Invalid = nil, nil
			return imp
		}(), ""},
		{"rows skipped", fake(good, errors.Join(summary, at2)), ""},
		{"rows skipped, nothing left", fake(none, errors.Join(summary, at2)), ""},
		{"rows skipped, no summary first", fake(good, errors.Join(at2, summary)), "want a summary"},
		{"rows skipped, only a summary", fake(good, summary), "want a summary"},
		{"a problem that wraps Skipped", fake(good, errors.Join(summary, at2, &fakeError{Row: 3, Err: errSkipped})), "wraps fake: bad rows skipped"},
		{"rows skipped, rejected by a Conflict", fake(bad, errors.Join(summary, at2)), "Add rejects what Read accepts"},
		{"rejected by a Conflict", fake(bad, nil), "Add rejects what Read accepts"},
		{"rejected by a Conflict, as the importer allows", func() Importer[struct{}, *fakeError] {
			imp := fake(bad, nil)
			imp.Rejects = []error{conflict.ErrUnknownID, conflict.ErrMissing}
			return imp
		}(), ""},
		{"rejected by a Conflict, not as the importer allows", func() Importer[struct{}, *fakeError] {
			imp := fake(bad, nil)
			imp.Rejects = []error{conflict.ErrTwoHolders}
			return imp
		}(), "Add rejects what Read accepts"},
		{"invariant broken", func() Importer[struct{}, *fakeError] {
			imp := fake(good, nil)
			imp.Invariant = func(t testing.TB, ds conflict.Dataset, c *conflict.Conflict) {
				if _, ok := c.Actor("a"); ok && len(ds.Actors) == 1 {
					t.Fatalf("invariant: actor a")
				}
			}
			return imp
		}(), "invariant: actor a"},
		{"another answer the second time", func() Importer[struct{}, *fakeError] {
			imp, n := fake(good, nil), 0
			imp.Read = func(io.Reader, *struct{}) (conflict.Dataset, error) {
				n++
				return conflict.Dataset{Actors: []conflict.Actor{{ID: fmt.Sprint("a", n), Name: "A"}}}, nil
			}
			return imp
		}(), "two Reads differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testutil.Record(func(t testing.TB) { tt.imp.Fuzz(t, []byte("id\n1\n"), nil) })
			if r.Failed() != (tt.fail != "") || !strings.Contains(r.Message(), tt.fail) {
				t.Errorf("failed %v with %q, want a failure saying %q", r.Failed(), r.Message(), tt.fail)
			}
		})
	}
}

func TestKeepGoing(t *testing.T) {
	at3 := &fakeError{Row: 3, Column: "year", Err: errInvalid}
	in := "id,year\n1,2016\n2,x\n"
	cs := []SkipCase{{Name: "case", In: in, Without: "id,year\n1,2016\n", Rows: []int{3}, Columns: []string{"year"}}}
	// read returns good for Without and for In in keep-going mode, with err.
	read := func(err error, got conflict.Dataset) func(r io.Reader, opt *struct{}) (conflict.Dataset, error) {
		return func(r io.Reader, opt *struct{}) (conflict.Dataset, error) {
			if opt == nil {
				return good, nil // strict, of Without
			}
			return got, err
		}
	}
	tests := []struct {
		name string
		read func(io.Reader, *struct{}) (conflict.Dataset, error)
		fail string
	}{
		{"as wanted", read(errors.Join(fmt.Errorf("%w: 1 of 2", errSkipped), at3), good), ""},
		{"other records", read(errors.Join(fmt.Errorf("%w: 1 of 2", errSkipped), at3), none), "records (-want +got)"},
		{"no error", read(nil, good), "want one that wraps fake: bad rows skipped"},
		{"a failure", read(at3, good), "want one that wraps fake: bad rows skipped"},
		{"a wrong count", read(errors.Join(fmt.Errorf("%w: 1 of 3", errSkipped), at3), good), "summary"},
		{"another row", read(errors.Join(fmt.Errorf("%w: 1 of 2", errSkipped), &fakeError{Row: 2, Column: "year", Err: errInvalid}), good), "skipped rows"},
		{"another column", read(errors.Join(fmt.Errorf("%w: 1 of 2", errSkipped), &fakeError{Row: 3, Column: "id", Err: errInvalid}), good), "their columns"},
		{"not the type", read(errors.Join(fmt.Errorf("%w: 1 of 2", errSkipped), errInvalid), good), "want a *csvtest.fakeError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp := fake(good, nil)
			imp.Read = tt.read
			r := testutil.Record(func(t testing.TB) { imp.checkSkips(t, &struct{}{}, nil, cs[0]) })
			if r.Failed() != (tt.fail != "") || !strings.Contains(r.Message(), tt.fail) {
				t.Errorf("failed %v with %q, want a failure saying %q", r.Failed(), r.Message(), tt.fail)
			}
		})
	}
}

func TestReaderFails(t *testing.T) {
	// passOn reads all of r, as an importer would, and reports its error.
	passOn := func(r io.Reader, _ *struct{}) (conflict.Dataset, error) {
		if _, err := io.ReadAll(r); err != nil {
			return conflict.Dataset{}, fmt.Errorf("fake: row 2: reading: %w", err)
		}
		return good, nil
	}
	swallow := func(r io.Reader, _ *struct{}) (conflict.Dataset, error) {
		io.ReadAll(r)
		return conflict.Dataset{}, errors.New("fake: row 2: reading: boom")
	}
	tests := []struct {
		name string
		read func(io.Reader, *struct{}) (conflict.Dataset, error)
		want string
		fail bool
	}{
		{"passed on", passOn, "fake: row 2: reading: boom", false},
		{"other text", passOn, "fake: row 3: reading: boom", true},
		{"not wrapped", swallow, "fake: row 2: reading: boom", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp := fake(good, nil)
			imp.Read = tt.read
			if r := testutil.Record(func(t testing.TB) { imp.ReaderFails(t, "id\n1\n", tt.want) }); r.Failed() != tt.fail {
				t.Errorf("failed %v with %q, want failed %v", r.Failed(), r.Message(), tt.fail)
			}
		})
	}
}

// Generated yields the header and then each row, in order, as a reader
// must, whatever the size of the reads; across chunks too.
func TestGenerated(t *testing.T) {
	row := func(b []byte, i int) []byte { return fmt.Appendf(b, "%d,%s\n", i, strings.Repeat("x", i%100)) }
	for _, n := range []int{0, 1, 2, 5000} {
		var want []byte
		want = append(want, "id,text\n"...)
		for i := range n {
			want = row(want, i)
		}
		if err := iotest.TestReader(Generated("id,text\n", n, row), want); err != nil {
			t.Errorf("%d rows: %v", n, err)
		}
	}
}

func TestRecord(t *testing.T) {
	tests := []struct {
		cells []string
		want  string
	}{
		{[]string{"a", "b"}, "a,b\n"},
		{[]string{""}, "\n"},
		{[]string{"x,y", `say "hi"`, "two\nlines", ""}, "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\n"},
	}
	for _, tt := range tests {
		if got := Record(tt.cells...); got != tt.want {
			t.Errorf("Record(%q) = %q, want %q", tt.cells, got, tt.want)
		}
	}
}

func TestProblems(t *testing.T) {
	a, b := errors.New("a"), errors.New("b")
	tests := []struct {
		name string
		err  error
		want []error
	}{
		{"one", a, []error{a}},
		{"joined", errors.Join(a, b), []error{a, b}},
		{"wrapped joined, kept whole", fmt.Errorf("x: %w", errors.Join(a, b)), nil},
	}
	for _, tt := range tests {
		got := Problems(tt.err)
		if tt.want == nil {
			tt.want = []error{tt.err}
		}
		if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(x, y error) bool { return x == y })); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestSize(t *testing.T) {
	ds := conflict.Dataset{
		Sources:   make([]conflict.Source, 1),
		Actors:    make([]conflict.Actor, 2),
		Backers:   make([]conflict.Backer, 3),
		Locations: make([]conflict.Location, 4),
		Relations: make([]conflict.Relation, 5),
		Events:    make([]conflict.Event, 6),
	}
	got := map[string]int{}
	for _, s := range []string{"sources", "actors", "backers", "locations", "relations", "events"} {
		n, ok := size(ds, s)
		if !ok {
			t.Errorf("no section %q", s)
		}
		got[s] = n
	}
	want := map[string]int{"sources": 1, "actors": 2, "backers": 3, "locations": 4, "relations": 5, "events": 6}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sizes (-want +got):\n%s", diff)
	}
	if _, ok := size(ds, "claims"); ok {
		t.Error(`size(ds, "claims") is ok`)
	}
}
