package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
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
type flags uint16

const (
	atFlag      flags = 1 << iota // -at DATE: the moment asked about
	kFlag                         // -k N: the most blocs
	jsonFlag                      // -json
	rangeFlags                    // -from D1 -to D2
	idsFlag                       // -ids: IDs instead of names in text
	formatFlag                    // -format F: the kind of FILE
	outFlag                       // -o FILE: where the output goes
	timeoutFlag                   // -timeout DURATION: how long to search

	// commonFlags are the flags every command takes.
	commonFlags = formatFlag | outFlag
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
		fs.Var(&inv.at, "at", "the moment asked about: the first day of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD);\nneeded unless nothing in the record is dated")
	}},
	{rangeFlags, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.from, "from", "list changes from the first day of `DATE` on (default: the start of the record)")
		fs.Var(&inv.to, "to", "list changes before the first day of `DATE` (default: to the end of the record)")
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
	{outFlag, func(fs *flag.FlagSet, inv *invocation) {
		fs.Var(&inv.output, "o", "write the output to `FILE`, replacing it whole, instead of to standard output")
	}},
}

// commands are the tool's commands, in the order the help lists them.
var commands = []*command{
	atCommand,
	controlCommand,
	historyCommand,
	alliancesCommand,
	sidesCommand,
	changesCommand,
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
	cmd      *command
	args     []string // the positional arguments before FILE
	file     string   // FILE, or "-" for standard input
	format   stringFlag
	output   stringFlag
	at       dateFlag
	from, to dateFlag
	k        kFlagValue
	timeout  timeoutFlagValue
	json     bool
	ids      bool

	stdin    io.Reader
	stdinTTY bool // whether stdin is a terminal, so that FILE must be named
	stderr   io.Writer
	progress bool // whether to show progress on stderr
	meter    *meter
	nodes    func(id string) (conflict.Node, bool) // the record's nodes, for names in text
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

// moment returns the instant the command asks about: -at, or, when it is
// not given and nothing in the record is dated, today.
func (inv *invocation) moment(c *conflict.Conflict) (time.Time, error) {
	if inv.at.set {
		return inv.at.d.Time(), nil
	}
	if dated(c) {
		return time.Time{}, usagef("-at DATE is needed: %s has dated ties", inv.fileName())
	}
	return conflict.DateOf(time.Now()).Time(), nil
}

// dated reports whether any tie in the record has a start or an end, so
// that the answer to a question about a moment may depend on the moment.
func dated(c *conflict.Conflict) bool {
	for t := range c.Ties() {
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

// A stringFlag is a flag whose value is a string, and whether it was given.
type stringFlag struct {
	s   string
	set bool
}

func (f *stringFlag) String() string { return f.s }

func (f *stringFlag) Set(s string) error {
	f.s, f.set = s, true
	return nil
}

// A dateFlag is a flag whose value is a Date of any precision.
type dateFlag struct {
	d   conflict.Date
	set bool
}

func (f *dateFlag) String() string { return f.d.String() }

func (f *dateFlag) Set(s string) error {
	d, err := conflict.ParseDate(s)
	if err != nil {
		// The flag package names the value; say only what is wrong.
		return errors.New(strings.Replace(strings.TrimPrefix(err.Error(), "conflict: "), " "+strconv.Quote(s), "", 1))
	}
	if d.IsZero() {
		return errors.New("empty date: want YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21…24 or days DAY/DAY")
	}
	f.d, f.set = d, true
	return nil
}

// dateJSON is d for JSON: its string, or null for the zero Date.
func dateJSON(d conflict.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// boundJSON is b for JSON: its string ("2015-10 or 2015-11-10" when the
// claims disagree), or null when open.
func boundJSON(b conflict.Bound) *string {
	if b.IsOpen() {
		return nil
	}
	s := b.String()
	return &s
}

// A kFlagValue is the -k flag: a number of blocs, 0 or more.
type kFlagValue int

func (k *kFlagValue) String() string { return strconv.Itoa(int(*k)) }

func (k *kFlagValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return errors.New("want a whole number of blocs")
	case n < 0:
		return errors.New("want 0 (any number of blocs) or more")
	}
	*k = kFlagValue(n)
	return nil
}

// A timeoutFlagValue is the -timeout flag: a duration, 0 or more.
type timeoutFlagValue time.Duration

func (d *timeoutFlagValue) String() string { return time.Duration(*d).String() }

func (d *timeoutFlagValue) Set(s string) error {
	v, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return errors.New("want a duration such as 30s, 1m30s or 500ms")
	case v < 0:
		return errors.New("want 0 (no limit) or more")
	}
	*d = timeoutFlagValue(v)
	return nil
}

// deadline returns when -timeout ends if counted from now, or the zero
// time if -timeout is 0.
func (d timeoutFlagValue) deadline() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Now().Add(time.Duration(d))
}

// nonNil returns s, or an empty slice if s is nil, so that JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
