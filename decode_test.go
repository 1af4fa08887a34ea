package conflict_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The reader of dataset files is held to encoding/json: on the files
// encoding/json reads by the json tags alone, it must read the same
// records. It is stricter in three ways, which the comparison leaves out:
// keys must be spelled exactly (encoding/json ignores case), a key may not
// come twice in an object (encoding/json keeps the last), and strings must
// be UTF-8 (encoding/json replaces what is not).

// plainDataset is Dataset without its methods, which encoding/json reads
// by the json tags alone.
type plainDataset conflict.Dataset

// formatKeys are the keys the json tags of Dataset and the record types
// give.
var formatKeys = func() map[string]bool {
	keys := map[string]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for f := range t.Fields() {
			if !f.IsExported() {
				continue
			}
			key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			keys[key] = true
			ft := f.Type
			if ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != reflect.TypeFor[conflict.Date]() {
				walk(ft)
			}
		}
	}
	walk(reflect.TypeFor[conflict.Dataset]())
	return keys
}()

// plainJSON reports whether data is JSON that encoding/json and the
// reader should read alike: UTF-8 without unpaired surrogates, and objects
// whose keys are keys of the format, each once.
func plainJSON(data []byte) bool {
	if !utf8.Valid(data) || !json.Valid(data) {
		return false
	}
	type frame struct {
		object, atKey bool
		keys          map[string]bool
	}
	var stack []frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].atKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				stack = append(stack, frame{object: tok == '{', atKey: true, keys: map[string]bool{}})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
		case string:
			if strings.ContainsRune(tok, utf8.RuneError) {
				return false // perhaps an unpaired surrogate
			}
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].atKey {
				if !formatKeys[tok] || stack[n-1].keys[tok] {
					return false
				}
				stack[n-1].keys[tok] = true
				stack[n-1].atKey = false
				continue
			}
			valueDone()
		default:
			valueDone()
		}
	}
}

// sameAsEncodingJSON fails the test if Dataset.UnmarshalJSON reads data
// that is not JSON, or reads plain JSON differently from encoding/json.
func sameAsEncodingJSON(t *testing.T, data []byte) (read bool) {
	t.Helper()
	var got conflict.Dataset
	errGot := got.UnmarshalJSON(data)
	if errGot == nil && !json.Valid(data) {
		t.Fatalf("UnmarshalJSON read what is not JSON: %q", data)
	}
	if errGot != nil {
		var e *conflict.Error
		if !errors.As(errGot, &e) {
			t.Fatalf("UnmarshalJSON: %v is not a *conflict.Error", errGot)
		}
	}
	if !plainJSON(data) {
		return errGot == nil
	}
	var want plainDataset
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	errWant := dec.Decode(&want)
	switch {
	case errWant == nil && errGot != nil:
		t.Fatalf("encoding/json reads what UnmarshalJSON does not (%v): %q", errGot, data)
	case errWant != nil && errGot == nil:
		t.Fatalf("UnmarshalJSON reads what encoding/json does not (%v): %q", errWant, data)
	case errGot == nil:
		if diff := cmp.Diff(conflict.Dataset(want), got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("datasets differ (-encoding/json +UnmarshalJSON)\n%s\ninput: %q", diff, data)
		}
	}
	return errGot == nil
}

// fullJSON is testdata/full.json.
var fullJSON = func() []byte {
	b, err := os.ReadFile("testdata/full.json")
	if err != nil {
		panic(err)
	}
	return b
}()

