package conflict

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Names and IDs. A node's ID, name and aliases are looked up without regard
// to case, to the Unicode form the text was written in, or to how words are
// separated; no two nodes may share one. IDs are printable text.

// maxID is the longest ID, in bytes of UTF-8.
const maxID = 200

// CheckID returns nil if id is a well-formed ID for a node, source or
// event, and otherwise an error that wraps [ErrBadID] and says why. An ID
// is 1 to 200 bytes of UTF-8 in Unicode's composed form (NFC), made only of
// printable characters (letters, marks, digits, punctuation and symbols: no
// spaces, no control characters, no invisible or bidirectional formatting
// characters such as U+200B or U+202E), and not made only of the hyphens
// and underscores that [FoldName] treats as spaces. Lower-case slugs such as
// "palmyra" are the convention.
func CheckID(id string) error {
	if why := checkID(id); why != "" {
		return fmt.Errorf("%w %q: %s", ErrBadID, id, why)
	}
	return nil
}

// checkID says what is wrong with a malformed ID, or returns "".
func checkID(id string) string {
	switch {
	case id == "":
		return "empty"
	case len(id) > maxID:
		return "longer than 200 bytes"
	case !utf8.ValidString(id):
		return "not UTF-8"
	}
	for _, r := range id {
		switch {
		case unicode.IsSpace(r):
			return fmt.Sprintf("contains a space (%U)", r)
		case !unicode.IsGraphic(r):
			return fmt.Sprintf("contains %U, which is not printable", r)
		}
	}
	switch {
	case !norm.NFC.IsNormalString(id):
		return "not in Unicode's composed form (NFC): write " + norm.NFC.String(id)
	case FoldName(id) == "":
		return "nothing but hyphens and underscores"
	}
	return ""
}

// folders keeps Unicode case folders, which are not safe for concurrent
// use, for FoldName.
var folders = sync.Pool{New: func() any { f := cases.Fold(); return &f }}

// FoldName returns the form of a name that [Conflict.Lookup] compares and
// that must differ between any two nodes' IDs, names and aliases: Unicode
// case-folded (so "ΣΟΦΟΣ" and "σοφος" fold alike, the final sigma ς
// as σ), in composed form (so a name written with a combining accent and
// one with the precomposed letter are one), with each run of
// spaces, hyphens and underscores made one space, and none at either end.
// "Jabhat al-Nusra" and "jabhat_al nusra" fold to the same form. Bytes that
// are not UTF-8 fold to U+FFFD.
func FoldName(name string) string {
	if folded, ok := foldASCII(name); ok {
		return folded
	}
	return foldUnicode(name)
}

// foldASCII folds a name of ASCII bytes only, as foldUnicode does, without
// its tables: folding an ASCII letter lowers it, and nothing else changes
// but the spaces. ok is false for any other name.
func foldASCII(name string) (folded string, ok bool) {
	lower, sep := false, false // lower: letters to lower; sep: separators to tidy
	for i := range len(name) {
		switch c := name[i]; {
		case c >= 0x80:
			return "", false
		case 'A' <= c && c <= 'Z':
			lower = true
		case c == ' ' || c == '-' || c == '_' || c >= '\t' && c <= '\r':
			sep = true
		}
	}
	if !lower && !sep {
		return name, true
	}
	b := make([]byte, 0, len(name))
	space := false
	for i := range len(name) {
		c := name[i]
		if c == ' ' || c == '-' || c == '_' || c >= '\t' && c <= '\r' {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), true
}

// foldUnicode folds any name.
func foldUnicode(name string) string {
	f := folders.Get().(*cases.Caser)
	folded := norm.NFC.String(f.String(norm.NFD.String(name)))
	folders.Put(f)
	var b strings.Builder
	space := false
	for _, r := range folded {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nfc returns s in Unicode's composed form, the form names and aliases
// are kept in.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// badText returns the field of the record at p, of format f, whose text is
// not UTF-8, and that text; ok is false if all of it is. Every string, list
// of strings and attribute the format names is checked.
func (f *recordFormat) badText(p unsafe.Pointer) (field, value string, ok bool) {
	for i := range f.fields {
		ff := &f.fields[i]
		at := unsafe.Add(p, ff.offset)
		switch ff.codec {
		case codecString:
			if s := *(*string)(at); !utf8.ValidString(s) {
				return ff.key, s, true
			}
		case codecStrings:
			for _, s := range *(*[]string)(at) {
				if !utf8.ValidString(s) {
					return ff.key, s, true
				}
			}
		case codecAttrs:
			for k, v := range *(*map[string]string)(at) {
				if !utf8.ValidString(k) {
					return ff.key, k, true
				}
				if !utf8.ValidString(v) {
					return ff.key + "." + k, v, true
				}
			}
		}
	}
	return "", "", false
}

// checkText reports each record of the batch with text that is not UTF-8:
// text that would change on its way through a file. (A file's text was
// checked as it was read.)
func (b *batch) checkText() {
	if b.lines != nil {
		return
	}
	for _, sec := range datasetFormat.fields {
		if sec.codec != codecRecords {
			continue
		}
		slice := reflect.ValueOf(b.ds).Elem().FieldByName(sec.name)
		for i := range slice.Len() {
			rec := slice.Index(i).Addr()
			if field, value, bad := sec.rec.badText(rec.UnsafePointer()); bad {
				b.fail(sec.key, i, plain(recordLabel(rec.Interface())), field, value, ErrFormat, "not UTF-8")
			}
		}
	}
}

// recordLabel names a record in an error: its ID quoted, or a relation's
// ends and kind.
func recordLabel(rec any) string {
	switch r := rec.(type) {
	case *Relation:
		return relLabel{r.From, r.Kind.String(), r.To}.String()
	case interface{ id() string }:
		return quoted(r.id()).String()
	}
	return ""
}

// nfcAll puts every name of names, a slice of the caller's, in composed
// form.
func nfcAll(names []string) []string {
	for i, s := range names {
		names[i] = nfc(s)
	}
	return names
}
