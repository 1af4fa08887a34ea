package main

import (
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/table"
)

// A tableKind is one of the tables export csv and parquet write (package
// table), and the flags it takes besides -as-of.
type tableKind struct {
	name string
	at   bool // -at: at a moment
	days bool // -from and -to: over a range of days
	make func(inv *invocation, c *conflict.Conflict, rec conflict.Record) (table.Table, error)
}

// tableKinds are the tables, in the order the help lists them.
var tableKinds = []tableKind{
	{name: "ties", at: true, make: func(inv *invocation, _ *conflict.Conflict, rec conflict.Record) (table.Table, error) {
		if inv.at.set {
			return table.TiesAt(rec, inv.at.in(inv.zone)), nil
		}
		return table.Ties(rec), nil
	}},
	{name: "control", at: true, days: true, make: controlTable},
	{name: "changes", days: true, make: func(inv *invocation, _ *conflict.Conflict, rec conflict.Record) (table.Table, error) {
		from, to := startOf(conflict.Year(1), inv.zone), startOf(conflict.Day(9999, time.December, 31), inv.zone)
		if inv.from.set {
			from = inv.from.in(inv.zone)
		}
		if inv.to.set {
			to = inv.to.in(inv.zone)
		}
		return table.Changes(rec, from, to), nil
	}},
	{name: "events", make: func(_ *invocation, _ *conflict.Conflict, rec conflict.Record) (table.Table, error) {
		return table.Events(rec), nil
	}},
}

// tableNames returns the names of the tables.
func tableNames() []string {
	var names []string
	for _, k := range tableKinds {
		names = append(names, k.name)
	}
	return names
}

// tableKindOf returns the table -table names, after checking that the
// other flags fit it.
func (inv *invocation) tableKindOf(format string) (tableKind, error) {
	if !inv.tableName.set {
		return tableKind{}, usagef("export %s needs -table T: one of %s", format, orList(tableNames()))
	}
	var k tableKind
	for _, tk := range tableKinds {
		if tk.name == inv.tableName.s {
			k = tk
		}
	}
	switch {
	case k.name == "":
		return k, usagef("unknown table %q: want %s", inv.tableName.s, orList(tableNames()))
	case inv.at.set && !k.at:
		return k, usagef("the %s table takes no -at", k.name)
	case (inv.from.set || inv.to.set) && !k.days:
		return k, usagef("the %s table takes no -from or -to", k.name)
	case inv.at.set && (inv.from.set || inv.to.set):
		return k, usagef("the %s table takes -at, or -from and -to, not both", k.name)
	}
	return k, nil
}

// controlTable returns the control table: at the moment -at gives, or over
// the days from -from to -to, which default to the days of the record's
// changes (table.Span); for a record with no dated tie and neither -from nor
// -to, at the moment the commands take for it (today).
func controlTable(inv *invocation, _ *conflict.Conflict, rec conflict.Record) (table.Table, error) {
	first, last := table.Span(rec)
	if inv.at.set || (first.IsZero() && !inv.from.set && !inv.to.set) {
		t, err := inv.moment(rec)
		if err != nil {
			return table.Table{}, err
		}
		return table.ControlAt(rec, t.In(inv.zone)), nil
	}
	// The first days of the range: conflict.Day normalizes the day after
	// the last of a month, or before the first.
	day := func(d conflict.Date, n int) conflict.Date { return conflict.Day(d.Year(), d.Month(), d.Day()+n) }
	var from, to conflict.Date
	if !first.IsZero() {
		from, to = first, day(last, 1)
	}
	if inv.from.set {
		from = day(inv.from.d, 0)
	}
	if inv.to.set {
		to = day(inv.to.d, 0)
	}
	// One end given beyond the other end of the record's changes, or
	// none to default to: one day.
	if to.IsZero() || (!inv.to.set && to.Compare(from) <= 0) {
		to = day(from, 1)
	}
	if from.IsZero() || (!inv.from.set && from.Compare(to) >= 0) {
		from = day(to, -1)
	}
	return table.ControlOver(rec, startOf(from, inv.zone), startOf(to, inv.zone)), nil
}

// orList returns the words as "a, b, c or d".
func orList(words []string) string {
	if len(words) < 2 {
		return words[0]
	}
	s := words[0]
	for _, w := range words[1 : len(words)-1] {
		s += ", " + w
	}
	return s + " or " + words[len(words)-1]
}
