package conflict_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// desert is the Syrian desert around Palmyra in 2015 and 2016, for the
// examples of events, territory and measures. The places' areas and
// populations, the figures and the second measure of December 2015 are
// illustrative.
func desert() *conflict.Conflict {
	c, err := conflict.Load(strings.NewReader(`{
  "name": "The desert around Palmyra, 2015-2016",
  "timezone": "Asia/Damascus",
  "sources": [
    {"id": "census", "outlet": "Central Bureau of Statistics", "title": "Census 2004", "published": "2005"},
    {"id": "sohr-1", "outlet": "Syrian Observatory for Human Rights", "published": "2015-05-21"},
    {"id": "wire-1", "outlet": "A wire service", "published": "2015-09-02"},
    {"id": "ihs-1", "outlet": "IHS Conflict Monitor", "published": "2015-12-21"},
    {"id": "wire-2", "outlet": "A wire service", "published": "2015-12-22"},
    {"id": "ihs-2", "outlet": "IHS Conflict Monitor", "published": "2016-03-16"},
    {"id": "sohr-2", "outlet": "Syrian Observatory for Human Rights", "published": "2016-03-27"},
    {"id": "tass", "outlet": "TASS", "published": "2016-03-28"},
    {"id": "sana", "outlet": "SANA", "published": "2016-04-03"}
  ],
  "actors": [
    {"id": "government", "name": "Syrian government", "kind": "government"},
    {"id": "hezbollah", "name": "Hezbollah", "kind": "militia"},
    {"id": "isis", "name": "Islamic State", "kind": "jihadist-group"}
  ],
  "backers": [{"id": "russia", "name": "Russia", "kind": "state"}],
  "locations": [
    {"id": "homs", "name": "Homs Governorate", "kind": "region"},
    {"id": "palmyra", "name": "Palmyra", "kind": "city", "within": "homs",
     "point": {"lat": 34.5597, "lon": 38.2675}, "area_km2": 48,
     "population": {"count": 51323, "date": "2004", "sources": ["census"]}},
    {"id": "palmyra-citadel", "name": "Palmyra Citadel", "kind": "other", "within": "palmyra",
     "point": {"lat": 34.5629, "lon": 38.2571}},
    {"id": "al-qaryatayn", "name": "al-Qaryatayn", "kind": "town", "within": "homs",
     "point": {"lat": 34.2292, "lon": 37.2406}, "area_km2": 22,
     "population": {"count": 14208, "date": "2004", "sources": ["census"]}}
  ],
  "relations": [
    {"kind": "controls", "from": "government", "to": "palmyra", "sources": ["sohr-1"]},
    {"kind": "controls", "from": "government", "to": "al-qaryatayn", "sources": ["wire-1"]}
  ],
  "events": [
    {"id": "palmyra-falls", "kind": "capture", "date": "2015-05-21", "location": "palmyra",
     "actors": ["isis"], "counterparts": ["government"], "sources": ["sohr-1"]},
    {"id": "qaryatayn-falls", "kind": "capture", "date": "2015-08", "location": "al-qaryatayn",
     "actors": ["isis"], "sources": ["wire-1"]},
    {"id": "strikes-on-palmyra", "kind": "airstrike", "date": "2016-03", "location": "palmyra",
     "actors": ["russia"], "counterparts": ["isis"], "sources": ["tass"],
     "figures": [{"quantity": "air-raids", "party": "russia", "low": 500}]},
    {"id": "citadel-taken", "kind": "attack", "date": "2016-03-26", "location": "palmyra-citadel",
     "actors": ["government"], "counterparts": ["isis"], "sources": ["sohr-2"]},
    {"id": "palmyra-retaken", "kind": "capture", "date": "2016-03-27", "location": "palmyra",
     "actors": ["government"], "counterparts": ["isis"], "sources": ["sohr-2"],
     "participants": [
       {"party": "hezbollah", "role": "alongside"},
       {"party": "russia", "role": "supporter", "support": ["air-power"], "sources": ["tass"]},
       {"party": "isis", "role": "defender"}
     ],
     "figures": [
       {"quantity": "fatalities", "party": "isis", "low": 400},
       {"quantity": "fatalities", "party": "government", "best": 188},
       {"quantity": "fatalities", "party": "government", "low": 150, "high": 250, "sources": ["tass"]}
     ]},
    {"id": "qaryatayn-retaken", "kind": "capture", "date": "2016-04-03", "location": "al-qaryatayn",
     "actors": ["government"], "sources": ["sana"]}
  ],
  "measures": [
    {"party": "isis", "quantity": "area-km2", "value": 90800, "date": "2015-01", "sources": ["ihs-1"]},
    {"party": "isis", "quantity": "area-km2", "value": 78000, "date": "2015-12-14", "sources": ["ihs-1"], "note": "about"},
    {"party": "isis", "quantity": "area-km2", "value": 80000, "date": "2015-12-14", "sources": ["wire-2"]},
    {"party": "isis", "quantity": "area-km2", "value": 73440, "date": "2016-03-14", "sources": ["ihs-2"]}
  ]
}`))
	if err != nil {
		log.Fatal(err)
	}
	return c
}

