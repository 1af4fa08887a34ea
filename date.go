package conflict

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// Precision is the form in which a [Date] is known: a year, a season, a
// month, a day, or an interval of days. The zero Precision belongs to the
// zero Date, which means "no date".
type Precision uint8

// The precisions of a [Date]: the calendar units coarsest first, then
// intervals of days, whose width varies.
const (
	PrecisionYear     Precision = iota + 1 // "2015": every day of 2015
	PrecisionSeason                        // "2015-23": a season of 2015 (see [ParseDate])
	PrecisionMonth                         // "2015-08"
	PrecisionDay                           // "2015-08-05"
	PrecisionInterval                      // "2016-12-08/2016-12-11": one day somewhere from the first to the last
)

var precisionWords = []string{"", "year", "season", "month", "day", "interval"}

// String returns "year", "season", "month", "day", "interval", or "" for
// the zero Precision.
func (p Precision) String() string {
	return enumString(precisionWords, uint8(p))
}

// A Date is a date as a source gives it: a year, a season, a month, a day,
// or an interval of days within which one day fell. It names a window of
// days: "2015" is every day of 2015, "2015-08" every day of August 2015,
// "2015-08-05" one day, "2016-12-08/2016-12-11" the four days from 8 to 11
// December 2016. Days are calendar days of the conflict's time zone (UTC
// unless the dataset names another: see [Dataset]).
//
// The zero Date means "no date": an open start or end of a relation. Dates are
// small comparable values; two Dates are == when they name the same window in
// the same form. Years run from 1 to 9999.
type Date struct {
	v int64 // first day << 32 | days in the window << 4 | precision
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

// Interval returns the Date of one day somewhere from the first day of
// from's window to the last day of to's: Interval(Day(2016, 12, 8),
// Day(2016, 12, 11)) is "2016-12-08/2016-12-11". When the window is a
// single day it returns that day's day-precise Date. It returns the zero
// Date if either Date is zero or to's window ends before from's begins.
func Interval(from, to Date) Date {
	if from.IsZero() || to.IsZero() {
		return Date{}
	}
	first, next := from.first(), to.next()
	switch {
	case next <= first:
		return Date{}
	case next-first == 1:
		return Date{v: pack(first, 1, PrecisionDay)}
	}
	return Date{v: pack(first, next-first, PrecisionInterval)}
}

// DateOf returns the day-precise Date of the day that contains t in t's
// location: DateOf(t.In(loc)) is the day in loc. [Conflict.At] maps an
// instant to the conflict's time zone itself.
func DateOf(t time.Time) Date {
	return makeDate(t.Year(), t.Month(), t.Day(), PrecisionDay)
}

// pack packs a window of n days from first, in form p, into a Date's value.
func pack(first days.Day, n days.Day, p Precision) int64 {
	return int64(first)<<32 | int64(n)<<4 | int64(p)
}

// makeDate returns the Date in form p (a calendar unit, not an interval)
// that starts on the given day.
func makeDate(year int, month time.Month, day int, p Precision) Date {
	if year < 1 || year > 9999 {
		return Date{}
	}
	first := days.Date(year, month, day)
	var next days.Day
	switch p {
	case PrecisionDay:
		next = first + 1
	case PrecisionMonth:
		next = first + days.Day(days.InMonth(year, month))
	case PrecisionSeason:
		m := month + 3
		y := year
		if m > 12 {
			m, y = m-12, y+1
		}
		next = days.Date(y, m, 1)
	default:
		next = days.Date(year+1, time.January, 1)
	}
	return Date{v: pack(first, next-first, p)}
}

// seasonStart is the first month of each season code's window, on the
// northern hemisphere's meteorological seasons.
var seasonStart = map[int]time.Month{21: time.March, 22: time.June, 23: time.September, 24: time.December}

// ParseDate parses a date in one of the forms
//
//	2006                    a year
//	2006-21 … 2006-24       a season: spring (March–May), summer (June–August),
//	                        autumn (September–November), winter (December to
//	                        the end of the next February)
//	2006-01                 a month
//	2006-01-02              a day
//	2006-01-02/2006-01-05   an interval of days: one day from the first to the
//	                        last, both included
//
// (the seasons and intervals are those of ISO 8601-2 and the Extended
// Date/Time Format, EDTF); the form sets the precision. The empty string
// gives the zero Date and no error. Any other text, an impossible date such
// as "2015-13" or "2015-02-30", a season code outside 21–24, or an interval
// whose last day is not after its first gives an error that wraps
// [ErrDate].
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
	if s == "" {
		return Date{}, ""
	}
	if a, b, ok := strings.Cut(s, "/"); ok {
		from, why := parseUnit(a)
		if why == "" {
			var to Date
			if to, why = parseUnit(b); why == "" {
				switch {
				case from.Precision() != PrecisionDay || to.Precision() != PrecisionDay:
					why = "an interval is two days, YYYY-MM-DD/YYYY-MM-DD"
				case to.first() < from.first():
					why = "the interval's last day is before its first"
				case to.first() == from.first():
					why = "an interval of one day: write the day"
				default:
					return Interval(from, to), ""
				}
			}
		}
		return Date{}, why
	}
	return parseUnit(s)
}

