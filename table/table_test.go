package table_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/table"
	"github.com/google/go-cmp/cmp"
)

// smallFile is a record in which the sources disagree on when Papa changed
// hands, Fort is besieged until a date known to the year, Quebec is held
// from a season, contested, then captured, and Land holds nothing itself.
const smallFile = "testdata/small.json"

// day returns the instant day s begins in the record's time zone.
func day(c *conflict.Conflict, s string) time.Time {
	d := conflict.MustParseDate(s)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, c.Zone())
}

// smallTables are the tables of the small record the golden files hold,
// by file name.
func smallTables(t *testing.T) map[string]table.Table {
	c := testutil.Load(t, smallFile)
	return map[string]table.Table{
		"ties.csv":         table.Ties(c),
		"ties_at.csv":      table.TiesAt(c, day(c, "2015-10-15")),
		"control_at.csv":   table.ControlAt(c, day(c, "2015-10-15")),
		"control_over.csv": table.ControlOver(c, day(c, "2015-07-01"), day(c, "2016-07-01")),
		"changes.csv":      table.Changes(c, day(c, "2015-10-01"), day(c, "2016-03-01")),
		"events.csv":       table.Events(c),
	}
}

func TestGoldenCSV(t *testing.T) {
	for file, tab := range smallTables(t) {
		t.Run(file, func(t *testing.T) {
			var b bytes.Buffer
			if err := table.WriteCSV(&b, tab); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, filepath.Join("testdata", file), b.Bytes())
		})
	}
}

// TestCSVReadsBack checks that encoding/csv reads back every table's CSV
// as the rows it was written from: one record per row, each field the value
// as the package documentation spells it.
func TestCSVReadsBack(t *testing.T) {
	for file, tab := range smallTables(t) {
		var b bytes.Buffer
		if err := table.WriteCSV(&b, tab); err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var want [][]string
		var header []string
		for _, c := range tab.Columns {
			header = append(header, c.Name)
		}
		want = append(want, header)
		for _, row := range tab.Rows {
			var rec []string
			for _, v := range row {
				rec = append(rec, field(v))
			}
			want = append(want, rec)
		}
		if diff := cmp.Diff(want, records); diff != "" {
			t.Errorf("%s read back (-want +got):\n%s", file, diff)
		}
	}
}

// field is v as a CSV field, spelled out from the package documentation.
func field(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case time.Time:
		return v.Format("2006-01-02")
	case bool:
		return map[bool]string{true: "true", false: "false"}[v]
	case []string:
		return strings.Join(v, ";")
	}
	return ""
}

// TestColumns checks the columns of every table, as the package
// documentation lists them, and that every row of every table, on the
// small record, the worked example and a generated one, fits its columns.
func TestColumns(t *testing.T) {
	small := testutil.Load(t, smallFile)
	syria := testutil.Syria(t)
	synth := generated(t, 600)
	ties := []string{"kind", "from_id", "from_name", "to_id", "to_name",
		"start_precision", "start_earliest", "start_latest", "start_last",
		"end_precision", "end_earliest", "end_latest", "end_last", "support", "sources"}
	tests := []struct {
		name string
		make func(c *conflict.Conflict) table.Table
		want []string
	}{
		{"ties", func(c *conflict.Conflict) table.Table { return table.Ties(c) }, append(slices.Clone(ties), "certainty")},
		{"ties", func(c *conflict.Conflict) table.Table { return table.TiesAt(c, day(c, "2015-10-15")) }, append(slices.Clone(ties), "certainty")},
		{"control", func(c *conflict.Conflict) table.Table { return table.ControlAt(c, day(c, "2016-03-01")) },
			[]string{"place", "place_name", "from_day", "to_day", "state", "holder", "holder_name", "certainty",
				"claimants", "besiegers", "besieged", "contenders", "rolled_up", "sources"}},
		{"control", func(c *conflict.Conflict) table.Table {
			return table.ControlOver(c, day(c, "2015-01-01"), day(c, "2017-01-01"))
		}, []string{"place", "place_name", "from_day", "to_day", "state", "holder", "holder_name", "certainty",
			"claimants", "besiegers", "besieged", "contenders", "rolled_up", "sources"}},
		{"changes", func(c *conflict.Conflict) table.Table { return table.Changes(c, day(c, "2010"), day(c, "2020")) },
			append([]string{"date_precision", "date_earliest", "date_latest", "date_last", "change", "certainty"}, ties...)},
		{"events", func(c *conflict.Conflict) table.Table { return table.Events(c) }, []string{"id", "kind", "date_precision", "date_earliest", "date_latest",
			"location", "location_name", "actors", "counterparts", "support", "sources", "note"}},
	}
	snake := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	for _, tt := range tests {
		for _, rec := range []struct {
			name string
			c    *conflict.Conflict
		}{{"small", small}, {"syria", syria}, {"synth", synth}} {
			tab := tt.make(rec.c)
			t.Run(tt.name+"/"+rec.name, func(t *testing.T) {
				if tab.Name != tt.name {
					t.Errorf("Name = %q, want %q", tab.Name, tt.name)
				}
				var got []string
				for _, c := range tab.Columns {
					got = append(got, c.Name)
					if !snake.MatchString(c.Name) {
						t.Errorf("column %q is not snake_case", c.Name)
					}
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("columns (-want +got):\n%s", diff)
				}
				if err := tab.Check(); err != nil {
					t.Error(err)
				}
				if len(tab.Rows) == 0 && rec.name != "synth" {
					t.Error("no rows")
				}
				checkDates(t, tab)
			})
		}
	}
}

