// Package testutil holds helpers shared by the tests of the module's
// packages: golden files, outside tools the tests run, records to test
// with, among them the worked example's, and a [Recorder] to test test
// helpers with.
//
// Importing the package registers the test flag -update, which makes
// [Golden] rewrite the golden files instead of comparing with them:
//
//	go test ./dot/ -update
//
// A test package that imports testutil must not define a flag of that name
// itself.
package testutil

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Golden compares got with the contents of the file at path, reporting the
// difference as a test error. With the flag -update it writes got to path
// instead.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// NeedTool returns the path of the program tool, found in the PATH. When
// it is not installed NeedTool skips the test, with a message naming the
// Debian package that provides it; but when the environment variable CI is
// "true", as in CI, which installs it, NeedTool fails the test instead.
func NeedTool(t testing.TB, tool, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err == nil {
		return path
	}
	msg := tool + " is not installed (Debian package " + debianPackage + "): " + err.Error()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI must install it")
	}
	t.Skip("skipping: " + msg)
	return ""
}

// Root returns the module's root directory: the nearest directory, from
// the working directory up, that holds a go.mod file. A test runs in its
// package's directory, so Root finds the module the test belongs to.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		_, err := os.Stat(filepath.Join(dir, "go.mod"))
		if err == nil {
			return dir
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod in the working directory or above it")
		}
		dir = parent
	}
}

// SyriaFile is the path of the worked example's dataset, from the module's
// root directory.
const SyriaFile = "examples/syria/syria.json"

// Syria loads the worked example's dataset, [SyriaFile], and fails the test
// if it cannot.
func Syria(t testing.TB) *conflict.Conflict {
	t.Helper()
	return Load(t, filepath.Join(Root(t), SyriaFile))
}

// Load loads the dataset in the JSON file at path, and fails the test if it
// cannot.
func Load(t testing.TB, path string) *conflict.Conflict {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := conflict.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Conflict returns a record that holds d, and fails the test if d does not
// go into an empty record.
func Conflict(t testing.TB, d conflict.Dataset) *conflict.Conflict {
	t.Helper()
	var c conflict.Conflict
	if err := c.Add(d); err != nil {
		t.Fatal(err)
	}
	return &c
}
