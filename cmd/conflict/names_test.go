package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNames checks that text output shows names, and -ids the IDs.
func TestNames(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines or parts of lines the output has, spaces squeezed
		ids  []string // the same with -ids
	}{
		{
			[]string{"at", "-at", "2016-04-06"},
			[]string{
				"Palmyra Syrian government",
				"Deir ez-Zor Syrian government (besieged)",
				"Aleppo contested by Syrian government and Syrian rebels",
				"Iraq possibly Iraqi government forces or Islamic State",
				"Deir ez-Zor by Islamic State",
				"3. Islamic State",
				"Syrian rebels Saudi Arabia, Turkey, United States",
				"Islamic State – Syrian government",
			},
			[]string{
				"palmyra syrian-government",
				"deir-ez-zor syrian-government (besieged)",
				"aleppo contested by syrian-government and syrian-rebels",
				"iraq possibly iraqi-forces or isis",
				"deir-ez-zor by isis",
				"3. isis",
				"syrian-rebels saudi-arabia, turkey, united-states",
				"isis – syrian-government",
			},
		},
		{
			[]string{"control", "-at", "2016-12-15"},
			[]string{"Palmyra held Islamic State definite 2016-12-11 - - isw-2016-12-13"},
			[]string{"palmyra held isis definite 2016-12-11 - - isw-2016-12-13"},
		},
		{
			[]string{"history", "Tadmur"},
			[]string{"Palmyra (palmyra): 4 holds", "2015-05-21 2016-03-27 Islamic State almasdar-2016-09"},
			[]string{"palmyra (Palmyra): 4 holds", "2015-05-21 2016-03-27 isis almasdar-2016-09"},
		},
		{
			[]string{"alliances", "-at", "2016-04-06"},
			[]string{"1. al-Qaeda, Jabhat al-Nusra", "3. Islamic State"},
			[]string{"1. al-qaeda, jabhat-al-nusra", "3. isis"},
		},
		{
			[]string{"sides", "-at", "2016-12-15"},
			[]string{
				"2. Islamic State",
				"Iraqi government forces and United States are friends in different blocs (supports)",
				"United States supports Iraqi government forces […, …) (air-power) [almasdar-2016-09, reuters-2016-06-26-falluja, usatoday-2015-05-17-ramadi]",
			},
			[]string{
				"2. isis",
				"iraqi-forces and united-states are friends in different blocs (supports)",
				"united-states supports iraqi-forces […, …) (air-power) [almasdar-2016-09, reuters-2016-06-26-falluja, usatoday-2015-05-17-ramadi]",
			},
		},
		{
			[]string{"changes", "-from", "2016-03", "-to", "2016-04"},
			[]string{"2016-03-27 closed Islamic State controls Palmyra [", "2016-03-27 opened Syrian government controls Palmyra ["},
			[]string{"2016-03-27 closed isis controls palmyra [", "2016-03-27 opened syrian-government controls palmyra ["},
		},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			for _, ids := range []bool{false, true} {
				args, want := append(tt.args, syriaFile), tt.want
				if ids {
					args, want = append(args, "-ids"), tt.ids
				}
				r := conflictCmd(args...)
				mustSucceed(t, r, args...)
				out := squeeze(r.stdout)
				for _, w := range want {
					if !strings.Contains(out, w) {
						t.Errorf("%q: output has no %q:\n%s", args, w, r.stdout)
					}
				}
			}
			// JSON keeps the IDs.
			args := append(tt.args, "-json", syriaFile)
			if lookup(args[0]).flags&jsonFlag == 0 {
				return
			}
			names, ids := conflictCmd(args...), conflictCmd(append(args, "-ids")...)
			mustSucceed(t, names, args...)
			// Names appear only as the values of the "names" key, which
			// maps each party's ID to its name of the day.
			out := names.stdout
			if i := strings.Index(out, `"names": {`); i >= 0 {
				j := strings.Index(out[i:], "}")
				out = out[:i] + out[i+j:]
			}
			if names.stdout != ids.stdout || strings.Contains(out, "Islamic State") {
				t.Errorf("-json shows names:\n%s", names.stdout)
			}
		})
	}
}

