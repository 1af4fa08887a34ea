package csvimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var (
	required = []string{"id", "year"}
	optional = []string{"note", "extra"}
)

const (
	colID = iota
	colYear
	colNote
	colExtra
)

// errText returns err's text and the Error it is, for comparing.
func errText(err error) (string, *exported) {
	if err == nil {
		return "", nil
	}
	var e *exported
	errors.As(err, &e)
	return err.Error(), e
}

func TestNewTable(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		has   []bool // of every wanted column
		cells []string
		err   string
		is    error
		parse bool // err is a *csv.ParseError's, after "pkg: row 1: "
	}{
		{name: "plain", in: "id,year,note\n1,2000,hi\n",
			has: []bool{true, true, true, false}, cells: []string{"1", "2000", "hi", ""}},
		{name: "case, spaces, order, others", in: "\ufeff Year ,x,NOTE,Id\n 2000 ,y, hi ,1\n",
			has: []bool{true, true, true, false}, cells: []string{"1", "2000", "hi", ""}},
		{name: "byte order mark only at the start", in: "id,\ufeffyear\n1,2000\n",
			err: "pkg: row 1: column year: no such column in the header", is: errMissing},
		{name: "empty", in: "",
			err: "pkg: row 1: no header: the file is empty", is: errMissing},
		{name: "missing", in: "id,note\n",
			err: "pkg: row 1: column year: no such column in the header", is: errMissing},
		{name: "twice", in: "id,year,Note,note\n",
			err: `pkg: row 1: column note: "note": column named twice in the header`, is: errInvalid},
		{name: "bad CSV", in: "id,\"year\n", parse: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(strings.NewReader(tc.in), testPkg, required, optional)
			got, _ := errText(err)
			var pe *csv.ParseError
			if tc.parse {
				if !errors.As(err, &pe) {
					t.Fatalf("error %v: want one that wraps a *csv.ParseError", err)
				}
				tc.err = "pkg: row 1: " + pe.Error()
			}
			if diff := cmp.Diff(tc.err, got); diff != "" {
				t.Fatalf("error (-want +got):\n%s", diff)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error does not wrap %v", tc.is)
			}
			if err != nil {
				return
			}
			rec, err := tab.Next()
			if err != nil {
				t.Fatal(err)
			}
			var has []bool
			var cells []string
			for i := range len(required) + len(optional) {
				has = append(has, tab.Has(i))
				cells = append(cells, tab.Cell(rec, i))
			}
			if diff := cmp.Diff(tc.has, has); diff != "" {
				t.Errorf("Has (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.cells, cells); diff != "" {
				t.Errorf("Cell (-want +got):\n%s", diff)
			}
		})
	}
}

// failing is a reader that fails after its content.
type failing struct {
	r   io.Reader
	err error
}

func (f *failing) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		err = f.err
	}
	return n, err
}

