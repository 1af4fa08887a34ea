package table

import (
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
)

// tieColumns are the columns that describe a tie, in the ties and changes
// tables.
var tieColumns = slices.Concat(
	[]Column{
		{"kind", TypeString, false},
		{"from_id", TypeString, false},
		{"from_name", TypeString, true},
		{"to_id", TypeString, false},
		{"to_name", TypeString, true},
	},
	dateColumns("start", true, false),
	dateColumns("end", true, false),
	[]Column{
		{"support", TypeList, false},
		{"sources", TypeList, false},
	},
)

// tiesColumns are the columns of the ties table.
var tiesColumns = append(slices.Clip(tieColumns), Column{"certainty", TypeString, true})

// Ties returns the ties table of rec: one row per tie, every period of
// every relation (conflict.Record.Ties), in the order of Tie.Compare, with
// a null certainty.
func Ties(rec conflict.Record) Table {
	t := Table{Name: "ties", Columns: tiesColumns}
	for tie := range rec.Ties() {
		t.Rows = append(t.Rows, append(tieCells(rec, tie), nil))
	}
	return t
}

// TiesAt returns the ties table of rec at instant at: one row per tie that
// holds then, definitely or possibly (conflict.Moment.Ties), in the order of
// Tie.Compare, each with its certainty.
func TiesAt(rec conflict.Record, at time.Time) Table {
	m := rec.At(at)
	ties := slices.SortedFunc(m.Ties(), conflict.Tie.Compare)
	t := Table{Name: "ties", Columns: tiesColumns}
	for _, tie := range ties {
		t.Rows = append(t.Rows, append(tieCells(rec, tie), tie.Certainty.String()))
	}
	return t
}

// tieCells returns the values of tieColumns for tie.
func tieCells(rec conflict.Record, tie conflict.Tie) Row {
	row := make(Row, 0, len(tiesColumns))
	row = append(row, tie.Kind.String(), tie.From, name(rec, tie.From), tie.To, name(rec, tie.To))
	row = boundCells(row, tie.Start)
	row = boundCells(row, tie.End)
	return append(row, supportList(tie.Support), list(tie.Sources()))
}

// name returns the name of node id in rec, or nil if it has none.
func name(rec conflict.Record, id string) any {
	if n, ok := rec.Node(id); ok && n.Name != "" {
		return n.Name
	}
	return nil
}

// nameOrNil returns the name of node id in rec, or nil if id is "" or the
// node has no name.
func nameOrNil(rec conflict.Record, id string) any {
	if id == "" {
		return nil
	}
	return name(rec, id)
}

// orNil returns s, or nil if it is empty.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// supportList returns the words of the kinds in s, in declaration order.
func supportList(s conflict.Support) []string {
	words := []string{}
	for k := range s.All() {
		words = append(words, k.String())
	}
	return words
}

// list returns a copy of s, empty rather than nil, as a list column's value.
func list(s []string) []string {
	return append([]string{}, s...)
}
