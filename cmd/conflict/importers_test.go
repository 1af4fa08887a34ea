package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// importerFiles are sample files of the importers' formats, from their
// packages' test data, and a column to spoil with a bad value.
var importerFiles = map[string]struct{ file, column, bad string }{
	"ucdp-acd": {"../../ucdpacd/testdata/ucdp.csv", "year", "19x6"},
	"ucdp-ged": {"../../ucdpged/testdata/ged.csv", "date_start", "2016-13-01"},
	"acled":    {"../../acled/testdata/acled.csv", "event_date", "2016-13-01"},
}

// TestImporters runs commands on a sample file of every format this build
// imports, and on a broken one.
func TestImporters(t *testing.T) {
	for _, f := range formats {
		if f.load == nil || f.name == "json" || f.name == "signed-csv" {
			continue
		}
		t.Run(f.name, func(t *testing.T) {
			sample, ok := importerFiles[f.name]
			if !ok {
				t.Fatalf("no sample file for format %s", f.name)
			}
			file := sample.file
			r := conflictCmd("validate", "-format", f.name, file)
			mustSucceed(t, r)
			if !strings.HasPrefix(r.stdout, "ok: "+file+": ") {
				t.Errorf("validate: %q, want ok", r.stdout)
			}
			r = conflictCmd("changes", "-json", "-format", f.name, file)
			mustSucceed(t, r)
			obj := decodeObject(t, r.stdout)
			var changes []changeJSON
			field(t, obj, "changes", &changes)
			if len(changes) == 0 {
				t.Error("changes: none")
			}
			r = conflictCmd("at", "-at", "2016-06", "-json", "-format", f.name, file)
			mustSucceed(t, r)
			decodeObject(t, r.stdout)

			// The first row with a bad value: exit 1, naming the file, row,
			// column and value.
			rows := readCSV(t, file, strings.Join(header(t, file), ","))
			col := slices.Index(header(t, file), sample.column)
			rows[0][col] = sample.bad
			var b strings.Builder
			w := csv.NewWriter(&b)
			w.Write(header(t, file))
			w.Write(rows[0])
			w.Flush()
			broken := writeFile(t, "broken.csv", b.String())
			r = conflictCmd("at", "-at", "2016", "-format", f.name, broken)
			want := fmt.Sprintf("%s: row 2: column %s: %q: ", broken, sample.column, sample.bad)
			if r.code != exitFail || r.stdout != "" || !strings.HasPrefix(r.stderr, want) {
				t.Errorf("broken file: exit %d, stdout %q, stderr %q; want exit 1 and %q", r.code, r.stdout, r.stderr, want)
			}
		})
	}
}

// header returns the header of a CSV file.
func header(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h, err := csv.NewReader(f).Read()
	if err != nil {
		t.Fatal(err)
	}
	return h
}
