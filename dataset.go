package conflict

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// A Dataset is a whole record in plain form: what the dataset file holds,
// what [Conflict.Add] takes and [Conflict.Dataset] returns. The order of
// each list is kept.
//
// A Dataset is the dataset file's JSON object (see the package
// documentation), and the json tags of Dataset and of the record types
// give its keys: [Dataset.MarshalJSON] writes what [Conflict.Save] writes,
// and [Dataset.UnmarshalJSON] reads as strictly as [Load], so a dataset can
// be embedded in other JSON.
type Dataset struct {
	Name string `json:"name"`

	// TimeZone names the conflict's time zone, in which its dates are
	// calendar days: an IANA name such as "Asia/Damascus"; empty means UTC.
	// Looking a zone up needs the system's zone database, or a program
	// that imports time/tzdata.
	TimeZone string `json:"timezone,omitempty"`

	Sources   []Source   `json:"sources"`
	Actors    []Actor    `json:"actors"`
	Backers   []Backer   `json:"backers"`
	Locations []Location `json:"locations"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`

	Agreements []Agreement `json:"agreements,omitempty"`

	// Measures are aggregates the sources report of the parties, such as
	// the area a party holds on a date (see [Measure]). The section is
	// left out of the file when empty.
	Measures []Measure `json:"measures,omitempty"`
}

// Load reads a dataset file (see the package documentation for its form)
// into a new Conflict, as [Conflict.Load] does.
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
// of the dataset's shape (an unknown key, a key twice in one object, a value
// of the wrong JSON type), gets one error that wraps [ErrFormat] and names
// the line of the problem.
func (c *Conflict) Load(r io.Reader) error { return c.LoadWith(r, LoadOptions{}) }

// Save writes the whole record as a dataset file: [Conflict.Dataset] as
// [Dataset.MarshalJSON] writes it, and a newline. Save then
// [Conflict.Load] gives back the same record.
func (c *Conflict) Save(w io.Writer) error {
	ds := c.Dataset()
	bw := bufio.NewWriter(w)
	if err := ds.encode(bw); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// MarshalJSON implements [encoding/json.Marshaler]: one JSON object with
// the name and every section, in the order of Dataset's fields, an empty
// section as []; each record on a line of its own, in the form its json
// tags give.
func (ds Dataset) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := ds.encode(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// UnmarshalJSON implements [encoding/json.Unmarshaler]. It reads the
// dataset file's object into ds, replacing what ds held, as strictly as
// [Load] reads a file: unknown keys and keys given twice are errors, and
// every value that does not convert is reported, each an [*Error] whose
// Line counts from the start of data; then ds is left as it was. It does
// not check the records against each other: that is what [Conflict.Add]
// does. Null leaves ds as it is.
func (ds *Dataset) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	got, lines, err := decode(data)
	switch {
	case err != nil:
		return err
	case len(lines.errs) > 0:
		errs := lines.errs
		if lines.dropped > 0 {
			errs = append(errs, fmt.Errorf("conflict: and %d more problems", lines.dropped))
		}
		return errors.Join(errs...)
	}
	*ds = *got
	return nil
}

// encode writes ds as MarshalJSON does.
func (ds *Dataset) encode(w interface {
	io.Writer
	io.StringWriter
}) error {
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	// write writes v as encoding/json does, without the newline its Encoder
	// puts after each value.
	write := func(v any) error {
		item.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := w.Write(item.Bytes()[:item.Len()-1])
		return err
	}
	v := reflect.ValueOf(ds).Elem()
	w.WriteString("{")
	for i, f := range datasetFormat.fields {
		if f.omitEmpty && v.Field(i).IsZero() {
			continue
		}
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n  ")
		write(f.key)
		w.WriteString(": ")
		field := v.Field(i)
		if f.codec != codecRecords {
			if err := write(field.Interface()); err != nil {
				return fmt.Errorf("conflict: dataset: %s: %w", f.key, err)
			}
			continue
		}
		w.WriteString("[")
		for j := range field.Len() {
			if j > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n    ")
			if err := write(field.Index(j).Addr().Interface()); err != nil {
				return fmt.Errorf("conflict: %s[%d]: %w", f.key, j, err)
			}
		}
		if field.Len() > 0 {
			w.WriteString("\n  ")
		}
		w.WriteString("]")
	}
	_, err := w.WriteString("\n}")
	return err
}
