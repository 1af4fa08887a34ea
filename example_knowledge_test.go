package conflict_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// palmyra2016 is Palmyra's year 2016 as three sources told it.
func palmyra2016() *conflict.Conflict {
	c, err := conflict.Load(strings.NewReader(`{
  "name": "Palmyra, 2016",
  "timezone": "Asia/Damascus",
  "sources": [
    {"id": "beast", "outlet": "The Daily Beast", "published": "2016-03"},
    {"id": "wire", "outlet": "A wire service", "published": "2016-03-27"},
    {"id": "isw", "outlet": "Institute for the Study of War", "published": "2016-12-13"}
  ],
  "actors": [
    {"id": "government", "name": "Syrian government"},
    {"id": "isis", "name": "Islamic State"}
  ],
  "locations": [{"id": "palmyra", "name": "Palmyra"}],
  "relations": [
    {"kind": "controls", "from": "government", "to": "palmyra", "start": "2016-03", "end": "2016-12-11",
     "sources": ["beast", "isw"], "start_sources": ["beast"], "end_sources": ["isw"]}
  ],
  "events": [
    {"id": "retaken", "kind": "capture", "date": "2016-03-27", "location": "palmyra",
     "actors": ["government"], "sources": ["wire"]},
    {"id": "isis-offensive", "kind": "capture", "date": "2016-12-08/2016-12-11", "location": "palmyra",
     "actors": ["isis"], "sources": ["isw"]}
  ]
}`))
	if err != nil {
		log.Fatal(err)
	}
	return c
}

// A reader of the Daily Beast in March 2016 knew Palmyra had changed hands
// that month; the wire report of the 27th gave the day. By April both were
// known; the loss in December only from ISW's report of the 13th.
func ExampleConflict_AsOf() {
	c := palmyra2016()
	day := func(s string) time.Time { return conflict.MustParseDate(s).Time() }
	for _, known := range []string{"2016-03-26", "2016-03-27", "2016-04-01", "2016-12-13"} {
		ctl := c.AsOf(day(known)).At(day("2016-12-12")).Controller("palmyra")
		fmt.Printf("known on %s: on 2016-12-12 held by %q (%s)\n", known, ctl.Holder, ctl.Certainty)
	}
	// Output:
	// known on 2016-03-26: on 2016-12-12 held by "" (absent)
	// known on 2016-03-27: on 2016-12-12 held by "government" (definite)
	// known on 2016-04-01: on 2016-12-12 held by "government" (definite)
	// known on 2016-12-13: on 2016-12-12 held by "isis" (definite)
}

func ExampleConflict_Learned() {
	c := palmyra2016()
	from, to := conflict.Day(2016, time.April, 1).Time(), conflict.Day(2016, time.December, 31).Time()
	for _, l := range c.Learned(from, to) {
		claim := "the end " + l.Claim.End.String()
		if l.Claim.Event != "" {
			claim = "event " + l.Claim.Event
		}
		before := "nothing"
		if l.Before.Kind != 0 {
			before = l.Before.String()
		}
		fmt.Printf("%s, %s:\n  %v\n  was %s\n", l.Known, claim, l.After, before)
	}
	// Output:
	// 2016-12-13, the end 2016-12-11:
	//   government controls palmyra [2016-03-27, 2016-12-11)
	//   was government controls palmyra [2016-03-27, …)
	// 2016-12-13, event isis-offensive:
	//   government controls palmyra [2016-03-27, 2016-12-11)
	//   was government controls palmyra [2016-03-27, …)
	// 2016-12-13, event isis-offensive:
	//   isis controls palmyra [2016-12-08/2016-12-11, …)
	//   was nothing
}

// A change dated to an interval of days happened on one of them: the
// answer inside it is possible, after it definite.
func ExampleParseDate_interval() {
	c := palmyra2016()
	d, err := conflict.ParseDate("2016-12-08/2016-12-11")
	if err != nil {
		log.Fatal(err)
	}
	first, end := d.Window()
	fmt.Println(d.Precision(), first.Format(time.DateOnly), end.Format(time.DateOnly))
	for _, on := range []string{"2016-12-07", "2016-12-09", "2016-12-12"} {
		ctl := c.At(conflict.MustParseDate(on).Time()).Controller("palmyra")
		fmt.Println(on, ctl.Holder, ctl.Claimants, ctl.Certainty)
	}
	// Output:
	// interval 2016-12-08 2016-12-12
	// 2016-12-07 government [] definite
	// 2016-12-09  [government isis] possible
	// 2016-12-12 isis [] definite
}

// The dataset's dates are days in Damascus: the government's return on
// 27 March began at midnight there, 21:00 UTC on the 26th (Syria had moved
// to summer time, three hours ahead of UTC, two days before).
func ExampleConflict_Zone() {
	c := palmyra2016()
	fmt.Println(c.Zone())
	for _, at := range []string{"2016-03-26T20:59:00Z", "2016-03-26T21:00:00Z"} {
		t, _ := time.Parse(time.RFC3339, at)
		fmt.Printf("%s %q\n", at, c.At(t).Controller("palmyra").Holder)
	}
	// Output:
	// Asia/Damascus
	// 2016-03-26T20:59:00Z ""
	// 2016-03-26T21:00:00Z "government"
}
