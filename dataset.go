package conflict

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A Dataset is a whole record in plain form: what the dataset file holds,
// what [Conflict.Add] takes and [Conflict.Dataset] returns. The order of
// each list is kept.
type Dataset struct {
	Name      string
	Sources   []Source
	Actors    []Actor
	Backers   []Backer
	Locations []Location
	Relations []Relation
	Events    []Event
}

// Load reads a dataset file (see the package documentation for its form)
// into a new Conflict.
func Load(r io.Reader) (*Conflict, error) {
	c := new(Conflict)
	if err := c.Load(r); err != nil {
		return nil, err
	}
	return c, nil
}

// Load reads a dataset file and adds its records, or none: on any problem it
// returns an error and leaves the Conflict as it was. Every problem in the
// records is reported (joined with [errors.Join]), each an [*Error] with the
// line of the record in the file; a file that is not well-formed JSON, or not
// of the dataset's shape, gets one error that wraps [ErrFormat]. Unknown
// fields are an error.
func (c *Conflict) Load(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("conflict: reading dataset: %w", err)
	}
	ds, lines, ok := decodeFast(data)
	if !ok {
		ds, lines, err = decode(data)
		if err != nil {
			return err
		}
	}
	return c.add(ds, lines)
}

// Save writes the whole record as a dataset file: one JSON object, each
// record on a line of its own, in the order added. Save then [Conflict.Load]
// gives back the same record.
func (c *Conflict) Save(w io.Writer) error {
	ds := c.Dataset()
	bw := bufio.NewWriter(w)
	var enc bytes.Buffer
	je := json.NewEncoder(&enc)
	je.SetEscapeHTML(false)
	item := func(v any) []byte {
		enc.Reset()
		_ = je.Encode(v) // the wire types always encode
		return bytes.TrimSuffix(enc.Bytes(), []byte("\n"))
	}
	bw.WriteString("{\n  \"name\": ")
	bw.Write(item(ds.Name))
	section := func(name string, n int, at func(int) any) {
		bw.WriteString(",\n  \"" + name + "\": [")
		for i := range n {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(item(at(i)))
		}
		if n > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteByte(']')
	}
	section(sectionSources, len(ds.Sources), func(i int) any { return wireOfSource(&ds.Sources[i]) })
	section(sectionActors, len(ds.Actors), func(i int) any { return wireOfActor(&ds.Actors[i]) })
	section(sectionBackers, len(ds.Backers), func(i int) any { return wireOfBacker(&ds.Backers[i]) })
	section(sectionLocations, len(ds.Locations), func(i int) any { return wireOfLocation(&ds.Locations[i]) })
	section(sectionRelations, len(ds.Relations), func(i int) any { return wireOfRelation(&ds.Relations[i]) })
	section(sectionEvents, len(ds.Events), func(i int) any { return wireOfEvent(&ds.Events[i]) })
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// lineTable is what decoding learnt about a file: the line on which each
// record starts, and the problems with values it could not convert, which
// the batch check reports along with its own.
type lineTable struct {
	lines map[string][]int
	errs  []error
	bad   map[badField]bool // fields already reported
}

type badField struct {
	section string
	i       int
	field   string
}

// fail records a value that could not be converted.
func (t *lineTable) fail(section string, i int, label fmt.Stringer, field, value string, err error, detail string) {
	t.bad[badField{section, i, field}] = true
	t.errs = append(t.errs, &Error{
		Entity: fmt.Sprintf("%s[%d] %s", section, i, label),
		Field:  field, Value: value, Line: t.line(section, i), Err: err, Detail: detail,
	})
}

func (t *lineTable) line(section string, i int) int {
	if l := t.lines[section]; i < len(l) {
		return l[i]
	}
	return 0
}

// lineCounter turns increasing byte offsets into line numbers.
type lineCounter struct {
	data []byte
	off  int
	line int
}

// at returns the line of the first byte at or after off that is not space
// or a comma.
func (lc *lineCounter) at(off int64) int {
	o := int(min(max(off, 0), int64(len(lc.data))))
	for o < len(lc.data) && strings.IndexByte(" \t\r\n,", lc.data[o]) >= 0 {
		o++
	}
	if o < lc.off {
		lc.off, lc.line = 0, 1
	}
	lc.line += bytes.Count(lc.data[lc.off:o], []byte("\n"))
	lc.off = o
	return lc.line
}

// decode parses a dataset file, record by record, noting where each starts.
// A file that is not of the dataset's shape is an error; values it cannot
// convert (dates, kinds) are noted in the lineTable and left zero.
func decode(data []byte) (*Dataset, *lineTable, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	lc := &lineCounter{data: data, line: 1}
	ds := &Dataset{}
	lines := &lineTable{lines: map[string][]int{}, bad: map[badField]bool{}}
	record := 1 // line of the record being read

	// where names the part of the file being read, for errors.
	where := "dataset"
	formatErr := func(line int, format string, args ...any) error {
		return &Error{Entity: where, Line: line, Err: ErrFormat, Detail: fmt.Sprintf(format, args...)}
	}
	jsonErr := func(err error) error {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return formatErr(lc.at(syn.Offset-1), "%s", strings.TrimPrefix(syn.Error(), "json: "))
		case errors.As(err, &typ):
			return &Error{Entity: where, Field: typ.Field, Line: record, Err: ErrFormat,
				Detail: fmt.Sprintf("want %v, got JSON %s", typ.Type, typ.Value)}
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return &Error{Entity: where, Err: ErrFormat, Detail: "unexpected end of input (truncated file?)"}
		}
		return formatErr(lc.at(dec.InputOffset()), "%s", strings.TrimPrefix(err.Error(), "json: "))
	}
	delim := func(want json.Delim) error {
		tok, err := dec.Token()
		if err != nil {
			return jsonErr(err)
		}
		if d, ok := tok.(json.Delim); !ok || d != want {
			return formatErr(lc.at(dec.InputOffset()), "want %q, got %v", want, tok)
		}
		return nil
	}
	if err := delim('{'); err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, jsonErr(err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, nil, formatErr(lc.at(dec.InputOffset()), "%q appears twice", key)
		}
		seen[key] = true
		if key == "name" {
			record = lc.at(dec.InputOffset())
			if err := dec.Decode(&ds.Name); err != nil {
				err := jsonErr(err)
				err.(*Error).Field = "name"
				return nil, nil, err
			}
			continue
		}
		var each func(i int) error
		switch key {
		case sectionSources:
			each = func(i int) error {
				var w wireSource
				err := dec.Decode(&w)
				if err == nil {
					ds.Sources = append(ds.Sources, w.source(lines, i))
				}
				return err
			}
		case sectionActors:
			each = func(i int) error {
				var w wireNode
				err := dec.Decode(&w)
				if err == nil {
					ds.Actors = append(ds.Actors, w.actor(lines, i))
				}
				return err
			}
		case sectionBackers:
			each = func(i int) error {
				var w wireNode
				err := dec.Decode(&w)
				if err == nil {
					ds.Backers = append(ds.Backers, w.backer(lines, i))
				}
				return err
			}
		case sectionLocations:
			each = func(i int) error {
				var w wireLocation
				err := dec.Decode(&w)
				if err == nil {
					ds.Locations = append(ds.Locations, w.location(lines, i))
				}
				return err
			}
		case sectionRelations:
			each = func(i int) error {
				var w wireRelation
				err := dec.Decode(&w)
				if err == nil {
					ds.Relations = append(ds.Relations, w.relation(lines, i))
				}
				return err
			}
		case sectionEvents:
			each = func(i int) error {
				var w wireEvent
				err := dec.Decode(&w)
				if err == nil {
					ds.Events = append(ds.Events, w.event(lines, i))
				}
				return err
			}
		default:
			return nil, nil, formatErr(lc.at(dec.InputOffset()), "unknown field %q", key)
		}
		if err := delim('['); err != nil {
			return nil, nil, err
		}
		for i := 0; dec.More(); i++ {
			record = lc.at(dec.InputOffset())
			where = fmt.Sprintf("%s[%d]", key, i)
			lines.lines[key] = append(lines.lines[key], record)
			if err := each(i); err != nil {
				return nil, nil, jsonErr(err)
			}
		}
		where = "dataset"
		if err := delim(']'); err != nil {
			return nil, nil, err
		}
	}
	if err := delim('}'); err != nil {
		return nil, nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, formatErr(lc.at(dec.InputOffset()), "data after the dataset's closing brace")
	}
	return ds, lines, nil
}
