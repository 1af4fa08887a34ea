package main

import (
	"flag"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFlagsAnywhere checks that flags may come before, between or after
// the arguments, with one dash or two, and that each way gives the answer
// the flags first give.
func TestFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args []string // the way people type it
		same []string // the flags first, one dash
	}{
		{
			[]string{"export", "dot", "-at", "2016-04-06", syriaFile},
			[]string{"export", "-at", "2016-04-06", "dot", syriaFile},
		},
		{
			[]string{"history", "palmyra", "-json", syriaFile},
			[]string{"history", "-json", "palmyra", syriaFile},
		},
		{
			[]string{"at", syriaFile, "-at", "2016-04-06", "-json"},
			[]string{"at", "-at", "2016-04-06", "-json", syriaFile},
		},
		{
			[]string{"at", syriaFile, "--at", "2016-04-06", "--json"},
			[]string{"at", "-at", "2016-04-06", "-json", syriaFile},
		},
		{
			[]string{"at", "--at=2016-04-06", syriaFile, "--json=true"},
			[]string{"at", "-at", "2016-04-06", "-json", syriaFile},
		},
		{
			[]string{"at", "-at=2016-04-06", syriaFile, "-json", "-ids"},
			[]string{"at", "-at", "2016-04-06", "-json", syriaFile},
		},
		{
			[]string{"sides", syriaFile, "--k", "2", "--at", "2016-12-15", "--json"},
			[]string{"sides", "-k", "2", "-at", "2016-12-15", "-json", syriaFile},
		},
		{
			[]string{"changes", syriaFile, "--from", "2016-03", "--to=2016-04"},
			[]string{"changes", "-from", "2016-03", "-to", "2016-04", syriaFile},
		},
		{
			[]string{"validate", syriaFile, "--format", "json", "--json"},
			[]string{"validate", "-json", "-format", "json", syriaFile},
		},
		{
			[]string{"export", "geojson", syriaFile, "--at", "2016-04-06"},
			[]string{"export", "-at", "2016-04-06", "geojson", syriaFile},
		},
		{ // -- ends the flags
			[]string{"history", "-json", "--", "palmyra", syriaFile},
			[]string{"history", "-json", "palmyra", syriaFile},
		},
		{
			[]string{"events", syriaFile, "--kind=capture", "--place", "Palmyra", "--json"},
			[]string{"events", "-kind", "capture", "-place", "Palmyra", "-json", syriaFile},
		},
		{
			[]string{"gains", syriaFile, "--from", "2016-03", "--to=2016-04-10", "--by", "places"},
			[]string{"gains", "-from", "2016-03", "-to", "2016-04-10", "-by", "places", syriaFile},
		},
		{
			[]string{"timeline", "palmyra", syriaFile, "--json", "--as-of=2016-04"},
			[]string{"timeline", "-json", "-as-of", "2016-04", "palmyra", syriaFile},
		},
		{
			[]string{"territory", syriaFile, "--at", "2016-04-06", "--by=places", "--party", "isis", "--party=syrian-government"},
			[]string{"territory", "-at", "2016-04-06", "-by", "places", "-party", "isis", "-party", "syrian-government", syriaFile},
		},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			want := conflictCmd(tt.same...)
			mustSucceed(t, want, tt.same...)
			got := conflictCmd(tt.args...)
			mustSucceed(t, got, tt.args...)
			if diff := cmp.Diff(want.stdout, got.stdout); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDoubleDash reads a file whose name starts with a dash, named after
// "--".
func TestDoubleDash(t *testing.T) {
	data, err := os.ReadFile(syriaFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "-x.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := conflictCmd("at", "-at", "2016-04-06", "-json", syriaFile)
	t.Chdir(dir)
	got := conflictCmd("at", "-at", "2016-04-06", "-json", "--", "-x.json")
	mustSucceed(t, got)
	if diff := cmp.Diff(want.stdout, got.stdout); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
	// Without --, it is a flag.
	r := conflictTTY("at", "-at", "2016-04-06", "-x.json")
	mustBeUsageError(t, r, "flag provided but not defined: -x.json")
}

func TestSplitArgs(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.String("at", "", "")
	fs.Int("k", 0, "")
	fs.Bool("json", false, "")
	tests := []struct {
		args              []string
		flags, positional []string
	}{
		{nil, nil, nil},
		{[]string{"a", "-at", "2016", "b"}, []string{"-at", "2016"}, []string{"a", "b"}},
		{[]string{"a", "--at", "2016", "b"}, []string{"--at", "2016"}, []string{"a", "b"}},
		{[]string{"-at=2016", "a", "--json", "b"}, []string{"-at=2016", "--json"}, []string{"a", "b"}},
		// A bool flag takes no value; others take the next argument,
		// whatever it looks like.
		{[]string{"-json", "a"}, []string{"-json"}, []string{"a"}},
		{[]string{"-k", "-1", "a"}, []string{"-k", "-1"}, []string{"a"}},
		{[]string{"-at", "--", "a"}, []string{"-at", "--"}, []string{"a"}},
		// - is an argument; -- ends the flags.
		{[]string{"-", "-json"}, []string{"-json"}, []string{"-"}},
		{[]string{"a", "--", "-json", "--", "b"}, nil, []string{"a", "-json", "--", "b"}},
		{[]string{"--"}, nil, nil},
		// Flags it does not know are left for Parse to report, without a
		// value.
		{[]string{"-x", "a"}, []string{"-x"}, []string{"a"}},
		{[]string{"---at", "a"}, []string{"---at"}, []string{"a"}},
		// A flag without its value at the end is left for Parse too.
		{[]string{"a", "-at"}, []string{"-at"}, []string{"a"}},
	}
	for _, tt := range tests {
		flags, positional := splitArgs(fs, tt.args)
		if diff := cmp.Diff(tt.flags, flags); diff != "" {
			t.Errorf("splitArgs(%q) flags mismatch (-want +got):\n%s", tt.args, diff)
		}
		if diff := cmp.Diff(tt.positional, positional); diff != "" {
			t.Errorf("splitArgs(%q) arguments mismatch (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestVersionText(t *testing.T) {
	tests := []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "conflict (unknown: built without module information)\n"},
		{&debug.BuildInfo{GoVersion: "go1.26.0"}, "conflict (devel) go1.26.0\n"},
		{
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/conflictgraph/conflict", Version: "v1.2.0"}},
			"conflict v1.2.0 go1.26.0\n",
		},
		{
			&debug.BuildInfo{
				GoVersion: "go1.26.0",
				Main:      debug.Module{Path: "github.com/conflictgraph/conflict", Version: "v0.0.0-20261206014216-8353ef3a1b2c+dirty"},
				Settings: []debug.BuildSetting{
					{Key: "-compiler", Value: "gc"},
					{Key: "vcs", Value: "git"},
					{Key: "vcs.revision", Value: "8353ef3a1b2c0000000000000000000000000000"},
					{Key: "vcs.time", Value: "2026-12-06T01:42:16Z"},
					{Key: "vcs.modified", Value: "true"},
				},
			},
			"conflict v0.0.0-20261206014216-8353ef3a1b2c+dirty go1.26.0\n" +
				"vcs.revision=8353ef3a1b2c0000000000000000000000000000\n" +
				"vcs.time=2026-12-06T01:42:16Z\n" +
				"vcs.modified=true\n",
		},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, versionText(tt.bi)); diff != "" {
			t.Errorf("versionText mismatch (-want +got):\n%s", diff)
		}
	}
}

func TestVersion(t *testing.T) {
	want := versionText(buildInfo())
	for _, args := range [][]string{{"-version"}, {"--version"}, {"version"}} {
		r := conflictCmd(args...)
		mustSucceed(t, r, args...)
		if r.stdout != want || !strings.HasPrefix(r.stdout, "conflict ") {
			t.Errorf("conflict %s = %q, want %q", args[0], r.stdout, want)
		}
	}
	mustBeUsageError(t, conflictCmd("version", "x"), `unexpected argument "x" after version`)
}

// mustBeUsageError fails the test unless r is a usage error: exit status 2,
// nothing on stdout and one short line on stderr that has want.
func mustBeUsageError(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != exitUsage {
		t.Errorf("exit %d, want %d", r.code, exitUsage)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("stderr = %q, want one line with %q", r.stderr, want)
	}
	if len(r.stderr) > 200 {
		t.Errorf("stderr is %d bytes long, want a short line: %q", len(r.stderr), r.stderr)
	}
}
