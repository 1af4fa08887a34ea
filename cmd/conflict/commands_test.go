package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSynopses pins the synopses of the commands of events, territory,
// measures and parties over time: their names and flags are a contract.
func TestSynopses(t *testing.T) {
	common := " [-format F] [-keep-going] [-o FILE] [FILE]"
	tests := []struct {
		cmd, want string
	}{
		{"events", "conflict events [-place PLACE] [-party PARTY] [-kind K] [-from DATE] [-to DATE] [-as-of DATE] [-alleged] [-json] [-ids]"},
		{"gains", "conflict gains [-from DATE] [-to DATE] [-by W] [-as-of DATE] [-alleged] [-json] [-ids]"},
		{"territory", "conflict territory [-at DATE] [-party PARTY] [-by W] [-as-of DATE] [-alleged] [-json] [-ids]"},
		{"measures", "conflict measures [-party PARTY] [-from DATE] [-to DATE] [-quantity Q] [-peak] [-latest] [-as-of DATE] [-json] [-ids]"},
		{"timeline", "conflict timeline [-as-of DATE] [-alleged] [-json] [-ids]"},
		{"lineage", "conflict lineage [-as-of DATE] [-alleged] [-json] [-ids]"},
		{"export", "conflict export [-at DATE] [-party PARTY] [-from DATE] [-to DATE] [-quantity Q] [-as-of DATE] [-table T] [-alleged]"},
	}
	for _, tt := range tests {
		want := tt.want + common
		switch tt.cmd {
		case "timeline", "lineage":
			want = tt.want + " [-format F] [-keep-going] [-o FILE] ID [FILE]"
		case "export":
			want = tt.want + " [-format F] [-keep-going] [-o FILE] dot|gexf|geojson|svg|chart|html|json|csv|parquet [FILE]"
		}
		if diff := cmp.Diff(want, lookup(tt.cmd).synopsis()); diff != "" {
			t.Errorf("%s: synopsis mismatch (-want +got):\n%s", tt.cmd, diff)
		}
	}
}

// TestAllegedFlag checks which commands take -alleged: every query
// command but measures, whose answers have no allegations.
func TestAllegedFlag(t *testing.T) {
	var got []string
	for _, cmd := range commands {
		if cmd.flags&allegedFlag != 0 {
			got = append(got, cmd.name)
		}
	}
	want := []string{"at", "control", "history", "timeline", "lineage", "alliances", "sides", "changes", "events", "territory", "gains", "export"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("commands with -alleged mismatch (-want +got):\n%s", diff)
	}
}

// TestNewCommandsHelp checks that the help of each new command explains
// its JSON and flags.
func TestNewCommandsHelp(t *testing.T) {
	tests := map[string][]string{
		"events":    {"-kind K", "date_earliest", "participants", "figures", "certainty", "(possibly)"},
		"gains":     {"-by W", "gained", "lost", "net", "places"},
		"territory": {"-by W", "definite", "possible_places", "unweighed"},
		"measures":  {"-quantity Q", "-peak", "-latest", "side by side"},
		"timeline":  {"conflict.Conflict.Timeline", "lineage"},
		"lineage":   {"predecessors", "successors"},
		"export":    {"chart", "-quantity Q"},
	}
	for name, wants := range tests {
		r := conflictCmd(name, "-h")
		mustSucceed(t, r, name, "-h")
		for _, want := range wants {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("conflict %s -h has no %q:\n%s", name, want, r.stdout)
			}
		}
	}
}

// TestIDsLeaveJSONAlone checks that -ids, which changes how text names
// parties and places, leaves the JSON of the new commands as it is.
func TestIDsLeaveJSONAlone(t *testing.T) {
	for _, args := range [][]string{
		{"events", "-party", "nusra"},
		{"territory", "-at", "2016-08-15"},
		{"gains", "-from", "2016-03", "-to", "2016-04-10"},
		{"measures"},
		{"timeline", "nusra"},
		{"lineage", "hts"},
	} {
		args = append(args, "-json", hillsFile)
		names, ids := conflictCmd(args...), conflictCmd(append(args, "-ids")...)
		mustSucceed(t, names, args...)
		if names.stdout != ids.stdout {
			t.Errorf("%s: -json differs with -ids:\n%s\n%s", strings.Join(args, " "), names.stdout, ids.stdout)
		}
	}
}

// TestAtAgreementsAndOpposition checks that at's text lists the
// agreements in force and who opposes whom.
func TestAtAgreementsAndOpposition(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines, spaces squeezed
	}{
		{[]string{"-at", "2016-03-15"}, []string{
			"Opposes:",
			"Syrian government – United States",
			"Agreements:",
			"Cessation of hostilities (cessation-of-hostilities): Syrian government, Syrian rebels, Russia",
			"excluding Islamic State, Jabhat al-Nusra",
			"guaranteed by Russia, United States",
		}},
		{[]string{"-at", "2016-03-15", "-ids"}, []string{
			"government – united-states",
			"coh-2016 (cessation-of-hostilities): government, rebels, russia",
			"excluding isis, nusra",
		}},
	}
	for _, tt := range tests {
		args := append([]string{"at", hillsFile}, tt.args...)
		r := conflictCmd(args...)
		mustSucceed(t, r, args...)
		got := strings.Split(squeeze(r.stdout), "\n")
		for _, want := range tt.want {
			if !slices.Contains(got, want) {
				t.Errorf("%s: output has no line %q:\n%s", strings.Join(args, " "), want, r.stdout)
			}
		}
	}
	// Out of force, no agreement.
	r := conflictCmd("at", hillsFile, "-at", "2016-04-19")
	mustSucceed(t, r)
	if strings.Contains(r.stdout, "Agreements:") {
		t.Errorf("at -at 2016-04-19 lists an agreement ended that day:\n%s", r.stdout)
	}
}
