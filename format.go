package conflict

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unsafe"
)

// The dataset file is spelled once: in the json tags of Dataset and of the
// record types. encoding/json reads those tags to marshal records (and to
// unmarshal them one at a time); the reader in read.go walks a table that
// is derived from the same tags, once, when the package starts.

// A codec is how a field's value is written in the file, chosen by the
// field's Go type.
type codec uint8

const (
	codecString  codec = iota + 1 // string: a string
	codecStrings                  // []string: a list of strings
	codecDate                     // Date: a string that ParseDate reads
	codecText                     // a kind: a string that its UnmarshalText reads
	codecSupport                  // Support: a list of its words
	codecFloat                    // float64: a number
	codecObject                   // a pointer to a struct: an object with every field
	codecRecords                  // a slice of structs: a list of objects
	codecAttrs                    // map[string]string: an object of strings
	codecBool                     // bool: true or false
	codecNumber                   // *float64: a number, nil when left out
)

// what returns the JSON a codec wants, for errors.
func (c codec) what() string {
	switch c {
	case codecStrings, codecSupport:
		return "list of strings"
	case codecFloat, codecNumber:
		return "number"
	case codecObject:
		return "object"
	case codecAttrs:
		return "object of strings"
	case codecBool:
		return "true or false"
	case codecRecords:
		return "list of objects"
	}
	return "string"
}

// A fieldFormat is one field of a record: its key in the file and where
// its value goes.
type fieldFormat struct {
	key    string
	name   string  // the Go field's name
	offset uintptr // in the record
	codec  codec
	typ    reflect.Type
	rec    *recordFormat // the struct of a codecObject or codecRecords field

	omitEmpty bool // tagged omitempty or omitzero: left out when zero
}

// A recordFormat is a struct as the file writes it: an object whose keys
// are its fields' json tags.
type recordFormat struct {
	typ    reflect.Type
	fields []fieldFormat // in the struct's order, the order Save writes them
	id     int           // the field named ID, or -1
	kind   int           // the field named Kind, or -1
	ends   uint64        // the fields named From and To
	needs  string        // "lat and lon": the keys of the required fields, for errors

	// required has a bit for each field not tagged omitempty or
	// omitzero: a nested object must give them all. numbers has a bit for
	// each required number, which a record must give, as its zero value
	// is a number too.
	required, numbers uint64
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// The formats of the dataset file and of a point.
var (
	datasetFormat = formatOf(reflect.TypeFor[Dataset]())
	pointFormat   = formatOf(reflect.TypeFor[Point]())
)

// formatOf derives the format of struct type t from its json tags. Every
// exported field must have a key and a type with a codec: a missing tag
// or an unknown type is a mistake in this package, and panics when it
// starts.
func formatOf(t reflect.Type) *recordFormat {
	f := &recordFormat{typ: t, id: -1, kind: -1}
	var needs []string
	for sf := range t.Fields() {
		if !sf.IsExported() {
			continue
		}
		key, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if key == "" || key == "-" || sf.Anonymous {
			panic(fmt.Sprintf("conflict: field %v.%s has no json key", t, sf.Name))
		}
		ff := fieldFormat{key: key, name: sf.Name, offset: sf.Offset, codec: codecOf(sf.Type), typ: sf.Type,
			omitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty") || slices.Contains(strings.Split(opts, ","), "omitzero")}
		switch ff.codec {
		case 0:
			panic(fmt.Sprintf("conflict: field %v.%s: no codec for %v", t, sf.Name, sf.Type))
		case codecObject:
			ff.rec = formatOf(sf.Type.Elem())
		case codecRecords:
			ff.rec = formatOf(sf.Type.Elem())
		}
		switch sf.Name {
		case "ID":
			f.id = len(f.fields)
		case "Kind":
			f.kind = len(f.fields)
		case "From", "To":
			f.ends |= 1 << len(f.fields)
		}
		if !ff.omitEmpty {
			f.required |= 1 << len(f.fields)
			needs = append(needs, key)
			if ff.codec == codecFloat {
				f.numbers |= 1 << len(f.fields)
			}
		}
		f.fields = append(f.fields, ff)
	}
	if len(f.fields) > 64 {
		panic(fmt.Sprintf("conflict: %v has more than 64 fields", t))
	}
	f.needs = strings.Join(needs, " and ")
	return f
}

// codecOf returns the codec of a field of type t, or 0 if it has none.
func codecOf(t reflect.Type) codec {
	switch {
	case t == reflect.TypeFor[Date]():
		return codecDate
	case t == reflect.TypeFor[Support]():
		return codecSupport
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		return codecText
	case t.Kind() == reflect.String:
		return codecString
	case t == reflect.TypeFor[[]string]():
		return codecStrings
	case t.Kind() == reflect.Float64:
		return codecFloat
	case t == reflect.TypeFor[*float64]():
		return codecNumber
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		return codecObject
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return codecRecords
	case t == reflect.TypeFor[map[string]string]():
		return codecAttrs
	case t.Kind() == reflect.Bool:
		return codecBool
	}
	return 0
}

// find returns the index of the field with key, or -1. Fields usually come
// in order, so it looks first at the one after the last found, from.
func (f *recordFormat) find(key []byte, from int) int {
	n := len(f.fields)
	for j := range n {
		i := from + j
		if i >= n {
			i -= n
		}
		if f.fields[i].key == string(key) {
			return i
		}
	}
	return -1
}

// text returns the kind in the field at p as a TextUnmarshaler.
func (ff *fieldFormat) text(p unsafe.Pointer) encoding.TextUnmarshaler {
	return reflect.NewAt(ff.typ, p).Interface().(encoding.TextUnmarshaler)
}

// label names the record at p in errors: its ID, quoted, or for a
// relation its ends and kind, the kind as the file gives it when it is not
// a kind's word (one of the problems found).
func (f *recordFormat) label(p unsafe.Pointer, problems []problem) fmt.Stringer {
	if r, ok := reflect.NewAt(f.typ, p).Interface().(*Relation); ok {
		kind := r.Kind.String()
		for _, pr := range problems {
			if pr.field == f.fields[f.kind].key {
				kind = pr.value
			}
		}
		return relLabel{r.From, kind, r.To}
	}
	if m, ok := reflect.NewAt(f.typ, p).Interface().(*Measure); ok {
		quantity := m.Quantity.String()
		for _, pr := range problems {
			if pr.field == "quantity" {
				quantity = pr.value
			}
		}
		return measureLabel(m, quantity)
	}
	if f.id >= 0 {
		return quoted(*(*string)(unsafe.Add(p, f.fields[f.id].offset)))
	}
	return plain("")
}

// junk reports whether a record that gave the fields in given gives none of
// what names it: its ID, or a relation's ends.
func (f *recordFormat) junk(given uint64) bool {
	switch {
	case f.id >= 0:
		return given&(1<<f.id) == 0
	case f.ends != 0:
		return given&f.ends != f.ends
	}
	return false
}
