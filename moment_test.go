package conflict_test

import (
	stdcmp "cmp"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const (
	definite = conflict.Definite
	possible = conflict.Possible
	absent   = conflict.Absent
)

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

// TestZeroMoment asks every question of the zero Moment: each gives the
// empty answer, as a moment of an empty record does.
func TestZeroMoment(t *testing.T) {
	var m conflict.Moment
	var empty conflict.Conflict
	e := empty.At(time.Time{})
	for _, mm := range []struct {
		name string
		m    conflict.Moment
	}{{"zero Moment", m}, {"empty record", e}} {
		t.Run(mm.name, func(t *testing.T) {
			m := mm.m
			var ties []conflict.Tie
			for tie := range m.Ties() {
				ties = append(ties, tie)
			}
			sides, sidesErr := m.Sides(conflict.SidesOptions{})
			g, graphErr := m.Graph()
			order := -1
			if graphErr == nil {
				order, _ = g.Order()
			}
			got := map[string]any{
				"Time":          m.Time(),
				"Ties":          ties,
				"Allies":        m.Allies("isis"),
				"Enemies":       m.Enemies("isis"),
				"Supporters":    m.Supporters("isis"),
				"AllSupporters": m.AllSupporters("isis"),
				"Controller":    m.Controller("palmyra"),
				"Holdings":      m.Holdings("isis"),
				"Alliances":     m.Alliances(),
				"Sides":         sides,
				"SidesErr":      sidesErr,
				"Summary":       m.Summary(),
				"GraphOrder":    order,
				"GraphErr":      graphErr,
			}
			want := map[string]any{
				"Time":          time.Time{},
				"Ties":          []conflict.Tie(nil),
				"Allies":        []conflict.Party(nil),
				"Enemies":       []conflict.Party(nil),
				"Supporters":    []conflict.Supporter(nil),
				"AllSupporters": []conflict.Supporter(nil),
				"Controller":    conflict.Control{Location: "palmyra"},
				"Holdings":      []conflict.Control(nil),
				"Alliances":     [][]string(nil),
				"Sides":         conflict.Sides{Optimal: true},
				"SidesErr":      nil,
				"Summary": conflict.Summary{
					At:         "0001-01-01",
					Control:    map[string]*string{},
					Possible:   map[string][]string{},
					Besieged:   map[string][]string{},
					Alliances:  [][]string{},
					Backers:    map[string][]string{},
					Fights:     [][2]string{},
					Opposes:    [][2]string{},
					Names:      map[string]string{},
					Agreements: []conflict.SummaryAgreement{},
				},
				"GraphOrder": 0,
				"GraphErr":   nil,
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
