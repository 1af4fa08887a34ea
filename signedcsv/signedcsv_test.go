package signedcsv_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/signedcsv"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// rel is a relation as Read makes it.
func rel(kind conflict.RelationKind, from, to, start, end, note string) conflict.Relation {
	return conflict.Relation{
		Kind: kind, From: from, To: to,
		Start: mustDate(start), End: mustDate(end),
		Sources: []string{signedcsv.SourceID}, Note: note,
	}
}

func mustDate(s string) conflict.Date {
	if s == "" {
		return conflict.Date{}
	}
	return conflict.MustParseDate(s)
}

func actors(ids ...string) []conflict.Actor {
	var out []conflict.Actor
	for _, id := range ids {
		out = append(out, conflict.Actor{ID: id, Name: id})
	}
	return out
}

func TestRead(t *testing.T) {
	source := []conflict.Source{{ID: signedcsv.SourceID, Note: "signed CSV edge list"}}
	tests := []struct {
		name string
		in   string
		want conflict.Dataset
	}{{
		name: "minimal",
		in:   "from,to,sign\na,b,1\nb,c,-1\n",
		want: conflict.Dataset{
			Sources: source,
			Actors:  actors("a", "b", "c"),
			Relations: []conflict.Relation{
				rel(conflict.RelationAllied, "a", "b", "", "", "row 2"),
				rel(conflict.RelationFights, "b", "c", "", "", "row 3"),
			},
		},
	}, {
		name: "plus and minus, spaces, CRLF, no final newline",
		in:   "from,to,sign\r\n a , b ,+\r\nb,c, - ",
		want: conflict.Dataset{
			Sources: source,
			Actors:  actors("a", "b", "c"),
			Relations: []conflict.Relation{
				rel(conflict.RelationAllied, "a", "b", "", "", "row 2"),
				rel(conflict.RelationFights, "b", "c", "", "", "row 3"),
			},
		},
	}, {
		name: "header by name, in any order and case, with a BOM and other columns",
		in:   "\uFEFFSign,window, To ,FROM,weight\n-1,46-49,RUS,USA,3\n",
		want: conflict.Dataset{
			Sources:   source,
			Actors:    actors("USA", "RUS"),
			Relations: []conflict.Relation{rel(conflict.RelationFights, "USA", "RUS", "", "", "row 2")},
		},
	}, {
		name: "dates of any precision and open ends",
		in:   "from,to,sign,start,end\nUSA,RUS,-1,1946,1987-12\nUSA,RUS,1,1987-12-08,\nUSA,GBR,1,,\n",
		want: conflict.Dataset{
			Sources: source,
			Actors:  actors("USA", "RUS", "GBR"),
			Relations: []conflict.Relation{
				rel(conflict.RelationFights, "USA", "RUS", "1946", "1987-12", "row 2"),
				rel(conflict.RelationAllied, "USA", "RUS", "1987-12-08", "", "row 3"),
				rel(conflict.RelationAllied, "USA", "GBR", "", "", "row 4"),
			},
		},
	}, {
		name: "a tie given in both directions is one claim",
		in:   "from,to,sign\na,b,1\nb,a,1\na,b,+\n",
		want: conflict.Dataset{
			Sources:   source,
			Actors:    actors("a", "b"),
			Relations: []conflict.Relation{rel(conflict.RelationAllied, "a", "b", "", "", "row 2")},
		},
	}, {
		name: "successive spans of one tie, and opposite signs, are kept",
		in:   "from,to,sign,start,end\na,b,1,1946,1950\nb,a,1,1950,\na,b,-1,1948,1949\n",
		want: conflict.Dataset{
			Sources: source,
			Actors:  actors("a", "b"),
			Relations: []conflict.Relation{
				rel(conflict.RelationAllied, "a", "b", "1946", "1950", "row 2"),
				rel(conflict.RelationAllied, "b", "a", "1950", "", "row 3"),
				rel(conflict.RelationFights, "a", "b", "1948", "1949", "row 4"),
			},
		},
	}, {
		name: "empty lines are skipped; rows count records",
		in:   "from,to,sign\n\na,b,1\n\n",
		want: conflict.Dataset{
			Sources:   source,
			Actors:    actors("a", "b"),
			Relations: []conflict.Relation{rel(conflict.RelationAllied, "a", "b", "", "", "row 2")},
		},
	}, {
		name: "no ties",
		in:   "from,to,sign\n",
		want: conflict.Dataset{Sources: source},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := signedcsv.Read(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read mismatch (-want +got):\n%s", diff)
			}
			var c conflict.Conflict
			if err := c.Add(got); err != nil {
				t.Errorf("conflict.Add rejects what Read returns: %v", err)
			}
		})
	}
}

