package csvimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Table reads a CSV file with a header row, one record at a time, and
// finds cells by column name. Its methods refer to a wanted column by its
// index in the required and optional names given to [NewTable], taken
// together, required first. The errors it returns are the exported error
// type of its [Package].
type Table struct {
	pkg   *Package
	cr    *csv.Reader
	row   int      // number of the record last read; the header is row 1
	names []string // the wanted columns
	pos   []int    // position of each wanted column in a record; -1 if absent
}

// NewTable reads the header of r and locates the columns named in required
// and optional (lower-case), for package p. Column names in the file are
// matched without regard to case or surrounding spaces, and a leading byte
// order mark is ignored. An empty file, a missing required column, or a
// wanted column named twice is an error.
func NewTable(r io.Reader, p *Package, required, optional []string) (*Table, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = 0 // every record as long as the header
	t := &Table{pkg: p, cr: cr, names: append(append([]string(nil), required...), optional...)}
	header, err := t.Next()
	if err == io.EOF {
		return nil, p.Export(&Error{Row: 1, Err: p.Missing, Reason: "no header: the file is empty"})
	}
	if err != nil {
		return nil, err
	}
	t.pos = make([]int, len(t.names))
	for i := range t.pos {
		t.pos[i] = -1
	}
	for at, h := range header {
		if at == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.ToLower(strings.TrimSpace(h))
		for i, name := range t.names {
			if h != name {
				continue
			}
			if t.pos[i] >= 0 {
				return nil, p.Export(&Error{Row: 1, Column: name, Value: name, Err: p.Invalid, Reason: "column named twice in the header"})
			}
			t.pos[i] = at
		}
	}
	for i, name := range required {
		if t.pos[i] < 0 {
			return nil, p.Export(&Error{Row: 1, Column: name, Err: p.Missing, Reason: "no such column in the header"})
		}
	}
	return t, nil
}

// Next returns the next record, or io.EOF after the last. The record is
// reused by the following call: clone what is kept. An error of
// encoding/csv (a [*csv.ParseError] for a record that is not well-formed
// CSV) or of the reader comes wrapped in an error of the row.
func (t *Table) Next() ([]string, error) {
	rec, err := t.cr.Read()
	if err == io.EOF {
		return nil, err
	}
	t.row++
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, t.pkg.Export(&Error{Row: t.row, Err: err})
		}
		return nil, t.pkg.Export(&Error{Row: t.row, Err: err, Reason: "reading: " + err.Error()})
	}
	return rec, nil
}

// Each calls row with each record after the header, in order, to the end
// of the file. The record is reused by the following call: clone what is
// kept.
//
// Strictly (keepGoing false), it stops at the first error, of reading (as
// from [Table.Next]) or of row, and returns it as err. With keepGoing, a
// record that is not well-formed CSV, or for which row returns an error,
// is skipped and the reading goes on: skipped is then nil if no record was
// skipped, else the summary [Table.Skipped] returns joined with the error
// of each skipped record, in order. Only an error of the reader itself
// (not of encoding/csv) still stops it, returned as err. row must leave
// no trace of a record it fails.
func (t *Table) Each(keepGoing bool, row func(rec []string) error) (skipped, err error) {
	var errs []error
	for {
		rec, err := t.Next()
		if err == io.EOF {
			break
		}
		if err == nil {
			err = row(rec)
		} else if !keepGoing || !t.parseError(err) {
			return nil, err
		}
		if err != nil {
			if !keepGoing {
				return nil, err
			}
			errs = append(errs, err)
		}
	}
	return t.Skipped(errs), nil
}

// parseError reports whether err, from Next, is about a record that is not
// well-formed CSV, after which reading can go on.
func (t *Table) parseError(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe)
}

// Skipped returns nil if errs is empty, else a summary that wraps the
// package's Skipped error and counts the skipped records among those read
// so far ("acled: bad rows skipped: 2 of 317"), joined with errs.
func (t *Table) Skipped(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	sum := fmt.Errorf("%w: %d of %d", t.pkg.Skipped, len(errs), t.row-1)
	return errors.Join(append([]error{sum}, errs...)...)
}

// Row returns the number of the record last read, counting the header as
// row 1.
func (t *Table) Row() int { return t.row }

// Has reports whether the file has wanted column i.
func (t *Table) Has(i int) bool { return t.pos[i] >= 0 }

// Cell returns the value of wanted column i in rec, trimmed of surrounding
// spaces, or "" if the file has no such column.
func (t *Table) Cell(rec []string, i int) string {
	if p := t.pos[i]; p >= 0 {
		return strings.TrimSpace(rec[p])
	}
	return ""
}

// Fail returns an error about the cell of wanted column i in the row last
// read: its value, its category err and what is wrong.
func (t *Table) Fail(i int, value string, err error, reason string) error {
	return t.pkg.Export(&Error{Row: t.row, Column: t.names[i], Value: value, Err: err, Reason: reason})
}

// CheckUTF8 returns an error about the first of the wanted columns cols,
// or of all wanted columns if cols is empty, whose cell in rec is not
// valid UTF-8, and nil if there is none.
func (t *Table) CheckUTF8(rec []string, cols ...int) error {
	check := func(i int) error {
		if v := t.Cell(rec, i); !utf8.ValidString(v) {
			return t.Fail(i, v, t.pkg.Invalid, "not UTF-8")
		}
		return nil
	}
	if len(cols) == 0 {
		for i := range t.pos {
			if err := check(i); err != nil {
				return err
			}
		}
	}
	for _, i := range cols {
		if err := check(i); err != nil {
			return err
		}
	}
	return nil
}

// Int returns the whole number from lo to hi in wanted column i of rec. An
// empty cell is an error of category Missing; any other that does not hold
// such a number is an error of category Invalid, with the reason given.
func (t *Table) Int(rec []string, i, lo, hi int, reason string) (int, error) {
	s := t.Cell(rec, i)
	if s == "" {
		return 0, t.Fail(i, "", t.pkg.Missing, "empty")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, t.Fail(i, s, t.pkg.Invalid, reason)
	}
	return n, nil
}
