package ucdpged

import (
	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvimport"
)

// parseDay reads a day written "2006-01-02", alone or followed by a time of
// day ("2006-01-02 00:00:00.000", as UCDP's files have it, or
// "2006-01-02T00:00:00Z"), which is ignored.
func parseDay(s string) (csvimport.Day, bool) {
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
	return csvimport.DayOf(d), true
}