func TestDecoderTitle(t *testing.T) {
	d := signedcsv.Decoder{Title: "tribes.csv"}
	got, err := d.Decode(strings.NewReader("from,to,sign\na,b,1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "tribes.csv" || got.Sources[0].Title != "tribes.csv" {
		t.Errorf("Name = %q, source title = %q; want both %q", got.Name, got.Sources[0].Title, "tribes.csv")
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // every problem, in order
		is   error    // a category the first problem wraps, if any
	}{{
		name: "bad sign",
		in:   "from,to,sign\na,b,1\nb,c,-1\na,c,2\n",
		want: []string{`signedcsv: row 4: column sign: "2": want 1, -1, + or -`},
	}, {
		name: "empty sign",
		in:   "from,to,sign\na,b,\n",
		want: []string{`signedcsv: row 2: column sign: "": want 1, -1, + or -`},
	}, {
		name: "empty input",
		in:   "",
		want: []string{`signedcsv: row 1: no header: want columns from, to and sign`},
	}, {
		name: "missing columns",
		in:   "source,target,sign\na,b,1\n",
		want: []string{`signedcsv: row 1: no column from, to: want columns from, to and sign`},
	}, {
		name: "column named twice",
		in:   "from,to,sign,From\na,b,1,c\n",
		want: []string{`signedcsv: row 1: column from: "From": column named twice`},
	}, {
		name: "ID with a space, reported once",
		in:   "from,to,sign\nNew Zealand,AUS,1\nUSA,New Zealand,1\n",
		want: []string{`signedcsv: row 2: column from: "New Zealand": malformed ID: contains a space (U+0020)`},
		is:   conflict.ErrBadID,
	}, {
		name: "empty IDs, each reported",
		in:   "from,to,sign\n,a,1\na,,1\n",
		want: []string{
			`signedcsv: row 2: column from: "": malformed ID: empty`,
			`signedcsv: row 3: column to: "": malformed ID: empty`,
		},
		is: conflict.ErrBadID,
	}, {
		name: "IDs that differ in case",
		in:   "from,to,sign\nUSA,RUS,-1\nusa,GBR,1\nusa,FRA,1\n",
		want: []string{`signedcsv: row 3: column from: "usa": names the same node as "USA" (row 2): IDs are names, compared without regard to case, and to spaces, hyphens and underscores`},
		is:   conflict.ErrName,
	}, {
		name: "IDs that differ in hyphens and underscores",
		in:   "from,to,sign\nnew-york,a,1\na,new__york,1\n",
		want: []string{`signedcsv: row 3: column to: "new__york": names the same node as "new-york" (row 2): IDs are names, compared without regard to case, and to spaces, hyphens and underscores`},
		is:   conflict.ErrName,
	}, {
		name: "self-tie",
		in:   "from,to,sign\na,a,-1\n",
		want: []string{`signedcsv: row 2: column to: "a": a tie joins two different nodes`},
		is:   conflict.ErrEnds,
	}, {
		name: "bad date",
		in:   "from,to,sign,start\na,b,1,2015-13\n",
		want: []string{`signedcsv: row 2: column start: "2015-13": invalid date: month out of range`},
		is:   conflict.ErrDate,
	}, {
		name: "end not after start",
		in:   "from,to,sign,start,end\na,b,1,2016-03-27,2016-03-27\n",
		want: []string{`signedcsv: row 2: column end: "2016-03-27": end is not after start "2016-03-27"`},
		is:   conflict.ErrSpan,
	}, {
		name: "overlapping spans of one tie",
		in:   "from,to,sign,start,end\na,b,1,1946,1950\nb,a,1,1949,\n",
		want: []string{`signedcsv: row 3: the tie b allied a over [1949, ) overlaps row 2's over [1946, 1950)`},
	}, {
		name: "wrong number of fields, then more problems",
		in:   "from,to,sign\na,b\na,b,1,x\nc,d,0\n",
		want: []string{
			`signedcsv: row 2: wrong number of fields`,
			`signedcsv: row 3: wrong number of fields`,
			`signedcsv: row 4: column sign: "0": want 1, -1, + or -`,
		},
	}, {
		name: "bad quote stops the reading",
		in:   "from,to,sign\na,b,1\n\"a\"x,b,1\nc,d,0\n",
		want: []string{`signedcsv: row 3: extraneous or missing " in quoted-field`},
	}, {
		name: "not UTF-8",
		in:   "from,to,sign,start,end\na\xff,b,1,,\na,b,1\xff,,\na,b,1,2016\xff,\n",
		want: []string{
			`signedcsv: row 2: column from: "a\xff": malformed ID: not UTF-8`,
			`signedcsv: row 3: column sign: "1\xff": not UTF-8`,
			`signedcsv: row 4: column start: "2016\xff": not UTF-8`,
		},
		is: conflict.ErrBadID,
	}, {
		name: "IDs of one row that name one node",
		in:   "from,to,sign\nusa,USA,1\n",
		want: []string{`signedcsv: row 2: column to: "USA": names the same node as "usa": IDs are names, compared without regard to case, and to spaces, hyphens and underscores`},
		is:   conflict.ErrName,
	}, {
		name: "several problems in one row",
		in:   "from,to,sign,start,end\na b,,3,2015-02-30,x\n",
		want: []string{
			`signedcsv: row 2: column from: "a b": malformed ID: contains a space (U+0020)`,
			`signedcsv: row 2: column to: "": malformed ID: empty`,
			`signedcsv: row 2: column sign: "3": want 1, -1, + or -`,
			`signedcsv: row 2: column start: "2015-02-30": invalid date: day out of range`,
			`signedcsv: row 2: column end: "x": invalid date: want YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21…24 or days DAY/DAY`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := signedcsv.Read(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Read = %+v, nil; want an error", ds)
			}
			var got []string
			for _, e := range csvtest.Problems(err) {
				var se *signedcsv.Error
				if !errors.As(e, &se) {
					t.Errorf("problem %q is a %T, want a *signedcsv.Error", e, e)
				}
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(err, %v) = false, want true", tt.is)
			}
		})
	}
}

func TestErrorLine(t *testing.T) {
	in := "from,to,sign\n\"a\nb\",c,1\nd,e,7\n" // row 2 spans lines 2 and 3
	_, err := signedcsv.Read(strings.NewReader(in))
	var se *signedcsv.Error
	if !errors.As(err, &se) {
		t.Fatalf("Read error %v is not a *signedcsv.Error", err)
	}
	// The first problem is the ID with a newline in row 2, the second the
	// sign of row 3, on line 4.
	problems := csvtest.Problems(err)
	if len(problems) != 2 {
		t.Fatalf("got %d problems, want 2: %v", len(problems), err)
	}
	var lines []int
	for _, p := range problems {
		errors.As(p, &se)
		lines = append(lines, se.Row, se.Line)
	}
	if diff := cmp.Diff([]int{2, 2, 3, 4}, lines); diff != "" {
		t.Errorf("rows and lines mismatch (-want +got):\n%s", diff)
	}
}

// keep describes Decode in keep-going mode to the shared harness.
var keep = csvtest.Importer[signedcsv.Decoder, *signedcsv.Error]{
	Name:    "signedcsv",
	Read:    func(r io.Reader, d *signedcsv.Decoder) (conflict.Dataset, error) { return d.Decode(r) },
	Where:   func(e *signedcsv.Error) (int, string) { return e.Row, e.Column },
	Skipped: signedcsv.ErrSkipped,
}

// In keep-going mode a row with a problem is skipped without a trace (its
// IDs are not nodes, and do not count as seen) and the rest is read as if
// it were not there, but for the rows its relations' notes name.
func TestKeepGoing(t *testing.T) {
	noNotes := cmpopts.IgnoreFields(conflict.Relation{}, "Note")
	keep.KeepGoing(t, &signedcsv.Decoder{KeepGoing: true}, &signedcsv.Decoder{}, []csvtest.SkipCase{
		{Name: "bad cells",
			In:      "from,to,sign,start,end\na,b,1,,\nghost,b,2,,\nc,d,-1,2016-13,\na,e,1,,\nUSA,usa,1,,\ne,f,-,2016,2015\n",
			Without: "from,to,sign,start,end\na,b,1,,\na,e,1,,\n",
			Rows:    []int{3, 4, 6, 7}, Columns: []string{"sign", "start", "to", "end"}},
		{Name: "an ID of a skipped row is not seen",
			In:      "from,to,sign\nx,b,7\nX,c,1\n",
			Without: "from,to,sign\nX,c,1\n",
			Rows:    []int{2}, Columns: []string{"sign"}},
		{Name: "a bad ID, reported on every row",
			In:      "from,to,sign\na b,c,1\nd,a b,1\nd,c,1\n",
			Without: "from,to,sign\nd,c,1\n",
			Rows:    []int{2, 3}, Columns: []string{"from", "to"}},
		{Name: "two problems in a row, and an overlap",
			In:      "from,to,sign,start,end\na,b,1,1946,1950\n,b,9,,\nb,a,1,1949,\n",
			Without: "from,to,sign,start,end\na,b,1,1946,1950\n",
			Rows:    []int{3, 3, 4}, Columns: []string{"from", "sign", ""}},
		{Name: "bad CSV, read past",
			In:      "from,to,sign\na,b,1\na,b\n\"c\"x,d,1\ne,f,-1\n",
			Without: "from,to,sign\na,b,1\ne,f,-1\n",
			Rows:    []int{3, 4}, Columns: []string{"", ""}},
	}, noNotes)
}

// A skipped row's problems are joined after the summary; a failing reader
// is nothing read.
func TestKeepGoingErrors(t *testing.T) {
	d := signedcsv.Decoder{KeepGoing: true}
	_, err := d.Decode(strings.NewReader("from,to,sign\na,b,1\n,b,9\n"))
	want := "signedcsv: bad rows skipped: 1 of 2\n" +
		`signedcsv: row 3: column from: "": malformed ID: empty` + "\n" +
		`signedcsv: row 3: column sign: "9": want 1, -1, + or -`
	if err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	ds, err := d.Decode(io.MultiReader(strings.NewReader("from,to,sign\na,b,1\n,b,9\n"), iotest.ErrReader(csvtest.ErrReading)))
	if !errors.Is(err, csvtest.ErrReading) || errors.Is(err, signedcsv.ErrSkipped) || len(ds.Actors) != 0 {
		t.Errorf("failing reader: %v, %d actors; want the reader's error and nothing read", err, len(ds.Actors))
	}
}
