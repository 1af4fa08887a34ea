package timeindex

import (
	"testing"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/google/go-cmp/cmp"
)

// Bounds as the root makes them: a day-precise date takes effect at the
// start of its day; a month or year at an unknown instant of its window, so
// surely only from the day after; a disputed bound spans its claims.
func day(d days.Day) Bound              { return Bound{d, d, d} }
func window(first, last days.Day) Bound { return Bound{first, last, last + 1} }

var (
	openStart = Open(days.OpenStart)
	openEnd   = Open(days.OpenEnd)
)

func TestWindowAt(t *testing.T) {
	type probe struct {
		q    days.Day
		want Certainty
	}
	tests := []struct {
		name       string
		start, end Bound
		probes     []probe
	}{
		{"windows at both ends", window(10, 19), window(30, 39), []probe{
			{9, Absent}, {10, Possible}, {11, Possible}, // lo
			{19, Possible}, {20, Definite}, {21, Definite}, // sure-lo
			{29, Definite}, {30, Possible}, {31, Possible}, // sure-hi
			{39, Possible}, {40, Absent}, {41, Absent}, // hi
		}},
		{"days at both ends", day(10), day(30), []probe{
			{9, Absent}, {10, Definite}, {11, Definite}, // lo = sure-lo
			{29, Definite}, {30, Absent}, {31, Absent}, // sure-hi = hi
		}},
		{"open start", openStart, window(30, 39), []probe{
			{days.OpenStart + 1, Definite}, {-1_000_000, Definite},
			{29, Definite}, {30, Possible}, {39, Possible}, {40, Absent},
		}},
		{"open end", day(10), openEnd, []probe{
			{9, Absent}, {10, Definite}, {days.OpenEnd - 1, Definite},
		}},
		{"open at both ends", openStart, openEnd, []probe{
			{days.OpenStart + 1, Definite}, {0, Definite}, {days.OpenEnd - 1, Definite},
		}},
		// "2015-10 or 2015-11-10": from the first of the month to the day.
		{"disputed start", Bound{10, 50, 50}, day(100), []probe{
			{9, Absent}, {10, Possible}, {11, Possible},
			{49, Possible}, {50, Definite}, {51, Definite},
			{99, Definite}, {100, Absent}, {101, Absent},
		}},
		// "2016-03-27 or 2016-04": from the day to the end of the month.
		{"disputed end", day(10), Bound{100, 130, 131}, []probe{
			{9, Absent}, {10, Definite},
			{99, Definite}, {100, Possible}, {101, Possible},
			{130, Possible}, {131, Absent}, {132, Absent},
		}},
		{"no sure days: the end may come before the start is sure", window(10, 39), window(30, 49), []probe{
			{9, Absent}, {10, Possible}, {29, Possible}, {30, Possible}, {39, Possible},
			{40, Possible}, {49, Possible}, {50, Absent},
		}},
		{"never holds", day(10), day(10), []probe{
			{9, Absent}, {10, Absent}, {11, Absent},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := Span(tt.start, tt.end)
			var got, want []probe
			for _, p := range tt.probes {
				want = append(want, p)
				got = append(got, probe{p.q, w.At(p.q)})
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(probe{})); diff != "" {
				t.Errorf("%+v.At (-want +got):\n%s", w, diff)
			}
		})
	}
}

func TestBoundWithin(t *testing.T) {
	type probe struct {
		q1, q2 days.Day
		want   Certainty
	}
	tests := []struct {
		name   string
		b      Bound
		probes []probe
	}{
		{"a day", day(20), []probe{
			{19, 20, Absent}, {20, 21, Definite}, {19, 21, Definite}, {21, 30, Absent},
			{10, 20, Absent}, {20, 20, Absent},
		}},
		{"a month", window(10, 39), []probe{
			{10, 40, Definite}, {9, 41, Definite}, // the whole window inside
			{11, 40, Possible}, {10, 39, Possible}, // an edge day outside
			{0, 10, Absent}, {0, 11, Possible}, // before first, at first
			{39, 50, Possible}, {40, 50, Absent}, // at last, after last
			{20, 21, Possible},
		}},
		{"disputed", Bound{10, 50, 50}, []probe{
			{10, 51, Definite}, {10, 50, Possible}, {11, 51, Possible}, {51, 60, Absent}, {0, 10, Absent},
		}},
		{"open start", openStart, []probe{{days.OpenStart, days.OpenEnd, Absent}, {days.OpenStart + 1, 0, Absent}}},
		{"open end", openEnd, []probe{{0, days.OpenEnd, Absent}, {days.OpenStart, days.OpenEnd, Absent}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, want []probe
			for _, p := range tt.probes {
				want = append(want, p)
				got = append(got, probe{p.q1, p.q2, tt.b.Within(p.q1, p.q2)})
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(probe{})); diff != "" {
				t.Errorf("%+v.Within (-want +got):\n%s", tt.b, diff)
			}
		})
	}
}

func TestPeriodBounds(t *testing.T) {
	for _, b := range []struct{ start, end Bound }{
		{day(3), day(9)}, {window(3, 30), window(40, 70)}, {openStart, openEnd},
		{Bound{3, 40, 41}, Bound{50, 60, 60}}, {openStart, day(5)}, {window(3, 30), openEnd},
	} {
		for _, c := range []Class{ClassPositive, ClassHostile, ClassTerritorial} {
			for _, r := range []Role{RoleNone, RoleHolds, RoleBesieges, RoleContests} {
				p := NewPeriod(c, r, b.start, b.end)
				got := []any{p.Class(), p.Role(), p.Start(), p.End(), p.Window()}
				want := []any{c, r, b.start, b.end, Span(b.start, b.end)}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("NewPeriod(%v, %v, %v, %v): class, role, start, end, window (-want +got):\n%s", c, r, b.start, b.end, diff)
				}
			}
		}
	}
}
