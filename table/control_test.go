package table_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/table"
	"github.com/google/go-cmp/cmp"
)

// generated returns a synthetic record of n relations, some changes of
// holder told as capture events.
func generated(t testing.TB, n int) *conflict.Conflict {
	t.Helper()
	cfg := synth.Default(n)
	cfg.Seed = 7
	cfg.Years = 4
	cfg.Captures = 0.3
	return testutil.Conflict(t, synth.Generate(cfg))
}

// TestControlOverEveryDay checks ControlOver against the slow and obvious
// answer: for every day of the range, the run that covers a place on that
// day gives what ControlAt gives that day; the runs of a place follow one
// another without gap or overlap from the first day of the range to its
// last; and two runs that follow one another give different answers.
func TestControlOverEveryDay(t *testing.T) {
	tests := []struct {
		name     string
		c        *conflict.Conflict
		from, to string
	}{
		{"small", testutil.Load(t, smallFile), "2015-07-01", "2016-07-01"},
		{"small, from a day inside a window", testutil.Load(t, smallFile), "2015-10-17", "2015-11-11"},
		{"small, one day", testutil.Load(t, smallFile), "2015-11-10", "2015-11-11"},
		{"syria", testutil.Syria(t), "2015-01-01", "2017-01-01"},
		{"synth", generated(t, 300), "2009-12-01", "2014-02-01"},
	}
	if testing.Short() {
		tests = tests[:3]
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to := day(tt.c, tt.from), day(tt.c, tt.to)
			over := table.ControlOver(tt.c, from, to)
			runs := map[string][]table.Row{}
			for _, row := range over.Rows {
				runs[row[0].(string)] = append(runs[row[0].(string)], row)
			}
			for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
				utc := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
				for _, want := range table.ControlAt(tt.c, d).Rows {
					place := want[0].(string)
					got := covering(runs[place], utc)
					if got == nil {
						t.Fatalf("%s on %s: no run covers the day", place, utc.Format(time.DateOnly))
					}
					got = append(table.Row{}, got...)
					got[2], got[3] = utc, utc
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("%s on %s (-ControlAt +ControlOver):\n%s", place, utc.Format(time.DateOnly), diff)
					}
				}
			}
			first := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
			last := time.Date(to.Year(), to.Month(), to.Day()-1, 0, 0, 0, 0, time.UTC)
			for place, rs := range runs {
				if !rs[0][2].(time.Time).Equal(first) || !rs[len(rs)-1][3].(time.Time).Equal(last) {
					t.Errorf("%s: runs from %v to %v, want %v to %v", place, rs[0][2], rs[len(rs)-1][3], first, last)
				}
				for i := 1; i < len(rs); i++ {
					if !rs[i][2].(time.Time).Equal(rs[i-1][3].(time.Time).AddDate(0, 0, 1)) {
						t.Errorf("%s: run %d ends %v, run %d starts %v", place, i, rs[i-1][3], i+1, rs[i][2])
					}
					a, b := append(table.Row{}, rs[i-1]...), append(table.Row{}, rs[i]...)
					a[2], a[3], b[2], b[3] = nil, nil, nil, nil
					if cmp.Equal(a, b) {
						t.Errorf("%s: runs %d and %d give the same answer: %v", place, i, i+1, a)
					}
				}
			}
		})
	}
}

// covering returns the run that covers day d, or nil.
func covering(runs []table.Row, d time.Time) table.Row {
	for _, r := range runs {
		if !d.Before(r[2].(time.Time)) && !d.After(r[3].(time.Time)) {
			return r
		}
	}
	return nil
}

// TestControlOverEmpty checks that a range of no days gives no rows, and
// that the day of from and of to are taken in from's location.
func TestControlOverEmpty(t *testing.T) {
	c := testutil.Load(t, smallFile)
	for _, r := range [][2]time.Time{
		{day(c, "2016-01-01"), day(c, "2016-01-01")},
		{day(c, "2016-01-02"), day(c, "2016-01-01")},
		{day(c, "2016-01-01"), day(c, "2016-01-01").Add(23 * time.Hour)},
	} {
		if got := table.ControlOver(c, r[0], r[1]); len(got.Rows) != 0 {
			t.Errorf("ControlOver(%v, %v) has %d rows, want none", r[0], r[1], len(got.Rows))
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		name        string
		c           *conflict.Conflict
		first, last string
	}{
		// The fights tie starts in 2015-08-05/2015-08-09; the siege ends in 2016.
		{"small", testutil.Load(t, smallFile), "2015-08-05", "2017-01-01"},
		{"undated", testutil.Conflict(t, conflict.Dataset{
			Sources:   []conflict.Source{{ID: "s"}},
			Actors:    []conflict.Actor{{ID: "a", Name: "A"}},
			Locations: []conflict.Location{{ID: "p", Name: "P"}},
			Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "a", To: "p", Sources: []string{"s"}}},
		}), "", ""},
	}
	for _, tt := range tests {
		first, last := table.Span(tt.c)
		if got, want := fmt.Sprint(first, " ", last), tt.first+" "+tt.last; got != want {
			t.Errorf("%s: Span = %s, want %s", tt.name, got, want)
		}
	}
}
