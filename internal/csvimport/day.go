package csvimport

import (
	"time"

	"github.com/conflictgraph/conflict"
)

// A Day is a calendar day, as a count of days since 1970-01-01 (UTC),
// earlier days negative. Days compare and step as integers: d+1 is the
// next day.
type Day int32

// DayOf returns the first day of d's window: the day of a day-precise
// Date, the first of the month or the year of a coarser one. d must not be
// the zero Date.
func DayOf(d conflict.Date) Day { return Day(d.Time().Unix() / 86400) }

// Date returns d as a day-precise Date.
func (d Day) Date() conflict.Date { return conflict.DateOf(d.Time()) }

// Time returns midnight UTC at the start of d.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Cover returns the narrowest Date, no finer than min, whose window holds
// every day from lo to hi, and true. When no Date does, because the days
// fall in two or more years, it returns the year of lo if early, else the
// year of hi, and false.
func Cover(lo, hi Day, min conflict.Precision, early bool) (conflict.Date, bool) {
	a, b := lo.Time(), hi.Time()
	switch {
	case min >= conflict.PrecisionDay && lo == hi:
		return lo.Date(), true
	case min >= conflict.PrecisionMonth && a.Year() == b.Year() && a.Month() == b.Month():
		return conflict.Month(a.Year(), a.Month()), true
	case a.Year() == b.Year():
		return conflict.Year(a.Year()), true
	case early:
		return conflict.Year(a.Year()), false
	}
	return conflict.Year(b.Year()), false
}
