package conflict_test

import (
	"fmt"
	"log"
	"time"

	"github.com/conflictgraph/conflict"
)

// triangle is the United States, Turkey and the SDF in late 2016: the US
// backs the SDF and is Turkey's ally, and Turkey fights the SDF.
func triangle() *conflict.Conflict {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "masdar", Outlet: "Al-Masdar News"}, {ID: "public", Outlet: "Public record"}},
		Actors:  []conflict.Actor{{ID: "sdf", Name: "Syrian Democratic Forces"}},
		Backers: []conflict.Backer{{ID: "united-states", Name: "United States"}, {ID: "turkey", Name: "Turkey"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationSupports, From: "united-states", To: "sdf", Support: conflict.SupportAirPower, Sources: []string{"masdar"}},
			{Kind: conflict.RelationAllied, From: "united-states", To: "turkey", Sources: []string{"public"}},
			{Kind: conflict.RelationFights, From: "turkey", To: "sdf", Start: conflict.Day(2016, time.August, 24), Sources: []string{"masdar"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	return &c
}

// A triangle of two friendly ties and one hostile one cannot be balanced:
// whatever the split, one tie breaks the rule.
func ExampleMoment_Sides() {
	m := triangle().At(conflict.Day(2016, time.September, 1).Time())
	s, err := m.Sides(conflict.SidesOptions{MaxBlocs: 2})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("blocs:", s.Blocs)
	fmt.Println("frustration index:", s.Violations, "proven:", s.Optimal)
	for _, f := range s.Broken {
		fmt.Println("does not fit:", f.A, f.Kinds(), f.B, f.Ties[0].Sources())
	}
	// Output:
	// blocs: [[sdf turkey united-states]]
	// frustration index: 1 proven: true
	// does not fit: sdf fights turkey [masdar]
}

// A war of two alliances is balanced: friends inside, enemies between.
func ExampleMoment_Sides_balanced() {
	var c conflict.Conflict
	src := []string{"report"}
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "report"}},
		Actors:  []conflict.Actor{{ID: "north", Name: "North"}, {ID: "northern-militia", Name: "Northern militia"}, {ID: "south", Name: "South"}, {ID: "southern-militia", Name: "Southern militia"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationSupports, From: "northern-militia", To: "north", Sources: src},
			{Kind: conflict.RelationAllied, From: "south", To: "southern-militia", Sources: src},
			{Kind: conflict.RelationFights, From: "north", To: "south", Sources: src},
			{Kind: conflict.RelationFights, From: "north", To: "southern-militia", Sources: src},
			{Kind: conflict.RelationFights, From: "northern-militia", To: "south", Sources: src},
			{Kind: conflict.RelationFights, From: "northern-militia", To: "southern-militia", Sources: src},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	s, _ := c.At(conflict.Day(2016, time.January, 1).Time()).Sides(conflict.SidesOptions{})
	fmt.Println(s.Blocs, s.Violations, s.Optimal)
	// Output: [[north northern-militia] [south southern-militia]] 0 true
}

// SidesOver shows when the triangle became frustrated, and which tie did it.
func ExampleConflict_SidesOver() {
	c := triangle()
	from, to := conflict.Day(2016, time.January, 1).Time(), conflict.Day(2017, time.January, 1).Time()
	over, err := c.SidesOver(from, to, conflict.SidesOptions{MaxBlocs: 2})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range over {
		fmt.Println(o.From.Format(time.DateOnly), "violations:", o.Sides.Violations, o.Changes)
	}
	// Output:
	// 2016-01-01 violations: 0 []
	// 2016-08-24 violations: 1 [2016-08-24 opened sdf fights turkey]
}
