package acled_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/acled"
)

// Invented events in ACLED's layout (the columns Read does not use are left
// out here): a clash, then the town changing hands twice.
const events = `event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,country,admin1,location,latitude,longitude,geo_precision,fatalities
SYR1,24 March 2016,1,Battles,Armed clash,Military Forces of Syria (2000-2024),Hezbollah,1,Islamic State (Syria),,2,Syria,Homs,Tadmor,34.5560,38.2840,1,12
SYR2,27 March 2016,1,Battles,Government regains territory,Military Forces of Syria (2000-2024),Hezbollah,1,Islamic State (Syria),,2,Syria,Homs,Tadmor,34.5560,38.2840,1,30
SYR3,11 December 2016,1,Battles,Non-state actor overtakes territory,Islamic State (Syria),,2,Military Forces of Syria (2000-2024),,1,Syria,Homs,Tadmor,34.5560,38.2840,1,45
`

// Territory transfers are captures: they move control of the place, with
// the first actor as the captor.
func Example() {
	ds, err := acled.Read(strings.NewReader(events), &acled.Options{Source: acled.Source("2024-05-01")})
	if err != nil {
		log.Fatal(err)
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		log.Fatal(err)
	}
	for _, e := range ds.Events {
		fmt.Println(e.ID, e.Kind, e.Date, e.Location, e.Actors, e.Counterparts)
	}
	for _, tie := range c.History("tadmor") {
		fmt.Println(tie.From, "holds tadmor from", tie.Start, "to", tie.End)
	}
	// Output:
	// acled-syr1 attack 2016-03-24 tadmor [military-forces-of-syria-2000-2024 hezbollah] [islamic-state-syria]
	// acled-syr2 capture 2016-03-27 tadmor [military-forces-of-syria-2000-2024 hezbollah] [islamic-state-syria]
	// acled-syr3 capture 2016-12-11 tadmor [islamic-state-syria] [military-forces-of-syria-2000-2024]
	// military-forces-of-syria-2000-2024 holds tadmor from 2016-03-27 to 2016-12-11
	// islamic-state-syria holds tadmor from 2016-12-11 to
}

// In keep-going mode a bad row is skipped and reported, and the rest read:
// errors.Is(err, acled.ErrSkipped) tells a dataset with rows skipped from
// nothing read.
func Example_keepGoing() {
	in := strings.Replace(events, "SYR2,27 March 2016", "SYR2,32 March 2016", 1)
	ds, err := acled.Read(strings.NewReader(in), &acled.Options{KeepGoing: true})
	switch {
	case errors.Is(err, acled.ErrSkipped):
		fmt.Println(err)
	case err != nil:
		log.Fatal(err) // nothing read
	}
	for _, e := range ds.Events {
		fmt.Println(e.ID, e.Kind, e.Date)
	}
	// Output:
	// acled: bad rows skipped: 1 of 3
	// acled: row 3: column event_date: "32 March 2016": invalid date: want YYYY-MM-DD, D Month YYYY or DD/MM/YYYY
	// acled-syr1 attack 2016-03-24
	// acled-syr3 capture 2016-12-11
}
