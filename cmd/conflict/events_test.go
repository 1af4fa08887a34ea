package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestEventsJSON checks that events -json lists, with each filter, the
// events the library finds for the query the flags make, in its order.
func TestEventsJSON(t *testing.T) {
	c := hills(t)
	file := hillsFile
	all := c.Events(conflict.EventQuery{})
	tests := []struct {
		args []string
		rec  conflict.Record // the record asked; c if nil
		q    conflict.EventQuery
		want []string // the IDs, in order
	}{
		{nil, nil, conflict.EventQuery{}, []string{
			"palmyra-falls", "qaryatayn-falls", "strikes-on-palmyra", "citadel-taken", "palmyra-retaken",
			"qaryatayn-retaken", "jfs", "hts-formed",
		}},
		// The place, and the places within it; by ID, name or alias.
		{[]string{"-place", "palmyra"}, nil, conflict.EventQuery{Place: "palmyra"},
			[]string{"palmyra-falls", "strikes-on-palmyra", "citadel-taken", "palmyra-retaken"}},
		{[]string{"-place", "Tadmur"}, nil, conflict.EventQuery{Place: "palmyra"},
			[]string{"palmyra-falls", "strikes-on-palmyra", "citadel-taken", "palmyra-retaken"}},
		{[]string{"-place", "homs"}, nil, conflict.EventQuery{Place: "homs"},
			[]string{"palmyra-falls", "qaryatayn-falls", "strikes-on-palmyra", "citadel-taken", "palmyra-retaken", "qaryatayn-retaken"}},
		// A party as an actor, a counterpart or a participant; by a name
		// it went by for a while.
		{[]string{"-party", "russia"}, nil, conflict.EventQuery{Party: "russia"},
			[]string{"strikes-on-palmyra", "palmyra-retaken"}},
		{[]string{"-party", "Hezbollah"}, nil, conflict.EventQuery{Party: "hezbollah"}, []string{"palmyra-retaken"}},
		{[]string{"-party", "Jabhat Fateh al-Sham"}, nil, conflict.EventQuery{Party: "nusra"}, []string{"jfs", "hts-formed"}},
		// Kinds: one, several flags, or a comma-separated list.
		{[]string{"-kind", "capture"}, nil, conflict.EventQuery{Kinds: []conflict.EventKind{conflict.EventCapture}},
			[]string{"palmyra-falls", "qaryatayn-falls", "palmyra-retaken", "qaryatayn-retaken"}},
		{[]string{"-kind", "airstrike", "-kind", "merged"}, nil,
			conflict.EventQuery{Kinds: []conflict.EventKind{conflict.EventAirstrike, conflict.EventMerged}},
			[]string{"strikes-on-palmyra", "hts-formed"}},
		{[]string{"-kind", "airstrike,merged"}, nil,
			conflict.EventQuery{Kinds: []conflict.EventKind{conflict.EventAirstrike, conflict.EventMerged}},
			[]string{"strikes-on-palmyra", "hts-formed"}},
		{[]string{"-kind", "attack", "-place", "homs", "-party", "government"}, nil,
			conflict.EventQuery{Kinds: []conflict.EventKind{conflict.EventAttack}, Place: "homs", Party: "government"},
			[]string{"citadel-taken"}},
		// Ranges: an event dated to a month may fall in the range.
		{[]string{"-from", "2016-03-15", "-to", "2016-04"}, nil,
			conflict.EventQuery{From: on(c, "2016-03-15"), To: on(c, "2016-04")},
			[]string{"strikes-on-palmyra", "citadel-taken", "palmyra-retaken"}},
		{[]string{"-from", "2016-03-27", "-to", "2016-03-28"}, nil,
			conflict.EventQuery{From: on(c, "2016-03-27"), To: on(c, "2016-03-28")},
			[]string{"strikes-on-palmyra", "palmyra-retaken"}},
		{[]string{"-from", "2016-04"}, nil, conflict.EventQuery{From: on(c, "2016-04")},
			[]string{"qaryatayn-retaken", "jfs", "hts-formed"}},
		{[]string{"-to", "2015-08-02"}, nil, conflict.EventQuery{To: on(c, "2015-08-02")},
			[]string{"palmyra-falls", "qaryatayn-falls"}},
		// As known on a day, and with the allegations.
		{[]string{"-as-of", "2016-03-27"}, c.AsOf(on(c, "2016-03-27")), conflict.EventQuery{},
			[]string{"palmyra-falls", "qaryatayn-falls", "citadel-taken", "palmyra-retaken"}},
		{[]string{"-alleged", "-party", "nusra"}, c.WithAlleged(), conflict.EventQuery{Party: "nusra"},
			[]string{"jfs", "strike-on-idlib", "hts-formed"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			args := append([]string{"events", "-json", file}, tt.args...)
			wantKeys := []string{"events", "from", "kinds", "party", "place", "to"}
			if slices.Contains(tt.args, "-as-of") {
				wantKeys = append(wantKeys, "as_of")
				slices.Sort(wantKeys)
			}
			obj, _ := runObject(t, wantKeys, args...)
			var got []eventJSON
			field(t, obj, "events", &got)
			var ids []string
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("events mismatch (-want +got):\n%s", diff)
			}
			var want []eventJSON
			for _, h := range rec.Events(tt.q) {
				want = append(want, eventOf(h))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events differ from the library's (-want +got):\n%s", diff)
			}
			if len(tt.args) > 0 && len(got) == len(all) && tt.rec == nil {
				t.Error("the filter keeps every event: a useless test")
			}
		})
	}
}

