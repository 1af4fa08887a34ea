package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestTerritoryJSON checks territory -json against the library's shares,
// and -by places against the places each party holds as at -json's
// Summary says (definitely) and control says (possibly).
func TestTerritoryJSON(t *testing.T) {
	c := hills(t)
	file := hillsFile
	tests := []struct {
		args []string
		rec  conflict.Record // the record asked; c if nil
		at   string
		by   conflict.Weight // 0 for places
		want []string        // the parties, in order
	}{
		{[]string{"-at", "2015-08-15"}, nil, "2015-08-15", conflict.WeightArea, []string{"isis", "government", "nusra"}},
		{[]string{"-at", "2015-08-15", "-by", "population"}, nil, "2015-08-15", conflict.WeightPopulation, []string{"isis", "government", "nusra"}},
		{[]string{"-at", "2015-09-01", "-by", "area"}, nil, "2015-09-01", conflict.WeightArea, []string{"isis", "nusra"}},
		{[]string{"-at", "2016-04-10", "-party", "Daesh", "-party", "government"}, nil, "2016-04-10", conflict.WeightArea, []string{"government", "isis"}},
		{[]string{"-at", "2015-08-15", "-by", "places"}, nil, "2015-08-15", 0, []string{"isis", "nusra", "government"}},
		{[]string{"-at", "2016-05", "-by", "places", "-alleged"}, c.WithAlleged(), "2016-05", 0, []string{"government", "hezbollah", "nusra"}},
		{[]string{"-at", "2016-05", "-by", "places"}, nil, "2016-05", 0, []string{"government", "nusra"}},
		// al-Qaryatayn contested while the government holds it: possibly
		// held.
		{[]string{"-at", "2016-06-15", "-by", "places"}, nil, "2016-06-15", 0, []string{"government", "nusra"}},
		{[]string{"-at", "2016-06-15"}, nil, "2016-06-15", conflict.WeightArea, []string{"government", "nusra"}},
		{[]string{"-at", "2016-04-10", "-as-of", "2016-03-30", "-by", "population"}, c.AsOf(on(c, "2016-03-30")), "2016-04-10", conflict.WeightPopulation, []string{"government", "isis", "nusra"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			wantKeys := []string{"at", "by", "territory"}
			if slices.Contains(tt.args, "-as-of") {
				wantKeys = []string{"as_of", "at", "by", "territory"}
			}
			obj, _ := runObject(t, wantKeys, append([]string{"territory", "-json", file}, tt.args...)...)
			var got []territoryJSON
			field(t, obj, "territory", &got)
			m := rec.At(on(c, tt.at))
			var want []territoryJSON
			for _, p := range tt.want {
				var s conflict.Share
				if tt.by != 0 {
					s = m.Territory(p, tt.by)
				} else {
					s = placesHeld(m, p)
				}
				want = append(want, territoryJSON{p, shareOf(s)})
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(territoryJSON{})); diff != "" {
				t.Errorf("territory mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// placesHeld counts the places party holds at m, each 1: definitely those
// the Summary gives it as definite holder, possibly those it is among the
// possible holders of, as control gives them, without a roll-up.
func placesHeld(m conflict.Moment, party string) conflict.Share {
	var s conflict.Share
	for loc, h := range m.Summary().Control {
		if h != nil && *h == party {
			s.Places++
		} else if ctl := m.Controller(loc); !ctl.RolledUp && (ctl.Holder == party || slices.Contains(ctl.Claimants, party)) {
			s.PossiblePlaces++
		}
	}
	s.Definite, s.Possible = float64(s.Places), float64(s.PossiblePlaces)
	return s
}

// TestTerritoryText checks territory's tables, by weight and by places,
// with names of the day.
func TestTerritoryText(t *testing.T) {
	file := hillsFile
	tests := []struct {
		args []string
		want []string // lines, spaces squeezed
	}{
		{[]string{"-at", "2015-08-15"}, []string{
			"Territory at 2015-08-15, by area (km²)",
			"PARTY DEFINITE PLACES POSSIBLE PLACES UNWEIGHED",
			"Islamic State 48 1 22 1 0",
			"Syrian government 0 0 22 1 0",
			"Jabhat al-Nusra 0 0 0 0 1",
		}},
		{[]string{"-at", "2015-08-15", "-by", "population", "-ids"}, []string{
			"Territory at 2015-08-15, by population (people)",
			"isis 51323 1 14208 1 0",
		}},
		{[]string{"-at", "2016-08-15", "-by", "places", "-party", "nusra"}, []string{
			"Territory at 2016-08-15, by places (a count of the places held)",
			"PARTY DEFINITE POSSIBLE",
			"Jabhat Fateh al-Sham 1 0",
		}},
		{[]string{"-at", "2016-05", "-by", "places", "-party", "hezbollah"}, []string{"Hezbollah 0 0"}},
		{[]string{"-at", "2016-05", "-by", "places", "-party", "hezbollah", "-alleged"}, []string{"Hezbollah 1 0"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"territory", file}, tt.args...)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			lines := strings.Split(squeeze(r.stdout), "\n")
			for _, want := range tt.want {
				if !slices.Contains(lines, want) {
					t.Errorf("output has no line %q:\n%s", want, r.stdout)
				}
			}
		})
	}
	// Ranked: the most held first.
	r := conflictCmd("territory", file, "-at", "2015-08-15")
	if i, j := strings.Index(r.stdout, "Islamic State"), strings.Index(r.stdout, "Syrian government"); i < 0 || j < i {
		t.Errorf("Islamic State does not come before Syrian government:\n%s", r.stdout)
	}
}

// TestGainsJSON checks gains -json against the library's gains, and -by
// places against the places held before and after.
func TestGainsJSON(t *testing.T) {
	c := hills(t)
	file := hillsFile
	tests := []struct {
		args     []string
		rec      conflict.Record // the record asked; c if nil
		from, to string
		by       conflict.Weight // 0 for places
		want     []string        // party: net, gained, lost
	}{
		{[]string{"-from", "2016-03", "-to", "2016-04-10"}, nil, "2016-03", "2016-04-10", conflict.WeightArea, []string{
			"government: 70 [palmyra qaryatayn] []",
			"isis: -70 [] [palmyra qaryatayn]",
		}},
		{[]string{"-from", "2015-08-15", "-to", "2015-09", "-by", "population"}, nil, "2015-08-15", "2015-09", conflict.WeightPopulation, []string{
			"isis: 14208 [qaryatayn] []",
			"government: 0 [] []",
		}},
		{[]string{"-from", "2016-03", "-to", "2016-04-10", "-by", "population", "-as-of", "2016-03-30"},
			c.AsOf(on(c, "2016-03-30")), "2016-03", "2016-04-10", conflict.WeightPopulation, []string{
				"government: 51323 [palmyra] []",
				"isis: -51323 [] [palmyra]",
			}},
		{[]string{"-from", "2016-03", "-to", "2016-04-10", "-by", "places"}, nil, "2016-03", "2016-04-10", 0, []string{
			"government: 2 [palmyra qaryatayn] []",
			"isis: -2 [] [palmyra qaryatayn]",
		}},
		{[]string{"-from", "2017", "-to", "2017-02", "-by", "places"}, nil, "2017", "2017-02", 0, []string{
			"hts: 1 [idlib] []",
			"nusra: -1 [] [idlib]",
		}},
		{[]string{"-from", "2015-12", "-to", "2016-02", "-by", "places", "-alleged"}, c.WithAlleged(), "2015-12", "2016-02", 0, []string{
			"hezbollah: 1 [tiyas] []",
		}},
		{[]string{"-from", "2015-12", "-to", "2016-02", "-by", "places"}, nil, "2015-12", "2016-02", 0, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			wantKeys := []string{"by", "from", "gains", "to"}
			if slices.Contains(tt.args, "-as-of") {
				wantKeys = []string{"as_of", "by", "from", "gains", "to"}
			}
			obj, _ := runObject(t, wantKeys, append([]string{"gains", "-json", file}, tt.args...)...)
			var got []gainJSON
			field(t, obj, "gains", &got)
			var summary []string
			for _, g := range got {
				summary = append(summary, g.Party+": "+number(g.Net)+" ["+strings.Join(g.Gained, " ")+"] ["+strings.Join(g.Lost, " ")+"]")
			}
			if diff := cmp.Diff(tt.want, summary); diff != "" {
				t.Errorf("gains mismatch (-want +got):\n%s", diff)
			}
			from, to := on(c, tt.from), on(c, tt.to)
			want := []gainJSON{}
			if tt.by != 0 {
				for _, g := range rec.Gains(from, to, tt.by) {
					want = append(want, gainJSON{g.Party, g.Net(), shareOf(g.Before), shareOf(g.After), nonNil(g.Gained), nonNil(g.Lost)})
				}
			} else {
				for _, g := range got {
					before, after := placesHeld(rec.At(from), g.Party), placesHeld(rec.At(to), g.Party)
					want = append(want, gainJSON{g.Party, after.Definite - before.Definite, shareOf(before), shareOf(after), g.Gained, g.Lost})
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("gains differ from the library's (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGainsText checks gains' table, and its usage errors.
func TestGainsText(t *testing.T) {
	file := hillsFile
	r := conflictCmd("gains", file, "--from", "2015-08-15", "--to", "2015-09", "--by", "area")
	mustSucceed(t, r)
	for _, want := range []string{
		"Gains from 2015-08-15 to 2015-09, by area (km²): 2 parties",
		"PARTY NET BEFORE AFTER GAINED LOST",
		"Islamic State +22 48 (+22 possibly) 70 al-Qaryatayn -",
		"Syrian government 0 0 (+22 possibly) 0 - -",
	} {
		if !slices.Contains(strings.Split(squeeze(r.stdout), "\n"), want) {
			t.Errorf("output has no line %q:\n%s", want, r.stdout)
		}
	}
	// Parties by the names they went by on the day of -to.
	r = conflictCmd("gains", file, "-from", "2017", "-to", "2017-02", "-by", "places")
	mustSucceed(t, r)
	if !strings.Contains(squeeze(r.stdout), "Jabhat Fateh al-Sham -1 1 0 - Idlib") {
		t.Errorf("output has no loss of Idlib by Jabhat Fateh al-Sham:\n%s", r.stdout)
	}
	// Places of no known weight.
	r = conflictCmd("gains", file, "-from", "2016-12", "-to", "2017-02")
	mustSucceed(t, r)
	if !strings.Contains(squeeze(r.stdout), "Jabhat Fateh al-Sham 0 0 (1 unweighed) 0 - -") {
		t.Errorf("output does not count Idlib as unweighed:\n%s", r.stdout)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-from", "2016"}, "gains needs -from D1 and -to D2"},
		{[]string{"-to", "2016"}, "gains needs -from D1 and -to D2"},
		{[]string{"-from", "2016", "-to", "2017", "-by", "length"}, `invalid value "length" for flag -by: want area, population or places`},
		{[]string{"-from", "2016", "-to", "2017", "-party", "isis"}, "flag provided but not defined: -party"},
	} {
		r := conflictCmd(append([]string{"gains", file}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("gains %s: exit %d, stderr %q; want a usage error with %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.want)
		}
	}
}

// TestSyriaTerritory checks territory and gains on the worked example
// against the library, and Palmyra's change of hands in March 2016.
func TestSyriaTerritory(t *testing.T) {
	c := testutil.Syria(t)
	m := c.At(on(c, "2016-04-06"))
	for _, by := range []string{"area", "population", "places"} {
		obj, _ := runObject(t, []string{"at", "by", "territory"}, "territory", "-json", "-at", "2016-04-06", "-by", by, syriaFile)
		var got []territoryJSON
		field(t, obj, "territory", &got)
		if len(got) == 0 {
			t.Fatalf("-by %s: no party holds territory", by)
		}
		for _, g := range got {
			var want conflict.Share
			switch by {
			case "places":
				want = placesHeld(m, g.Party)
			case "area":
				want = m.Territory(g.Party, conflict.WeightArea)
			default:
				want = m.Territory(g.Party, conflict.WeightPopulation)
			}
			if diff := cmp.Diff(shareOf(want), g.shareJSON); diff != "" {
				t.Errorf("-by %s: %s mismatch (-want +got):\n%s", by, g.Party, diff)
			}
		}
	}
	obj, _ := runObject(t, []string{"by", "from", "gains", "to"}, "gains", "-json", "-from", "2016-03-01", "-to", "2016-04-10", "-by", "places", syriaFile)
	var gains []gainJSON
	field(t, obj, "gains", &gains)
	took := map[string][]string{}
	for _, g := range gains {
		for _, loc := range g.Gained {
			took[loc] = append(took[loc], g.Party)
		}
		for _, loc := range g.Lost {
			took[loc] = append(took[loc], "-"+g.Party)
		}
	}
	if diff := cmp.Diff([]string{"syrian-government", "-isis"}, took["palmyra"]); diff != "" {
		t.Errorf("Palmyra's change of hands mismatch (-want +got):\n%s", diff)
	}
}
