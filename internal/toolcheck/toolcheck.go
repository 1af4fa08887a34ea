// Package toolcheck runs, for the tests of the exporters, the programs that
// people open the exports with: Node.js with the npm packages pinned in
// package.json beside this file (graphology, graphology-gexf and
// @mapbox/geojsonhint), and python3 with networkx 3.
//
// The npm packages are looked for in the node_modules directory named by
// the environment variable CONFLICT_NODE_MODULES or, when it is unset, in
// conflict-toolcheck/node_modules under the user's cache directory
// ([os.UserCacheDir]; ~/.cache on Linux), where .ci/run installs them.
// To install them there by hand:
//
//	dir=~/.cache/conflict-toolcheck
//	mkdir -p $dir && cp internal/toolcheck/package*.json $dir && (cd $dir && npm ci)
//
// The Python is the python3 found in the PATH, or the program named by the
// environment variable CONFLICT_PYTHON.
//
// Like [testutil.NeedTool], [Node] and [Python] skip the test when what it
// needs is missing, and fail it instead when the environment variable CI is
// "true", as in CI, which installs it.
package toolcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/internal/testutil"
)

// The environment variables that say where the tools are.
const (
	ModulesEnv = "CONFLICT_NODE_MODULES" // the node_modules directory
	PythonEnv  = "CONFLICT_PYTHON"       // the Python interpreter
)

// packageFile is the path of the package.json that pins the npm packages,
// from the module's root directory.
const packageFile = "internal/toolcheck/package.json"

// errVersion reports a package or module at another version than the tests
// need.
var errVersion = errors.New("toolcheck: wrong version")

// A Program is an interpreter that runs the tests' scripts.
type Program struct {
	path string   // the interpreter
	env  []string // added to the environment, "KEY=value"
}

// Node returns the node found in the PATH, set to find the npm packages
// named (as in package.json, "@mapbox/geojsonhint") in the node_modules
// directory, after checking that each is there at the version that
// package.json pins.
func Node(t testing.TB, packages ...string) Program {
	t.Helper()
	node := testutil.NeedTool(t, "node", "nodejs")
	pins, err := pinned(filepath.Join(testutil.Root(t), packageFile))
	if err != nil {
		t.Fatal(err)
	}
	dir, err := modulesDir()
	if err == nil {
		err = checkPackages(dir, pins, packages)
	}
	if err != nil {
		need(t, fmt.Sprintf("%v (install them with npm ci from %s, or set %s)", err, packageFile, ModulesEnv))
	}
	return Program{path: node, env: []string{"NODE_PATH=" + dir}}
}

// Python returns the Python interpreter, after checking that it imports
// module at a version whose major number is at least major.
func Python(t testing.TB, module string, major int) Program {
	t.Helper()
	python := os.Getenv(PythonEnv)
	if python == "" {
		python = testutil.NeedTool(t, "python3", "python3")
	}
	out, err := exec.Command(python, "-c", "import importlib, sys; print(importlib.import_module(sys.argv[1]).__version__)", module).CombinedOutput()
	if err != nil {
		need(t, fmt.Sprintf("%s cannot import %s: %v\n%s", python, module, err, out))
	}
	version := strings.TrimSpace(string(out))
	if err := checkMajor(version, major); err != nil {
		need(t, fmt.Sprintf("%s imports %s %s: %v", python, module, version, err))
	}
	return Program{path: python}
}

// Run runs script with args and returns what it writes to its standard
// output. It fails the test, with what the script wrote to its standard
// error, if the script fails.
func (p Program) Run(t testing.TB, script string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(p.path, append([]string{script}, args...)...)
	cmd.Env = append(os.Environ(), p.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s %s: %v\n%s", filepath.Base(p.path), script, strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// need skips the test with msg, or fails it when CI is "true".
func need(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI must install it")
	}
	t.Skip("skipping: " + msg)
}

// modulesDir returns the node_modules directory: $CONFLICT_NODE_MODULES, or
// conflict-toolcheck/node_modules in the user's cache directory.
func modulesDir() (string, error) {
	if dir := os.Getenv(ModulesEnv); dir != "" {
		return dir, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("toolcheck: no node_modules directory: %s is unset and %w", ModulesEnv, err)
	}
	return filepath.Join(cache, "conflict-toolcheck", "node_modules"), nil
}

// packageJSON is what the checks read of a package.json file.
type packageJSON struct {
	Version      string            `json:"version"`
	Dependencies map[string]string `json:"dependencies"`
}

func readPackage(path string) (packageJSON, error) {
	var p packageJSON
	b, err := os.ReadFile(path)
	if err != nil {
		return p, fmt.Errorf("toolcheck: %w", err)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("toolcheck: %s: %w", path, err)
	}
	return p, nil
}

// pinned returns the dependencies of the package.json at path, by name.
func pinned(path string) (map[string]string, error) {
	p, err := readPackage(path)
	return p.Dependencies, err
}

// checkPackages checks that each of packages is in the node_modules
// directory dir at the version pins gives it.
func checkPackages(dir string, pins map[string]string, packages []string) error {
	for _, name := range packages {
		want, ok := pins[name]
		if !ok {
			return fmt.Errorf("toolcheck: npm package %s is not pinned in %s", name, packageFile)
		}
		p, err := readPackage(filepath.Join(dir, filepath.FromSlash(name), "package.json"))
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("toolcheck: npm package %s is not installed in %s", name, dir)
		}
		if err != nil {
			return err
		}
		if p.Version != want {
			return fmt.Errorf("%w: npm package %s is %s in %s, pinned at %s", errVersion, name, p.Version, dir, want)
		}
	}
	return nil
}

// checkMajor checks that version's major number is at least major.
func checkMajor(version string, major int) error {
	first, _, _ := strings.Cut(version, ".")
	n, err := strconv.Atoi(first)
	if err != nil {
		return fmt.Errorf("%w: version %q is not a version number", errVersion, version)
	}
	if n < major {
		return fmt.Errorf("%w: the tests need %d.x or later", errVersion, major)
	}
	return nil
}
