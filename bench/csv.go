package bench

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strconv"
	"time"

	"github.com/conflictgraph/conflict"
)

// Columns is the header of the CSV file that [WriteCSV] writes: a tie's
// number, its kind and ends, and for its start and its end the window of
// days in which the change took effect.
//
//   - id: the tie's position in the sequence written, from 0.
//   - kind: the relation kind, as conflict.RelationKind.String spells it.
//   - from_id, to_id: the ends; for symmetric kinds from_id is the smaller.
//   - start_lo, start_hi, start_last: the first day the start may have
//     taken effect, the day by which it surely had (the ends of
//     conflict.Bound.Window), and the last day on which it may have
//     happened (start_hi for a start dated to a day, the day before it for
//     a month or a year). An open start is -infinity in all three.
//   - end_lo, end_hi, end_last: the same for the end; an open end is
//     infinity in all three.
//
// Days are written as YYYY-MM-DD, UTC.
var Columns = []string{"id", "kind", "from_id", "to_id", "start_lo", "start_hi", "start_last", "end_lo", "end_hi", "end_last"}

// WriteCSV writes ties to w as CSV (RFC 4180) with the header [Columns],
// one row per tie, numbered in the order given. It returns the number of
// rows written.
func WriteCSV(w io.Writer, ties iter.Seq[conflict.Tie]) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return 0, err
	}
	n := 0
	row := make([]string, len(Columns))
	for t := range ties {
		row[0] = strconv.Itoa(n)
		row[1] = t.Kind.String()
		row[2], row[3] = t.From, t.To
		setWindow(row[4:7], t.Start, "-infinity")
		setWindow(row[7:10], t.End, "infinity")
		if err := cw.Write(row); err != nil {
			return n, fmt.Errorf("tie %d (%v): %w", n, t, err)
		}
		n++
	}
	cw.Flush()
	return n, cw.Error()
}

// setWindow sets lo, hi and last of b in f, or the open value in all three.
func setWindow(f []string, b conflict.Bound, open string) {
	if b.IsOpen() {
		f[0], f[1], f[2] = open, open, open
		return
	}
	lo, hi, last := window(b)
	f[0], f[1], f[2] = lo.Format(time.DateOnly), hi.Format(time.DateOnly), last.Format(time.DateOnly)
}

// window returns, for a bound that is not open, midnight UTC of the first
// day its change may have taken effect, of the day by which it surely had,
// and of the last day on which it may have happened.
func window(b conflict.Bound) (lo, hi, last time.Time) {
	lo, hi = b.Window()
	d := b.Date
	if b.Disputed() {
		d = b.Last
	}
	if d.Precision() == conflict.PrecisionDay {
		return lo, hi, d.Time()
	}
	_, end := d.Window()
	return lo, hi, end.AddDate(0, 0, -1)
}
