package main

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestSyriaText runs every command on the worked example, in text mode.
func TestSyriaText(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines or parts of lines the output has
	}{
		{[]string{"at", "-at", "2016-04-06"}, []string{
			"At 2016-04-06",
			"  palmyra                  syrian-government",
			"  deir-ez-zor  by isis",
			"  syrian-government    hezbollah, iran, iraqi-shia-militias, national-ideological-resistance, navy-seals-regiment, russia",
			"  isis – syrian-government",
		}},
		{[]string{"control", "-at", "2016-12-15"}, []string{
			"Control at 2016-12-15",
			"PLACE ",
			"palmyra ",
			"deir-ez-zor ",
		}},
		{[]string{"history", "palmyra"}, []string{
			"palmyra (Palmyra): 4 holds",
			"2015-05-21  2016-03-27  isis",
			"2016-12-11  -           isis               isw-2016-12-13",
		}},
		{[]string{"history", "Tadmur"}, []string{"palmyra (Palmyra): 4 holds"}},
		{[]string{"alliances", "-at", "2016-04-06"}, []string{"Alliances: 3", "  2. isis", "  3. jabhat-al-nusra"}},
		{[]string{"sides", "-at", "2016-12-15"}, []string{
			"Sides at 2016-12-15 (any number of blocs)",
			"Ties that break the rule: 2 (proven the least possible)",
			"turkey and united-states are friends in different blocs (allied)",
		}},
		{[]string{"sides", "-at", "2016-12-15", "-k", "2"}, []string{"(at most 2 blocs)", "Blocs: 2"}},
		// Two militias start backing the government some day from 2015 to
		// March 2016 (the Daily Beast places them in the March offensive):
		// possibly in March.
		{[]string{"changes", "-from", "2016-03", "-to", "2016-04"}, []string{
			"Changes from 2016-03 to 2016-04: 4",
			"2015-01-01/2016-03-31 opened national-ideological-resistance supports syrian-government (possibly)",
			"2015-01-01/2016-03-31 opened navy-seals-regiment supports syrian-government (possibly)",
			"2016-03-27 closed isis controls palmyra",
			"2016-03-27 opened syrian-government controls palmyra",
		}},
		{[]string{"changes"}, []string{"Changes in the whole record: "}},
		{[]string{"validate"}, []string{"ok: " + syriaFile + ": 58 sources, 18 actors, 6 backers, 30 locations, 87 relations, 51 events"}},
	}
	for _, tt := range tests {
		args := append(tt.args, syriaFile)
		if lookup(args[0]).flags&idsFlag != 0 {
			args = append(args, "-ids") // the IDs; TestNames checks the names
		}
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			for _, want := range tt.want {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("output has no %q:\n%s", want, r.stdout)
				}
			}
		})
	}
}

