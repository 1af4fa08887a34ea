package conflict_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// parties is the record of a few parties of 2016: Jabhat al-Nusra's
// rename and merger, the February cessation of hostilities, the US's
// opposition to the government, and an allegation.
func parties() *conflict.Conflict {
	c, err := conflict.Load(strings.NewReader(`{
  "name": "Parties, 2016-2017",
  "timezone": "Asia/Damascus",
  "sources": [
    {"id": "wire", "outlet": "A wire service", "published": "2017-02-01"},
    {"id": "op-ed", "outlet": "An opinion page", "published": "2016-09"}
  ],
  "actors": [
    {"id": "government", "name": "Syrian government"},
    {"id": "rebels", "name": "Syrian rebels"},
    {"id": "isis", "name": "Islamic State"},
    {"id": "nusra", "name": "Jabhat al-Nusra"},
    {"id": "zenki", "name": "Nour al-Din al-Zenki"},
    {"id": "hts", "name": "Hay'at Tahrir al-Sham"}
  ],
  "backers": [
    {"id": "russia", "name": "Russia"},
    {"id": "turkey", "name": "Turkey"},
    {"id": "united-states", "name": "United States"}
  ],
  "relations": [
    {"kind": "fights", "from": "government", "to": "rebels", "start": "2011", "sources": ["wire"]},
    {"kind": "fights", "from": "government", "to": "nusra", "start": "2012", "sources": ["wire"]},
    {"kind": "fights", "from": "government", "to": "isis", "start": "2013", "sources": ["wire"]},
    {"kind": "opposes", "from": "united-states", "to": "government", "start": "2011", "sources": ["wire"]},
    {"kind": "supports", "from": "turkey", "to": "isis", "start": "2015", "sources": ["op-ed"], "alleged": true,
     "confidence": "low", "note": "tolerance of oil smuggling, alleged"}
  ],
  "events": [
    {"id": "jfs", "kind": "renamed", "date": "2016-07-28", "actors": ["nusra"], "name": "Jabhat Fateh al-Sham", "sources": ["wire"]},
    {"id": "hts", "kind": "merged", "date": "2017-01-28", "actors": ["nusra", "zenki"], "counterparts": ["hts"], "sources": ["wire"]}
  ],
  "agreements": [
    {"id": "coh-2016", "kind": "cessation-of-hostilities", "parties": ["government", "rebels", "russia"],
     "excluded": ["isis", "nusra"], "guarantors": ["russia", "united-states"], "start": "2016-02-27", "end": "2016-04-19", "sources": ["wire"]}
  ]
}`))
	if err != nil {
		log.Fatal(err)
	}
	return c
}

func day(s string) time.Time { return conflict.MustParseDate(s).Time() }

func ExampleMoment_Name() {
	c := parties()
	for _, d := range []string{"2016-07-27", "2016-07-28"} {
		fmt.Println(d, c.At(day(d)).Name("nusra"))
	}
	// Output:
	// 2016-07-27 Jabhat al-Nusra
	// 2016-07-28 Jabhat Fateh al-Sham
}

func ExampleMoment_Lookup() {
	c := parties()
	for _, d := range []string{"2016-01-01", "2016-08-15"} {
		n, inUse, ok := c.At(day(d)).Lookup("Jabhat Fateh al-Sham")
		fmt.Println(d, n.ID, inUse, ok)
	}
	// Output:
	// 2016-01-01 nusra absent true
	// 2016-08-15 nusra definite true
}

func ExampleConflict_Lineage() {
	for _, l := range parties().Lineage("nusra") {
		fmt.Println(l.Date, l.Kind, l.Before, "→", l.After, l.Name)
	}
	// Output:
	// 2016-07-28 renamed [nusra] → [nusra] Jabhat Fateh al-Sham
	// 2017-01-28 merged [nusra zenki] → [hts]
}

func ExampleMoment_Agreements() {
	m := parties().At(day("2016-03-15"))
	for _, a := range m.Agreements() {
		fmt.Println(a.Agreement.ID, a.Certainty, "covers", a.Agreement.Parties, "excludes", a.Agreement.Excluded)
	}
	for _, e := range m.Enemies("government") {
		fmt.Println("the government still fights", e.ID)
	}
	// Output:
	// coh-2016 definite covers [government rebels russia] excludes [isis nusra]
	// the government still fights isis
	// the government still fights nusra
}

func ExampleConflict_Agreement() {
	a, _ := parties().Agreement("coh-2016")
	fmt.Println(a.Kind, a.Start, a.End, "guarantors:", a.Guarantors)
	// Output:
	// cessation-of-hostilities 2016-02-27 2016-04-19 guarantors: [russia united-states]
}

func ExampleConflict_Agreements() {
	for a := range parties().Agreements() {
		fmt.Println(a.ID, a.Kind, "from", a.Start, "to", a.End)
	}
	// Output:
	// coh-2016 cessation-of-hostilities from 2016-02-27 to 2016-04-19
}

// A truce as a reader knew it: from the report of its first day, it holds
// with no end known; the report of its end, published later, gives the
// end.
func ExampleView_Agreements() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{
			{ID: "first-day", Published: conflict.Day(2016, time.February, 27)},
			{ID: "looking-back", Published: conflict.Day(2016, time.May, 2)},
		},
		Actors: []conflict.Actor{{ID: "government", Name: "Government"}, {ID: "rebels", Name: "Rebels"}},
		Agreements: []conflict.Agreement{{
			ID: "truce", Parties: []string{"government", "rebels"},
			Start: conflict.Day(2016, time.February, 27), End: conflict.Day(2016, time.April, 19),
			Sources:      []string{"first-day", "looking-back"},
			StartSources: []string{"first-day"}, EndSources: []string{"looking-back"},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, known := range []time.Time{day("2016-02-26"), day("2016-03-01"), day("2016-05-02")} {
		n := 0
		for a := range c.AsOf(known).Agreements() {
			fmt.Printf("as known on %s: %s from %s to %q, on the word of %v\n", known.Format(time.DateOnly), a.ID, a.Start, a.End, a.Sources)
			n++
		}
		if n == 0 {
			fmt.Printf("as known on %s: no agreement\n", known.Format(time.DateOnly))
		}
	}
	// Output:
	// as known on 2016-02-26: no agreement
	// as known on 2016-03-01: truce from 2016-02-27 to "", on the word of [first-day]
	// as known on 2016-05-02: truce from 2016-02-27 to "2016-04-19", on the word of [first-day looking-back]
}

func ExampleMoment_Opponents() {
	m := parties().At(day("2016-03-15"))
	fmt.Println(m.Opponents("government"))
	fmt.Println(m.Enemies("united-states"))
	// Output:
	// [{united-states definite}]
	// []
}

func ExampleConflict_WithAlleged() {
	c := parties()
	at := day("2016-06-01")
	fmt.Println("by default:", c.At(at).Supporters("isis"))
	for t := range c.WithAlleged().At(at).Ties() {
		if t.Alleged {
			fmt.Println("alleged:", t, t.Claims()[0].Confidence)
		}
	}
	// Output:
	// by default: []
	// alleged: turkey supports isis [2015, …) low
}
