package conflict_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// snapshot is everything observable about a record: its data and its ties.
func snapshot(c *conflict.Conflict) (conflict.Dataset, []string) {
	var ties []string
	for t := range c.Ties() {
		ties = append(ties, t.String())
	}
	return c.Dataset(), ties
}

func TestBadInput(t *testing.T) {
	type want struct {
		Err                  error
		Entity, Field, Value string
	}
	rel := func(r conflict.Relation) conflict.Dataset { return conflict.Dataset{Relations: []conflict.Relation{r}} }
	tests := []struct {
		name string
		ds   conflict.Dataset
		want want
	}{
		{"unknown to",
			rel(conflict.Relation{Kind: conflict.RelationControls, From: "a", To: "atlantis", Sources: src("s1")}),
			want{conflict.ErrUnknownID, "relations[0] (a controls atlantis)", "to", "atlantis"}},
		{"unknown from",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "zulu", To: "a", Sources: src("s1")}),
			want{conflict.ErrUnknownID, "relations[0] (zulu fights a)", "from", "zulu"}},
		{"unknown source",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Sources: src("s9")}),
			want{conflict.ErrUnknownID, "relations[0] (c fights d)", "sources", "s9"}},
		{"no source",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d"}),
			want{conflict.ErrMissing, "relations[0] (c fights d)", "sources", ""}},
		{"a location supports",
			rel(conflict.Relation{Kind: conflict.RelationSupports, From: "p", To: "a", Sources: src("s1")}),
			want{conflict.ErrEnds, "relations[0] (p supports a)", "from", "p"}},
		{"an actor controls an actor",
			rel(conflict.Relation{Kind: conflict.RelationControls, From: "a", To: "b", Sources: src("s1")}),
			want{conflict.ErrEnds, "relations[0] (a controls b)", "to", "b"}},
		{"support for a backer",
			rel(conflict.Relation{Kind: conflict.RelationSupports, From: "x", To: "y", Sources: src("s1")}),
			want{conflict.ErrEnds, "relations[0] (x supports y)", "to", "y"}},
		{"a backer part of an actor",
			rel(conflict.Relation{Kind: conflict.RelationPartOf, From: "x", To: "a", Sources: src("s1")}),
			want{conflict.ErrEnds, "relations[0] (x part-of a)", "to", "a"}},
		{"fights itself",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "a", To: "a", Sources: src("s1")}),
			want{conflict.ErrEnds, "relations[0] (a fights a)", "to", "a"}},
		{"no kind",
			rel(conflict.Relation{From: "a", To: "b", Sources: src("s1")}),
			want{conflict.ErrKind, "relations[0] (a  b)", "kind", ""}},
		{"end on the start day",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Start: date("2016-03-27"), End: date("2016-03-27"), Sources: src("s1")}),
			want{conflict.ErrSpan, "relations[0] (c fights d)", "end", "2016-03-27"}},
		{"end before start",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Start: date("2016"), End: date("2015-12"), Sources: src("s1")}),
			want{conflict.ErrSpan, "relations[0] (c fights d)", "end", "2015-12"}},
		{"support on fights",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Support: conflict.SupportTroops, Sources: src("s1")}),
			want{conflict.ErrKind, "relations[0] (c fights d)", "support", "troops"}},
		{"two holders on one source's word",
			rel(conflict.Relation{Kind: conflict.RelationControls, From: "a", To: "p", Start: date("2016-01-01"), End: date("2016-02-01"), Sources: src("s1")}),
			want{conflict.ErrTwoHolders, "relations[0] (a controls p)", "to", "p"}},
		{"two holders by a capture",
			conflict.Dataset{Events: []conflict.Event{{ID: "e", Kind: conflict.EventCapture, Date: date("2017-06-01"), Location: "q", Actors: []string{"a"}, Sources: src("s1")}},
				Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "d", To: "q", Start: date("2017-07-01"), End: date("2017-08-01"), Sources: src("s1")}}},
			want{conflict.ErrTwoHolders, "relations[0] (d controls q)", "to", "q"}},
		{"duplicate actor",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "a", Name: "Another"}}},
			want{conflict.ErrDuplicateID, `actors[0] "a"`, "id", "a"}},
		{"a location with a backer's ID",
			conflict.Dataset{Locations: []conflict.Location{{ID: "x", Name: "Somewhere"}}},
			want{conflict.ErrDuplicateID, `locations[0] "x"`, "id", "x"}},
		{"duplicate in one batch",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "e", Name: "Echo"}, {ID: "e", Name: "Echo two"}}},
			want{conflict.ErrDuplicateID, `actors[1] "e"`, "id", "e"}},
		{"duplicate source",
			conflict.Dataset{Sources: []conflict.Source{{ID: "s1"}}},
			want{conflict.ErrDuplicateID, `sources[0] "s1"`, "id", "s1"}},
		{"an alias names two nodes",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "e", Name: "Echo", Aliases: []string{"ALPHA"}}}},
			want{conflict.ErrName, `actors[0] "e"`, "aliases", "ALPHA"}},
		{"a name names two nodes",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "e", Name: "papa"}}},
			want{conflict.ErrName, `actors[0] "e"`, "name", "papa"}},
		{"no name",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "e"}}},
			want{conflict.ErrMissing, `actors[0] "e"`, "name", ""}},
		{"an ID with a space",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "free army", Name: "Free Army"}}},
			want{conflict.ErrBadID, `actors[0] "free army"`, "id", "free army"}},
		{"within an actor",
			conflict.Dataset{Locations: []conflict.Location{{ID: "s", Name: "Sierra", Within: "a"}}},
			want{conflict.ErrEnds, `locations[0] "s"`, "within", "a"}},
		{"within each other",
			conflict.Dataset{Locations: []conflict.Location{{ID: "s", Name: "Sierra", Within: "t"}, {ID: "t", Name: "Tango", Within: "s"}}},
			want{conflict.ErrCycle, `locations[0] "s"`, "within", "t"}},
		{"part of each other",
			conflict.Dataset{Relations: []conflict.Relation{
				{Kind: conflict.RelationPartOf, From: "c", To: "d", Start: date("2015"), Sources: src("s1")},
				{Kind: conflict.RelationPartOf, From: "d", To: "c", Start: date("2016"), Sources: src("s1")}}},
			want{conflict.ErrCycle, "relations[0] (c part-of d)", "to", "d"}},
		{"part of each other, three round",
			conflict.Dataset{Relations: []conflict.Relation{
				{Kind: conflict.RelationPartOf, From: "a", To: "b", Sources: src("s1")},
				{Kind: conflict.RelationPartOf, From: "b", To: "c", End: date("2016"), Sources: src("s1")},
				{Kind: conflict.RelationPartOf, From: "c", To: "a", Start: date("2015-06"), Sources: src("s1")}}},
			want{conflict.ErrCycle, "relations[0] (a part-of b)", "to", "b"}},
		{"a name that is not UTF-8",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "q", Name: "qa\xffm"}}},
			want{conflict.ErrFormat, `actors[0] "q"`, "name", "qa\xffm"}},
		{"a note that is not UTF-8",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Sources: src("s1"), Note: "\xc3"}),
			want{conflict.ErrFormat, "relations[0] (c fights d)", "note", "\xc3"}},
		{"an ID with a zero-width space",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "isis\u200b", Name: "Zero"}}},
			want{conflict.ErrBadID, `actors[0] "isis\u200b"`, "id", "isis\u200b"}},
		{"an ID with a bidi override",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "\u202esisi", Name: "Reversed"}}},
			want{conflict.ErrBadID, `actors[0] "\u202esisi"`, "id", "\u202esisi"}},
		{"an ID that folds to nothing",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "-_-", Name: "Dashes"}}},
			want{conflict.ErrBadID, `actors[0] "-_-"`, "id", "-_-"}},
		{"an ID not in composed form",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "e\u0301", Name: "Accent"}}},
			want{conflict.ErrBadID, "actors[0] \"e\u0301\"", "id", "e\u0301"}},
		{"names that differ by the final sigma",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "g1", Name: "ΟΔΥΣΣΕΥΣ"}, {ID: "g2", Name: "οδυσσευς"}}},
			want{conflict.ErrName, `actors[1] "g2"`, "name", "οδυσσευς"}},
		{"names in two normal forms",
			conflict.Dataset{Actors: []conflict.Actor{{ID: "n1", Name: "Qaryat\u00e9yn"}, {ID: "n2", Name: "Qaryate\u0301yn"}}},
			want{conflict.ErrName, `actors[1] "n2"`, "name", "Qaryate\u0301yn"}},
		{"a point off the globe",
			conflict.Dataset{Locations: []conflict.Location{{ID: "s", Name: "Sierra", Point: &conflict.Point{Lat: 91, Lon: 0}}}},
			want{conflict.ErrFormat, `locations[0] "s"`, "point", "91,0"}},
		{"a capture with no place",
			conflict.Dataset{Events: []conflict.Event{{ID: "e", Kind: conflict.EventCapture, Date: date("2016"), Actors: []string{"a"}, Sources: src("s1")}}},
			want{conflict.ErrMissing, `events[0] "e"`, "location", ""}},
		{"an event with no date",
			conflict.Dataset{Events: []conflict.Event{{ID: "e", Kind: conflict.EventStatement, Sources: src("s1")}}},
			want{conflict.ErrMissing, `events[0] "e"`, "date", ""}},
		{"a location that acts",
			conflict.Dataset{Events: []conflict.Event{{ID: "e", Kind: conflict.EventCapture, Date: date("2016"), Location: "p", Actors: []string{"q"}, Sources: src("s1")}}},
			want{conflict.ErrEnds, `events[0] "e"`, "actors", "q"}},
		{"an intervention for a backer",
			conflict.Dataset{Events: []conflict.Event{{ID: "e", Kind: conflict.EventIntervention, Date: date("2016"), Actors: []string{"x"}, Counterparts: []string{"y"}, Sources: src("s1")}}},
			want{conflict.ErrEnds, `events[0] "e"`, "counterparts", "y"}},
		{"a relation naming an unknown event",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Event: "nope", Sources: src("s1")}),
			want{conflict.ErrUnknownID, "relations[0] (c fights d)", "event", "nope"}},
		{"an end cited to an earlier source",
			conflict.Dataset{Sources: []conflict.Source{{ID: "april", Published: date("2016-04")}},
				Relations: []conflict.Relation{{Kind: conflict.RelationCeasefire, From: "c", To: "d", Start: date("2016-02-27"), End: date("2016-07"), Sources: src("april")}}},
			want{conflict.ErrAnachronism, "relations[0] (c ceasefire d)", "end", "2016-07"}},
		{"a start cited to an earlier source",
			conflict.Dataset{Sources: []conflict.Source{{ID: "feb22", Published: date("2016-02-22")}},
				Relations: []conflict.Relation{{Kind: conflict.RelationCeasefire, From: "c", To: "d", Start: date("2016-02-27"), Sources: src("feb22")}}},
			want{conflict.ErrAnachronism, "relations[0] (c ceasefire d)", "start", "2016-02-27"}},
		{"an end whose own source came before it",
			conflict.Dataset{Sources: []conflict.Source{{ID: "april", Published: date("2016-04")}, {ID: "later", Published: date("2016-09")}},
				Relations: []conflict.Relation{{Kind: conflict.RelationCeasefire, From: "c", To: "d", Start: date("2016-02-27"), End: date("2016-07"),
					Sources: src("april", "later"), StartSources: src("april", "later"), EndSources: src("april")}}},
			want{conflict.ErrAnachronism, "relations[0] (c ceasefire d)", "end", "2016-07"}},
		{"an event before its source",
			conflict.Dataset{Sources: []conflict.Source{{ID: "april", Published: date("2016-04-06")}},
				Events: []conflict.Event{{ID: "e", Kind: conflict.EventStatement, Date: date("2016-04-07/2016-04-09"), Sources: src("april")}}},
			want{conflict.ErrAnachronism, `events[0] "e"`, "date", "2016-04-07/2016-04-09"}},
		{"an end cited to a source the relation does not cite",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", End: date("2016"), Sources: src("s1"), EndSources: src("s2")}),
			want{conflict.ErrUnknownID, "relations[0] (c fights d)", "end_sources", "s2"}},
		{"sources for a start that is not there",
			rel(conflict.Relation{Kind: conflict.RelationFights, From: "c", To: "d", Sources: src("s1"), StartSources: src("s1")}),
			want{conflict.ErrMissing, "relations[0] (c fights d)", "start_sources", "[s1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := edges(t)
			ds, ties := snapshot(c)
			before := c.At(on("2016-01-01")).Controller("p")
			err := c.Add(tt.ds)
			if !errors.Is(err, tt.want.Err) {
				t.Fatalf("Add: error %v, want one wrapping %v", err, tt.want.Err)
			}
			var e *conflict.Error
			if !errors.As(err, &e) {
				t.Fatalf("Add: error %v is not a *conflict.Error", err)
			}
			got := want{e.Err, e.Entity, e.Field, e.Value}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("error %q (-want +got)\n%s", err, diff)
			}
			if !strings.HasPrefix(err.Error(), "conflict: ") {
				t.Errorf("message %q lacks the package prefix", err)
			}
			ds2, ties2 := snapshot(c)
			if diff := cmp.Diff(ds, ds2); diff != "" {
				t.Errorf("a failed Add changed the record (-before +after)\n%s", diff)
			}
			if diff := cmp.Diff(ties, ties2); diff != "" {
				t.Errorf("a failed Add changed the ties (-before +after)\n%s", diff)
			}
			if after := c.At(on("2016-01-01")).Controller("p"); after.Holder != before.Holder {
				t.Errorf("a failed Add changed an answer: %q became %q", before.Holder, after.Holder)
			}
		})
	}
}

