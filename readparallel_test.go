package conflict_test

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
)

// parallelFile returns a saved dataset file whose relations section is
// read in parts, with the sizes set so that it has several, and the file
// split into lines.
func parallelFile(t *testing.T) []string {
	t.Helper()
	var c conflict.Conflict
	if err := c.Add(synth.Generate(synth.Default(3000))); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return strings.SplitAfter(buf.String(), "\n")
}

// inParallel runs f with relations read on several cores, in parts of
// at least 4 KB.
func inParallel(f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer conflict.SetParallelRead(1, 4<<10)()
	f()
}

// inSeries runs f with relations read on one core.
func inSeries(f func()) {
	defer conflict.SetParallelRead(1<<62, 1<<62)()
	f()
}

// loadBoth loads file in parts and in one piece, with opt, and returns
// what each gives: the file saved again, or the error.
func loadBoth(t *testing.T, file []byte, opt conflict.LoadOptions) (parallel, serial string) {
	t.Helper()
	load := func() string {
		var c conflict.Conflict
		err := c.LoadWith(bytes.NewReader(file), opt)
		var out strings.Builder
		if err != nil {
			out.WriteString(err.Error() + "\n")
		}
		if err == nil || errors.Is(err, conflict.ErrSkipped) {
			if err := c.Save(&out); err != nil {
				t.Fatal(err)
			}
		}
		return out.String()
	}
	inParallel(func() { parallel = load() })
	inSeries(func() { serial = load() })
	return parallel, serial
}

func TestLoadInParallel(t *testing.T) {
	lines := parallelFile(t)
	file := []byte(strings.Join(lines, ""))
	inParallel(func() {
		if !conflict.ReadsRelationsInParallel(file) {
			t.Fatal("the relations of a saved file are not read in parallel")
		}
	})
	got, want := loadBoth(t, file, conflict.LoadOptions{})
	if strings.HasPrefix(want, "conflict") || !strings.HasPrefix(want, "{") {
		t.Fatalf("the file does not load: %.300s", want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded in parallel, saved (-want +got):\n%s", diff)
	}
}

// TestLoadInParallelErrors checks that a file with problems in its
// relations, read in parts, gives the errors it gives read in one piece,
// at the same lines: the first problem in file order first.
func TestLoadInParallelErrors(t *testing.T) {
	lines := parallelFile(t)
	first, last := -1, -1
	for i, l := range lines {
		if strings.HasPrefix(l, `    {"kind":`) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last-first < 1000 {
		t.Fatalf("relations on lines %d to %d: too few", first, last)
	}
	mid := first + (last-first)*3/5
	edit := func(i int, old, new string) func([]string) {
		return func(ls []string) {
			if !strings.Contains(ls[i], old) {
				t.Fatalf("line %d: no %q in %q", i+1, old, ls[i])
			}
			ls[i] = strings.Replace(ls[i], old, new, 1)
		}
	}
	for _, c := range []struct {
		name  string
		loads bool // the file has no problem
		edits []func([]string)
	}{
		{"bad kind", false, []func([]string){edit(mid, `"kind":"`, `"kind":"bogus`)}},
		{"bad kinds in two parts", false, []func([]string){edit(mid, `"kind":"`, `"kind":"bogus`), edit(first+5, `"kind":"`, `"kind":"other`)}},
		{"bad kind in the last record", false, []func([]string){edit(last, `"kind":"`, `"kind":"bogus`)}},
		{"bad kind in the first record", false, []func([]string){edit(first, `"kind":"`, `"kind":"bogus`)}},
		{"unknown field", false, []func([]string){edit(mid, `{"kind"`, `{"kinds"`)}},
		{"unknown node", false, []func([]string){edit(mid, `"to":"`, `"to":"nowhere-`)}},
		{"bad date", false, []func([]string){edit(mid+7, `"sources"`, `"start":"2015-13","sources"`)}},
		{"syntax", false, []func([]string){edit(mid, `{"kind"`, `{"kind"}`)}},
		{"null record", false, []func([]string){func(ls []string) { ls[mid] = "    null,\n" }}},
		{"record of two lines", true, []func([]string){edit(mid, `"from"`, "\n    \"from\"")}},
		{"truncated", false, []func([]string){func(ls []string) { ls[mid] = ls[mid][:len(ls[mid])/2] }, func(ls []string) { clear(ls[mid+1:]) }}},
		{"empty relations", true, []func([]string){func(ls []string) { clear(ls[first : last+1]) }}},
		{"problem after the relations", false, []func([]string){edit(last+2, `[]`, "[\n    {\"id\":\"e1\",\"kind\":\"capture\",\"date\":\"2015-13\",\"sources\":[\"nowhere\"]}\n  ]")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ls := append([]string(nil), lines...)
			for _, e := range c.edits {
				e(ls)
			}
			file := []byte(strings.Join(ls, ""))
			for _, opt := range []conflict.LoadOptions{{}, {KeepGoing: true}, {MaxErrors: -1}} {
				got, want := loadBoth(t, file, opt)
				if loads := strings.HasPrefix(want, "{"); loads != c.loads {
					t.Fatalf("%+v: the file loads is %v, want %v: %.200s", opt, loads, c.loads, want)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%+v: read in parallel (-want +got):\n%s", opt, diff)
				}
			}
		})
	}
}
