// Package signedcsv reads signed networks written as CSV edge lists, the form
// in which signed networks from the literature are usually shared, into a
// [conflict.Dataset].
//
// # The format
//
// The first row is a header that names the columns; the columns are found
// by name, in any order. Names are compared without regard to case or
// surrounding spaces, and a byte order mark before the first is skipped.
//
//   - from, to (required): the IDs of the two ends of a tie. The tie is
//     undirected: "a,b" and "b,a" are the same pair.
//   - sign (required): 1 or + for a friendly tie, -1 or - for a hostile one.
//   - start, end (optional): the half-open span [start, end) over which the tie
//     holds, as dates of any precision ("1946", "1946-05", "1946-05-21"); an
//     empty cell is an open end.
//
// Any other column is ignored, so a file that carries weights, labels or
// window names alongside can be read as it is. A column named twice is an
// error. Fields are trimmed of surrounding spaces, every row must have as
// many fields as the header, and empty lines are skipped.
//
//	from,to,sign,start,end
//	USA,RUS,-1,1946,1987
//	USA,RUS,1,1987,1992
//	USA,GBR,+,,
//
// # What a file becomes
//
// Every ID becomes a [conflict.Actor] whose ID and Name are the ID as
// given — not lower-cased or otherwise changed — in the order first seen. A
// tie with sign 1 becomes a [conflict.RelationAllied] relation and one with sign -1
// a [conflict.RelationFights] relation, each citing the dataset's one
// [conflict.Source], with ID [SourceID], and noting its row ("row 7"). The
// IDs must be IDs that package conflict accepts: not empty, without spaces
// or control characters, at most 200 bytes. Two IDs that differ only in
// case, or in runs of spaces, hyphens and underscores ("USA" and "usa"), are
// an error: package conflict looks names up that way (see
// [conflict.Conflict.Lookup]) and would take them for one node.
//
// A row that repeats an earlier one — the same pair, in either order, with
// the same sign and the same start and end — is the same claim and is
// merged into it, so lists that give every undirected tie once in each
// direction read as they are meant. A row whose span overlaps, without
// equalling, that of an earlier row for the same pair and sign is an error,
// as the file does not say which span is right. Spans are compared by the
// first day of each date's window, so "1946–1950" and "1950–1954" do not
// overlap. The same pair with opposite signs is kept as the file gives it
// (one of the two ties then breaks any split into sides).
//
// # Errors
//
// Read reports every problem it finds in the rows, joined with
// [errors.Join]; each is an [*Error] naming the row (the header is row 1;
// a row is a record, which a quoted field may spread over several lines),
// the column and the value:
//
//	signedcsv: row 7: column sign: "2": want 1, -1, + or -
//
// An ID at fault is reported once, on the first row where it appears. A row
// with too few or too many fields is reported and skipped; any other CSV
// syntax error (a stray quote) stops the reading there. Problems that
// package conflict would reject — a malformed ID, IDs that name one node,
// a bad date, an end not after its start — wrap its error categories
// ([conflict.ErrBadID], [conflict.ErrName], [conflict.ErrDate],
// [conflict.ErrSpan], [conflict.ErrEnds]) for [errors.Is].
package signedcsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/conflictgraph/conflict"
)

// SourceID is the ID of the one source that every relation read cites.
const SourceID = "signed-csv"

// ErrSkipped is wrapped by the summary of the rows that Decode, in
// keep-going mode, skipped: the dataset it returns holds the others.
var ErrSkipped = errors.New("signedcsv: bad rows skipped")

// A Decoder reads signed CSV files. The zero Decoder is ready to use.
type Decoder struct {
	// Title, if not empty, is the title of the dataset's source and the
	// dataset's name: the file's name, for example.
	Title string

	// KeepGoing makes Decode skip the rows with problems and return the
	// others; see the package documentation.
	KeepGoing bool
}

// Read reads a signed CSV file with the zero [Decoder].
func Read(r io.Reader) (conflict.Dataset, error) {
	var d Decoder
	return d.Decode(r)
}

