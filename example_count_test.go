package conflict_test

import (
	"fmt"

	"github.com/conflictgraph/conflict"
)

// Counting what holds at a moment: every tie, and ties of some kinds. The
// counts are those of Moment.Ties, without making the ties. On 15 October
// 2015 the siege of Kuweires only possibly holds: it was broken in October,
// or on 10 November.
func ExampleMoment_Count() {
	for _, day := range []string{"2015-10-15", "2016-04-06"} {
		m := syriaAt(day)
		all := m.Count()
		control := m.Count(conflict.RelationControls, conflict.RelationBesieges)
		fmt.Println(day, all.Total(), "ties:", all.Definite, "definite,", all.Possible, "possible; control and sieges:", control)
	}
	// Output:
	// 2015-10-15 13 ties: 12 definite, 1 possible; control and sieges: {3 1}
	// 2016-04-06 12 ties: 12 definite, 0 possible; control and sieges: {3 0}
}

// Counting what changed over two months: Russia's intervention on 30
// September surely falls within them; the end of the siege of Kuweires,
// dated to October by one source and to 10 November by another, only
// possibly does. The counts are those of Conflict.Changes.
func ExampleConflict_CountChanges() {
	c := syria()
	from, to := conflict.MustParseDate("2015-09-01").Time(), conflict.MustParseDate("2015-11-01").Time()
	n := c.CountChanges(from, to)
	fmt.Println(n.Total(), "changes:", n.Definite, "definite,", n.Possible, "possible")
	fmt.Println("sieges:", c.CountChanges(from, to, conflict.RelationBesieges))
	for _, ch := range c.Changes(from, to) {
		fmt.Println(ch)
	}
	// Output:
	// 2 changes: 1 definite, 1 possible
	// sieges: {0 1}
	// 2015-09-30 opened russia supports syrian-government
	// 2015-10 or 2015-11-10 closed isis besieges kuweires (possibly)
}
