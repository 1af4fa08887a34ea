package conflict

import (
	"errors"
	"strconv"
)

// Categories of bad data. Every error the package returns for bad data wraps
// one of these, so callers can test for it with [errors.Is]; most also come
// as an [*Error] that names the entity, field and value, for [errors.As].
var (
	ErrDate        = errors.New("conflict: invalid date")
	ErrUnknownID   = errors.New("conflict: unknown ID")
	ErrDuplicateID = errors.New("conflict: duplicate ID")
	ErrBadID       = errors.New("conflict: malformed ID")
	ErrKind        = errors.New("conflict: unknown kind")
	ErrEnds        = errors.New("conflict: wrong kind of node at an end of a relation")
	ErrSpan        = errors.New("conflict: end is not after start")
	ErrMissing     = errors.New("conflict: required field is empty")
	ErrName        = errors.New("conflict: name or alias names two nodes")
	ErrTwoHolders  = errors.New("conflict: two holders of one place at once")
	ErrCycle       = errors.New("conflict: a cycle of nodes within or part of each other")
	ErrAnachronism = errors.New("conflict: anachronism: a source vouches for a date after its publication")
	ErrTimeZone    = errors.New("conflict: unknown time zone")
	ErrFormat      = errors.New("conflict: malformed dataset")

	// ErrSkipped is wrapped by the error of a load or an add that kept
	// going (LoadOptions.KeepGoing): the records reported were skipped,
	// and the rest were added.
	ErrSkipped = errors.New("conflict: records skipped")
)

// An Error describes one problem with one record: which record (Entity), which
// of its fields, and the offending value. It wraps one of the package's
// sentinel errors (Err), which [errors.Is] sees through it.
type Error struct {
	Entity string // the record: "relation 3 (isis controls palmyra)", "actor isis"
	Field  string // the field at fault, as named in the dataset: "to", "start"
	Value  string // the offending value, as given
	Line   int    // line in the dataset file, when the record was loaded from one; 0 otherwise
	Err    error  // the category: ErrUnknownID, ErrDate, ...
	Detail string // more about the problem, if any

	rec record // the record at fault, for skipping it; section "" if none
}

// A record names one record of a dataset by its section and index.
type record struct {
	section string
	i       int
}

// Error returns a one-line description that starts with the package prefix
// and names the line (when known), entity, field and value.
func (e *Error) Error() string {
	b := []byte("conflict: ")
	if e.Line > 0 {
		b = append(b, "line "...)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = append(b, ": "...)
	}
	b = append(b, e.Entity...)
	if e.Field != "" {
		b = append(b, ": "...)
		b = append(b, e.Field...)
		b = append(b, ' ')
		b = strconv.AppendQuote(b, e.Value)
	}
	b = append(b, ": "...)
	b = append(b, trimPrefix(e.Err.Error())...)
	if e.Detail != "" {
		b = append(b, " ("...)
		b = append(b, e.Detail...)
		b = append(b, ')')
	}
	return string(b)
}

// Unwrap returns the category error.
func (e *Error) Unwrap() error { return e.Err }

func trimPrefix(s string) string {
	const p = "conflict: "
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}
