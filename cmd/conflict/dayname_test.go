package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/internal/testutil"
)

// TestNamesOfTheDay checks that text output names a party by the name it
// went by on the day asked about, or on the day of each change: Jabhat
// al-Nusra was Jabhat Fateh al-Sham from 28 July 2016.
func TestNamesOfTheDay(t *testing.T) {
	file := hillsFile
	tests := []struct {
		args    []string
		want    []string // lines, spaces squeezed
		wantNot string   // a name the output must not have
	}{
		{[]string{"at", "-at", "2016-07-27"}, []string{
			"Idlib Jabhat al-Nusra",
			"3. Jabhat al-Nusra",
			"Syrian government – Jabhat al-Nusra",
		}, "Jabhat Fateh al-Sham"},
		{[]string{"at", "-at", "2016-08-15"}, []string{
			"Idlib Jabhat Fateh al-Sham",
			"3. Jabhat Fateh al-Sham",
			"Syrian government – Jabhat Fateh al-Sham",
		}, "Jabhat al-Nusra"},
		{[]string{"control", "-at", "2016-08-15"}, []string{
			"Idlib held Jabhat Fateh al-Sham definite 2015-03-28 - - monitor-1, wire-3",
		}, "Jabhat al-Nusra"},
		{[]string{"alliances", "-at", "2016-08-15"}, []string{"3. Jabhat Fateh al-Sham"}, "Jabhat al-Nusra"},
		{[]string{"sides", "-at", "2016-08-15"}, []string{"3. Jabhat Fateh al-Sham"}, "Jabhat al-Nusra"},
		{[]string{"territory", "-at", "2016-08-15", "-by", "places"}, []string{"Jabhat Fateh al-Sham 1 0"}, "Jabhat al-Nusra"},
		// Each change by the names of its day.
		{[]string{"changes", "-from", "2015", "-to", "2018"}, []string{
			"2015-03-28 opened Jabhat al-Nusra controls Idlib [monitor-1, wire-3]",
			"2017-01-28 closed Jabhat Fateh al-Sham controls Idlib [monitor-1, wire-3]",
			"2017-01-28 opened Hay'at Tahrir al-Sham controls Idlib [wire-3]",
		}, ""},
		// A hold by the name when it began.
		{[]string{"history", "Idlib"}, []string{"2015-03-28 2017-01-28 Jabhat al-Nusra monitor-1, wire-3"}, ""},
		// A party found by a name it went by.
		{[]string{"timeline", "Jabhat Fateh al-Sham"}, []string{"Jabhat al-Nusra (nusra): 4 changes, 2 lineage events"}, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append(tt.args, file)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			lines := strings.Split(squeeze(r.stdout), "\n")
			for _, want := range tt.want {
				if !slices.Contains(lines, want) {
					t.Errorf("output has no line %q:\n%s", want, r.stdout)
				}
			}
			if tt.wantNot != "" && strings.Contains(r.stdout, tt.wantNot) {
				t.Errorf("output has %q:\n%s", tt.wantNot, r.stdout)
			}
			if tt.wantNot == "" {
				return
			}
			// -ids shows neither name of a moment.
			ids := conflictCmd(append(args, "-ids")...)
			mustSucceed(t, ids, args...)
			if strings.Contains(ids.stdout, "Jabhat") {
				t.Errorf("-ids shows a name:\n%s", ids.stdout)
			}
		})
	}
}

// TestSyriaNamesOfTheDay checks that at names every party in a bloc by the
// name the library gives it for the day, whatever names the worked example
// dates.
func TestSyriaNamesOfTheDay(t *testing.T) {
	c := testutil.Syria(t)
	for _, day := range []string{"2015-07-01", "2016-08-15", "2016-12-15"} {
		m := c.At(on(c, day))
		r := conflictCmd("at", "-at", day, syriaFile)
		mustSucceed(t, r)
		section := strings.SplitN(strings.SplitN(r.stdout, "Alliances:", 2)[1], "\n\n", 2)[0]
		for _, bloc := range m.Alliances() {
			names := make([]string, len(bloc))
			for i, id := range bloc {
				names[i] = m.Name(id)
			}
			if want := strings.Join(names, ", "); !slices.ContainsFunc(lines(section), func(l string) bool { return strings.HasSuffix(l, ". "+want) }) {
				t.Errorf("%s: no bloc %q in:\n%s", day, want, section)
			}
		}
	}
}

