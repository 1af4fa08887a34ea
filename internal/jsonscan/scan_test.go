package jsonscan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// decode reads one JSON value with s into the form encoding/json gives it
// with UseNumber: map[string]any, []any, string, json.Number, bool, nil.
// A repeated key keeps its last value, as encoding/json does.
func decode(s *Scanner, depth int) (any, bool) {
	k := s.Peek()
	if (k == Object || k == Array) && depth >= MaxDepth {
		s.fail("exceeded max depth")
		return nil, false
	}
	switch k {
	case Object:
		m := map[string]any{}
		s.Object()
		for {
			k, ok := s.Key()
			if !ok {
				return m, s.Err() == nil
			}
			key := string(k)
			v, ok := decode(s, depth+1)
			if !ok {
				return nil, false
			}
			m[key] = v
		}
	case Array:
		a := []any{}
		s.Array()
		for s.Next() {
			v, ok := decode(s, depth+1)
			if !ok {
				return nil, false
			}
			a = append(a, v)
		}
		return a, s.Err() == nil
	case String:
		b, ok := s.ReadString()
		return string(b), ok
	case Number:
		b, ok := s.ReadNumber()
		return json.Number(b), ok
	case Bool:
		return s.ReadBool()
	case Null:
		return nil, s.ReadNull()
	}
	return nil, false
}

// reference decodes data with encoding/json, as decode does.
func reference(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the value")
	}
	return v, nil
}

