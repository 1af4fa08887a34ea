package conflict

import (
	"errors"
	"testing"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      string // String of the result
		precision Precision
		err       bool
	}{
		{in: "", want: "", precision: 0},
		{in: "2015", want: "2015", precision: PrecisionYear},
		{in: "2015-08", want: "2015-08", precision: PrecisionMonth},
		{in: "2015-08-05", want: "2015-08-05", precision: PrecisionDay},
		{in: "2016-02-29", want: "2016-02-29", precision: PrecisionDay},
		{in: "2000-02-29", want: "2000-02-29", precision: PrecisionDay},
		{in: "0001-01-01", want: "0001-01-01", precision: PrecisionDay},
		{in: "9999-12-31", want: "9999-12-31", precision: PrecisionDay},
		{in: "1969-12-31", want: "1969-12-31", precision: PrecisionDay},
		{in: "2015-13", err: true},
		{in: "2015-00", err: true},
		{in: "2015-02-30", err: true},
		{in: "2015-02-29", err: true},
		{in: "1900-02-29", err: true},
		{in: "2015-04-31", err: true},
		{in: "2015-12-32", err: true},
		{in: "2015-01-00", err: true},
		{in: "0000", err: true},
		{in: "15", err: true},
		{in: "2015-1", err: true},
		{in: "2015/01", err: true},
		{in: "2015-01-1", err: true},
		{in: "+015", err: true},
		{in: "2015-+1", err: true},
		{in: " 2015", err: true},
		{in: "2015-08-05T00:00:00Z", err: true},
		{in: "２０１５", err: true},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if tt.err {
			if !errors.Is(err, ErrDate) {
				t.Errorf("ParseDate(%q) error = %v, want one wrapping ErrDate", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := d.String(); got != tt.want {
			t.Errorf("ParseDate(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		if d.Precision() != tt.precision {
			t.Errorf("ParseDate(%q).Precision() = %v, want %v", tt.in, d.Precision(), tt.precision)
		}
	}
}

func TestDateWindow(t *testing.T) {
	day := func(s string) time.Time {
		tm, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		d                  Date
		start, end         time.Time
		earliest, latest   time.Time // when a change so dated takes effect
		year               int
		month              time.Month
		dayOfMonth         int
		contains, excludes time.Time
	}{
		{d: Day(2015, time.August, 5), start: day("2015-08-05"), end: day("2015-08-06"), earliest: day("2015-08-05"), latest: day("2015-08-05"),
			year: 2015, month: time.August, dayOfMonth: 5, contains: day("2015-08-05").Add(23 * time.Hour), excludes: day("2015-08-06")},
		{d: Month(2015, time.August), start: day("2015-08-01"), end: day("2015-09-01"), earliest: day("2015-08-01"), latest: day("2015-09-01"),
			year: 2015, month: time.August, dayOfMonth: 1, contains: day("2015-08-31"), excludes: day("2015-09-01")},
		{d: Month(2016, time.February), start: day("2016-02-01"), end: day("2016-03-01"), earliest: day("2016-02-01"), latest: day("2016-03-01"),
			year: 2016, month: time.February, dayOfMonth: 1, contains: day("2016-02-29"), excludes: day("2016-01-31")},
		{d: Year(2015), start: day("2015-01-01"), end: day("2016-01-01"), earliest: day("2015-01-01"), latest: day("2016-01-01"),
			year: 2015, month: time.January, dayOfMonth: 1, contains: day("2015-12-31"), excludes: day("2016-01-01")},
		{d: Day(1960, time.March, 1), start: day("1960-03-01"), end: day("1960-03-02"), earliest: day("1960-03-01"), latest: day("1960-03-01"),
			year: 1960, month: time.March, dayOfMonth: 1, contains: day("1960-03-01"), excludes: day("1960-02-29")},
	}
	for _, tt := range tests {
		s, e := tt.d.Window()
		got := []time.Time{s, e, tt.d.earliest().Time(), tt.d.latest().Time(), tt.d.Time()}
		want := []time.Time{tt.start, tt.end, tt.earliest, tt.latest, tt.start}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v: window, earliest, latest, Time (-want +got)\n%s", tt.d, diff)
		}
		if tt.d.Year() != tt.year || tt.d.Month() != tt.month || tt.d.Day() != tt.dayOfMonth {
			t.Errorf("%v: Year, Month, Day = %d %v %d, want %d %v %d", tt.d, tt.d.Year(), tt.d.Month(), tt.d.Day(), tt.year, tt.month, tt.dayOfMonth)
		}
		in := func(x time.Time) bool { return !x.Before(s) && x.Before(e) }
		if !in(tt.contains) || in(tt.excludes) {
			t.Errorf("%v: window [%v, %v) holds %v: %v, holds %v: %v", tt.d, s, e, tt.contains, in(tt.contains), tt.excludes, in(tt.excludes))
		}
	}
	var zero Date
	if s, e := zero.Window(); !zero.IsZero() || !s.IsZero() || !e.IsZero() || !zero.Time().IsZero() || zero.Year() != 0 {
		t.Error("the zero Date is not empty")
	}
}

func TestDateConstructors(t *testing.T) {
	tests := []struct {
		got  Date
		want string
	}{
		{Day(2015, time.February, 30), "2015-03-02"},
		{Day(2016, time.February, 30), "2016-03-01"},
		{Day(2015, 13, 1), "2016-01-01"},
		{Month(2015, 13), "2016-01"},
		{Day(0, time.January, 1), ""},
		{Day(10000, time.January, 1), ""},
		{Year(0), ""},
		{Year(10000), ""},
		{DateOf(time.Date(2016, 4, 6, 23, 59, 0, 0, time.UTC)), "2016-04-06"},
		{DateOf(time.Date(2016, 4, 6, 23, 30, 0, 0, time.FixedZone("UTC-2", -2*3600))), "2016-04-06"},
		{DateOf(time.Date(2016, 4, 6, 23, 30, 0, 0, time.FixedZone("UTC-2", -2*3600)).UTC()), "2016-04-07"},
		{Interval(Day(2016, 12, 8), Day(2016, 12, 11)), "2016-12-08/2016-12-11"},
		{Interval(Month(2015, 10), Month(2015, 11)), "2015-10-01/2015-11-30"},
		{Interval(Day(2016, 12, 8), Day(2016, 12, 8)), "2016-12-08"},
		{Interval(Day(2016, 12, 8), Day(2016, 12, 7)), ""},
		{Interval(Date{}, Day(2016, 12, 7)), ""},
	}
	for _, tt := range tests {
		if tt.got.String() != tt.want {
			t.Errorf("got %q, want %q", tt.got.String(), tt.want)
		}
	}
}

func TestDateCompare(t *testing.T) {
	ordered := []Date{{}, Day(1900, 1, 1), Year(2015), Month(2015, 1), Day(2015, 1, 1), Day(2015, 1, 2), Month(2015, 2), Year(2016)}
	for i, a := range ordered {
		for j, b := range ordered {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("%q.Compare(%q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestDateText(t *testing.T) {
	for _, s := range []string{"", "2015", "2015-08", "2015-08-05"} {
		var d Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", s, err)
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != s {
			t.Errorf("MarshalText of %q = %q, %v", s, b, err)
		}
	}
	d := Year(2015)
	if err := d.UnmarshalText([]byte("2015-13")); !errors.Is(err, ErrDate) || d != Year(2015) {
		t.Errorf("bad UnmarshalText: err %v, date changed to %v", err, d)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"", "2015", "2015-08", "2015-08-05", "2015-13", "2015-02-30", "0000-00-00", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrDate) {
				t.Fatalf("ParseDate(%q) error %v does not wrap ErrDate", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
	})
}

func TestParseSeasonsAndIntervals(t *testing.T) {
	day := func(s string) days.Day { return MustParseDate(s).first() }
	tests := []struct {
		in          string
		precision   Precision
		first, last string // the window's first and last day
	}{
		{"2015-21", PrecisionSeason, "2015-03-01", "2015-05-31"},
		{"2015-22", PrecisionSeason, "2015-06-01", "2015-08-31"},
		{"2015-23", PrecisionSeason, "2015-09-01", "2015-11-30"},
		{"2015-24", PrecisionSeason, "2015-12-01", "2016-02-29"},
		{"2016-24", PrecisionSeason, "2016-12-01", "2017-02-28"},
		{"2016-12-08/2016-12-11", PrecisionInterval, "2016-12-08", "2016-12-11"},
		{"2016-12-31/2017-01-01", PrecisionInterval, "2016-12-31", "2017-01-01"},
		{"1969-12-30/1970-01-02", PrecisionInterval, "1969-12-30", "1970-01-02"},
		{"0001-01-01/9999-12-31", PrecisionInterval, "0001-01-01", "9999-12-31"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		got := []any{d.String(), d.Precision(), d.first(), d.lastDay(), d.earliest(), d.latest()}
		want := []any{tt.in, tt.precision, day(tt.first), day(tt.last), day(tt.first), day(tt.last) + 1}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: string, precision, first, last, earliest, latest (-want +got)\n%s", tt.in, diff)
		}
		var back Date
		if err := back.UnmarshalText([]byte(d.String())); err != nil || back != d {
			t.Errorf("%s: round trip gives %v, %v", tt.in, back, err)
		}
	}
	for _, bad := range []string{
		"2015-25", "2015-20", "2015-13", "2015-99", "9999-24",
		"2016-12-11/2016-12-08", "2016-12-08/2016-12-08", "2016-12/2016-12-11",
		"2016-12-08/2016-12", "2016-12-08/", "/2016-12-08", "2016-12-08/2016-12-32",
		"2016-12-08/2016-12-09/2016-12-10", "2016-12-08--2016-12-09", "2016-21-01",
	} {
		if _, err := ParseDate(bad); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q) error = %v, want one wrapping ErrDate", bad, err)
		}
	}
}

// TestCombineAcrossForms checks the rule that claims on one change refine
// each other when their windows nest and dispute it when they do not,
// across every form of date.
func TestCombineAcrossForms(t *testing.T) {
	tests := []struct {
		dates []string
		want  string // Bound.String
	}{
		{[]string{"2015-23", "2015-10-15"}, "2015-10-15"},
		{[]string{"2015-23", "2015-10"}, "2015-10"},
		{[]string{"2015", "2015-23", "2015-10-09/2015-10-12", "2015-10-10"}, "2015-10-10"},
		{[]string{"2015-24", "2016-02"}, "2016-02"},
		{[]string{"2015-24", "2016-03"}, "2015-24 or 2016-03"},
		{[]string{"2016-12-08/2016-12-11", "2016-12-11"}, "2016-12-11"},
		{[]string{"2016-12-08/2016-12-11", "2016-12-12"}, "2016-12-08/2016-12-11 or 2016-12-12"},
		{[]string{"2016-12-01/2016-12-03", "2016-12-05/2016-12-07"}, "2016-12-01/2016-12-03 or 2016-12-05/2016-12-07"},
		{[]string{"2016-12-01/2016-12-05", "2016-12-04/2016-12-07"}, "2016-12-01/2016-12-05 or 2016-12-04/2016-12-07"},
		{[]string{"2016-12", "2016-12-08/2016-12-11"}, "2016-12-08/2016-12-11"},
		{[]string{"2016-11-28/2016-12-02", "2016-12"}, "2016-11-28/2016-12-02 or 2016-12"},
	}
	for _, tt := range tests {
		var cs []claim
		for _, s := range tt.dates {
			cs = append(cs, claim{date: MustParseDate(s)})
		}
		if got := combine(cs).String(); got != tt.want {
			t.Errorf("combine(%v) = %q, want %q", tt.dates, got, tt.want)
		}
	}
}

// TestPredates checks the anachronism rule at the edges of both windows: a
// source predates a date only if its whole publication window ends before
// the date's window begins.
func TestPredates(t *testing.T) {
	tests := []struct {
		pub, d string
		want   bool
	}{
		{"2016-04-06", "2016-04-06", false},
		{"2016-04-06", "2016-04-07", true},
		{"2016-04-06", "2016-04", false},
		{"2016-04-06", "2016-05", true},
		{"2016-04", "2016-04-30", false},
		{"2016-04", "2016-05-01", true},
		{"2016-04", "2016-07", true},
		{"2016-04", "2016-22", true},
		{"2016-04", "2016-21", false},
		{"2016-21", "2016-05-31", false},
		{"2016-21", "2016-06-01", true},
		{"2016-04-06", "2016-04-05/2016-04-08", false},
		{"2016-04-06", "2016-04-07/2016-04-08", true},
		{"2016-04-05/2016-04-06", "2016-04-06", false},
		{"2016-04-05/2016-04-06", "2016-04-07", true},
		{"2016", "2016-12-31", false},
		{"2016", "2017", true},
		{"", "2017", false},
		{"2016", "", false},
	}
	for _, tt := range tests {
		pub, d := MustParseDate(tt.pub), MustParseDate(tt.d)
		if got := predates(pub, d); got != tt.want {
			t.Errorf("predates(%q, %q) = %v, want %v", tt.pub, tt.d, got, tt.want)
		}
	}
}

// TestKnownDay checks when a source counts as known: a day-precise one
// from its day, a wider one once its whole window has passed.
func TestKnownDay(t *testing.T) {
	tests := []struct{ pub, want string }{
		{"2016-04-06", "2016-04-06"},
		{"2016-04", "2016-05-01"},
		{"2016-24", "2017-03-01"},
		{"2016", "2017-01-01"},
		{"2016-12-08/2016-12-11", "2016-12-12"},
	}
	for _, tt := range tests {
		if got := knownDay(MustParseDate(tt.pub)); got != MustParseDate(tt.want).first() {
			t.Errorf("knownDay(%q) = %v, want %s", tt.pub, got.Time(), tt.want)
		}
	}
	if knownDay(Date{}) != days.OpenEnd {
		t.Error("an undated source is known")
	}
}
