package table

import (
	"errors"
	"fmt"
	"time"
)

// A Table is one of the tables: its name, its columns and its rows, one row
// per fact. The functions that make tables return fresh rows, the caller's
// to keep.
type Table struct {
	Name    string // "ties", "control", "changes" or "events"
	Columns []Column
	Rows    []Row
}

// A Row is one row of a table: one value per column, in the order of the
// table's Columns. Each value is nil (null, only in a column that may be
// null) or of the Go type that its column's Type names.
type Row []any

// A Column is one column of a table.
type Column struct {
	Name string // snake_case, unique in its table
	Type Type
	Null bool // whether a value may be null (nil)
}

// Type is the type of a column's values.
type Type uint8

// The types of column. A list is never null: an empty list stands for none.
const (
	TypeString Type = iota + 1 // string
	TypeDate                   // time.Time at midnight UTC starting the day: a calendar day of the record's time zone
	TypeBool                   // bool
	TypeList                   // []string
)

// String returns "string", "date", "bool" or "list".
func (t Type) String() string {
	switch t {
	case TypeString:
		return "string"
	case TypeDate:
		return "date"
	case TypeBool:
		return "bool"
	case TypeList:
		return "list"
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// Errors that the writers return for a table whose values do not fit its
// columns, wrapped with the table, row, column and value at fault.
var (
	// ErrValue is a value that does not fit its column: of another Go
	// type, nil where the column may not be null, a day that is not a
	// midnight UTC, or a row with too few or too many values.
	ErrValue = errors.New("table: value does not fit its column")

	// ErrSeparator is a list element that holds the CSV list separator
	// ";" (which an ID may hold), so that the CSV cell could not be read
	// back: write Parquet, whose lists keep their elements apart.
	ErrSeparator = errors.New(`table: list element holds the CSV list separator ";"`)
)

// Check reports whether every row of t fits its columns: it returns nil,
// or an error that wraps ErrValue and names the first row (counting from
// 1), column and value that does not fit.
func (t Table) Check() error {
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("table %s, row %d: %d values for %d columns: %w", t.Name, i+1, len(row), len(t.Columns), ErrValue)
		}
		for j, v := range row {
			if err := t.Columns[j].check(v); err != nil {
				return fmt.Errorf("table %s, row %d, column %s: %w", t.Name, i+1, t.Columns[j].Name, err)
			}
		}
	}
	return nil
}

// check returns nil if v fits column c, or an error that wraps ErrValue.
func (c Column) check(v any) error {
	if v == nil {
		if c.Null {
			return nil
		}
		return fmt.Errorf("null in a column that may not be null: %w", ErrValue)
	}
	ok := false
	switch c.Type {
	case TypeString:
		_, ok = v.(string)
	case TypeDate:
		var d time.Time
		if d, ok = v.(time.Time); ok && !isDay(d) {
			return fmt.Errorf("%s is not midnight UTC: %w", d.Format(time.RFC3339Nano), ErrValue)
		}
	case TypeBool:
		_, ok = v.(bool)
	case TypeList:
		_, ok = v.([]string)
	}
	if !ok {
		return fmt.Errorf("%#v of Go type %T in a %s column: %w", v, v, c.Type, ErrValue)
	}
	return nil
}

// isDay reports whether t is a midnight UTC, as a day column's values are.
func isDay(t time.Time) bool {
	return t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}
