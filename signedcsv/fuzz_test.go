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

// FuzzRead checks that Read either fails with *Errors that name their row,
// or returns a dataset that package conflict accepts whole, with a relation
// for every distinct tie, the same every time.
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
	f.Fuzz(func(t *testing.T, in string) { importer.Fuzz(t, []byte(in), nil) })
}
