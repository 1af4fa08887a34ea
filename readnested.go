package conflict

import (
	"reflect"
	"strconv"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// Reading the lists of records nested in a record (an event's participants
// and figures), and the numbers a record must give.

// nestedRecords reads a list of records nested in a record, such as an event's
// participants, into the slice at p: their problems are the record's, in
// fields named after prefix and the list's place ("participants[1].role").
// An empty list is nil; null in it is a zero record.
func (r *reader) nestedRecords(ff *fieldFormat, p unsafe.Pointer, k jsonscan.Kind, prefix string) {
	name := prefix + ff.key
	if k != jsonscan.Array {
		r.wrongType(name, ff.codec.what(), k)
		return
	}
	slice := reflect.NewAt(ff.typ, p).Elem()
	r.sc.Array()
	for i := 0; r.sc.Next(); i++ {
		slice.Grow(1)
		slice.SetLen(i + 1)
		rec := slice.Index(i).Addr().UnsafePointer()
		at := name + "[" + strconv.Itoa(i) + "]"
		switch k := r.sc.Peek(); k {
		case jsonscan.Object:
			r.requireNumbers(ff.rec, r.object(ff.rec, rec, at+"."), at+".")
		case jsonscan.Null:
			r.sc.ReadNull()
		default:
			r.wrongType(at, "object", k)
		}
		if r.err != nil {
			return
		}
	}
	r.syntax()
	if slice.Len() == 0 {
		slice.SetZero()
	}
}

// requireNumbers notes a problem for each required number of a record of
// format f that it did not give: a number left out would read as 0.
func (r *reader) requireNumbers(f *recordFormat, given uint64, prefix string) {
	for i := range f.fields {
		if f.numbers&^given&(1<<i) != 0 {
			r.problem(prefix+f.fields[i].key, "", ErrMissing, "")
		}
	}
}

// nested reads an object of format f, which must have every field, into a
// new struct, and returns it, or nil if a field is missing or does not
// convert.
func (r *reader) nested(f *recordFormat, field string) unsafe.Pointer {
	p := reflect.New(f.typ).UnsafePointer()
	n := len(r.problems)
	given := r.object(f, p, field+".")
	if r.err != nil || len(r.problems) > n {
		return nil
	}
	if given&f.required != f.required {
		r.problem(field, "", ErrMissing, "a "+field+" needs "+f.needs)
		return nil
	}
	return p
}

// element reads one record of a section's array, whose first token is of
// kind k, into *p, a record of f's type: an object, or a null, which gives
// nothing. It returns the fields the record gave.
func (r *reader) element(f *recordFormat, p unsafe.Pointer, k jsonscan.Kind) (given uint64) {
	switch k {
	case jsonscan.Object:
		given = r.object(f, p, "")
		r.requireNumbers(f, given, "")
	case jsonscan.Null:
		r.sc.ReadNull()
	default:
		r.wrongType("", "object", k)
	}
	return given
}

// records reads a list of the records of section ff into the slice at p.
func (r *reader) records(ff *fieldFormat, p unsafe.Pointer, k jsonscan.Kind) {
	if k != jsonscan.Array {
		r.wrongType(ff.key, ff.codec.what(), k)
		return
	}
	slice := reflect.NewAt(ff.typ, p).Elem()
	// Room for every record, but never more memory than the bytes left
	// take, lest a file of "{}," make a huge slice.
	slice.Grow(min(r.sc.Len(), (r.size-r.sc.Offset())/int(ff.rec.typ.Size())))
	lines := r.lines.lines[ff.key]
	defer func() { r.lines.lines[ff.key] = lines }()
	r.sc.Array()
	for i := 0; r.sc.Next(); i++ {
		k := r.sc.Peek()
		n := slice.Len() // the record's place among those kept
		r.section, r.index = ff.key, i
		line := r.sc.Line()
		lines = append(lines, line)
		if slice.Len() == slice.Cap() {
			slice.Grow(1)
		}
		slice.SetLen(n + 1)
		rec := slice.Index(n).Addr().UnsafePointer()
		given := r.element(ff.rec, rec, k)
		if r.err != nil {
			return
		}
		if ff.rec.junk(given) {
			// A record without what names it can only be reported. Past
			// the problems an error describes, it is counted and let go,
			// so junk of any size is read in memory for its good part.
			if r.junk++; r.junk > defaultMaxErrors {
				slice.Index(n).SetZero()
				slice.SetLen(n)
				lines = lines[:n]
				r.lines.drop(ff.key, n)
				r.lines.dropped++
				r.problems = r.problems[:0]
				continue
			}
		}
		r.lines.keep(ff.key, i)
		if len(r.problems) > 0 {
			r.lines.lines[ff.key] = lines
			label := ff.rec.label(rec, r.problems)
			for _, pr := range r.problems {
				r.lines.fail(ff.key, n, label, pr.field, pr.value, pr.err, pr.detail)
			}
			r.problems = r.problems[:0]
		}
	}
	r.section = ""
	r.syntax()
}
