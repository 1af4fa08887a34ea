package acled

import (
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
	"github.com/conflictgraph/conflict/internal/days"
)

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// parseDay reads a day in one of the forms ACLED's exports use:
// "2016-02-01" (its API), "1 February 2016" or "01 February 2016" (its
// export tool; months may be abbreviated, "01-Feb-2016"), or "01/02/2016"
// (day first, as its codebook gives it). Anything else, or a day that does
// not exist, is not a day.
func parseDay(s string) (csvimport.Day, bool) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		d, err := conflict.ParseDate(s)
		if err != nil {
			return 0, false
		}
		return csvimport.DayOf(d), true
	}
	var parts [3]string
	n := 0
	for i := 0; i < len(s) && n < 3; {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '-' && s[j] != '/' {
			j++
		}
		if j == i || j < len(s) && n == 2 {
			return 0, false
		}
		parts[n] = s[i:j]
		n++
		i = j + 1
	}
	if n != 3 {
		return 0, false
	}
	dd, ok1 := digits(parts[0], 1, 2)
	yy, ok2 := digits(parts[2], 4, 4)
	if !ok1 || !ok2 || yy < 1 {
		return 0, false
	}
	m, ok := digits(parts[1], 1, 2)
	if !ok {
		mm, found := months[strings.ToLower(parts[1])]
		if !found {
			return 0, false
		}
		m = int(mm)
	}
	if m < 1 || m > 12 || dd < 1 {
		return 0, false
	}
	if dd > days.InMonth(yy, time.Month(m)) { // 31 April
		return 0, false
	}
	return csvimport.Day(days.Date(yy, time.Month(m), dd)), true
}

// digits reads a number of lo to hi decimal digits.
func digits(s string, lo, hi int) (int, bool) {
	if len(s) < lo || len(s) > hi {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