// TestAlleged checks -alleged on the query commands: the answers take in
// the alleged claims, marked "(alleged)" in text and "alleged": true or
// alleged_ties in JSON; without it, none of them shows.
func TestAlleged(t *testing.T) {
	file := hillsFile
	tests := []struct {
		args []string
		text []string // lines with -alleged, spaces squeezed, and not without
		json []string // what -json -alleged has, spaces squeezed
		gone string   // what -json has with -alleged and not without
	}{
		{[]string{"at", "-at", "2016-05"}, []string{"T4 Hezbollah (alleged)", "Islamic State Turkey (alleged)"},
			[]string{`"alleged_ties": [ { "kind": "supports", "from": "turkey", "to": "isis" }, { "kind": "controls", "from": "hezbollah", "to": "tiyas" } ]`},
			`"tiyas": "hezbollah"`},
		{[]string{"control", "-at", "2016-05"}, []string{"T4 held Hezbollah (alleged) definite 2016-01 - - op-ed"},
			[]string{`"holder": "hezbollah",`, `"alleged": true`}, `"holder": "hezbollah"`},
		{[]string{"alliances", "-at", "2016-05"}, []string{"2. Islamic State, Turkey"},
			[]string{`"alleged_ties": [ {`}, `"turkey"`},
		{[]string{"sides", "-at", "2016-05"}, []string{"2. Islamic State, Turkey"},
			[]string{`"alleged_ties": [ {`}, `"turkey"`},
		{[]string{"history", "tiyas"}, []string{"2016-01 - Hezbollah (alleged) op-ed"},
			[]string{`"holder": "hezbollah",`, `"alleged": true`}, `"holder": "hezbollah"`},
		{[]string{"changes", "-from", "2015", "-to", "2016-02"}, []string{
			"2015 opened Turkey supports Islamic State (alleged) [op-ed]",
			"2016-01 opened Hezbollah controls T4 (alleged) [op-ed]",
		}, []string{`"from": "turkey",`, `"alleged": true`}, `"from": "turkey"`},
		{[]string{"timeline", "hezbollah"}, []string{"2016-01 opened Hezbollah controls T4 (alleged) [op-ed]"},
			[]string{`"alleged": true`}, `"from": "hezbollah"`},
		{[]string{"events", "-party", "turkey"}, []string{"2016-08-10 airstrike strike-on-idlib (alleged)"},
			[]string{`"id": "strike-on-idlib",`, `"alleged": true`}, `"strike-on-idlib"`},
		{[]string{"territory", "-at", "2016-05", "-by", "places"}, []string{"Hezbollah 1 0"},
			[]string{`"party": "hezbollah",`}, `"hezbollah"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append(tt.args, file)
			with := conflictCmd(append(args, "-alleged")...)
			mustSucceed(t, with, args...)
			without := conflictCmd(args...)
			mustSucceed(t, without, args...)
			got, gotWithout := strings.Split(squeeze(with.stdout), "\n"), strings.Split(squeeze(without.stdout), "\n")
			for _, want := range tt.text {
				if !slices.Contains(got, want) {
					t.Errorf("-alleged: output has no line %q:\n%s", want, with.stdout)
				}
				if slices.Contains(gotWithout, want) {
					t.Errorf("without -alleged the output has %q:\n%s", want, without.stdout)
				}
			}
			if strings.Contains(without.stdout, "(alleged)") {
				t.Errorf("without -alleged the output marks an allegation:\n%s", without.stdout)
			}

			withJSON := conflictCmd(append(args, "-alleged", "-json")...)
			mustSucceed(t, withJSON, args...)
			flat := strings.Join(strings.Fields(withJSON.stdout), " ")
			for _, want := range append(tt.json, tt.gone) {
				if !strings.Contains(flat, want) {
					t.Errorf("-alleged -json has no %q:\n%s", want, withJSON.stdout)
				}
			}
			withoutJSON := conflictCmd(append(args, "-json")...)
			mustSucceed(t, withoutJSON, args...)
			for _, word := range []string{`"alleged"`, `"alleged_ties"`, tt.gone} {
				if strings.Contains(strings.Join(strings.Fields(withoutJSON.stdout), " "), word) {
					t.Errorf("-json without -alleged has %s:\n%s", word, withoutJSON.stdout)
				}
			}
		})
	}
}

// TestAllegedWithAsOf checks that -alleged and -as-of together answer
// from the view as known on the day, taking in its allegations: the
// op-ed was published in September 2016.
func TestAllegedWithAsOf(t *testing.T) {
	c := hills(t)
	file := hillsFile
	for _, tt := range []struct {
		asOf string
		want bool // whether Hezbollah's alleged hold of T4 shows
	}{{"2016-09-30", false}, {"2016-10", true}} {
		v := c.AsOf(on(c, tt.asOf)).WithAlleged()
		if got := v.At(on(c, "2016-05")).Controller("tiyas").Holder == "hezbollah"; got != tt.want {
			t.Fatalf("as of %s the library says hezbollah holds T4: %t, want %t", tt.asOf, got, tt.want)
		}
		r := conflictCmd("control", "-at", "2016-05", "-as-of", tt.asOf, "-alleged", file)
		mustSucceed(t, r)
		if got := strings.Contains(r.stdout, "Hezbollah (alleged)"); got != tt.want {
			t.Errorf("-as-of %s -alleged: shows Hezbollah's hold: %t, want %t:\n%s", tt.asOf, got, tt.want, r.stdout)
		}
	}
}
