// Command syria is the worked example of package conflict: the war around
// Palmyra, al-Qaryatayn, Aleppo and the Islamic State's shrinking territory in
// 2015 and 2016, as five articles tell it (see README.md), kept as a dated,
// sourced record and questioned through the library's API.
//
// Run without flags, it prints a report for a terminal: who held Palmyra,
// al-Qaryatayn, Kuweires airbase, T4, al-Bab, Raqqa, Deir ez-Zor, Mosul,
// Ramadi, Fallujah and eastern Aleppo at four turning points; the sides of
// the war on those days and the ties that do not fit them; the three truces
// of 2016; who backed the government and how; the Islamic State's territory
// as reported; Russia's year change by change; Palmyra's holders with dates
// and sources, and who retook it in March 2016 on whose word; where the
// sources disagree and what they only allege; and what a reader could know
// of al-Qaryatayn on two days of April 2016.
//
// Usage:
//
//	go run ./examples/syria [-as-of YYYY-MM-DD] [-at YYYY-MM-DD [-json]]
//	go run ./examples/syria [-svg FILE] [-chart FILE]
//
// The flags are:
//
//	-at YYYY-MM-DD
//		Report on one day instead: every place's holder, the sides,
//		the government's backers, who fights whom, the truces in force,
//		what happened that day and the latest reported territory.
//	-json
//		With -at, print that day's summary as one indented JSON object,
//		and nothing else: the keys of conflict.Summary (at, control,
//		possible, besieged, alliances, backers, fights, opposes,
//		agreements, names), then events (the events dated that day, each
//		{id, kind, place, parties}) and territory (each party's latest
//		reported area on or before that day, {km2, date, source}). IDs
//		are those of syria.json.
//	-as-of YYYY-MM-DD
//		Answer from the record as it stood on that day (Conflict.AsOf):
//		only the claims of sources published by then, a source dated
//		only to a month counting from the day after that month. It
//		applies to the report, to -at and to -at with -json.
//	-svg FILE
//		Instead of the report, draw who held Palmyra, al-Qaryatayn,
//		Kuweires, T4 and eastern Aleppo in 2015 and 2016, day by day, as
//		an SVG timeline (package svg), and write it to FILE ("-" for
//		standard output).
//	-chart FILE
//		Instead of the report, draw the Islamic State's territory in
//		2015 and 2016 as the sources reported it, in km², as an SVG chart
//		(package svg), and write it to FILE ("-" for standard output).
//		It combines with -svg, when at most one of them is "-".
//
// The dataset, syria.json, is embedded in the program. A bad flag or date is
// reported on one line, with exit status 2.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/conflictgraph/conflict"
)

// dataset is the record the program reports on; see README.md for what it
// holds and where each fact comes from.
//
//go:embed syria.json
var dataset []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the dataset failed to load, or output failed
	exitUsage = 2 // bad flags or arguments
)

const usage = `usage: syria [-as-of YYYY-MM-DD] [-at YYYY-MM-DD [-json]]
       syria [-svg FILE] [-chart FILE]

Without flags, a report on Syria 2015-2016 at four turning points.
`

// run is the program: it parses args, writes the report to stdout and
// problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("syria", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported below, on one line
	at := fs.String("at", "", "report on one day, given as `YYYY-MM-DD`")
	asJSON := fs.Bool("json", false, "with -at, print the day's summary as JSON")
	asOf := fs.String("as-of", "", "answer from the record as it stood on `YYYY-MM-DD`")
	svgFile := fs.String("svg", "", "write a timeline of five places, 2015-2016, as SVG to `FILE` (- for stdout)")
	chartFile := fs.String("chart", "", "write a chart of the Islamic State's territory, 2015-2016, as SVG to `FILE` (- for stdout)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprint(stdout, usage+"\nFlags:\n")
			fs.PrintDefaults()
			return exitOK
		}
		return usageError(stderr, "%v", err)
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "unexpected argument %q", fs.Arg(0))
	}
	if *asJSON && *at == "" {
		return usageError(stderr, "-json needs -at YYYY-MM-DD")
	}
	for _, f := range []struct{ flag, value string }{{"-svg", *svgFile}, {"-chart", *chartFile}} {
		switch {
		case f.value != "" && *at != "":
			return usageError(stderr, "%s does not combine with -at", f.flag)
		case f.value != "" && *asOf != "":
			return usageError(stderr, "%s does not combine with -as-of", f.flag)
		}
	}
	if *svgFile == "-" && *chartFile == "-" {
		return usageError(stderr, "-svg and -chart cannot both write to standard output")
	}
	day, err := dayFlag("-at", *at)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	known, err := dayFlag("-as-of", *asOf)
	if err != nil {
		return usageError(stderr, "%v", err)
	}

	c, err := load()
	if err != nil {
		fmt.Fprintf(stderr, "syria: embedded dataset: %v\n", err)
		return exitFail
	}
	if *svgFile != "" || *chartFile != "" {
		code := exitOK
		if *svgFile != "" {
			code = max(code, save(*svgFile, "-svg", timeline, c, stdout, stderr))
		}
		if *chartFile != "" {
			code = max(code, save(*chartFile, "-chart", territoryChart, c, stdout, stderr))
		}
		return code
	}
	r := newReport(c, known)
	var out bytes.Buffer
	switch {
	case *asJSON:
		b, err := json.MarshalIndent(r.dayJSON(day), "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "syria: %v\n", err)
			return exitFail
		}
		out.Write(b)
		out.WriteByte('\n')
	case !day.IsZero():
		r.day(&out, day)
	default:
		r.full(&out)
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "syria: %v\n", err)
		return exitFail
	}
	return exitOK
}

// dayFlag parses the value of a flag that names a day; the empty string gives
// the zero Date.
func dayFlag(flag, value string) (conflict.Date, error) {
	d, err := conflict.ParseDate(value)
	switch {
	case err != nil:
		return conflict.Date{}, fmt.Errorf("%s %q is not a calendar day; want YYYY-MM-DD", flag, value)
	case !d.IsZero() && d.Precision() != conflict.PrecisionDay:
		return conflict.Date{}, fmt.Errorf("%s %q names a%s %s; want a day, YYYY-MM-DD", flag, value, article(d.Precision()), d.Precision())
	}
	return d, nil
}

// article is the indefinite article's ending before a precision's word:
// "a month", "an interval".
func article(p conflict.Precision) string {
	if p == conflict.PrecisionInterval {
		return "n"
	}
	return ""
}

// load reads the embedded dataset.
func load() (*conflict.Conflict, error) {
	return conflict.Load(bytes.NewReader(dataset))
}

// usageError reports a usage problem on one line and returns exitUsage.
func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "syria: "+format+" (run with -h for usage)\n", args...)
	return exitUsage
}
