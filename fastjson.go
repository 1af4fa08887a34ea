package conflict

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// A dataset file of a million relations is a hundred megabytes of JSON, and
// encoding/json reads it at a few tens of megabytes a second. decodeFast
// reads the plain files that Save writes, and that people write by hand,
// several times faster: objects with the fields the format names, spelled
// exactly, each once; strings, lists of strings, numbers and null where the
// format has them. On anything else — bad JSON, an unknown or misspelled
// field, a wrong type, a repeated field — it gives up, and decode reads the
// file again with encoding/json, whose errors say exactly what is wrong. A
// file that decodeFast reads, decode reads the same way; FuzzDecodeFast
// holds the two to that.

// fastReader walks a JSON document byte by byte, counting lines.
type fastReader struct {
	data []byte
	pos  int
	line int
	ok   bool   // false once the reader has given up
	str  []byte // the last string read, valid until the next read
	buf  []byte // unescaped strings

	intern map[string]string // each distinct short string once
	recent [1 << 16]string   // recently interned strings, by a hash of their bytes
}

// decodeFast is decode for plain files; it reports false if the file is not
// one.
func decodeFast(data []byte) (*Dataset, *lineTable, bool) {
	r := &fastReader{data: data, line: 1, ok: true, intern: map[string]string{}}
	ds := &Dataset{}
	lines := &lineTable{lines: map[string][]int{}, bad: map[badField]bool{}}
	if !r.byte('{') {
		return nil, nil, false
	}
	seen := map[string]bool{}
	for first := true; r.ok; first = false {
		if r.peek() == '}' {
			r.pos++
			break
		}
		if !first && !r.byte(',') {
			return nil, nil, false
		}
		key := r.key()
		if !r.ok || seen[key] {
			return nil, nil, false
		}
		seen[key] = true
		if key == "name" {
			ds.Name = r.stringOrNull()
			continue
		}
		var each func(i int)
		switch key {
		case sectionSources:
			each = func(i int) {
				var w wireSource
				for o := r.object(); o.next(); {
					switch o.key {
					case "id":
						w.ID = r.stringOrNull()
					case "outlet":
						w.Outlet = r.stringOrNull()
					case "author":
						w.Author = r.stringOrNull()
					case "title":
						w.Title = r.stringOrNull()
					case "published":
						w.Published = r.stringOrNull()
					case "url":
						w.URL = r.stringOrNull()
					case "note":
						w.Note = r.stringOrNull()
					default:
						r.ok = false
					}
				}
				if r.ok {
					ds.Sources = append(ds.Sources, w.source(lines, i))
				}
			}
		case sectionActors, sectionBackers:
			each = func(i int) {
				var w wireNode
				for o := r.object(); o.next(); {
					switch o.key {
					case "id":
						w.ID = r.stringOrNull()
					case "name":
						w.Name = r.stringOrNull()
					case "kind":
						w.Kind = r.stringOrNull()
					case "aliases":
						w.Aliases = r.strings()
					case "note":
						w.Note = r.stringOrNull()
					default:
						r.ok = false
					}
				}
				switch {
				case !r.ok:
				case key == sectionActors:
					ds.Actors = append(ds.Actors, w.actor(lines, i))
				default:
					ds.Backers = append(ds.Backers, w.backer(lines, i))
				}
			}
		case sectionLocations:
			each = func(i int) {
				var w wireLocation
				for o := r.object(); o.next(); {
					switch o.key {
					case "id":
						w.ID = r.stringOrNull()
					case "name":
						w.Name = r.stringOrNull()
					case "kind":
						w.Kind = r.stringOrNull()
					case "aliases":
						w.Aliases = r.strings()
					case "within":
						w.Within = r.stringOrNull()
					case "point":
						w.Point = r.point()
					case "note":
						w.Note = r.stringOrNull()
					default:
						r.ok = false
					}
				}
				if r.ok {
					ds.Locations = append(ds.Locations, w.location(lines, i))
				}
			}
		case sectionRelations:
			// Every relation names its end "to": enough room for all.
			ds.Relations = make([]Relation, 0, bytes.Count(r.data[r.pos:], []byte(`"to"`)))
			each = func(i int) {
				var w wireRelation
				for o := r.object(); o.next(); {
					switch o.key {
					case "kind":
						w.Kind = r.stringOrNull()
					case "from":
						w.From = r.stringOrNull()
					case "to":
						w.To = r.stringOrNull()
					case "start":
						w.Start = r.stringOrNull()
					case "end":
						w.End = r.stringOrNull()
					case "support":
						w.Support = r.strings()
					case "sources":
						w.Sources = r.strings()
					case "event":
						w.Event = r.stringOrNull()
					case "note":
						w.Note = r.stringOrNull()
					default:
						r.ok = false
					}
				}
				if r.ok {
					ds.Relations = append(ds.Relations, w.relation(lines, i))
				}
			}
		case sectionEvents:
			each = func(i int) {
				var w wireEvent
				for o := r.object(); o.next(); {
					switch o.key {
					case "id":
						w.ID = r.stringOrNull()
					case "kind":
						w.Kind = r.stringOrNull()
					case "date":
						w.Date = r.stringOrNull()
					case "location":
						w.Location = r.stringOrNull()
					case "actors":
						w.Actors = r.strings()
					case "counterparts":
						w.Counterparts = r.strings()
					case "support":
						w.Support = r.strings()
					case "sources":
						w.Sources = r.strings()
					case "note":
						w.Note = r.stringOrNull()
					default:
						r.ok = false
					}
				}
				if r.ok {
					ds.Events = append(ds.Events, w.event(lines, i))
				}
			}
		default:
			return nil, nil, false
		}
		if !r.byte('[') {
			return nil, nil, false
		}
		for i := 0; r.ok; i++ {
			if r.peek() == ']' {
				r.pos++
				break
			}
			if i > 0 && !r.byte(',') {
				return nil, nil, false
			}
			r.space()
			lines.lines[key] = append(lines.lines[key], r.line)
			each(i)
		}
	}
	r.space()
	if !r.ok || r.pos != len(r.data) {
		return nil, nil, false
	}
	return ds, lines, true
}

