package signedcsv_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/signedcsv"
)

// FuzzRead checks that Read either fails with *Errors, or returns a dataset
// that package conflict accepts whole, with a relation for every distinct
// tie.
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
		ds, err := signedcsv.Read(strings.NewReader(in))
		if err != nil {
			for _, e := range unjoin(err) {
				var se *signedcsv.Error
				if !errors.As(e, &se) {
					t.Fatalf("problem %q is a %T, want a *signedcsv.Error", e, e)
				}
				if se.Row < 1 || !strings.HasPrefix(e.Error(), "signedcsv: row ") {
					t.Fatalf("problem %q does not name its row", e)
				}
			}
			return
		}
		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			t.Fatalf("conflict.Add rejects what Read returns: %v\ninput: %q", err, in)
		}
		var ties int
		for range c.Ties() {
			ties++
		}
		if ties > len(ds.Relations) {
			t.Fatalf("%d ties from %d relations", ties, len(ds.Relations))
		}
	})
}
