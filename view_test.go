package conflict_test

import (
	"slices"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// palmyraStory is Palmyra in 2016 as three sources told it: a monthly
// piece that dates the government's return to March, a wire report of the
// day, and a late assessment that gives the loss in December.
func palmyraStory(t *testing.T) *conflict.Conflict {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources: []conflict.Source{
			{ID: "monthly", Published: date("2016-03")},
			{ID: "wire", Published: date("2016-03-27")},
			{ID: "isw", Published: date("2016-12-13")},
			{ID: "undated"},
		},
		Actors:    []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "isis", Name: "ISIS"}},
		Locations: []conflict.Location{{ID: "palmyra", Name: "Palmyra"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "gov", To: "palmyra", Start: date("2016-03"), End: date("2016-12-11"),
				Sources: src("monthly", "isw"), StartSources: src("monthly"), EndSources: src("isw")},
			{Kind: conflict.RelationFights, From: "gov", To: "isis", Sources: src("undated")},
		},
		Events: []conflict.Event{
			{ID: "retaken", Kind: conflict.EventCapture, Date: date("2016-03-27"), Location: "palmyra", Actors: []string{"gov"}, Sources: src("wire")},
		},
	}))
	return &c
}

func TestAsOf(t *testing.T) {
	c := palmyraStory(t)
	holder := func(v conflict.View, at string) string {
		ctl := v.At(on(at)).Controller("palmyra")
		return ctl.Holder + " " + ctl.Certainty.String() + " since " + ctl.Since().String()
	}
	tests := []struct {
		known, at, want string
	}{
		// On 26 March nothing was published yet.
		{"2016-03-26", "2016-04-06", " absent since "},
		// The wire report of the 27th is known that day.
		{"2016-03-27", "2016-04-06", "gov definite since 2016-03-27"},
		// The month-precise piece only once March has passed; it refines
		// the wire's day.
		{"2016-03-31", "2016-03-28", "gov definite since 2016-03-27"},
		{"2016-04-01", "2016-12-12", "gov definite since 2016-03-27"},
		// ISW gives the end.
		{"2016-12-12", "2016-12-12", "gov definite since 2016-03-27"},
		{"2016-12-13", "2016-12-12", " absent since "},
	}
	for _, tt := range tests {
		if got := holder(c.AsOf(on(tt.known)), tt.at); got != tt.want {
			t.Errorf("as of %s, holder on %s: %q, want %q", tt.known, tt.at, got, tt.want)
		}
	}
	// The undated source is in no view, but in the whole record.
	if got := len(c.At(on("2016-04-06")).Enemies("gov")); got != 1 {
		t.Errorf("the whole record's enemies of gov: %d, want 1", got)
	}
	if got := c.AsOf(on("2030-01-01")).At(on("2016-04-06")).Enemies("gov"); got != nil {
		t.Errorf("a view's enemies of gov: %v, want none (only an undated source says so)", got)
	}
	// A claim shows only the sources known by the view's date.
	tie := c.AsOf(on("2016-04-01")).History("palmyra")[0]
	if diff := cmp.Diff([]string{"monthly", "wire"}, tie.Sources()); diff != "" {
		t.Errorf("sources as of 2016-04-01 (-want +got)\n%s", diff)
	}
	var zero conflict.View
	if got := slices.Collect(zero.Ties()); got != nil || zero.At(on("2016-01-01")).Controller("palmyra").Holder != "" {
		t.Errorf("the zero View knows %v", got)
	}
}

func TestLearned(t *testing.T) {
	c := palmyraStory(t)
	type learning struct {
		Known, Claim, Before, After string
	}
	view := func(ls []conflict.Learning) []learning {
		var out []learning
		for _, l := range ls {
			before := ""
			if l.Before.Kind != 0 {
				before = l.Before.String()
			}
			out = append(out, learning{l.Known.String(), l.Claim.Start.String() + "/" + l.Claim.End.String() + " " + l.Claim.Event, before, l.After.String()})
		}
		return out
	}
	tests := []struct {
		from, to string
		want     []learning
	}{
		{"2016-03-01", "2016-03-26", nil},
		{"2016-03-01", "2016-04-05", []learning{
			{"2016-03-27", "2016-03-27/ retaken", "", "gov controls palmyra [2016-03-27, …)"},
			{"2016-04-01", "2016-03/ ", "", "gov controls palmyra [2016-03-27, …)"},
		}},
		{"2016-04-05", "2016-12-31", []learning{
			{"2016-12-13", "/2016-12-11 ", "gov controls palmyra [2016-03-27, …)", "gov controls palmyra [2016-03-27, 2016-12-11)"},
		}},
		{"2016-12-31", "2016-04-05", nil},
	}
	for _, tt := range tests {
		got := view(c.Learned(on(tt.from), on(tt.to)))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Learned(%s, %s) (-want +got)\n%s", tt.from, tt.to, diff)
		}
	}
}

// TestLearnedBoundsApart checks a relation whose start and end become
// known on different days in one range: two claims, each on its day.
func TestLearnedBoundsApart(t *testing.T) {
	c := palmyraStory(t)
	var got []string
	for _, l := range c.Learned(on("2016-01-01"), on("2016-12-31")) {
		got = append(got, l.Known.String()+" "+l.Claim.Start.String()+"/"+l.Claim.End.String()+" "+l.Claim.Event)
	}
	want := []string{"2016-03-27 2016-03-27/ retaken", "2016-04-01 2016-03/ ", "2016-12-13 /2016-12-11 "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Learned (-want +got)\n%s", diff)
	}
}
