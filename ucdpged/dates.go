package ucdpged

import (
	"time"

	"github.com/conflictgraph/conflict"
)

// day is a day as a count of days since 1970-01-01.
type day int32

func dayOf(d conflict.Date) day { return day(d.Time().Unix() / 86400) }

func (d day) date() conflict.Date { return conflict.DateOf(d.time()) }

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// parseDay reads a day written "2006-01-02", alone or followed by a time of
// day ("2006-01-02 00:00:00.000", as UCDP's files have it, or
// "2006-01-02T00:00:00Z"), which is ignored.
func parseDay(s string) (day, bool) {
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
	if len(s) != 10 {
		return 0, false
	}
	d, err := conflict.ParseDate(s)
	if err != nil || d.IsZero() {
		return 0, false
	}
	return dayOf(d), true
}

// cover returns the narrowest Date, no finer than min, whose window holds
// every day from lo to hi. When no Date does, because the days fall
// in two years, it returns the year of lo if early, else the year of hi,
// and false.
func cover(lo, hi day, min conflict.Precision, early bool) (conflict.Date, bool) {
	a, b := lo.time(), hi.time()
	switch {
	case min >= conflict.DayPrecision && lo == hi:
		return lo.date(), true
	case min >= conflict.MonthPrecision && a.Year() == b.Year() && a.Month() == b.Month():
		return conflict.Month(a.Year(), a.Month()), true
	case a.Year() == b.Year():
		return conflict.Year(a.Year()), true
	case early:
		return conflict.Year(a.Year()), false
	}
	return conflict.Year(b.Year()), false
}
