package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// A command is one of the tool's commands.
type command struct {
	name    string
	args    []string // the positional arguments before FILE, as the synopsis names them
	summary string   // what it does, in a line
	about   string   // what it does, at more length, for its -h
	example string
	flags   flags // the flags it takes besides commonFlags
	run     func(*invocation) error
}

// flags is a set of the flags a command may take.
type flags uint32

const (
	atFlag        flags = 1 << iota // -at DATE: the moment asked about
	kFlag                           // -k N: the most blocs
	jsonFlag                        // -json
	rangeFlags                      // -from D1 -to D2: the dates changes lists changes between
	knownFlags                      // -from K1 -to K2: the knowledge dates learned lists claims between
	spanFlags                       // -from D1 -to D2: the days events, measures and pictures cover
	compareFlags                    // -from D1 -to D2: the two moments gains compares
	asOfFlag                        // -as-of DATE: the record as known on a date
	allegedFlag                     // -alleged: take in alleged claims
	idsFlag                         // -ids: IDs instead of names in text
	formatFlag                      // -format F: the kind of FILE
	keepGoingFlag                   // -keep-going: skip bad records
	outFlag                         // -o FILE: where the output goes
	timeoutFlag                     // -timeout DURATION: how long to search
	tableFlag                       // -table T: the table export csv and parquet write
	placeFlag                       // -place P: the place events are at
	partyFlag                       // -party P: the parties asked about
	kindFlag                        // -kind K: the kinds of event asked for
	byFlag                          // -by W: what places are weighed by
	quantityFlag                    // -quantity Q: what measures count
	peakFlag                        // -peak: the greatest measure of each series
	latestFlag                      // -latest: the latest measures of each series

	// commonFlags are the flags every command takes.
	commonFlags = formatFlag | keepGoingFlag | outFlag
)

// flagDecls declare the flags, bound to an invocation, in the order the
// synopsis lists them. A new flag is a constant above, an entry here and a
// field of invocation; a command takes it when its flags (or commonFlags)
// name it.
var flagDecls = []struct {
	flag    flags
	declare func(fs *flag.FlagSet, inv *invocation)
}{
	{atFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.at, "at", "the moment asked about: the first day of `DATE` in the record's time zone, or an\n"+
			"RFC 3339 timestamp, the instant itself (2016-02-26T22:30:00Z); needed unless\n"+
			"nothing in the record is dated")
	}},
	{placeFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.place, "place", "only the events at `PLACE` or at the places within it: an ID, a name or an alias")
	}},
	{partyFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.parties, "party", "only `PARTY`: an ID, a name (one it went by at any time) or an alias;\n"+
			"territory, measures and export chart take more than one -party")
	}},
	{kindFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.kinds, "kind", wrapUsage("only events of kind `K`; more than one -kind, or K1,K2, for several: "+kindList()))
	}},
	{rangeFlags, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.from, "from", "list changes from the first day of `DATE` on (default: the start of the record)")
		fs.Var(&inv.to, "to", "list changes before the first day of `DATE` (default: to the end of the record)")
	}},
	{spanFlags, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.from, "from", "only what may fall on or after the first day of `DATE` (default: from the start\nof the record)")
		fs.Var(&inv.to, "to", "only what may fall before the first day of `DATE` (default: to the end of the record)")
	}},
	{compareFlags, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.from, "from", "compare what was held at the start of the first day of `DATE` (required)")
		fs.Var(&inv.to, "to", "with what was held at the start of the first day of `DATE` (required)")
	}},
	{knownFlags, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.from, "from", "list what became known after the first day of `DATE`\n(default: from before the first source)")
		fs.Var(&inv.to, "to", "list what became known by the first day of `DATE`, that day included\n(default: all the record knows)")
	}},
	{byFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.by, "by", "weigh the places held by `W`: area (km², the default), population (people),\n"+
			"or places (a count of the places held: every place, those within others too)")
	}},
	{quantityFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.quantity, "quantity", "the quantity `Q` measured: "+quantityList())
	}},
	{peakFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.BoolVar(&inv.peak, "peak", false, "print only the greatest value of each series (conflict.Conflict.Peak)")
	}},
	{latestFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.BoolVar(&inv.latest, "latest", false, "print only the latest values of each series (conflict.Conflict.Latest)")
	}},
	{asOfFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.asOf, "as-of", "answer from the record as known on the first day of `DATE`, in the record's time\n"+
			"zone: the claims of the sources published by then, one dated only to a month\n"+
			"known once the month is over. -as-of 2016-03 is as known on 1 March 2016; for\n"+
			"all known by the end of March give 2016-03-31, or 2016-04 to add the sources\n"+
			"dated only to March")
	}},
	{tableFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.tableName, "table", "csv and parquet: the table `T` to write: "+strings.Join(tableNames(), ", "))
	}},
	{allegedFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.BoolVar(&inv.alleged, "alleged", false, "take in the claims the sources make as allegations\n"+
			"(conflict.Conflict.WithAlleged): text marks what rests only on them \"(alleged)\",\n"+
			"JSON \"alleged\": true")
	}},
	{kFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.k, "k", "split into at most `N` blocs; 0 for any number (K = 2 gives the frustration index)")
	}},
	{timeoutFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.timeout, "timeout", "stop searching after about `DURATION` (such as 30s or 2m): the answer is then the best found,\nnot proven the least possible; 0 for no limit but the search's own bound")
	}},
	{jsonFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.BoolVar(&inv.json, "json", false, "print one JSON object and nothing else")
	}},
	{idsFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.BoolVar(&inv.ids, "ids", false, "show IDs instead of names in text output")
	}},
	{formatFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.format, "format", "the kind of FILE: `F` is "+formatList()+"\n(default: guessed from FILE's extension and first line)")
	}},
	{keepGoingFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.BoolVar(&inv.keepGoing, "keep-going", false, "skip the records with problems, and those that refer to them, and answer\n"+
			"from the rest: the problems go to standard error, and the exit status is 1")
	}},
	{outFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.output, "o", "write the output to `FILE`, replacing it whole, instead of to standard output")
	}},
}

