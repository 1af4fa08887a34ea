package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
)

// A recorder is a testing.TB that records how a helper ended the test.
type recorder struct {
	testing.TB // nil: a call to any other method panics
	failed     bool
	skipped    bool
	msg        string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}

func (r *recorder) Fatal(args ...any) {
	r.failed, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Skip(args ...any) {
	r.skipped, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}

// record runs f with a recorder, in a goroutine of its own so that Fatal and
// Skip can end it, and returns the recorder.
func record(f func(t testing.TB)) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "want.txt")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := record(func(t testing.TB) { Golden(t, path, []byte("a\nb\n")) }); r.failed {
		t.Errorf("same bytes: failed with %q", r.msg)
	}
	r := record(func(t testing.TB) { Golden(t, path, []byte("a\nc\n")) })
	if !r.failed || !strings.Contains(r.msg, path+" differs (-want +got)") {
		t.Errorf("other bytes: failed %v with %q, want a diff", r.failed, r.msg)
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	r = record(func(t testing.TB) { Golden(t, missing, nil) })
	if !r.failed || !strings.Contains(r.msg, "run go test -update to write it") {
		t.Errorf("no file: failed %v with %q, want a hint at -update", r.failed, r.msg)
	}

	defer func(u bool) { *update = u }(*update)
	*update = true
	if r := record(func(t testing.TB) { Golden(t, missing, []byte("new")) }); r.failed {
		t.Errorf("-update: failed with %q", r.msg)
	}
	if b, err := os.ReadFile(missing); err != nil || string(b) != "new" {
		t.Errorf("-update wrote %q, %v; want %q", b, err, "new")
	}
}

func TestNeedTool(t *testing.T) {
	t.Setenv("CI", "")
	r := record(func(t testing.TB) {
		if path := NeedTool(t, "go", "golang-go"); !filepath.IsAbs(path) {
			t.Errorf("path %q is not absolute", path)
		}
	})
	if r.failed || r.skipped {
		t.Errorf("go: failed %v, skipped %v: %q", r.failed, r.skipped, r.msg)
	}

	const tool = "no-such-tool-for-testutil"
	r = record(func(t testing.TB) { NeedTool(t, tool, "no-such-package") })
	if r.failed || !r.skipped || !strings.Contains(r.msg, tool+" is not installed (Debian package no-such-package)") {
		t.Errorf("missing: failed %v, skipped %v: %q; want a skip naming the package", r.failed, r.skipped, r.msg)
	}

	t.Setenv("CI", "true")
	r = record(func(t testing.TB) { NeedTool(t, tool, "no-such-package") })
	if !r.failed || r.skipped || !strings.HasSuffix(r.msg, "; CI must install it") {
		t.Errorf("missing in CI: failed %v, skipped %v: %q; want a failure", r.failed, r.skipped, r.msg)
	}
}

func TestRoot(t *testing.T) {
	root := Root(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	if want, _ := filepath.Abs(filepath.Join("..", "..")); root != want {
		t.Errorf("Root = %s, want %s", root, want)
	}
}

func TestSyria(t *testing.T) {
	d := Syria(t).Dataset()
	if len(d.Locations) == 0 || len(d.Relations) == 0 {
		t.Errorf("the worked example has %d locations and %d relations", len(d.Locations), len(d.Relations))
	}
}

func TestLoad(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	if r := record(func(t testing.TB) { Load(t, missing) }); !r.failed || !strings.Contains(r.msg, missing) {
		t.Errorf("no file: failed %v with %q, want the path named", r.failed, r.msg)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"actors": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := record(func(t testing.TB) { Load(t, bad) }); !r.failed {
		t.Error("a malformed dataset: no failure")
	}
}

func TestConflict(t *testing.T) {
	c := Conflict(t, conflict.Dataset{Actors: []conflict.Actor{{ID: "a", Name: "A"}}})
	if got := c.Dataset().Actors; len(got) != 1 || got[0].ID != "a" {
		t.Errorf("actors %+v, want a", got)
	}
	bad := conflict.Dataset{Relations: []conflict.Relation{{Kind: conflict.RelationFights, From: "a", To: "b"}}}
	if r := record(func(t testing.TB) { Conflict(t, bad) }); !r.failed {
		t.Error("a relation between unknown parties: no failure")
	}
}
