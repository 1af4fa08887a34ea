package table

import (
	"cmp"
	"slices"

	"github.com/conflictgraph/conflict"
)

// eventsColumns are the columns of the events table.
var eventsColumns = slices.Concat(
	[]Column{
		{"id", TypeString, false},
		{"kind", TypeString, false},
	},
	dateColumns("date", false, true),
	[]Column{
		{"location", TypeString, true},
		{"location_name", TypeString, true},
		{"actors", TypeList, false},
		{"counterparts", TypeList, false},
		{"support", TypeList, false},
		{"sources", TypeList, false},
		{"note", TypeString, true},
	},
)

// Events returns the events table of rec: one row per event, sorted by date
// (as conflict.Date.Compare orders dates) and then by ID. Of a view as
// known on a date, it has the events known then, each with the sources
// known then ([conflict.View.Events]).
func Events(rec conflict.Record) Table {
	var events []conflict.Event
	for _, h := range rec.Events(conflict.EventQuery{}) {
		events = append(events, h.Event)
	}
	slices.SortFunc(events, func(a, b conflict.Event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	t := Table{Name: "events", Columns: eventsColumns}
	for _, e := range events {
		row := make(Row, 0, len(eventsColumns))
		row = append(row, e.ID, e.Kind.String())
		row = dateCells(row, e.Date)
		row = append(row, orNil(e.Location), nameOrNil(rec, e.Location),
			list(e.Actors), list(e.Counterparts), supportList(e.Support), list(e.Sources), orNil(e.Note))
		t.Rows = append(t.Rows, row)
	}
	return t
}
