package main

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// syriaFile is the worked example's dataset, as the tests name it to the
// tool.
const syriaFile = "../../" + testutil.SyriaFile

// result is what one run of the tool gave.
type result struct {
	code           int
	stdout, stderr string
}

// conflictCmd runs the tool with args and no standard input.
func conflictCmd(args ...string) result {
	return conflictStdin("", args...)
}

// conflictStdin runs the tool with args and the given standard input.
func conflictStdin(stdin string, args ...string) result {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// conflictTTY runs the tool with args and a terminal for standard input,
// as when it is typed at a shell without a pipe.
func conflictTTY(args ...string) result {
	var stdout, stderr bytes.Buffer
	code := run(args, terminal{strings.NewReader("")}, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// A terminal is a reader or writer that says it is a terminal, as an
// *os.File for one does: a character device.
type terminal struct{ rw any }

func (t terminal) Read(p []byte) (int, error)  { return t.rw.(io.Reader).Read(p) }
func (t terminal) Write(p []byte) (int, error) { return t.rw.(io.Writer).Write(p) }

func (terminal) Stat() (os.FileInfo, error) { return ttyInfo{}, nil }

// ttyInfo describes a terminal.
type ttyInfo struct{ os.FileInfo }

func (ttyInfo) Mode() os.FileMode { return os.ModeDevice | os.ModeCharDevice | 0o620 }

// mustSucceed fails the test unless r is a success with nothing on stderr.
func mustSucceed(t *testing.T, r result, args ...string) {
	t.Helper()
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("conflict %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
}

// decodeObject parses the output of a -json command: one JSON object and
// nothing else.
func decodeObject(t *testing.T, out string) map[string]json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("output has more than one JSON value:\n%s", out)
	}
	return obj
}

// keys returns the sorted keys of obj.
func keys(obj map[string]json.RawMessage) []string {
	return slices.Sorted(maps.Keys(obj))
}

// field decodes obj[key] into v.
func field(t *testing.T, obj map[string]json.RawMessage, key string, v any) {
	t.Helper()
	if err := json.Unmarshal(obj[key], v); err != nil {
		t.Fatalf("key %q: %v\n%s", key, err, obj[key])
	}
}

// mustHaveKeys fails the test now unless the keys of obj are want, sorted.
func mustHaveKeys(t *testing.T, obj map[string]json.RawMessage, want ...string) {
	t.Helper()
	if diff := cmp.Diff(want, keys(obj)); diff != "" {
		t.Fatalf("keys mismatch (-want +got):\n%s", diff)
	}
}

// runObject runs the tool with args, which must succeed, and returns its
// output, which must be one JSON object with the keys wantKeys, sorted: as
// an object, and as it stands.
func runObject(t *testing.T, wantKeys []string, args ...string) (obj map[string]json.RawMessage, stdout string) {
	t.Helper()
	r := conflictCmd(args...)
	mustSucceed(t, r, args...)
	obj = decodeObject(t, r.stdout)
	mustHaveKeys(t, obj, wantKeys...)
	return obj, r.stdout
}

// writeFile writes content to a file called name in a temporary directory
// and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"help"}} {
		r := conflictCmd(args...)
		mustSucceed(t, r, args...)
		for _, cmd := range commands {
			if !strings.Contains(r.stdout, "$ conflict "+cmd.name+" ") {
				t.Errorf("conflict %s: no example of %s in:\n%s", args[0], cmd.name, r.stdout)
			}
		}
	}
	for _, cmd := range commands {
		for _, args := range [][]string{{cmd.name, "-h"}, {"help", cmd.name}} {
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			for _, want := range []string{"usage: conflict " + cmd.name, "Example:\n  $ conflict " + cmd.name + " ", "-format F"} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("conflict %s: no %q in:\n%s", strings.Join(args, " "), want, r.stdout)
				}
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in the one line on stderr
	}{
		{nil, "usage: conflict <command>"},
		{[]string{"frobnicate", syriaFile}, `unknown command "frobnicate"`},
		{[]string{"-at", "2016", "at", syriaFile}, "want a command before flags"},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"at", "-frobnicate", syriaFile}, "flag provided but not defined: -frobnicate"},
		{[]string{"history", "-at", "2016", "palmyra", syriaFile}, "flag provided but not defined: -at"},
		{[]string{"sides"}, "missing FILE"},
		{[]string{"sides", "-at", "2016"}, "missing FILE"},
		{[]string{"history", syriaFile}, "want arguments LOC FILE, got 1"},
		{[]string{"sides", "-at", "2016", syriaFile, "extra"}, `unexpected argument "extra"`},
		{[]string{"sides", syriaFile, "extra", "-at", "2016"}, `unexpected argument "extra"`},
		{[]string{"at", syriaFile, "-at"}, "flag needs an argument: -at"},
		{[]string{"at", "-at", "2016", "-o", "", syriaFile}, "-o needs a file name"},
		{[]string{"at", "--frobnicate", syriaFile}, "flag provided but not defined: -frobnicate"},
		{[]string{"validate", syriaFile, "-ids"}, "flag provided but not defined: -ids"},
		{[]string{"at", "-at", "2015-13", syriaFile}, `invalid value "2015-13" for flag -at: invalid date: month out of range`},
		{[]string{"sides", "-at", "2015-02-30", syriaFile}, `invalid value "2015-02-30" for flag -at: invalid date: day out of range`},
		{[]string{"sides", "-at", "yesterday", syriaFile}, `invalid value "yesterday" for flag -at`},
		{[]string{"sides", "-at", "", syriaFile}, `invalid value "" for flag -at: empty date`},
		{[]string{"sides", "-at", "2016", "-k", "-1", syriaFile}, `invalid value "-1" for flag -k: want 0`},
		{[]string{"sides", "-at", "2016", "-k", "x", syriaFile}, `invalid value "x" for flag -k: want a whole number`},
		{[]string{"changes", "-from", "2016", "-to", "2015", syriaFile}, "-to 2015 is not after -from 2016"},
		{[]string{"changes", "-from", "2016", "-to", "2016-01", syriaFile}, "-to 2016-01 is not after -from 2016"},
		{[]string{"at", "-format", "xml", "-at", "2016", syriaFile}, `unknown format "xml"`},
		{[]string{"validate", "-format", "", syriaFile}, `unknown format ""`},
		{[]string{"export", "pdf", syriaFile}, `unknown export format "pdf"`},
		{[]string{"at", "-at", "2016-02-30T10:00:00Z", syriaFile}, `invalid value "2016-02-30T10:00:00Z" for flag -at: want a DATE or an RFC 3339 timestamp such as 2016-02-26T22:30:00Z (day out of range)`},
		{[]string{"at", "-at", "2016-02-26T10:00", syriaFile}, `invalid value "2016-02-26T10:00" for flag -at: want a DATE or an RFC 3339 timestamp`},
		{[]string{"at", "-at", "2016", "-as-of", "2016-13", syriaFile}, `invalid value "2016-13" for flag -as-of: invalid date: month out of range`},
		{[]string{"at", "-at", "2016", "-as-of", "2016-04-01T00:00:00Z", syriaFile}, `invalid value "2016-04-01T00:00:00Z" for flag -as-of: invalid date`},
		{[]string{"changes", "-from", "2016-01-01T00:00:00Z", syriaFile}, `invalid value "2016-01-01T00:00:00Z" for flag -from: invalid date`},
		{[]string{"validate", "-as-of", "2016", syriaFile}, "flag provided but not defined: -as-of"},
		{[]string{"learned", "-at", "2016", syriaFile}, "flag provided but not defined: -at"},
		{[]string{"learned", "-as-of", "2016", syriaFile}, "flag provided but not defined: -as-of"},
		{[]string{"learned", "-from", "2016-04", "-to", "2016-04-01", syriaFile}, "-to 2016-04-01 is not after -from 2016-04"},
		{[]string{"export", "-as-of", "2016", "json", syriaFile}, "json writes the whole record as a dataset file and takes no -as-of"},
		{[]string{"sides", "-keep-going=maybe", syriaFile}, `invalid boolean value "maybe" for -keep-going`},
		// The record is dated, so the moment must be given.
		{[]string{"at", syriaFile}, "-at DATE is needed: " + syriaFile + " has dated ties"},
		{[]string{"sides", "-k", "2", syriaFile}, "-at DATE is needed"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := conflictTTY(tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d", r.code, exitUsage)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr = %q, want one line with %q", r.stderr, tt.want)
			}
			if len(r.stderr) > 200 {
				t.Errorf("stderr is %d bytes long, want a short line: %q", len(r.stderr), r.stderr)
			}
		})
	}
}