// What happened at Palmyra, and at the places within it, in March 2016,
// and who took part.
func ExampleConflict_Events() {
	c := desert()
	for _, h := range c.Events(conflict.EventQuery{Place: "palmyra", From: on("2016-03-01"), To: on("2016-04-01")}) {
		fmt.Println(h)
		for _, p := range h.Event.Participants {
			fmt.Println("  ", p.Party, p.Role, p.Support, p.Sources)
		}
		for _, f := range h.Event.Figures {
			fmt.Println("  ", f, f.Sources)
		}
	}
	// Output:
	// 2016-03 airstrike strikes-on-palmyra at palmyra
	//    russia: at least 500 air-raids []
	// 2016-03-26 attack citadel-taken at palmyra-citadel
	// 2016-03-27 capture palmyra-retaken at palmyra
	//    hezbollah alongside  []
	//    russia supporter air-power [tass]
	//    isis defender  []
	//    isis: at least 400 fatalities []
	//    government: 188 fatalities []
	//    government: 150 to 250 fatalities [tass]
}

// Russia took part in the retaking of Palmyra as a supporter, so a
// question about Russia finds it; a range that ends inside March finds the
// strikes dated only to the month as possible.
func ExampleConflict_Events_party() {
	c := desert()
	q := conflict.EventQuery{Party: "russia", From: on("2016-03-20"), To: on("2016-03-28")}
	for _, h := range c.Events(q) {
		fmt.Println(h)
	}
	q.Kinds = []conflict.EventKind{conflict.EventCapture}
	fmt.Println(len(c.Events(q)), "capture")
	// Output:
	// 2016-03 airstrike strikes-on-palmyra at palmyra (possibly)
	// 2016-03-27 capture palmyra-retaken at palmyra
	// 1 capture
}

// On 26 March 2016 the wire knew of the retaking, the figures and the
// Russian support only from the next day's reports.
func ExampleView_Events() {
	c := desert()
	q := conflict.EventQuery{Place: "palmyra", Kinds: []conflict.EventKind{conflict.EventCapture}, From: on("2016-01-01")}
	for _, known := range []string{"2016-03-26", "2016-03-27", "2016-03-28"} {
		hs := c.AsOf(on(known)).Events(q)
		fmt.Print(known, ": ", len(hs), " events")
		for _, h := range hs {
			fmt.Print(", ", h.Event.ID, " with ", len(h.Event.Participants), " participants and ", len(h.Event.Figures), " figures")
		}
		fmt.Println()
	}
	// Output:
	// 2016-03-26: 0 events
	// 2016-03-27: 1 events, palmyra-retaken with 2 participants and 2 figures
	// 2016-03-28: 1 events, palmyra-retaken with 3 participants and 3 figures
}

// What happened between two dates, events and changes of ties together:
// the strikes dated only to March may have fallen in the range.
func ExampleConflict_Happened() {
	c := desert()
	for _, h := range c.Happened(on("2016-03-26"), on("2016-04-05")) {
		fmt.Println(h)
	}
	// Output:
	// 2016-03 airstrike strikes-on-palmyra at palmyra (possibly)
	// 2016-03-26 attack citadel-taken at palmyra-citadel
	// 2016-03-27 capture palmyra-retaken at palmyra
	// 2016-03-27 closed isis controls palmyra
	// 2016-03-27 opened government controls palmyra
	// 2016-04-03 capture qaryatayn-retaken at al-qaryatayn
	// 2016-04-03 closed isis controls al-qaryatayn
	// 2016-04-03 opened government controls al-qaryatayn
}

// What had happened from 27 March 2016 on, as known on the 30th: the
// retaking of al-Qaryatayn was not yet reported. A zero end is no end.
func ExampleView_Happened() {
	c := desert()
	for _, h := range c.AsOf(on("2016-03-30")).Happened(on("2016-03-27"), time.Time{}) {
		fmt.Println(h)
	}
	// Output:
	// 2016-03 airstrike strikes-on-palmyra at palmyra (possibly)
	// 2016-03-27 capture palmyra-retaken at palmyra
	// 2016-03-27 closed isis controls palmyra
	// 2016-03-27 opened government controls palmyra
}