// TestSyriaAtJSON checks that at -json is the library's Summary, as the
// worked example prints it, and the contested places, as control gives
// them.
func TestSyriaAtJSON(t *testing.T) {
	c := testutil.Syria(t)
	for _, day := range []string{"2015-07-01", "2016-04-06", "2016-12-15"} {
		args := []string{"at", "-at", day, "-json", syriaFile}
		r := conflictCmd(args...)
		mustSucceed(t, r, args...)
		m := c.At(conflict.MustParseDate(day).Time())
		summary, err := json.MarshalIndent(m.Summary(), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		contested := map[string][]string{}
		for l := range c.Locations() {
			if ctl := m.Controller(l.ID); ctl.State == conflict.ControlContested {
				contested[l.ID] = ctl.Contenders
			}
		}
		if len(contested) == 0 {
			t.Fatalf("%s: no place contested: a useless test", day)
		}
		obj := decodeObject(t, r.stdout)
		mustHaveKeys(t, obj, "agreements", "alliances", "at", "backers", "besieged", "contested", "control", "fights", "names", "opposes", "possible")
		var got map[string][]string
		field(t, obj, "contested", &got)
		if diff := cmp.Diff(contested, got); diff != "" {
			t.Errorf("at -at %s -json: contested mismatch (-want +got):\n%s", day, diff)
		}
		// The rest is the Summary, byte for byte.
		want := strings.TrimSuffix(string(summary), "\n}") + ",\n  \"contested\": "
		if !strings.HasPrefix(r.stdout, want) {
			t.Errorf("at -at %s -json does not start with the Summary:\n%s", day, r.stdout)
		}
	}
}

// TestSyriaMonth checks that a moment is the first day of a date's window.
func TestSyriaMonth(t *testing.T) {
	month := conflictCmd("at", "-at", "2016-04", "-json", syriaFile)
	first := conflictCmd("at", "-at", "2016-04-01", "-json", syriaFile)
	mustSucceed(t, month)
	if diff := cmp.Diff(first.stdout, month.stdout); diff != "" {
		t.Errorf("-at 2016-04 and -at 2016-04-01 differ (-want +got):\n%s", diff)
	}
}

func TestSyriaSidesJSON(t *testing.T) {
	c := testutil.Syria(t)
	m := c.At(conflict.Day(2016, 12, 15).Time())
	for _, k := range []int{0, 2, 3} {
		args := []string{"sides", "-at", "2016-12-15", "-json", syriaFile}
		if k > 0 {
			args = append([]string{"sides", "-k", strconv.Itoa(k)}, args[1:]...)
		}
		obj, stdout := runObject(t, []string{"at", "blocs", "frustrated", "k", "lower_bound", "optimal", "violations"}, args...)
		var got sidesJSON
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		s, err := m.Sides(conflict.SidesOptions{MaxBlocs: k})
		if err != nil {
			t.Fatal(err)
		}
		want := sidesJSON{At: "2016-12-15", Blocs: s.Blocs, Violations: s.Violations, Optimal: s.Optimal, LowerBound: s.LowerBound}
		if k > 0 {
			want.K = &k
		}
		for _, f := range s.Broken {
			want.Frustrated = append(want.Frustrated, [3]string{f.A, f.B, f.Kinds()})
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sides -k %d -json mismatch (-want +got):\n%s", k, diff)
		}
		if k == 0 && string(obj["k"]) != "null" {
			t.Errorf(`"k" = %s, want null`, obj["k"])
		}
	}
}

func TestSyriaControlJSON(t *testing.T) {
	args := []string{"control", "-at", "2016-12-15", "-json", syriaFile}
	obj, _ := runObject(t, []string{"at", "control"}, args...)
	var control map[string]controlJSON
	field(t, obj, "control", &control)
	m := testutil.Syria(t).At(conflict.Day(2016, 12, 15).Time())
	for _, loc := range locations(testutil.Syria(t)) {
		if diff := cmp.Diff(controlOf(m.Controller(loc)), control[loc]); diff != "" {
			t.Errorf("control of %s mismatch (-want +got):\n%s", loc, diff)
		}
	}
	palmyra := control["palmyra"]
	if palmyra.Holder == nil || *palmyra.Holder != "isis" || palmyra.State != "held" || *palmyra.Since != "2016-12-11" {
		t.Errorf("palmyra = %+v, want held by isis since 2016-12-11", palmyra)
	}
	if dz := control["deir-ez-zor"]; dz.State != "besieged" || !cmp.Equal(dz.Besiegers, []string{"isis"}) {
		t.Errorf("deir-ez-zor = %+v, want besieged by isis", dz)
	}
}

func TestSyriaHistoryJSON(t *testing.T) {
	args := []string{"history", "-json", "palmyra", syriaFile}
	obj, _ := runObject(t, []string{"history", "lineage", "location", "name"}, args...)
	var hist []holdJSON
	field(t, obj, "history", &hist)
	var got []string
	for _, h := range hist {
		got = append(got, h.Holder+" "+deref(h.Start)+" "+deref(h.End))
	}
	want := []string{
		"syrian-government - 2015-05-21",
		"isis 2015-05-21 2016-03-27",
		"syrian-government 2016-03-27 2016-12-11",
		"isis 2016-12-11 -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("history mismatch (-want +got):\n%s", diff)
	}
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func TestSyriaChangesJSON(t *testing.T) {
	c := testutil.Syria(t)
	tests := []struct {
		from, to string
	}{{"2016-03", "2016-04"}, {"2015", "2016"}, {"", "2016"}, {"2016", ""}, {"", ""}}
	for _, tt := range tests {
		args := []string{"changes", "-json"}
		lo, hi := conflict.Year(1).Time(), conflict.Day(9999, 12, 31).Time()
		if tt.from != "" {
			args = append(args, "-from", tt.from)
			lo = conflict.MustParseDate(tt.from).Time()
		}
		if tt.to != "" {
			args = append(args, "-to", tt.to)
			hi = conflict.MustParseDate(tt.to).Time()
		}
		args = append(args, syriaFile)
		t.Run(strings.Join(args[2:len(args)-1], " "), func(t *testing.T) {
			obj, _ := runObject(t, []string{"changes", "from", "to"}, args...)
			var got []changeJSON
			field(t, obj, "changes", &got)
			var want []changeJSON
			for _, ch := range c.Changes(lo, hi) {
				want = append(want, changeJSON{
					Date: ch.When().String(), Change: openedClosed(ch), Kind: ch.Tie.Kind.String(),
					From: ch.Tie.From, To: ch.Tie.To, Certainty: ch.Certainty.String(), Sources: ch.Tie.Sources(),
				})
			}
			if len(want) == 0 {
				t.Fatal("the library lists no changes: a useless test")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("changes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSyriaAlliancesJSON(t *testing.T) {
	args := []string{"alliances", "-at", "2016-04-06", "-json", syriaFile}
	obj, _ := runObject(t, []string{"alliances", "at"}, args...)
	var got [][]string
	field(t, obj, "alliances", &got)
	want := testutil.Syria(t).At(conflict.Day(2016, 4, 6).Time()).Alliances()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("alliances mismatch (-want +got):\n%s", diff)
	}
}

func TestSyriaValidateJSON(t *testing.T) {
	args := []string{"validate", "-json", syriaFile}
	r := conflictCmd(args...)
	mustSucceed(t, r, args...)
	var got struct {
		File     string
		OK       bool
		Counts   countsJSON
		Problems []problem
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := countsJSON{Sources: 58, Actors: 18, Backers: 6, Locations: 30, Relations: 87, Events: 51}
	if !got.OK || got.File != syriaFile || got.Counts != want || got.Problems == nil || len(got.Problems) > 0 {
		t.Errorf("validate -json = %+v, want ok with counts %+v", got, want)
	}
}

// TestSyriaExport runs export in every format this build writes.
func TestSyriaExport(t *testing.T) {
	// What the output of each format starts with.
	starts := map[string]string{
		"dot":     "strict digraph {",
		"gexf":    `<?xml version="1.0" encoding="UTF-8"?>` + "\n<gexf ",
		"geojson": "{\n  \"type\": \"FeatureCollection\"",
		"svg":     `<?xml version="1.0" encoding="UTF-8"?>` + "\n<svg ",
	}
	for _, ex := range exporters {
		if ex.write == nil {
			continue // TestUnavailable checks these
		}
		if ex.tables || ex.chart {
			continue // TestExportTables and TestExportChart check these
		}
		args := []string{"export", ex.name, syriaFile}
		if ex.moment {
			args = []string{"export", "-at", "2016-04-06", ex.name, syriaFile}
		}
		t.Run(ex.name, func(t *testing.T) {
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			if !strings.HasPrefix(r.stdout, starts[ex.name]) {
				t.Errorf("output starts %.80q, want %q", r.stdout, starts[ex.name])
			}
			if ex.name == "geojson" {
				obj := decodeObject(t, r.stdout)
				if string(obj["at"]) != `"2016-04-06"` {
					t.Errorf(`"at" = %s, want "2016-04-06"`, obj["at"])
				}
			}
			// The same again: the output is deterministic.
			if again := conflictCmd(args...); again.stdout != r.stdout {
				t.Error("two runs give different output")
			}
		})
		if ex.moment {
			r := conflictCmd("export", ex.name, syriaFile)
			if r.code != exitUsage || !strings.Contains(r.stderr, "-at DATE is needed") {
				t.Errorf("export %s without -at: exit %d, stderr %q; want a usage error", ex.name, r.code, r.stderr)
			}
		} else if !ex.opens {
			r := conflictCmd("export", "-at", "2016", ex.name, syriaFile)
			if r.code != exitUsage || !strings.Contains(r.stderr, "takes no -at") {
				t.Errorf("export -at 2016 %s: exit %d, stderr %q; want a usage error", ex.name, r.code, r.stderr)
			}
		}
	}
}

// TestStdin reads the dataset from standard input.
func TestStdin(t *testing.T) {
	data, err := os.ReadFile(syriaFile)
	if err != nil {
		t.Fatal(err)
	}
	fromFile := conflictCmd("at", "-at", "2016-04-06", "-json", syriaFile)
	fromStdin := conflictStdin(string(data), "at", "-at", "2016-04-06", "-json", "-")
	mustSucceed(t, fromStdin)
	if diff := cmp.Diff(fromFile.stdout, fromStdin.stdout); diff != "" {
		t.Errorf("stdin and file differ (-want +got):\n%s", diff)
	}
}