// commands are the tool's commands, in the order the help lists them.
var commands = []*command{
	atCommand,
	controlCommand,
	historyCommand,
	timelineCommand,
	lineageCommand,
	alliancesCommand,
	sidesCommand,
	changesCommand,
	eventsCommand,
	territoryCommand,
	gainsCommand,
	measuresCommand,
	learnedCommand,
	validateCommand,
	exportCommand,
}

// synopsis returns the command's usage line.
func (cmd *command) synopsis() string {
	parts := []string{"conflict", cmd.name}
	for _, d := range flagDecls {
		if (cmd.flags|commonFlags)&d.flag == 0 {
			continue
		}
		fs := flag.NewFlagSet("", flag.ContinueOnError)
		d.declare(fs, new(invocation))
		fs.VisitAll(func(f *flag.Flag) {
			if arg, _ := flag.UnquoteUsage(f); !isBoolFlag(f) {
				parts = append(parts, "[-"+f.Name+" "+arg+"]")
			} else {
				parts = append(parts, "[-"+f.Name+"]")
			}
		})
	}
	parts = append(parts, cmd.args...)
	parts = append(parts, "[FILE]")
	return strings.Join(parts, " ")
}

// help returns the text of conflict CMD -h.
func (cmd *command) help() string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: %s\n\n%s\n\n", cmd.synopsis(), cmd.about)
	b.WriteString(fileHelp)
	b.WriteString("\nFlags, before or after the arguments, with one dash or two (-at D, --at=D):\n")
	fs := cmd.flagSet(new(invocation))
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fmt.Fprintf(&b, "\nExample:\n  $ %s\n", cmd.example)
	return b.String()
}

// fileHelp says where FILE comes from, for the commands' help.
const fileHelp = `FILE is a dataset file; - or nothing, with a file or pipe as standard
input, reads standard input.
`

// An invocation is one run of a command: its flags and arguments, the
// record it loaded and the output it is writing.
type invocation struct {
	cmd       *command
	args      []string // the positional arguments before FILE
	file      string   // FILE, or "-" for standard input
	format    stringFlag
	output    stringFlag
	tableName stringFlag
	at        momentFlag
	from, to  dateFlag
	asOf      dateFlag
	k         kFlagValue
	timeout   timeoutFlagValue
	place     stringFlag
	parties   partiesFlag
	kinds     kindsFlag
	by        weighFlag
	quantity  quantityFlagValue
	json      bool
	ids       bool
	keepGoing bool
	alleged   bool
	peak      bool
	latest    bool

	stdin    io.Reader
	stdinTTY bool // whether stdin is a terminal, so that FILE must be named
	outTTY   bool // whether stdout is a terminal, where binary output must not go
	stderr   io.Writer
	progress bool // whether to show progress on stderr
	meter    *meter
	nodes    func(id string) (conflict.Node, bool) // the record's nodes, for names in text
	dayName  func(id string) string                // a node's name on the day asked about (Moment.Name), or nil
	rec      conflict.Record                       // the record asked, once read
	zone     *time.Location                        // the record's time zone, once read
	skipped  bool                                  // whether -keep-going skipped records
	out      bytes.Buffer
}

