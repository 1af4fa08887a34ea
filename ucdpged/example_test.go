package ucdpged_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/ucdpged"
)

// Three invented events between a government and a rebel group, in GED's
// layout (the columns Read does not use are left out here).
const events = `id,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,where_prec,where_coordinates,adm_1,latitude,longitude,country,date_prec,date_start,date_end,best
1,1,Government of Syria,120,Syrian insurgents,1046,1,Aleppo town,Aleppo governorate,36.2021,37.1343,Syria,1,2016-02-01,2016-02-01,12
2,1,Government of Syria,120,Syrian insurgents,1046,1,Aleppo town,Aleppo governorate,36.2021,37.1343,Syria,1,2016-02-02,2016-02-02,4
3,1,Government of Syria,120,Syrian insurgents,1046,4,Idlib governorate,Idlib governorate,35.8,36.6,Syria,4,2016-04-01,2016-04-30,20
`

// Events on two following days make one fights span; an event known only
// to the month makes a span that only possibly holds within it.
func Example() {
	ds, err := ucdpged.Read(strings.NewReader(events), &ucdpged.Options{Source: ucdpged.Source("25.1")})
	if err != nil {
		log.Fatal(err)
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		log.Fatal(err)
	}
	for _, e := range ds.Events {
		fmt.Println(e.ID, e.Date, e.Location)
	}
	for _, r := range ds.Relations {
		fmt.Printf("%s %s %s [%s, %s): %s\n", r.From, r.Kind, r.To, r.Start, r.End, r.Note)
	}
	for _, day := range []string{"2016-02-02", "2016-02-03", "2016-04-15"} {
		for _, p := range c.At(conflict.MustParseDate(day).Time()).Enemies("government-of-syria") {
			fmt.Println(day, p.ID, p.Certainty)
		}
	}
	// Output:
	// ged-1 2016-02-01 aleppo-town
	// ged-2 2016-02-02 aleppo-town
	// ged-3 2016-04 idlib-governorate
	// government-of-syria fights syrian-insurgents [2016-02-01, 2016-02-03): UCDP GED: 2 events between 2016-02-01 and 2016-02-02
	// government-of-syria fights syrian-insurgents [2016-04, 2016-04): UCDP GED: 1 event between 2016-04-01 and 2016-04-30
	// 2016-02-02 syrian-insurgents definite
	// 2016-04-15 syrian-insurgents possible
}

// In keep-going mode a bad row is skipped and reported, and the rest read:
// errors.Is(err, ucdpged.ErrSkipped) tells a dataset with rows skipped from
// nothing read.
func Example_keepGoing() {
	in := strings.Replace(events, "2016-02-02,2016-02-02", "2016-02-02,2016-02-01", 1)
	ds, err := ucdpged.Read(strings.NewReader(in), &ucdpged.Options{KeepGoing: true})
	switch {
	case errors.Is(err, ucdpged.ErrSkipped):
		fmt.Println(err)
	case err != nil:
		log.Fatal(err) // nothing read
	}
	for _, e := range ds.Events {
		fmt.Println(e.ID, e.Date)
	}
	// Output:
	// ucdpged: bad rows skipped: 1 of 3
	// ucdpged: row 3: column date_end: "2016-02-01": date_end is before date_start
	// ged-1 2016-02-01
	// ged-3 2016-04
}
