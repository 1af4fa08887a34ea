package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// lineageFrom converts the library's lineage events for -json, as known
// to rec: with the sources rec knows, and only those it knows.
func lineageFrom(t *testing.T, c *conflict.Conflict, rec conflict.Record, id string) []lineageJSON {
	t.Helper()
	out := []lineageJSON{}
	for _, l := range c.Lineage(id) {
		h := rec.Events(conflict.EventQuery{Party: id, Kinds: []conflict.EventKind{l.Kind}})
		i := slices.IndexFunc(h, func(h conflict.Happening) bool { return h.Event.ID == l.Event })
		if i < 0 {
			continue
		}
		out = append(out, lineageJSON{
			Event: l.Event, Kind: l.Kind.String(), Date: l.Date.String(), Before: l.Before, After: l.After,
			Name: l.Name, Sources: h[i].Event.Sources, Alleged: h[i].Event.Alleged,
		})
	}
	return out
}

// TestTimeline checks timeline: the node's changes as the library gives
// them, and the party's lineage among them, by the names of the day.
func TestTimeline(t *testing.T) {
	c := hills(t)
	file := hillsFile
	tests := []struct {
		args []string
		rec  conflict.Record // the record asked; c if nil
		id   string
		text []string // the text's lines, in order
	}{
		{[]string{"nusra"}, nil, "nusra", []string{
			"Jabhat al-Nusra (nusra): 4 changes, 2 lineage events",
			"",
			"2012 opened Syrian government fights Jabhat al-Nusra  [monitor-1, wire-3]",
			"2015-03-28 opened Jabhat al-Nusra controls Idlib  [monitor-1, wire-3]",
			"2016-07-28 Jabhat al-Nusra renamed Jabhat Fateh al-Sham  [wire-3]",
			"2017-01-28 Jabhat Fateh al-Sham and Nour al-Din al-Zenki merged into Hay'at Tahrir al-Sham  [wire-3]",
			"2017-01-28 closed Syrian government fights Jabhat Fateh al-Sham  [monitor-1, wire-3]",
			"2017-01-28 closed Jabhat Fateh al-Sham controls Idlib  [monitor-1, wire-3]",
		}},
		// By a name it went by; the lineage unknown before its source.
		{[]string{"Jabhat Fateh al-Sham", "-as-of", "2016-12", "-ids"}, c.AsOf(on(c, "2016-12")), "nusra", []string{
			"nusra (Jabhat al-Nusra): 2 changes, as known on 2016-12-01",
			"",
			"2012 opened government fights nusra  [monitor-1]",
			"2015-03-28 opened nusra controls idlib  [monitor-1]",
		}},
		{[]string{"Idlib"}, nil, "idlib", []string{
			"Idlib (idlib): 3 changes",
			"",
			"2015-03-28 opened Jabhat al-Nusra controls Idlib  [monitor-1, wire-3]",
			"2017-01-28 closed Jabhat Fateh al-Sham controls Idlib  [monitor-1, wire-3]",
			"2017-01-28 opened Hay'at Tahrir al-Sham controls Idlib  [wire-3]",
		}},
		{[]string{"turkey", "-alleged"}, c.WithAlleged(), "turkey", []string{
			"Turkey (turkey): 1 change",
			"",
			"2015 opened Turkey supports Islamic State (alleged)  [op-ed]",
		}},
		{[]string{"turkey"}, nil, "turkey", []string{"Turkey (turkey): 0 changes", ""}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			args := append(append([]string{"timeline"}, tt.args...), file)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			if diff := cmp.Diff(tt.text, lines(r.stdout)); diff != "" {
				t.Errorf("text mismatch (-want +got):\n%s", diff)
			}

			wantKeys := []string{"changes", "lineage", "name", "node"}
			if slices.Contains(tt.args, "-as-of") {
				wantKeys = []string{"as_of", "changes", "lineage", "name", "node"}
			}
			obj, _ := runObject(t, wantKeys, append(args, "-json")...)
			var changes []changeJSON
			var lineage []lineageJSON
			field(t, obj, "changes", &changes)
			field(t, obj, "lineage", &lineage)
			want := []changeJSON{}
			for _, ch := range rec.Timeline(tt.id) {
				want = append(want, changeOf(ch))
			}
			if diff := cmp.Diff(want, changes); diff != "" {
				t.Errorf("changes mismatch (-want +got):\n%s", diff)
			}
			wantLineage := []lineageJSON{}
			if n, _ := c.Node(tt.id); n.Type.IsParty() {
				wantLineage = lineageFrom(t, c, rec, tt.id)
			}
			if diff := cmp.Diff(wantLineage, lineage); diff != "" {
				t.Errorf("lineage mismatch (-want +got):\n%s", diff)
			}
		})
	}
	r := conflictCmd("timeline", "Raqqa", file)
	if r.code != exitFail || !strings.Contains(r.stderr, `has no party or place "Raqqa"`) {
		t.Errorf("timeline Raqqa: exit %d, stderr %q; want an error", r.code, r.stderr)
	}
}

