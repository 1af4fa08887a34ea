package signedcsv_test

import (
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
