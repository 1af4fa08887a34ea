package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/geojson"
	"github.com/conflictgraph/conflict/gexf"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestAsOfJSON runs every query command with -as-of and checks that its
// answer is the library's from the record as known on the date, under the
// keys it has without -as-of, and one more, as_of, the day.
func TestAsOfJSON(t *testing.T) {
	c := testutil.Syria(t)
	at := conflict.Day(2016, 12, 15).Time()
	k := conflict.Day(2016, 4, 5).Time()
	v := c.AsOf(k)
	m := v.At(at)
	sides, err := m.Sides(conflict.SidesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var hist []holdJSON
	for _, h := range v.History("palmyra") {
		hist = append(hist, holdOf(h))
	}
	var changes []changeJSON
	for _, ch := range v.Changes(conflict.Day(2016, 1, 1).Time(), conflict.Day(2016, 5, 1).Time()) {
		changes = append(changes, changeJSON{
			Date: ch.When().String(), Change: openedClosed(ch), Kind: ch.Tie.Kind.String(),
			From: ch.Tie.From, To: ch.Tie.To, Certainty: ch.Certainty.String(), Sources: ch.Tie.Sources(),
		})
	}
	control := map[string]controlJSON{}
	for _, loc := range locations(v) {
		control[loc] = controlOf(m.Controller(loc))
	}
	tests := []struct {
		args []string
		key  string // a key of the answer
		want any    // its value, from the library
	}{
		{[]string{"at", "-at", "2016-12-15"}, "control", m.Summary().Control},
		{[]string{"at", "-at", "2016-12-15"}, "fights", m.Summary().Fights},
		{[]string{"control", "-at", "2016-12-15"}, "control", control},
		{[]string{"alliances", "-at", "2016-12-15"}, "alliances", m.Alliances()},
		{[]string{"sides", "-at", "2016-12-15"}, "blocs", sides.Blocs},
		{[]string{"history", "palmyra"}, "history", hist},
		{[]string{"changes", "-from", "2016", "-to", "2016-05"}, "changes", changes},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " ")+" "+tt.key, func(t *testing.T) {
			whole := conflictCmd(append(tt.args, "-json", syriaFile)...)
			mustSucceed(t, whole, tt.args...)
			wantKeys := append(keys(decodeObject(t, whole.stdout)), "as_of")
			slices.Sort(wantKeys)
			obj, _ := runObject(t, wantKeys, append(tt.args, "-json", "-as-of", "2016-04-05", syriaFile)...)
			if got := string(obj["as_of"]); got != `"2016-04-05"` {
				t.Errorf(`"as_of" = %s, want "2016-04-05"`, got)
			}
			if diff := cmp.Diff(jsonValue(t, tt.want), jsonValue(t, obj[tt.key])); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", tt.key, diff)
			}
			if cmp.Equal(jsonValue(t, tt.want), jsonValue(t, decodeObject(t, whole.stdout)[tt.key])) {
				t.Errorf("%s is the same without -as-of: a useless test", tt.key)
			}
		})
	}
}

