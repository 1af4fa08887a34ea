// Command conflict answers dated questions about the record of an armed
// conflict kept in a dataset file: who held each place, who stood with whom,
// how the parties split into sides, what changed between two dates.
//
// Usage:
//
//	conflict <command> [flags] [ARG] FILE
//
// The commands are:
//
//	at        everything in force at a moment (-at DATE)
//	control   who holds every place at a moment, and how surely
//	history   the successive holders of one place (history LOC FILE)
//	alliances the blocs that friendly ties make at a moment
//	sides     the sides by structural balance at a moment (-k N for at most N)
//	changes   what opened and closed between two dates (-from D1 -to D2)
//	validate  every problem in the file, with its place in the file
//	export    the record in another format, to standard output
//	          (export dot|gexf|geojson|svg FILE)
//
// Run "conflict -h" for an example of each, and "conflict <command> -h" for
// a command's flags.
//
// FILE is a dataset file, or "-" for standard input. The -format flag says
// what kind: json (the default) is the dataset file of package conflict;
// signed-csv is a signed edge list with a header from,to,sign and optional
// start and end columns (see package signedcsv); ucdp-acd, ucdp-ged and
// acled are the CSV files of the UCDP/PRIO Armed Conflict Dataset, the UCDP
// Georeferenced Event Dataset and ACLED's events (packages ucdpacd, ucdpged
// and acled).
//
// # Dates and moments
//
// A DATE is YYYY, YYYY-MM or YYYY-MM-DD. A moment is the first day of the
// date's window: -at 2016-04 asks about 1 April 2016. In changes, -from and
// -to are first days likewise, -to excluded: -from 2016-03 -to 2016-04 is
// March 2016; either may be left out to run from the start or to the end
// of the record.
//
// The commands that ask about a moment (at, control, alliances, sides, and
// export to a format that draws one) need -at, unless nothing in the record
// is dated — no tie has a start or an end, as in a signed edge list without
// date columns — so that every moment gives the same answer; they then use
// today (UTC).
//
// # Output
//
// With -json, a query command prints one JSON object and nothing else. The
// keys of at -json are those of conflict.Summary: at, control, possible,
// besieged, alliances, backers and fights. Those of sides -json are at, k
// (null for any number of blocs), blocs, violations, optimal, lower_bound
// (a proven lower bound on violations, equal to it when optimal) and
// frustrated, a list of [a, b, kinds] with a < b and kinds as
// conflict.SignedTie.Kinds gives them.
//
// A usage error — an unknown command, flag or format, a bad date or number,
// a missing argument — is reported on one line with exit status 2. Bad data
// is reported with exit status 1, one problem a line, each as
// FILE:LINE: record: field "value": what is wrong. When standard error is a
// terminal, long work (reading a large file, searching for sides on a large
// network) shows its progress there.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // bad data, an unreadable file, or output that failed
	exitUsage = 2 // a bad command, flag or argument
)

// run is the program: it runs the command that args name, reading FILE (or
// stdin for "-"), writing the answer to stdout and problems to stderr, and
// returns the exit status. Nothing is written to stdout unless the command
// succeeds, or validate finds problems to list.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: conflict <command> [flags] FILE (run 'conflict -h' for help)")
		return exitUsage
	}
	switch name := args[0]; name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			if cmd := lookup(args[1]); cmd != nil {
				fmt.Fprint(stdout, cmd.help())
				return exitOK
			}
			return reportUsage(stderr, "conflict", fmt.Sprintf("unknown command %q", args[1]), "conflict -h")
		}
		fmt.Fprint(stdout, mainHelp())
		return exitOK
	}
	cmd := lookup(args[0])
	if cmd == nil {
		msg := fmt.Sprintf("unknown command %q", args[0])
		if strings.HasPrefix(args[0], "-") {
			msg = fmt.Sprintf("want a command before flags, not %q", args[0])
		}
		return reportUsage(stderr, "conflict", msg, "conflict -h")
	}
	inv := &invocation{cmd: cmd, stdin: stdin, stderr: stderr, progress: isTerminal(stderr)}
	if err := inv.parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, cmd.help())
			return exitOK
		}
		return inv.fail(err)
	}
	if err := cmd.run(inv); err != nil {
		if errors.Is(err, errProblems) {
			stdout.Write(inv.out.Bytes()) // validate's list of problems
		}
		return inv.fail(err)
	}
	if _, err := stdout.Write(inv.out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "conflict: %v\n", err)
		return exitFail
	}
	return exitOK
}

// A usageError is a problem with the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errReported is a failure already reported on stderr: exit status 1.
var errReported = errors.New("reported")

// errProblems is validate's report of problems in the file, which it lists
// on stdout: exit status 1.
var errProblems = errors.New("problems found")

// fail reports err on stderr and returns the exit status it calls for.
func (inv *invocation) fail(err error) int {
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		return reportUsage(inv.stderr, "conflict "+inv.cmd.name, ue.msg, "conflict "+inv.cmd.name+" -h")
	case errors.Is(err, errReported), errors.Is(err, errProblems):
	default:
		fmt.Fprintf(inv.stderr, "conflict %s: %v\n", inv.cmd.name, err)
	}
	return exitFail
}

// reportUsage writes a usage error on one line and returns exitUsage.
func reportUsage(stderr io.Writer, prefix, msg, help string) int {
	fmt.Fprintf(stderr, "%s: %s (run '%s' for usage)\n", prefix, msg, help)
	return exitUsage
}

// isTerminal reports whether w is a terminal, where progress may be shown.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// mainHelp is the text of conflict -h.
func mainHelp() string {
	var b bytes.Buffer
	b.WriteString(`Conflict answers dated questions about the record of an armed conflict.

usage: conflict <command> [flags] [ARG] FILE

Commands, each with an example:
`)
	for _, cmd := range commands {
		fmt.Fprintf(&b, "\n  %-10s %s\n", cmd.name, cmd.summary)
		fmt.Fprintf(&b, "  %-10s $ %s\n", "", cmd.example)
	}
	b.WriteString("\nFILE is a dataset file, or - for standard input. -format F says its kind:\n")
	for _, f := range formats {
		about := f.about
		if f.name == defaultFormat {
			about += " (the default)"
		}
		if f.load == nil {
			about += "; not in this build"
		}
		fmt.Fprintf(&b, "  %-10s  %s\n", f.name, about)
	}
	b.WriteString(`
DATE is YYYY, YYYY-MM or YYYY-MM-DD; a moment is the first day of the
date's window. -json prints one JSON object. Usage errors exit with status 2,
bad data with status 1.

Run 'conflict <command> -h' for a command's flags.
`)
	return b.String()
}

// formatList describes the input formats, saying which this build lacks.
func formatList() string {
	var parts []string
	for _, f := range formats {
		s := f.name
		if f.load == nil {
			s += " (not in this build)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	i := slices.IndexFunc(commands, func(c *command) bool { return c.name == name })
	if i < 0 {
		return nil
	}
	return commands[i]
}
