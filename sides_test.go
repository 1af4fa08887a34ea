package conflict_test

import (
	"math"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

func TestSidesEdges(t *testing.T) {
	c := edges(t)
	type answer struct {
		Blocs      [][]string
		Violations int
		Frustrated []string
	}
	frustrated := func(s conflict.Sides) []string {
		var out []string
		for _, f := range s.Broken {
			out = append(out, f.A+" "+f.Kinds()+" "+f.B)
		}
		return out
	}
	tests := []struct {
		at   string
		k    int
		want answer
	}{
		{"2014-12-31", 0, answer{Blocs: [][]string{{"a", "c"}}}},
		// x's support for a ends on 2015-02-01: counted the day before,
		// not on the day.
		{"2015-01-31", 2, answer{Blocs: [][]string{{"a", "c", "x", "y"}, {"b"}}}},
		{"2015-02-01", 2, answer{Blocs: [][]string{{"a", "c", "y"}, {"b"}}}},
		// The ceasefire suspends the hostile tie: b has no signed tie left.
		{"2016-02-27", 0, answer{Blocs: [][]string{{"a", "c", "y"}}}},
		// It may have ended in July: a possible ceasefire does not suspend.
		{"2016-07-15", 0, answer{Blocs: [][]string{{"a", "c", "y"}, {"b"}}}},
	}
	for _, tt := range tests {
		s, err := c.At(on(tt.at)).Sides(conflict.SidesOptions{MaxBlocs: tt.k})
		if err != nil {
			t.Fatal(err)
		}
		got := answer{s.Blocs, s.Violations, frustrated(s)}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Sides at %s, K=%d (-want +got)\n%s", tt.at, tt.k, diff)
		}
		if !s.Optimal || s.Cost != float64(s.Violations) || s.LowerBound != s.Cost || s.MaxBlocs != tt.k {
			t.Errorf("Sides at %s: optimal %v, cost %v, bound %v, K %d", tt.at, s.Optimal, s.Cost, s.LowerBound, s.MaxBlocs)
		}
	}
}

// TestSidesFrustration checks a war with a friendly tie between enemies'
// friends: an ally and an enemy of one party who are themselves allied.
func TestSidesFrustration(t *testing.T) {
	var c conflict.Conflict
	s := src("s")
	must(t, c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "s"}},
		Actors:  []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationAllied, From: "a", To: "b", Sources: s},
			{Kind: conflict.RelationAllied, From: "c", To: "d", Sources: s},
			{Kind: conflict.RelationFights, From: "a", To: "c", Sources: s},
			{Kind: conflict.RelationFights, From: "b", To: "d", Sources: s},
			{Kind: conflict.RelationAllied, From: "a", To: "d", End: date("2016-01-01"), Sources: s},   // frustrating until 2016
			{Kind: conflict.RelationFights, From: "a", To: "b", Start: date("2017-01-01"), Sources: s}, // allies who also fight
		},
	}))
	tests := []struct {
		at         string
		violations int
		frustrated []string
	}{
		{"2015-12-31", 1, []string{"a allied d"}},
		{"2016-01-01", 0, nil},
		{"2017-01-01", 1, []string{"a fights b"}},
	}
	for _, tt := range tests {
		got, err := c.At(on(tt.at)).Sides(conflict.SidesOptions{MaxBlocs: 2})
		if err != nil {
			t.Fatal(err)
		}
		var fr []string
		for _, f := range got.Broken {
			fr = append(fr, f.A+" "+f.Kinds()+" "+f.B)
			if len(f.Ties) == 0 || len(f.Ties[0].Claims()) == 0 {
				t.Errorf("%v: no relation behind a frustrated tie", f)
			}
		}
		if got.Violations != tt.violations || !cmp.Equal(tt.frustrated, fr) {
			t.Errorf("at %s: %d violations %v, want %d %v", tt.at, got.Violations, fr, tt.violations, tt.frustrated)
		}
	}
}