// jsonValue returns v, a value or JSON text, as encoding/json decodes it
// into an any, to compare the CLI's output with what the library says.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	data, ok := v.(json.RawMessage)
	if !ok {
		var err error
		if data, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAsOfDay checks that -as-of DATE is the first day of the date's
// window, and that the record knows a source from the day it was
// published: the Syria Study Group's report of 6 April 2016 told of the
// government's recapture of al-Qaryatayn on the 3rd.
func TestAsOfDay(t *testing.T) {
	holder := func(asOf string) string {
		t.Helper()
		args := []string{"control", "-at", "2016-04-06", "-json", "-as-of", asOf, syriaFile}
		obj, _ := runObject(t, []string{"as_of", "at", "control"}, args...)
		var control map[string]controlJSON
		field(t, obj, "control", &control)
		if h := control["al-qaryatayn"].Holder; h != nil {
			return *h
		}
		return ""
	}
	tests := []struct{ asOf, holder string }{
		{"2016-04-05", "isis"},
		{"2016-04-06", "syrian-government"},
		{"2016-04", "isis"},
		{"2016-04-30", "syrian-government"},
		{"2016-22", "syrian-government"}, // summer: from 1 June
		{"2016-04-05/2016-04-07", "isis"},
	}
	for _, tt := range tests {
		if got := holder(tt.asOf); got != tt.holder {
			t.Errorf("-as-of %s: al-qaryatayn held by %q, want %q", tt.asOf, got, tt.holder)
		}
	}
	month := conflictCmd("control", "-at", "2016-04-06", "-as-of", "2016-04", syriaFile)
	first := conflictCmd("control", "-at", "2016-04-06", "-as-of", "2016-04-01", syriaFile)
	mustSucceed(t, month)
	if diff := cmp.Diff(first.stdout, month.stdout); diff != "" {
		t.Errorf("-as-of 2016-04 and -as-of 2016-04-01 differ (-want +got):\n%s", diff)
	}
}

// TestAsOfText checks that a text answer with -as-of says the day the
// record is known as of, and without it does not.
func TestAsOfText(t *testing.T) {
	tests := []struct {
		args []string
		want string // the first line, with -as-of 2016-04, or its start if it ends with a space
	}{
		{[]string{"at", "-at", "2016-04-06"}, "At 2016-04-06, as known on 2016-04-01"},
		{[]string{"control", "-at", "2016-04-06"}, "Control at 2016-04-06, as known on 2016-04-01"},
		{[]string{"alliances", "-at", "2016-04-06"}, "At 2016-04-06, as known on 2016-04-01"},
		{[]string{"sides", "-at", "2016-04-06"}, "Sides at 2016-04-06 (any number of blocs), as known on 2016-04-01"},
		{[]string{"history", "palmyra"}, "Palmyra (palmyra): 3 holds, as known on 2016-04-01"},
		{[]string{"changes", "-to", "2016-04"}, "Changes before 2016-04, as known on 2016-04-01: "},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append(tt.args, "-as-of", "2016-04", syriaFile)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			if got := lines(r.stdout)[0]; got != tt.want && !(strings.HasSuffix(tt.want, " ") && strings.HasPrefix(got, tt.want)) {
				t.Errorf("first line %q, want %q", got, tt.want)
			}
			whole := conflictCmd(append(tt.args, syriaFile)...)
			if strings.Contains(whole.stdout, "as known on") {
				t.Errorf("without -as-of:\n%s\nwant no \"as known on\"", whole.stdout)
			}
		})
	}
}

// TestAsOfExport checks that export -as-of draws the record as known on the
// date, as the library's writers do of its View.
func TestAsOfExport(t *testing.T) {
	c := testutil.Syria(t)
	v := c.AsOf(conflict.Day(2016, 4, 5).Time())
	at := conflict.Day(2016, 4, 6).Time()
	tests := []struct {
		args  []string
		write func(*bytes.Buffer) error
	}{
		{[]string{"export", "gexf"}, func(b *bytes.Buffer) error { return gexf.Write(b, v) }},
		{[]string{"export", "-at", "2016-04-06", "geojson"}, func(b *bytes.Buffer) error { return geojson.WriteControl(b, v, at) }},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append(tt.args, "-as-of", "2016-04-05", syriaFile)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			var want bytes.Buffer
			if err := tt.write(&want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), r.stdout); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
			if whole := conflictCmd(append(tt.args, syriaFile)...); whole.stdout == r.stdout {
				t.Error("the same output without -as-of: a useless test")
			}
		})
	}

	r := conflictCmd("export", "-at", "2016-04-06", "-as-of", "2016-04-05", "dot", syriaFile)
	mustSucceed(t, r)
	if want := `Islamic State, 2016-04-06, as known on 2016-04-05\n`; !strings.Contains(r.stdout, want) {
		t.Errorf("export dot -as-of: no %s in\n%s", want, r.stdout)
	}
	for _, args := range [][]string{{"svg"}, {"-at", "2016-04-06", "dot"}} {
		whole := conflictCmd(append([]string{"export"}, append(args, syriaFile)...)...)
		known := conflictCmd(append([]string{"export", "-as-of", "2016-04-05"}, append(args, syriaFile)...)...)
		mustSucceed(t, known)
		if whole.stdout == known.stdout {
			t.Errorf("export %s: the same output with -as-of and without", strings.Join(args, " "))
		}
	}
}

// TestAsOfUndated checks that a view that knows no dated tie needs no -at,
// as a record with none does not.
func TestAsOfUndated(t *testing.T) {
	file := writePalmyra(t, damascus)
	// On 1 March 2016 nothing of it was known: no tie, dated or not.
	r := conflictCmd("alliances", "-as-of", "2016-03-01", "-json", file)
	mustSucceed(t, r)
	today := conflict.DateOf(time.Now().In(mustZone(t, damascus))).String()
	if obj := decodeObject(t, r.stdout); string(obj["at"]) != `"`+today+`"` {
		// Around midnight in Damascus, the day may have turned.
		if again := conflict.DateOf(time.Now().In(mustZone(t, damascus))).String(); again == today {
			t.Errorf(`"at" = %s, want %q, today in Damascus`, obj["at"], today)
		}
	}
	r = conflictCmd("alliances", "-as-of", "2016-04-01", file)
	if r.code != exitUsage || !strings.Contains(r.stderr, "-at DATE is needed") {
		t.Errorf("a view with dated ties without -at: exit %d, stderr %q; want a usage error", r.code, r.stderr)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
