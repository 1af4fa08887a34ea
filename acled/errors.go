package acled

import (
	"errors"

	"github.com/conflictgraph/conflict/internal/csvimport"
)

// Categories of bad input. Every error Read returns about the file's content
// is an [*Error] wrapping ErrMissing or ErrInvalid, or wrapping the error of
// [encoding/csv] (a [*csv.ParseError]) when the file is not well-formed CSV;
// or, in keep-going mode, the errors of the rows it skipped, joined after a
// summary that wraps ErrSkipped.
var (
	// ErrMissing: the header lacks a required column, or a required cell
	// is empty.
	ErrMissing = errors.New("acled: missing value")
	// ErrInvalid: a cell holds a value that cannot be read, or the header
	// names a column twice.
	ErrInvalid = errors.New("acled: invalid value")

	// ErrSkipped: Read, in keep-going mode, skipped bad rows and read the
	// rest; the records it returns are good. See [Read].
	ErrSkipped = errors.New("acled: bad rows skipped")
)

// An Error is a problem with one row, or one cell, of the file.
type Error struct {
	// Row is the 1-based number of the CSV record at fault, counting the
	// header as row 1. It counts records, not lines: a quoted cell may span
	// lines. It is 0 for a problem that belongs to no row.
	Row    int
	Column string // the column's name in the header; "" if the row as a whole is at fault
	Value  string // the offending value, as read
	Err    error  // ErrMissing, ErrInvalid, or the error of encoding/csv or of the reader
	Reason string // what is wrong, in a few words; "" to say Err's text
}

// Error returns a one-line description such as
//
//	acled: row 17: column year: "19x6": invalid year
func (e *Error) Error() string { return pkg.Message((*csvimport.Error)(e)) }

// Unwrap returns the category or the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// pkg describes the package to the reading and error code it shares with
// the other importers.
var pkg = &csvimport.Package{
	Name:    "acled",
	Missing: ErrMissing,
	Invalid: ErrInvalid,
	Skipped: ErrSkipped,
	Export:  func(e *csvimport.Error) error { return (*Error)(e) },
}