// Decode reads a signed CSV file, row by row, into a Dataset. It reads r to
// its end, or, unless d.KeepGoing, to the first CSV syntax error.
func (d *Decoder) Decode(r io.Reader) (conflict.Dataset, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	p := &parser{csv: cr, keepGoing: d.KeepGoing, actor: map[string]int{}, folded: map[string]int{}, badIDs: map[string]bool{}, seen: map[pairSign][]span{}}
	if err := p.header(); err != nil {
		return conflict.Dataset{}, err
	}
	skipped := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		p.row++
		before := len(p.errs)
		if err != nil {
			p.fail(p.csvError(err))
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return conflict.Dataset{}, errors.Join(p.errs...) // the reader failed: nothing read
			}
			if !errors.Is(err, csv.ErrFieldCount) && !d.KeepGoing {
				break
			}
		} else {
			p.record(rec)
		}
		if len(p.errs) > before {
			skipped++
		}
	}
	src := conflict.Source{ID: SourceID, Title: d.Title, Note: "signed CSV edge list"}
	ds := conflict.Dataset{
		Name:      d.Title,
		Sources:   []conflict.Source{src},
		Actors:    p.actors,
		Relations: p.rels,
	}
	switch {
	case len(p.errs) == 0:
		return ds, nil
	case !d.KeepGoing:
		return conflict.Dataset{}, errors.Join(p.errs...)
	}
	sum := fmt.Errorf("%w: %d of %d", ErrSkipped, skipped, p.row-1)
	return ds, errors.Join(append([]error{sum}, p.errs...)...)
}

// An Error is a problem with one row of a signed CSV file.
type Error struct {
	Row    int    // the row, counting the header as row 1
	Line   int    // the line of the file on which the field (or row) starts
	Column string // the column at fault, as the header names it; "" for the whole row
	Value  string // the offending value, as given
	Err    error  // what is wrong
}

// Error returns a one-line description naming the row, the column and the
// value. A "conflict: " prefix of the underlying error is left out.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("signedcsv: row ")
	b.WriteString(strconv.Itoa(e.Row))
	if e.Column != "" {
		b.WriteString(": column ")
		b.WriteString(e.Column)
		b.WriteString(": ")
		b.WriteString(strconv.Quote(e.Value))
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "conflict: "))
	return b.String()
}

// Unwrap returns the underlying error, which for problems package conflict
// would also reject wraps its category (such as [conflict.ErrBadID],
// [conflict.ErrName] or [conflict.ErrDate]).
func (e *Error) Unwrap() error { return e.Err }

// The columns the reader knows.
const (
	colFrom = iota
	colTo
	colSign
	colStart
	colEnd
	numCols
)

var colNames = [numCols]string{"from", "to", "sign", "start", "end"}

// A pairSign is an unordered pair of actors (a < b, as indices) and a sign.
type pairSign struct {
	a, b    int
	hostile bool
}

// A span is the span of a row already read, for finding repeats and
// overlaps.
type span struct {
	start, end conflict.Date
	row        int
}

// parser holds the state of one Read.
type parser struct {
	csv       *csv.Reader
	keepGoing bool
	col       [numCols]int // index of each column in a record; -1 if absent
	row       int          // the row last read; the header is 1
	errs      []error

	actors []conflict.Actor
	first  []int          // the row on which each actor first appears
	actor  map[string]int // ID → index in actors
	badIDs map[string]bool
	folded map[string]int // folded ID → index in actors
	rels   []conflict.Relation
	seen   map[pairSign][]span
}

// header reads the header row and finds the columns.
func (p *parser) header() error {
	rec, err := p.csv.Read()
	p.row = 1
	switch {
	case err == io.EOF:
		return &Error{Row: 1, Err: errors.New("no header: want columns from, to and sign")}
	case err != nil:
		return p.csvError(err)
	}
	p.col = [numCols]int{-1, -1, -1, -1, -1}
	for i, name := range rec {
		if i == 0 {
			name = strings.TrimPrefix(name, "\uFEFF")
		}
		name = strings.ToLower(strings.TrimSpace(name))
		for c, want := range colNames {
			if name != want {
				continue
			}
			if p.col[c] >= 0 {
				return &Error{Row: 1, Line: p.line(i), Column: want, Value: rec[i], Err: errors.New("column named twice")}
			}
			p.col[c] = i
		}
	}
	var missing []string
	for c := range colSign + 1 {
		if p.col[c] < 0 {
			missing = append(missing, colNames[c])
		}
	}
	if len(missing) > 0 {
		return &Error{Row: 1, Line: 1, Err: fmt.Errorf("no column %s: want columns from, to and sign", strings.Join(missing, ", "))}
	}
	return nil
}

