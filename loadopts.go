package conflict

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
)

// defaultMaxErrors is how many problems an error describes by default.
const defaultMaxErrors = 100

// LoadOptions tunes [Conflict.LoadWith] and [Conflict.AddWith]. The zero
// value is what [Conflict.Load] and [Conflict.Add] do: add every record or
// none, and describe the first 100 problems.
type LoadOptions struct {
	// KeepGoing skips the records that have problems, and the records that
	// refer to them, and adds the rest: a source, node or event that is
	// skipped makes the records that cite it unknown references, skipped in
	// turn. The error then wraps [ErrSkipped] and describes each record
	// skipped (file line, record, field, value). A problem with the dataset
	// as a whole (its time zone, a file that is not JSON) adds nothing.
	KeepGoing bool

	// MaxErrors is how many problems the error describes; the count of the
	// rest closes it ("and 3051 more problems"). 0 means 100; a negative
	// number describes every problem.
	MaxErrors int

	// Progress, if not nil, is called as the work passes each phase:
	// "decode" (reading the file's JSON), "check" (checking the records
	// against each other and the record), "add". It is called on the
	// calling goroutine.
	Progress func(phase string)
}

func (o *LoadOptions) phase(p string) {
	if o.Progress != nil {
		o.Progress(p)
	}
}

func (o *LoadOptions) maxErrors() int {
	if o.MaxErrors == 0 {
		return defaultMaxErrors
	}
	return o.MaxErrors
}

// LoadWith reads a dataset file as [Conflict.Load] does, tuned by opt.
func (c *Conflict) LoadWith(r io.Reader, opt LoadOptions) error {
	data, err := readAll(r)
	if err != nil {
		return fmt.Errorf("conflict: reading dataset: %w", err)
	}
	opt.phase("decode")
	ds, rels, lines, err := decodeRows(data)
	if err != nil {
		return err
	}
	return c.add(ds, rels, lines, opt)
}

// AddWith adds the records of ds as [Conflict.Add] does, tuned by opt.
func (c *Conflict) AddWith(ds Dataset, opt LoadOptions) error { return c.add(&ds, nil, nil, opt) }

// add adds ds, whose relations are rels when it is not nil, and which was
// read from a file as lines tell when that is not nil.
func (c *Conflict) add(ds *Dataset, rels *relTable, lines *lineTable, opt LoadOptions) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.init()
	opt.phase("check")
	given := ds
	var orig map[string][]int
	skip := map[record]bool{}
	var skipped []error // the problems of the records skipped, described
	described, found := 0, 0
	var b *batch
	for {
		b = newBatch(&c.st, ds, lines)
		b.rels = rels
		b.maxErrs, b.orig = opt.maxErrors(), orig
		if opt.KeepGoing {
			b.bad = map[record]bool{}
		}
		if lines != nil && orig != nil {
			b.errs, b.problems = nil, 0 // reported in the first round
		}
		err := b.check()
		if err == nil {
			opt.phase("add")
			b.commit()
			break
		}
		if !opt.KeepGoing || b.fatal {
			return err
		}
		if lines != nil && orig == nil {
			for f := range lines.bad {
				b.bad[record{f.section, f.i}] = true
			}
		}
		more := 0
		for r := range b.bad {
			if !skip[r] {
				skip[r] = true
				more++
			}
		}
		if more == 0 {
			return err // problems no skipping mends
		}
		found += b.problems
		for _, e := range b.errs {
			if opt.maxErrors() < 0 || described < opt.maxErrors() {
				skipped = append(skipped, e)
				described++
			}
		}
		if rels != nil { // skipping works on whole relations
			given.Relations, rels = rels.relations(), nil
		}
		ds, orig = without(given, skip)
	}
	if ds.Name != "" {
		c.st.name = ds.Name
	}
	if b.zone != nil {
		c.st.zone = b.zone
	}
	c.snap.Store(nil)
	if len(skip) == 0 {
		return nil
	}
	head := fmt.Errorf("%w: %d records with problems or referring to them", ErrSkipped, len(skip))
	if n := found - described; n > 0 {
		skipped = append(skipped, fmt.Errorf("conflict: and %d more problems", n))
	}
	return errors.Join(append([]error{head}, skipped...)...)
}

// without returns ds without the records in skip, and for each section the
// index in ds of each record kept.
func without(ds *Dataset, skip map[record]bool) (*Dataset, map[string][]int) {
	orig := map[string][]int{}
	out := &Dataset{Name: ds.Name, TimeZone: ds.TimeZone}
	out.Sources = keep(ds.Sources, sectionSources, skip, orig)
	out.Actors = keep(ds.Actors, sectionActors, skip, orig)
	out.Backers = keep(ds.Backers, sectionBackers, skip, orig)
	out.Locations = keep(ds.Locations, sectionLocations, skip, orig)
	out.Relations = keep(ds.Relations, sectionRelations, skip, orig)
	out.Events = keep(ds.Events, sectionEvents, skip, orig)
	out.Agreements = keep(ds.Agreements, sectionAgreements, skip, orig)
	return out, orig
}

func keep[T any](recs []T, section string, skip map[record]bool, orig map[string][]int) []T {
	var out []T
	for i, r := range recs {
		if !skip[record{section, i}] {
			out = append(out, r)
			orig[section] = append(orig[section], i)
		}
	}
	return slices.Clip(out)
}

// readAll reads r to the end into a slice sized at once when r says how
// much is left (a file, a bytes or strings reader), so that a large file
// costs its size in memory, not twice that.
func readAll(r io.Reader) ([]byte, error) {
	n := int64(-1)
	switch r := r.(type) {
	case interface{ Len() int }:
		n = int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
			if s, ok := r.(io.Seeker); ok {
				if off, err := s.Seek(0, io.SeekCurrent); err == nil {
					n -= off
				}
			}
		}
	}
	if n < 0 || n > 1<<40 {
		return io.ReadAll(r)
	}
	data := make([]byte, 0, n+1) // +1: to see the end without growing
	for {
		m, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+m]
		switch {
		case err == io.EOF:
			return data, nil
		case err != nil:
			return data, err
		case len(data) == cap(data):
			data = append(data, 0)[:len(data)] // more than said: grow
		}
	}
}
