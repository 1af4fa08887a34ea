package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// TestLearnedJSON checks learned -json on Palmyra's 2016: from April to
// the end of the year the record learned, from ISW's report of 13 December,
// the end of the government's hold, as the relation dates it and as the
// event does, and the Islamic State's new hold.
func TestLearnedJSON(t *testing.T) {
	file := writePalmyra(t, damascus)
	obj, _ := runObject(t, []string{"from", "learned", "to"}, "learned", "-from", "2016-04", "-to", "2016-12-31", "-json", file)
	before := `{"start": "2016-03-27", "end": null, "sources": ["beast", "wire"]}`
	after := `{"start": "2016-03-27", "end": "2016-12-11", "sources": ["beast", "isw", "wire"]}`
	want := `{"from": "2016-04", "to": "2016-12-31", "learned": [
	  {"known": "2016-12-13", "kind": "controls", "from": "government", "to": "palmyra",
	   "start": null, "end": "2016-12-11", "sources": ["beast", "isw"], "event": null,
	   "before": ` + before + `, "after": ` + after + `},
	  {"known": "2016-12-13", "kind": "controls", "from": "government", "to": "palmyra",
	   "start": null, "end": "2016-12-08/2016-12-11", "sources": ["isw"], "event": "isis-offensive",
	   "before": ` + before + `, "after": ` + after + `},
	  {"known": "2016-12-13", "kind": "controls", "from": "isis", "to": "palmyra",
	   "start": "2016-12-08/2016-12-11", "end": null, "sources": ["isw"], "event": "isis-offensive",
	   "before": null, "after": {"start": "2016-12-08/2016-12-11", "end": null, "sources": ["isw"]}}
	]}`
	got, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(jsonValue(t, json.RawMessage(want)), jsonValue(t, json.RawMessage(got))); diff != "" {
		t.Errorf("learned -json mismatch (-want +got):\n%s", diff)
	}
}

// TestLearnedRange checks that learned lists the claims known after the
// first day of -from and by the first day of -to, as the library does,
// at each edge of the range.
func TestLearnedRange(t *testing.T) {
	c := testutil.Syria(t)
	tests := []struct {
		from, to string
		known    []string // the days the claims listed became known
	}{
		// The Soufan Group's brief of 6 April 2016.
		{"2016-04-05", "2016-04-06", []string{"2016-04-06"}},
		{"2016-04-06", "2016-04-07", nil},
		{"2016-04-04", "2016-04-05/2016-04-08", nil}, // its first day
		// A source dated to March 2016 is known from 1 April.
		{"2016-03-31", "2016-04-01", []string{"2016-04-01"}},
		{"2016-03", "2016-03-31", []string{"2016-03-28"}},
		{"2016-04", "2016-05", []string{"2016-04-06", "2016-04-19", "2016-05-01"}},
		{"2016-12", "", []string{"2016-12-08", "2016-12-11", "2016-12-12", "2016-12-13", "2016-12-22", "2017-01-28"}},
		{"", "2014-01-05", []string{"2014-01-04"}},
		{"", "", nil}, // every claim: not pinned here
	}
	for _, tt := range tests {
		args := []string{"learned", "-json"}
		lo, hi := time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC), conflict.Year(9999).Time()
		if tt.from != "" {
			args = append(args, "-from", tt.from)
			lo = conflict.MustParseDate(tt.from).Time()
		}
		if tt.to != "" {
			args = append(args, "-to", tt.to)
			hi = conflict.MustParseDate(tt.to).Time()
		}
		t.Run(strings.Join(args[2:], " "), func(t *testing.T) {
			obj, _ := runObject(t, []string{"from", "learned", "to"}, append(args, syriaFile)...)
			var got []learningJSON
			field(t, obj, "learned", &got)
			want := []learningJSON{}
			for _, l := range c.Learned(lo, hi) {
				want = append(want, learningOf(l))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("learned mismatch (-want +got):\n%s", diff)
			}
			var days []string
			for _, l := range got {
				if len(days) == 0 || days[len(days)-1] != l.Known {
					days = append(days, l.Known)
				}
			}
			if tt.from == "" && tt.to == "" {
				return
			}
			if diff := cmp.Diff(tt.known, days); diff != "" {
				t.Errorf("days known mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLearnedText checks the text of learned, with names and with IDs.
func TestLearnedText(t *testing.T) {
	file := writePalmyra(t, damascus)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"learned", "-from", "2016-04", "-to", "2016-12-31"}, []string{
			"Learned after 2016-04-01 and by 2016-12-31: 3",
			"",
			"2016-12-13  Syrian government controls Palmyra until 2016-12-11  [beast, isw]",
			"    before: Syrian government controls Palmyra [2016-03-27, …)",
			"    after:  Syrian government controls Palmyra [2016-03-27, 2016-12-11)",
			"",
			"2016-12-13  Syrian government controls Palmyra until 2016-12-08/2016-12-11 (event isis-offensive)  [isw]",
			"    before: Syrian government controls Palmyra [2016-03-27, …)",
			"    after:  Syrian government controls Palmyra [2016-03-27, 2016-12-11)",
			"",
			"2016-12-13  Islamic State controls Palmyra from 2016-12-08/2016-12-11 (event isis-offensive)  [isw]",
			"    before: nothing",
			"    after:  Islamic State controls Palmyra [2016-12-08/2016-12-11, …)",
		}},
		{[]string{"learned", "-ids", "-to", "2016-03-27"}, []string{
			"Learned by 2016-03-27: 1",
			"",
			"2016-03-27  government controls palmyra from 2016-03-27 (event retaken)  [wire]",
			"    before: nothing",
			"    after:  government controls palmyra [2016-03-27, …)",
		}},
		{[]string{"learned", "-from", "2016-12-13"}, []string{"Learned after 2016-12-13: 0"}},
		{[]string{"learned", "-from", "2016-12-12", "-to", "2016-12-13", "-ids"}, []string{
			"Learned after 2016-12-12 and by 2016-12-13: 3",
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := conflictCmd(append(tt.args, file)...)
			mustSucceed(t, r, tt.args...)
			got := lines(r.stdout)
			if len(got) > len(tt.want) && len(tt.want) == 1 {
				got = got[:1] // the heading
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
		})
	}
	r := conflictCmd("learned", file)
	mustSucceed(t, r)
	if want := len(palmyra(t).Learned(time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC), conflict.Year(9999).Time())); want == 0 || !strings.HasPrefix(r.stdout, fmt.Sprintf("Learned in the whole record: %d\n", want)) {
		t.Errorf("learned without -from and -to:\n%s\nwant the %d claims of the whole record", r.stdout, want)
	}
}

// palmyra returns Palmyra's 2016 in Damascus, loaded by the library.
func palmyra(t *testing.T) *conflict.Conflict {
	t.Helper()
	c, err := conflict.Load(strings.NewReader(palmyraJSON(damascus)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}