func TestSidesWeights(t *testing.T) {
	c := triangle()
	m := c.At(on("2016-09-01"))
	// With the US–Turkey alliance weighing most, the cheapest tie to break
	// is still the one hostile tie, weighing 1.
	w := func(t conflict.Tie) float64 {
		if t.Kind == conflict.RelationAllied {
			return 5
		}
		return 1
	}
	s, err := m.Sides(conflict.SidesOptions{MaxBlocs: 2, Weight: w})
	if err != nil {
		t.Fatal(err)
	}
	if s.Cost != 1 || s.Violations != 1 || s.Broken[0].Kinds() != "fights" || s.Broken[0].Weight != 1 {
		t.Errorf("weighted: cost %v, frustrated %+v", s.Cost, s.Broken)
	}
	// Weigh the fight above both friendly ties: now a friendly tie breaks.
	s, err = m.Sides(conflict.SidesOptions{MaxBlocs: 2, Weight: func(t conflict.Tie) float64 {
		if t.Kind == conflict.RelationFights {
			return 10
		}
		return 2
	}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Cost != 2 || s.Broken[0].Kinds() == "fights" {
		t.Errorf("weighted: cost %v, frustrated %+v", s.Cost, s.Broken)
	}
	for _, bad := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, err := m.Sides(conflict.SidesOptions{Weight: func(conflict.Tie) float64 { return bad }}); err == nil {
			t.Errorf("weight %v accepted", bad)
		}
	}
	if _, err := m.Sides(conflict.SidesOptions{MaxBlocs: -1}); err == nil {
		t.Error("K = -1 accepted")
	}
}

func TestSidesOver(t *testing.T) {
	c := edges(t)
	over, err := c.SidesOver(on("2015-01-01"), on("2017-01-01"), conflict.SidesOptions{MaxBlocs: 2})
	if err != nil {
		t.Fatal(err)
	}
	type point struct {
		From       string
		Blocs      [][]string
		Violations int
		Changes    []string
	}
	var got []point
	for _, o := range over {
		p := point{From: o.From.Format("2006-01-02"), Blocs: o.Sides.Blocs, Violations: o.Sides.Violations}
		for _, ch := range o.Changes {
			p.Changes = append(p.Changes, ch.String())
		}
		got = append(got, p)
	}
	want := []point{
		{"2015-01-01", [][]string{{"a", "c", "x", "y"}, {"b"}}, 0, nil},
		{"2015-02-01", [][]string{{"a", "c", "y"}, {"b"}}, 0, []string{"2015-02-01 closed x supports a"}},
		{"2015-05-01", [][]string{{"a", "c", "d", "y"}, {"b"}}, 0, []string{"2015-05 opened a allied d (possibly)"}},
		{"2015-10-01", [][]string{{"a", "c", "y"}, {"b"}}, 0, []string{"2015-09 closed a allied d"}},
		// y's support becomes sure on the same day.
		{"2016-01-01", [][]string{{"a", "c", "d", "y"}, {"b"}}, 0, []string{"2015 opened y supports c", "2016-01-01 opened d part-of a"}},
		{"2016-01-02", [][]string{{"a", "c", "y"}, {"b"}}, 0, []string{"2016-01-02 closed d part-of a"}},
		{"2016-02-27", [][]string{{"a", "c", "y"}}, 0, []string{"2016-02-27 opened a ceasefire b"}},
		{"2016-07-01", [][]string{{"a", "c", "y"}, {"b"}}, 0, []string{"2016-07 closed a ceasefire b (possibly)"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SidesOver (-want +got)\n%s", diff)
	}
	if over, err := c.SidesOver(on("2016-01-01"), on("2016-01-01"), conflict.SidesOptions{}); over != nil || err != nil {
		t.Errorf("empty range: %v, %v", over, err)
	}
	if _, err := c.SidesOver(on("2015-01-01"), on("2016-01-01"), conflict.SidesOptions{MaxBlocs: -1}); err == nil {
		t.Error("K = -1 accepted")
	}
}
