package signedcsv_test

import (
	"io"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/signedcsv"
)

// importer describes package signedcsv to the shared harness: Read takes
// no options, its problems fall in no categories of its own, and a dataset
// it returns has a relation for every distinct tie.
var importer = csvtest.Importer[struct{}, *signedcsv.Error]{
	Name:  "signedcsv",
	Read:  func(r io.Reader, _ *struct{}) (conflict.Dataset, error) { return signedcsv.Read(r) },
	Where: func(e *signedcsv.Error) (int, string) { return e.Row, e.Column },
	Invariant: func(t testing.TB, ds conflict.Dataset, c *conflict.Conflict) {
		var ties int
		for range c.Ties() {
			ties++
		}
		if ties > len(ds.Relations) {
			t.Fatalf("%d ties from %d relations", ties, len(ds.Relations))
		}
	},
}

// decoder describes Decode, with a Decoder as its options, to the shared
// harness.
var decoder = csvtest.Importer[signedcsv.Decoder, *signedcsv.Error]{
	Name:      "signedcsv",
	Read:      func(r io.Reader, d *signedcsv.Decoder) (conflict.Dataset, error) { return d.Decode(r) },
	Where:     importer.Where,
	Skipped:   signedcsv.ErrSkipped,
	Invariant: importer.Invariant,
}

// FuzzRead checks that Read either fails with *Errors that name their row,
// or returns a dataset that package conflict accepts whole, with a relation
// for every distinct tie, the same every time; and that Decode in
// keep-going mode returns such a dataset, and the problems of the rows it
// skipped after a summary.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"from,to,sign\na,b,1\nb,c,-1\n",
		"from,to,sign\r\n a , b ,+\r\nb,c, - ",
		"\uFEFFSign,window,To,FROM\n-1,46-49,RUS,USA\n",
		"from,to,sign,start,end\nUSA,RUS,-1,1946,1987-12\nUSA,RUS,1,1987-12-08,\n",
		"from,to,sign,start,end\na,b,1,1946,1950\nb,a,1,1950,\na,b,-1,1948,1949\n",
		"from,to,sign\na,b,1\nb,a,1\n",
		"from,to,sign\nUSA,x,1\nusa,y,1\n",
		"from,to,sign\nnew-york,a,1\na,new__york,1\n-,_,1\n",
		"from,to,sign\na,a,-1\n",
		"from,to,sign,start,end\na,b,1,2016-03-27,2016-03-27\n",
		"from,to,sign,start,end\na,b,1,2016-03,2016\n",
		"from,to,sign\na,b\n\"a\"x,b,1\n",
		"from,to,sign\n\"a\nb\",c,1\n",
		"",
		"from,from,to,sign\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		importer.Fuzz(t, []byte(in), nil)
		decoder.Fuzz(t, []byte(in), &signedcsv.Decoder{KeepGoing: true})
	})
}

// FuzzRow fuzzes the cells of one row, written as well-formed CSV between
// good rows, so that the fuzzer works on what the cells hold (IDs that
// clash, signs, dates, hostile text) rather than on the CSV around them.
func FuzzRow(f *testing.F) {
	for _, seed := range [][5]string{
		{"a", "b", "1", "", ""},
		{"A", "c", "-1", "1946", "1950"},
		{"b", "a", "+", "1949", ""},
		{"new york", "a", "1", "", ""},
		{"x", "X", "-", "2016-03-27", "2016-03-28"},
		{"a\xff", "b", "1", "2016-23", "2017-24"},
		{"c", "d", "1", "2016-12-08/2016-12-11", "2017"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4])
	}
	f.Fuzz(func(t *testing.T, from, to, sign, start, end string) {
		in := "from,to,sign,start,end\na,b,1,1946,1950\n" + csvtest.Record(from, to, sign, start, end) + "c,a,-1,,\nb,a,1,1950,\n"
		importer.Fuzz(t, []byte(in), nil)
		decoder.Fuzz(t, []byte(in), &signedcsv.Decoder{KeepGoing: true})
	})
}