func TestValues(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{`{}`, map[string]any{}},
		{`[]`, []any{}},
		{` { "a" : [ 1 , -2.5e+3 , true , false , null , "x" ] , "b" : { } } `,
			map[string]any{"a": []any{json.Number("1"), json.Number("-2.5e+3"), true, false, nil, "x"}, "b": map[string]any{}}},
		{`"plain"`, "plain"},
		{`""`, ""},
		{`"\"\\\/\b\f\n\r\t"`, "\"\\/\b\f\n\r\t"},
		{`"\u0041\u00e9\u00E9\u20AC\u0000"`, "Aéé€\x00"},
		{`"\ud83d\ude00 and \uD83D\uDE00"`, "😀 and 😀"},
		{`"Ünïcode ✓ 😀"`, "Ünïcode ✓ 😀"},
		{`"mixed \u00e9 é"`, "mixed é é"},
		{`0`, json.Number("0")},
		{`-0.0e0`, json.Number("-0.0e0")},
		{`123456789012345678901234567890`, json.Number("123456789012345678901234567890")},
		{`1E-7`, json.Number("1E-7")},
		{`{"a":1,"a":2}`, map[string]any{"a": json.Number("2")}},
		{`{"k\u0065y": "v"}`, map[string]any{"key": "v"}},
		{`[[[[]]]]`, []any{[]any{[]any{[]any{}}}}},
	}
	for _, tt := range tests {
		got, ok := decode(New([]byte(tt.in)), 0)
		s := New([]byte(tt.in))
		if !ok || !s.Skip() || !s.End() {
			t.Errorf("%s: not read: %v", tt.in, s.Err())
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.in, diff)
		}
		ref, err := reference([]byte(tt.in))
		if err != nil {
			t.Fatalf("%s: encoding/json: %v", tt.in, err)
		}
		if diff := cmp.Diff(ref, got); diff != "" {
			t.Errorf("%s: differs from encoding/json (-encoding/json +Scanner)\n%s", tt.in, diff)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string
		end  bool // the error is that the input ended
	}{
		{``, "line 1: unexpected end of input", true},
		{"\n\n  ", "line 3: unexpected end of input", true},
		{"{\n\"a\": [1,\n2", "line 3: unexpected end of input", true},
		{`"abc`, "line 1: unexpected end of input", true},
		{`"abc\`, "line 1: unexpected end of input", true},
		{`"\u12`, "line 1: unexpected end of input", true},
		{`tr`, "line 1: unexpected end of input", true},
		{`-`, "line 1: unexpected end of input", true},
		{"{\n\"a\"\n}", "line 3: invalid character '}' after object key", false},
		{"{\"a\": 1\n\"b\": 2}", "line 2: invalid character '\"' after object key:value pair", false},
		{`{"a": 1,}`, "line 1: invalid character '}' looking for beginning of object key string", false},
		{`{,}`, "line 1: invalid character ',' looking for beginning of object key string", false},
		{`{1: 2}`, "line 1: invalid character '1' looking for beginning of object key string", false},
		{`[1 2]`, "line 1: invalid character '2' after array element", false},
		{`[1,]`, "line 1: invalid character ']' looking for beginning of value", false},
		{`[,1]`, "line 1: invalid character ',' looking for beginning of value", false},
		{`[1}`, "line 1: invalid character '}' after array element", false},
		{`{"a": 1]`, "line 1: invalid character ']' after object key:value pair", false},
		{`{} {}`, "line 1: invalid character '{' after top-level value", false},
		{`nul`, "line 1: unexpected end of input", true},
		{`nulL`, "line 1: invalid character 'L' in literal null (expecting 'l')", false},
		{`True`, "line 1: invalid character 'T' looking for beginning of value", false},
		{`'a'`, `line 1: invalid character '\'' looking for beginning of value`, false},
		{`é`, "line 1: invalid character 'é' looking for beginning of value", false},
		{"\xff", `line 1: invalid character '\xff' looking for beginning of value`, false},
		{`01`, "line 1: invalid character '1' after top-level value", false},
		{`-a`, "line 1: invalid character 'a' in numeric literal", false},
		{`1.`, "line 1: unexpected end of input", true},
		{`1.e5`, "line 1: invalid character 'e' after decimal point in numeric literal", false},
		{`1e+`, "line 1: unexpected end of input", true},
		{`1ex`, "line 1: invalid character 'x' in exponent of numeric literal", false},
		{`+1`, "line 1: invalid character '+' looking for beginning of value", false},
		{`.5`, "line 1: invalid character '.' looking for beginning of value", false},
		{"\"a\tb\"", `line 1: invalid character '\t' in string literal`, false},
		{"\"a\nb\"", `line 1: invalid character '\n' in string literal`, false},
		{`"\x"`, "line 1: invalid character 'x' in string escape code", false},
		{`"\u12g4"`, "line 1: invalid character 'g' in \\u hexadecimal character escape", false},
		{"[\n\"a\xffb\"]", "line 2: invalid UTF-8 byte 0xff in string", false},
		{"\"\xed\xa0\x80\"", "line 1: invalid UTF-8 byte 0xed in string", false}, // a surrogate in UTF-8
		{`"\ud800"`, `line 1: unpaired surrogate \ud800 in string escape`, false},
		{`"\ud800\u0041"`, `line 1: unpaired surrogate \ud800 in string escape`, false},
		{`"\ud800\ud800"`, `line 1: unpaired surrogate \ud800 in string escape`, false},
		{`"\udc00"`, `line 1: unpaired surrogate \udc00 in string escape`, false},
		{`"\ud800x"`, `line 1: unpaired surrogate \ud800 in string escape`, false},
		{strings.Repeat("[", MaxDepth+1), "line 1: exceeded max depth 10000", false},
	}
	for _, tt := range tests {
		s := New([]byte(tt.in))
		if s.Skip() && s.End() {
			t.Errorf("%q: no error", tt.in)
			continue
		}
		var e *SyntaxError
		if !errors.As(s.Err(), &e) {
			t.Fatalf("%q: %v is not a *SyntaxError", tt.in, s.Err())
		}
		if e.Error() != tt.want || e.End != tt.end {
			t.Errorf("%q: %q (end %v), want %q (end %v)", tt.in, e, e.End, tt.want, tt.end)
		}
		if s.Peek() != None || s.Next() || s.Skip() {
			t.Errorf("%q: the scanner goes on after an error", tt.in)
		}
		if _, ok := s.Key(); ok {
			t.Errorf("%q: Key after an error", tt.in)
		}
	}
}

func TestWrongKind(t *testing.T) {
	s := New([]byte(`{"a": 1}`))
	if _, ok := s.ReadString(); ok {
		t.Fatal("ReadString read an object")
	}
	if got, want := s.Err().Error(), "line 1: want string, got object"; got != want {
		t.Errorf("Err = %q, want %q", got, want)
	}
}

