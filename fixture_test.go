package conflict_test

import (
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
)

// on returns midnight UTC at the start of the day s ("2006-01-02").
func on(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func date(s string) conflict.Date { return conflict.MustParseDate(s) }

func src(ids ...string) []string { return ids }

// edges is a small record whose every span has an edge worth testing:
//
//	a controls p  [2015-03-10, 2015-06-01)   day-precise both ends
//	b controls p  [2015-06-01, …)            open end
//	c controls q  [2015-08, …)               month-precise start
//	b besieges q  [2015-09-15, 2016)         year-precise end
//	x supports a  [2015-01-01, 2015-02-01)   air-power
//	c supports a  […, …)                     troops
//	y supports c  [2015, …)                  weapons, funding
//	a fights b    [2015-01-01, …)
//	a ceasefire b [2016-02-27, 2016-07)
//	a allied d    [2015-05, 2015-09)
//	d part-of a   [2016-01-01, 2016-01-02)   one day
func edges(t testing.TB) *conflict.Conflict {
	t.Helper()
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Name:    "edges",
		Sources: []conflict.Source{{ID: "s1"}, {ID: "s2"}},
		Actors: []conflict.Actor{
			{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Bravo"}, {ID: "c", Name: "Charlie"}, {ID: "d", Name: "Delta"},
		},
		Backers: []conflict.Backer{{ID: "x", Name: "Xray"}, {ID: "y", Name: "Yankee"}},
		Locations: []conflict.Location{
			{ID: "r", Name: "Region"},
			{ID: "p", Name: "Papa", Within: "r"},
			{ID: "q", Name: "Quebec", Within: "r"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "p", Start: date("2015-03-10"), End: date("2015-06-01"), Sources: src("s1")},
			{Kind: conflict.RelationControls, From: "b", To: "p", Start: date("2015-06-01"), Sources: src("s1")},
			{Kind: conflict.RelationControls, From: "c", To: "q", Start: date("2015-08"), Sources: src("s1")},
			{Kind: conflict.RelationBesieges, From: "b", To: "q", Start: date("2015-09-15"), End: date("2016"), Sources: src("s1")},
			{Kind: conflict.RelationSupports, From: "x", To: "a", Start: date("2015-01-01"), End: date("2015-02-01"), Support: conflict.SupportAirPower, Sources: src("s1")},
			{Kind: conflict.RelationSupports, From: "c", To: "a", Support: conflict.SupportTroops, Sources: src("s1")},
			{Kind: conflict.RelationSupports, From: "y", To: "c", Start: date("2015"), Support: conflict.SupportWeapons | conflict.SupportFunding, Sources: src("s2")},
			{Kind: conflict.RelationFights, From: "b", To: "a", Start: date("2015-01-01"), Sources: src("s1")},
			{Kind: conflict.RelationCeasefire, From: "a", To: "b", Start: date("2016-02-27"), End: date("2016-07"), Sources: src("s2")},
			{Kind: conflict.RelationAllied, From: "a", To: "d", Start: date("2015-05"), End: date("2015-09"), Sources: src("s2")},
			{Kind: conflict.RelationPartOf, From: "d", To: "a", Start: date("2016-01-01"), End: date("2016-01-02"), Sources: src("s2")},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &c
}
