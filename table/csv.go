package table

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"
)

// ListSeparator separates the elements of a list in a CSV cell.
const ListSeparator = ";"

// WriteCSV writes t as CSV (RFC 4180, as encoding/csv writes it, lines
// ending in "\n"): a header row of the column names, then one record per
// row. A null is an empty field; a day is "2006-01-02"; a bool is "true" or
// "false"; a list is its elements joined by ";", an empty list an empty
// field. It returns an error that wraps ErrValue if t does not fit its
// columns (see Table.Check), or ErrSeparator if a list element holds ";",
// before it writes anything.
func WriteCSV(w io.Writer, t Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	records := make([][]string, 0, len(t.Rows)+1)
	header := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		header[j] = c.Name
	}
	records = append(records, header)
	for i, row := range t.Rows {
		rec := make([]string, len(row))
		for j, v := range row {
			s, err := csvField(v)
			if err != nil {
				return fmt.Errorf("table %s, row %d, column %s: %w", t.Name, i+1, t.Columns[j].Name, err)
			}
			rec[j] = s
		}
		records = append(records, rec)
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(records); err != nil {
		return fmt.Errorf("table %s: %w", t.Name, err)
	}
	return nil
}

// csvField returns the CSV field for v, a value that fits its column.
func csvField(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case time.Time:
		return v.Format(time.DateOnly), nil
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	case []string:
		for _, e := range v {
			if strings.Contains(e, ListSeparator) {
				return "", fmt.Errorf("element %q: %w", e, ErrSeparator)
			}
		}
		return strings.Join(v, ListSeparator), nil
	}
	return "", fmt.Errorf("%#v of Go type %T: %w", v, v, ErrValue) // Check let it through
}
