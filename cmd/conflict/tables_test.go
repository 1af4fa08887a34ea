package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/parquet"
	"github.com/conflictgraph/conflict/table"
	"github.com/google/go-cmp/cmp"
)

// TestExportTables checks that export csv and export parquet write the
// tables of package table that their flags ask for, the days of -at,
// -from and -to taken in the record's time zone.
func TestExportTables(t *testing.T) {
	c := testutil.Syria(t)
	zone := c.Zone()
	on := func(s string) time.Time {
		d := conflict.MustParseDate(s)
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, zone)
	}
	known := c.AsOf(on("2016-04-05"))
	first, last := table.Span(c)
	tests := []struct {
		args []string
		want table.Table
	}{
		{[]string{"-table", "ties"}, table.Ties(c)},
		{[]string{"-table", "ties", "-at", "2016-04-06"}, table.TiesAt(c, on("2016-04-06"))},
		{[]string{"-table", "ties", "-as-of", "2016-04-05"}, table.Ties(known)},
		{[]string{"-table", "control", "-at", "2016-04-06"}, table.ControlAt(c, on("2016-04-06"))},
		{[]string{"-table", "control", "-at", "2016-04-06T12:00:00Z"}, table.ControlAt(c, on("2016-04-06").Add(15*time.Hour))},
		{[]string{"-table", "control", "-from", "2016-03", "-to", "2016-05"}, table.ControlOver(c, on("2016-03-01"), on("2016-05-01"))},
		{[]string{"-table", "control", "-from", "2016-03", "-to", "2016-05", "-as-of", "2016-04-05"}, table.ControlOver(known, on("2016-03-01"), on("2016-05-01"))},
		{[]string{"-table", "control"}, table.ControlOver(c, on(first.String()), on(last.String()).AddDate(0, 0, 1))},
		{[]string{"-table", "control", "-from", "2016-10"}, table.ControlOver(c, on("2016-10-01"), on(last.String()).AddDate(0, 0, 1))},
		{[]string{"-table", "control", "-from", "2020"}, table.ControlOver(c, on("2020-01-01"), on("2020-01-02"))},
		{[]string{"-table", "control", "-to", "2016"}, table.ControlOver(c, on(first.String()), on("2016-01-01"))},
		{[]string{"-table", "control", "-to", "2001"}, table.ControlOver(c, on("2000-12-31"), on("2001-01-01"))},
		{[]string{"-table", "changes"}, table.Changes(c, on("0001-01-01"), on("9999-12-31"))},
		{[]string{"-table", "changes", "-from", "2016-03", "-to", "2016-04"}, table.Changes(c, on("2016-03-01"), on("2016-04-01"))},
		{[]string{"-table", "changes", "-as-of", "2016-04-05"}, table.Changes(known, on("0001-01-01"), on("9999-12-31"))},
		{[]string{"-table", "events"}, table.Events(c)},
		{[]string{"-table", "events", "-as-of", "2016-04-05"}, table.Events(known)},
	}
	for _, tt := range tests {
		if len(tt.want.Rows) == 0 {
			t.Errorf("%q: the table has no rows: a useless test", tt.args)
		}
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			// Flags before and after the arguments.
			args := append([]string{"export", "csv", syriaFile}, tt.args...)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			var want bytes.Buffer
			if err := table.WriteCSV(&want, tt.want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), r.stdout); diff != "" {
				t.Errorf("csv (-want +got):\n%s", diff)
			}

			out := filepath.Join(t.TempDir(), "t.parquet")
			args = append(append([]string{"export"}, tt.args...), "-o", out, "parquet", syriaFile)
			r = conflictCmd(args...)
			mustSucceed(t, r, args...)
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			want.Reset()
			if err := parquet.Write(&want, tt.want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want.Bytes(), got) {
				t.Errorf("parquet: %d bytes, want the %d of parquet.Write", len(got), want.Len())
			}
		})
	}
}

// TestExportTableZone checks that the control table's day is the day of
// -at in the record's time zone, for a zone behind UTC.
func TestExportTableZone(t *testing.T) {
	file := writePalmyra(t, havana)
	for _, tt := range []struct{ at, want string }{
		{"2016-03-27T03:59:00Z", "palmyra,Palmyra,2016-03-26,2016-03-26,unknown,,,absent,,,absent,,false,\n"},
		{"2016-03-27T04:00:00Z", "palmyra,Palmyra,2016-03-27,2016-03-27,held,government,Syrian government,definite,,,absent,,false,beast;isw;wire\n"},
	} {
		r := conflictCmd("export", "csv", "-table", "control", "-at", tt.at, file)
		mustSucceed(t, r)
		if _, row, _ := strings.Cut(r.stdout, "\n"); row != tt.want {
			t.Errorf("-at %s: row %q, want %q", tt.at, row, tt.want)
		}
	}
	// Over a range, the days are the zone's too: the government holds
	// Palmyra from its 27 March.
	r := conflictCmd("export", "csv", "-table", "control", "-from", "2016-03-26", "-to", "2016-03-29", file)
	mustSucceed(t, r)
	want := `place,place_name,from_day,to_day,state,holder,holder_name,certainty,claimants,besiegers,besieged,contenders,rolled_up,sources
palmyra,Palmyra,2016-03-26,2016-03-26,unknown,,,absent,,,absent,,false,
palmyra,Palmyra,2016-03-27,2016-03-28,held,government,Syrian government,definite,,,absent,,false,beast;isw;wire
`
	if diff := cmp.Diff(want, r.stdout); diff != "" {
		t.Errorf("control over three days (-want +got):\n%s", diff)
	}
}

