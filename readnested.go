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
