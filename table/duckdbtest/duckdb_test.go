package duckdbtest

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/parquet"
	"github.com/conflictgraph/conflict/table"
	"github.com/google/go-cmp/cmp"

	_ "github.com/duckdb/duckdb-go/v2"
)

// syriaFile is the worked example's dataset, from this directory.
var syriaFile = filepath.Join("..", "..", testutil.SyriaFile)

// records are the records the tests ask about: the worked example, and a
// generated record of ten years, some of its changes of holder told as
// captures.
func records(t *testing.T) map[string]*conflict.Conflict {
	cfg := synth.Default(3000)
	cfg.Seed = 11
	cfg.Captures = 0.3
	return map[string]*conflict.Conflict{
		"syria": testutil.Load(t, syriaFile),
		"synth": testutil.Conflict(t, synth.Generate(cfg)),
	}
}

// open opens an in-memory DuckDB database.
func open(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// write writes tab to dir as name.csv and name.parquet, and returns the
// paths, quoted as SQL strings.
func write(t *testing.T, dir, name string, tab table.Table) (csvFile, parquetFile string) {
	t.Helper()
	for _, f := range []struct {
		ext   string
		write func(*os.File) error
	}{
		{".csv", func(f *os.File) error { return table.WriteCSV(f, tab) }},
		{".parquet", func(f *os.File) error { return parquet.Write(f, tab) }},
	} {
		file, err := os.Create(filepath.Join(dir, name+f.ext))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.write(file); err != nil {
			t.Fatal(err)
		}
		if err := file.Close(); err != nil {
			t.Fatal(err)
		}
	}
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	return quote(filepath.Join(dir, name+".csv")), quote(filepath.Join(dir, name+".parquet"))
}

// instants returns twenty instants from the first day of rec's changes to
// the day after the last, at random times of day: the first and the last
// of those days, and eighteen drawn between them.
func instants(c *conflict.Conflict) []time.Time {
	first, last := table.Span(c)
	start := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, c.Zone())
	end := time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, c.Zone())
	r := rand.New(rand.NewPCG(1, 2))
	ts := []time.Time{start, end.Add(23 * time.Hour)}
	for len(ts) < 20 {
		ts = append(ts, start.Add(time.Duration(r.Int64N(int64(end.Sub(start))))))
	}
	return ts
}

// answer is who holds a place at an instant, and how surely.
type answer struct {
	Place, State, Holder, Certainty string
}

// TestControl checks that DuckDB, reading the control table over the days
// of a record's changes from its Parquet file and from its CSV file, gives
// at each of twenty instants the library's answer for every place: its
// state, its one holder (if any) and how sure that is. The query is the one
// the README gives analysts: the row of the place whose from_day and to_day
// hold the day.
func TestControl(t *testing.T) {
	db := open(t)
	for name, c := range records(t) {
		t.Run(name, func(t *testing.T) {
			first, last := table.Span(c)
			from := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, c.Zone())
			to := time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, c.Zone())
			tab := table.ControlOver(c, from, to)
			csvFile, parquetFile := write(t, t.TempDir(), "control", tab)
			t.Logf("%d places, %d rows", len(places(c)), len(tab.Rows))
			for _, at := range instants(c) {
				var want []answer
				m := c.At(at)
				for _, p := range places(c) {
					ctl := m.Controller(p)
					want = append(want, answer{p, ctl.State.String(), ctl.Holder, ctl.Certainty.String()})
				}
				day := at.In(c.Zone()).Format(time.DateOnly)
				for _, file := range []string{parquetFile, csvFile} {
					got := query(t, db, fmt.Sprintf(`SELECT place, state, coalesce(holder, ''), certainty
						FROM %s WHERE DATE '%s' BETWEEN from_day AND to_day ORDER BY place`, file, day))
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("%s at %s (day %s) (-library +duckdb):\n%s", file, at.Format(time.RFC3339), day, diff)
					}
				}
			}
		})
	}
}

// places returns the IDs of the locations of c, sorted as DuckDB sorts
// strings: by their bytes.
func places(c *conflict.Conflict) []string {
	var ids []string
	for l := range c.Locations() {
		ids = append(ids, l.ID)
	}
	slices.Sort(ids)
	return ids
}

// query runs q, whose rows have four strings.
func query(t *testing.T, db *sql.DB, q string) []answer {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	var got []answer
	for rows.Next() {
		var a answer
		if err := rows.Scan(&a.Place, &a.State, &a.Holder, &a.Certainty); err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestTypes checks that DuckDB sees every column of every table with its
// type, from Parquet (DATE, VARCHAR, BOOLEAN, VARCHAR[]) and, where the
// CSV's values tell it, from CSV (DATE and BOOLEAN found by DuckDB's
// sniffer, the lists as text), and the same number of rows from both.
func TestTypes(t *testing.T) {
	db := open(t)
	c := testutil.Load(t, syriaFile)
	on := func(s string) time.Time {
		d := conflict.MustParseDate(s)
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, c.Zone())
	}
	sqlType := map[table.Type]string{
		table.TypeString: "VARCHAR", table.TypeDate: "DATE", table.TypeBool: "BOOLEAN", table.TypeList: "VARCHAR[]",
	}
	for _, tab := range []table.Table{
		table.TiesAt(c, on("2016-04-06")),
		table.ControlOver(c, on("2015-01-01"), on("2017-01-01")),
		table.Changes(c, on("2015-01-01"), on("2017-01-01")),
		table.Events(c),
	} {
		t.Run(tab.Name, func(t *testing.T) {
			csvFile, parquetFile := write(t, t.TempDir(), tab.Name, tab)
			var want []string
			for _, col := range tab.Columns {
				want = append(want, col.Name+" "+sqlType[col.Type])
			}
			if diff := cmp.Diff(want, describe(t, db, parquetFile)); diff != "" {
				t.Errorf("Parquet columns (-want +duckdb):\n%s", diff)
			}
			fromCSV := describe(t, db, csvFile)
			for i, col := range tab.Columns {
				if col.Type == table.TypeList || !hasValue(tab, i) {
					continue // text, or nothing for the sniffer to tell
				}
				if w := col.Name + " " + sqlType[col.Type]; i >= len(fromCSV) || fromCSV[i] != w {
					t.Errorf("CSV column %d: DuckDB sees %q, want %q", i+1, fromCSV[i], w)
				}
			}
			for _, file := range []string{parquetFile, csvFile} {
				var n int
				if err := db.QueryRow("SELECT count(*) FROM " + file).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != len(tab.Rows) {
					t.Errorf("%s: %d rows, want %d", file, n, len(tab.Rows))
				}
			}
		})
	}
}

// describe returns the columns of file as DuckDB sees them: "name TYPE".
func describe(t *testing.T, db *sql.DB, file string) []string {
	t.Helper()
	rows, err := db.Query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + file + ")")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, name+" "+typ)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return cols
}

// hasValue reports whether column i of tab is not null in some row.
func hasValue(tab table.Table, i int) bool {
	for _, row := range tab.Rows {
		if row[i] != nil {
			return true
		}
	}
	return false
}
