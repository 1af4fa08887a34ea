package csvimport

import (
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/days"
)

// A Day is a calendar day in the module's one day-number system
// (internal/days): a count of days since 1970-01-01 (UTC), earlier days
// negative. Days compare and step as integers: d+1 is the next day.
type Day days.Day

// DayOf returns the first day of d's window: the day of a day-precise
// Date, the first of the month or the year of a coarser one. d must not be
// the zero Date.
func DayOf(d conflict.Date) Day { return Day(days.Date(d.Year(), d.Month(), d.Day())) }

// Date returns d as a day-precise Date.
func (d Day) Date() conflict.Date { return conflict.Day(days.Day(d).Date()) }

// Time returns midnight UTC at the start of d.
func (d Day) Time() time.Time { return days.Day(d).Time() }

// Cover returns the narrowest Date, no finer than min, whose window holds
// every day from lo to hi, and true. When no Date does, because the days
// fall in two or more years, it returns the year of lo if early, else the
// year of hi, and false.
func Cover(lo, hi Day, min conflict.Precision, early bool) (conflict.Date, bool) {
	ay, am, _ := days.Day(lo).Date()
	by, bm, _ := days.Day(hi).Date()
	switch {
	case min >= conflict.PrecisionDay && lo == hi:
		return lo.Date(), true
	case min >= conflict.PrecisionMonth && ay == by && am == bm:
		return conflict.Month(ay, am), true
	case ay == by:
		return conflict.Year(ay), true
	case early:
		return conflict.Year(ay), false
	}
	return conflict.Year(by), false
}
