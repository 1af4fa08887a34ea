package conflict_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// palmyra is a record told by events, with two accounts of two changes: one
// pair that agrees (the March 2016 recapture) and one that disagrees (the
// Kuweires siege broken in October 2015, or on 10 November).
func palmyra(t testing.TB) *conflict.Conflict {
	t.Helper()
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{
			{ID: "isw", Outlet: "ISW"}, {ID: "masdar", Outlet: "Al-Masdar"}, {ID: "public", Outlet: "Public record"},
		},
		Actors: []conflict.Actor{
			{ID: "gov", Name: "Government"}, {ID: "isis", Name: "Islamic State", Aliases: []string{"Daesh"}},
			{ID: "rebels", Name: "Rebels"},
		},
		Backers: []conflict.Backer{{ID: "russia", Name: "Russia"}, {ID: "iran", Name: "Iran"}},
		Locations: []conflict.Location{
			{ID: "palmyra", Name: "Palmyra"}, {ID: "kuweires", Name: "Kuweires"}, {ID: "town", Name: "Town"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "gov", To: "palmyra", Sources: src("isw")},
			{Kind: conflict.RelationControls, From: "gov", To: "kuweires", Sources: src("isw")},
			{Kind: conflict.RelationBesieges, From: "isis", To: "kuweires", Start: date("2013"), Sources: src("masdar")},
			{Kind: conflict.RelationSupports, From: "iran", To: "gov", Support: conflict.SupportAdvisers, Sources: src("isw")},
			{Kind: conflict.RelationFights, From: "gov", To: "rebels", Sources: src("isw")},
		},
		Events: []conflict.Event{
			{ID: "fall", Kind: conflict.EventCapture, Date: date("2015-05-21"), Location: "palmyra", Actors: []string{"isis"}, Sources: src("isw")},
			{ID: "retake-month", Kind: conflict.EventCapture, Date: date("2016-03"), Location: "palmyra", Actors: []string{"gov"}, Sources: src("masdar")},
			{ID: "retake-day", Kind: conflict.EventCapture, Date: date("2016-03-27"), Location: "palmyra", Actors: []string{"gov"}, Sources: src("public")},
			{ID: "fall-again", Kind: conflict.EventCapture, Date: date("2016-12-11"), Location: "palmyra", Actors: []string{"isis"}, Sources: src("isw")},
			{ID: "siege-oct", Kind: conflict.EventSiegeBroken, Date: date("2015-10"), Location: "kuweires", Actors: []string{"gov"}, Sources: src("masdar")},
			{ID: "siege-nov", Kind: conflict.EventSiegeBroken, Date: date("2015-11-10"), Location: "kuweires", Actors: []string{"gov"}, Sources: src("public")},
			{ID: "russia-in", Kind: conflict.EventIntervention, Date: date("2015-09"), Actors: []string{"russia"}, Counterparts: []string{"gov"}, Support: conflict.SupportAirPower, Sources: src("masdar")},
			{ID: "russia-in-day", Kind: conflict.EventIntervention, Date: date("2015-09-30"), Actors: []string{"russia"}, Counterparts: []string{"gov"}, Support: conflict.SupportAirPower | conflict.SupportAdvisers, Sources: src("public")},
			{ID: "iran-in", Kind: conflict.EventIntervention, Date: date("2015-10-01"), Actors: []string{"iran"}, Counterparts: []string{"gov"}, Support: conflict.SupportTroops, Sources: src("public")},
			{ID: "truce", Kind: conflict.EventCeasefire, Date: date("2016-02-27"), Actors: []string{"gov", "russia"}, Counterparts: []string{"rebels"}, Sources: src("public")},
			{ID: "strike", Kind: conflict.EventAirstrike, Date: date("2016-03-31"), Location: "town", Actors: []string{"gov"}, Sources: src("public")},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &c
}

func holder(c *conflict.Conflict, loc, at string) (string, conflict.Certainty) {
	ctl := c.At(on(at)).Controller(loc)
	return ctl.Holder, ctl.Certainty
}

func TestCaptures(t *testing.T) {
	c := palmyra(t)
	type answer struct {
		Holder    string
		Certainty conflict.Certainty
	}
	tests := []struct {
		at   string
		want answer
	}{
		{"2015-05-20", answer{"gov", definite}},
		{"2015-05-21", answer{"isis", definite}},
		{"2016-03-01", answer{"isis", definite}}, // "2016-03" is refined by "2016-03-27"
		{"2016-03-26", answer{"isis", definite}},
		{"2016-03-27", answer{"gov", definite}},
		{"2016-12-10", answer{"gov", definite}},
		{"2016-12-11", answer{"isis", definite}},
		{"2030-01-01", answer{"isis", definite}},
	}
	for _, tt := range tests {
		h, cert := holder(c, "palmyra", tt.at)
		if diff := cmp.Diff(tt.want, answer{h, cert}); diff != "" {
			t.Errorf("palmyra at %s (-want +got)\n%s", tt.at, diff)
		}
	}
	var got []string
	for _, tie := range c.History("palmyra") {
		got = append(got, tie.String())
	}
	want := []string{
		"gov controls palmyra […, 2015-05-21)",
		"isis controls palmyra [2015-05-21, 2016-03-27)",
		"gov controls palmyra [2016-03-27, 2016-12-11)",
		"isis controls palmyra [2016-12-11, …)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("History (-want +got)\n%s", diff)
	}
}

func TestAccountsRefine(t *testing.T) {
	c := palmyra(t)
	h := c.History("palmyra")
	if len(h) != 4 {
		t.Fatalf("History has %d ties, want 4", len(h))
	}
	isis := h[1]
	if isis.End.Disputed() || isis.End.Date != date("2016-03-27") {
		t.Errorf("end = %q, want the agreed day 2016-03-27", isis.End)
	}
	type claim struct {
		Start, End, Event string
		Sources           []string
	}
	var got []claim
	for _, r := range isis.Claims() {
		got = append(got, claim{r.Start.String(), r.End.String(), r.Event, r.Sources})
	}
	want := []claim{
		{Start: "2015-05-21", Event: "fall", Sources: src("isw")},
		{End: "2016-03", Event: "retake-month", Sources: src("masdar")},
		{End: "2016-03-27", Event: "retake-day", Sources: src("public")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(src("isw", "masdar", "public"), isis.Sources()); diff != "" {
		t.Errorf("Sources (-want +got)\n%s", diff)
	}
	if g := h[2]; g.Start.Date != date("2016-03-27") || len(g.Claims()) != 3 {
		t.Errorf("gov's return: %v with %d claims, want start 2016-03-27 with 3 claims", g, len(g.Claims()))
	}
}

func TestAccountsDisagree(t *testing.T) {
	c := palmyra(t)
	tests := []struct {
		at        string
		besieged  conflict.Certainty
		besiegers []string
		state     conflict.ControlState
	}{
		{"2015-09-30", definite, []string{"isis"}, conflict.ControlBesieged},
		{"2015-10-01", possible, []string{"isis"}, conflict.ControlBesieged},
		{"2015-11-09", possible, []string{"isis"}, conflict.ControlBesieged},
		{"2015-11-10", absent, nil, conflict.ControlHeld},
	}
	for _, tt := range tests {
		ctl := c.At(on(tt.at)).Controller("kuweires")
		got := []any{ctl.Besieged, ctl.Besiegers, ctl.State, ctl.Holder}
		want := []any{tt.besieged, tt.besiegers, tt.state, "gov"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("kuweires at %s: besieged, besiegers, state, holder (-want +got)\n%s", tt.at, diff)
		}
	}
	var siege conflict.Tie
	for tie := range c.Ties() {
		if tie.Kind == conflict.RelationBesieges {
			siege = tie
		}
	}
	if !siege.End.Disputed() || siege.End.Date != date("2015-10") || siege.End.Last != date("2015-11-10") {
		t.Fatalf("siege end = %+v, want disputed between 2015-10 and 2015-11-10", siege.End)
	}
	if s := siege.End.String(); s != "2015-10 or 2015-11-10" {
		t.Errorf("End.String() = %q", s)
	}
	lo, hi := siege.End.Window()
	if !lo.Equal(on("2015-10-01")) || !hi.Equal(on("2015-11-10")) {
		t.Errorf("End.Window() = %v, %v", lo, hi)
	}
	var ends []string
	for _, r := range siege.Claims() {
		if !r.End.IsZero() {
			ends = append(ends, r.End.String()+" "+r.Sources[0])
		}
	}
	if diff := cmp.Diff([]string{"2015-10 masdar", "2015-11-10 public"}, ends); diff != "" {
		t.Errorf("end claims (-want +got)\n%s", diff)
	}
}

func TestInterventionAndCeasefire(t *testing.T) {
	c := palmyra(t)
	type B = conflict.Supporter
	tests := []struct {
		at   string
		want []B
	}{
		{"2015-08-31", []B{{ID: "iran", Support: conflict.SupportAdvisers, Certainty: definite}}},
		{"2015-09-29", []B{{ID: "iran", Support: conflict.SupportAdvisers, Certainty: definite}}}, // the day refines the month
		{"2015-09-30", []B{
			{ID: "iran", Support: conflict.SupportAdvisers, Certainty: definite},
			{ID: "russia", Support: conflict.SupportAirPower | conflict.SupportAdvisers, Certainty: definite},
		}},
		// Iran's troops join its backing from its intervention on.
		{"2015-10-01", []B{
			{ID: "iran", Support: conflict.SupportTroops | conflict.SupportAdvisers, Certainty: definite},
			{ID: "russia", Support: conflict.SupportAirPower | conflict.SupportAdvisers, Certainty: definite},
		}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, c.At(on(tt.at)).Supporters("gov")); diff != "" {
			t.Errorf("Backers(gov) at %s (-want +got)\n%s", tt.at, diff)
		}
	}
	// Iran's backing was already in force from before the record began, so
	// its intervention is not a second account of when it started; its claim
	// joins the tie.
	for tie := range c.Ties() {
		if tie.Kind != conflict.RelationSupports || tie.From != "iran" {
			continue
		}
		if !tie.Start.IsOpen() || tie.Support != conflict.SupportTroops|conflict.SupportAdvisers {
			t.Errorf("iran's support: %v, want an open start with troops and advisers", tie)
		}
		var events []string
		for _, r := range tie.Claims() {
			events = append(events, r.Event)
		}
		if diff := cmp.Diff([]string{"", "iran-in"}, events); diff != "" {
			t.Errorf("claims behind iran's support, by event (-want +got)\n%s", diff)
		}
	}
	enemies := func(at string) []conflict.Party { return c.At(on(at)).Enemies("rebels") }
	if diff := cmp.Diff([]conflict.Party{{ID: "gov", Certainty: definite}}, enemies("2016-02-26")); diff != "" {
		t.Errorf("Enemies(rebels) before the truce (-want +got)\n%s", diff)
	}
	if got := enemies("2016-02-27"); got != nil {
		t.Errorf("Enemies(rebels) under the truce = %v, want none", got)
	}
	var truce []string
	for tie := range c.At(on("2016-02-27")).Ties() {
		if tie.Kind == conflict.RelationCeasefire {
			truce = append(truce, tie.From+"-"+tie.To)
		}
	}
	if diff := cmp.Diff([]string{"gov-rebels", "rebels-russia"}, slices.Sorted(slices.Values(truce))); diff != "" {
		t.Errorf("ceasefires (-want +got)\n%s", diff)
	}
}

func TestEventsThatChangeNothing(t *testing.T) {
	c := palmyra(t)
	if got := c.Timeline("town"); len(got) != 0 {
		t.Errorf("an airstrike changed ties: %v", got)
	}
	if e, ok := c.Event("strike"); !ok || e.Kind != conflict.EventAirstrike || e.Location != "town" {
		t.Errorf("Event(strike) = %+v, %v", e, ok)
	}
}

// TestCaptureChain checks that a capture ends only the holder in force: X
// held the town until Z took it, and Y's later capture ends Z's hold, not
// X's long-ended one.
func TestCaptureChain(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "s"}},
		Actors:    []conflict.Actor{{ID: "x", Name: "X"}, {ID: "y", Name: "Y"}, {ID: "z", Name: "Z"}},
		Locations: []conflict.Location{{ID: "l", Name: "L"}},
		Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "x", To: "l", Start: date("2010"), Sources: src("s")}},
		Events: []conflict.Event{
			{ID: "z-takes", Kind: conflict.EventCapture, Date: date("2012-06"), Location: "l", Actors: []string{"z"}, Sources: src("s")},
			{ID: "y-takes", Kind: conflict.EventCapture, Date: date("2016-01-05"), Location: "l", Actors: []string{"y"}, Sources: src("s")},
			{ID: "y-leaves", Kind: conflict.EventWithdrawal, Date: date("2017-02-01"), Location: "l", Actors: []string{"y"}, Sources: src("s")},
		},
	}))
	var got []string
	for _, tie := range c.History("l") {
		got = append(got, tie.String())
	}
	want := []string{
		"x controls l [2010, 2012-06)",
		"z controls l [2012-06, 2016-01-05)",
		"y controls l [2016-01-05, 2017-02-01)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("History (-want +got)\n%s", diff)
	}
	if ctl := c.At(on("2017-02-01")).Controller("l"); ctl.State != conflict.ControlUnknown {
		t.Errorf("after the withdrawal: %+v, want unknown", ctl)
	}
}

