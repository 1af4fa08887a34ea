package conflict_test

import (
	"fmt"
	"time"

	"github.com/conflictgraph/conflict"
)

func ExampleConflict_History() {
	for _, t := range syria().History("palmyra") {
		fmt.Printf("%-17s [%s, %s) %v\n", t.From, t.Start, t.End, t.Sources())
	}
	// Output:
	// syrian-government [, 2015-05-21) [isw public]
	// isis              [2015-05-21, 2016-03-27) [masdar public]
	// syrian-government [2016-03-27, 2016-12-11) [isw masdar public]
	// isis              [2016-12-11, ) [isw]
}

func ExampleConflict_Timeline() {
	for _, ch := range syria().Timeline("kuweires") {
		fmt.Println(ch)
	}
	// Output:
	// 2013 opened isis besieges kuweires
	// 2015-10 or 2015-11-10 closed isis besieges kuweires
}

func ExampleConflict_Changes() {
	c := syria()
	from, to := conflict.Day(2016, time.March, 1).Time(), conflict.Day(2016, time.April, 1).Time()
	for _, ch := range c.Changes(from, to) {
		fmt.Println(ch, ch.Certainty)
	}
	// Output:
	// 2016-03-27 closed isis controls palmyra definite
	// 2016-03-27 opened syrian-government controls palmyra definite
}

// A tie whose end the sources date differently keeps both claims.
func ExampleTie_Claims() {
	for t := range syria().Ties() {
		if t.Kind != conflict.RelationBesieges {
			continue
		}
		fmt.Println(t, "disputed:", t.End.Disputed())
		for _, r := range t.Claims() {
			fmt.Printf("  start %q end %q event %q sources %v\n", r.Start, r.End, r.Event, r.Sources)
		}
	}
	// Output:
	// isis besieges kuweires [2013, 2015-10 or 2015-11-10) disputed: true
	//   start "2013" end "" event "" sources [masdar]
	//   start "" end "2015-10" event "kuweires-relieved" sources [masdar]
	//   start "" end "2015-11-10" event "kuweires-relieved-day" sources [public]
}

func ExampleConflict_Ties() {
	n := 0
	for t := range syria().Ties() {
		if t.Kind == conflict.RelationFights {
			fmt.Println(t)
			n++
		}
	}
	// Output:
	// isis fights sdf […, …)
	// isis fights syrian-government […, …)
	// isis fights turkey [2016-08-24, …)
	// sdf fights turkey [2016-08-24, …)
	// syrian-government fights syrian-rebels […, …)
}

// Tie.At asks one tie about any instant, here the month ISIS took
// al-Qaryatayn, dated by the sources only to the month.
func ExampleTie_At() {
	var c conflict.Conflict
	src := []string{"tsg"}
	_ = c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "tsg", Outlet: "The Soufan Group", Published: conflict.Day(2016, time.April, 6)}},
		Actors:    []conflict.Actor{{ID: "isis", Name: "Islamic State"}},
		Locations: []conflict.Location{{ID: "al-qaryatayn", Name: "al-Qaryatayn"}},
		Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "isis", To: "al-qaryatayn",
			Start: conflict.Month(2015, time.August), End: conflict.Day(2016, time.April, 3), Sources: src}},
	})
	for t := range c.Ties() {
		for _, day := range []string{"2015-07-31", "2015-08-15", "2015-09-01", "2016-04-02", "2016-04-03"} {
			fmt.Println(day, t.At(conflict.MustParseDate(day).Time()))
		}
	}
	// Output:
	// 2015-07-31 absent
	// 2015-08-15 possible
	// 2015-09-01 definite
	// 2016-04-02 definite
	// 2016-04-03 absent
}
