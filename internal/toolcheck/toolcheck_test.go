package toolcheck

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestPinned checks that package.json pins the packages the tests use, each
// at one exact version.
func TestPinned(t *testing.T) {
	pins, err := pinned(filepath.Join(testutil.Root(t), packageFile))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, v := range pins {
		names = append(names, name)
		if err := checkMajor(v, 0); err != nil || strings.ContainsAny(v, "^~<>=* ") {
			t.Errorf("%s is pinned at %q, want one exact version", name, v)
		}
	}
	slices.Sort(names)
	want := []string{"@mapbox/geojsonhint", "graphology", "graphology-gexf"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("pinned packages (-want +got):\n%s", diff)
	}
}

// install writes package.json files for the packages, name to version,
// into a new node_modules directory, and returns it.
func install(t *testing.T, packages map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, v := range packages {
		pkg := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "package.json"), []byte(`{"name": "`+name+`", "version": "`+v+`"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckPackages(t *testing.T) {
	pins := map[string]string{"@scope/a": "1.2.3", "b": "0.1.0"}
	for _, tc := range []struct {
		name      string
		installed map[string]string
		packages  []string
		want      string // in the error; "" for none
		version   bool   // the error is errVersion
	}{
		{"all there", map[string]string{"@scope/a": "1.2.3", "b": "0.1.0"}, []string{"@scope/a", "b"}, "", false},
		{"only those asked", map[string]string{"b": "0.1.0"}, []string{"b"}, "", false},
		{"none asked", nil, nil, "", false},
		{"missing", map[string]string{"b": "0.1.0"}, []string{"@scope/a", "b"}, "@scope/a is not installed", false},
		{"other version", map[string]string{"@scope/a": "1.2.4"}, []string{"@scope/a"}, "@scope/a is 1.2.4", true},
		{"not pinned", map[string]string{"c": "1.0.0"}, []string{"c"}, "c is not pinned", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkPackages(install(t, tc.installed), pins, tc.packages)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			if got := errors.Is(err, errVersion); got != tc.version {
				t.Errorf("errors.Is(%v, errVersion) = %v, want %v", err, got, tc.version)
			}
		})
	}
}

func TestCheckMajor(t *testing.T) {
	for _, tc := range []struct {
		version string
		major   int
		ok      bool
	}{
		{"3.6.1", 3, true},
		{"3.0", 3, true},
		{"10.1", 3, true},
		{"2.8.8", 3, false},
		{"", 3, false},
		{"v3.1", 3, false},
	} {
		err := checkMajor(tc.version, tc.major)
		if (err == nil) != tc.ok {
			t.Errorf("checkMajor(%q, %d) = %v, want ok %v", tc.version, tc.major, err, tc.ok)
		}
		if err != nil && !errors.Is(err, errVersion) {
			t.Errorf("checkMajor(%q, %d) = %v, want errVersion", tc.version, tc.major, err)
		}
	}
}

func TestModulesDir(t *testing.T) {
	t.Setenv(ModulesEnv, "/somewhere/node_modules")
	if got, err := modulesDir(); err != nil || got != "/somewhere/node_modules" {
		t.Errorf("with %s set: %q, %v; want /somewhere/node_modules", ModulesEnv, got, err)
	}
	t.Setenv(ModulesEnv, "")
	t.Setenv("XDG_CACHE_HOME", "/cache") // read on Unix but Darwin
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skip(err)
	}
	want := filepath.Join(cache, "conflict-toolcheck", "node_modules")
	if got, err := modulesDir(); err != nil || got != want {
		t.Errorf("with %s unset: %q, %v; want %q", ModulesEnv, got, err, want)
	}
}
