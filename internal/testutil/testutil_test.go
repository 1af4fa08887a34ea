package testutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
)

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "want.txt")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := Record(func(t testing.TB) { Golden(t, path, []byte("a\nb\n")) }); r.Failed() {
		t.Errorf("same bytes: failed with %q", r.Message())
	}
	r := Record(func(t testing.TB) { Golden(t, path, []byte("a\nc\n")) })
	if !r.Failed() || !strings.Contains(r.Message(), path+" differs (-want +got)") {
		t.Errorf("other bytes: failed %v with %q, want a diff", r.Failed(), r.Message())
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	r = Record(func(t testing.TB) { Golden(t, missing, nil) })
	if !r.Failed() || !strings.Contains(r.Message(), "run go test -update to write it") {
		t.Errorf("no file: failed %v with %q, want a hint at -update", r.Failed(), r.Message())
	}

	defer func(u bool) { *update = u }(*update)
	*update = true
	if r := Record(func(t testing.TB) { Golden(t, missing, []byte("new")) }); r.Failed() {
		t.Errorf("-update: failed with %q", r.Message())
	}
	if b, err := os.ReadFile(missing); err != nil || string(b) != "new" {
		t.Errorf("-update wrote %q, %v; want %q", b, err, "new")
	}
}

func TestNeedTool(t *testing.T) {
	t.Setenv("CI", "")
	r := Record(func(t testing.TB) {
		if path := NeedTool(t, "go", "golang-go"); !filepath.IsAbs(path) {
			t.Errorf("path %q is not absolute", path)
		}
	})
	if r.Failed() || r.Skipped() {
		t.Errorf("go: failed %v, skipped %v: %q", r.Failed(), r.Skipped(), r.Message())
	}

	const tool = "no-such-tool-for-testutil"
	r = Record(func(t testing.TB) { NeedTool(t, tool, "no-such-package") })
	if r.Failed() || !r.Skipped() || !strings.Contains(r.Message(), tool+" is not installed (Debian package no-such-package)") {
		t.Errorf("missing: failed %v, skipped %v: %q; want a skip naming the package", r.Failed(), r.Skipped(), r.Message())
	}

	t.Setenv("CI", "true")
	r = Record(func(t testing.TB) { NeedTool(t, tool, "no-such-package") })
	if !r.Failed() || r.Skipped() || !strings.HasSuffix(r.Message(), "; CI must install it") {
		t.Errorf("missing in CI: failed %v, skipped %v: %q; want a failure", r.Failed(), r.Skipped(), r.Message())
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
	if r := Record(func(t testing.TB) { Load(t, missing) }); !r.Failed() || !strings.Contains(r.Message(), missing) {
		t.Errorf("no file: failed %v with %q, want the path named", r.Failed(), r.Message())
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"actors": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := Record(func(t testing.TB) { Load(t, bad) }); !r.Failed() {
		t.Error("a malformed dataset: no failure")
	}
}

func TestConflict(t *testing.T) {
	c := Conflict(t, conflict.Dataset{Actors: []conflict.Actor{{ID: "a", Name: "A"}}})
	if got := c.Dataset().Actors; len(got) != 1 || got[0].ID != "a" {
		t.Errorf("actors %+v, want a", got)
	}
	bad := conflict.Dataset{Relations: []conflict.Relation{{Kind: conflict.RelationFights, From: "a", To: "b"}}}
	if r := Record(func(t testing.TB) { Conflict(t, bad) }); !r.Failed() {
		t.Error("a relation between unknown parties: no failure")
	}
}
