package ucdpacd_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/ucdpacd"
)

// Rows of the UCDP/PRIO Armed Conflict Dataset v25.1 (CC BY 4.0) for two
// conflicts in Syria, in the long form of the R package peacesciencer,
// cut at 2016: conflict 299, whose episode began on 2011-08-02 and went
// on, and conflict 13809, whose 2016 episode ran from 2016-04-23 to
// 2016-11-28.
const syria = `conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,incompatibility,intensity_level,type_of_conflict,start_date,start_prec,start_date2,start_prec2,ep_end,ep_end_date
299,2013,652,,,,government,2,intrastate,1966-02-23,1,2011-08-02,1,0,
299,2014,652,,,,government,2,intrastate,1966-02-23,1,2011-08-02,1,0,
299,2015,652,365,,,government,2,II,1966-02-23,1,2011-08-02,1,0,
299,2015,652,630,,,government,2,II,1966-02-23,1,2011-08-02,1,0,
299,2016,652,365,,,government,2,II,1966-02-23,1,2011-08-02,1,0,
299,2016,652,630,,,government,2,II,1966-02-23,1,2011-08-02,1,0,
13809,2016,652,,,,both,1,intrastate,2015-12-06,1,2016-04-23,1,1,2016-11-28
`

// The import gives each run of years a relation: the fighting of conflict
// 13809 holds over the days of its episode, and that of conflict 299,
// which goes on when the rows stop, has no end. Russia's support, from
// 2015, is only possible in 2015, when it began at some time, and definite
// in 2016.
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
		fmt.Printf("%s %s %s [%s, %s): %s; intensity %s (%s)\n", r.From, r.Kind, r.To, r.Start, r.End, r.Note,
			r.Attributes["intensity_level"], r.Attributes["type_of_conflict"])
	}
	for _, day := range []string{"2015-06-01", "2016-06-01", "2016-12-01"} {
		m := c.At(conflict.MustParseDate(day).Time())
		fmt.Println(day)
		for _, p := range m.Enemies("syria-government") {
			fmt.Println("  fights", p.ID, p.Certainty)
		}
		for _, b := range m.Supporters("syria-government") {
			fmt.Println("  backed by", b.ID, b.Support, b.Certainty)
		}
	}
	// Output:
	// russia-government supports syria-government [2015, ): troops; UCDP conflict 299 (2015-2016); intensity 2 (II)
	// iran-government supports syria-government [2015, ): troops; UCDP conflict 299 (2015-2016); intensity 2 (II)
	// syria-government fights conflict-299-opposition [2013, ): UCDP conflict 299 (2013-2016); intensity 2 (intrastate (2013-2014), II (2015-2016))
	// syria-government fights conflict-13809-opposition [2016-04-23, 2016-11-29): UCDP conflict 13809 (2016); intensity 1 (intrastate)
	// 2015-06-01
	//   fights conflict-299-opposition definite
	//   backed by iran-government troops possible
	//   backed by russia-government troops possible
	// 2016-06-01
	//   fights conflict-13809-opposition definite
	//   fights conflict-299-opposition definite
	//   backed by iran-government troops definite
	//   backed by russia-government troops definite
	// 2016-12-01
	//   fights conflict-299-opposition definite
	//   backed by iran-government troops definite
	//   backed by russia-government troops definite
}

// In keep-going mode a bad row is skipped and reported, and the rest read:
// errors.Is(err, ucdpacd.ErrSkipped) tells a dataset with rows skipped from
// nothing read.
func Example_keepGoing() {
	in := strings.Replace(syria, "13809,2016,652,,,,both,1,", "13809,2016,652,,,,both,3,", 1)
	ds, err := ucdpacd.Read(strings.NewReader(in), &ucdpacd.Options{KeepGoing: true})
	switch {
	case errors.Is(err, ucdpacd.ErrSkipped):
		fmt.Println(err)
	case err != nil:
		log.Fatal(err) // nothing read
	}
	fmt.Println(len(ds.Relations), "relations")
	// Output:
	// ucdpacd: bad rows skipped: 1 of 7
	// ucdpacd: row 8: column intensity_level: "3": invalid intensity_level: want 1 or 2
	// 3 relations
}
