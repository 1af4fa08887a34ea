package conflict

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sameDecoding fails the test unless decodeFast and decode read data the
// same way, or decodeFast gave up.
func sameDecoding(t *testing.T, data []byte) (fast bool) {
	t.Helper()
	fds, flines, ok := decodeFast(data)
	if !ok {
		return false
	}
	ds, lines, err := decode(data)
	if err != nil {
		t.Fatalf("decodeFast read what decode rejects (%v):\n%q", err, data)
	}
	if diff := cmp.Diff(ds, fds); diff != "" {
		t.Fatalf("datasets differ (-decode +decodeFast):\n%s\ninput: %q", diff, data)
	}
	if diff := cmp.Diff(lines.lines, flines.lines); diff != "" {
		t.Fatalf("lines differ (-decode +decodeFast):\n%s\ninput: %q", diff, data)
	}
	if diff := cmp.Diff(errors.Join(lines.errs...), errors.Join(flines.errs...), cmp.Comparer(func(a, b error) bool {
		return a == nil && b == nil || a != nil && b != nil && a.Error() == b.Error()
	})); diff != "" {
		t.Fatalf("conversion errors differ (-decode +decodeFast):\n%s", diff)
	}
	return true
}

func TestDecodeFast(t *testing.T) {
	full, err := os.ReadFile("testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		fast bool // decodeFast reads it; otherwise it gives up
	}{
		{"the fixture", string(full), true},
		{"empty dataset", `{}`, true},
		{"nulls", `{"name": null, "actors": [{"id": "a", "name": "A", "aliases": null, "kind": null}], "locations": [{"id": "l", "name": "L", "point": null}, {"id": "m", "name": "M", "point": {"lat": null, "lon": 2}}]}`, true},
		{"escapes", `{"name": "A \"war\" \\ \u00e9\n", "actors": [{"id": "a", "name": "Ünïcode ✓"}]}`, true},
		{"numbers", `{"locations": [{"id": "l", "name": "L", "point": {"lat": -0.5e1, "lon": 1E+2}}]}`, true},
		{"conversion errors", `{"sources": [{"id": "s", "published": "2015-13"}], "relations": [{"kind": "hates", "from": "a", "to": "b", "support": ["money"], "sources": ["s"]}]}`, true},
		{"a field in capitals", `{"actors": [{"ID": "a", "name": "A"}]}`, false},
		{"a repeated field", `{"actors": [{"id": "a", "id": "b", "name": "A"}]}`, false},
		{"a repeated section", `{"actors": [], "actors": []}`, false},
		{"an unknown field", `{"actors": [{"id": "a", "name": "A", "colour": "red"}]}`, false},
		{"a null in a list", `{"actors": [{"id": "a", "name": "A", "aliases": [null]}]}`, false},
		{"a number for a string", `{"actors": [{"id": 7, "name": "A"}]}`, false},
		{"a leading zero", `{"locations": [{"id": "l", "name": "L", "point": {"lat": 01, "lon": 2}}]}`, false},
		{"a huge number", `{"locations": [{"id": "l", "name": "L", "point": {"lat": 1e400, "lon": 2}}]}`, false},
		{"a control character", "{\"name\": \"a\tb\"}", false},
		{"trailing data", `{} {}`, false},
		{"truncated", string(full[:len(full)/2]), false},
		{"not an object", `[]`, false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameDecoding(t, []byte(tt.in)); got != tt.fast {
				t.Errorf("decodeFast read it: %v, want %v", got, tt.fast)
			}
		})
	}
}

func FuzzDecodeFast(f *testing.F) {
	for _, name := range []string{"testdata/full.json", "examples/syria/syria.json"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
			f.Add(bytes.ReplaceAll(b, []byte("\n"), nil))
		}
	}
	f.Add([]byte(`{"name": "\ud800", "actors": [{"id": "a\u0000", "name": "\xff"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameDecoding(t, data)
	})
}
