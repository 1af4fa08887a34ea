package days

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDateRoundTrip(t *testing.T) {
	for n := Date(1, time.January, 1); n <= Date(9999, time.December, 31); n += 97 {
		y, m, d := n.Date()
		if got := Date(y, m, d); got != n {
			t.Fatalf("Date(Day(%d).Date()) = %d", n, got)
		}
		if want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / SecondsPerDay; int64(n) != want {
			t.Fatalf("day %d is %d-%d-%d, time says day %d", n, y, m, d, want)
		}
		if got := n.Time(); got != time.Date(y, m, d, 0, 0, 0, 0, time.UTC) {
			t.Fatalf("Day(%d).Time() = %v", n, got)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want Day
	}{
		{1970, time.January, 1, 0},
		{1969, time.December, 31, -1},
		{2016, time.March, 27, 16887},
		{2016, time.March, 1, 16861},
		{2016, time.January, 1, 16801},
		{2000, time.February, 29, 11016},
		{1, time.January, 1, -719162},
		{9999, time.December, 31, 2932896},
	}
	for _, tt := range tests {
		if got := Date(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("Date(%d, %v, %d) = %d, want %d", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestInMonth(t *testing.T) {
	for _, y := range []int{1, 1900, 1999, 2000, 2015, 2016, 2100, 9999} {
		for m := time.January; m <= time.December; m++ {
			// time.Date normalizes day 0 of the next month to the last of this one.
			want := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := InMonth(y, m); got != want {
				t.Errorf("InMonth(%d, %v) = %d, want %d", y, m, got, want)
			}
		}
	}
}

func TestOf(t *testing.T) {
	tests := []struct {
		t    time.Time
		want Day
	}{
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(1970, 1, 1, 23, 59, 59, 0, time.UTC), 0},
		{time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), -1},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), -1},
		{time.Date(2016, 3, 27, 1, 0, 0, 0, time.FixedZone("UTC+3", 3*3600)), 16886}, // 2016-03-26T22:00Z
		{time.Time{}, Date(1, time.January, 1)},
		{time.Unix(math.MinInt64/2, 0), OpenStart + 1},
		{time.Unix(math.MaxInt64/2, 0), OpenEnd - 1},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Of(tt.t)); diff != "" {
			t.Errorf("Of(%v) (-want +got):\n%s", tt.t, diff)
		}
	}
}

func TestMidnight(t *testing.T) {
	havana, err := time.LoadLocation("America/Havana")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	damascus, _ := time.LoadLocation("Asia/Damascus")
	tests := []struct {
		loc  *time.Location
		day  string
		want string
	}{
		{nil, "2016-03-13", "2016-03-13T00:00:00Z"},
		// Havana moved its clocks from 00:00 to 01:00 on 13 March 2016:
		// the day began at 01:00 local, 05:00 UTC.
		{havana, "2016-03-13", "2016-03-13T05:00:00Z"},
		{havana, "2016-03-14", "2016-03-14T04:00:00Z"},
		{damascus, "2016-03-27", "2016-03-26T21:00:00Z"},
	}
	for _, tt := range tests {
		d, _ := time.Parse(time.DateOnly, tt.day)
		got := Of(d).Midnight(tt.loc).UTC().Format(time.RFC3339)
		if got != tt.want {
			t.Errorf("Midnight(%s, %v) = %s, want %s", tt.day, tt.loc, got, tt.want)
		}
	}
}