// TestUnavailable checks that a format this build names but cannot read
// or write is refused as a usage error, and that every one it can is not.
func TestUnavailable(t *testing.T) {
	defer func(f []format, e []exporter) { formats, exporters = f, e }(formats, exporters)
	formats = append(slices.Clip(formats), format{name: "absent"})
	exporters = append(slices.Clip(exporters), exporter{name: "absent"})

	for _, f := range formats {
		r := conflictCmd("validate", "-format", f.name, syriaFile)
		if f.load == nil {
			if r.code != exitUsage || !strings.Contains(r.stderr, "format "+f.name+" is not available in this build") || r.stdout != "" {
				t.Errorf("validate -format %s: exit %d, stderr %q; want a usage error", f.name, r.code, r.stderr)
			}
		} else if r.code == exitUsage {
			t.Errorf("validate -format %s: usage error %q", f.name, r.stderr)
		}
	}
	r := conflictCmd("export", "-at", "2016-04-06", "absent", syriaFile)
	if r.code != exitUsage || !strings.Contains(r.stderr, "format absent is not available in this build") || r.stdout != "" {
		t.Errorf("export absent: exit %d, stderr %q; want a usage error", r.code, r.stderr)
	}
	if help := conflictCmd("-h").stdout; !strings.Contains(help, "absent") || !strings.Contains(help, "; not in this build") {
		t.Errorf("conflict -h does not say that format absent is not in this build:\n%s", help)
	}
}

func TestProgress(t *testing.T) {
	defer func(d, e time.Duration) { progressDelay, progressEvery = d, e }(progressDelay, progressEvery)
	progressDelay, progressEvery = time.Millisecond, time.Millisecond

	var stderr syncBuffer
	inv := &invocation{cmd: sidesCommand, stderr: &stderr, progress: true}
	stop := inv.showProgress(func() string { return "searching for sides" })
	for !strings.Contains(stderr.String(), "searching") {
		time.Sleep(time.Millisecond)
	}
	stop()
	got := stderr.String()
	if !strings.HasPrefix(got, "\rconflict sides: searching for sides (0s)") {
		t.Errorf("progress = %q, want a line rewritten in place", got)
	}
	last := got[strings.LastIndexByte(got[:len(got)-1], '\r'):]
	if strings.TrimSpace(last) != "" || !strings.HasSuffix(got, "\r") {
		t.Errorf("progress ends with %q, want the line erased", last)
	}

	// Not on a terminal: nothing.
	stderr = syncBuffer{}
	inv.progress = false
	inv.showProgress(func() string { return "searching for sides" })()
	if stderr.String() != "" {
		t.Errorf("progress off a terminal = %q, want nothing", stderr.String())
	}
}

// A syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
