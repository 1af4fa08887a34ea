package ucdpacd_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/ucdpacd"
)

// Rows of the UCDP/PRIO Armed Conflict Dataset v25.1 (CC BY 4.0) for the
// Syrian civil war, in the long form of the R package peacesciencer.
const syria = `conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,incompatibility,type_of_conflict
299,2014,652,,,,government,intrastate
299,2015,652,365,,,government,II
299,2015,652,630,,,government,II
299,2016,652,365,,,government,II
299,2016,652,630,,,government,II
299,2017,652,365,,,government,II
299,2017,652,630,,,government,II
`

// The import gives each span of years a relation; Russia's support over
// 2015-2017 is only possible in 2015, when it began at some time, and
// definite in 2016.
func Example() {
	ds, err := ucdpacd.Read(strings.NewReader(syria), &ucdpacd.Options{Source: ucdpacd.Source("25.1")})
	if err != nil {
		log.Fatal(err)
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		log.Fatal(err)
	}
	for _, r := range ds.Relations {
		fmt.Printf("%s %s %s, %s to %s; %s\n", r.From, r.Kind, r.To, r.Start, r.End, r.Note)
	}
	for _, day := range []string{"2015-06-01", "2016-06-01"} {
		fmt.Println(day, "backers of the Syrian government:")
		for _, b := range c.At(conflict.MustParseDate(day).Time()).Supporters("syria-government") {
			fmt.Println(" ", b.ID, b.Support, b.Certainty)
		}
	}
	// Output:
	// russia supports syria-government, 2015 to 2017; troops; UCDP conflict 299 (2015-2017)
	// iran supports syria-government, 2015 to 2017; troops; UCDP conflict 299 (2015-2017)
	// syria-government fights conflict-299-opposition, 2014 to 2017; UCDP conflict 299 (2014-2017)
	// 2015-06-01 backers of the Syrian government:
	//   iran troops possible
	//   russia troops possible
	// 2016-06-01 backers of the Syrian government:
	//   iran troops definite
	//   russia troops definite
}