// TestDisagreementIsNotAnError checks that two holders at once are kept
// when different sources say so, or when the place is contested.
func TestDisagreementIsNotAnError(t *testing.T) {
	tests := []struct {
		name string
		ds   conflict.Dataset
	}{
		{"different sources", conflict.Dataset{Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "p", Start: date("2016-01-01"), End: date("2016-02-01"), Sources: src("s2")}}}},
		{"contested", conflict.Dataset{Relations: []conflict.Relation{
			{Kind: conflict.RelationContests, From: "a", To: "p", Start: date("2016-01-01"), End: date("2016-02-01"), Sources: src("s1")},
			{Kind: conflict.RelationControls, From: "a", To: "p", Start: date("2016-01-01"), End: date("2016-02-01"), Sources: src("s1")}}}},
		{"only possibly at once", conflict.Dataset{Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "q", End: date("2015-08"), Sources: src("s1")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := edges(t)
			if err := c.Add(tt.ds); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEveryProblemReported(t *testing.T) {
	c := edges(t)
	err := c.Add(conflict.Dataset{Relations: []conflict.Relation{
		{Kind: conflict.RelationControls, From: "a", To: "nowhere", Sources: src("s1")},
		{Kind: conflict.RelationFights, From: "c", To: "d"},
		{Kind: conflict.RelationSupports, From: "p", To: "a", Sources: src("s1")},
	}})
	for _, sentinel := range []error{conflict.ErrUnknownID, conflict.ErrMissing, conflict.ErrEnds} {
		if !errors.Is(err, sentinel) {
			t.Errorf("error %v does not report %v", err, sentinel)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("%d problems reported, want 3:\n%v", n, err)
	}
}