// record reads one row of ties. It checks the whole row before it adds a
// node or a tie, so that a row with a problem leaves no trace.
func (p *parser) record(rec []string) {
	field := func(c int) string {
		if p.col[c] < 0 {
			return ""
		}
		return strings.TrimSpace(rec[p.col[c]])
	}
	from, to := field(colFrom), field(colTo)
	a, fromOK := p.node(rec, colFrom, from)
	b, toOK := p.node(rec, colTo, to)
	ok := fromOK && toOK
	switch {
	case ok && from == to:
		p.failField(rec, colTo, &reason{"a tie joins two different nodes", conflict.ErrEnds})
		ok = false
	case ok && a < 0 && b < 0 && conflict.FoldName(from) == conflict.FoldName(to) && conflict.FoldName(to) != "":
		p.failID(rec, colTo, to, sameNode(from, ""))
		ok = false
	}
	sign := field(colSign)
	hostile, signOK := parseSign(sign)
	switch {
	case !utf8.ValidString(sign):
		p.failField(rec, colSign, errors.New("not UTF-8"))
		ok = false
	case !signOK:
		p.failField(rec, colSign, errors.New("want 1, -1, + or -"))
		ok = false
	}
	start, startOK := p.date(rec, colStart, field(colStart))
	end, endOK := p.date(rec, colEnd, field(colEnd))
	ok = ok && startOK && endOK
	if !start.IsZero() && !end.IsZero() && !effective(end).After(start.Time()) {
		p.failField(rec, colEnd, &reason{"end is not after start " + strconv.Quote(start.String()), conflict.ErrSpan})
		ok = false
	}
	if !ok {
		return
	}
	s := span{start, end, p.row}
	if a >= 0 && b >= 0 { // a pair seen before: the same claim, or one that overlaps
		key := pairSign{min(a, b), max(a, b), hostile}
		for _, old := range p.seen[key] {
			if old.start == s.start && old.end == s.end {
				return // the same claim again: merged
			}
			if overlap(old, s) {
				p.failRow(fmt.Errorf("the tie %s %s %s over %s overlaps row %d's over %s",
					from, signWord(key.hostile), to, s, old.row, old))
				return
			}
		}
	}
	if a < 0 {
		a = p.add(from)
	}
	if b < 0 {
		b = p.add(to)
	}
	p.tie(a, b, hostile, s)
}

// tie adds the tie of the current row between actors a and b.
func (p *parser) tie(a, b int, hostile bool, s span) {
	key := pairSign{min(a, b), max(a, b), hostile}
	p.seen[key] = append(p.seen[key], s)
	kind := conflict.RelationAllied
	if key.hostile {
		kind = conflict.RelationFights
	}
	p.rels = append(p.rels, conflict.Relation{
		Kind: kind, From: p.actors[a].ID, To: p.actors[b].ID, Start: s.start, End: s.end,
		Sources: []string{SourceID},
		Note:    "row " + strconv.Itoa(p.row),
	})
}

// node returns the index of the actor id in column c, or -1 if it is new.
// It reports false, recording an error (the first time, unless keeping
// going), if id is not one package conflict accepts or names the same node
// as another ID.
func (p *parser) node(rec []string, c int, id string) (int, bool) {
	if i, ok := p.actor[id]; ok {
		return i, true
	}
	if p.badIDs[id] && !p.keepGoing {
		return -1, false
	}
	if err := conflict.CheckID(id); err != nil {
		p.failID(rec, c, id, &reason{message(err, id), err})
		return -1, false
	}
	f := conflict.FoldName(id)
	if i, ok := p.folded[f]; ok && f != "" {
		where := ""
		if p.first[i] != p.row {
			where = fmt.Sprintf(" (row %d)", p.first[i])
		}
		p.failID(rec, c, id, sameNode(p.actors[i].ID, where))
		return -1, false
	}
	return -1, true
}

