// Package parquet writes the tables of package
// github.com/conflictgraph/conflict/table as Parquet files, for pandas
// (pd.read_parquet), DuckDB (SELECT ... FROM 'control.parquet') and Spark
// (spark.read.parquet), which read them with their column types:
//
//	t := table.ControlOver(c, from.In(c.Zone()), to.In(c.Zone()))
//	err := parquet.Write(w, t)
//
// A file holds one table: the same columns as its CSV, in the same order,
// and the same rows. Its schema is named after the table ("control"), and
// each column has the Parquet type of its table.Type:
//
//	string  BYTE_ARRAY, logical type STRING
//	date    INT32, logical type DATE: days since 1970-01-01
//	bool    BOOLEAN
//	list    a LIST of required STRING elements, in the standard three-level form;
//	        an empty list for none, never null
//
// A column that may be null (table.Column.Null) is OPTIONAL, the others
// REQUIRED. Pages are compressed with Snappy, which every reader of Parquet
// reads. The files are written with github.com/parquet-go/parquet-go; one
// table gives the same bytes every time.
package parquet

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/table"
	pq "github.com/parquet-go/parquet-go"
)

// Write writes t to w as one Parquet file. It returns an error that wraps
// table.ErrValue, before it writes anything, if t does not fit its columns
// (see table.Table.Check).
func Write(w io.Writer, t table.Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	typ, err := rowType(t.Columns)
	if err != nil {
		return fmt.Errorf("table %s: %w", t.Name, err)
	}
	schema := pq.NewSchema(t.Name, pq.SchemaOf(reflect.New(typ).Interface()))
	pw := pq.NewWriter(w, schema, pq.Compression(&pq.Snappy), pq.CreatedBy("github.com/conflictgraph/conflict/parquet", "", ""))
	v := reflect.New(typ)
	for i, row := range t.Rows {
		setRow(v.Elem(), row)
		if err := pw.Write(v.Interface()); err != nil {
			return fmt.Errorf("table %s, row %d: %w", t.Name, i+1, err)
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("table %s: %w", t.Name, err)
	}
	return nil
}

// rowType returns the Go struct type whose parquet tags give the schema of
// a table with the given columns, in their order: field i, named Ci, is
// column i.
func rowType(cols []table.Column) (reflect.Type, error) {
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		var typ reflect.Type
		tag := c.Name
		switch c.Type {
		case table.TypeString:
			typ = reflect.TypeFor[string]()
		case table.TypeDate:
			typ, tag = reflect.TypeFor[int32](), tag+",date"
		case table.TypeBool:
			typ = reflect.TypeFor[bool]()
		case table.TypeList:
			typ, tag = reflect.TypeFor[[]string](), tag+",list"
		default:
			return nil, fmt.Errorf("column %s: type %v: %w", c.Name, c.Type, table.ErrValue)
		}
		if c.Null && c.Type != table.TypeList {
			typ, tag = reflect.PointerTo(typ), tag+",optional"
		}
		fields[i] = reflect.StructField{
			Name: "C" + strconv.Itoa(i),
			Type: typ,
			Tag:  reflect.StructTag(`parquet:"` + tag + `"`),
		}
	}
	return reflect.StructOf(fields), nil
}

// setRow sets the fields of v, a struct of rowType, to the values of row,
// which fits its columns.
func setRow(v reflect.Value, row table.Row) {
	for i, x := range row {
		f := v.Field(i)
		if x == nil {
			f.SetZero()
			continue
		}
		var val reflect.Value
		switch x := x.(type) {
		case time.Time:
			val = reflect.ValueOf(int32(days.Of(x)))
		default:
			val = reflect.ValueOf(x)
		}
		if f.Kind() == reflect.Pointer {
			p := reflect.New(val.Type())
			p.Elem().Set(val)
			val = p
		}
		f.Set(val)
	}
}
