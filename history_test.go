package conflict_test

import (
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

func changeLines(cs []conflict.Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return out
}

func TestTimeline(t *testing.T) {
	c := palmyra(t)
	want := []string{
		"2015-05-21 closed gov controls palmyra",
		"2015-05-21 opened isis controls palmyra",
		"2016-03-27 closed isis controls palmyra",
		"2016-03-27 opened gov controls palmyra",
		"2016-12-11 closed gov controls palmyra",
		"2016-12-11 opened isis controls palmyra",
	}
	if diff := cmp.Diff(want, changeLines(c.Timeline("palmyra"))); diff != "" {
		t.Errorf("Timeline(palmyra) (-want +got)\n%s", diff)
	}
	want = []string{
		"2015-05-21 opened isis controls palmyra",
		"2015-10 or 2015-11-10 closed isis besieges kuweires",
		"2016-03-27 closed isis controls palmyra",
		"2016-12-11 opened isis controls palmyra",
	}
	// The siege's start (2013) is a change too.
	want = append([]string{"2013 opened isis besieges kuweires"}, want...)
	if diff := cmp.Diff(want, changeLines(c.Timeline("isis"))); diff != "" {
		t.Errorf("Timeline(isis) (-want +got)\n%s", diff)
	}
	if got := c.Timeline("nobody"); got != nil {
		t.Errorf("Timeline(nobody) = %v", got)
	}
	for _, ch := range c.Timeline("palmyra") {
		if ch.Certainty != definite {
			t.Errorf("%v: Certainty %v, want definite in a timeline", ch, ch.Certainty)
		}
	}
}

func TestChanges(t *testing.T) {
	c := edges(t)
	tests := []struct {
		from, to string
		want     []string
	}{
		{"2015-01-01", "2015-01-02", []string{
			"2015-01-01 opened x supports a", // on one day: by kind, then IDs
			"2015-01-01 opened a fights b",
			"2015 opened y supports c (possibly)",
		}},
		{"2015-01-02", "2015-02-01", []string{ // the end day is not included
			"2015 opened y supports c (possibly)",
		}},
		{"2015-02-01", "2015-02-02", []string{ // by earliest day: the year first
			"2015 opened y supports c (possibly)",
			"2015-02-01 closed x supports a",
		}},
		{"2015-05-31", "2015-06-02", []string{
			"2015 opened y supports c (possibly)",
			"2015-05 opened a allied d (possibly)",
			"2015-06-01 closed a controls p",
			"2015-06-01 opened b controls p",
		}},
		{"2015-08-01", "2015-09-01", []string{ // a whole month: definite
			"2015 opened y supports c (possibly)",
			"2015-08 opened c controls q",
		}},
		{"2015-12-31", "2016-01-03", []string{ // on one earliest day, the narrower window first
			"2015 opened y supports c (possibly)",
			"2016-01-01 opened d part-of a",
			"2016 closed b besieges q (possibly)",
			"2016-01-02 closed d part-of a",
		}},
		{"2016-01-02", "2016-01-01", nil}, // empty range
		{"2020-01-01", "2030-01-01", nil},
	}
	for _, tt := range tests {
		got := changeLines(c.Changes(on(tt.from), on(tt.to)))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Changes(%s, %s) (-want +got)\n%s", tt.from, tt.to, diff)
		}
	}
}
