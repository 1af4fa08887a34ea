package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestOutputFile checks that -o writes what stdout would get to the file,
// replacing it whole, and nothing to stdout.
func TestOutputFile(t *testing.T) {
	tests := [][]string{
		{"at", syriaFile, "-at", "2016-04-06", "-json"},
		{"at", syriaFile, "-at", "2016-04-06"},
		{"control", syriaFile, "--at", "2016-12-15"},
		{"history", "palmyra", syriaFile},
		{"alliances", syriaFile, "-at", "2016-04-06", "-json"},
		{"sides", syriaFile, "-at", "2016-12-15", "-k", "2"},
		{"changes", syriaFile, "-from", "2016"},
		{"validate", syriaFile},
		{"export", "dot", syriaFile, "-at", "2016-04-06"},
		{"export", "svg", syriaFile},
		{"export", "json", syriaFile},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			want := conflictCmd(args...)
			mustSucceed(t, want, args...)
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			// A longer file that must be replaced whole.
			if err := os.WriteFile(out, []byte(strings.Repeat("old\n", len(want.stdout))), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, o := range [][]string{{"-o", out}, {"--o=" + out}} {
				got := conflictCmd(append(args, o...)...)
				mustSucceed(t, got, args...)
				if got.stdout != "" {
					t.Errorf("stdout = %.80q, want nothing", got.stdout)
				}
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want.stdout, string(data)); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", o[0], diff)
				}
				mustHaveFiles(t, dir, "out")
				if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
					t.Errorf("the file's mode is %v (%v), want it kept: -rw-------", fi.Mode(), err)
				}
			}
			// -o - is standard output.
			if got := conflictCmd(append(args, "-o", "-")...); got.stdout != want.stdout {
				t.Errorf("-o - writes %.80q to stdout, want %.80q", got.stdout, want.stdout)
			}
		})
	}
}

// TestOutputFileNew checks the mode of a file -o creates.
func TestOutputFileNew(t *testing.T) {
	out := filepath.Join(t.TempDir(), "alliances.txt")
	mustSucceed(t, conflictCmd("alliances", syriaFile, "-at", "2016", "-o", out))
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode() != 0o644 {
		t.Errorf("mode %v, want -rw-r--r--", fi.Mode())
	}
}

// TestOutputFileFailure checks that a command that fails leaves the file
// -o names as it was, or absent, and no temporary file.
func TestOutputFileFailure(t *testing.T) {
	broken := writeFile(t, "broken.json", brokenJSON)
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"at", "-at", "2015-13", syriaFile}, exitUsage},
		{[]string{"at", syriaFile}, exitUsage}, // -at is needed
		{[]string{"export", "pdf", syriaFile}, exitUsage},
		{[]string{"at", "-at", "2016", broken}, exitFail},
		{[]string{"history", "nowhere", syriaFile}, exitFail},
		{[]string{"at", "-at", "2016", "no-such-file.json"}, exitFail},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			kept := filepath.Join(dir, "kept")
			if err := os.WriteFile(kept, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if r := conflictTTY(append(tt.args, "-o", kept)...); r.code != tt.code || r.stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit %d and nothing", r.code, r.stdout, tt.code)
			}
			if data, err := os.ReadFile(kept); err != nil || string(data) != "old\n" {
				t.Errorf("the file holds %q (%v), want it as it was", data, err)
			}
			if r := conflictTTY(append(tt.args, "-o", filepath.Join(dir, "new"))...); r.code != tt.code {
				t.Errorf("exit %d, want %d", r.code, tt.code)
			}
			mustHaveFiles(t, dir, "kept")
		})
	}

	// Where the file cannot be written: exit 1, naming it, and nothing
	// left behind.
	dir := t.TempDir()
	for _, out := range []string{filepath.Join(dir, "no-such-dir", "out"), dir} {
		r := conflictCmd("validate", syriaFile, "-o", out)
		if r.code != exitFail || r.stdout != "" || !strings.HasPrefix(r.stderr, "conflict validate: -o "+out+": ") {
			t.Errorf("-o %s: exit %d, stdout %q, stderr %q; want exit 1 naming the file", out, r.code, r.stdout, r.stderr)
		}
	}
	mustHaveFiles(t, dir)
}

// TestOutputFileProblems checks that validate writes the problems it finds
// to the file -o names, and exits with status 1.
func TestOutputFileProblems(t *testing.T) {
	broken := writeFile(t, "broken.json", brokenJSON)
	want := conflictCmd("validate", broken)
	out := filepath.Join(t.TempDir(), "problems.txt")
	r := conflictCmd("validate", broken, "-o", out)
	if r.code != exitFail || r.stdout != "" || r.stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and nothing", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines(want.stdout)) != 3 || string(data) != want.stdout {
		t.Errorf("the file holds %q, want the 3 problems %q", data, want.stdout)
	}
}

// mustHaveFiles fails the test unless dir holds the files names, and no
// other.
func mustHaveFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(names)
	if diff := cmp.Diff(names, got); diff != "" {
		t.Errorf("files in %s mismatch (-want +got):\n%s", dir, diff)
	}
}

// TestExportJSON writes an importer's record as a dataset file, which the
// commands then read as they read the importer's file.
func TestExportJSON(t *testing.T) {
	for name, sample := range importerFiles {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "events.json")
			mustSucceed(t, conflictCmd("export", "json", "-format", name, sample.file, "-o", out))
			for _, args := range [][]string{
				{"at", "-at", "2016-06", "-json"},
				{"changes", "-json"},
				{"alliances", "-at", "2016-06"},
			} {
				want := conflictCmd(append(args, sample.file)...)
				mustSucceed(t, want, args...)
				got := conflictCmd(append(args, out)...)
				mustSucceed(t, got, args...)
				if diff := cmp.Diff(want.stdout, got.stdout); diff != "" {
					t.Errorf("%s: the dataset file and the CSV differ (-want +got):\n%s", args[0], diff)
				}
			}
		})
	}

	// The worked example goes round to the same record.
	r := conflictCmd("export", "json", syriaFile)
	mustSucceed(t, r)
	c, err := conflict.Load(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(testutil.Syria(t).Dataset(), c.Dataset()); diff != "" {
		t.Errorf("record mismatch (-want +got):\n%s", diff)
	}
	mustBeUsageError(t, conflictCmd("export", "json", syriaFile, "-at", "2016"), "json writes the whole record and takes no -at")
}
