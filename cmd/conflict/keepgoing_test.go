package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/signedcsv"
	"github.com/google/go-cmp/cmp"
)

// keptJSON is brokenJSON with a good relation, and one that refers to the
// bad actor b, which keeping going skips in turn: of its records, relations
// 2 and 3 are bad, and so is actor b (line 6), which makes relation 4 bad.
const keptJSON = `{
  "name": "broken",
  "sources": [{"id": "s1", "published": "2015-06-01"}],
  "actors": [
    {"id": "a", "name": "A"},
    {"id": "b", "name": "B", "kind": "wizard"}
  ],
  "locations": [{"id": "town", "name": "Town"}],
  "relations": [
    {"kind": "controls", "from": "a", "to": "town", "start": "2015-05", "sources": ["s1"]},
    {"kind": "fights", "from": "a", "to": "c", "sources": ["s1"]},
    {"kind": "controls", "from": "a", "to": "town", "start": "2015-13", "sources": ["s1"]},
    {"kind": "fights", "from": "a", "to": "b", "sources": ["s1"]}
  ]
}
`

// goodJSON is keptJSON without the records keeping going skips.
const goodJSON = `{
  "name": "broken",
  "sources": [{"id": "s1", "published": "2015-06-01"}],
  "actors": [{"id": "a", "name": "A"}],
  "locations": [{"id": "town", "name": "Town"}],
  "relations": [
    {"kind": "controls", "from": "a", "to": "town", "start": "2015-05", "sources": ["s1"]}
  ]
}
`

// TestKeepGoing checks that -keep-going lists the problems of the records
// it skips, and then how many, answers as from a file without them, and
// exits with status 1.
func TestKeepGoing(t *testing.T) {
	kept := writeFile(t, "kept.json", keptJSON)
	good := writeFile(t, "good.json", goodJSON)
	wantStderr := []string{
		kept + `:6: actors[1] "b": kind "wizard": unknown kind`,
		kept + `:11: relations[1] (a fights c): to "c": unknown ID`,
		kept + `:12: relations[2] (a controls town): start "2015-13": invalid date (month out of range)`,
		kept + `:13: relations[3] (a fights b): to "b": unknown ID`,
		kept + `: records skipped: 4 records with problems or referring to them`,
	}
	tests := [][]string{
		{"at", "-at", "2016"},
		{"at", "-at", "2016", "-json", "-as-of", "2015-07"},
		{"control", "-at", "2016-01-01T12:00:00Z", "-json"},
		{"history", "town"},
		{"alliances", "-at", "2016"},
		{"sides", "-at", "2016", "-json"},
		{"changes", "-json"},
		{"learned", "-ids"},
		{"export", "gexf"},
		{"export", "json"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			want := conflictCmd(append(args, good)...)
			mustSucceed(t, want, args...)
			r := conflictCmd(append(args, "-keep-going", kept)...)
			if r.code != exitFail {
				t.Errorf("exit %d, want %d", r.code, exitFail)
			}
			if diff := cmp.Diff(wantStderr, lines(r.stderr)); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s", diff)
			}
			// The answer is that of the good records: the file's name aside.
			got := strings.ReplaceAll(r.stdout, kept, good)
			if diff := cmp.Diff(want.stdout, got); diff != "" {
				t.Errorf("answer mismatch (-want +got):\n%s", diff)
			}
			if want.stdout == "" {
				t.Error("no answer: a useless test")
			}

			// Without -keep-going, the problems and no answer.
			r = conflictCmd(append(args, kept)...)
			if r.code != exitFail || r.stdout != "" || len(lines(r.stderr)) != 3 {
				t.Errorf("without -keep-going: exit %d, stdout %q, stderr %q; want exit 1, nothing and 3 problems", r.code, r.stdout, r.stderr)
			}
		})
	}

	// A good file: nothing skipped, nothing said, status 0.
	args := []string{"at", "-at", "2016", "-keep-going", good}
	mustSucceed(t, conflictCmd(args...), args...)

	// With -o, the answer goes to the file all the same.
	out := filepath.Join(t.TempDir(), "out.json")
	r := conflictCmd("at", "-at", "2016", "-json", "-keep-going", "-o", out, kept)
	data, err := os.ReadFile(out)
	if r.code != exitFail || err != nil || r.stdout != "" {
		t.Fatalf("-o: exit %d, stdout %q, reading the file: %v; want exit 1 and the file written", r.code, r.stdout, err)
	}
	if want := conflictCmd("at", "-at", "2016", "-json", good).stdout; string(data) != want {
		t.Errorf("-o wrote %q, want %q", data, want)
	}
}