func TestJointCapture(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "s"}},
		Actors:    []conflict.Actor{{ID: "gov", Name: "Gov"}, {ID: "militia", Name: "Militia"}, {ID: "isis", Name: "IS"}},
		Locations: []conflict.Location{{ID: "l", Name: "L"}},
		Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "isis", To: "l", Sources: src("s")}},
		Events: []conflict.Event{
			{ID: "taken", Kind: conflict.EventCapture, Date: date("2016-04-03"), Location: "l", Actors: []string{"gov", "militia"}, Sources: src("s")},
		},
	}))
	ctl := c.At(on("2016-04-03")).Controller("l")
	if ctl.Holder != "gov" || ctl.Certainty != definite || ctl.Claimants != nil {
		t.Errorf("after a joint capture: holder %q (%v), claimants %v; want the first actor alone", ctl.Holder, ctl.Certainty, ctl.Claimants)
	}
}

func TestSieges(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "s"}},
		Actors:    []conflict.Actor{{ID: "gov", Name: "Gov"}, {ID: "reb", Name: "Rebels"}, {ID: "isis", Name: "IS"}},
		Locations: []conflict.Location{{ID: "l", Name: "L"}},
		Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "gov", To: "l", Sources: src("s")}},
		Events: []conflict.Event{
			{ID: "laid", Kind: conflict.EventSiegeLaid, Date: date("2013-01-10"), Location: "l", Actors: []string{"reb", "isis"}, Sources: src("s")},
			{ID: "isis-leaves", Kind: conflict.EventWithdrawal, Date: date("2014-01-01"), Location: "l", Actors: []string{"isis"}, Sources: src("s")},
			{ID: "broken", Kind: conflict.EventSiegeBroken, Date: date("2016-02-03"), Location: "l", Actors: []string{"gov"}, Sources: src("s")},
			{ID: "retaken", Kind: conflict.EventCapture, Date: date("2016-05-01"), Location: "l", Actors: []string{"reb"}, Sources: src("s")},
		},
	}))
	tests := []struct {
		at        string
		state     conflict.ControlState
		holder    string
		besiegers []string
	}{
		{"2013-01-09", conflict.ControlHeld, "gov", nil},
		{"2013-01-10", conflict.ControlBesieged, "gov", []string{"isis", "reb"}},
		{"2014-01-01", conflict.ControlBesieged, "gov", []string{"reb"}},
		{"2016-02-02", conflict.ControlBesieged, "gov", []string{"reb"}},
		{"2016-02-03", conflict.ControlHeld, "gov", nil},
		{"2016-05-01", conflict.ControlHeld, "reb", nil},
	}
	for _, tt := range tests {
		ctl := c.At(on(tt.at)).Controller("l")
		if diff := cmp.Diff([]any{tt.state, tt.holder, tt.besiegers}, []any{ctl.State, ctl.Holder, ctl.Besiegers}); diff != "" {
			t.Errorf("at %s: state, holder, besiegers (-want +got)\n%s", tt.at, diff)
		}
	}
}

