package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/conflictgraph/conflict"
)

// read reads FILE in its format, builds the index of the record the
// command asks, and returns the Conflict and that record: the Conflict, or
// with -as-of its View as known on the date; with -alleged, the same taking
// in the alleged claims. A file that cannot be opened or read is an error;
// one with bad data has its problems listed on stderr and gives
// errReported, unless -keep-going skipped the bad records, which the
// command notes, to exit with status 1 after its answer.
func (inv *invocation) read() (*conflict.Conflict, conflict.Record, error) {
	c, err := inv.readFile(mostShown)
	var pe *os.PathError
	var ue *usageError
	switch {
	case err == nil:
	case c != nil:
		inv.printReport(inv.report(err))
		inv.skipped = true
	case errors.As(err, &pe), errors.As(err, &ue):
		return nil, nil, err
	default:
		inv.printReport(inv.report(err))
		return nil, nil, errReported
	}
	inv.zone = c.Zone()
	inv.nodes = c.Node
	var rec conflict.Record = c
	switch {
	case inv.asOf.set && inv.alleged:
		rec = c.AsOf(inv.asOf.in(inv.zone)).WithAlleged()
	case inv.asOf.set:
		rec = c.AsOf(inv.asOf.in(inv.zone))
	case inv.alleged:
		rec = c.WithAlleged()
	}
	inv.rec = rec
	inv.index(rec)
	return c, rec, nil
}

// index builds the index that the record's queries are answered from,
// which the library builds on the first query: it asks a first, cheap
// question, so that the progress report shows the work as indexing. The
// command's queries follow.
func (inv *invocation) index(rec conflict.Record) {
	inv.phase(status("indexing"))
	rec.At(time.Time{})
	inv.phase(status("querying"))
}

// readFile opens FILE, tells its format unless -format gives it, and reads
// it, with -keep-going if given and the library describing at most
// maxErrors problems (0 for its default). It shows progress on a terminal:
// reading, while the bytes come in, then the loader's phases (decoding,
// checking, adding). Keeping going, it returns the Conflict of the records
// it could add and an error that describes those skipped.
func (inv *invocation) readFile(maxErrors int) (*conflict.Conflict, error) {
	var r io.Reader = inv.stdin
	var size int64
	title := ""
	if inv.file != "-" {
		file, err := os.Open(inv.file)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		if fi, err := file.Stat(); err == nil {
			size = fi.Size()
		}
		r, title = file, filepath.Base(inv.file)
	}
	name := inv.fileName()
	cr := &countingReader{r: r}
	inv.phase(func() string { return "reading " + name + ": " + byteCount(cr.n.Load(), size) + " read" })
	br := bufio.NewReaderSize(cr, sniffSize)
	f, err := inv.formatOf(br)
	if err != nil {
		return nil, err
	}
	return f.load(br, title, readOptions{
		keepGoing: inv.keepGoing,
		maxErrors: maxErrors,
		phase:     func(p string) { inv.phase(status(p + " " + name)) },
	})
}

// status returns a progress status that does not change.
func status(s string) func() string { return func() string { return s } }

// sniffSize is how much of FILE its format is told from: more than any
// header row.
const sniffSize = 64 << 10

// formatOf returns the format of FILE, which br reads: the one -format
// names, or the one guessed from FILE's extension and first line, which it
// records in inv.format.
func (inv *invocation) formatOf(br *bufio.Reader) (format, error) {
	if !inv.format.set {
		name, err := guessFormat(inv.file, inv.fileName(), br)
		if err != nil {
			return format{}, err
		}
		inv.format.s = name
	}
	return lookupFormat(inv.format.s)
}

// guessFormat tells the format of a file from its name and its start, which
// br holds: a name ending in .json is json; otherwise (and always for
// standard input, file "-") a start of "{" is json, and a first line that
// is a CSV header with the columns of exactly one format's files is that
// format; a name ending in .csv goes straight to the header. shown names
// the file in messages. A file it cannot tell is a usage error.
func guessFormat(file, shown string, br *bufio.Reader) (string, error) {
	ext := ""
	if file != "-" {
		ext = strings.ToLower(filepath.Ext(file))
	}
	if ext == ".json" {
		return "json", nil
	}
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF {
		return "", err
	}
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	if start := bytes.TrimLeft(head, " \t\r\n"); len(start) == 0 {
		return "", usagef("cannot tell the format of %s: it is empty", shown)
	} else if ext != ".csv" && start[0] == '{' {
		return "json", nil
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	var fits []string
	if header, err := csv.NewReader(bytes.NewReader(line)).Read(); err == nil {
		for i, h := range header {
			header[i] = strings.ToLower(strings.TrimSpace(h))
		}
		for _, f := range formats {
			if f.columns != nil && !slices.ContainsFunc(f.columns, func(c string) bool { return !slices.Contains(header, c) }) {
				fits = append(fits, f.name)
			}
		}
	}
	switch len(fits) {
	case 1:
		return fits[0], nil
	case 0:
		return "", usagef("cannot tell the format of %s from its first line %s: give it with -format F", shown, clip(string(line)))
	}
	return "", usagef("cannot tell the format of %s: its header fits %s; give it with -format F", shown, strings.Join(fits, " and "))
}

// clip quotes s, cut short if long, for a message.
func clip(s string) string {
	s = strings.TrimSuffix(s, "\r")
	if len(s) > 40 {
		return strconv.Quote(s[:37]) + "..."
	}
	return strconv.Quote(s)
}

// A countingReader counts the bytes read through it, for progress reports
// from another goroutine.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// byteCount says how much of a file of the given size (0 if unknown) n
// bytes are: "12.5 MB of 80.0 MB".
func byteCount(n, size int64) string {
	mb := func(n int64) string { return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB" }
	if size > 0 {
		return mb(n) + " of " + mb(size)
	}
	return mb(n)
}