// TestKeepGoingMany checks that with many problems -keep-going lists the
// first, counts the rest, says how to see them all, and then what was
// skipped.
func TestKeepGoingMany(t *testing.T) {
	var rels []string
	for i := range 25 {
		rels = append(rels, fmt.Sprintf(`{"kind": "fights", "from": "a", "to": "x%d", "sources": ["s1"]}`, i))
	}
	rels = append(rels, `{"kind": "allied", "from": "a", "to": "b", "sources": ["s1"]}`)
	file := writeFile(t, "many.json", `{
  "sources": [{"id": "s1"}],
  "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "relations": [
`+strings.Join(rels, ",\n")+`
  ]
}
`)
	r := conflictCmd("alliances", "-keep-going", "-ids", file)
	got := lines(r.stderr)
	if r.code != exitFail || len(got) != mostShown+2 {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 1, %d problems and two lines more", r.code, r.stderr, mostShown)
	}
	if want := fmt.Sprintf("%s: and %d more problems (run 'conflict validate -keep-going -format json %s' for all)", file, 25-mostShown, file); got[mostShown] != want {
		t.Errorf("stderr line %d = %q, want %q", mostShown+1, got[mostShown], want)
	}
	if want := file + ": records skipped: 25 records with problems or referring to them"; got[mostShown+1] != want {
		t.Errorf("last line of stderr = %q, want %q", got[mostShown+1], want)
	}
	if want := "  1. a, b\n"; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout = %q, want the bloc of a and b", r.stdout)
	}

	// validate lists them all.
	r = conflictCmd("validate", "-keep-going", file)
	if got := lines(r.stdout); r.code != exitFail || len(got) != 26 || !strings.HasSuffix(got[25], ": records skipped: 25 records with problems or referring to them") {
		t.Errorf("validate -keep-going: exit %d, stdout:\n%s\nwant 25 problems and what was skipped", r.code, r.stdout)
	}
}

// TestValidateKeepGoing checks validate -keep-going, which lists the
// problems of the records skipped, those that refer to bad ones too.
func TestValidateKeepGoing(t *testing.T) {
	kept := writeFile(t, "kept.json", keptJSON)
	r := conflictCmd("validate", "-keep-going", kept)
	want := []string{
		kept + `:6: actors[1] "b": kind "wizard": unknown kind`,
		kept + `:11: relations[1] (a fights c): to "c": unknown ID`,
		kept + `:12: relations[2] (a controls town): start "2015-13": invalid date (month out of range)`,
		kept + `:13: relations[3] (a fights b): to "b": unknown ID`,
		kept + `: records skipped: 4 records with problems or referring to them`,
	}
	if r.code != exitFail || r.stderr != "" {
		t.Errorf("exit %d, stderr %q; want exit 1 and nothing on stderr", r.code, r.stderr)
	}
	if diff := cmp.Diff(want, lines(r.stdout)); diff != "" {
		t.Errorf("stdout mismatch (-want +got):\n%s", diff)
	}

	r = conflictCmd("validate", "-keep-going", "-json", kept)
	obj := decodeObject(t, r.stdout)
	mustHaveKeys(t, obj, "counts", "file", "ok", "problems", "skipped")
	var counts countsJSON
	var problems []problem
	var skipped []string
	field(t, obj, "counts", &counts)
	field(t, obj, "problems", &problems)
	field(t, obj, "skipped", &skipped)
	if diff := cmp.Diff(countsJSON{Sources: 1, Actors: 1, Locations: 1, Relations: 1}, counts); diff != "" {
		t.Errorf("counts mismatch (-want +got):\n%s", diff)
	}
	if len(problems) != 4 || string(obj["ok"]) != "false" {
		t.Errorf("ok %s, %d problems; want false and 4", obj["ok"], len(problems))
	}
	if diff := cmp.Diff([]string{"records skipped: 4 records with problems or referring to them"}, skipped); diff != "" {
		t.Errorf("skipped mismatch (-want +got):\n%s", diff)
	}

	// A good file, with -keep-going: "skipped" is empty.
	r = conflictCmd("validate", "-keep-going", "-json", syriaFile)
	mustSucceed(t, r)
	if obj := decodeObject(t, r.stdout); string(obj["skipped"]) != "[]" {
		t.Errorf(`"skipped" = %s, want []`, obj["skipped"])
	}
}

