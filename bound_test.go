package conflict

import (
	"testing"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
	"github.com/google/go-cmp/cmp"
)

// TestBoundDays checks the days the index gets for each kind of bound.
func TestBoundDays(t *testing.T) {
	d := func(s string) days.Day { return MustParseDate(s).first() }
	tests := []struct {
		b          Bound
		open       days.Day
		want       timeindex.Bound
		start, end Date // of Window
	}{
		{Bound{}, days.OpenStart, timeindex.Open(days.OpenStart), Date{}, Date{}},
		{Bound{}, days.OpenEnd, timeindex.Open(days.OpenEnd), Date{}, Date{}},
		{Bound{Date: MustParseDate("2016-03-27")}, days.OpenStart,
			timeindex.Bound{First: d("2016-03-27"), Last: d("2016-03-27"), Sure: d("2016-03-27")},
			MustParseDate("2016-03-27"), MustParseDate("2016-03-27")},
		{Bound{Date: MustParseDate("2016-02")}, days.OpenStart,
			timeindex.Bound{First: d("2016-02-01"), Last: d("2016-02-29"), Sure: d("2016-03-01")},
			MustParseDate("2016-02-01"), MustParseDate("2016-03-01")},
		{Bound{Date: MustParseDate("2015")}, days.OpenEnd,
			timeindex.Bound{First: d("2015-01-01"), Last: d("2015-12-31"), Sure: d("2016-01-01")},
			MustParseDate("2015-01-01"), MustParseDate("2016-01-01")},
		{Bound{Date: MustParseDate("2015-10"), Last: MustParseDate("2015-11-10")}, days.OpenEnd,
			timeindex.Bound{First: d("2015-10-01"), Last: d("2015-11-10"), Sure: d("2015-11-10")},
			MustParseDate("2015-10-01"), MustParseDate("2015-11-10")},
		{Bound{Date: MustParseDate("2015-10-20"), Last: MustParseDate("2015-11")}, days.OpenStart,
			timeindex.Bound{First: d("2015-10-20"), Last: d("2015-11-30"), Sure: d("2015-12-01")},
			MustParseDate("2015-10-20"), MustParseDate("2015-12-01")},
	}
	for _, tt := range tests {
		earliest, latest := tt.b.Window()
		got := []any{tt.b.days(tt.open), earliest, latest}
		want := []any{tt.want, tt.start.Time(), tt.end.Time()}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v: days and Window (-want +got):\n%s", tt.b, diff)
		}
	}
}