// checkDates checks every date of every row: X_earliest no later than
// X_latest, X_last between them, all of a date's columns null or none but
// X_last, and from_day no later than to_day.
func checkDates(t *testing.T, tab table.Table) {
	t.Helper()
	col := map[string]int{}
	for j, c := range tab.Columns {
		col[c.Name] = j
	}
	for i, row := range tab.Rows {
		for _, x := range []string{"start", "end", "date"} {
			p, ok := col[x+"_precision"]
			if !ok {
				continue
			}
			earliest, latest := row[col[x+"_earliest"]], row[col[x+"_latest"]]
			var last any
			if j, ok := col[x+"_last"]; ok {
				last = row[j]
			}
			if row[p] == nil {
				if earliest != nil || latest != nil || last != nil {
					t.Errorf("row %d: %s: precision null, days %v %v %v", i+1, x, earliest, latest, last)
				}
				continue
			}
			e, l := earliest.(time.Time), latest.(time.Time)
			if l.Before(e) {
				t.Errorf("row %d: %s_latest %v before %s_earliest %v", i+1, x, l, x, e)
			}
			if last, ok := last.(time.Time); ok && (!last.After(e) || last.After(l)) {
				t.Errorf("row %d: %s_last %v not in (%v, %v]", i+1, x, last, e, l)
			}
			if row[p] == "day" && last == nil && !e.Equal(l) {
				t.Errorf("row %d: %s is known to the day, but from %v to %v", i+1, x, e, l)
			}
		}
		if j, ok := col["from_day"]; ok && row[col["to_day"]].(time.Time).Before(row[j].(time.Time)) {
			t.Errorf("row %d: to_day before from_day", i+1)
		}
	}
}

