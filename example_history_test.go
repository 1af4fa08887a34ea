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
		if t.Kind != conflict.Besieges {
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
		if t.Kind == conflict.Fights {
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