// TestKeepGoingImporter checks the wiring of an importer that skips its
// bad rows: the rows it read are added, and its problems listed with the
// library's; and of one that cannot, which fails as without -keep-going.
func TestKeepGoingImporter(t *testing.T) {
	errSkippedRows := errors.New("fake: bad rows skipped")
	read := func(r io.Reader, _ string, keep bool) (conflict.Dataset, error) {
		if _, err := io.ReadAll(r); err != nil {
			return conflict.Dataset{}, err
		}
		bad := &signedcsv.Error{Row: 3, Line: 3, Column: "sign", Value: "2", Err: errors.New("want 1, -1, + or -")}
		if !keep {
			return conflict.Dataset{}, bad
		}
		ds := conflict.Dataset{
			Sources: []conflict.Source{{ID: "s"}},
			Actors:  []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
			Relations: []conflict.Relation{
				{Kind: conflict.RelationAllied, From: "a", To: "b", Sources: []string{"s"}},
				{Kind: conflict.RelationFights, From: "a", To: "c", Sources: []string{"s"}}, // for the library to skip
			},
		}
		return ds, errors.Join(fmt.Errorf("%w: 1 of 3", errSkippedRows), bad)
	}
	defer func(f []format) { formats = f }(formats)
	formats = append(slices.Clip(formats),
		format{name: "skips", load: fromDataset(errSkippedRows, read)},
		format{name: "stops", load: fromDataset(nil, read)})
	file := writeFile(t, "rows.csv", "x\n")

	r := conflictCmd("alliances", "-format", "skips", "-keep-going", "-ids", file)
	want := []string{
		file + `:3: row 3: column sign: "2": want 1, -1, + or -`,
		file + `: relations[1] (a fights c): to "c": unknown ID`,
		file + `: fake: bad rows skipped: 1 of 3`,
		file + `: records skipped: 1 records with problems or referring to them`,
	}
	if diff := cmp.Diff(want, lines(r.stderr)); diff != "" {
		t.Errorf("stderr mismatch (-want +got):\n%s", diff)
	}
	if r.code != exitFail || !strings.Contains(r.stdout, "  1. a, b\n") {
		t.Errorf("exit %d, stdout %q; want exit 1 and the bloc of a and b", r.code, r.stdout)
	}

	r = conflictCmd("alliances", "-format", "skips", file)
	if diff := cmp.Diff([]string{want[0]}, lines(r.stderr)); diff != "" || r.code != exitFail || r.stdout != "" {
		t.Errorf("without -keep-going: exit %d, stdout %q, stderr mismatch (-want +got):\n%s", r.code, r.stdout, diff)
	}
	// An importer that cannot skip rows: its error, whatever it read,
	// adds nothing.
	r = conflictCmd("alliances", "-format", "stops", "-keep-going", file)
	if r.code != exitFail || r.stdout != "" || !strings.Contains(r.stderr, "fake: bad rows skipped: 1 of 3") {
		t.Errorf("an importer that cannot skip rows: exit %d, stdout %q, stderr %q; want exit 1, no answer", r.code, r.stdout, r.stderr)
	}
}
