// Package jsonscan reads JSON text (RFC 8259) from a byte slice one token
// at a time, strictly, counting lines for its error messages.
//
// A [Scanner] checks the whole grammar: objects, arrays, strings with every
// escape, numbers, true, false and null, the commas and colons between
// them, and that nothing follows the top-level value. It is stricter than
// the RFC in one way: a string must be valid UTF-8, raw or escaped, so a
// byte that is not UTF-8 or a \u escape of half a surrogate pair is an
// error, not silently replaced.
//
// The caller drives it: [Scanner.Peek] says what kind of value comes next,
// a Read method reads a value of that kind, [Scanner.Object] and
// [Scanner.Key] walk an object, [Scanner.Array] and [Scanner.Next] an
// array. After the first error every method reports failure and
// [Scanner.Err] returns that error.
package jsonscan

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Kind is the kind of a JSON value.
type Kind uint8

// The kinds of JSON value. None is no value: the input ended, or is not
// JSON where a value should start.
const (
	None Kind = iota
	Object
	Array
	String
	Number
	Bool
	Null
)

var kindWords = [...]string{"no value", "object", "array", "string", "number", "bool", "null"}

// String returns the kind's name: "object", "string", ...
func (k Kind) String() string {
	if int(k) < len(kindWords) {
		return kindWords[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// A SyntaxError is input that is not JSON.
type SyntaxError struct {
	Line   int    // line of the offending byte, from 1
	Offset int    // its offset in the input, from 0
	Msg    string // what is wrong: "invalid character '}' after object key"
	End    bool   // the input ended early
}

// Error returns "line N: " and the message.
func (e *SyntaxError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Msg }

// MaxDepth is how deeply [Scanner.Skip] lets arrays and objects nest.
const MaxDepth = 10000

// A Scanner reads one JSON value from a byte slice. Make one with [New],
// or reuse one with [Scanner.Reset].
type Scanner struct {
	data  []byte
	pos   int
	line  int
	first bool // nothing read yet in the innermost object or array
	err   *SyntaxError
	buf   []byte // strings with escapes, unescaped
}

// New returns a Scanner that reads data.
func New(data []byte) *Scanner {
	s := new(Scanner)
	s.Reset(data)
	return s
}

// Reset makes s read data from its start, keeping its buffer.
func (s *Scanner) Reset(data []byte) {
	*s = Scanner{data: data, line: 1, buf: s.buf[:0]}
}

// Err returns the first error met, a [*SyntaxError], or nil.
func (s *Scanner) Err() error {
	if s.err == nil {
		return nil
	}
	return s.err
}

// Line returns the line the scanner is on, from 1. After [Scanner.Peek] it
// is the line of the next value.
func (s *Scanner) Line() int { return s.line }

// Offset returns the offset of the next byte to read.
func (s *Scanner) Offset() int { return s.pos }

// Fail records an error at the current position, unless there is one
// already, and returns the first.
func (s *Scanner) fail(msg string) *SyntaxError {
	if s.err == nil {
		s.err = &SyntaxError{Line: s.line, Offset: s.pos, Msg: msg}
	}
	return s.err
}

// failAt records an error about the byte at the current position, or the
// end of the input if there is none: "invalid character 'x' " + context.
func (s *Scanner) failAt(context string) {
	if s.pos >= len(s.data) {
		s.fail("unexpected end of input").End = true
		return
	}
	s.fail("invalid character " + quoteChar(s.data[s.pos:]) + " " + context)
}

// quoteChar formats the character that b starts with for an error.
func quoteChar(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	switch {
	case r == utf8.RuneError:
		return fmt.Sprintf("'\\x%02x'", b[0])
	case r == '\'':
		return `'\''`
	case r == '"':
		return `'"'`
	}
	q := strconv.Quote(string(r))
	return "'" + q[1:len(q)-1] + "'"
}

// space skips white space, counting lines.
func (s *Scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			return
		}
		s.pos++
	}
}

// Peek returns the kind of the next value without reading it. It returns
// None, and records an error, if the input ends or what comes next cannot
// start a value.
func (s *Scanner) Peek() Kind {
	if s.err != nil {
		return None
	}
	s.space()
	if s.pos < len(s.data) {
		switch c := s.data[s.pos]; c {
		case '{':
			return Object
		case '[':
			return Array
		case '"':
			return String
		case 't', 'f':
			return Bool
		case 'n':
			return Null
		default:
			if c == '-' || c >= '0' && c <= '9' {
				return Number
			}
		}
	}
	s.failAt("looking for beginning of value")
	return None
}

// want reports whether the next value is of kind k, recording an error if
// it is not.
func (s *Scanner) want(k Kind) bool {
	got := s.Peek()
	if got != k && got != None {
		s.fail("want " + k.String() + ", got " + got.String())
	}
	return got == k && s.err == nil
}

// Object reads the '{' that opens an object and reports whether it did.
// Read the object's members with [Scanner.Key].
func (s *Scanner) Object() bool {
	if !s.want(Object) {
		return false
	}
	s.pos++
	s.first = true
	return true
}

// Key reads the next key of the object being read, and the colon after
// it, leaving the scanner at the key's value, which the caller must read
// before calling Key again. At the object's closing '}' it reads it and
// returns false; on an error it returns false too ([Scanner.Err] tells
// which). The key is valid until the next string is read.
func (s *Scanner) Key() ([]byte, bool) {
	if s.err != nil {
		return nil, false
	}
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		s.first = false
		return nil, false
	}
	if !s.first {
		if s.pos >= len(s.data) || s.data[s.pos] != ',' {
			s.failAt("after object key:value pair")
			return nil, false
		}
		s.pos++
		s.space()
	}
	if s.pos >= len(s.data) || s.data[s.pos] != '"' {
		s.failAt("looking for beginning of object key string")
		return nil, false
	}
	key, ok := s.readString()
	if !ok {
		return nil, false
	}
	s.space()
	if s.pos >= len(s.data) || s.data[s.pos] != ':' {
		s.failAt("after object key")
		return nil, false
	}
	s.pos++
	s.first = false
	return key, true
}

