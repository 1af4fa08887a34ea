package conflict

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// Reading a dataset file. The reader walks the tables of format.go over the
// tokens of a jsonscan.Scanner, writing each value straight into its field
// of the record being read. Two kinds of problem:
//
//   - a file that is not JSON, or not of the dataset's shape (an unknown or
//     repeated key, a value of the wrong JSON type), stops the reader with
//     one error;
//   - a value of the right JSON type that does not convert (a date, a kind,
//     a point without lat) is noted in the lineTable, and reading goes on,
//     so that every such problem is reported, along with those the batch
//     check finds.

// readValue reads data, one JSON value of the dataset file outside a file
// (what names it in errors), for an UnmarshalJSON method: null is nothing
// to read and leaves the value as it is; a value of another kind than k is
// an error; read reads the rest. It returns the error that stopped the
// reader, or every problem read found, joined; nil when read read a whole,
// good value.
func readValue(data []byte, what string, k jsonscan.Kind, c codec, read func(*reader)) error {
	if isNull(data) {
		return nil
	}
	r := newReader(data, what)
	if got := r.sc.Peek(); got != k {
		r.wrongType("", c.what(), got)
		return r.err
	}
	read(r)
	if r.err == nil && !r.sc.End() {
		r.syntax()
	}
	switch {
	case r.err != nil:
		return r.err
	case len(r.problems) > 0:
		return errors.Join(r.loose()...)
	}
	return nil
}

// A problem is a value that did not convert, kept until the record it is
// in has been read and can be named.
type problem struct {
	field, value string
	err          error
	detail       string
}

type reader struct {
	sc    jsonscan.Scanner
	data  []byte // the input
	lines *lineTable
	size  int    // of the input
	err   error  // the problem that stopped the reader
	top   string // what the input is, for errors: "dataset", "point"

	section  string // the section being read, "" outside the sections
	index    int    // the record being read in it
	problems []problem
	junk     int // records read that give nothing that names them

	list   []string          // a list being read
	block  []string          // where lists are kept
	intern map[string]string // each distinct short string once
	shared map[string]string // strings interned before, read only; nil if none
	recent []string          // recently interned strings, by a hash of their bytes

	rels *relTable // where relations go as rows, if not into the Dataset
}

func newReader(data []byte, top string) *reader {
	n := 1 << 16
	for n > 16 && n > len(data)/16 {
		n /= 2
	}
	r := &reader{
		lines:  &lineTable{lines: map[string][]int{}, bad: map[badField]bool{}},
		top:    top,
		size:   len(data),
		intern: make(map[string]string, min(len(data)/512, 1<<18)),
		recent: make([]string, n),
	}
	r.sc.Reset(data)
	r.data = data
	return r
}

// decode reads a dataset file. A file that is not JSON or not of the
// dataset's shape is an error; values that do not convert (dates, kinds)
// are noted in the lineTable, their fields left zero.
func decode(data []byte) (*Dataset, *lineTable, error) {
	ds, _, lines, err := decodeWith(data, false)
	return ds, lines, err
}

// decodeRows reads a dataset file as decode does, but its relations into
// a relTable, the Dataset's Relations left nil.
func decodeRows(data []byte) (*Dataset, *relTable, *lineTable, error) {
	return decodeWith(data, true)
}

func decodeWith(data []byte, rows bool) (*Dataset, *relTable, *lineTable, error) {
	r := newReader(data, "dataset")
	if rows {
		r.rels = newRelTable()
	}
	ds := new(Dataset)
	if k := r.sc.Peek(); k != jsonscan.Object {
		r.wrongType("", jsonscan.Object.String(), k)
		return nil, nil, nil, r.err
	}
	r.object(datasetFormat, unsafe.Pointer(ds), "")
	if r.err == nil && !r.sc.AtEnd() {
		r.stop("", "data after the dataset's closing brace")
	}
	if r.err != nil {
		return nil, nil, nil, r.err
	}
	if len(r.problems) > 0 { // in fields of the dataset itself
		r.lines.errs = append(r.lines.errs, r.loose()...)
	}
	if r.rels != nil {
		r.rels.done()
	}
	return ds, r.rels, r.lines, nil
}

// isNull reports whether data is the JSON null, which an Unmarshaler takes
// as "no change".
func isNull(data []byte) bool {
	sc := jsonscan.New(data)
	return sc.Peek() == jsonscan.Null && sc.ReadNull() && sc.End()
}

// entity names the part of the input being read.
func (r *reader) entity() string {
	if r.section == "" {
		return r.top
	}
	return r.section + "[" + strconv.Itoa(r.index) + "]"
}

// stop records the problem that stops the reader, unless there is one.
func (r *reader) stop(field, detail string) {
	r.stopAt(r.sc.Line(), field, detail)
}

func (r *reader) stopAt(line int, field, detail string) {
	if r.err == nil {
		r.err = &Error{Entity: r.entity(), Field: field, Line: line, Err: ErrFormat, Detail: detail}
	}
}

// syntax stops the reader with the scanner's error.
func (r *reader) syntax() {
	if r.err != nil || r.sc.Err() == nil {
		return
	}
	var e *jsonscan.SyntaxError
	if !errors.As(r.sc.Err(), &e) {
		return
	}
	detail := e.Msg
	if e.End {
		detail = "unexpected end of input (truncated file?)"
	}
	r.err = &Error{Entity: r.entity(), Line: e.Line, Err: ErrFormat, Detail: detail}
}

