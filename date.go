package conflict

import (
	"fmt"
	"strconv"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// Precision is how exactly a [Date] is known: to the year, the month or the
// day. The zero Precision belongs to the zero Date, which means "no date".
type Precision uint8

// The precisions of a [Date], coarsest first. The zero Precision is that
// of the zero Date.
const (
	PrecisionYear Precision = iota + 1
	PrecisionMonth
	PrecisionDay
)

// String returns "year", "month", "day", or "" for the zero Precision.
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return ""
}

// A Date is a calendar date known to the year, the month or the day. It names
// a window of days: "2015" is every day of 2015, "2015-08" every day of August
// 2015, "2015-08-05" one day. Days are UTC days.
//
// The zero Date means "no date": an open start or end of a relation. Dates are
// small comparable values; two Dates are == when they name the same window at
// the same precision. Years run from 1 to 9999.
type Date struct {
	v int32 // first day of the window << 2 | precision
}

// Day returns the day-precise Date for the given day. Out-of-range months and
// days are normalized as [time.Date] does (February 30 becomes March 1 or 2);
// a year outside 1 to 9999 gives the zero Date.
func Day(year int, month time.Month, day int) Date {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return makeDate(t.Year(), t.Month(), t.Day(), PrecisionDay)
}

// Month returns the month-precise Date for the given month, normalized as
// [time.Date] does; a year outside 1 to 9999 gives the zero Date.
func Month(year int, month time.Month) Date {
	t := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return makeDate(t.Year(), t.Month(), 1, PrecisionMonth)
}

// Year returns the year-precise Date for the given year, or the zero Date if
// year is outside 1 to 9999.
func Year(year int) Date {
	return makeDate(year, time.January, 1, PrecisionYear)
}

// DateOf returns the day-precise Date of the UTC day that contains t.
func DateOf(t time.Time) Date {
	t = t.UTC()
	return makeDate(t.Year(), t.Month(), t.Day(), PrecisionDay)
}

func makeDate(year int, month time.Month, day int, p Precision) Date {
	if year < 1 || year > 9999 {
		return Date{}
	}
	return Date{v: int32(days.Date(year, month, day))<<2 | int32(p)}
}

// ParseDate parses a date in one of the forms "2006", "2006-01" or
// "2006-01-02"; the form sets the precision. The empty string gives the zero
// Date and no error. Any other text, or an impossible date such as
// "2015-13" or "2015-02-30", gives an error that wraps [ErrDate].
func ParseDate(s string) (Date, error) {
	d, why := parseDate(s)
	if why != "" {
		return Date{}, fmt.Errorf("%w %q: %s", ErrDate, s, why)
	}
	return d, nil
}

// parseDate is ParseDate, saying what is wrong instead of returning an
// error.
func parseDate(s string) (Date, string) {
	const want = "want YYYY, YYYY-MM or YYYY-MM-DD"
	if s == "" {
		return Date{}, ""
	}
	num := func(part string) (int, bool) {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var year, month, day int
	var p Precision
	var ok bool
	switch {
	case len(s) == 4:
		year, ok = num(s)
		month, day, p = 1, 1, PrecisionYear
	case len(s) == 7 && s[4] == '-':
		year, ok = num(s[:4])
		if ok {
			month, ok = num(s[5:])
		}
		day, p = 1, PrecisionMonth
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		year, ok = num(s[:4])
		if ok {
			month, ok = num(s[5:7])
		}
		if ok {
			day, ok = num(s[8:])
		}
		p = PrecisionDay
	}
	switch {
	case !ok:
		return Date{}, want
	case year < 1:
		return Date{}, "year out of range"
	case month < 1 || month > 12:
		return Date{}, "month out of range"
	case day < 1 || day > days.InMonth(year, time.Month(month)):
		return Date{}, "day out of range"
	}
	return makeDate(year, time.Month(month), day, p), ""
}

// MustParseDate is like [ParseDate] but panics if s is not a date. It is for
// dates written in a program's source, as [regexp.MustCompile] is for
// patterns; never pass it data.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.v == 0 }

// Precision returns how exactly d is known.
func (d Date) Precision() Precision { return Precision(d.v & 3) }

// Year, Month and Day return the first day of d's window: for "2015-08",
// 2015, August, 1. They return 0 for the zero Date.
func (d Date) Year() int {
	y, _, _ := d.civil()
	return y
}

// Month returns the month of the first day of d's window; see [Date.Year].
func (d Date) Month() time.Month {
	_, m, _ := d.civil()
	return m
}

// Day returns the day of the month of the first day of d's window; see
// [Date.Year].
func (d Date) Day() int {
	_, _, dd := d.civil()
	return dd
}

func (d Date) civil() (int, time.Month, int) {
	if d.IsZero() {
		return 0, 0, 0
	}
	return d.first().Date()
}

// Time returns midnight UTC at the start of d's window, or the zero
// [time.Time] for the zero Date.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.first().Time()
}

