package main

import (
	"errors"
	"io"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/acled"
	"github.com/conflictgraph/conflict/signedcsv"
	"github.com/conflictgraph/conflict/ucdpacd"
	"github.com/conflictgraph/conflict/ucdpged"
)

// A format is a kind of dataset file the tool reads.
type format struct {
	name  string
	about string // what the files are, for the help
	// columns are the columns of a CSV file's header that tell a file of
	// this format from the others; nil for json.
	columns []string
	// load reads a file, whose base name is title ("" for stdin), into a new
	// Conflict; nil if this build has no reader for the format. It returns
	// a nil Conflict and an error for a file it cannot load, or, keeping
	// going, the Conflict of the records it could add and an error that
	// describes the records it skipped (see reportOf).
	load func(r io.Reader, title string, opt readOptions) (*conflict.Conflict, error)
}

// readOptions say how to read a file.
type readOptions struct {
	keepGoing bool
	maxErrors int          // how many of its problems the library describes, as conflict.LoadOptions
	phase     func(string) // told each phase of the work: "decoding", "checking", "adding"
}

// library returns the options of the library's load or add.
func (o readOptions) library() conflict.LoadOptions {
	return conflict.LoadOptions{
		KeepGoing: o.keepGoing,
		MaxErrors: o.maxErrors,
		Progress: func(p string) {
			if ing, ok := libraryPhases[p]; ok {
				p = ing
			}
			o.phase(p)
		},
	}
}

// libraryPhases name the phases of conflict.LoadOptions.Progress as the
// progress line shows them.
var libraryPhases = map[string]string{"decode": "decoding", "check": "checking", "add": "adding"}

// formats are the kinds of file the tool reads, in the order the help lists
// them. A format with a nil load is named but not available: its importer is
// not part of this build yet.
//
// An importer that can skip its bad rows is given keep (-keep-going) in its
// options, and fromDataset its error for the rows it skipped, to tell it
// from an error that leaves nothing to add; one that cannot skip rows
// ignores keep and gives fromDataset nil. Once acled.Options has KeepGoing,
// for example, its entry is
//
//	fromDataset(acled.ErrSkipped, func(r io.Reader, _ string, keep bool) (conflict.Dataset, error) {
//		return acled.Read(r, &acled.Options{KeepGoing: keep})
//	})},
var formats = []format{
	{"json", "the dataset file of package conflict", nil, loadJSON},
	{"signed-csv", "a signed edge list, from,to,sign[,start,end] (package signedcsv)",
		[]string{"from", "to", "sign"},
		fromDataset(nil, func(r io.Reader, title string, keep bool) (conflict.Dataset, error) {
			return (&signedcsv.Decoder{Title: title}).Decode(r)
		})},
	{"ucdp-acd", "the UCDP/PRIO Armed Conflict Dataset's CSV (package ucdpacd)",
		[]string{"conflict_id", "gwno_a"},
		fromDataset(nil, func(r io.Reader, _ string, keep bool) (conflict.Dataset, error) {
			return ucdpacd.Read(r, nil)
		})},
	{"ucdp-ged", "the UCDP Georeferenced Event Dataset's CSV (package ucdpged)",
		[]string{"type_of_violence", "where_prec"},
		fromDataset(nil, func(r io.Reader, _ string, keep bool) (conflict.Dataset, error) {
			return ucdpged.Read(r, nil)
		})},
	{"acled", "ACLED's CSV of events (package acled)",
		[]string{"event_id_cnty", "event_date"},
		fromDataset(nil, func(r io.Reader, _ string, keep bool) (conflict.Dataset, error) {
			return acled.Read(r, nil)
		})},
}

// lookupFormat returns the format called name, or a usage error if there is
// none or this build cannot read it.
func lookupFormat(name string) (format, error) {
	for _, f := range formats {
		if f.name != name {
			continue
		}
		if f.load == nil {
			return f, usagef("format %s is not available in this build", name)
		}
		return f, nil
	}
	return format{}, usagef("unknown format %q: want %s", name, formatList())
}

// loadJSON reads the dataset file of package conflict, keeping the line of
// every problem.
func loadJSON(r io.Reader, _ string, opt readOptions) (*conflict.Conflict, error) {
	c := new(conflict.Conflict)
	err := c.LoadWith(r, opt.library())
	if err != nil && !errors.Is(err, conflict.ErrSkipped) {
		return nil, err
	}
	return c, err
}

// fromDataset makes a format's load func of an importer's read, which
// returns a Dataset. skipped is the importer's error for the rows it
// skipped when keep is true, or nil if it cannot skip rows: an error of
// read's that wraps it leaves the rows it read to add.
func fromDataset(skipped error, read func(r io.Reader, title string, keep bool) (conflict.Dataset, error)) func(io.Reader, string, readOptions) (*conflict.Conflict, error) {
	return func(r io.Reader, title string, opt readOptions) (*conflict.Conflict, error) {
		ds, rerr := read(r, title, opt.keepGoing)
		if rerr != nil {
			if !opt.keepGoing || skipped == nil || !errors.Is(rerr, skipped) {
				return nil, rerr
			}
			rerr = markSkipped(rerr, skipped)
		}
		c := new(conflict.Conflict)
		err := c.AddWith(ds, opt.library())
		if err != nil && !errors.Is(err, conflict.ErrSkipped) {
			return nil, errors.Join(rerr, err)
		}
		return c, errors.Join(rerr, err)
	}
}

// A skipSummary is an importer's summary of the rows it skipped, as
// conflict.ErrSkipped marks the library's: "acled: bad rows skipped: 2 of
// 317".
type skipSummary struct{ err error }

func (s skipSummary) Error() string { return s.err.Error() }
func (s skipSummary) Unwrap() error { return s.err }

// markSkipped returns err, errors joined as an importer returns them, with
// the ones that wrap skipped marked as skipSummary.
func markSkipped(err, skipped error) error {
	parts := unjoin(err)
	for i, e := range parts {
		if errors.Is(e, skipped) {
			parts[i] = skipSummary{e}
		}
	}
	return errors.Join(parts...)
}