func TestContestedAndDisputedControl(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources:   []conflict.Source{{ID: "s1"}, {ID: "s2"}},
		Actors:    []conflict.Actor{{ID: "gov", Name: "Gov"}, {ID: "reb", Name: "Rebels"}},
		Locations: []conflict.Location{{ID: "city", Name: "City"}, {ID: "town", Name: "Town"}},
		Relations: []conflict.Relation{
			// The city is contested: both hold parts, on one source's word.
			{Kind: conflict.RelationControls, From: "gov", To: "city", Start: date("2012"), Sources: src("s1")},
			{Kind: conflict.RelationControls, From: "reb", To: "city", Start: date("2012-07-19"), End: date("2016-12-22"), Sources: src("s1")},
			{Kind: conflict.RelationContests, From: "reb", To: "city", Start: date("2012-07-19"), End: date("2016-12-22"), Sources: src("s1")},
			{Kind: conflict.RelationContests, From: "gov", To: "city", Start: date("2012-07-19"), End: date("2016-12-22"), Sources: src("s1")},
			// Two sources disagree on who held the town in 2015.
			{Kind: conflict.RelationControls, From: "gov", To: "town", Start: date("2015-01-01"), End: date("2016-01-01"), Sources: src("s1")},
			{Kind: conflict.RelationControls, From: "reb", To: "town", Start: date("2015-06-01"), End: date("2016-01-01"), Sources: src("s2")},
		},
	}))
	ctl := c.At(on("2014-01-01")).Controller("city")
	want := []any{conflict.ControlContested, "", conflict.Possible, []string{"gov", "reb"}, []string{"gov", "reb"}}
	if diff := cmp.Diff(want, []any{ctl.State, ctl.Holder, ctl.Certainty, ctl.Claimants, ctl.Contenders}); diff != "" {
		t.Errorf("contested city: state, holder, certainty, claimants, contenders (-want +got)\n%s", diff)
	}
	if ctl := c.At(on("2016-12-22")).Controller("city"); ctl.State != conflict.ControlHeld || ctl.Holder != "gov" || ctl.Certainty != definite {
		t.Errorf("city after the fighting: %v %q %v", ctl.State, ctl.Holder, ctl.Certainty)
	}
	ctl = c.At(on("2015-07-01")).Controller("town")
	want = []any{conflict.ControlHeld, "", conflict.Possible, []string{"gov", "reb"}}
	if diff := cmp.Diff(want, []any{ctl.State, ctl.Holder, ctl.Certainty, ctl.Claimants}); diff != "" {
		t.Errorf("disputed town: state, holder, certainty, claimants (-want +got)\n%s", diff)
	}
	if h, cert := holder(&c, "town", "2015-05-31"); h != "gov" || cert != definite {
		t.Errorf("town before the dispute: %q %v", h, cert)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestSameDayCaptures checks two captures of one place dated within one
// another: the narrower date's captor holds it from that day, the other
// captor not after it. (Captures on the same date are rival accounts: see
// TestRivalCaptures.)
func TestSameDayCaptures(t *testing.T) {
	for _, dates := range [][2]string{{"2016-03", "2016-03-27"}, {"2016-03", "2016-03-01"}} {
		first, second := date(dates[0]), date(dates[1])
		var c conflict.Conflict
		must(t, c.Add(conflict.Dataset{
			Sources:   []conflict.Source{{ID: "s"}},
			Actors:    []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
			Locations: []conflict.Location{{ID: "p", Name: "P"}},
			Events: []conflict.Event{
				{ID: "e1", Kind: conflict.EventCapture, Date: first, Location: "p", Actors: []string{"a"}, Sources: src("s")},
				{ID: "e2", Kind: conflict.EventCapture, Date: second, Location: "p", Actors: []string{"b"}, Sources: src("s")},
			},
		}))
		for _, day := range []string{"2016-03-27", "2016-04-01", "2020-01-01"} {
			if h, cert := holder(&c, "p", day); h != "b" || cert != definite {
				t.Errorf("first capture %v: on %s holder %q %v, want b definite", first, day, h, cert)
			}
		}
		for _, tie := range c.History("p") {
			if tie.From == "a" && tie.End.IsOpen() {
				t.Errorf("first capture %v: %v never ends", first, tie)
			}
		}
	}
}

// TestRivalCaptures checks captures of one place on the same date by
// different parties: rival accounts of who took it, in whichever order the
// records come. Both captors possibly hold the place from that day until a
// later change; the holder before surely does not; no error, even on one
// source's word.
func TestRivalCaptures(t *testing.T) {
	events := []conflict.Event{
		{ID: "e0", Kind: conflict.EventCapture, Date: date("2015-05-21"), Location: "p", Actors: []string{"c"}, Sources: src("s")},
		{ID: "e1", Kind: conflict.EventCapture, Date: date("2016-03-27"), Location: "p", Actors: []string{"a"}, Sources: src("s")},
		{ID: "e2", Kind: conflict.EventCapture, Date: date("2016-03-27"), Location: "p", Actors: []string{"b"}, Sources: src("t")},
		{ID: "e3", Kind: conflict.EventCapture, Date: date("2016-12-11"), Location: "p", Actors: []string{"c"}, Sources: src("s")},
	}
	answers := func(evs []conflict.Event) []string {
		var c conflict.Conflict
		must(t, c.Add(conflict.Dataset{
			Sources:   []conflict.Source{{ID: "s"}, {ID: "t"}},
			Actors:    []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}},
			Locations: []conflict.Location{{ID: "p", Name: "P"}},
			Events:    evs,
		}))
		var out []string
		for _, day := range []string{"2016-03-26", "2016-03-27", "2016-06-01", "2016-12-11"} {
			ctl := c.At(on(day)).Controller("p")
			out = append(out, fmt.Sprintf("%s %s %v %v", day, ctl.Holder, ctl.Claimants, ctl.Certainty))
		}
		return out
	}
	want := []string{
		"2016-03-26 c [] definite",
		"2016-03-27  [a b] possible",
		"2016-06-01  [a b] possible",
		"2016-12-11 c [] definite",
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {0, 2, 1, 3}, {3, 2, 1, 0}} {
		var evs []conflict.Event
		for _, i := range order {
			evs = append(evs, events[i])
		}
		if diff := cmp.Diff(want, answers(evs)); diff != "" {
			t.Errorf("events in order %v (-want +got)\n%s", order, diff)
		}
	}
	// On one source's word too.
	events[2].Sources = src("s")
	if diff := cmp.Diff(want, answers(events)); diff != "" {
		t.Errorf("one source (-want +got)\n%s", diff)
	}
}
