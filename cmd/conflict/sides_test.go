package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// halfTied returns a signed network of 30 parties with about half of all
// pairs tied, each tie hostile or friendly with equal odds. With any number
// of blocs, proving its least violations takes seconds.
func halfTied() []signedEdge {
	r := rand.New(rand.NewPCG(0, 9))
	var edges []signedEdge
	for u := range 30 {
		for v := u + 1; v < 30; v++ {
			if r.IntN(2) == 0 {
				edges = append(edges, signedEdge{fmt.Sprintf("p%02d", u), fmt.Sprintf("p%02d", v), r.IntN(2) == 0})
			}
		}
	}
	return edges
}

// TestSidesLowerBound checks lower_bound in sides -json: equal to the
// violations when they are proven the least possible.
func TestSidesLowerBound(t *testing.T) {
	edges := gahukuGama(t)
	file := writeSigned(t, "gahuku-gama.csv", edges)
	for _, tt := range []struct{ k, want int }{{2, 7}, {3, 2}} {
		out := runSidesJSON(t, file, tt.k)
		checkSides(t, out, nodesOf(edges), edges, tt.k)
		if !out.Optimal || out.Violations != tt.want || out.LowerBound != float64(tt.want) {
			t.Errorf("-k %d: violations %d, lower_bound %v, optimal %v; want %d, proven",
				tt.k, out.Violations, out.LowerBound, out.Optimal, tt.want)
		}
	}
}

// TestSidesTimeout checks that -timeout cuts the search short: the answer
// is then the best found, not proven, with a lower bound below it, in
// -json and in the text.
func TestSidesTimeout(t *testing.T) {
	edges := halfTied()
	file := writeSigned(t, "half-tied.csv", edges)
	args := []string{"sides", "-k", "0", "-timeout", "10ms", "-json", "-format", "signed-csv", file}
	obj, stdout := runObject(t, []string{"at", "blocs", "frustrated", "k", "lower_bound", "optimal", "violations"}, args...)
	var out sidesOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if string(obj["k"]) != "null" {
		t.Errorf(`"k" = %s, want null`, obj["k"])
	}
	if out.Optimal || !(out.LowerBound < float64(out.Violations)) || out.LowerBound <= 0 {
		t.Errorf("-timeout 10ms: violations %d, lower_bound %v, optimal %v; want a positive bound below the violations, not proven",
			out.Violations, out.LowerBound, out.Optimal)
	}

	// Which work the timeout cuts depends on timing, and so may the
	// answer: read the numbers from the text.
	args = []string{"sides", "-timeout", "10ms", "-format", "signed-csv", file}
	r := conflictCmd(args...)
	mustSucceed(t, r, args...)
	m := regexp.MustCompile(`\nTies that break the rule: (\d+) \(the best found, not proven the least possible; at least (\d+) must break\)\n`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("output does not say the answer is not proven:\n%s", r.stdout)
	}
	if violations, bound := atoi(t, m[1]), atoi(t, m[2]); bound >= violations || bound <= 0 {
		t.Errorf("text: %d violations, at least %d: want a positive bound below the violations", violations, bound)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSidesProven checks that without -timeout the same network is
// proven, as the default effort suffices.
func TestSidesProven(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("the proof takes seconds; run without -short and -race")
	}
	edges := halfTied()
	// -k 30 allows any number of blocs to 30 parties.
	out := runSidesJSON(t, writeSigned(t, "half-tied.csv", edges), 30)
	checkSides(t, out, nodesOf(edges), edges, 30)
	if !out.Optimal {
		t.Errorf("violations %d, lower_bound %v: want proven", out.Violations, out.LowerBound)
	}
}

func TestSidesTimeoutUsage(t *testing.T) {
	file := writeSigned(t, "net.csv", []signedEdge{{"A", "B", false}})
	tests := []struct {
		value string
		want  string
	}{
		{"x", `invalid value "x" for flag -timeout: want a duration`},
		{"10", `invalid value "10" for flag -timeout: want a duration`},
		{"-1s", `invalid value "-1s" for flag -timeout: want 0 (no limit) or more`},
	}
	for _, tt := range tests {
		r := conflictCmd("sides", "-timeout", tt.value, "-format", "signed-csv", file)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("-timeout %s: exit %d, stderr %q; want a usage error with %q", tt.value, r.code, r.stderr, tt.want)
		}
	}
	r := conflictCmd("sides", "-timeout", "0", "-format", "signed-csv", file)
	mustSucceed(t, r)
	if r := conflictCmd("alliances", "-timeout", "1s", "-format", "signed-csv", file); r.code != exitUsage {
		t.Errorf("alliances -timeout: exit %d, want a usage error", r.code)
	}
	if help := sidesCommand.help(); !strings.Contains(help, "[-timeout DURATION]") || !strings.Contains(help, "lower_bound") {
		t.Errorf("sides -h does not document -timeout and lower_bound:\n%s", help)
	}
}
