// Package csvimport holds what the importers of CSV datasets (acled,
// ucdpged and ucdpacd) share: a [Table] that reads a file with a header row,
// finds cells by column name and, in keep-going mode, skips bad rows; the
// [Error] it reports about a row or a cell; and [Assign], which gives the
// nodes an importer makes unique names and IDs. For the importers of
// events, [Places] keeps the countries, regions and sites the events
// happen at and names them. [Day], [Window] and [Change] turn the days on
// which something may have happened into a Date, and [Knowable] says
// whether a source could know of a day.
//
// Each importer exports its own error type, with the fields of [Error], and
// describes itself to this package with a [Package].
package csvimport

import (
	"strconv"
	"strings"
)

// A Package describes the importer on whose behalf a [Table] reads: what
// its errors say and what type they have.
type Package struct {
	// Name begins every message, followed by ": ", as in
	// "acled: row 17: ...".
	Name string

	// Missing and Invalid are the importer's categories of bad input: its
	// ErrMissing and ErrInvalid.
	Missing, Invalid error

	// Skipped is the importer's ErrSkipped, which the summary of the rows
	// a keep-going read skipped wraps.
	Skipped error

	// Export returns e as the importer's exported error type, a struct type
	// with the fields of Error, to which *Error converts.
	Export func(e *Error) error
}

// An Error is a problem with one row, or one cell, of a file. It is the
// shared form of each importer's exported Error type, which has these
// fields and documents them.
type Error struct {
	Row    int    // the CSV record, counting the header as row 1; 0 for none
	Column string // the column's name; "" if the row as a whole is at fault
	Value  string // the offending value, as read
	Err    error  // the category, or the error of encoding/csv or of the reader
	Reason string // what is wrong, in a few words; "" to say Err's text
}

// Message returns the text of e as an error of package p, such as
//
//	acled: row 17: column year: "19x6": invalid year
//
// The row is left out if it is 0, the column if it is "". The value, quoted
// and cut to about 80 bytes, is left out if it is empty, unless e.Err is
// p.Invalid. Without a Reason, the text ends with that of e.Err, less a
// leading p.Name and ": ".
func (p *Package) Message(e *Error) string {
	b := append([]byte(p.Name), ": "...)
	if e.Row > 0 {
		b = append(b, "row "...)
		b = strconv.AppendInt(b, int64(e.Row), 10)
		b = append(b, ": "...)
	}
	if e.Column != "" {
		b = append(b, "column "...)
		b = append(b, e.Column...)
		b = append(b, ": "...)
		if e.Value != "" || e.Err == p.Invalid {
			b = strconv.AppendQuote(b, clip(e.Value))
			b = append(b, ": "...)
		}
	}
	switch {
	case e.Reason != "":
		b = append(b, e.Reason...)
	case e.Err != nil:
		b = append(b, strings.TrimPrefix(e.Err.Error(), p.Name+": ")...)
	}
	return string(b)
}

// clip shortens a long value for a message; the Error keeps it whole.
func clip(s string) string {
	const limit = 80
	if len(s) <= limit {
		return s
	}
	i := limit
	for i > 0 && s[i]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		i--
	}
	return s[:i] + "…"
}