func TestLines(t *testing.T) {
	in := "{\n  \"a\": [\n    1,\n\n    \"x\"\r\n  ],\n  \"b\":\n null\n}\n"
	s := New([]byte(in))
	var got []int
	s.Object()
	for _, ok := s.Key(); ok; _, ok = s.Key() {
		got = append(got, s.Line())
		if s.Peek() == Array {
			s.Array()
			for s.Next() {
				s.Peek()
				got = append(got, s.Line())
				s.Skip()
			}
		} else {
			s.Peek()
			got = append(got, s.Line())
			s.Skip()
		}
	}
	if !s.End() {
		t.Fatal(s.Err())
	}
	if diff := cmp.Diff([]int{2, 3, 5, 7, 8}, got); diff != "" {
		t.Errorf("lines (-want +got)\n%s", diff)
	}
}

func TestLen(t *testing.T) {
	for in, want := range map[string]int{
		`[]`:                                0,
		` [ ] `:                             0,
		`[1]`:                               1,
		`[1, [2, 3], {"a": [4, 5]}, "x,]"]`: 4,
		`["\"", "\\", "]"]`:                 3,
		`[{}, {}, {}`:                       2, // not well-formed: a guess
		`{"a": 1}`:                          0,
	} {
		s := New([]byte(in))
		if got := s.Len(); got != want {
			t.Errorf("Len(%s) = %d, want %d", in, got, want)
		}
		if s.Offset() != strings.IndexAny(in, "[{") {
			t.Errorf("Len(%s) moved the scanner", in)
		}
	}
}

// FuzzScanner holds the scanner to encoding/json: it reads what
// encoding/json reads, the same way, but for the strings that are not
// UTF-8, which it rejects.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, -2.5e+3, true, false, null, "x\u00e9\ud83d\ude00"]}`, `"\ud800"`, "\"\xff\"", `[1,]`, `{"a":1,"a":2}`, `0`, `-0.1E-2`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := New(data)
		got, ok := decode(s, 0)
		ok = ok && s.End()
		v := New(data)
		if skipped := v.Skip() && v.End(); skipped != ok {
			t.Fatalf("Skip says %v, decode %v: %q", skipped, ok, data)
		}
		ref, err := reference(data)
		switch {
		case ok && err != nil:
			t.Fatalf("the scanner reads what encoding/json does not (%v): %q", err, data)
		case !ok && err == nil:
			var e *SyntaxError
			if !errors.As(s.Err(), &e) {
				t.Fatalf("no *SyntaxError: %v", s.Err())
			}
			if utf8.Valid(data) && !strings.Contains(e.Msg, "surrogate") {
				t.Fatalf("encoding/json reads what the scanner does not (%v): %q", e, data)
			}
		case ok:
			if diff := cmp.Diff(ref, got); diff != "" {
				t.Fatalf("differs from encoding/json (-encoding/json +Scanner)\n%s\ninput: %q", diff, data)
			}
		}
	})
}

func TestElementsFollow(t *testing.T) {
	data := []byte("[\n1,\n2,\n3\n] x")
	s := New(data)
	if !s.Array() {
		t.Fatal(s.Err())
	}
	part := s.Elements(bytes.IndexByte(data, '2'))
	var got []string
	for part.Next() {
		b, ok := part.ReadNumber()
		if !ok {
			t.Fatal(part.Err())
		}
		got = append(got, string(b))
	}
	if diff := cmp.Diff([]string{"2", "3"}, got); diff != "" {
		t.Errorf("elements (-want +got):\n%s", diff)
	}
	s.Follow(part, 3)
	if got := s.Line(); got != 5 {
		t.Errorf("line after following = %d, want 5", got)
	}
	if s.End() {
		t.Fatal("End: no error after the array")
	}
	var e *SyntaxError
	if !errors.As(s.Err(), &e) || e.Line != 5 {
		t.Errorf("error = %v, want one on line 5", s.Err())
	}

	// A part's error, followed, counts lines as the whole does.
	s = New(data)
	s.Array()
	part = s.Elements(bytes.IndexByte(data, '3'))
	part.Next()
	part.ReadNumber()
	part.Next()
	part.ReadNull() // a number is no null
	s.Follow(part, 4)
	if !errors.As(s.Err(), &e) || e.Line != 5 {
		t.Errorf("error = %v, want one on line 5", s.Err())
	}
}