func TestCheck(t *testing.T) {
	cols := []table.Column{
		{Name: "s", Type: table.TypeString},
		{Name: "d", Type: table.TypeDate, Null: true},
		{Name: "b", Type: table.TypeBool},
		{Name: "l", Type: table.TypeList},
	}
	day := time.Date(2016, 3, 27, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		row  table.Row
		want string // "" for no error
	}{
		{"fits", table.Row{"x", day, true, []string{"a"}}, ""},
		{"null where allowed", table.Row{"x", nil, false, []string{}}, ""},
		{"null string", table.Row{nil, day, true, []string{}}, "table t, row 1, column s: null in a column that may not be null"},
		{"int for string", table.Row{3, day, true, []string{}}, "table t, row 1, column s: 3 of Go type int in a string column"},
		{"noon", table.Row{"x", day.Add(12 * time.Hour), true, []string{}}, "table t, row 1, column d: 2016-03-27T12:00:00Z is not midnight UTC"},
		{"another zone", table.Row{"x", day.In(time.FixedZone("X", 3600)), true, []string{}}, "column d: 2016-03-27T01:00:00+01:00 is not midnight UTC"},
		{"nil list", table.Row{"x", day, true, nil}, "column l: null in a column that may not be null"},
		{"string for list", table.Row{"x", day, true, "a;b"}, `column l: "a;b" of Go type string in a list column`},
		{"short row", table.Row{"x"}, "table t, row 1: 1 values for 4 columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := table.Table{Name: "t", Columns: cols, Rows: []table.Row{tt.row}}
			err := tab.Check()
			var b bytes.Buffer
			werr := table.WriteCSV(&b, tab)
			switch {
			case tt.want == "" && (err != nil || werr != nil):
				t.Fatalf("Check() = %v, WriteCSV = %v; want nil", err, werr)
			case tt.want == "":
				return
			case err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, table.ErrValue):
				t.Errorf("Check() = %v; want an error with %q that wraps ErrValue", err, tt.want)
			case werr == nil || werr.Error() != err.Error() || b.Len() != 0:
				t.Errorf("WriteCSV = %v, wrote %q; want %v and nothing written", werr, b.String(), err)
			}
		})
	}
}

func TestCSVSeparator(t *testing.T) {
	tab := table.Table{
		Name:    "ties",
		Columns: []table.Column{{Name: "sources", Type: table.TypeList}},
		Rows:    []table.Row{{[]string{"a"}}, {[]string{"b", "wire;feed"}}},
	}
	var b bytes.Buffer
	err := table.WriteCSV(&b, tab)
	want := `table ties, row 2, column sources: element "wire;feed": table: list element holds the CSV list separator ";"`
	if err == nil || err.Error() != want || !errors.Is(err, table.ErrSeparator) {
		t.Errorf("WriteCSV = %v; want %s, wrapping ErrSeparator", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("WriteCSV wrote %q before failing", b.String())
	}
}

// TestAsOf checks that the tables of a view show only what was known on its
// date: before the second source, Papa changed hands in October 2015, with
// no dispute.
func TestAsOf(t *testing.T) {
	c := testutil.Load(t, smallFile)
	v := c.AsOf(day(c, "2016-06-05"))
	tab := table.ControlOver(v, day(c, "2015-09-30"), day(c, "2015-11-15"))
	var got [][3]string
	for _, row := range tab.Rows {
		if row[0] == "papa" {
			got = append(got, [3]string{field(row[2]), field(row[3]), field(row[5]) + " " + field(row[7])})
		}
	}
	want := [][3]string{
		{"2015-09-30", "2015-09-30", "gov definite"},
		{"2015-10-01", "2015-10-31", " possible"}, // gov or reb
		{"2015-11-01", "2015-11-14", "reb definite"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Papa as known on 2016-06-05 (-want +got):\n%s", diff)
	}
}

// TestEventsAsOf checks that the events table of a view has only the
// events known on its date, each with only the sources published by then.
func TestEventsAsOf(t *testing.T) {
	c := testutil.Syria(t)
	whole, known := table.Events(c), table.Events(c.AsOf(day(c, "2016-04-01")))
	if len(known.Rows) == 0 || len(known.Rows) >= len(whole.Rows) {
		t.Fatalf("%d events known on 2016-04-01 of %d: want some, not all", len(known.Rows), len(whole.Rows))
	}
	col := slices.IndexFunc(known.Columns, func(c table.Column) bool { return c.Name == "sources" })
	for _, row := range known.Rows {
		ids, _ := row[col].([]string)
		if len(ids) == 0 {
			t.Errorf("event %v: no sources", row[0])
		}
		for _, id := range ids {
			s, _ := c.Source(id)
			// A source is known from the day after its window of publication.
			if _, last := (conflict.Bound{Date: s.Published}).Window(); s.Published.IsZero() || last.Format(time.DateOnly) > "2016-04-01" {
				t.Errorf("event %v cites %s, published %v, not known on 2016-04-01", row[0], id, s.Published)
			}
		}
	}
}
