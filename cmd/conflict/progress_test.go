package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestProgressPhases runs commands with a terminal for stderr and checks
// that the progress line goes through every phase of the work, in order,
// and is erased at the end.
func TestProgressPhases(t *testing.T) {
	defer func(d, e time.Duration) { progressDelay, progressEvery = d, e }(progressDelay, progressEvery)
	// Every phase is shown as it begins, and only then.
	progressDelay, progressEvery = 0, time.Hour

	data, err := os.ReadFile(syriaFile)
	if err != nil {
		t.Fatal(err)
	}
	signed := writeFile(t, "net.csv", "from,to,sign\nA,B,1\nB,C,-1\n")
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		stdin  string
		tty    bool // whether stdout is a terminal
		args   []string
		phases []string
	}{
		{"", false, []string{"at", syriaFile, "-at", "2016-04-06", "-o", out}, []string{
			"reading " + syriaFile + ": N MB of N MB read", "decoding " + syriaFile, "checking " + syriaFile, "adding " + syriaFile,
			"indexing", "querying", "writing " + out,
		}},
		{string(data), false, []string{"at", "-at", "2016-04-06"}, []string{
			"reading <stdin>: N MB read", "decoding <stdin>", "checking <stdin>", "adding <stdin>", "indexing", "querying",
			"writing to standard output",
		}},
		{"", true, []string{"at", syriaFile, "-at", "2016-04-06"}, []string{
			"reading " + syriaFile + ": N MB of N MB read", "decoding " + syriaFile, "checking " + syriaFile, "adding " + syriaFile,
			"indexing", "querying",
		}},
		{"", false, []string{"sides", signed, "-json"}, []string{
			"reading " + signed + ": N MB of N MB read", "checking " + signed, "adding " + signed,
			"indexing", "querying", "searching for sides", "querying", "writing to standard output",
		}},
		{"", false, []string{"export", "svg", syriaFile}, []string{
			"reading " + syriaFile + ": N MB of N MB read", "decoding " + syriaFile, "checking " + syriaFile, "adding " + syriaFile,
			"indexing", "querying", "writing svg",
			"writing to standard output",
		}},
		{"", false, []string{"validate", syriaFile}, []string{
			"reading " + syriaFile + ": N MB of N MB read", "decoding " + syriaFile, "checking " + syriaFile, "adding " + syriaFile,
			"writing to standard output",
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stderr syncBuffer
			var stdout bytes.Buffer
			var w any = &stdout
			if tt.tty {
				w = terminal{&stdout}
			}
			code := run(tt.args, strings.NewReader(tt.stdin), w.(interface{ Write([]byte) (int, error) }), terminal{&stderr})
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
			}
			phases, last := progressLines(t, tt.args[0], stderr.String())
			if diff := cmp.Diff(tt.phases, phases); diff != "" {
				t.Errorf("phases mismatch (-want +got):\n%s", diff)
			}
			if last != "" {
				t.Errorf("stderr ends with %q, want the progress line erased", last)
			}
		})
	}

	// Problems in the data are listed after the line is erased.
	broken := writeFile(t, "broken.json", brokenJSON)
	var stderr syncBuffer
	if code := run([]string{"at", "-at", "2016", broken}, nil, &bytes.Buffer{}, terminal{&stderr}); code != exitFail {
		t.Fatalf("exit %d, want %d", code, exitFail)
	}
	phases, last := progressLines(t, "at", stderr.String())
	if diff := cmp.Diff([]string{"reading " + broken + ": N MB of N MB read", "decoding " + broken, "checking " + broken}, phases); diff != "" {
		t.Errorf("phases mismatch (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(last, broken+":6: ") || len(lines(last)) != 3 {
		t.Errorf("stderr ends with %q, want the 3 problems after the progress line", last)
	}

	// Keeping going, the problems are listed after the line is erased, and
	// the work goes on.
	kept := writeFile(t, "kept.json", keptJSON)
	stderr = syncBuffer{}
	if code := run([]string{"alliances", "-at", "2016", "-keep-going", kept}, nil, &bytes.Buffer{}, terminal{&stderr}); code != exitFail {
		t.Fatalf("exit %d, want %d", code, exitFail)
	}
	before, after, ok := strings.Cut(stderr.String(), kept+":6: ")
	listed, rest, ok2 := strings.Cut(after, "records skipped: 4 records with problems or referring to them\n")
	if !ok || !ok2 || !strings.HasSuffix(before, "\r") || strings.Contains(listed, "\r") {
		t.Fatalf("stderr = %q, want the problems on lines of their own after an erased progress line", stderr.String())
	}
	phases, last = progressLines(t, "alliances", rest)
	if diff := cmp.Diff([]string{"indexing", "querying", "writing to standard output"}, phases); diff != "" || last != "" {
		t.Errorf("after the problems, phases mismatch (-want +got):\n%s\nand then %q", diff, last)
	}
}

// progressLines splits stderr as a terminal shows it into the statuses of
// the progress lines of command cmd, and what follows the last, which is
// erased.
func progressLines(t *testing.T, cmd, stderr string) (phases []string, last string) {
	t.Helper()
	parts := strings.Split(stderr, "\r")
	if len(parts) < 3 || parts[0] != "" {
		t.Fatalf("stderr = %q, want progress lines", stderr)
	}
	if erased := parts[len(parts)-2]; strings.TrimSpace(erased) != "" {
		t.Errorf("the last progress line, %q, is not erased", erased)
	}
	line := regexp.MustCompile(`^conflict ` + cmd + `: (.*) \(\d+s\) *$`)
	mb := regexp.MustCompile(`\d+\.\d MB`)
	for _, p := range parts[1 : len(parts)-2] {
		m := line.FindStringSubmatch(p)
		if m == nil {
			t.Fatalf("progress line %q, want conflict %s: STATUS (Ns)", p, cmd)
		}
		phases = append(phases, mb.ReplaceAllString(m[1], "N MB"))
	}
	return phases, parts[len(parts)-1]
}
