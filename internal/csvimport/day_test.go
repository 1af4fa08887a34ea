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

func TestCover(t *testing.T) {
	day := func(y int, m time.Month, d int) Day { return DayOf(conflict.Day(y, m, d)) }
	type result struct {
		Date  conflict.Date
		Exact bool
	}
	tests := []struct {
		name   string
		lo, hi Day
		min    conflict.Precision
		early  bool
		want   result
	}{
		{"one day", day(2016, 3, 27), day(2016, 3, 27), conflict.PrecisionDay, true,
			result{conflict.Day(2016, 3, 27), true}},
		{"one day, no finer than a month", day(2016, 3, 27), day(2016, 3, 27), conflict.PrecisionMonth, true,
			result{conflict.Month(2016, 3), true}},
		{"one day, no finer than a year", day(2016, 3, 27), day(2016, 3, 27), conflict.PrecisionYear, true,
			result{conflict.Year(2016), true}},
		{"days of one month", day(2016, 3, 1), day(2016, 3, 31), conflict.PrecisionDay, true,
			result{conflict.Month(2016, 3), true}},
		{"days of one month, no finer than a year", day(2016, 3, 1), day(2016, 3, 31), conflict.PrecisionYear, false,
			result{conflict.Year(2016), true}},
		{"days of two months", day(2016, 2, 28), day(2016, 3, 2), conflict.PrecisionDay, true,
			result{conflict.Year(2016), true}},
		{"days of one year", day(2016, 1, 1), day(2016, 12, 31), conflict.PrecisionMonth, false,
			result{conflict.Year(2016), true}},
		{"two years, early", day(2015, 12, 30), day(2016, 1, 2), conflict.PrecisionDay, true,
			result{conflict.Year(2015), false}},
		{"two years, late", day(2015, 12, 30), day(2016, 1, 2), conflict.PrecisionDay, false,
			result{conflict.Year(2016), false}},
		{"three years, early", day(2014, 6, 1), day(2016, 6, 1), conflict.PrecisionYear, true,
			result{conflict.Year(2014), false}},
		{"before 1970", day(1969, 12, 31), day(1969, 12, 31), conflict.PrecisionDay, true,
			result{conflict.Day(1969, 12, 31), true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got result
			got.Date, got.Exact = Cover(tc.lo, tc.hi, tc.min, tc.early)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Cover (-want +got):\n%s", diff)
			}
		})
	}
}