// TestLineage checks lineage: the events, and the predecessors and
// successors they make.
func TestLineage(t *testing.T) {
	c := hills(t)
	file := hillsFile
	tests := []struct {
		args         []string
		rec          conflict.Record // the record asked; c if nil
		id           string
		text         []string // lines, spaces squeezed
		preds, succs []kinshipJSON
	}{
		{[]string{"nusra"}, nil, "nusra", []string{
			"Jabhat al-Nusra (nusra): 2 lineage events",
			"2016-07-28 Jabhat al-Nusra renamed Jabhat Fateh al-Sham [wire-3]",
			"2017-01-28 Jabhat Fateh al-Sham and Nour al-Din al-Zenki merged into Hay'at Tahrir al-Sham [wire-3]",
			"Predecessors: none",
			"Successors: 1",
			"2017-01-28 merged Hay'at Tahrir al-Sham [wire-3]",
		}, []kinshipJSON{}, []kinshipJSON{{"hts", "merged", "2017-01-28", "hts-formed", []string{"wire-3"}, false}}},
		{[]string{"Hay'at Tahrir al-Sham", "-ids"}, nil, "hts", []string{
			"hts (Hay'at Tahrir al-Sham): 1 lineage event",
			"2017-01-28 nusra and zenki merged into hts [wire-3]",
			"Predecessors: 2",
			"2017-01-28 merged nusra [wire-3]",
			"2017-01-28 merged zenki [wire-3]",
			"Successors: none",
		}, []kinshipJSON{
			{"nusra", "merged", "2017-01-28", "hts-formed", []string{"wire-3"}, false},
			{"zenki", "merged", "2017-01-28", "hts-formed", []string{"wire-3"}, false},
		}, []kinshipJSON{}},
		// Before its source was published, the record knew none of it.
		{[]string{"hts", "-as-of", "2017-01-31"}, c.AsOf(on(c, "2017-01-31")), "hts", []string{
			"Hay'at Tahrir al-Sham (hts): 0 lineage events, as known on 2017-01-31",
			"Predecessors: none",
		}, []kinshipJSON{}, []kinshipJSON{}},
		{[]string{"government"}, nil, "government", []string{"Syrian government (government): 0 lineage events"}, []kinshipJSON{}, []kinshipJSON{}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			args := append(append([]string{"lineage"}, tt.args...), file)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			got := strings.Split(squeeze(r.stdout), "\n")
			for _, want := range tt.text {
				if !slices.Contains(got, want) {
					t.Errorf("output has no line %q:\n%s", want, r.stdout)
				}
			}

			wantKeys := []string{"lineage", "name", "party", "predecessors", "successors"}
			if slices.Contains(tt.args, "-as-of") {
				wantKeys = []string{"as_of", "lineage", "name", "party", "predecessors", "successors"}
			}
			obj, _ := runObject(t, wantKeys, append(args, "-json")...)
			var lineage []lineageJSON
			var preds, succs []kinshipJSON
			field(t, obj, "lineage", &lineage)
			field(t, obj, "predecessors", &preds)
			field(t, obj, "successors", &succs)
			if diff := cmp.Diff(lineageFrom(t, c, rec, tt.id), lineage); diff != "" {
				t.Errorf("lineage mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.preds, preds); diff != "" {
				t.Errorf("predecessors mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.succs, succs); diff != "" {
				t.Errorf("successors mismatch (-want +got):\n%s", diff)
			}
		})
	}
	for _, name := range []string{"Idlib", "Raqqa"} {
		r := conflictCmd("lineage", name, file)
		if r.code != exitFail || !strings.Contains(r.stderr, `has no party "`+name+`"`) {
			t.Errorf("lineage %s: exit %d, stderr %q; want an error", name, r.code, r.stderr)
		}
	}
}

// TestHistoryLineage checks that history shows, among the holds, the
// lineage events of the holders while they held the place, their ends
// included, with the columns of the holds aligned around them.
func TestHistoryLineage(t *testing.T) {
	file := hillsFile
	r := conflictCmd("history", "idlib", file)
	mustSucceed(t, r)
	want := []string{
		"Idlib (idlib): 2 holds, 2 lineage events of the holders",
		"",
		"FROM        UNTIL       HOLDER                 SOURCES",
		"2015-03-28  2017-01-28  Jabhat al-Nusra        monitor-1, wire-3",
		"2016-07-28              Jabhat al-Nusra renamed Jabhat Fateh al-Sham  [wire-3]",
		"2017-01-28              Jabhat Fateh al-Sham and Nour al-Din al-Zenki merged into Hay'at Tahrir al-Sham  [wire-3]",
		"2017-01-28  -           Hay'at Tahrir al-Sham  wire-3",
	}
	if diff := cmp.Diff(want, lines(r.stdout)); diff != "" {
		t.Errorf("history idlib mismatch (-want +got):\n%s", diff)
	}

	c := hills(t)
	obj, _ := runObject(t, []string{"history", "lineage", "location", "name"}, "history", "-json", "idlib", file)
	var lineage []lineageJSON
	field(t, obj, "lineage", &lineage)
	if diff := cmp.Diff(lineageFrom(t, c, c, "nusra"), lineage); diff != "" {
		t.Errorf("lineage mismatch (-want +got):\n%s", diff)
	}
	// Palmyra's holders have no lineage.
	obj, _ = runObject(t, []string{"history", "lineage", "location", "name"}, "history", "-json", "palmyra", file)
	if got := string(obj["lineage"]); got != "[]" {
		t.Errorf(`palmyra: "lineage" = %s, want []`, got)
	}
}

// TestSyriaLineage checks timeline and lineage on the worked example
// against the library: Palmyra's changes, and each party's lineage.
func TestSyriaLineage(t *testing.T) {
	c := testutil.Syria(t)
	obj, _ := runObject(t, []string{"changes", "lineage", "name", "node"}, "timeline", "-json", "Palmyra", syriaFile)
	var changes []changeJSON
	field(t, obj, "changes", &changes)
	var want []changeJSON
	for _, ch := range c.Timeline("palmyra") {
		want = append(want, changeOf(ch))
	}
	if len(want) == 0 {
		t.Fatal("Palmyra has no changes: a useless test")
	}
	if diff := cmp.Diff(want, changes); diff != "" {
		t.Errorf("timeline mismatch (-want +got):\n%s", diff)
	}
	for a := range c.Actors() {
		obj, _ := runObject(t, []string{"lineage", "name", "party", "predecessors", "successors"}, "lineage", "-json", a.ID, syriaFile)
		var got []lineageJSON
		field(t, obj, "lineage", &got)
		if diff := cmp.Diff(lineageFrom(t, c, c, a.ID), got); diff != "" {
			t.Errorf("%s: lineage mismatch (-want +got):\n%s", a.ID, diff)
		}
	}
}
