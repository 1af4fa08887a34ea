package conflict_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

func TestAddOne(t *testing.T) {
	c := edges(t)
	err := c.Add(conflict.Dataset{Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "a", To: "nowhere", Sources: src("s1")}}})
	var e *conflict.Error
	if !errors.As(err, &e) || e.Entity != "relations[0] (a controls nowhere)" || e.Line != 0 {
		t.Errorf("Add error = %v, want one naming the relation", err)
	}
	must(t, c.Add(conflict.Dataset{Actors: []conflict.Actor{{ID: "e", Name: "Echo", Aliases: []string{"E-group"}}}}))
	must(t, c.Add(conflict.Dataset{Backers: []conflict.Backer{{ID: "z", Name: "Zulu"}}}))
	must(t, c.Add(conflict.Dataset{Locations: []conflict.Location{{ID: "s", Name: "Sierra", Within: "r", Point: &conflict.Point{Lat: 1, Lon: 2}}}}))
	must(t, c.Add(conflict.Dataset{Sources: []conflict.Source{{ID: "s3", Outlet: "Outlet", Published: date("2017-02")}}}))
	must(t, c.Add(conflict.Dataset{Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "e", To: "s", Start: date("2016"), Sources: src("s3")}}}))
	must(t, c.Add(conflict.Dataset{Events: []conflict.Event{{ID: "ev", Kind: conflict.EventCapture, Date: date("2017-01-01"), Location: "s", Actors: []string{"z"}, Sources: src("s3")}}}))
	if h, _ := holder(c, "s", "2017-01-01"); h != "z" {
		t.Errorf("after adding the event the holder is %q, want z", h)
	}
	if n, ok := c.Lookup("e group"); !ok || n.ID != "e" {
		t.Errorf("Lookup(e group) = %v, %v", n, ok)
	}
	for _, bad := range []error{
		c.Add(conflict.Dataset{Actors: []conflict.Actor{{ID: "e", Name: "Again"}}}),
		c.Add(conflict.Dataset{Backers: []conflict.Backer{{ID: "z", Name: "Again"}}}),
		c.Add(conflict.Dataset{Locations: []conflict.Location{{ID: "s", Name: "Again"}}}),
		c.Add(conflict.Dataset{Sources: []conflict.Source{{ID: "s3"}}}),
		c.Add(conflict.Dataset{Events: []conflict.Event{{ID: "ev", Kind: conflict.EventStatement, Date: date("2017"), Sources: src("s3")}}}),
	} {
		if !errors.Is(bad, conflict.ErrDuplicateID) {
			t.Errorf("adding a duplicate: %v", bad)
		}
	}
}

func TestCallerKeepsItsSlices(t *testing.T) {
	var c conflict.Conflict
	aliases := []string{"One"}
	must(t, c.Add(conflict.Dataset{Actors: []conflict.Actor{{ID: "a", Name: "A", Aliases: aliases}}}))
	aliases[0] = "Changed"
	a, _ := c.Actor("a")
	if a.Aliases[0] != "One" {
		t.Errorf("the record shares the caller's slice: alias %q", a.Aliases[0])
	}
	a.Aliases[0] = "Again"
	if b, _ := c.Actor("a"); b.Aliases[0] != "One" {
		t.Errorf("Actor returned the record's own slice")
	}
}

func TestIterators(t *testing.T) {
	c := edges(t)
	var ids []string
	for a := range c.Actors() {
		ids = append(ids, a.ID)
	}
	for b := range c.Backers() {
		ids = append(ids, b.ID)
	}
	for l := range c.Locations() {
		ids = append(ids, l.ID)
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d", "x", "y", "r", "p", "q"}, ids); diff != "" {
		t.Errorf("iterators (-want +got)\n%s", diff)
	}
	// Adding while iterating is safe and does not change the iteration.
	n := 0
	for range c.Actors() {
		n++
		must(t, c.Add(conflict.Dataset{Actors: []conflict.Actor{{ID: fmt.Sprintf("new-%d", n), Name: fmt.Sprintf("New %d", n)}}}))
	}
	if n != 4 {
		t.Errorf("iterated %d actors while adding, want the 4 there were", n)
	}
	for l := range c.Locations() {
		l.Aliases = append(l.Aliases, "changed")
		break
	}
	if l, _ := c.Location("r"); len(l.Aliases) != 0 {
		t.Errorf("changing a yielded location changed the record: %v", l.Aliases)
	}
}

func TestTiesSorted(t *testing.T) {
	c := edges(t)
	var got []conflict.Tie
	for tie := range c.Ties() {
		if tie.Certainty != absent {
			t.Errorf("%v: Certainty %v outside a moment", tie, tie.Certainty)
		}
		got = append(got, tie)
	}
	if len(got) != 11 {
		t.Errorf("Ties yields %d, want the 11 relations", len(got))
	}
	for i := 1; i < len(got); i++ {
		if conflict.Tie.Compare(got[i-1], got[i]) >= 0 {
			t.Errorf("Ties out of order: %v before %v", got[i-1], got[i])
		}
	}
}
