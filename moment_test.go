package conflict_test

import (
	stdcmp "cmp"
	"slices"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const (
	definite = conflict.Definite
	possible = conflict.Possible
	absent   = conflict.Absent
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

func TestAlliesEnemies(t *testing.T) {
	c := edges(t)
	type P = conflict.Party
	tests := []struct {
		id, at  string
		allies  []P
		enemies []P
	}{
		{"a", "2014-12-31", []P{{"c", definite}}, nil},
		{"a", "2015-01-01", []P{{"c", definite}, {"x", definite}}, []P{{"b", definite}}},
		{"a", "2015-01-31", []P{{"c", definite}, {"x", definite}}, []P{{"b", definite}}},
		{"a", "2015-02-01", []P{{"c", definite}}, []P{{"b", definite}}},
		{"a", "2015-05-01", []P{{"c", definite}, {"d", possible}}, []P{{"b", definite}}},
		{"a", "2015-06-01", []P{{"c", definite}, {"d", definite}}, []P{{"b", definite}}},
		{"a", "2015-08-31", []P{{"c", definite}, {"d", definite}}, []P{{"b", definite}}},
		{"a", "2015-09-01", []P{{"c", definite}, {"d", possible}}, []P{{"b", definite}}},
		{"a", "2015-10-01", []P{{"c", definite}}, []P{{"b", definite}}},
		{"d", "2016-01-01", []P{{"a", definite}}, nil}, // a one-day part-of
		{"d", "2016-01-02", nil, nil},
		{"b", "2016-02-26", nil, []P{{"a", definite}}},
		{"b", "2016-02-27", nil, nil},                  // ceasefire definitely holds
		{"b", "2016-07-01", nil, []P{{"a", possible}}}, // it may have ended in July
		{"b", "2016-08-01", nil, []P{{"a", definite}}},
		{"c", "2016-08-01", []P{{"a", definite}, {"y", definite}}, nil},
		{"unknown", "2016-08-01", nil, nil},
	}
	for _, tt := range tests {
		m := c.At(on(tt.at))
		if diff := cmp.Diff(tt.allies, m.Allies(tt.id)); diff != "" {
			t.Errorf("Allies(%q) at %s (-want +got)\n%s", tt.id, tt.at, diff)
		}
		if diff := cmp.Diff(tt.enemies, m.Enemies(tt.id)); diff != "" {
			t.Errorf("Enemies(%q) at %s (-want +got)\n%s", tt.id, tt.at, diff)
		}
	}
}

func TestBackers(t *testing.T) {
	c := edges(t)
	type B = conflict.Supporter
	tests := []struct {
		id, at string
		direct []B
		all    []B
	}{
		{"a", "2014-12-31",
			[]B{{ID: "c", Support: conflict.SupportTroops, Certainty: definite}},
			[]B{{ID: "c", Support: conflict.SupportTroops, Certainty: definite}}},
		{"a", "2015-01-01",
			[]B{{ID: "c", Support: conflict.SupportTroops, Certainty: definite}, {ID: "x", Support: conflict.SupportAirPower, Certainty: definite}},
			[]B{{ID: "c", Support: conflict.SupportTroops, Certainty: definite}, {ID: "x", Support: conflict.SupportAirPower, Certainty: definite},
				{ID: "y", Support: conflict.SupportWeapons | conflict.SupportFunding, Certainty: possible, Via: []string{"c"}}}},
		{"a", "2016-01-01",
			[]B{{ID: "c", Support: conflict.SupportTroops, Certainty: definite}},
			[]B{{ID: "c", Support: conflict.SupportTroops, Certainty: definite},
				{ID: "y", Support: conflict.SupportWeapons | conflict.SupportFunding, Certainty: definite, Via: []string{"c"}}}},
		{"y", "2016-01-01", nil, nil},
		{"unknown", "2016-01-01", nil, nil},
	}
	for _, tt := range tests {
		m := c.At(on(tt.at))
		if diff := cmp.Diff(tt.direct, m.Supporters(tt.id)); diff != "" {
			t.Errorf("Backers(%q) at %s (-want +got)\n%s", tt.id, tt.at, diff)
		}
		if diff := cmp.Diff(tt.all, m.AllSupporters(tt.id)); diff != "" {
			t.Errorf("AllBackers(%q) at %s (-want +got)\n%s", tt.id, tt.at, diff)
		}
	}
}

// tieKey is what a test compares of a tie.
type tieKey struct {
	Kind       conflict.RelationKind
	From, To   string
	Start, End string
	Certainty  conflict.Certainty
}

func compareKeys(a, b tieKey) int {
	if c := stdcmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	if c := stdcmp.Compare(a.From, b.From); c != 0 {
		return c
	}
	if c := stdcmp.Compare(a.To, b.To); c != 0 {
		return c
	}
	return stdcmp.Compare(a.Start, b.Start)
}

func keyOf(t conflict.Tie) tieKey {
	return tieKey{t.Kind, t.From, t.To, t.Start.String(), t.End.String(), t.Certainty}
}

func TestRelations(t *testing.T) {
	c := edges(t)
	all := func(at string) []tieKey {
		var ks []tieKey
		for tie := range c.At(on(at)).Ties() {
			ks = append(ks, keyOf(tie))
		}
		slices.SortFunc(ks, compareKeys)
		return ks
	}
	tests := []struct {
		at   string
		want []tieKey
	}{
		{"2014-12-31", []tieKey{
			{conflict.RelationSupports, "c", "a", "", "", definite},
		}},
		{"2015-01-01", []tieKey{
			{conflict.RelationSupports, "c", "a", "", "", definite},
			{conflict.RelationSupports, "x", "a", "2015-01-01", "2015-02-01", definite},
			{conflict.RelationSupports, "y", "c", "2015", "", possible},
			{conflict.RelationFights, "a", "b", "2015-01-01", "", definite},
		}},
		{"2016-01-01", []tieKey{
			{conflict.RelationSupports, "c", "a", "", "", definite},
			{conflict.RelationSupports, "y", "c", "2015", "", definite},
			{conflict.RelationFights, "a", "b", "2015-01-01", "", definite},
			{conflict.RelationPartOf, "d", "a", "2016-01-01", "2016-01-02", definite},
			{conflict.RelationControls, "b", "p", "2015-06-01", "", definite},
			{conflict.RelationControls, "c", "q", "2015-08", "", definite},
			{conflict.RelationBesieges, "b", "q", "2015-09-15", "2016", possible},
		}},
	}
	for _, tt := range tests {
		want := slices.Clone(tt.want)
		slices.SortFunc(want, compareKeys)
		if diff := cmp.Diff(want, all(tt.at)); diff != "" {
			t.Errorf("Relations at %s (-want +got)\n%s", tt.at, diff)
		}
	}
	// Stopping early stops.
	n := 0
	for range c.At(on("2016-01-01")).Ties() {
		n++
		break
	}
	if n != 1 {
		t.Errorf("breaking out of Relations ran %d times", n)
	}
}

func TestAlliances(t *testing.T) {
	c := edges(t)
	tests := []struct {
		at   string
		want [][]string
	}{
		{"2014-12-31", [][]string{{"a", "c"}}},
		{"2015-01-01", [][]string{{"a", "c", "x", "y"}, {"b"}}},
		{"2015-02-01", [][]string{{"a", "c", "y"}, {"b"}}},
		{"2015-05-15", [][]string{{"a", "c", "d", "y"}, {"b"}}},
		{"2016-01-02", [][]string{{"a", "c", "y"}, {"b"}}},
		{"2016-03-01", [][]string{{"a", "c", "y"}, {"b"}}}, // a ceasefire is no alliance
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, c.At(on(tt.at)).Alliances()); diff != "" {
			t.Errorf("Alliances at %s (-want +got)\n%s", tt.at, diff)
		}
	}
}

func TestTieAt(t *testing.T) {
	c := edges(t)
	var siege conflict.Tie
	for tie := range c.Ties() {
		if tie.Kind == conflict.RelationBesieges {
			siege = tie
		}
	}
	tests := []struct {
		at   string
		want conflict.Certainty
	}{
		{"2015-09-14", absent}, {"2015-09-15", definite}, {"2016-01-01", possible}, {"2017-01-01", absent},
	}
	for _, tt := range tests {
		if got := siege.At(on(tt.at)); got != tt.want {
			t.Errorf("%v.At(%s) = %v, want %v", siege, tt.at, got, tt.want)
		}
	}
	if got := (conflict.Tie{}).At(on("2016-01-01")); got != absent {
		t.Errorf("zero Tie.At = %v", got)
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
