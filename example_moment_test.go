package conflict_test

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/dominikbraun/graph"
)

func ExampleConflict_At() {
	c := syria()
	m := c.At(time.Date(2016, time.April, 6, 12, 0, 0, 0, time.UTC))
	fmt.Println(m.Time().Format(time.DateOnly), m.Controller("palmyra").Holder)
	// Output: 2016-04-06 syrian-government
}

func ExampleMoment_Node() {
	m := syriaAt("2016-04-06")
	n, ok := m.Node("palmyra")
	fmt.Println(n.Name, n.Type, n.Kind, ok)
	_, ok = m.Node("atlantis")
	fmt.Println(ok)
	// Output:
	// Palmyra location city true
	// false
}

// Sources disagree on when the siege of Kuweires was broken: in October 2015,
// or on 10 November. Between the two the siege only possibly holds.
func ExampleMoment_Controller() {
	c := syria()
	for _, day := range []string{"2015-09-30", "2015-10-15", "2015-11-10"} {
		ctl := c.At(conflict.MustParseDate(day).Time()).Controller("kuweires")
		fmt.Println(day, ctl.State, ctl.Holder, ctl.Besiegers, ctl.Besieged)
	}
	// Output:
	// 2015-09-30 besieged syrian-government [isis] definite
	// 2015-10-15 besieged syrian-government [isis] possible
	// 2015-11-10 held syrian-government [] absent
}

func ExampleMoment_Holdings() {
	c := syria()
	for _, day := range []string{"2016-01-01", "2016-04-06"} {
		fmt.Print(day, ":")
		for _, h := range c.At(conflict.MustParseDate(day).Time()).Holdings("syrian-government") {
			fmt.Print(" ", h.Location)
		}
		fmt.Println()
	}
	// Output:
	// 2016-01-01: kuweires t4
	// 2016-04-06: kuweires palmyra t4
}

func ExampleMoment_Allies() {
	m := syriaAt("2016-09-01")
	fmt.Println(m.Allies("united-states"))
	fmt.Println(m.Allies("syrian-government"))
	// Output:
	// [{sdf definite} {turkey definite}]
	// [{hezbollah definite} {iran definite} {russia definite}]
}

func ExampleMoment_Enemies() {
	for _, day := range []string{"2016-08-23", "2016-08-24"} {
		fmt.Println(day, syriaAt(day).Enemies("sdf"))
	}
	// Output:
	// 2016-08-23 [{isis definite}]
	// 2016-08-24 [{isis definite} {turkey definite}]
}

func ExampleMoment_Supporters() {
	for _, b := range syriaAt("2016-01-01").Supporters("syrian-government") {
		fmt.Println(b.ID, b.Support, b.Certainty)
	}
	// Output:
	// hezbollah troops definite
	// iran advisers,weapons definite
	// russia air-power definite
}

// Iran backs the government directly and through Hezbollah; the direct tie is
// the shorter path, so it is the one reported.
func ExampleMoment_AllSupporters() {
	for _, b := range syriaAt("2016-01-01").AllSupporters("syrian-government") {
		fmt.Println(b.ID, b.Support, b.Via)
	}
	fmt.Println(syriaAt("2016-01-01").AllSupporters("hezbollah"))
	// Output:
	// hezbollah troops []
	// iran advisers,weapons []
	// russia air-power []
	// [{iran weapons,funding definite []}]
}

func ExampleMoment_Ties() {
	var ties []conflict.Tie
	for t := range syriaAt("2015-10-15").Ties() {
		if t.To == "kuweires" {
			ties = append(ties, t)
		}
	}
	slices.SortFunc(ties, conflict.Tie.Compare)
	for _, t := range ties {
		fmt.Println(t, t.Certainty)
	}
	// Output:
	// syrian-government controls kuweires […, …) definite
	// isis besieges kuweires [2013, 2015-10 or 2015-11-10) possible
}

func ExampleMoment_Alliances() {
	for _, bloc := range syriaAt("2016-09-01").Alliances() {
		fmt.Println(bloc)
	}
	// Output:
	// [hezbollah iran russia syrian-government]
	// [isis]
	// [sdf turkey united-states]
	// [syrian-rebels]
}

func ExampleMoment_Summary() {
	s := syriaAt("2015-10-15").Summary()
	b, _ := json.MarshalIndent(s, "", "  ")
	os.Stdout.Write(b)
	// Output:
	// {
	//   "at": "2015-10-15",
	//   "control": {
	//     "kuweires": "syrian-government",
	//     "palmyra": "isis",
	//     "syria": null,
	//     "t4": "syrian-government"
	//   },
	//   "possible": {
	//     "syria": [
	//       "isis",
	//       "syrian-government"
	//     ]
	//   },
	//   "besieged": {
	//     "kuweires": [
	//       "isis"
	//     ]
	//   },
	//   "alliances": [
	//     [
	//       "hezbollah",
	//       "iran",
	//       "russia",
	//       "syrian-government"
	//     ],
	//     [
	//       "isis"
	//     ],
	//     [
	//       "sdf",
	//       "turkey",
	//       "united-states"
	//     ],
	//     [
	//       "syrian-rebels"
	//     ]
	//   ],
	//   "backers": {
	//     "hezbollah": [
	//       "iran"
	//     ],
	//     "sdf": [
	//       "united-states"
	//     ],
	//     "syrian-government": [
	//       "hezbollah",
	//       "iran",
	//       "russia"
	//     ]
	//   },
	//   "fights": [
	//     [
	//       "isis",
	//       "sdf"
	//     ],
	//     [
	//       "isis",
	//       "syrian-government"
	//     ],
	//     [
	//       "syrian-government",
	//       "syrian-rebels"
	//     ]
	//   ],
	//   "opposes": [],
	//   "agreements": [],
	//   "names": {
	//     "hezbollah": "Hezbollah",
	//     "iran": "Iran",
	//     "isis": "Islamic State",
	//     "russia": "Russia",
	//     "sdf": "Syrian Democratic Forces",
	//     "syrian-government": "Syrian government",
	//     "syrian-rebels": "Syrian rebels",
	//     "turkey": "Turkey",
	//     "united-states": "United States"
	//   }
	// }
}

// The graph of a moment works with github.com/dominikbraun/graph's
// algorithms: here, a topological order of the sponsorship chains.
func ExampleMoment_Graph() {
	g, err := syriaAt("2016-01-01").Graph()
	if err != nil {
		panic(err)
	}
	e, _ := g.Edge("iran", "hezbollah")
	fmt.Println(e.Properties.Attributes["kinds"], e.Properties.Data.([]conflict.Tie)[0].Support)

	sponsors := graph.New(graph.StringHash, graph.Directed(), graph.Acyclic())
	edges, _ := g.Edges()
	for _, e := range edges {
		if e.Properties.Attributes["kinds"] == "supports" {
			_ = sponsors.AddVertex(e.Source)
			_ = sponsors.AddVertex(e.Target)
			_ = sponsors.AddEdge(e.Source, e.Target)
		}
	}
	order, _ := graph.StableTopologicalSort(sponsors, func(a, b string) bool { return a < b })
	fmt.Println(order)
	// Output:
	// supports weapons,funding
	// [iran russia united-states hezbollah sdf syrian-government]
}

func syriaAt(day string) conflict.Moment {
	return syria().At(conflict.MustParseDate(day).Time())
}
