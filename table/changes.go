package table

import (
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
)

// changesColumns are the columns of the changes table.
var changesColumns = slices.Concat(
	dateColumns("date", true, true),
	[]Column{
		{"change", TypeString, false},
		{"certainty", TypeString, false},
	},
	tieColumns,
)

// Changes returns the changes table of rec from the day of from up to, not
// including, the day of to (conflict.Record.Changes): one row per tie that
// opened or closed, in time order, with the date of the change, "opened" or
// "closed", how sure it is that the change falls in the range, and the tie.
func Changes(rec conflict.Record, from, to time.Time) Table {
	t := Table{Name: "changes", Columns: changesColumns}
	for _, ch := range rec.Changes(from, to) {
		row := make(Row, 0, len(changesColumns))
		row = boundCells(row, ch.When())
		change := "opened"
		if ch.Closed {
			change = "closed"
		}
		row = append(row, change, ch.Certainty.String())
		t.Rows = append(t.Rows, append(row, tieCells(rec, ch.Tie)...))
	}
	return t
}