func TestNext(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		in   io.Reader
		rows []int    // Row after each record
		err  string   // of the last call of Next
		is   []error  // what that error wraps
		recs []string // the records read, joined with "|"
	}{
		{name: "rows", in: strings.NewReader("id,year\n1,2000\n\"2\n\",2001\n"),
			rows: []int{2, 3}, recs: []string{"1|2000", "2\n|2001"}},
		{name: "field count", in: strings.NewReader("id,year\n1,2000\n2\n"),
			rows: []int{2}, recs: []string{"1|2000"},
			err: "pkg: row 3: record on line 3: wrong number of fields", is: []error{csv.ErrFieldCount}},
		{name: "reader", in: &failing{strings.NewReader("id,year\n1,2000\n"), boom},
			rows: []int{2}, recs: []string{"1|2000"},
			err: "pkg: row 3: reading: boom", is: []error{boom}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(tc.in, testPkg, required, nil)
			if err != nil {
				t.Fatal(err)
			}
			var rows []int
			var recs []string
			for {
				rec, err := tab.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					got, e := errText(err)
					if diff := cmp.Diff(tc.err, got); diff != "" {
						t.Errorf("error (-want +got):\n%s", diff)
					}
					if e == nil || e.Row != tab.Row() {
						t.Errorf("error %#v: want an *exported of row %d", err, tab.Row())
					}
					for _, is := range tc.is {
						if !errors.Is(err, is) {
							t.Errorf("error does not wrap %v", is)
						}
					}
					break
				}
				rows = append(rows, tab.Row())
				recs = append(recs, strings.Join(rec, "|"))
			}
			if diff := cmp.Diff(tc.rows, rows); diff != "" {
				t.Errorf("Row (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.recs, recs); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFailAndChecks(t *testing.T) {
	const header = "id,year,note\n"
	tests := []struct {
		name string
		row  string
		do   func(*Table, []string) (any, error)
		want any
		err  *Error
	}{
		{name: "fail", row: "1,2000,x",
			do:  func(t *Table, _ []string) (any, error) { return nil, t.Fail(colNote, "x", errInvalid, "bad note") },
			err: &Error{Row: 2, Column: "note", Value: "x", Err: errInvalid, Reason: "bad note"}},
		{name: "utf-8 ok", row: "1,2000,é",
			do: func(t *Table, rec []string) (any, error) { return nil, t.CheckUTF8(rec) }},
		{name: "utf-8 all", row: "1,\xff2000,\xfe",
			do:  func(t *Table, rec []string) (any, error) { return nil, t.CheckUTF8(rec) },
			err: &Error{Row: 2, Column: "year", Value: "\xff2000", Err: errInvalid, Reason: "not UTF-8"}},
		{name: "utf-8 some", row: "1,\xff2000,\xfe",
			do:  func(t *Table, rec []string) (any, error) { return nil, t.CheckUTF8(rec, colNote, colID) },
			err: &Error{Row: 2, Column: "note", Value: "\xfe", Err: errInvalid, Reason: "not UTF-8"}},
		{name: "utf-8 some ok", row: "1,\xff2000,x",
			do: func(t *Table, rec []string) (any, error) { return nil, t.CheckUTF8(rec, colID, colNote, colExtra) }},
		{name: "int", row: "1, 2000 ,",
			do:   func(t *Table, rec []string) (any, error) { return t.Int(rec, colYear, 1, 9999, "invalid year") },
			want: 2000},
		{name: "int bounds", row: "1,9999,",
			do:   func(t *Table, rec []string) (any, error) { return t.Int(rec, colYear, 9999, 9999, "invalid year") },
			want: 9999},
		{name: "int empty", row: "1,,",
			do:   func(t *Table, rec []string) (any, error) { return t.Int(rec, colYear, 1, 9999, "invalid year") },
			want: 0, err: &Error{Row: 2, Column: "year", Err: errMissing, Reason: "empty"}},
		{name: "int absent", row: "1,2000,",
			do:   func(t *Table, rec []string) (any, error) { return t.Int(rec, colExtra, 1, 9, "invalid extra") },
			want: 0, err: &Error{Row: 2, Column: "extra", Err: errMissing, Reason: "empty"}},
		{name: "int out of range", row: "1,0,",
			do:   func(t *Table, rec []string) (any, error) { return t.Int(rec, colYear, 1, 9999, "invalid year") },
			want: 0, err: &Error{Row: 2, Column: "year", Value: "0", Err: errInvalid, Reason: "invalid year"}},
		{name: "int not a number", row: "1,19x6,",
			do:   func(t *Table, rec []string) (any, error) { return t.Int(rec, colYear, 1, 9999, "invalid year") },
			want: 0, err: &Error{Row: 2, Column: "year", Value: "19x6", Err: errInvalid, Reason: "invalid year"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(strings.NewReader(header+tc.row+"\n"), testPkg, required, optional)
			if err != nil {
				t.Fatal(err)
			}
			rec, err := tab.Next()
			if err != nil {
				t.Fatal(err)
			}
			got, err := tc.do(tab, rec)
			_, e := errText(err)
			if diff := cmp.Diff(tc.err, (*Error)(e), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEach(t *testing.T) {
	boom, stop := errors.New("boom"), errors.New("stop")
	tests := []struct {
		name      string
		in        func() io.Reader
		fail      string   // the records at which row returns stop, joined with " "
		recs      []string // the records row is called with, joined with "|", and their rows
		err       string
		is        error
		keepRecs  []string // in keep-going mode, if not the same as recs
		skipped   string   // in keep-going mode, the skipped rows' error, lines joined with "; "
		keepErr   string   // in keep-going mode, the error that stops the reading
		keepSkips bool     // keepRecs is set
	}{
		{name: "none", in: func() io.Reader { return strings.NewReader("id,year\n") }},
		{name: "all", in: func() io.Reader { return strings.NewReader("id,year\n1,2000\n\"2\n\",2001\n") },
			recs: []string{"2: 1|2000", "3: 2\n|2001"}},
		{name: "row fails", in: func() io.Reader { return strings.NewReader("id,year\n1,2000\n2,2001\n3,2002\n") }, fail: "2|2001",
			recs: []string{"2: 1|2000", "3: 2|2001"}, err: "stop", is: stop,
			keepRecs: []string{"2: 1|2000", "3: 2|2001", "4: 3|2002"}, keepSkips: true,
			skipped: "pkg: bad rows skipped: 1 of 3; stop"},
		{name: "two rows fail", in: func() io.Reader { return strings.NewReader("id,year\n1,2000\n2,2001\n3,2002\n") }, fail: "1|2000 3|2002",
			recs: []string{"2: 1|2000"}, err: "stop", is: stop,
			keepRecs: []string{"2: 1|2000", "3: 2|2001", "4: 3|2002"}, keepSkips: true,
			skipped: "pkg: bad rows skipped: 2 of 3; stop; stop"},
		{name: "bad CSV", in: func() io.Reader { return strings.NewReader("id,year\n1,2000\n2\n3,2002\n") },
			recs: []string{"2: 1|2000"}, err: "pkg: row 3: record on line 3: wrong number of fields", is: csv.ErrFieldCount,
			keepRecs: []string{"2: 1|2000", "4: 3|2002"}, keepSkips: true,
			skipped: "pkg: bad rows skipped: 1 of 3; pkg: row 3: record on line 3: wrong number of fields"},
		{name: "bare quote", in: func() io.Reader { return strings.NewReader("id,year\n1,2000\n2,20\"01\n3,2002\n") },
			recs: []string{"2: 1|2000"}, err: `pkg: row 3: parse error on line 3, column 5: bare " in non-quoted-field`, is: csv.ErrBareQuote,
			keepRecs: []string{"2: 1|2000", "4: 3|2002"}, keepSkips: true,
			skipped: `pkg: bad rows skipped: 1 of 3; pkg: row 3: parse error on line 3, column 5: bare " in non-quoted-field`},
		{name: "reader fails", in: func() io.Reader { return &failing{strings.NewReader("id,year\n1,2000\n"), boom} },
			recs: []string{"2: 1|2000"}, err: "pkg: row 3: reading: boom", is: boom, keepErr: "pkg: row 3: reading: boom"},
		{name: "reader fails after a skipped row", in: func() io.Reader { return &failing{strings.NewReader("id,year\n1,2000\n2,2001\n"), boom} },
			fail: "2|2001", recs: []string{"2: 1|2000", "3: 2|2001"}, err: "stop", is: stop,
			keepRecs: []string{"2: 1|2000", "3: 2|2001"}, keepSkips: true, keepErr: "pkg: row 4: reading: boom"},
	}
	for _, tc := range tests {
		for _, keep := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/keepGoing=%v", tc.name, keep), func(t *testing.T) {
				tab, err := NewTable(tc.in(), testPkg, required, nil)
				if err != nil {
					t.Fatal(err)
				}
				var recs []string
				skipped, err := tab.Each(keep, func(rec []string) error {
					r := strings.Join(rec, "|")
					recs = append(recs, strconv.Itoa(tab.Row())+": "+r)
					if slices.Contains(strings.Fields(tc.fail), r) {
						return stop
					}
					return nil
				})
				wantRecs, wantErr, wantSkipped := tc.recs, tc.err, ""
				if keep {
					if tc.keepSkips {
						wantRecs = tc.keepRecs
					}
					wantErr, wantSkipped = tc.keepErr, tc.skipped
				}
				got, _ := errText(err)
				if diff := cmp.Diff(wantErr, got); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
				if !keep && tc.is != nil && !errors.Is(err, tc.is) {
					t.Errorf("error does not wrap %v", tc.is)
				}
				gotSkipped := ""
				if skipped != nil {
					gotSkipped = strings.ReplaceAll(skipped.Error(), "\n", "; ")
					if !errors.Is(skipped, errSkipped) {
						t.Errorf("skipped %v does not wrap the package's Skipped", skipped)
					}
				}
				if err != nil && skipped != nil {
					t.Errorf("both an error and skipped rows")
				}
				if diff := cmp.Diff(wantSkipped, gotSkipped); diff != "" {
					t.Errorf("skipped (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(wantRecs, recs); diff != "" {
					t.Errorf("records (-want +got):\n%s", diff)
				}
			})
		}
	}
}
