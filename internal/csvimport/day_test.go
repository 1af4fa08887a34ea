package csvimport

import (
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

func TestDay(t *testing.T) {
	tests := []struct {
		name string
		date conflict.Date
		want Day
		day  conflict.Date // the Date of the Day
		time time.Time     // the Time of the Day
	}{
		{"epoch", conflict.Day(1970, time.January, 1), 0,
			conflict.Day(1970, time.January, 1), time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"day", conflict.Day(2016, time.March, 27), 16887,
			conflict.Day(2016, time.March, 27), time.Date(2016, time.March, 27, 0, 0, 0, 0, time.UTC)},
		{"before 1970", conflict.Day(1969, time.December, 31), -1,
			conflict.Day(1969, time.December, 31), time.Date(1969, time.December, 31, 0, 0, 0, 0, time.UTC)},
		{"month: its first day", conflict.Month(2016, time.March), 16861,
			conflict.Day(2016, time.March, 1), time.Date(2016, time.March, 1, 0, 0, 0, 0, time.UTC)},
		{"year: its first day", conflict.Year(2016), 16801,
			conflict.Day(2016, time.January, 1), time.Date(2016, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"first year", conflict.Day(1, time.January, 1), -719162,
			conflict.Day(1, time.January, 1), time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"last year", conflict.Day(9999, time.December, 31), 2932896,
			conflict.Day(9999, time.December, 31), time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := DayOf(tc.date)
			if diff := cmp.Diff(tc.want, d); diff != "" {
				t.Errorf("DayOf(%v) (-want +got):\n%s", tc.date, diff)
			}
			if diff := cmp.Diff(tc.day, d.Date()); diff != "" {
				t.Errorf("Date (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.time, d.Time()); diff != "" {
				t.Errorf("Time (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLastDay(t *testing.T) {
	day := func(y int, m time.Month, d int) Day { return DayOf(conflict.Day(y, m, d)) }
	tests := []struct {
		date conflict.Date
		want Day
	}{
		{conflict.Day(2016, 3, 27), day(2016, 3, 27)},
		{conflict.Month(2016, 2), day(2016, 2, 29)},
		{conflict.Month(2015, 12), day(2015, 12, 31)},
		{conflict.Year(2016), day(2016, 12, 31)},
		{conflict.MustParseDate("2016-24"), day(2017, 2, 28)},
		{conflict.MustParseDate("2016-12-08/2016-12-11"), day(2016, 12, 11)},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, LastDay(tc.date)); diff != "" {
			t.Errorf("LastDay(%v) (-want +got):\n%s", tc.date, diff)
		}
	}
}

func TestWindow(t *testing.T) {
	day := func(y int, m time.Month, d int) Day { return DayOf(conflict.Day(y, m, d)) }
	tests := []struct {
		lo, hi Day
		want   string
	}{
		{day(2016, 3, 27), day(2016, 3, 27), "2016-03-27"},
		{day(2016, 3, 27), day(2016, 3, 28), "2016-03-27/2016-03-28"},
		{day(2016, 3, 1), day(2016, 3, 31), "2016-03"},
		{day(2016, 3, 1), day(2016, 3, 30), "2016-03-01/2016-03-30"},
		{day(2016, 3, 2), day(2016, 3, 31), "2016-03-02/2016-03-31"},
		{day(2016, 2, 1), day(2016, 2, 29), "2016-02"},
		{day(2016, 2, 1), day(2016, 3, 31), "2016-02-01/2016-03-31"},
		{day(2016, 1, 1), day(2016, 12, 31), "2016"},
		{day(2016, 1, 1), day(2016, 12, 30), "2016-01-01/2016-12-30"},
		{day(2015, 12, 29), day(2016, 1, 4), "2015-12-29/2016-01-04"},
		{day(2015, 1, 1), day(2016, 12, 31), "2015-01-01/2016-12-31"},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, Window(tc.lo, tc.hi).String()); diff != "" {
			t.Errorf("Window(%v, %v) (-want +got):\n%s", tc.lo.Date(), tc.hi.Date(), diff)
		}
	}
}

// A Change and its Dates name the same days, at every edge; a two-day
// change takes in a day more, before a start and after an end.
func TestChange(t *testing.T) {
	day := func(y int, m time.Month, d int) Day { return DayOf(conflict.Day(y, m, d)) }
	tests := []struct {
		c          Change
		start, end string
	}{
		{Change{day(2016, 3, 27), day(2016, 3, 27)}, "2016-03-27", "2016-03-27"},
		{Change{day(2016, 3, 27), day(2016, 3, 28)}, "2016-03-26/2016-03-27", "2016-03-27/2016-03-28"},
		{Change{day(2016, 3, 1), day(2016, 3, 2)}, "2016-02-29/2016-03-01", "2016-03-01/2016-03-02"},
		{Change{day(2016, 3, 27), day(2016, 3, 29)}, "2016-03-27/2016-03-28", "2016-03-27/2016-03-28"},
		{Change{day(2016, 3, 1), day(2016, 4, 1)}, "2016-03", "2016-03"},
		{Change{day(2016, 1, 1), day(2017, 1, 1)}, "2016", "2016"},
		{Change{day(2016, 12, 31), day(2017, 1, 2)}, "2016-12-31/2017-01-01", "2016-12-31/2017-01-01"},
	}
	for _, tc := range tests {
		for _, b := range []struct {
			name string
			d    conflict.Date
			want string
		}{{"StartDate", tc.c.StartDate(), tc.start}, {"EndDate", tc.c.EndDate(), tc.end}} {
			if diff := cmp.Diff(b.want, b.d.String()); diff != "" {
				t.Errorf("%+v.%s() (-want +got):\n%s", tc.c, b.name, diff)
			}
			// The Date names the change's days, and at most one more.
			got := ChangeOf(b.d)
			if got.Lo > tc.c.Lo || got.Hi < tc.c.Hi || (got.Hi-got.Lo)-(tc.c.Hi-tc.c.Lo) > 1 {
				t.Errorf("%s of %+v is %v, which names %+v", b.name, tc.c, b.d, got)
			}
		}
	}
	a, b := Change{day(2016, 1, 1), day(2017, 1, 1)}, Change{day(2016, 4, 23), day(2016, 4, 23)}
	if diff := cmp.Diff(Change{day(2016, 1, 1), day(2016, 4, 23)}, a.Earlier(b)); diff != "" {
		t.Errorf("Earlier (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Change{day(2016, 4, 23), day(2017, 1, 1)}, a.Later(b)); diff != "" {
		t.Errorf("Later (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Change{day(2016, 3, 1), day(2016, 4, 1)}, ChangeOf(conflict.Month(2016, 3))); diff != "" {
		t.Errorf("ChangeOf(2016-03) (-want +got):\n%s", diff)
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for not a day
	}{
		{"2016-02-01", "2016-02-01"},
		{"2016-02-01 00:00:00.000", "2016-02-01"},
		{"2016-02-01T00:00:00Z", "2016-02-01"},
		{"2016-02-01T00:00:00+02:00", "2016-02-01"},
		{"2016-02-01 noon", ""},
		{"2016-02-01x", ""},
		{"2016-02-30", ""},
		{"2016-02", ""},
		{"2016-23-01", ""},
		{"0000-01-01", ""},
		{"2016/02/01", ""},
		{"", ""},
	}
	for _, tc := range tests {
		d, ok := ParseDay(tc.in)
		got := ""
		if ok {
			got = d.Date().String()
		}
		if got != tc.want {
			t.Errorf("ParseDay(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKnowable(t *testing.T) {
	day := func(y int, m time.Month, d int) Day { return DayOf(conflict.Day(y, m, d)) }
	tests := []struct {
		pub  conflict.Date
		d    Day
		want bool
	}{
		{conflict.Date{}, day(9998, 1, 1), true},
		{conflict.Day(2016, 5, 1), day(2016, 5, 1), true},
		{conflict.Day(2016, 5, 1), day(2016, 5, 2), false},
		{conflict.Month(2016, 5), day(2016, 5, 31), true},
		{conflict.Month(2016, 5), day(2016, 6, 1), false},
		{conflict.Year(2016), day(2016, 12, 31), true},
		{conflict.Year(2016), day(2017, 1, 1), false},
	}
	for _, tc := range tests {
		if got := Knowable(tc.pub, tc.d); got != tc.want {
			t.Errorf("Knowable(%v, %v) = %v, want %v", tc.pub, tc.d.Date(), got, tc.want)
		}
	}
}