// wrongType stops the reader at a value of kind got where the format wants
// another: a syntax error if the value is not even JSON.
func (r *reader) wrongType(field, want string, got jsonscan.Kind) {
	line, start := r.sc.Line(), r.sc.Offset()
	if got == jsonscan.None || !r.sc.Skip() {
		r.syntax()
		return
	}
	r.stopAt(line, field, "want "+want+", got JSON "+got.String())
	if e, ok := r.err.(*Error); ok && field != "" {
		e.Value = excerpt(bytes.TrimSpace(r.data[start:r.sc.Offset()]))
	}
}

// excerpt returns JSON text as an error shows it: whole if short, its
// first 40 bytes and an ellipsis if not.
func excerpt(b []byte) string {
	if len(b) <= 40 {
		return string(b)
	}
	return strings.ToValidUTF8(string(b[:40]), "") + "…"
}

// problem notes a value that does not convert.
func (r *reader) problem(field, value string, err error, detail string) {
	r.problems = append(r.problems, problem{field, value, err, detail})
}

// object reads an object of format f into the struct at p and returns
// which of its fields it gave a value other than null, a bit for each. The
// keys of a nested object are named in errors after prefix ("point.").
func (r *reader) object(f *recordFormat, p unsafe.Pointer, prefix string) (given uint64) {
	r.sc.Object()
	var seen uint64
	next := 0
	for {
		key, ok := r.sc.Key()
		if !ok {
			break
		}
		i := f.find(key, next)
		if i < 0 {
			r.stop("", fmt.Sprintf("unknown field %q", prefix+string(key)))
			return given
		}
		if seen&(1<<i) != 0 {
			r.stop("", fmt.Sprintf("%q appears twice", prefix+string(key)))
			return given
		}
		seen |= 1 << i
		next = i + 1
		if r.value(&f.fields[i], unsafe.Add(p, f.fields[i].offset), prefix) {
			given |= 1 << i
		}
		if r.err != nil {
			return given
		}
	}
	r.syntax()
	return given
}

// value reads the value of field ff into p and reports whether it was
// other than null. Null is the zero value, as if the field were left out.
func (r *reader) value(ff *fieldFormat, p unsafe.Pointer, prefix string) bool {
	k := r.sc.Peek()
	switch {
	case k == jsonscan.Null:
		r.sc.ReadNull()
		return false
	case k == jsonscan.None:
		r.syntax()
		return false
	case ff.codec == codecRecords && r.section != "":
		r.nestedRecords(ff, p, k, prefix)
		return true
	case ff.codec == codecRecords && r.rels != nil && ff.key == sectionRelations:
		r.relationRows(ff, k)
	case ff.codec == codecRecords:
		r.records(ff, p, k)
		return true
	case k != wantKind[ff.codec]:
		r.wrongType(prefix+ff.key, ff.codec.what(), k)
		return false
	}
	switch ff.codec {
	case codecString:
		b, _ := r.sc.ReadString()
		*(*string)(p) = r.interned(b)
	case codecStrings:
		*(*[]string)(p) = r.strings(prefix + ff.key)
	case codecDate:
		b, _ := r.sc.ReadString()
		d, why := parseDate(string(b))
		if why != "" {
			r.problem(prefix+ff.key, string(b), ErrDate, why)
		}
		*(*Date)(p) = d
	case codecText:
		b, _ := r.sc.ReadString()
		if err := ff.text(p).UnmarshalText(b); err != nil {
			if errors.Is(err, ErrKind) {
				r.problem(prefix+ff.key, string(b), ErrKind, "")
			} else {
				r.problem(prefix+ff.key, string(b), ErrFormat, err.Error())
			}
		}
	case codecSupport:
		*(*Support)(p) = r.support(prefix + ff.key)
	case codecFloat:
		b, _ := r.sc.ReadNumber()
		v, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			// Only a number out of range gets here; the field is that of
			// the object, if it is nested in a record, or its own.
			if prefix == "" {
				r.problem(ff.key, string(b), ErrFormat, "out of range")
			} else {
				r.problem(prefix[:len(prefix)-1], string(b), ErrFormat, ff.key+" out of range")
			}
		}
		*(*float64)(p) = v
	case codecNumber:
		b, _ := r.sc.ReadNumber()
		v, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			r.problem(prefix+ff.key, string(b), ErrFormat, "out of range")
		}
		*(**float64)(p) = &v
	case codecObject:
		*(*unsafe.Pointer)(p) = r.nested(ff.rec, prefix+ff.key)
	case codecAttrs:
		*(*map[string]string)(p) = r.attributes(prefix + ff.key)
	case codecBool:
		*(*bool)(p), _ = r.sc.ReadBool()
	}
	return true
}

// loose returns the problems found outside any record, as errors.
func (r *reader) loose() []error {
	errs := make([]error, len(r.problems))
	for i, pr := range r.problems {
		entity := pr.field
		if pr.value != "" {
			entity += " " + strconv.Quote(pr.value)
		}
		errs[i] = &Error{Entity: entity, Err: pr.err, Detail: pr.detail}
	}
	return errs
}