// TestExportTableUndated checks that the control table of a record with no
// dated tie is that of today, as for the commands that ask about a moment.
func TestExportTableUndated(t *testing.T) {
	file := writeFile(t, "undated.json", `{"name": "", "sources": [{"id": "s"}], "actors": [{"id": "a", "name": "A"}],
"locations": [{"id": "p", "name": "P"}], "relations": [{"kind": "controls", "from": "a", "to": "p", "sources": ["s"]}]}`)
	r := conflictCmd("export", "csv", "-table", "control", file)
	mustSucceed(t, r)
	today := time.Now().UTC().Format(time.DateOnly) // the record's zone is UTC
	if want := "p,P," + today + "," + today + ",held,a,A,definite,,,absent,,false,s\n"; !strings.HasSuffix(r.stdout, want) {
		t.Errorf("output %q, want it to end %q", r.stdout, want)
	}
}

func TestExportTableUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"csv"}, "export csv needs -table T: one of ties, control, changes or events"},
		{[]string{"csv", "-table", "holders"}, `unknown table "holders": want ties, control, changes or events`},
		{[]string{"csv", "-table", "changes", "-at", "2016"}, "the changes table takes no -at"},
		{[]string{"csv", "-table", "events", "-at", "2016"}, "the events table takes no -at"},
		{[]string{"csv", "-table", "ties", "-from", "2016"}, "the ties table takes no -from or -to"},
		{[]string{"csv", "-table", "events", "-to", "2016"}, "the events table takes no -from or -to"},
		{[]string{"csv", "-table", "control", "-at", "2016", "-to", "2017"}, "the control table takes -at, or -from and -to, not both"},
		{[]string{"csv", "-table", "control", "-from", "2016", "-to", "2015"}, "-to 2015 is not after -from 2016"},
		{[]string{"parquet", "-table", "ties"}, "parquet is binary: name the file to write with -o FILE"},
		{[]string{"dot", "-table", "ties", "-at", "2016"}, "-table is for export csv and parquet, not dot"},
		{[]string{"geojson", "-from", "2016"}, "-from and -to are for export svg, chart, html, csv and parquet, not geojson"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			mustBeUsageError(t, conflictCmd(append(append([]string{"export"}, tt.args...), syriaFile)...), tt.want)
		})
	}
}

// TestExportParquetStdout checks that export parquet -o - writes to
// standard output when it is a pipe, and not when it is a terminal.
func TestExportParquetStdout(t *testing.T) {
	args := []string{"export", "parquet", "-table", "events", "-o", "-", syriaFile}
	r := conflictCmd(args...)
	mustSucceed(t, r, args...)
	if !strings.HasPrefix(r.stdout, "PAR1") || !strings.HasSuffix(r.stdout, "PAR1") {
		t.Errorf("output is not a Parquet file: %.20q...", r.stdout)
	}

	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), terminal{&stdout}, &stderr)
	mustBeUsageError(t, result{code, stdout.String(), stderr.String()}, "parquet is binary: not writing it to a terminal")
}

// TestExportTableKeepGoing checks that with -keep-going the tables are
// those of the good records, and the exit status 1.
func TestExportTableKeepGoing(t *testing.T) {
	data, err := os.ReadFile(syriaFile)
	if err != nil {
		t.Fatal(err)
	}
	// A relation to a place the record does not have.
	bad := strings.Replace(string(data), `"relations": [`, `"relations": [
    {"kind": "controls", "from": "isis", "to": "atlantis", "sources": ["isw-2016-12-13"]},`, 1)
	file := writeFile(t, "bad.json", bad)
	want := conflictCmd("export", "csv", "-table", "ties", syriaFile)
	r := conflictCmd("export", "csv", "-table", "ties", "-keep-going", file)
	if r.code != exitFail || !strings.Contains(r.stderr, "atlantis") {
		t.Errorf("exit %d, stderr %q; want 1 and the problem", r.code, r.stderr)
	}
	if r.stdout != want.stdout {
		t.Error("the table is not that of the good records")
	}
}
