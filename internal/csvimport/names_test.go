package csvimport

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Military Forces of Syria (2000-)", "military-forces-of-syria-2000"},
		{"Côte d'Ivoire", "côte-divoire"},
		{"Cote d’Ivoire", "cote-divoire"},
		{"ÉTAT Islamique", "état-islamique"},
		{"  --Al-Nusra__Front-- ", "al-nusra-front"},
		{"123", "123"},
		{"", "x"},
		{"(?!)", "x"},
		{"a\xffb", "a-b"},
		{strings.Repeat("a", 120), strings.Repeat("a", 100)},
		{strings.Repeat("a", 99) + " b", strings.Repeat("a", 99)},
		{strings.Repeat("a", 99) + "é", strings.Repeat("a", 99)},
		{strings.Repeat("a", 98) + "é", strings.Repeat("a", 98) + "é"},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, Slug(tc.in)); diff != "" {
			t.Errorf("Slug(%q) (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff("pre-"+tc.want, string(AppendSlug([]byte("pre-"), tc.in))); diff != "" {
			t.Errorf("AppendSlug(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestAssign(t *testing.T) {
	type named struct{ Name, ID string }
	tests := []struct {
		name  string
		nodes []Naming
		want  []named
	}{
		{
			name:  "no clash",
			nodes: []Naming{{Names: []string{"Aleppo", "Aleppo, Syria"}}, {Names: []string{"Syria"}}},
			want:  []named{{"Aleppo", "aleppo"}, {"Syria", "syria"}},
		},
		{
			name: "lowest rank moves on",
			nodes: []Naming{
				{Names: []string{"Idlib", "Idlib, Syria"}, Rank: 3},
				{Names: []string{"Idlib", "Idlib (region)"}, Rank: 0},
			},
			want: []named{{"Idlib", "idlib"}, {"Idlib (region)", "idlib-region"}},
		},
		{
			name: "equal ranks both move on",
			nodes: []Naming{
				{Names: []string{"Hama", "Hama, Syria"}, Rank: 1},
				{Names: []string{"hama", "hama (actor)"}, Rank: 1},
			},
			want: []named{{"Hama, Syria", "hama-syria"}, {"hama (actor)", "hama-actor"}},
		},
		{
			name: "a node that cannot move keeps its name",
			nodes: []Naming{
				{Names: []string{"Homs"}, Rank: 0},
				{Names: []string{"Homs", "Homs, Syria"}, Rank: 3},
			},
			want: []named{{"Homs", "homs"}, {"Homs, Syria", "homs-syria"}},
		},
		{
			name: "a name that folds to another's ID",
			nodes: []Naming{
				{Names: []string{"al-bab"}, Rank: 1},
				{Names: []string{"Al Bab", "Al Bab, Syria"}, Rank: 0},
			},
			want: []named{{"al-bab", "al-bab"}, {"Al Bab, Syria", "al-bab-syria"}},
		},
		{
			name: "numbered in order when no candidate is left",
			nodes: []Naming{
				{Names: []string{"Raqqa"}},
				{Names: []string{"RAQQA"}},
				{Names: []string{"raqqa"}},
			},
			want: []named{{"Raqqa", "raqqa"}, {"RAQQA [2]", "raqqa-2"}, {"raqqa [3]", "raqqa-3"}},
		},
		{
			name: "a number that is taken",
			nodes: []Naming{
				{Names: []string{"Deir [2]"}},
				{Names: []string{"Deir"}},
				{Names: []string{"Deir"}},
			},
			want: []named{{"Deir [2]", "deir-2"}, {"Deir", "deir"}, {"Deir [3]", "deir-3"}},
		},
		{
			name: "a given ID",
			nodes: []Naming{
				{Names: []string{"Government of Syria"}, ID: "syria-government"},
				{Names: []string{"Syria Government", "Syria Government (UCDP actor 1)"}},
			},
			want: []named{{"Government of Syria", "syria-government"}, {"Syria Government (UCDP actor 1)", "syria-government-ucdp-actor-1"}},
		},
		{
			name: "given IDs that clash are numbered",
			nodes: []Naming{
				{Names: []string{"A"}, ID: "x"},
				{Names: []string{"B"}, ID: "X"},
			},
			want: []named{{"A", "x"}, {"B [2]", "X-2"}},
		},
		{name: "none", nodes: nil, want: []named{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			names, ids := Assign(tc.nodes)
			got := []named{}
			for i := range names {
				got = append(got, named{names[i], ids[i]})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Assign (-want +got):\n%s", diff)
			}
		})
	}
}