// squeeze replaces each run of spaces in s by one, as the tests compare
// tables.
func squeeze(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Join(strings.Fields(line), " "))
	}
	return b.String()
}

// TestAtAgreesWithControl checks that at, in text and JSON, says of every
// place what control says: contested, besieged, held or unknown.
func TestAtAgreesWithControl(t *testing.T) {
	for _, day := range []string{"2015-07-01", "2015-08-15", "2016-04-06", "2016-12-15"} {
		t.Run(day, func(t *testing.T) {
			var at struct {
				Control   map[string]*string
				Possible  map[string][]string
				Besieged  map[string][]string
				Contested map[string][]string
			}
			if err := json.Unmarshal([]byte(conflictCmd("at", syriaFile, "-at", day, "-json").stdout), &at); err != nil {
				t.Fatal(err)
			}
			var control struct{ Control map[string]controlJSON }
			if err := json.Unmarshal([]byte(conflictCmd("control", syriaFile, "-at", day, "-json").stdout), &control); err != nil {
				t.Fatal(err)
			}
			text := map[string]string{} // place → what at's text says of it
			r := conflictCmd("at", syriaFile, "-at", day, "-ids")
			section := strings.SplitN(strings.SplitN(r.stdout, "Control:\n", 2)[1], "\n\n", 2)[0]
			for _, line := range lines(section) {
				place, says, _ := strings.Cut(strings.TrimSpace(line), " ")
				text[place] = strings.TrimSpace(says)
			}
			if len(control.Control) == 0 || len(text) != len(control.Control) {
				t.Fatalf("at lists %d places, control %d", len(text), len(control.Control))
			}
			contested := 0
			for loc, ctl := range control.Control {
				if got, ok := at.Contested[loc]; ok != (ctl.State == "contested") || !cmp.Equal(got, ctl.Contenders, cmpEmpty) {
					t.Errorf("%s: at -json contested %v, control state %s with contenders %v", loc, got, ctl.State, ctl.Contenders)
				}
				if got := at.Besieged[loc]; !cmp.Equal(got, ctl.Besiegers, cmpEmpty) {
					t.Errorf("%s: at -json besieged by %v, control %v", loc, got, ctl.Besiegers)
				}
				definite := ctl.Holder != nil && ctl.Certainty == "definite" && ctl.State != "contested"
				if h := at.Control[loc]; (h != nil) != definite || h != nil && *h != *ctl.Holder {
					t.Errorf("%s: at -json control %v, control %+v", loc, deref(h), ctl)
				}
				says := text[loc]
				switch ctl.State {
				case "contested":
					contested++
					if want := "contested by " + strings.Join(ctl.Contenders, " and "); !strings.HasPrefix(says, want) {
						t.Errorf("%s: at says %q, want %q", loc, says, want)
					}
				case "besieged":
					if !strings.HasSuffix(says, " (besieged)") {
						t.Errorf("%s: at says %q, want it besieged", loc, says)
					}
				case "unknown":
					if says != "unknown" {
						t.Errorf("%s: at says %q, want unknown", loc, says)
					}
				case "held":
					if says == "unknown" || strings.Contains(says, "contested") || strings.Contains(says, "besieged") {
						t.Errorf("%s: at says %q, want it held", loc, says)
					}
				}
			}
			if contested == 0 {
				t.Errorf("no place contested on %s: a useless test", day)
			}
		})
	}
}

// cmpEmpty makes nil and empty slices equal.
var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") })

// TestChangesPossibly checks that a change that possibly falls in the
// range is marked once.
func TestChangesPossibly(t *testing.T) {
	file := writeFile(t, "month.json", `{
  "sources": [{"id": "s1"}],
  "actors": [{"id": "a", "name": "Army"}],
  "locations": [{"id": "town", "name": "Town"}],
  "relations": [{"kind": "controls", "from": "a", "to": "town", "start": "2016-03", "sources": ["s1"]}]
}
`)
	r := conflictCmd("changes", file, "--from", "2016-03-15", "--to", "2016-04")
	mustSucceed(t, r)
	if want := "2016-03 opened Army controls Town (possibly)  [s1]\n"; !strings.HasSuffix(r.stdout, want) {
		t.Errorf("output ends %q, want %q", r.stdout, want)
	}
}