// TestEventJSON checks one event's object in full: its parties, its
// figures, the sources of each, and the keys left out when empty.
func TestEventJSON(t *testing.T) {
	obj, _ := runObject(t, []string{"events", "from", "kinds", "party", "place", "to"},
		"events", "-json", "-party", "hezbollah", hillsFile)
	want := `[{
	  "id": "palmyra-retaken", "kind": "capture", "date": "2016-03-27",
	  "date_earliest": "2016-03-27", "date_latest": "2016-03-27", "place": "palmyra",
	  "parties": {
	    "actors": ["government"], "counterparts": ["isis"],
	    "participants": [
	      {"party": "hezbollah", "role": "alongside", "support": [], "sources": ["monitor-2"]},
	      {"party": "russia", "role": "supporter", "support": ["air-power"], "sources": ["agency"]},
	      {"party": "isis", "role": "defender", "support": [], "sources": ["monitor-2"]}
	    ]
	  },
	  "figures": [
	    {"quantity": "fatalities", "party": "isis", "low": 400, "best": null, "high": null, "sources": ["monitor-2"]},
	    {"quantity": "fatalities", "party": "government", "low": null, "best": 188, "high": null, "sources": ["monitor-2"]},
	    {"quantity": "fatalities", "party": "government", "low": 150, "best": null, "high": 250, "sources": ["agency"]}
	  ],
	  "sources": ["monitor-2"], "certainty": "definite", "note": "after three weeks"
	}]`
	if diff := cmp.Diff(jsonValue(t, json.RawMessage(want)), jsonValue(t, obj["events"])); diff != "" {
		t.Errorf("event mismatch (-want +got):\n%s", diff)
	}

	// An event dated to a month, partly in the range: its days, and how
	// sure it is that it falls in the range.
	obj, _ = runObject(t, []string{"events", "from", "kinds", "party", "place", "to"},
		"events", "-json", "-kind", "airstrike", "-from", "2016-03-20", hillsFile)
	var got []eventJSON
	field(t, obj, "events", &got)
	if len(got) != 1 {
		t.Fatalf("events = %+v, want one", got)
	}
	if e := got[0]; e.DateEarliest != "2016-03-01" || e.DateLatest != "2016-03-31" || e.Certainty != "possible" {
		t.Errorf("strikes-on-palmyra: days %s to %s, %s; want 2016-03-01 to 2016-03-31, possible", e.DateEarliest, e.DateLatest, e.Certainty)
	}
}

