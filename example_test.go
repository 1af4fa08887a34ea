package conflict_test

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// Palmyra changed hands three times in 2015–2016. The sources date the first
// two changes only to the month, so the answers inside those months are only
// possible.
func Example() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "isw", Outlet: "Institute for the Study of War", Published: conflict.Day(2016, time.December, 13)}},
		Actors:    []conflict.Actor{{ID: "syrian-government", Name: "Syrian government"}, {ID: "isis", Name: "Islamic State", Aliases: []string{"ISIS", "Daesh"}}},
		Locations: []conflict.Location{{ID: "palmyra", Name: "Palmyra", Aliases: []string{"Tadmur"}}},
		Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "syrian-government", To: "palmyra", Sources: []string{"isw"}}},
		Events: []conflict.Event{
			{ID: "fall", Kind: conflict.EventCapture, Date: conflict.Month(2015, time.May), Location: "palmyra", Actors: []string{"isis"}, Sources: []string{"isw"}},
			{ID: "retaken", Kind: conflict.EventCapture, Date: conflict.Month(2016, time.March), Location: "palmyra", Actors: []string{"syrian-government"}, Sources: []string{"isw"}},
			{ID: "lost", Kind: conflict.EventCapture, Date: conflict.Day(2016, time.December, 11), Location: "palmyra", Actors: []string{"isis"}, Sources: []string{"isw"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, day := range []string{"2015-04-30", "2015-05-15", "2015-06-01", "2016-04-06", "2016-12-10", "2016-12-11"} {
		ctl := c.At(conflict.MustParseDate(day).Time()).Controller("palmyra")
		if ctl.Holder == "" {
			fmt.Println(day, "possibly", strings.Join(ctl.Claimants, " or "))
			continue
		}
		since := ctl.Since().String()
		if ctl.Since().IsOpen() {
			since = "before the record begins"
		}
		fmt.Println(day, ctl.Holder, ctl.Certainty, "since", since)
	}
	// Output:
	// 2015-04-30 syrian-government definite since before the record begins
	// 2015-05-15 possibly isis or syrian-government
	// 2015-06-01 isis definite since 2015-05
	// 2016-04-06 syrian-government definite since 2016-03
	// 2016-12-10 syrian-government definite since 2016-03
	// 2016-12-11 isis definite since 2016-12-11
}

func ExampleLoad() {
	f, err := os.Open("testdata/full.json")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	c, err := conflict.Load(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Name())
	fmt.Println(c.At(conflict.Day(2016, time.April, 6).Time()).Controller("capital").Holder)
	// Output:
	// Every field and kind
	// gov
}

// Loading bad data reports every problem, each with its line, record, field
// and value, and adds nothing.
func ExampleConflict_Load_errors() {
	var c conflict.Conflict
	err := c.Load(strings.NewReader(`{
  "sources": [{"id": "isw"}],
  "actors": [{"id": "isis", "name": "Islamic State"}],
  "locations": [{"id": "palmyra", "name": "Palmyra"}],
  "relations": [
    {"kind": "controls", "from": "isis", "to": "palmira", "start": "2015-05", "sources": ["isw"]},
    {"kind": "controls", "from": "isis", "to": "palmyra", "start": "2015-13", "sources": ["isw"]}
  ]
}`))
	fmt.Println(err)
	_, ok := c.Node("isis")
	fmt.Println("added:", ok)
	// Output:
	// conflict: line 7: relations[1] (isis controls palmyra): start "2015-13": invalid date (month out of range)
	// conflict: line 6: relations[0] (isis controls palmira): to "palmira": unknown ID
	// added: false
}

func ExampleConflict_Save() {
	var c conflict.Conflict
	_ = c.Add(conflict.Dataset{
		Name:    "A small war",
		Sources: []conflict.Source{{ID: "wire", Outlet: "A wire service", Published: conflict.Month(2016, time.April)}},
		Actors:  []conflict.Actor{{ID: "north", Name: "The North"}, {ID: "south", Name: "The South"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationFights, From: "north", To: "south", Start: conflict.Year(2015), Sources: []string{"wire"}},
		},
	})
	_ = c.Save(os.Stdout)
	// Output:
	// {
	//   "name": "A small war",
	//   "sources": [
	//     {"id":"wire","outlet":"A wire service","published":"2016-04"}
	//   ],
	//   "actors": [
	//     {"id":"north","name":"The North"},
	//     {"id":"south","name":"The South"}
	//   ],
	//   "backers": [],
	//   "locations": [],
	//   "relations": [
	//     {"kind":"fights","from":"north","to":"south","start":"2015","sources":["wire"]}
	//   ],
	//   "events": []
	// }
}

func ExampleConflict_Lookup() {
	c := syria()
	for _, name := range []string{"Daesh", "tadmur", "T4", "Hizbollah"} {
		n, ok := c.Lookup(name)
		fmt.Println(name, "→", n.ID, n.Type, ok)
	}
	// Output:
	// Daesh → isis actor true
	// tadmur → palmyra location true
	// T4 → t4 location true
	// Hizbollah →   false
}

func ExampleParseDate() {
	for _, s := range []string{"2015", "2015-08", "2015-08-05", "2015-02-30"} {
		d, err := conflict.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		start, end := d.Window()
		fmt.Printf("%s: %s precision, %s to %s\n", d, d.Precision(), start.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	// Output:
	// 2015: year precision, 2015-01-01 to 2016-01-01
	// 2015-08: month precision, 2015-08-01 to 2015-09-01
	// 2015-08-05: day precision, 2015-08-05 to 2015-08-06
	// conflict: invalid date "2015-02-30": day out of range
}

// syria returns a small slice of the Syrian war in 2015–2016, for the
// examples.
func syria() *conflict.Conflict {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{
			{ID: "isw", Outlet: "Institute for the Study of War", Published: conflict.Day(2016, time.December, 13)},
			{ID: "masdar", Outlet: "Al-Masdar News", Published: conflict.Month(2016, time.September)},
			{ID: "public", Outlet: "Public record"},
		},
		Actors: []conflict.Actor{
			{ID: "syrian-government", Name: "Syrian government", Kind: conflict.ActorGovernment, Aliases: []string{"Assad regime"}},
			{ID: "isis", Name: "Islamic State", Kind: conflict.ActorJihadistGroup, Aliases: []string{"ISIS", "ISIL", "Daesh"}},
			{ID: "hezbollah", Name: "Hezbollah", Kind: conflict.ActorMilitia},
			{ID: "syrian-rebels", Name: "Syrian rebels", Kind: conflict.ActorRebelGroup},
			{ID: "sdf", Name: "Syrian Democratic Forces", Kind: conflict.ActorCoalition},
		},
		Backers: []conflict.Backer{
			{ID: "russia", Name: "Russia", Kind: conflict.BackerState},
			{ID: "iran", Name: "Iran", Kind: conflict.BackerState},
			{ID: "turkey", Name: "Turkey", Kind: conflict.BackerState},
			{ID: "united-states", Name: "United States", Kind: conflict.BackerState},
		},
		Locations: []conflict.Location{
			{ID: "syria", Name: "Syria", Kind: conflict.LocationCountry},
			{ID: "palmyra", Name: "Palmyra", Kind: conflict.LocationCity, Aliases: []string{"Tadmur"}, Within: "syria"},
			{ID: "kuweires", Name: "Kuweires airbase", Kind: conflict.LocationAirbase, Aliases: []string{"Kweiris"}, Within: "syria"},
			{ID: "t4", Name: "T4 airbase", Kind: conflict.LocationAirbase, Aliases: []string{"T4", "Tiyas"}, Within: "syria"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "syrian-government", To: "palmyra", Sources: []string{"isw"}},
			{Kind: conflict.RelationControls, From: "syrian-government", To: "kuweires", Sources: []string{"masdar"}},
			{Kind: conflict.RelationControls, From: "syrian-government", To: "t4", Sources: []string{"isw"}},
			{Kind: conflict.RelationBesieges, From: "isis", To: "kuweires", Start: conflict.Year(2013), Sources: []string{"masdar"}},
			{Kind: conflict.RelationSupports, From: "iran", To: "syrian-government", Support: conflict.SupportAdvisers | conflict.SupportWeapons, Sources: []string{"isw"}},
			{Kind: conflict.RelationSupports, From: "iran", To: "hezbollah", Support: conflict.SupportFunding | conflict.SupportWeapons, Sources: []string{"isw"}},
			{Kind: conflict.RelationSupports, From: "hezbollah", To: "syrian-government", Support: conflict.SupportTroops, Sources: []string{"isw"}},
			{Kind: conflict.RelationSupports, From: "united-states", To: "sdf", Support: conflict.SupportAirPower | conflict.SupportWeapons, Sources: []string{"masdar"}},
			{Kind: conflict.RelationAllied, From: "united-states", To: "turkey", Sources: []string{"public"}},
			{Kind: conflict.RelationFights, From: "syrian-government", To: "isis", Sources: []string{"isw"}},
			{Kind: conflict.RelationFights, From: "syrian-government", To: "syrian-rebels", Sources: []string{"isw"}},
			{Kind: conflict.RelationFights, From: "sdf", To: "isis", Sources: []string{"masdar"}},
			{Kind: conflict.RelationFights, From: "turkey", To: "sdf", Start: conflict.Day(2016, time.August, 24), Sources: []string{"masdar"}},
			{Kind: conflict.RelationFights, From: "turkey", To: "isis", Start: conflict.Day(2016, time.August, 24), Sources: []string{"masdar"}},
		},
		Events: []conflict.Event{
			{ID: "palmyra-falls", Kind: conflict.EventCapture, Date: conflict.Day(2015, time.May, 21), Location: "palmyra", Actors: []string{"isis"}, Sources: []string{"public"}},
			{ID: "russia-intervenes", Kind: conflict.EventIntervention, Date: conflict.Day(2015, time.September, 30), Actors: []string{"russia"}, Counterparts: []string{"syrian-government"}, Support: conflict.SupportAirPower, Sources: []string{"public"}},
			{ID: "kuweires-relieved", Kind: conflict.EventSiegeBroken, Date: conflict.Month(2015, time.October), Location: "kuweires", Actors: []string{"syrian-government"}, Sources: []string{"masdar"}},
			{ID: "kuweires-relieved-day", Kind: conflict.EventSiegeBroken, Date: conflict.Day(2015, time.November, 10), Location: "kuweires", Actors: []string{"syrian-government"}, Sources: []string{"public"}},
			{ID: "palmyra-retaken", Kind: conflict.EventCapture, Date: conflict.Month(2016, time.March), Location: "palmyra", Actors: []string{"syrian-government"}, Sources: []string{"masdar"}},
			{ID: "palmyra-retaken-day", Kind: conflict.EventCapture, Date: conflict.Day(2016, time.March, 27), Location: "palmyra", Actors: []string{"syrian-government"}, Sources: []string{"public"}},
			{ID: "palmyra-lost", Kind: conflict.EventCapture, Date: conflict.Day(2016, time.December, 11), Location: "palmyra", Actors: []string{"isis"}, Sources: []string{"isw"}},
		},
	})
	if err != nil {
		panic(err)
	}
	return &c
}

func ExampleFoldName() {
	fmt.Println(conflict.FoldName("Jabhat al-Nusra") == conflict.FoldName(" jabhat_AL  nusra "))
	fmt.Printf("%q\n", conflict.FoldName(" Jabhat al-Nusra "))
	// Output:
	// true
	// "jabhat al nusra"
}

func ExampleConflict_Locations() {
	for l := range syria().Locations() {
		if l.Kind == conflict.LocationAirbase {
			fmt.Println(l.ID, l.Name, l.Aliases, "within", l.Within)
		}
	}
	// Output:
	// kuweires Kuweires airbase [Kweiris] within syria
	// t4 T4 airbase [T4 Tiyas] within syria
}

func ExampleCheckID() {
	for _, id := range []string{"palmyra", "free syrian army", ""} {
		fmt.Println(conflict.CheckID(id))
	}
	// Output:
	// <nil>
	// conflict: malformed ID "free syrian army": contains a space (U+0020)
	// conflict: malformed ID "": empty
}

func ExampleConflict_Node() {
	c := syria()
	n, _ := c.Node("t4")
	fmt.Println(n.ID, n.Type, n.Kind, n.Name)
	a, _ := c.Actor("isis")
	fmt.Println(a.Name, a.Kind, a.Aliases)
	l, _ := c.Location("palmyra")
	fmt.Println(l.Name, l.Kind, "within", l.Within)
	_, ok := c.Backer("isis")
	fmt.Println("isis is a backer:", ok)
	// Output:
	// t4 location airbase T4 airbase
	// Islamic State jihadist-group [ISIS ISIL Daesh]
	// Palmyra city within syria
	// isis is a backer: false
}

func ExampleConflict_Event() {
	c := syria()
	e, _ := c.Event("kuweires-relieved")
	fmt.Println(e.Kind, e.Date, e.Location, e.Actors, e.Sources)
	s, _ := c.Source(e.Sources[0])
	fmt.Println(s.Outlet, s.Published)
	// Output:
	// siege-broken 2015-10 kuweires [syrian-government] [masdar]
	// Al-Masdar News 2016-09
}

func ExampleConflict_Dataset() {
	ds := syria().Dataset()
	fmt.Println(len(ds.Sources), len(ds.Actors), len(ds.Backers), len(ds.Locations), len(ds.Relations), len(ds.Events))
	fmt.Println(ds.Relations[0].From, ds.Relations[0].Kind, ds.Relations[0].To, ds.Relations[0].Sources)
	// Output:
	// 3 5 4 4 14 7
	// syrian-government controls palmyra [isw]
}
