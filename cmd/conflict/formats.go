package main

import (
	"cmp"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

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
	// Conflict, telling phase when its work enters a phase ("checking");
	// nil if this build has no reader for the format.
	load func(r io.Reader, title string, phase func(string)) (*conflict.Conflict, error)
}

// formats are the kinds of file the tool reads, in the order the help lists
// them. A format with a nil load is named but not available: its importer is
// not part of this build yet.
var formats = []format{
	{"json", "the dataset file of package conflict", nil, loadJSON},
	{"signed-csv", "a signed edge list, from,to,sign[,start,end] (package signedcsv)",
		[]string{"from", "to", "sign"},
		fromDataset(func(r io.Reader, title string) (conflict.Dataset, error) {
			d := signedcsv.Decoder{Title: title}
			return d.Decode(r)
		})},
	{"ucdp-acd", "the UCDP/PRIO Armed Conflict Dataset's CSV (package ucdpacd)",
		[]string{"conflict_id", "gwno_a"},
		fromDataset(func(r io.Reader, _ string) (conflict.Dataset, error) { return ucdpacd.Read(r, nil) })},
	{"ucdp-ged", "the UCDP Georeferenced Event Dataset's CSV (package ucdpged)",
		[]string{"type_of_violence", "where_prec"},
		fromDataset(func(r io.Reader, _ string) (conflict.Dataset, error) { return ucdpged.Read(r, nil) })},
	{"acled", "ACLED's CSV of events (package acled)",
		[]string{"event_id_cnty", "event_date"},
		fromDataset(func(r io.Reader, _ string) (conflict.Dataset, error) { return acled.Read(r, nil) })},
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
// every problem. Conflict.Load decodes and checks in one call, which the
// progress report shows as one phase, loading; a hook of the library's for
// its phases would call phase.
func loadJSON(r io.Reader, _ string, _ func(string)) (*conflict.Conflict, error) {
	c := new(conflict.Conflict)
	if err := c.Load(r); err != nil {
		return nil, err
	}
	return c, nil
}

// fromDataset makes a format's load func of an importer that returns a
// Dataset.
func fromDataset(read func(r io.Reader, title string) (conflict.Dataset, error)) func(io.Reader, string, func(string)) (*conflict.Conflict, error) {
	return func(r io.Reader, title string, phase func(string)) (*conflict.Conflict, error) {
		ds, err := read(r, title)
		if err != nil {
			return nil, err
		}
		phase("checking")
		c := new(conflict.Conflict)
		if err := c.Add(ds); err != nil {
			return nil, err
		}
		return c, nil
	}
}

// problems returns the problems in FILE that err reports, with a hint
// when a CSV file was read as JSON.
func (inv *invocation) problems(err error) []problem {
	ps := problems(err)
	csv := strings.EqualFold(filepath.Ext(inv.file), ".csv")
	if inv.format.s == "json" && csv && errors.Is(err, conflict.ErrFormat) && len(ps) == 1 {
		ps[0].Message += " (read as json; give the file's format with -format)"
	}
	return ps
}

// A problem is one problem with the data, with its place in the file.
type problem struct {
	Line    int    `json:"line,omitempty"`   // line in the file; 0 if unknown
	Row     int    `json:"row,omitempty"`    // CSV row, counting the header as 1; 0 if not CSV
	Entity  string `json:"entity,omitempty"` // the record at fault
	Field   string `json:"field,omitempty"`  // the field or column at fault
	Value   string `json:"value,omitempty"`  // the value at fault, as given
	Message string `json:"message"`          // the whole problem, without the file and line
}

// text returns the problem as a line naming file and line:
// "syria.json:12: relations[3] (a fights b): to \"x\": unknown ID".
func (p problem) text(file string) string {
	if p.Line > 0 {
		return file + ":" + strconv.Itoa(p.Line) + ": " + p.Message
	}
	return file + ": " + p.Message
}

// problems returns every problem that err, as a reader or the library
// returns it (joined with errors.Join), reports.
func problems(err error) []problem {
	var out []problem
	for _, e := range unjoin(err) {
		var ce *conflict.Error
		var se *signedcsv.Error
		var ae *ucdpacd.Error
		var ge *ucdpged.Error
		var le *acled.Error
		switch {
		case errors.As(e, &ce):
			c := *ce
			c.Line = 0 // the line goes before the message
			out = append(out, problem{
				Line: ce.Line, Entity: ce.Entity, Field: ce.Field, Value: ce.Value,
				Message: strings.TrimPrefix(c.Error(), "conflict: "),
			})
		case errors.As(e, &se):
			p := rowProblem(se.Row, se.Column, se.Value, se, "signedcsv: ")
			p.Line = se.Line
			out = append(out, p)
		case errors.As(e, &ae):
			out = append(out, rowProblem(ae.Row, ae.Column, ae.Value, ae, "ucdpacd: "))
		case errors.As(e, &ge):
			out = append(out, rowProblem(ge.Row, ge.Column, ge.Value, ge, "ucdpged: "))
		case errors.As(e, &le):
			out = append(out, rowProblem(le.Row, le.Column, le.Value, le, "acled: "))
		default:
			out = append(out, problem{Message: strings.TrimPrefix(e.Error(), "conflict: ")})
		}
	}
	// In file order; problems without a line, last.
	slices.SortStableFunc(out, func(a, b problem) int {
		if (a.Line == 0) != (b.Line == 0) {
			return cmp.Compare(b.Line, a.Line)
		}
		return cmp.Compare(a.Line, b.Line)
	})
	return out
}

// rowProblem is a problem with a row of a CSV file, as an importer reports
// it; its message is err's without the package's prefix.
func rowProblem(row int, column, value string, err error, prefix string) problem {
	p := problem{Row: row, Field: column, Value: value, Message: strings.TrimPrefix(err.Error(), prefix)}
	if row > 0 {
		p.Entity = "row " + strconv.Itoa(row)
	}
	return p
}

// unjoin returns the errors joined in err, recursively, or err alone.
func unjoin(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, unjoin(e)...)
	}
	return out
}
