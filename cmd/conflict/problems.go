package main

import (
	"cmp"
	"errors"
	"fmt"
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

// A report is what reading FILE found wrong with it.
type report struct {
	problems []problem // the problems described, in file order
	more     int       // the problems found but not described
	// skipped are the summaries of what a keep-going read skipped, the
	// library's and the importer's: "records skipped: 3 records with
	// problems or referring to them".
	skipped []string
}

// mostShown is how many problems a command other than validate lists.
const mostShown = 10

// report returns what err, an error of reading FILE, reports, with a hint
// when a CSV file was read as JSON.
func (inv *invocation) report(err error) report {
	rp := reportOf(err)
	csv := strings.EqualFold(filepath.Ext(inv.file), ".csv")
	if inv.format.s == "json" && csv && errors.Is(err, conflict.ErrFormat) && len(rp.problems) == 1 {
		rp.problems[0].Message += " (read as json; give the file's format with -format)"
	}
	return rp
}

// printReport lists the first problems of rp on stderr, one a line, says
// how many more there are and how to see them, then what was skipped.
func (inv *invocation) printReport(rp report) {
	inv.stopProgress()
	file := inv.fileName()
	more := rp.more
	for i, p := range rp.problems {
		if i == mostShown {
			more += len(rp.problems) - i
			break
		}
		fmt.Fprintln(inv.stderr, p.text(file))
	}
	if more > 0 {
		validate := "conflict validate"
		if inv.keepGoing {
			validate += " -keep-going"
		}
		fmt.Fprintf(inv.stderr, "%s: and %d more problems (run '%s -format %s %s' for all)\n",
			file, more, validate, inv.format.s, inv.file)
	}
	for _, s := range rp.skipped {
		fmt.Fprintf(inv.stderr, "%s: %s\n", file, s)
	}
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

// reportOf returns what err, as a reader or the library returns it (joined
// with errors.Join), reports.
func reportOf(err error) report {
	var rp report
	for _, e := range unjoin(err) {
		var ce *conflict.Error
		var se *signedcsv.Error
		var ae *ucdpacd.Error
		var ge *ucdpged.Error
		var le *acled.Error
		var ss skipSummary
		var n int
		switch {
		case errors.Is(e, conflict.ErrSkipped), errors.As(e, &ss):
			rp.skipped = append(rp.skipped, strings.TrimPrefix(e.Error(), "conflict: "))
		case errors.As(e, &ce):
			c := *ce
			c.Line = 0 // the line goes before the message
			rp.problems = append(rp.problems, problem{
				Line: ce.Line, Entity: ce.Entity, Field: ce.Field, Value: ce.Value,
				Message: strings.TrimPrefix(c.Error(), "conflict: "),
			})
		case errors.As(e, &se):
			p := rowProblem(se.Row, se.Column, se.Value, se, "signedcsv: ")
			p.Line = se.Line
			rp.problems = append(rp.problems, p)
		case errors.As(e, &ae):
			rp.problems = append(rp.problems, rowProblem(ae.Row, ae.Column, ae.Value, ae, "ucdpacd: "))
		case errors.As(e, &ge):
			rp.problems = append(rp.problems, rowProblem(ge.Row, ge.Column, ge.Value, ge, "ucdpged: "))
		case errors.As(e, &le):
			rp.problems = append(rp.problems, rowProblem(le.Row, le.Column, le.Value, le, "acled: "))
		case moreProblems(e, &n):
			rp.more += n
		default:
			rp.problems = append(rp.problems, problem{Message: strings.TrimPrefix(e.Error(), "conflict: ")})
		}
	}
	// In file order; problems without a line, last.
	slices.SortStableFunc(rp.problems, func(a, b problem) int {
		if (a.Line == 0) != (b.Line == 0) {
			return cmp.Compare(b.Line, a.Line)
		}
		return cmp.Compare(a.Line, b.Line)
	})
	return rp
}

// moreProblems reports whether e is the library's count of the problems it
// found but did not describe (conflict.LoadOptions.MaxErrors), "conflict:
// and 3051 more problems", and sets *n to the count.
func moreProblems(e error, n *int) bool {
	var ce *conflict.Error
	if errors.As(e, &ce) {
		return false
	}
	s, ok := strings.CutPrefix(e.Error(), "conflict: and ")
	if s, ok2 := strings.CutSuffix(s, " more problems"); ok && ok2 {
		m, err := strconv.Atoi(s)
		*n = m
		return err == nil
	}
	return false
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