// sameNode is the problem of an ID that names the same node as another,
// other, first seen where (" (row 7)", or "" for this row).
func sameNode(other, where string) error {
	return &reason{fmt.Sprintf("names the same node as %q%s: IDs are names, compared without regard to case, and to spaces, hyphens and underscores",
		other, where), conflict.ErrName}
}

// add adds the actor id, which node found new and good, and returns its
// index.
func (p *parser) add(id string) int {
	i := len(p.actors)
	id = strings.Clone(id) // not to keep the whole row alive
	p.actors = append(p.actors, conflict.Actor{ID: id, Name: id})
	p.first = append(p.first, p.row)
	p.actor[id] = i
	if f := conflict.FoldName(id); f != "" {
		p.folded[f] = i
	}
	return i
}

// date parses the date in column c, recording an error if it is not one.
func (p *parser) date(rec []string, c int, s string) (conflict.Date, bool) {
	if !utf8.ValidString(s) {
		p.failField(rec, c, &reason{"not UTF-8", conflict.ErrDate})
		return conflict.Date{}, false
	}
	d, err := conflict.ParseDate(s)
	if err != nil {
		p.failField(rec, c, &reason{message(err, s), err})
		return d, false
	}
	return d, true
}

// message returns the text of an error of package conflict's about value
// s, for an Error that names the value once: without the "conflict: "
// prefix and the quoted value, as in "malformed ID: empty".
func message(err error, s string) string {
	return strings.Replace(strings.TrimPrefix(err.Error(), "conflict: "), " "+strconv.Quote(s), "", 1)
}

func (p *parser) fail(err error) { p.errs = append(p.errs, err) }

// failField records a problem with the value in column c of the current row.
func (p *parser) failField(rec []string, c int, err error) {
	i := p.col[c]
	p.fail(&Error{Row: p.row, Line: p.line(i), Column: colNames[c], Value: strings.TrimSpace(rec[i]), Err: err})
}

// failID records a problem with an ID in column c of the current row. A
// non-empty ID at fault is reported once, on the first row it appears.
func (p *parser) failID(rec []string, c int, id string, err error) {
	if id != "" {
		p.badIDs[id] = true
	}
	p.failField(rec, c, err)
}

// failRow records a problem with the current row as a whole.
func (p *parser) failRow(err error) {
	p.fail(&Error{Row: p.row, Line: p.line(0), Err: err})
}

// line returns the line on which field i of the current row starts.
func (p *parser) line(i int) int {
	line, _ := p.csv.FieldPos(i)
	return line
}

// csvError converts an error of encoding/csv into an *Error for the row
// being read.
func (p *parser) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Row: p.row, Line: pe.Line, Err: pe.Err}
	}
	return fmt.Errorf("signedcsv: reading row %d: %w", p.row, err)
}

// A reason is a message of this package's that wraps an error of package
// conflict's, for errors.Is.
type reason struct {
	msg string
	err error
}

func (r *reason) Error() string { return r.msg }
func (r *reason) Unwrap() error { return r.err }

// parseSign parses a sign and reports whether the tie is hostile.
func parseSign(s string) (hostile, ok bool) {
	switch s {
	case "1", "+":
		return false, true
	case "-1", "-":
		return true, true
	}
	return false, false
}

// signWord names a tie's sign as the relation kind it becomes.
func signWord(hostile bool) string {
	if hostile {
		return "fights"
	}
	return "allied"
}

// effective returns the instant by which a change dated d has surely taken
// effect: the start of a day, or the end of a month's or a year's window.
// package conflict takes an end that is not after this as before its start.
func effective(d conflict.Date) time.Time {
	if d.Precision() == conflict.PrecisionDay {
		return d.Time()
	}
	_, end := d.Window()
	return end
}

// overlap reports whether two spans share an instant, comparing each date
// by the first day of its window; an open start or end is unbounded.
func overlap(s, t span) bool {
	before := func(a, b conflict.Date) bool { // a start before an end
		return a.IsZero() || b.IsZero() || a.Time().Before(b.Time())
	}
	return before(s.start, t.end) && before(t.start, s.end)
}

// String returns the span as "[start, end)", with open ends left empty.
func (s span) String() string {
	return "[" + s.start.String() + ", " + s.end.String() + ")"
}