// Array reads the '[' that opens an array and reports whether it did.
// Step through its elements with [Scanner.Next].
func (s *Scanner) Array() bool {
	if !s.want(Array) {
		return false
	}
	s.pos++
	s.first = true
	return true
}

// Next reports whether the array being read has another element, leaving
// the scanner at it; the caller must read it before calling Next again. At
// the array's closing ']' it reads it and returns false; on an error it
// returns false too.
func (s *Scanner) Next() bool {
	if s.err != nil {
		return false
	}
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		s.first = false
		return false
	}
	if !s.first {
		if s.pos >= len(s.data) || s.data[s.pos] != ',' {
			s.failAt("after array element")
			return false
		}
		s.pos++
	}
	s.first = false
	return true
}

// ReadNull reads null.
func (s *Scanner) ReadNull() bool {
	return s.want(Null) && s.literal("null")
}

// ReadBool reads true or false.
func (s *Scanner) ReadBool() (v, ok bool) {
	if !s.want(Bool) {
		return false, false
	}
	if s.data[s.pos] == 't' {
		return true, s.literal("true")
	}
	return false, s.literal("false")
}

// literal reads word, which the next byte starts.
func (s *Scanner) literal(word string) bool {
	for i := range len(word) {
		if s.pos >= len(s.data) || s.data[s.pos] != word[i] {
			s.failAt(fmt.Sprintf("in literal %s (expecting %q)", word, word[i]))
			return false
		}
		s.pos++
	}
	return true
}

