package signedcsv_test

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/signedcsv"
)

// Read a small signed network and split it into two sides.
func Example() {
	const file = `from,to,sign
A,B,1
B,C,-1
A,C,-1
C,D,1
A,D,1
`
	ds, err := signedcsv.Read(strings.NewReader(file))
	if err != nil {
		log.Fatal(err)
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		log.Fatal(err)
	}
	// The file has no dates: the ties hold at every instant.
	s, err := c.At(time.Now()).Sides(conflict.SidesOptions{MaxBlocs: 2})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("blocs:", s.Blocs)
	fmt.Println("ties that break the rule:", s.Violations, "optimal:", s.Optimal)
	for _, f := range s.Broken {
		fmt.Println(f.A, f.Kinds(), f.B)
	}
	// Output:
	// blocs: [[A B] [C D]]
	// ties that break the rule: 1 optimal: true
	// A allied D
}

// A problem names its row, column and value.
func ExampleRead_error() {
	const file = `from,to,sign
A,B,1
B,C,2
`
	_, err := signedcsv.Read(strings.NewReader(file))
	fmt.Println(err)
	// Output:
	// signedcsv: row 3: column sign: "2": want 1, -1, + or -
}

// In keep-going mode a row with a problem is skipped and reported, and the
// rest read: errors.Is(err, signedcsv.ErrSkipped) tells a dataset with rows
// skipped from nothing read.
func ExampleDecoder_keepGoing() {
	const file = `from,to,sign
A,B,1
B,C,2
A,C,-1
`
	d := signedcsv.Decoder{KeepGoing: true}
	ds, err := d.Decode(strings.NewReader(file))
	switch {
	case errors.Is(err, signedcsv.ErrSkipped):
		fmt.Println(err)
	case err != nil:
		log.Fatal(err) // nothing read
	}
	for _, r := range ds.Relations {
		fmt.Println(r.From, r.Kind, r.To)
	}
	// Output:
	// signedcsv: bad rows skipped: 1 of 3
	// signedcsv: row 3: column sign: "2": want 1, -1, + or -
	// A allied B
	// A fights C
}
