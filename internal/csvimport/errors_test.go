package csvimport

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var (
	errMissing = errors.New("pkg: missing value")
	errInvalid = errors.New("pkg: invalid value")
	errSkipped = errors.New("pkg: bad rows skipped")
)

// exported stands for an importer's exported error type.
type exported Error

func (e *exported) Error() string { return testPkg.Message((*Error)(e)) }
func (e *exported) Unwrap() error { return e.Err }

var testPkg = &Package{
	Name:    "pkg",
	Missing: errMissing,
	Invalid: errInvalid,
	Skipped: errSkipped,
	Export:  func(e *Error) error { return (*exported)(e) },
}

func TestMessage(t *testing.T) {
	long := strings.Repeat("a", 79) + "é" // the 80th byte is within "é"
	tests := []struct {
		name string
		e    Error
		want string
	}{
		{"cell", Error{Row: 17, Column: "year", Value: "19x6", Err: errInvalid, Reason: "invalid year"},
			`pkg: row 17: column year: "19x6": invalid year`},
		{"empty invalid value", Error{Row: 2, Column: "year", Err: errInvalid, Reason: "not UTF-8"},
			`pkg: row 2: column year: "": not UTF-8`},
		{"empty missing value", Error{Row: 2, Column: "year", Err: errMissing, Reason: "empty"},
			`pkg: row 2: column year: empty`},
		{"no reason", Error{Row: 2, Column: "year", Err: errMissing},
			`pkg: row 2: column year: missing value`},
		{"whole row", Error{Row: 3, Err: errors.New("boom")},
			`pkg: row 3: boom`},
		{"no row", Error{Column: "year", Value: "x", Err: errInvalid},
			`pkg: column year: "x": invalid value`},
		{"other package's prefix", Error{Row: 4, Err: errors.New("pkgx: boom")},
			`pkg: row 4: pkgx: boom`},
		{"nothing", Error{}, `pkg: `},
		{"quoted", Error{Row: 5, Column: "name", Value: "a\"b\n", Err: errInvalid, Reason: "bad"},
			`pkg: row 5: column name: "a\"b\n": bad`},
		{"clipped", Error{Row: 6, Column: "name", Value: long, Err: errInvalid, Reason: "bad"},
			`pkg: row 6: column name: "` + strings.Repeat("a", 79) + `…": bad`},
		{"80 bytes", Error{Row: 6, Column: "name", Value: strings.Repeat("b", 80), Err: errInvalid, Reason: "bad"},
			`pkg: row 6: column name: "` + strings.Repeat("b", 80) + `": bad`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, testPkg.Message(&tc.e)); diff != "" {
				t.Errorf("Message (-want +got):\n%s", diff)
			}
		})
	}
}