// decodeCases are inputs for the comparison with encoding/json.
var decodeCases = []struct {
	name string
	in   string
	read bool // UnmarshalJSON reads it
}{
	{"the fixture", string(fullJSON), true},
	{"the fixture on one line", strings.ReplaceAll(string(fullJSON), "\n", ""), true},
	{"empty dataset", `{}`, true},
	{"null", `null`, true},
	{"nulls", `{"name": null, "sources": null, "actors": [null, {"id": "a", "name": "A", "aliases": null, "kind": null}], "locations": [{"id": "l", "name": "L", "point": null}], "relations": [{"kind": null, "start": null, "support": null, "sources": [null]}]}`, true},
	{"escapes", `{"name": "A \"war\" \\ \/ \b\f\n\r\t \u00e9\u00E9 \ud83d\ude00 \u0000", "actors": [{"id": "a", "name": "Ünïcode ✓ 😀"}]}`, true},
	{"escaped keys", `{"n\u0061me": "x", "actors": [{"\u0069d": "a"}]}`, true},
	{"numbers", `{"locations": [{"id": "l", "name": "L", "point": {"lat": -0.5e1, "lon": 1E+2}}, {"id": "m", "point": {"lat": -0, "lon": 0.000001e-300}}]}`, true},
	{"empty lists", `{"actors": [{"id": "a", "aliases": []}], "relations": [{"kind": "supports", "support": [], "sources": []}]}`, true},
	{"white space", " \t\r\n{ \"name\" :\n\"x\" , \"actors\" : [ ] }\n\n", true},
	{"events with parts", `{"events": [{"id": "e", "participants": [{"party": "a", "role": "supporter", "support": ["air-power"], "sources": ["s"]}, null, {}], "figures": [{"quantity": "fatalities", "low": 900, "best": null}, {"quantity": "air-raids", "high": 0, "sources": []}]}], "locations": [{"id": "l", "area_km2": 12.5, "population": {"count": 0, "date": "2004", "sources": ["c"], "note": null}}], "measures": [{"party": "a", "quantity": "area-km2", "value": 0, "date": "2015", "sources": []}, null]}`, true},
	{"empty parts", `{"events": [{"id": "e", "participants": [], "figures": null}], "measures": []}`, true},
	{"a measure without a value", `{"measures": [{"party": "a", "quantity": "fighters"}]}`, false},
	{"a population without sources", `{"locations": [{"id": "l", "population": {"count": 3, "date": "2004"}}]}`, false},
	{"a figure in words", `{"events": [{"id": "e", "figures": [{"quantity": "fatalities", "low": "many"}]}]}`, false},
	{"a huge figure", `{"events": [{"id": "e", "figures": [{"quantity": "fatalities", "low": 1e400}]}]}`, false},
	{"an unknown role", `{"events": [{"id": "e", "participants": [{"party": "a", "role": "hero"}]}]}`, false},
	{"an unknown quantity", `{"measures": [{"party": "a", "quantity": "tanks", "value": 1}]}`, false},
	{"a bad date", `{"sources": [{"id": "s", "published": "2015-13"}]}`, false},
	{"a bad kind", `{"relations": [{"kind": "hates", "from": "a", "to": "b", "sources": ["s"]}]}`, false},
	{"an empty relation kind", `{"relations": [{"kind": ""}]}`, false},
	{"a bad support", `{"relations": [{"kind": "supports", "support": ["money"]}]}`, false},
	{"half a point", `{"locations": [{"id": "l", "point": {"lat": 1}}]}`, false},
	{"a key in capitals", `{"actors": [{"ID": "a", "name": "A"}]}`, false},
	{"a repeated key", `{"actors": [{"id": "a", "id": "b", "name": "A"}]}`, false},
	{"a repeated section", `{"actors": [], "actors": []}`, false},
	{"an unknown key", `{"actors": [{"id": "a", "name": "A", "colour": "red"}]}`, false},
	{"a number for a string", `{"actors": [{"id": 7, "name": "A"}]}`, false},
	{"a leading zero", `{"locations": [{"id": "l", "name": "L", "point": {"lat": 01, "lon": 2}}]}`, false},
	{"a huge number", `{"locations": [{"id": "l", "name": "L", "point": {"lat": 1e400, "lon": 2}}]}`, false},
	{"a control character", "{\"name\": \"a\tb\"}", false},
	{"invalid UTF-8", "{\"name\": \"a\xffb\"}", false},
	{"an unpaired surrogate", `{"name": "\ud800"}`, false},
	{"a reversed surrogate pair", `{"name": "\ude00\ud83d"}`, false},
	{"trailing data", `{} {}`, false},
	{"truncated", string(fullJSON[:len(fullJSON)/2]), false},
	{"not an object", `[]`, false},
	{"empty", ``, false},
}

func TestSameAsEncodingJSON(t *testing.T) {
	for _, tt := range decodeCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameAsEncodingJSON(t, []byte(tt.in)); got != tt.read {
				t.Errorf("UnmarshalJSON read it: %v, want %v", got, tt.read)
			}
		})
	}
}

// FuzzUnmarshalJSON holds the reader to encoding/json, and checks that
// what it reads survives a round trip through MarshalJSON.
func FuzzUnmarshalJSON(f *testing.F) {
	if b, err := os.ReadFile("examples/syria/syria.json"); err == nil {
		f.Add(b)
	}
	for _, tt := range decodeCases {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !sameAsEncodingJSON(t, data) {
			return
		}
		var ds conflict.Dataset
		if err := ds.UnmarshalJSON(data); err != nil {
			t.Fatal(err)
		}
		b, err := ds.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		var back conflict.Dataset
		if err := back.UnmarshalJSON(b); err != nil {
			t.Fatalf("reading what MarshalJSON wrote: %v\n%s", err, b)
		}
		if diff := cmp.Diff(ds, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip differs (-first +second)\n%s", diff)
		}
	})
}
