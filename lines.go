package conflict

import "fmt"

// lineTable is what decoding learnt about a file: the line on which each
// record starts, and the problems with values it could not convert, which
// the batch check reports along with its own.
type lineTable struct {
	lines   map[string][]int // the line of each record kept, by section
	errs    []error
	dropped int               // problems found beyond the first defaultMaxErrors, counted only
	bad     map[badField]bool // fields already reported, by section and place among the records kept

	// orig is, for a section some of whose records were let go, the place
	// in the file of each record kept; nil while every record is kept.
	orig map[string][]int
}

// drop notes that the record that would have been the kept record n of
// section was let go.
func (t *lineTable) drop(section string, n int) {
	if t.orig == nil {
		t.orig = map[string][]int{}
	}
	if _, ok := t.orig[section]; !ok {
		ids := make([]int, n)
		for i := range ids {
			ids[i] = i
		}
		t.orig[section] = ids
	}
}

// keep notes that record i of section in the file was kept.
func (t *lineTable) keep(section string, i int) {
	if ids, ok := t.orig[section]; ok {
		t.orig[section] = append(ids, i)
	}
}

// fileIndex returns the place in the file of kept record n of section.
func (t *lineTable) fileIndex(section string, n int) int {
	if ids, ok := t.orig[section]; ok && n < len(ids) {
		return ids[n]
	}
	return n
}

type badField struct {
	section string
	i       int
	field   string
}

// fail records a value that could not be converted.
func (t *lineTable) fail(section string, i int, label fmt.Stringer, field, value string, err error, detail string) {
	t.bad[badField{section, i, field}] = true
	if len(t.errs) >= defaultMaxErrors {
		t.dropped++
		return
	}
	t.errs = append(t.errs, &Error{
		Entity: fmt.Sprintf("%s[%d] %s", section, t.fileIndex(section, i), label),
		Field:  field, Value: value, Line: t.line(section, i), Err: err, Detail: detail,
		rec: record{section, i},
	})
}

func (t *lineTable) line(section string, i int) int {
	if l := t.lines[section]; i < len(l) {
		return l[i]
	}
	return 0
}
