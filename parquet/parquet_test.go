package parquet_test

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/parquet"
	"github.com/conflictgraph/conflict/table"
	"github.com/google/go-cmp/cmp"
	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// smallFile is package table's small record.
const smallFile = "../table/testdata/small.json"

// day returns the instant day s begins in c's time zone.
func day(c *conflict.Conflict, s string) time.Time {
	d := conflict.MustParseDate(s)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, c.Zone())
}

// tables returns every kind of table of c, by a name for each.
func tables(c *conflict.Conflict, at, from, to string) map[string]table.Table {
	return map[string]table.Table{
		"ties":         table.Ties(c),
		"ties_at":      table.TiesAt(c, day(c, at)),
		"control_at":   table.ControlAt(c, day(c, at)),
		"control_over": table.ControlOver(c, day(c, from), day(c, to)),
		"changes":      table.Changes(c, day(c, from), day(c, to)),
		"events":       table.Events(c),
	}
}

// records are the records the tests write the tables of.
func records(t *testing.T) map[string]map[string]table.Table {
	cfg := synth.Default(400)
	cfg.Years, cfg.Captures = 3, 0.3
	return map[string]map[string]table.Table{
		"small": tables(testutil.Load(t, smallFile), "2015-10-15", "2015-07-01", "2016-07-01"),
		"syria": tables(testutil.Syria(t), "2016-04-06", "2015-01-01", "2017-01-01"),
		"synth": tables(testutil.Conflict(t, synth.Generate(cfg)), "2011-06-01", "2010-01-01", "2013-01-01"),
	}
}

// TestReadsBack checks that parquet-go reads back every table as the rows it
// was written from, with the schema's columns in the table's order.
func TestReadsBack(t *testing.T) {
	for rec, tabs := range records(t) {
		for name, tab := range tabs {
			t.Run(rec+"/"+name, func(t *testing.T) {
				var b bytes.Buffer
				if err := parquet.Write(&b, tab); err != nil {
					t.Fatal(err)
				}
				cols, rows := read(t, b.Bytes())
				var want []string
				for _, c := range tab.Columns {
					want = append(want, c.Name)
				}
				if diff := cmp.Diff(want, cols); diff != "" {
					t.Errorf("columns (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tab.Rows, rows); diff != "" {
					t.Errorf("rows read back (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// read reads a Parquet file of one table with parquet-go, without the
// writer's types: each value as its physical and logical type give it.
func read(t *testing.T, file []byte) (cols []string, rows []table.Row) {
	t.Helper()
	f, err := pq.OpenFile(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	fields := f.Schema().Fields()
	for _, field := range fields {
		cols = append(cols, field.Name())
	}
	r := pq.NewReader(f)
	buf := make([]pq.Row, 64)
	for {
		n, err := r.ReadRows(buf)
		for _, pr := range buf[:n] {
			row := make(table.Row, len(fields))
			for _, v := range pr {
				i := v.Column() // one leaf per column
				switch field := fields[i]; {
				case logical[*format.ListType](field):
					if row[i] == nil {
						row[i] = []string{}
					}
					if v.DefinitionLevel() > 0 {
						row[i] = append(row[i].([]string), v.String())
					}
				case v.IsNull():
				case v.Kind() == pq.ByteArray:
					row[i] = v.String()
				case v.Kind() == pq.Boolean:
					row[i] = v.Boolean()
				case v.Kind() == pq.Int32 && logical[*format.DateType](field):
					row[i] = time.Unix(int64(v.Int32())*24*60*60, 0).UTC()
				default:
					t.Fatalf("column %s: value %v of kind %v", field.Name(), v, v.Kind())
				}
			}
			rows = append(rows, row)
		}
		if err == io.EOF {
			return cols, rows
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// logical reports whether field has the logical type T.
func logical[T format.LogicalTypeValue](field pq.Field) bool {
	lt := field.Type().LogicalType()
	if lt == nil {
		return false
	}
	_, ok := lt.Value.(T)
	return ok
}

// TestSchema checks the Parquet schema of each table against its golden
// file: the column types that readers see.
func TestSchema(t *testing.T) {
	for name, tab := range records(t)["small"] {
		if name == "ties_at" || name == "control_over" {
			continue // the same schema as ties and control_at
		}
		name = strings.TrimSuffix(name, "_at")
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := parquet.Write(&b, tab); err != nil {
				t.Fatal(err)
			}
			f, err := pq.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
			if err != nil {
				t.Fatal(err)
			}
			var s strings.Builder
			if err := pq.PrintSchema(&s, f.Schema().Name(), f.Schema()); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, filepath.Join("testdata", name+".schema"), []byte(s.String()+"\n"))
		})
	}
}

// TestSameBytes checks that one table gives the same file every time.
func TestSameBytes(t *testing.T) {
	for name, tab := range records(t)["syria"] {
		var a, b bytes.Buffer
		if err := parquet.Write(&a, tab); err != nil {
			t.Fatal(err)
		}
		if err := parquet.Write(&b, tab); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes differ", name)
		}
	}
}

func TestWriteBadTable(t *testing.T) {
	for _, tab := range []table.Table{
		{Name: "t", Columns: []table.Column{{Name: "a", Type: table.TypeString}}, Rows: []table.Row{{"x"}, {nil}}},
		{Name: "t", Columns: []table.Column{{Name: "a", Type: 0}}, Rows: []table.Row{{"x"}}},
	} {
		var b bytes.Buffer
		err := parquet.Write(&b, tab)
		if !errors.Is(err, table.ErrValue) || !strings.HasPrefix(err.Error(), "table t") {
			t.Errorf("Write = %v, want an error naming table t that wraps table.ErrValue", err)
		}
		if b.Len() != 0 {
			t.Errorf("Write wrote %d bytes before failing", b.Len())
		}
	}
}

// TestEmptyTable checks that a table of no rows is a file of its columns
// and no rows.
func TestEmptyTable(t *testing.T) {
	c := testutil.Load(t, smallFile)
	tab := table.ControlOver(c, day(c, "2016-01-01"), day(c, "2016-01-01"))
	var b bytes.Buffer
	if err := parquet.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	cols, rows := read(t, b.Bytes())
	if len(cols) != len(tab.Columns) || len(rows) != 0 {
		t.Errorf("read %d columns and %d rows, want %d and none", len(cols), len(rows), len(tab.Columns))
	}
}
