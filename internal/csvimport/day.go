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

// LastDay returns the last day of d's window. d must not be the zero Date.
func LastDay(d conflict.Date) Day {
	if d.Precision() == conflict.PrecisionDay {
		return DayOf(d)
	}
	_, next := conflict.Bound{Date: d}.Window()
	return Day(days.Of(next)) - 1
}

// YearDays returns the first and last days of the year y.
func YearDays(y int) (first, last Day) {
	return Day(days.Date(y, time.January, 1)), Day(days.Date(y, time.December, 31))
}

// Date returns d as a day-precise Date.
func (d Day) Date() conflict.Date { return conflict.Day(days.Day(d).Date()) }

// Time returns midnight UTC at the start of d.
func (d Day) Time() time.Time { return days.Day(d).Time() }

// Year returns the year d falls in.
func (d Day) Year() int {
	y, _, _ := days.Day(d).Date()
	return y
}

// Window returns the Date of one day somewhere from lo to hi, lo <= hi, in
// the plainest form that names exactly those days: the day when they are
// one, the month or the year when they are all of one, else the interval
// of days ("2016-12-08/2016-12-11").
func Window(lo, hi Day) conflict.Date {
	if lo == hi {
		return lo.Date()
	}
	ly, lm, ld := days.Day(lo).Date()
	hy, hm, hd := days.Day(hi).Date()
	switch {
	case ly == hy && lm == time.January && ld == 1 && hm == time.December && hd == 31:
		return conflict.Year(ly)
	case ly == hy && lm == hm && ld == 1 && hd == days.InMonth(hy, hm):
		return conflict.Month(ly, lm)
	}
	return conflict.Interval(lo.Date(), hi.Date())
}

// A Change is the days on which a change may have taken effect, at the
// start of the day: the start or end of a relation. Lo and Hi are the
// first and last of them, Lo <= Hi.
//
// A Date names a change as package conflict reads it: a day-precise Date,
// the start of that day; any other, an instant within its window, so the
// start of one of its days or of the day after it.
type Change struct{ Lo, Hi Day }

// ChangeOf returns the days on which a change dated d may have taken
// effect. d must not be the zero Date.
func ChangeOf(d conflict.Date) Change {
	if d.Precision() == conflict.PrecisionDay {
		return Change{DayOf(d), DayOf(d)}
	}
	return Change{DayOf(d), LastDay(d) + 1}
}

// StartDate returns the Date of a relation's start that took effect on
// one of c's days: exact, unless c is two days, which no Date names; then
// it takes in the day before too, so that the relation is never said to
// hold more surely than it does.
func (c Change) StartDate() conflict.Date {
	switch {
	case c.Lo == c.Hi:
		return c.Lo.Date()
	case c.Hi == c.Lo+1:
		return Window(c.Lo-1, c.Lo)
	}
	return Window(c.Lo, c.Hi-1)
}

// EndDate returns the Date of a relation's end that took effect on one of
// c's days: exact, unless c is two days; then it takes in the day after
// too.
func (c Change) EndDate() conflict.Date {
	switch {
	case c.Lo == c.Hi:
		return c.Lo.Date()
	case c.Hi == c.Lo+1:
		return Window(c.Lo, c.Hi)
	}
	return Window(c.Lo, c.Hi-1)
}

// Earlier returns the change that took effect first of c and d, when
// each may have taken effect on any of its days.
func (c Change) Earlier(d Change) Change { return Change{min(c.Lo, d.Lo), min(c.Hi, d.Hi)} }

// Later returns the change that took effect last of c and d.
func (c Change) Later(d Change) Change { return Change{max(c.Lo, d.Lo), max(c.Hi, d.Hi)} }

// ParseDay reads a day written "2006-01-02", alone or followed by a time of
// day, which is ignored ("2006-01-02 00:00:00.000", as UCDP's files have
// it, or "2006-01-02T00:00:00Z"), in the years 1 to 9999.
func ParseDay(s string) (Day, bool) {
	if len(s) > 10 {
		if s[10] != ' ' && s[10] != 'T' {
			return 0, false
		}
		for i := 11; i < len(s); i++ {
			if c := s[i]; (c < '0' || c > '9') && c != ':' && c != '.' && c != 'Z' && c != '+' && c != '-' {
				return 0, false
			}
		}
		s = s[:10]
	}
	if len(s) != 10 || s[4] != '-' {
		return 0, false
	}
	d, err := conflict.ParseDate(s)
	if err != nil || d.Precision() != conflict.PrecisionDay {
		return 0, false
	}
	return DayOf(d), true
}

// Knowable reports whether a source published on pub could know of day d:
// whether d is not after the last day of pub's window. A source without a
// publication date (the zero pub) could know of every day.
func Knowable(pub conflict.Date, d Day) bool {
	return pub.IsZero() || d <= LastDay(pub)
}
