package conflict_test

import (
	"fmt"

	"github.com/conflictgraph/conflict"
)

// The Append forms write answers into a buffer the caller keeps, so a loop
// over many moments allocates nothing once the buffer is large enough.
func ExampleMoment_AppendTies() {
	c := syria()
	var buf []conflict.Tie
	for _, day := range []string{"2015-10-15", "2016-04-06"} {
		buf = c.At(conflict.MustParseDate(day).Time()).AppendTies(buf[:0])
		sieges := 0
		for _, t := range buf {
			if t.Kind == conflict.RelationBesieges {
				sieges++
			}
		}
		fmt.Println(day, len(buf), "ties,", sieges, "siege")
	}
	// Output:
	// 2015-10-15 13 ties, 1 siege
	// 2016-04-06 12 ties, 0 siege
}

func ExampleConflict_AppendChanges() {
	c := syria()
	var buf []conflict.Change
	for _, month := range []string{"2015-09", "2016-03"} {
		from := conflict.MustParseDate(month)
		lo, hi := from.Window()
		buf = c.AppendChanges(buf[:0], lo, hi)
		fmt.Println(month, len(buf), "changes:")
		for _, ch := range buf {
			fmt.Println(" ", ch)
		}
	}
	// Output:
	// 2015-09 1 changes:
	//   2015-09-30 opened russia supports syrian-government
	// 2016-03 2 changes:
	//   2016-03-27 closed isis controls palmyra
	//   2016-03-27 opened syrian-government controls palmyra
}

func ExampleConflict_AppendTimeline() {
	c := syria()
	var buf []conflict.Change
	for _, id := range []string{"palmyra", "russia"} {
		buf = c.AppendTimeline(buf[:0], id)
		fmt.Println(id, len(buf), "changes, the first:", buf[0])
	}
	// Output:
	// palmyra 6 changes, the first: 2015-05-21 closed syrian-government controls palmyra
	// russia 1 changes, the first: 2015-09-30 opened russia supports syrian-government
}