// Window returns the half-open window [start, end) of instants that d names:
// for "2015-08", 2015-08-01T00:00Z and 2015-09-01T00:00Z. The zero Date has
// the zero window.
func (d Date) Window() (start, end time.Time) {
	if d.IsZero() {
		return time.Time{}, time.Time{}
	}
	return d.Time(), d.next().Time()
}

// Equal reports whether d and e name the same window at the same precision,
// as d == e does. It lets packages that compare with Equal methods, such as
// github.com/google/go-cmp, compare Dates.
func (d Date) Equal(e Date) bool { return d == e }

// Compare returns -1, 0 or +1 as d sorts before, with or after e: by the first
// day of the window, then coarser precision first. The zero Date sorts first.
func (d Date) Compare(e Date) int {
	switch {
	case d.v == e.v:
		return 0
	case d.IsZero():
		return -1
	case e.IsZero():
		return 1
	case d.v < e.v:
		return -1
	}
	return 1
}

// String returns d in the form that gives its precision: "2015",
// "2015-08" or "2015-08-05"; the zero Date gives "".
func (d Date) String() string {
	b, _ := d.MarshalText()
	return string(b)
}

// MarshalText implements [encoding.TextMarshaler]; the text is [Date.String].
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	y, m, dd := d.first().Date()
	b := make([]byte, 0, 10)
	b = appendInt(b, y, 4)
	if d.Precision() >= PrecisionMonth {
		b = append(b, '-')
		b = appendInt(b, int(m), 2)
	}
	if d.Precision() == PrecisionDay {
		b = append(b, '-')
		b = appendInt(b, dd, 2)
	}
	return b, nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate].
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func appendInt(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Day numbers (package days): a Date is a window of days, and the index
// works in days; a query instant is reduced to the day that contains it.

// first returns the first day of d's window.
func (d Date) first() days.Day { return days.Day(d.v >> 2) }

// next returns the first day after d's window.
func (d Date) next() days.Day {
	switch d.Precision() {
	case PrecisionDay:
		return d.first() + 1
	case PrecisionMonth:
		y, m, _ := d.first().Date()
		return d.first() + days.Day(days.InMonth(y, m))
	case PrecisionYear:
		y, _, _ := d.first().Date()
		return days.Date(y+1, time.January, 1)
	}
	return d.first()
}

// earliest and latest bound the day on which a change dated d took effect.
// A day-precise change takes effect at the start of its day; a month- or
// year-precise change at an unknown instant within its window, so it has
// surely taken effect only from the first day after the window.
func (d Date) earliest() days.Day { return d.first() }

func (d Date) latest() days.Day {
	if d.Precision() == PrecisionDay {
		return d.first()
	}
	return d.next()
}

// lastDay returns the last day on which a change dated d may have taken
// effect: the day itself for a day, the last day of the window for a month
// or year.
func (d Date) lastDay() days.Day {
	if d.Precision() == PrecisionDay {
		return d.first()
	}
	return d.next() - 1
}