// ReadNumber reads a number and returns its text, which
// [strconv.ParseFloat] parses; the text is valid as long as the input is.
func (s *Scanner) ReadNumber() ([]byte, bool) {
	if !s.want(Number) {
		return nil, false
	}
	start := s.pos
	if s.data[s.pos] == '-' {
		s.pos++
	}
	switch {
	case s.pos < len(s.data) && s.data[s.pos] == '0':
		s.pos++
	case !s.digits():
		s.failAt("in numeric literal")
		return nil, false
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if !s.digits() {
			s.failAt("after decimal point in numeric literal")
			return nil, false
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if !s.digits() {
			s.failAt("in exponent of numeric literal")
			return nil, false
		}
	}
	return s.data[start:s.pos], true
}

// digits reads a run of decimal digits and reports whether there was one.
func (s *Scanner) digits() bool {
	start := s.pos
	for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
		s.pos++
	}
	return s.pos > start
}

// ReadString reads a string and returns it unescaped, valid until the
// next string is read.
func (s *Scanner) ReadString() ([]byte, bool) {
	if !s.want(String) {
		return nil, false
	}
	return s.readString()
}

// plain marks the bytes a string can hold as they are, needing no check.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// readString reads the string that starts at the current byte, a '"'.
func (s *Scanner) readString() ([]byte, bool) {
	start := s.pos + 1
	i := start
	for i < len(s.data) && plain[s.data[i]] {
		i++
	}
	if i < len(s.data) && s.data[i] == '"' {
		s.pos = i + 1
		return s.data[start:i], true
	}
	return s.slowString(start, i)
}

