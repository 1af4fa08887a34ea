package csvimport

import (
	"strconv"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

func TestPlaces(t *testing.T) {
	aleppo := Site{Name: "Aleppo", Region: "Aleppo", Country: "Syria", Lat: 36.2, Lon: 37.16, LatText: "36.2", LonText: "37.16"}
	tests := []struct {
		name    string
		add     func(ps *Places) []int // adds places, returning the indices it is given
		indices []int
		namings []Naming
		locs    []conflict.Location // with names "n0", "n1", ... and IDs "id0", "id1", ...
	}{
		{
			name:    "none",
			add:     func(ps *Places) []int { return nil },
			indices: nil,
			namings: nil,
			locs:    nil,
		},
		{
			name: "country, region, site",
			add: func(ps *Places) []int {
				c := ps.Country("Syria")
				r := ps.Region("Syria", "Aleppo", c)
				return []int{c, r, ps.Site(Site{Name: "Afrin", Region: "Aleppo", Country: "Syria",
					Lat: 36.51, Lon: 36.87, LatText: "36.51", LonText: "36.87"}, r)}
			},
			indices: []int{0, 1, 2},
			namings: []Naming{
				{Names: []string{"Syria", "Syria (country)"}, Rank: RankCountry},
				{Names: []string{"Aleppo", "Aleppo (region)", "Aleppo (region), Syria"}, Rank: RankRegion},
				{Names: []string{"Afrin", "Afrin, Syria", "Afrin, Aleppo, Syria", "Afrin, Aleppo, Syria (36.51, 36.87)"}, Rank: RankPlace},
			},
			locs: []conflict.Location{
				{ID: "id0", Name: "n0", Kind: conflict.LocationCountry},
				{ID: "id1", Name: "n1", Kind: conflict.LocationRegion, Within: "id0"},
				{ID: "id2", Name: "n2", Point: &conflict.Point{Lat: 36.51, Lon: 36.87}, Within: "id1"},
			},
		},
		{
			name: "each once",
			add: func(ps *Places) []int {
				again := aleppo
				again.LatText, again.LonText = "36.20", "37.160"
				return []int{
					ps.Country("Syria"), ps.Site(aleppo, 0), ps.Country("Syria"),
					ps.Site(again, 0),                // the same point written otherwise
					ps.Site(aleppo, -1),              // the same site within another place
					ps.Region("Syria", "Aleppo", 0),  // a region of the site's name
					ps.Region("Turkey", "Aleppo", 0), // a region of another country
					ps.Country("Aleppo"),             // a country of the region's name
				}
			},
			indices: []int{0, 1, 0, 1, 1, 2, 3, 4},
			namings: []Naming{
				{Names: []string{"Syria", "Syria (country)"}, Rank: RankCountry},
				{Names: []string{"Aleppo", "Aleppo, Syria", "Aleppo, Aleppo, Syria", "Aleppo, Aleppo, Syria (36.2, 37.16)"}, Rank: RankPlace},
				{Names: []string{"Aleppo", "Aleppo (region)", "Aleppo (region), Syria"}, Rank: RankRegion},
				{Names: []string{"Aleppo", "Aleppo (region)", "Aleppo (region), Turkey"}, Rank: RankRegion},
				{Names: []string{"Aleppo", "Aleppo (country)"}, Rank: RankCountry},
			},
			locs: []conflict.Location{
				{ID: "id0", Name: "n0", Kind: conflict.LocationCountry},
				{ID: "id1", Name: "n1", Point: &conflict.Point{Lat: 36.2, Lon: 37.16}, Within: "id0"},
				{ID: "id2", Name: "n2", Kind: conflict.LocationRegion, Within: "id0"},
				{ID: "id3", Name: "n3", Kind: conflict.LocationRegion, Within: "id0"},
				{ID: "id4", Name: "n4", Kind: conflict.LocationCountry},
			},
		},
		{
			name: "sites apart by their point",
			add: func(ps *Places) []int {
				moved := aleppo
				moved.Lat, moved.LatText = 36.3, "36.3"
				return []int{ps.Site(aleppo, -1), ps.Site(moved, -1)}
			},
			indices: []int{0, 1},
			namings: []Naming{
				{Names: []string{"Aleppo", "Aleppo, Syria", "Aleppo, Aleppo, Syria", "Aleppo, Aleppo, Syria (36.2, 37.16)"}, Rank: RankPlace},
				{Names: []string{"Aleppo", "Aleppo, Syria", "Aleppo, Aleppo, Syria", "Aleppo, Aleppo, Syria (36.3, 37.16)"}, Rank: RankPlace},
			},
			locs: []conflict.Location{
				{ID: "id0", Name: "n0", Point: &conflict.Point{Lat: 36.2, Lon: 37.16}},
				{ID: "id1", Name: "n1", Point: &conflict.Point{Lat: 36.3, Lon: 37.16}},
			},
		},
		{
			name: "country unknown",
			add: func(ps *Places) []int {
				r := ps.Region("", "Darfur", -1)
				return []int{r, ps.Site(Site{Name: "Nyala", Region: "Darfur", Lat: 12.05, Lon: 24.88, LatText: "12.05", LonText: "24.88"}, r)}
			},
			indices: []int{0, 1},
			namings: []Naming{
				{Names: []string{"Darfur", "Darfur (region)"}, Rank: RankRegion},
				{Names: []string{"Nyala", "Nyala, Darfur", "Nyala, Darfur (12.05, 24.88)"}, Rank: RankPlace},
			},
			locs: []conflict.Location{
				{ID: "id0", Name: "n0", Kind: conflict.LocationRegion},
				{ID: "id1", Name: "n1", Point: &conflict.Point{Lat: 12.05, Lon: 24.88}, Within: "id0"},
			},
		},
		{
			name: "region and country unknown",
			add: func(ps *Places) []int {
				return []int{ps.Site(Site{Name: "Nyala", Lat: 12.05, Lon: 24.88, LatText: "12.05", LonText: "24.88"}, -1)}
			},
			indices: []int{0},
			namings: []Naming{{Names: []string{"Nyala", "Nyala (12.05, 24.88)"}, Rank: RankPlace}},
			locs:    []conflict.Location{{ID: "id0", Name: "n0", Point: &conflict.Point{Lat: 12.05, Lon: 24.88}}},
		},
		{
			name: "region unknown",
			add: func(ps *Places) []int {
				c := ps.Country("Sudan")
				return []int{c, ps.Site(Site{Name: "Nyala", Country: "Sudan", Lat: 12.05, Lon: 24.88, LatText: "12.05", LonText: "24.88"}, c)}
			},
			indices: []int{0, 1},
			namings: []Naming{
				{Names: []string{"Sudan", "Sudan (country)"}, Rank: RankCountry},
				{Names: []string{"Nyala", "Nyala, Sudan", "Nyala, Sudan (12.05, 24.88)"}, Rank: RankPlace},
			},
			locs: []conflict.Location{
				{ID: "id0", Name: "n0", Kind: conflict.LocationCountry},
				{ID: "id1", Name: "n1", Point: &conflict.Point{Lat: 12.05, Lon: 24.88}, Within: "id0"},
			},
		},
		{
			name: "a qualified name like the one before is skipped",
			add: func(ps *Places) []int {
				return []int{ps.Region("", "Kivu (region)", -1)}
			},
			indices: []int{0},
			namings: []Naming{{Names: []string{"Kivu (region)", "Kivu (region) (region)"}, Rank: RankRegion}},
			locs:    []conflict.Location{{ID: "id0", Name: "n0", Kind: conflict.LocationRegion}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ps Places
			indices := tc.add(&ps)
			if diff := cmp.Diff(tc.indices, indices); diff != "" {
				t.Errorf("indices (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(len(tc.locs), ps.Len()); diff != "" {
				t.Errorf("Len (-want +got):\n%s", diff)
			}
			namings := ps.Namings(nil)
			if diff := cmp.Diff(tc.namings, namings, cmp.AllowUnexported(Naming{})); diff != "" {
				t.Errorf("Namings (-want +got):\n%s", diff)
			}
			var names, ids []string
			for i := range ps.Len() {
				names, ids = append(names, "n"+strconv.Itoa(i)), append(ids, "id"+strconv.Itoa(i))
			}
			if diff := cmp.Diff(tc.locs, ps.Locations(names, ids)); diff != "" {
				t.Errorf("Locations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlacesNamed checks the names Assign gives places with their
// candidates and ranks, next to an actor.
func TestPlacesNamed(t *testing.T) {
	var ps Places
	syria := ps.Country("Syria")
	idlib := ps.Region("Syria", "Idlib", syria)
	ps.Site(Site{Name: "Idlib", Region: "Idlib", Country: "Syria", Lat: 35.93, Lon: 36.63, LatText: "35.93", LonText: "36.63"}, idlib)
	ps.Site(Site{Name: "Idlib", Region: "Idlib", Country: "Syria", Lat: 35.9, Lon: 36.6, LatText: "35.9", LonText: "36.6"}, idlib)
	ps.Site(Site{Name: "Syria", Country: "Syria", Lat: 35, Lon: 38, LatText: "35", LonText: "38"}, syria)
	nodes := ps.Namings([]Naming{{Names: []string{"Idlib", "Idlib (actor)"}, Rank: RankActor}})
	names, ids := Assign(nodes)
	type named struct{ Name, ID string }
	var got []named
	for i := range names {
		got = append(got, named{names[i], ids[i]})
	}
	want := []named{
		{"Idlib (actor)", "idlib-actor"},
		{"Syria (country)", "syria-country"},
		{"Idlib (region)", "idlib-region"},
		{"Idlib, Idlib, Syria (35.93, 36.63)", "idlib-idlib-syria-35-93-36-63"},
		{"Idlib, Idlib, Syria (35.9, 36.6)", "idlib-idlib-syria-35-9-36-6"},
		{"Syria", "syria"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assign (-want +got):\n%s", diff)
	}
}
