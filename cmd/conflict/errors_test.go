package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// brokenJSON is a dataset with three problems, on lines 6, 10 and 11.
const brokenJSON = `{
  "name": "broken",
  "sources": [{"id": "s1"}],
  "actors": [
    {"id": "a", "name": "A"},
    {"id": "b", "name": "B", "kind": "wizard"}
  ],
  "locations": [{"id": "town", "name": "Town"}],
  "relations": [
    {"kind": "fights", "from": "a", "to": "c", "sources": ["s1"]},
    {"kind": "controls", "from": "a", "to": "town", "start": "2015-13", "sources": ["s1"]}
  ]
}
`

// brokenCSV is a signed CSV with two problems, in rows 3 and 5.
const brokenCSV = `from,to,sign
a,b,1
b,c,2
c,d,-1
USA,usa,1
`

func TestDataErrors(t *testing.T) {
	jsonFile := writeFile(t, "broken.json", brokenJSON)
	csvFile := writeFile(t, "broken.csv", brokenCSV)
	wantJSON := []string{
		jsonFile + `:6: actors[1] "b": kind "wizard": unknown kind`,
		jsonFile + `:10: relations[0] (a fights c): to "c": unknown ID`,
		jsonFile + `:11: relations[1] (a controls town): start "2015-13": invalid date (month out of range)`,
	}
	wantCSV := []string{
		csvFile + `:3: row 3: column sign: "2": want 1, -1, + or -`,
		csvFile + `:5: row 5: column to: "usa": names the same node as "USA": IDs are names, compared without regard to case, and to spaces, hyphens and underscores`,
	}
	tests := []struct {
		args []string
		want []string // the lines on stderr
	}{
		{[]string{"at", "-at", "2016", jsonFile}, wantJSON},
		{[]string{"sides", "-json", "-at", "2016", jsonFile}, wantJSON},
		{[]string{"history", "town", jsonFile}, wantJSON},
		{[]string{"sides", "-k", "2", "-json", "-format", "signed-csv", csvFile}, wantCSV},
		{[]string{"alliances", "-format", "signed-csv", csvFile}, wantCSV},
		// The format guessed from the header.
		{[]string{"at", "-json", "-at", "2016", csvFile}, wantCSV},
		{[]string{"at", "-json", "-at", "2016", "-format", "json", csvFile}, []string{
			csvFile + `:1: dataset: malformed dataset (invalid character 'r' in literal false (expecting 'a')) (read as json; give the file's format with -format)`,
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:len(tt.args)-1], " "), func(t *testing.T) {
			r := conflictCmd(tt.args...)
			if r.code != exitFail {
				t.Errorf("exit %d, want %d", r.code, exitFail)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if diff := cmp.Diff(tt.want, lines(r.stderr)); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	jsonFile := writeFile(t, "broken.json", brokenJSON)
	csvFile := writeFile(t, "broken.csv", brokenCSV)
	tests := []struct {
		args []string
		want []string // the lines on stdout
	}{
		{[]string{"validate", jsonFile}, []string{
			jsonFile + `:6: actors[1] "b": kind "wizard": unknown kind`,
			jsonFile + `:10: relations[0] (a fights c): to "c": unknown ID`,
			jsonFile + `:11: relations[1] (a controls town): start "2015-13": invalid date (month out of range)`,
		}},
		{[]string{"validate", "-format", "signed-csv", csvFile}, []string{
			csvFile + `:3: row 3: column sign: "2": want 1, -1, + or -`,
			csvFile + `:5: row 5: column to: "usa": names the same node as "USA": IDs are names, compared without regard to case, and to spaces, hyphens and underscores`,
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:len(tt.args)-1], " "), func(t *testing.T) {
			r := conflictCmd(tt.args...)
			if r.code != exitFail || r.stderr != "" {
				t.Errorf("exit %d, stderr %q; want exit %d and nothing on stderr", r.code, r.stderr, exitFail)
			}
			if diff := cmp.Diff(tt.want, lines(r.stdout)); diff != "" {
				t.Errorf("stdout mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	jsonFile := writeFile(t, "broken.json", brokenJSON)
	r := conflictCmd("validate", "-json", jsonFile)
	if r.code != exitFail || r.stderr != "" {
		t.Errorf("exit %d, stderr %q; want exit %d and nothing on stderr", r.code, r.stderr, exitFail)
	}
	obj := decodeObject(t, r.stdout)
	mustHaveKeys(t, obj, "counts", "file", "ok", "problems")
	var got []problem
	field(t, obj, "problems", &got)
	want := []problem{
		{Line: 6, Entity: `actors[1] "b"`, Field: "kind", Value: "wizard", Message: `actors[1] "b": kind "wizard": unknown kind`},
		{Line: 10, Entity: "relations[0] (a fights c)", Field: "to", Value: "c", Message: `relations[0] (a fights c): to "c": unknown ID`},
		{Line: 11, Entity: "relations[1] (a controls town)", Field: "start", Value: "2015-13", Message: `relations[1] (a controls town): start "2015-13": invalid date (month out of range)`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if string(obj["ok"]) != "false" || string(obj["counts"]) != "null" {
		t.Errorf("ok = %s, counts = %s; want false and null", obj["ok"], obj["counts"])
	}

	csvFile := writeFile(t, "broken.csv", brokenCSV)
	r = conflictCmd("validate", "-json", "-format", "signed-csv", csvFile)
	var out struct{ Problems []problem }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	wantCSV := problem{Line: 3, Row: 3, Entity: "row 3", Field: "sign", Value: "2", Message: `row 3: column sign: "2": want 1, -1, + or -`}
	if len(out.Problems) != 2 || !cmp.Equal(wantCSV, out.Problems[0]) {
		t.Errorf("problems = %+v, want 2, the first %+v", out.Problems, wantCSV)
	}
}

// TestManyProblems checks that a command other than validate lists the
// first few problems and says how to see them all.
func TestManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("from,to,sign\n")
	for range 25 {
		b.WriteString("a,b,0\n")
	}
	file := writeFile(t, "many.csv", b.String())
	r := conflictCmd("sides", "-format", "signed-csv", file)
	got := lines(r.stderr)
	if r.code != exitFail || len(got) != 11 || !strings.Contains(got[10], "and 15 more problems (run 'conflict validate -format signed-csv "+file+"' for all)") {
		t.Errorf("exit %d, stderr:\n%s\nwant 10 problems and a line saying how to see the rest", r.code, r.stderr)
	}
	r = conflictCmd("validate", "-format", "signed-csv", file)
	if n := len(lines(r.stdout)); n != 25 {
		t.Errorf("validate lists %d problems, want 25", n)
	}

	// The library's problems: it describes the first few and counts the
	// rest.
	var rels []string
	for i := range 125 {
		rels = append(rels, fmt.Sprintf(`{"kind": "fights", "from": "a", "to": "x%d", "sources": ["s1"]}`, i))
	}
	file = writeFile(t, "many.json", `{"sources": [{"id": "s1"}], "actors": [{"id": "a", "name": "A"}], "relations": [
`+strings.Join(rels, ",\n")+`
]}`)
	r = conflictCmd("alliances", file)
	got = lines(r.stderr)
	if want := file + ": and 115 more problems (run 'conflict validate -format json " + file + "' for all)"; r.code != exitFail || len(got) != 11 || got[10] != want {
		t.Errorf("exit %d, stderr:\n%s\nwant 10 problems and %q", r.code, r.stderr, want)
	}
	r = conflictCmd("validate", file)
	got = lines(r.stdout)
	if want := file + ": and 25 more problems"; len(got) != 101 || got[100] != want {
		t.Errorf("validate lists %d lines, the last %q; want 100 problems and %q", len(got), got[len(got)-1], want)
	}
}

func TestMissingFile(t *testing.T) {
	r := conflictCmd("at", "-at", "2016", "no-such-file.json")
	if r.code != exitFail || r.stdout != "" || !strings.Contains(r.stderr, "no-such-file.json") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 naming the file", r.code, r.stdout, r.stderr)
	}
	r = conflictCmd("history", "nowhere", syriaFile)
	if r.code != exitFail || r.stdout != "" || r.stderr != "conflict history: "+syriaFile+" has no location \"nowhere\"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 naming the file and place", r.code, r.stdout, r.stderr)
	}
}

// lines splits output into lines, without the final newline.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
