package conflict_test

import (
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

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

func TestCitations(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		Sources: []conflict.Source{
			{ID: "monthly", Published: date("2016-04")},
			{ID: "wire", Published: date("2016-03-27")},
			{ID: "later", Published: date("2016-12-13")},
			{ID: "undated"},
		},
		Actors:    []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "isis", Name: "ISIS"}},
		Locations: []conflict.Location{{ID: "palmyra", Name: "Palmyra"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "gov", To: "palmyra", Start: date("2016-03"), End: date("2016-12-11"),
				Sources: src("monthly", "later", "undated"), StartSources: src("monthly", "undated"), EndSources: src("later")},
		},
		Events: []conflict.Event{
			{ID: "retaken", Kind: conflict.EventCapture, Date: date("2016-03-27"), Location: "palmyra", Actors: []string{"gov"}, Sources: src("wire")},
		},
	}))
	ties := c.History("palmyra")
	if len(ties) != 1 {
		t.Fatalf("History = %v, want one tie", ties)
	}
	tie := ties[0]
	wantStart := []conflict.Citation{
		{Date: date("2016-03"), Sources: src("monthly", "undated")},
		{Date: date("2016-03-27"), Sources: src("wire")},
	}
	if diff := cmp.Diff(wantStart, tie.StartCitations()); diff != "" {
		t.Errorf("StartCitations (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]conflict.Citation{{Date: date("2016-12-11"), Sources: src("later")}}, tie.EndCitations()); diff != "" {
		t.Errorf("EndCitations (-want +got)\n%s", diff)
	}
	if tie.Start.Date != date("2016-03-27") {
		t.Errorf("start = %v, want the day, which refines the month", tie.Start)
	}
	if got := (conflict.Tie{}).StartCitations(); got != nil {
		t.Errorf("zero Tie's StartCitations = %v", got)
	}
}