// slowString reads the rest of a string whose bytes from start to i are
// plain: one with escapes, bytes outside ASCII or an error.
func (s *Scanner) slowString(start, i int) ([]byte, bool) {
	escaped := false
	s.buf = append(s.buf[:0], s.data[start:i]...)
	for {
		s.pos = i
		if i >= len(s.data) {
			s.failAt("in string literal")
			return nil, false
		}
		switch c := s.data[i]; {
		case c == '"':
			s.pos = i + 1
			if !escaped {
				return s.data[start:i], true
			}
			return s.buf, true
		case c == '\\':
			escaped = true
			n := s.escape(i)
			if n == 0 {
				return nil, false
			}
			i += n
		case c < 0x20:
			s.failAt("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			s.buf = append(s.buf, c)
			i++
		default:
			r, n := utf8.DecodeRune(s.data[i:])
			if r == utf8.RuneError && n == 1 {
				s.fail(fmt.Sprintf("invalid UTF-8 byte %#02x in string", c))
				return nil, false
			}
			s.buf = append(s.buf, s.data[i:i+n]...)
			i += n
		}
	}
}

// escape appends the character that the escape at i stands for to the
// buffer and returns the escape's length, or 0 after an error.
func (s *Scanner) escape(i int) int {
	s.pos = i + 1
	if s.pos >= len(s.data) {
		s.failAt("in string escape code")
		return 0
	}
	c := s.data[s.pos]
	switch c {
	case '"', '\\', '/':
		s.buf = append(s.buf, c)
		return 2
	case 'b':
		s.buf = append(s.buf, '\b')
		return 2
	case 'f':
		s.buf = append(s.buf, '\f')
		return 2
	case 'n':
		s.buf = append(s.buf, '\n')
		return 2
	case 'r':
		s.buf = append(s.buf, '\r')
		return 2
	case 't':
		s.buf = append(s.buf, '\t')
		return 2
	case 'u':
	default:
		s.failAt("in string escape code")
		return 0
	}
	r, ok := s.hex4(i + 2)
	if !ok {
		return 0
	}
	switch {
	case r >= 0xdc00 && r < 0xe000:
		s.pos = i
		s.fail(fmt.Sprintf("unpaired surrogate \\u%04x in string escape", r))
		return 0
	case r >= 0xd800 && r < 0xdc00:
		lo := rune(-1)
		if i+12 <= len(s.data) && s.data[i+6] == '\\' && s.data[i+7] == 'u' {
			if lo, ok = s.hex4(i + 8); !ok {
				return 0
			}
		}
		if lo < 0xdc00 || lo >= 0xe000 {
			s.pos = i
			s.fail(fmt.Sprintf("unpaired surrogate \\u%04x in string escape", r))
			return 0
		}
		s.buf = utf8.AppendRune(s.buf, 0x10000+(r-0xd800)<<10+(lo-0xdc00))
		return 12
	}
	s.buf = utf8.AppendRune(s.buf, r)
	return 6
}

// hex4 reads the four hexadecimal digits at i.
func (s *Scanner) hex4(i int) (rune, bool) {
	var r rune
	for j := i; j < i+4; j++ {
		s.pos = j
		if j >= len(s.data) {
			s.failAt("in \\u hexadecimal character escape")
			return 0, false
		}
		c := s.data[j]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			s.failAt("in \\u hexadecimal character escape")
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// Skip reads the next value, whatever it is, checking it as it goes.
func (s *Scanner) Skip() bool {
	return s.skip(0)
}

func (s *Scanner) skip(depth int) bool {
	switch s.Peek() {
	case Object, Array:
		if depth >= MaxDepth {
			s.fail(fmt.Sprintf("exceeded max depth %d", MaxDepth))
			return false
		}
		if s.Peek() == Object {
			s.Object()
			for _, ok := s.Key(); ok; _, ok = s.Key() {
				if !s.skip(depth + 1) {
					return false
				}
			}
		} else {
			s.Array()
			for s.Next() {
				if !s.skip(depth + 1) {
					return false
				}
			}
		}
	case String:
		s.readString()
	case Number:
		s.ReadNumber()
	case Bool:
		s.ReadBool()
	case Null:
		s.ReadNull()
	}
	return s.err == nil
}

// AtEnd reports whether only white space is left, recording no error.
func (s *Scanner) AtEnd() bool {
	s.space()
	return s.err == nil && s.pos == len(s.data)
}

// End checks that only white space is left, recording an error if not.
func (s *Scanner) End() bool {
	if !s.AtEnd() && s.err == nil {
		s.failAt("after top-level value")
	}
	return s.err == nil
}

// Len returns the number of elements of the array that comes next, looking
// ahead without reading it or checking it: a guess, to size a slice, right
// when the array is well-formed. It returns 0 if an array does not come
// next.
func (s *Scanner) Len() int {
	if s.Peek() != Array {
		return 0
	}
	depth, n, empty := 0, 0, true
	for i := s.pos; i < len(s.data); i++ {
		switch s.data[i] {
		case '"':
			for i++; i < len(s.data) && s.data[i] != '"'; i++ {
				if s.data[i] == '\\' {
					i++
				}
			}
			empty = false
		case '[', '{':
			depth++
			if depth > 1 {
				empty = false
			}
		case ']', '}':
			depth--
			if depth == 0 {
				if empty {
					return 0
				}
				return n + 1
			}
		case ',':
			if depth == 1 {
				n++
			}
		case ' ', '\t', '\r', '\n':
		default:
			empty = false
		}
	}
	return n
}

// Elements returns a Scanner of s's input that reads the elements of an
// array from offset off, where an element or the array's closing ']'
// starts, counting that line as line 1. Several may read parts of one
// array at once; [Scanner.Follow] then moves s to where one got to.
func (s *Scanner) Elements(off int) *Scanner {
	return &Scanner{data: s.data, pos: off, line: 1, first: true}
}

// Follow moves s to where t, a Scanner of the same input that
// [Scanner.Elements] made, has got to, taking its error; line is the line
// on which t started, as s counts lines.
func (s *Scanner) Follow(t *Scanner, line int) {
	s.pos, s.line, s.first, s.err = t.pos, t.line+line-1, t.first, t.err
	if s.err != nil {
		e := *s.err
		e.Line += line - 1
		s.err = &e
	}
}