// TestEventsText checks the text of events: names of the day, roles,
// figures, sources, and the marks of a possible and an alleged event.
func TestEventsText(t *testing.T) {
	file := hillsFile
	tests := []struct {
		args []string
		want []string // lines the output has
	}{
		{[]string{"-place", "Tadmur", "-kind", "capture"}, []string{
			"Events at Palmyra (capture) in the whole record: 2",
			"2015-05-21  capture  palmyra-falls",
			"2016-03-27  capture  palmyra-retaken",
			"    place: Palmyra",
			"    actors: Syrian government",
			"    counterparts: Islamic State",
			"    participants: Hezbollah (alongside); Russia (supporter: air-power) [agency]; Islamic State (defender)",
			"    figures: Islamic State: at least 400 fatalities; Syrian government: 188 fatalities; Syrian government: 150 to 250 fatalities [agency]",
			"    sources: monitor-2",
			"    note: after three weeks",
		}},
		{[]string{"-place", "Tadmur", "-kind", "capture", "-ids"}, []string{
			"Events at palmyra (capture) in the whole record: 2",
			"    participants: hezbollah (alongside); russia (supporter: air-power) [agency]; isis (defender)",
			"    figures: isis: at least 400 fatalities; government: 188 fatalities; government: 150 to 250 fatalities [agency]",
		}},
		{[]string{"-from", "2016-03-20", "-to", "2016-04"}, []string{
			"Events from 2016-03-20 to 2016-04: 3",
			"2016-03  airstrike  strikes-on-palmyra (possibly)",
			"    figures: Russia: at least 500 air-raids",
		}},
		// A party by the name of the day; a rename by the name it had.
		{[]string{"-party", "nusra", "-alleged"}, []string{
			"Events of Jabhat al-Nusra in the whole record: 3",
			"2016-07-28  renamed  jfs",
			"    name: Jabhat Fateh al-Sham",
			"    actors: Jabhat al-Nusra",
			"2016-08-10  airstrike  strike-on-idlib (alleged)",
			"    counterparts: Jabhat Fateh al-Sham",
			"    actors: Jabhat Fateh al-Sham, Nour al-Din al-Zenki",
		}},
		{[]string{"-party", "nusra", "-as-of", "2017"}, []string{"Events of Jabhat al-Nusra in the whole record, as known on 2017-01-01: 0"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"events", file}, tt.args...)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			lines := strings.Split(r.stdout, "\n")
			for _, want := range tt.want {
				if !slices.Contains(lines, want) {
					t.Errorf("output has no line %q:\n%s", want, r.stdout)
				}
			}
		})
	}
}

// TestEventsErrors checks the events command's own usage errors and
// unknown places and parties.
func TestEventsErrors(t *testing.T) {
	file := hillsFile
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-kind", "coup"}, exitUsage, `invalid value "coup" for flag -kind: unknown kind of event "coup"`},
		{[]string{"-kind", "capture,,attack"}, exitUsage, `unknown kind of event ""`},
		{[]string{"-party", "isis", "-party", "russia"}, exitUsage, "events takes one -party, got 2"},
		{[]string{"-party", ""}, exitUsage, `invalid value "" for flag -party`},
		{[]string{"-from", "2017", "-to", "2016"}, exitUsage, "-to 2016 is not after -from 2017"},
		{[]string{"-at", "2016"}, exitUsage, "flag provided but not defined: -at"},
		{[]string{"-place", "Raqqa"}, exitFail, `has no location "Raqqa"`},
		{[]string{"-place", "isis"}, exitFail, `has no location "isis"`},
		{[]string{"-party", "palmyra"}, exitFail, `has no party "palmyra"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := conflictCmd(append([]string{"events", file}, tt.args...)...)
			if r.code != tt.code || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and one line with %q", r.code, r.stdout, r.stderr, tt.code, tt.want)
			}
		})
	}
}

// TestSyriaEvents checks events on the worked example against the
// library's answers, and that Palmyra's captures include the ones that
// changed its holder, as history gives them.
func TestSyriaEvents(t *testing.T) {
	c := testutil.Syria(t)
	zone := c.Zone()
	tests := []struct {
		args []string
		q    conflict.EventQuery
	}{
		{nil, conflict.EventQuery{}},
		{[]string{"-place", "palmyra"}, conflict.EventQuery{Place: "palmyra"}},
		{[]string{"-party", "russia", "-from", "2015-09"}, conflict.EventQuery{Party: "russia", From: startOf(conflict.Month(2015, time.September), zone)}},
		{[]string{"-kind", "capture,siege-broken"}, conflict.EventQuery{Kinds: []conflict.EventKind{conflict.EventCapture, conflict.EventSiegeBroken}}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			obj, _ := runObject(t, []string{"events", "from", "kinds", "party", "place", "to"},
				append([]string{"events", "-json", syriaFile}, tt.args...)...)
			var got []eventJSON
			field(t, obj, "events", &got)
			var want []eventJSON
			for _, h := range c.Events(tt.q) {
				want = append(want, eventOf(h))
			}
			if len(want) == 0 {
				t.Fatal("the library finds no events: a useless test")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events mismatch (-want +got):\n%s", diff)
			}
		})
	}

	// Every holder of Palmyra after the first took it in a capture there
	// on the day its hold began.
	obj, _ := runObject(t, []string{"events", "from", "kinds", "party", "place", "to"},
		"events", "-json", "-place", "Palmyra", "-kind", "capture", syriaFile)
	var captures []eventJSON
	field(t, obj, "events", &captures)
	for _, h := range c.History("palmyra")[1:] {
		if !slices.ContainsFunc(captures, func(e eventJSON) bool {
			return e.Date == h.Start.String() && len(e.Parties.Actors) > 0 && e.Parties.Actors[0] == h.From
		}) {
			t.Errorf("no capture of Palmyra by %s on %s among %+v", h.From, h.Start, captures)
		}
	}
}
