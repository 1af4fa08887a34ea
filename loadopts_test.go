package conflict_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

const keepGoingFile = `{
  "sources": [{"id": "s"}, {"id": "bad source"}],
  "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c"}],
  "locations": [{"id": "p", "name": "P"}],
  "relations": [
    {"kind": "controls", "from": "a", "to": "p", "start": "2015", "sources": ["s"]},
    {"kind": "fights", "from": "a", "to": "b", "start": "2015-13", "sources": ["s"]},
    {"kind": "fights", "from": "a", "to": "c", "sources": ["s"]},
    {"kind": "fights", "from": "b", "to": "atlantis", "sources": ["s"]},
    {"kind": "supports", "from": "b", "to": "a", "sources": ["bad source"]}
  ],
  "events": [
    {"id": "e", "kind": "capture", "date": "2016", "location": "p", "actors": ["b"], "sources": ["s"]}
  ]
}`

func TestKeepGoing(t *testing.T) {
	var c conflict.Conflict
	err := c.LoadWith(strings.NewReader(keepGoingFile), conflict.LoadOptions{KeepGoing: true})
	if !errors.Is(err, conflict.ErrSkipped) {
		t.Fatalf("error %v, want one wrapping ErrSkipped", err)
	}
	// Every record skipped is named, with its line, field and value; the
	// relation to the actor that was skipped is skipped in turn.
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap()[1:] {
		var ce *conflict.Error
		if !errors.As(e, &ce) {
			t.Fatalf("%v is not a *conflict.Error", e)
		}
		got = append(got, fmt.Sprintf("%d %s %s %q", ce.Line, ce.Entity, ce.Field, ce.Value))
	}
	want := []string{
		`7 relations[1] (a fights b) start "2015-13"`,
		`2 sources[1] "bad source" id "bad source"`,
		`3 actors[2] "c" name ""`,
		`9 relations[3] (b fights atlantis) to "atlantis"`,
		`10 relations[4] (b supports a) sources "bad source"`,
		`8 relations[2] (a fights c) to "c"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the records skipped (-want +got)\n%s", diff)
	}
	// The rest is there.
	if h := c.At(on("2017-01-01")).Controller("p").Holder; h != "b" {
		t.Errorf("holder of p in 2017 = %q, want b (the event was kept)", h)
	}
	var ties []string
	for tie := range c.Ties() {
		ties = append(ties, tie.String())
	}
	if diff := cmp.Diff([]string{"a controls p [2015, 2016)", "b controls p [2016, …)"}, ties); diff != "" {
		t.Errorf("ties (-want +got)\n%s", diff)
	}

	// Without KeepGoing, nothing.
	var d conflict.Conflict
	if err := d.Load(strings.NewReader(keepGoingFile)); err == nil || errors.Is(err, conflict.ErrSkipped) {
		t.Errorf("Load = %v, want the problems", err)
	}
	if _, ok := d.Node("a"); ok {
		t.Error("a failed Load added records")
	}
	// A problem with the whole file is no record to skip.
	var e conflict.Conflict
	if err := e.LoadWith(strings.NewReader(`{"timezone": "Nowhere/Else", "sources": [{"id": "s"}]}`), conflict.LoadOptions{KeepGoing: true}); !errors.Is(err, conflict.ErrTimeZone) || errors.Is(err, conflict.ErrSkipped) {
		t.Errorf("keep-going load of a bad time zone: %v", err)
	}
	if _, ok := e.Source("s"); ok {
		t.Error("a bad time zone added records")
	}
}

func TestMaxErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"sources": [{"id": "s"}], "relations": [`)
	for i := range 250 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"kind": "fights", "from": "x%d", "to": "y", "sources": ["s"]}`, i)
	}
	b.WriteString("]}")
	for _, tt := range []struct {
		max, described int
		more           string
	}{
		{0, 100, "and 400 more problems"},
		{10, 10, "and 490 more problems"},
		{-1, 500, ""},
	} {
		var c conflict.Conflict
		err := c.LoadWith(strings.NewReader(b.String()), conflict.LoadOptions{MaxErrors: tt.max})
		errs := err.(interface{ Unwrap() []error }).Unwrap()
		n := len(errs)
		if tt.more != "" {
			n--
			if got := errs[len(errs)-1].Error(); !strings.Contains(got, tt.more) {
				t.Errorf("MaxErrors %d: last error %q, want %q", tt.max, got, tt.more)
			}
		}
		if n != tt.described {
			t.Errorf("MaxErrors %d: %d problems described, want %d", tt.max, n, tt.described)
		}
	}
}