// parseUnit parses a year, season, month or day.
func parseUnit(s string) (Date, string) {
	const want = "want YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21…24 or days DAY/DAY"
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
	if ok && p == PrecisionMonth && month > 20 {
		if month > 24 {
			return Date{}, "season code outside 21–24"
		}
		if year == 9999 && month == 24 {
			return Date{}, "the winter of 9999 runs past the last year"
		}
		p, month = PrecisionSeason, int(seasonStart[month])
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

// Precision returns the form in which d is known.
func (d Date) Precision() Precision { return Precision(d.v & 15) }

// Year, Month and Day return the first day of d's window: for "2015-08",
// 2015, August, 1; for the season "2015-24", 2015, December, 1. They return
// 0 for the zero Date.
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
// [time.Time] for the zero Date. For the start of the window in the
// conflict's time zone, use time.Date(d.Year(), d.Month(), d.Day(), 0, 0,
// 0, 0, c.Zone()) (see [Conflict.Zone]).
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.first().Time()
}

// Window returns the half-open window [start, end) of d's days as instants
// at midnight UTC: for "2015-08", 2015-08-01T00:00Z and 2015-09-01T00:00Z.
// The zero Date has the zero window.
func (d Date) Window() (start, end time.Time) {
	if d.IsZero() {
		return time.Time{}, time.Time{}
	}
	return d.Time(), d.next().Time()
}

// Equal reports whether d and e name the same window in the same form, as
// d == e does. It lets packages that compare with Equal methods, such as
// github.com/google/go-cmp, compare Dates.
func (d Date) Equal(e Date) bool { return d == e }

// Compare returns -1, 0 or +1 as d sorts before, with or after e: by the
// first day of the window, then the wider window first, then by form in the
// order of [Precision]. The zero Date sorts first.
func (d Date) Compare(e Date) int {
	switch {
	case d.v == e.v:
		return 0
	case d.IsZero():
		return -1
	case e.IsZero():
		return 1
	}
	return cmp.Or(cmp.Compare(d.first(), e.first()), cmp.Compare(e.width(), d.width()), cmp.Compare(d.Precision(), e.Precision()))
}

// String returns d in the form that gives its precision: "2015", "2015-23",
// "2015-08", "2015-08-05" or "2016-12-08/2016-12-11"; the zero Date gives
// "".
func (d Date) String() string {
	b, _ := d.MarshalText()
	return string(b)
}

// MarshalText implements [encoding.TextMarshaler]; the text is [Date.String].
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendText(make([]byte, 0, 21)), nil
}

func (d Date) appendText(b []byte) []byte {
	y, m, dd := d.first().Date()
	b = appendInt(b, y, 4)
	switch d.Precision() {
	case PrecisionSeason:
		b = append(b, '-')
		b = appendInt(b, 21+(int(m)-3)/3, 2)
	case PrecisionMonth:
		b = append(b, '-')
		b = appendInt(b, int(m), 2)
	case PrecisionDay, PrecisionInterval:
		b = append(b, '-')
		b = appendInt(b, int(m), 2)
		b = append(b, '-')
		b = appendInt(b, dd, 2)
		if d.Precision() == PrecisionInterval {
			b = append(b, '/')
			b = Date{v: pack(d.next()-1, 1, PrecisionDay)}.appendText(b)
		}
	}
	return b
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
func (d Date) first() days.Day { return days.Day(d.v >> 32) }

// width returns the number of days in d's window.
func (d Date) width() days.Day { return days.Day(uint32(d.v) >> 4) }

// next returns the first day after d's window.
func (d Date) next() days.Day { return d.first() + d.width() }

// earliest and latest bound the day on which a change dated d took effect.
// A day-precise change takes effect at the start of its day; a change dated
// to a wider window at an unknown instant within it, so it has surely taken
// effect only from the first day after the window.
func (d Date) earliest() days.Day { return d.first() }

func (d Date) latest() days.Day {
	if d.width() == 1 {
		return d.first()
	}
	return d.next()
}

// lastDay returns the last day on which a change dated d may have taken
// effect: the last day of its window.
func (d Date) lastDay() days.Day { return d.next() - 1 }

// dayDate returns the day-precise Date of day q.
func dayDate(q days.Day) Date { return Date{v: pack(q, 1, PrecisionDay)} }