// flagSet returns the flags of cmd, bound to inv.
func (cmd *command) flagSet(inv *invocation) *flag.FlagSet {
	fs := flag.NewFlagSet("conflict "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported on one line, by run
	for _, d := range flagDecls {
		if (cmd.flags|commonFlags)&d.flag != 0 {
			d.declare(fs, inv)
		}
	}
	return fs
}

// parse parses the command's flags and arguments, flags before, between or
// after the arguments.
func (inv *invocation) parse(args []string) error {
	fs := inv.cmd.flagSet(inv)
	flagArgs, rest := splitArgs(fs, args)
	if err := fs.Parse(flagArgs); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	rest = append(fs.Args(), rest...) // none: splitArgs leaves only flags
	want := len(inv.cmd.args) + 1
	if len(rest) == want-1 && !inv.stdinTTY {
		rest = append(rest, "-") // FILE omitted: standard input, a file or a pipe
	}
	if len(rest) < want {
		if want == 1 {
			return usagef("missing FILE: name a dataset file, or give one on standard input")
		}
		return usagef("want arguments %s FILE, got %d", strings.Join(inv.cmd.args, " "), len(rest))
	}
	if len(rest) > want {
		return usagef("unexpected argument %q after FILE", rest[want])
	}
	inv.args, inv.file = rest[:want-1], rest[want-1]
	if inv.format.set {
		if _, err := lookupFormat(inv.format.s); err != nil {
			return err
		}
	}
	if inv.output.set && inv.output.s == "" {
		return usagef("-o needs a file name (or - for standard output)")
	}
	if inv.from.set && inv.to.set && !inv.to.d.Time().After(inv.from.d.Time()) {
		return usagef("-to %s is not after -from %s", inv.to.d, inv.from.d)
	}
	return nil
}

// splitArgs separates the flags in args, with their values, from the
// positional arguments, so that flags may come anywhere: "--" ends the
// flags, and "-" alone is an argument. A flag that fs does not define is
// left for fs.Parse to report.
func splitArgs(fs *flag.FlagSet, args []string) (flagArgs, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flagArgs, append(positional, args[i+1:]...)
		case len(a) < 2 || a[0] != '-':
			positional = append(positional, a)
			continue
		}
		flagArgs = append(flagArgs, a)
		name := strings.TrimPrefix(a[1:], "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flagArgs = append(flagArgs, args[i])
		}
	}
	return flagArgs, positional
}

// isBoolFlag reports whether f takes no value, as -json.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// fileName names FILE in messages.
func (inv *invocation) fileName() string {
	if inv.file == "-" {
		return "<stdin>"
	}
	return inv.file
}

// moment returns the instant the command asks about of rec: -at, or, when
// it is not given and nothing in rec is dated, the start of today in the
// record's time zone.
func (inv *invocation) moment(rec conflict.Record) (time.Time, error) {
	if inv.at.set {
		return inv.at.in(inv.zone), nil
	}
	if dated(rec) {
		return time.Time{}, usagef("-at DATE is needed: %s has dated ties", inv.fileName())
	}
	return startOf(conflict.DateOf(time.Now().In(inv.zone)), inv.zone), nil
}

// dated reports whether any tie in rec has a start or an end, so that the
// answer to a question about a moment may depend on the moment.
func dated(rec conflict.Record) bool {
	for t := range rec.Ties() {
		if !t.Start.IsOpen() || !t.End.IsOpen() {
			return true
		}
	}
	return false
}

// printJSON writes v as one indented JSON object, as json.MarshalIndent
// does but leaving <, > and & as they are.
func (inv *invocation) printJSON(v any) error {
	enc := json.NewEncoder(&inv.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (inv *invocation) printf(format string, args ...any) {
	fmt.Fprintf(&inv.out, format, args...)
}

// nonNil returns s, or an empty slice if s is nil, so that JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