// space skips white space.
func (r *fastReader) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case '\n':
			r.line++
		case ' ', '\t', '\r':
		default:
			return
		}
		r.pos++
	}
}

// peek returns the next byte that is not white space, or 0 at the end.
func (r *fastReader) peek() byte {
	r.space()
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	r.ok = false
	return 0
}

// byte reads c.
func (r *fastReader) byte(c byte) bool {
	if r.ok && r.peek() == c {
		r.pos++
		return true
	}
	r.ok = false
	return false
}

// keys are the field names of the format.
var keys = []string{
	"name", "sources", "actors", "backers", "locations", "relations", "events",
	"id", "outlet", "author", "title", "published", "url", "note", "kind", "aliases",
	"within", "point", "lat", "lon", "from", "to", "start", "end", "support", "event",
	"date", "location", "counterparts",
}

// key reads an object key and its colon.
func (r *fastReader) key() string {
	if !r.readString() {
		return ""
	}
	k := ""
	for _, name := range keys {
		if string(r.str) == name {
			k = name
			break
		}
	}
	if k == "" {
		k = string(r.str) // not a field of the format: decodeFast will give up
	}
	if !r.byte(':') {
		return ""
	}
	return k
}

// object starts reading an object; call next for each of its keys.
func (r *fastReader) object() objectReader {
	r.byte('{')
	return objectReader{r: r, first: true}
}

// objectReader reads the keys of one object, refusing repeats.
type objectReader struct {
	r     *fastReader
	key   string
	first bool
	seen  [12]string
	n     int
}

// next reads the next key and its colon, leaving the reader at its value,
// and reports whether there is one.
func (o *objectReader) next() bool {
	r := o.r
	if !r.ok {
		return false
	}
	if r.peek() == '}' {
		r.pos++
		return false
	}
	if !o.first && !r.byte(',') {
		return false
	}
	o.first = false
	o.key = r.key()
	for _, s := range o.seen[:o.n] {
		if s == o.key {
			r.ok = false // encoding/json takes the last; leave it to it
		}
	}
	if !r.ok || o.n == len(o.seen) {
		r.ok = false
		return false
	}
	o.seen[o.n] = o.key
	o.n++
	return true
}

