// Command conflict answers dated questions about the record of an armed
// conflict kept in a dataset file: who held each place, who stood with whom,
// how the parties split into sides, what changed between two dates, what
// happened, how much ground each party held, and what the parties were
// called and became.
//
// Install it with
//
//	go install github.com/conflictgraph/conflict/cmd/conflict@latest
//
// Usage:
//
//	conflict <command> [ARG] [FILE] [flags]
//	conflict -version
//
// The commands are:
//
//	at        everything in force at a moment (-at DATE)
//	control   who holds every place at a moment, and how surely
//	history   the successive holders of one place (history LOC FILE)
//	timeline  every change of one party or place (timeline ID FILE)
//	lineage   a party's predecessors and successors (lineage ID FILE)
//	alliances the blocs that friendly ties make at a moment
//	sides     the sides by structural balance at a moment (-k N for at most N)
//	changes   what opened and closed between two dates (-from D1 -to D2)
//	events    the events at a place, of a party, of some kinds, between two
//	          dates (-place P -party P -kind K -from D1 -to D2)
//	territory the territory parties hold at a moment (-at DATE -by W)
//	gains     what each party gained and lost (-from D1 -to D2 -by W)
//	measures  the measures the sources report (-party P -quantity Q)
//	learned   the claims the record learned between two dates (-from K1 -to K2)
//	validate  every problem in the file, with its place in the file
//	export    the record in another format
//	          (export dot|gexf|geojson|svg|chart|html|json|csv|parquet FILE)
//
// Run "conflict -h" for an example of each, and "conflict <command> -h" for
// a command's flags. "conflict -version" (or --version, or version) prints
// the module's version and the version control revision it was built from,
// when the build recorded them.
//
// # Flags
//
// Flags go before, between or after the arguments, with one dash or two:
// "conflict at syria.json -at 2016-04 -json" and "conflict at --at=2016-04
// --json syria.json" are the same; "--" ends the flags, so that a FILE may
// start with a dash. Every command takes -format F, -keep-going and -o
// FILE: with -o the output goes to FILE instead of standard output,
// replacing it whole, or, if the command fails, leaving it as it was.
//
// # Input
//
// FILE is a dataset file. Without FILE, or with "-", the tool reads standard
// input, a file or a pipe ("cat f.json | conflict at -at 2016"); without
// FILE and with a terminal for standard input, it says that FILE is needed.
//
// The -format flag says what kind of file it is: json is the dataset file
// of package conflict; signed-csv is a signed edge list with a header
// from,to,sign and optional start and end columns (see package signedcsv);
// ucdp-acd, ucdp-ged and acled are the CSV files of the UCDP/PRIO Armed
// Conflict Dataset, the UCDP Georeferenced Event Dataset and ACLED's events
// (packages ucdpacd, ucdpged and acled). Without -format, the kind is
// guessed: a name ending in .json is json; otherwise the first line tells
// it, "{" starting json and a CSV header naming the format whose telling
// columns it has (from,to,sign; conflict_id,gwno_a; type_of_violence,
// where_prec; event_id_cnty,event_date). A file it cannot tell is a usage
// error that asks for -format.
//
// With -keep-going a command skips the records with problems, and those
// that refer to them (conflict.LoadOptions.KeepGoing), and answers from the
// rest: it lists the problems on standard error as it would without
// -keep-going, then what was skipped ("FILE: records skipped: 3 records
// with problems or referring to them"), prints its answer, and exits with
// status 1 — with -o, after writing FILE. validate -keep-going lists the
// problems of every record skipped, those that refer to a bad one among
// them.
//
// # Dates and moments
//
// A DATE is YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21 to YYYY-24 or an
// interval of days such as 2016-12-08/2016-12-11 (conflict.ParseDate). It
// stands for the first day of its window, and that day begins at midnight
// in the record's time zone (the dataset's timezone, UTC if it names none):
// -at 2016-04 asks about 1 April 2016, from its first instant in the
// record's zone. -at also takes an RFC 3339 timestamp, such as
// 2016-02-26T22:30:00Z, which stands for that instant; the library answers
// for the day in the record's zone that contains it. Days in the output are
// days of the record's zone. In changes, events and measures, -from and
// -to are first days likewise, -to excluded: -from 2016-03 -to 2016-04 is
// March 2016; either may be left out to run from the start or to the end
// of the record. gains compares the start of the first day of -from with
// that of -to, and needs both.
//
// The commands that ask about a moment (at, control, alliances, sides,
// territory, and export to a format that draws one) need -at, unless
// nothing in the record is dated — no tie has a start or an end, as in a signed edge list without
// date columns — so that every moment gives the same answer; they then use
// today in the record's zone.
//
// # Knowledge dates
//
// Every claim rests on sources, and a source is known from the day it was
// published; one dated only to a month, season or year once that window is
// over. With -as-of DATE, the query and export commands (at, control,
// history, timeline, lineage, alliances, sides, changes, events, territory,
// gains, measures, export) answer from the record as known on the first day
// of DATE (conflict.Conflict.AsOf): -as-of 2016-03
// is what was known on 1 March 2016, so that nothing published later in
// March shows; give 2016-03-31 for the end of the month, or 2016-04 to add
// the sources dated only to March. "at -at 2016-12-12 -as-of 2016-12-13"
// asks what could be known on 13 December of the conflict on the 12th.
// export json, which writes the whole record, takes no -as-of.
//
// learned -from K1 -to K2 lists the claims that became known after the
// first day of K1 and by the first day of K2 (conflict.Conflict.Learned):
// what -as-of K2 knows and -as-of K1 did not, each with the day it became
// known, the claim, and the tie it bears on before and after.
//
// # Allegations
//
// A claim its sources make as an allegation is left out of every answer
// unless asked. With -alleged the query commands but measures answer from
// the record with them (conflict.Conflict.WithAlleged, or with -as-of the
// view's): text marks a tie that rests only on allegations, and an
// alleged event, "(alleged)"; JSON gives such a tie or event "alleged":
// true, and at, alliances and sides, whose JSON has no object for a tie,
// list them under alleged_ties as {"kind", "from", "to"}.
//
// # Events, territory and measures
//
// events lists the events that match every filter given
// (conflict.Conflict.Events): -place P, at P or within it; -party P, as
// an actor, a counterpart or a participant; -kind K, more than one -kind
// or K1,K2 for several; -from D1 and -to D2, the days they may fall in. Each shows
// its date, kind, place, parties, participants with their roles, figures
// (low, best and high) and sources.
//
// territory -at D says how much ground each party held
// (conflict.Moment.Territory): -by area in km² (the default) or -by
// population, what it definitely held and what more it possibly did; gains
// -from D1 -to D2 ranks the parties by what they gained less what they
// lost (conflict.Conflict.Gains). -by places, which the library has no
// weight for, counts the places held instead, each 1, a place within
// another too: definitely held when the party alone holds it definitely and
// it is not contested, possibly held otherwise (conflict.Moment.Holdings).
//
// measures prints the aggregates the sources report of the parties, such
// as the area each held (conflict.Conflict.Series), the values of sources
// that disagree side by side; -peak the greatest of each series, -latest
// the latest. export chart -quantity Q draws them as an SVG line chart
// (package svg, WriteChart).
//
// # Names over time
//
// A party may go by several names over time (conflict.DatedName, and
// renames among the events). Where text output names a party at a moment —
// at, control, alliances, sides, territory, and each change of changes,
// history and timeline, each event of events — it uses the name of that
// day (conflict.Moment.Name): on 2016-08-15 Jabhat al-Nusra is Jabhat Fateh
// al-Sham. A party may be named on the command line by any name it went
// by. history and timeline show the party's renames, mergers, splits,
// joins and departures among its changes, and lineage lists its
// predecessors and successors with their dates and sources
// (conflict.Conflict.Lineage).
//
// # Output
//
// Text output shows parties and places by their names; -ids shows their
// IDs instead. With -json, a query command prints one JSON object and
// nothing else, with IDs. The keys of at -json are those of
// conflict.Summary — at, control, possible, besieged, alliances, backers,
// fights, opposes, agreements and names (every party's name that day) —
// and contested, each contested place with its contenders, as control
// gives them. Those of sides -json are at, k (null for any number
// of blocs), blocs, violations, optimal, lower_bound (a proven lower bound
// on violations, equal to it when optimal) and frustrated, a list of [a, b,
// kinds] with a < b and kinds as conflict.SignedTie.Kinds gives them.
// With -as-of, every query's object has one more key, as_of, the day the
// record is known as of. learned -json prints from, to and learned, a list
// of objects with the keys known, kind, from, to, start, end, sources,
// event, before and after, before and after the tie as {start, end,
// sources} or null. events -json prints from, to, place, party, kinds and
// events, each event {id, kind, date, date_earliest, date_latest, place,
// parties: {actors, counterparts, participants}, figures, sources,
// certainty}; territory -json at, by and territory, a list of {party,
// definite, possible, places, possible_places, unweighed}; gains -json
// from, to, by and gains, a list of {party, net, before, after, gained,
// lost}; measures -json from, to, mode and series, a list of {party,
// quantity, dates: [{date, values: [{value, sources, note}]}]}; timeline
// -json node, name, changes and lineage; lineage -json party, name,
// lineage, predecessors and successors. Each command's -h gives its keys.
// export json writes the record as a dataset file
// (conflict.Conflict.Save), whatever it was read from.
//
// # Tables
//
// export csv -table T FILE and export parquet -table T -o OUT FILE write
// one of the tables of package table, for pandas, DuckDB or Spark: ties
// (every tie; with -at, those in force then, with their certainty), control
// (who holds each place at the moment -at gives, or one row per place per
// run of days with the same answer from -from up to -to, by default over
// all the days of the record's changes), changes (from -from up to -to) and
// events (the whole record). Their columns are package table's: snake_case,
// a day as a date, each date of a change as its precision and its earliest
// and latest day. Parquet is binary: it needs -o, and -o - writes it to
// standard output only when that is not a terminal.
//
// A usage error — an unknown command, flag or format, a bad date or number,
// a missing argument — is reported on one line with exit status 2. Bad data
// is reported with exit status 1, one problem a line, each as
// FILE:LINE: record: field "value": what is wrong. When standard error is a
// terminal, long work shows its progress there, phase by phase: reading
// (bytes), the library's decoding, checking and adding, indexing (the
// first query), querying and writing.
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
	case "-version", "--version", "version":
		if len(args) > 1 {
			return reportUsage(stderr, "conflict", fmt.Sprintf("unexpected argument %q after %s", args[1], name), "conflict -h")
		}
		fmt.Fprint(stdout, versionText(buildInfo()))
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
	inv := &invocation{cmd: cmd, stdin: stdin, stdinTTY: isTerminal(stdin), outTTY: isTerminal(stdout), stderr: stderr, progress: isTerminal(stderr)}
	defer inv.stopProgress()
	if err := inv.parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, cmd.help())
			return exitOK
		}
		return inv.fail(err)
	}
	err := cmd.run(inv)
	if err != nil && !errors.Is(err, errProblems) {
		return inv.fail(err)
	}
	// The answer, or validate's list of problems.
	if werr := inv.emit(stdout); werr != nil {
		return inv.fail(werr)
	}
	if err != nil {
		return inv.fail(err)
	}
	if inv.skipped {
		return inv.fail(errReported) // -keep-going skipped records, listed as it read them
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
	inv.stopProgress()
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

// isTerminal reports whether f, a reader or writer, is a terminal (a
// character device, as an *os.File reports it): where progress may be
// shown, or where standard input is typed rather than piped.
func isTerminal(f any) bool {
	s, ok := f.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return false
	}
	fi, err := s.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// mainHelp is the text of conflict -h.
func mainHelp() string {
	var b bytes.Buffer
	b.WriteString(`Conflict answers dated questions about the record of an armed conflict.

usage: conflict <command> [flags] [ARG] [FILE]
       conflict -version

Commands, each with an example:
`)
	for _, cmd := range commands {
		fmt.Fprintf(&b, "\n  %-10s %s\n", cmd.name, cmd.summary)
		fmt.Fprintf(&b, "  %-10s $ %s\n", "", cmd.example)
	}
	b.WriteString(`
FILE is a dataset file. Without FILE, or with -, standard input is read: a
file or a pipe (with a terminal for standard input, FILE is needed).

-format F says what kind of file it is:
`)
	for _, f := range formats {
		about := f.about
		if f.load == nil {
			about += "; not in this build"
		}
		fmt.Fprintf(&b, "  %-10s  %s\n", f.name, about)
	}
	var marks []string
	for _, f := range formats {
		if f.columns != nil {
			marks = append(marks, strings.Join(f.columns, ",")+" is "+f.name)
		}
	}
	b.WriteString(wrap(`Without -format the kind is guessed: a name ending in .json is json;
otherwise the first line tells it: "{" starts json, and a CSV header is
the format whose columns it names: `+strings.Join(marks, ", ")+`. A file it
cannot tell is an error.`, 72))
	b.WriteString(`
Flags go before or after the arguments, with one dash or two: -at 2016-04,
--at=2016-04, --json; -- ends them. Every command takes -format F and
-o FILE (write the output to FILE, which is replaced whole or left as it
was). Text output names parties and places by their names, or with -ids by
their IDs; -json prints one JSON object, with IDs.

DATE is YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21…24 or days DAY/DAY;
it stands for the first day of its window, in the record's time zone.
-at also takes an RFC 3339 timestamp (2016-02-26T22:30:00Z), the instant
itself. -as-of DATE answers from the record as known on that day: the
sources published by then; -alleged takes in the claims the sources make
as allegations, marked "(alleged)". -keep-going skips the records with
problems and answers from the rest, exiting with status 1. Usage errors
exit with status 2, bad data with status 1.

Run 'conflict <command> -h' for a command's flags.
`)
	return b.String()
}

// wrap breaks s into lines of at most width bytes, at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	b.WriteByte('\n')
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
