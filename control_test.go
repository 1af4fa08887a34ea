package conflict_test

import (
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestController(t *testing.T) {
	c := edges(t)
	ignoreTie := cmpopts.IgnoreFields(conflict.Control{}, "Tie")
	tests := []struct {
		name  string
		loc   string
		at    string
		want  conflict.Control
		since string
	}{
		{name: "before any claim", loc: "p", at: "2015-03-09",
			want: conflict.Control{Location: "p"}},
		{name: "at start", loc: "p", at: "2015-03-10",
			want: conflict.Control{Location: "p", State: conflict.ControlHeld, Holder: "a", Certainty: definite}, since: "2015-03-10"},
		{name: "last day before end", loc: "p", at: "2015-05-31",
			want: conflict.Control{Location: "p", State: conflict.ControlHeld, Holder: "a", Certainty: definite}, since: "2015-03-10"},
		{name: "at end the next holder", loc: "p", at: "2015-06-01",
			want: conflict.Control{Location: "p", State: conflict.ControlHeld, Holder: "b", Certainty: definite}, since: "2015-06-01"},
		{name: "open end holds forever", loc: "p", at: "9999-12-31",
			want: conflict.Control{Location: "p", State: conflict.ControlHeld, Holder: "b", Certainty: definite}, since: "2015-06-01"},
		{name: "before a month-precise start", loc: "q", at: "2015-07-31",
			want: conflict.Control{Location: "q"}},
		{name: "first day of the month", loc: "q", at: "2015-08-01",
			want: conflict.Control{Location: "q", State: conflict.ControlHeld, Holder: "c", Certainty: possible}, since: "2015-08"},
		{name: "last day of the month", loc: "q", at: "2015-08-31",
			want: conflict.Control{Location: "q", State: conflict.ControlHeld, Holder: "c", Certainty: possible}, since: "2015-08"},
		{name: "after the month", loc: "q", at: "2015-09-01",
			want: conflict.Control{Location: "q", State: conflict.ControlHeld, Holder: "c", Certainty: definite}, since: "2015-08"},
		{name: "siege starts", loc: "q", at: "2015-09-15",
			want: conflict.Control{Location: "q", State: conflict.ControlBesieged, Holder: "c", Certainty: definite, Besiegers: []string{"b"}, Besieged: definite}, since: "2015-08"},
		{name: "siege in its last sure day", loc: "q", at: "2015-12-31",
			want: conflict.Control{Location: "q", State: conflict.ControlBesieged, Holder: "c", Certainty: definite, Besiegers: []string{"b"}, Besieged: definite}, since: "2015-08"},
		{name: "siege ends some time in 2016", loc: "q", at: "2016-01-01",
			want: conflict.Control{Location: "q", State: conflict.ControlBesieged, Holder: "c", Certainty: definite, Besiegers: []string{"b"}, Besieged: possible}, since: "2015-08"},
		{name: "last day of the end year", loc: "q", at: "2016-12-31",
			want: conflict.Control{Location: "q", State: conflict.ControlBesieged, Holder: "c", Certainty: definite, Besiegers: []string{"b"}, Besieged: possible}, since: "2015-08"},
		{name: "after the end year", loc: "q", at: "2017-01-01",
			want: conflict.Control{Location: "q", State: conflict.ControlHeld, Holder: "c", Certainty: definite}, since: "2015-08"},
		{name: "region rolls up: one holder, at most possibly", loc: "r", at: "2015-04-01",
			want: conflict.Control{Location: "r", State: conflict.ControlHeld, Holder: "a", Certainty: possible, RolledUp: true}},
		{name: "region rolls up: several holders", loc: "r", at: "2015-10-01",
			want: conflict.Control{Location: "r", State: conflict.ControlHeld, Certainty: possible, Claimants: []string{"b", "c"}, RolledUp: true}},
		{name: "region rolls up the least sure", loc: "r", at: "2015-08-15",
			want: conflict.Control{Location: "r", State: conflict.ControlHeld, Certainty: possible, Claimants: []string{"b", "c"}, RolledUp: true}},
		{name: "not a location", loc: "a", at: "2015-08-15", want: conflict.Control{Location: "a"}},
		{name: "unknown ID", loc: "nowhere", at: "2015-08-15", want: conflict.Control{Location: "nowhere"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.At(on(tt.at)).Controller(tt.loc)
			if diff := cmp.Diff(tt.want, got, ignoreTie); diff != "" {
				t.Errorf("Controller(%q) at %s (-want +got)\n%s", tt.loc, tt.at, diff)
			}
			if s := got.Since().String(); s != tt.since {
				t.Errorf("Since = %q, want %q", s, tt.since)
			}
			if got.Holder != "" && !got.RolledUp && (got.Tie.From != got.Holder || got.Tie.To != tt.loc || got.Tie.Kind != conflict.RelationControls) {
				t.Errorf("Tie = %v, want the holder's controls tie", got.Tie)
			}
		})
	}
}

func TestHoldings(t *testing.T) {
	c := edges(t)
	tests := []struct {
		party, at string
		want      []string
	}{
		{"a", "2015-03-09", nil},
		{"a", "2015-03-10", []string{"p"}},
		{"a", "2015-06-01", nil},
		{"b", "2015-06-01", []string{"p"}},
		{"c", "2015-07-31", nil},
		{"c", "2015-08-01", []string{"q"}},
		{"b", "2016-01-01", []string{"p"}}, // besieging q is not holding it
		{"nobody", "2016-01-01", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range c.At(on(tt.at)).Holdings(tt.party) {
			got = append(got, h.Location)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Holdings(%q) at %s (-want +got)\n%s", tt.party, tt.at, diff)
		}
	}
}

// TestBesiegedRegion checks that a place with a claim of its own — here a
// siege, with no holder known — is not answered from the places within it.
func TestBesiegedRegion(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "s"}},
		Actors:    []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Locations: []conflict.Location{{ID: "region", Name: "Region"}, {ID: "town", Name: "Town", Within: "region"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "town", Sources: src("s")},
			{Kind: conflict.RelationBesieges, From: "b", To: "region", Start: date("2015-01-01"), Sources: src("s")},
		},
	}))
	ctl := c.At(on("2016-01-01")).Controller("region")
	want := []any{conflict.ControlUnknown, "", []string{"b"}, definite, false}
	if diff := cmp.Diff(want, []any{ctl.State, ctl.Holder, ctl.Besiegers, ctl.Besieged, ctl.RolledUp}); diff != "" {
		t.Errorf("state, holder, besiegers, besieged, rolled up (-want +got)\n%s", diff)
	}
	if ctl := c.At(on("2014-01-01")).Controller("region"); !ctl.RolledUp || ctl.Holder != "a" {
		t.Errorf("before the siege: %+v, want rolled up to a", ctl)
	}
	if got := c.Timeline("a"); got != nil {
		t.Errorf("Timeline of a party whose only tie has no dates = %v, want nil", got)
	}
}