// null reads null if it comes next.
func (r *fastReader) null() bool {
	if r.peek() == 'n' && len(r.data)-r.pos >= 4 && string(r.data[r.pos:r.pos+4]) == "null" {
		r.pos += 4
		return true
	}
	return false
}

// stringOrNull reads a string, or null as "".
func (r *fastReader) stringOrNull() string {
	if r.null() || !r.readString() {
		return ""
	}
	return r.interned()
}

// interned returns the last string read, the same string each time for
// short ones. Kinds, dates, sources and busy IDs repeat from record to
// record: a small cache in front of the map finds most of them.
func (r *fastReader) interned() string {
	if len(r.str) <= 64 {
		h := uint32(2166136261)
		for _, c := range r.str {
			h = (h ^ uint32(c)) * 16777619
		}
		slot := &r.recent[h%uint32(len(r.recent))]
		if *slot == string(r.str) {
			return *slot
		}
		s, ok := r.intern[string(r.str)]
		if !ok {
			s = string(r.str)
			r.intern[s] = s
		}
		*slot = s
		return s
	}
	return string(r.str)
}

// strings reads a list of strings, or null as nil.
func (r *fastReader) strings() []string {
	if r.null() || !r.byte('[') {
		return nil
	}
	var out []string
	for first := true; r.ok; first = false {
		if r.peek() == ']' {
			r.pos++
			return out
		}
		if !first && !r.byte(',') {
			return nil
		}
		if r.peek() != '"' {
			r.ok = false // a null element is the empty string to encoding/json
			return nil
		}
		out = append(out, r.stringOrNull())
	}
	return nil
}

// point reads {"lat": ..., "lon": ...}, or null as nil.
func (r *fastReader) point() *wirePoint {
	if r.null() {
		return nil
	}
	p := &wirePoint{}
	for o := r.object(); o.next(); {
		var x **float64
		switch o.key {
		case "lat":
			x = &p.Lat
		case "lon":
			x = &p.Lon
		default:
			r.ok = false
			return nil
		}
		if r.null() {
			continue
		}
		v := r.number()
		*x = &v
	}
	return p
}

// number reads a JSON number as a float64.
func (r *fastReader) number() float64 {
	r.space()
	start := r.pos
	i := r.pos
	digits := func() int {
		n := 0
		for i < len(r.data) && r.data[i] >= '0' && r.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(r.data) && r.data[i] == '-' {
		i++
	}
	switch n := digits(); {
	case n == 0, n > 1 && r.data[start+btoi(r.data[start] == '-')] == '0':
		r.ok = false
		return 0
	}
	if i < len(r.data) && r.data[i] == '.' {
		i++
		if digits() == 0 {
			r.ok = false
			return 0
		}
	}
	if i < len(r.data) && (r.data[i] == 'e' || r.data[i] == 'E') {
		i++
		if i < len(r.data) && (r.data[i] == '+' || r.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			r.ok = false
			return 0
		}
	}
	v, err := strconv.ParseFloat(string(r.data[start:i]), 64)
	if err != nil {
		r.ok = false
		return 0
	}
	r.pos = i
	return v
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// readString reads a string into r.str. Strings with escapes or bytes
// outside printable ASCII go through encoding/json, so they come out as it
// makes them.
func (r *fastReader) readString() bool {
	if r.peek() != '"' {
		r.ok = false
		return false
	}
	start := r.pos
	plain := true
	i := r.pos + 1
	for ; i < len(r.data); i++ {
		c := r.data[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			i++
			continue
		}
		if c < 0x20 {
			r.ok = false
			return false
		}
		if c >= 0x80 {
			plain = false
		}
	}
	if i >= len(r.data) {
		r.ok = false
		return false
	}
	r.pos = i + 1
	if plain {
		r.str = r.data[start+1 : i]
		return true
	}
	var s string
	if err := json.Unmarshal(r.data[start:r.pos], &s); err != nil {
		r.ok = false
		return false
	}
	r.buf = append(r.buf[:0], s...)
	r.str = r.buf
	return true
}
