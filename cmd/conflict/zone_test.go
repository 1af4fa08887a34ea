package main

import (
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// palmyraJSON is Palmyra's 2016 as three sources told it, in a dataset
// whose days are those of the time zone zone: the government retook the
// town on 27 March, as a wire report of that day said, and the Daily
// Beast's March piece confirmed (known from 1 April); ISW's report of 13
// December told of its loss between the 8th and the 11th.
func palmyraJSON(zone string) string {
	return `{
  "name": "Palmyra, 2016",
  "timezone": "` + zone + `",
  "sources": [
    {"id": "beast", "outlet": "The Daily Beast", "published": "2016-03"},
    {"id": "wire", "outlet": "A wire service", "published": "2016-03-27"},
    {"id": "isw", "outlet": "Institute for the Study of War", "published": "2016-12-13"}
  ],
  "actors": [
    {"id": "government", "name": "Syrian government"},
    {"id": "isis", "name": "Islamic State"}
  ],
  "locations": [{"id": "palmyra", "name": "Palmyra"}],
  "relations": [
    {"kind": "controls", "from": "government", "to": "palmyra", "start": "2016-03", "end": "2016-12-11",
     "sources": ["beast", "isw"], "start_sources": ["beast"], "end_sources": ["isw"]}
  ],
  "events": [
    {"id": "retaken", "kind": "capture", "date": "2016-03-27", "location": "palmyra",
     "actors": ["government"], "sources": ["wire"]},
    {"id": "isis-offensive", "kind": "capture", "date": "2016-12-08/2016-12-11", "location": "palmyra",
     "actors": ["isis"], "sources": ["isw"]}
  ]
}
`
}

// The zones of the tests: Damascus, three hours ahead of UTC from 25 March
// 2016, so that its 27 March began at 21:00 UTC on the 26th; and Havana,
// four hours behind from 13 March, so that its 27 March began at 04:00 UTC
// on the 27th, and midnight UTC starts the 27th in Damascus but is still
// the 26th in Havana.
const (
	damascus = "Asia/Damascus"
	havana   = "America/Havana"
)

// writePalmyra writes palmyraJSON(zone) to a file and returns its path.
func writePalmyra(t *testing.T, zone string) string {
	t.Helper()
	return writeFile(t, "palmyra.json", palmyraJSON(zone))
}

// TestZonedAt checks that -at takes a DATE as the first day of its window
// in the record's time zone, and a timestamp as the instant itself, and
// says the day in the record's zone.
func TestZonedAt(t *testing.T) {
	tests := []struct {
		zone, at string
		day      string // "at" in the output: the day in the zone
		holder   string // palmyra's holder
	}{
		{damascus, "2016-03-26T20:59:00Z", "2016-03-26", ""},
		{damascus, "2016-03-26T21:00:00Z", "2016-03-27", "government"},
		{damascus, "2016-03-26T23:00:00+02:00", "2016-03-27", "government"},
		{damascus, "2016-03-26T20:59:59.999Z", "2016-03-26", ""},
		{damascus, "2016-03-26", "2016-03-26", ""},
		{damascus, "2016-03-27", "2016-03-27", "government"},
		{havana, "2016-03-27T03:59:00Z", "2016-03-26", ""},
		{havana, "2016-03-27T04:00:00Z", "2016-03-27", "government"},
		{havana, "2016-03-27T00:00:00-04:00", "2016-03-27", "government"},
		{havana, "2016-03-26", "2016-03-26", ""},
		{havana, "2016-03-27", "2016-03-27", "government"},
		{havana, "2016-03", "2016-03-01", ""},
		{havana, "2016-12-07", "2016-12-07", "government"},
		{havana, "2016-12-08/2016-12-11", "2016-12-08", ""}, // possibly either
		{havana, "2016-12-12", "2016-12-12", "isis"},
	}
	files := map[string]string{damascus: writePalmyra(t, damascus), havana: writePalmyra(t, havana)}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.at, func(t *testing.T) {
			args := []string{"control", "-at", tt.at, "-json", files[tt.zone]}
			obj, _ := runObject(t, []string{"at", "control"}, args...)
			var at string
			var control map[string]controlJSON
			field(t, obj, "at", &at)
			field(t, obj, "control", &control)
			holder := ""
			if h := control["palmyra"].Holder; h != nil {
				holder = *h
			}
			if at != tt.day || holder != tt.holder {
				t.Errorf("at %q, palmyra held by %q; want %q and %q", at, holder, tt.day, tt.holder)
			}
		})
	}
}

// TestZonedAtText checks the heading of a text answer to -at with a
// timestamp: the day in the record's zone and the instant.
func TestZonedAtText(t *testing.T) {
	file := writePalmyra(t, damascus)
	tests := []struct {
		args []string
		want string // the first line
	}{
		{[]string{"control", "-at", "2016-03-26T21:00:00Z"}, "Control at 2016-03-27 (2016-03-26T21:00:00Z)"},
		{[]string{"at", "-at", "2016-03-26T21:00:00+00:00"}, "At 2016-03-27 (2016-03-26T21:00:00Z)"},
		{[]string{"alliances", "-at", "2016-03-27"}, "At 2016-03-27"},
		{[]string{"sides", "-at", "2016-03-26T20:00:00Z"}, "Sides at 2016-03-26 (2016-03-26T20:00:00Z) (any number of blocs)"},
	}
	for _, tt := range tests {
		args := append(tt.args, file)
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			if got := lines(r.stdout)[0]; got != tt.want {
				t.Errorf("first line %q, want %q", got, tt.want)
			}
		})
	}
}

// TestZonedDates checks that -from, -to and -as-of stand for the first day
// of their windows in the record's time zone: a change, or a source, of 27
// March is on 27 March whether the record's days are Damascus's or
// Havana's.
func TestZonedDates(t *testing.T) {
	for _, zone := range []string{damascus, havana} {
		file := writePalmyra(t, zone)
		t.Run(zone, func(t *testing.T) {
			var changes []changeJSON
			obj, _ := runObject(t, []string{"changes", "from", "to"}, "changes", "-from", "2016-03-27", "-to", "2016-03-28", "-json", file)
			field(t, obj, "changes", &changes)
			if len(changes) != 1 || changes[0].Date != "2016-03-27" || changes[0].Change != "opened" {
				t.Errorf("changes on 2016-03-27 = %+v, want the government's hold opening", changes)
			}

			for _, tt := range []struct{ asOf, holder string }{{"2016-03-26", ""}, {"2016-03-27", "government"}} {
				obj, _ = runObject(t, []string{"as_of", "at", "control"}, "control", "-at", "2016-04-01", "-as-of", tt.asOf, "-json", file)
				var control map[string]controlJSON
				var asOf string
				field(t, obj, "control", &control)
				field(t, obj, "as_of", &asOf)
				holder := ""
				if h := control["palmyra"].Holder; h != nil {
					holder = *h
				}
				if asOf != tt.asOf || holder != tt.holder {
					t.Errorf("-as-of %s: as_of %q, palmyra held by %q; want %q and %q", tt.asOf, asOf, holder, tt.asOf, tt.holder)
				}
			}

			var learned []learningJSON
			obj, _ = runObject(t, []string{"from", "learned", "to"}, "learned", "-from", "2016-03-26", "-to", "2016-03-27", "-json", file)
			field(t, obj, "learned", &learned)
			if len(learned) != 1 || learned[0].Known != "2016-03-27" || learned[0].Event == nil || *learned[0].Event != "retaken" {
				t.Errorf("learned on 2016-03-27 = %+v, want the wire's report of the recapture", learned)
			}
		})
	}
}

// TestMomentFlag checks the values -at takes, and the instant each stands
// for in a zone.
func TestMomentFlag(t *testing.T) {
	zone, err := time.LoadLocation(havana)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		value   string
		want    time.Time // in zone
		instant bool
		err     string // in the error, if any
	}{
		{"2016", time.Date(2016, 1, 1, 0, 0, 0, 0, zone), false, ""},
		{"2016-03", time.Date(2016, 3, 1, 0, 0, 0, 0, zone), false, ""},
		{"2016-03-27", time.Date(2016, 3, 27, 0, 0, 0, 0, zone), false, ""},
		{"2016-24", time.Date(2016, 12, 1, 0, 0, 0, 0, zone), false, ""},
		{"2016-12-08/2016-12-11", time.Date(2016, 12, 8, 0, 0, 0, 0, zone), false, ""},
		// Havana's clocks went forward at midnight on 13 March 2016: the
		// day began at 01:00.
		{"2016-03-13", time.Date(2016, 3, 13, 1, 0, 0, 0, zone), false, ""},
		{"2016-02-26T22:30:00Z", time.Date(2016, 2, 26, 22, 30, 0, 0, time.UTC), true, ""},
		{"2016-02-26T22:30:00.25+03:00", time.Date(2016, 2, 26, 19, 30, 0, 250e6, time.UTC), true, ""},
		{"2016-02-30T22:30:00Z", time.Time{}, false, "want a DATE or an RFC 3339 timestamp such as 2016-02-26T22:30:00Z (day out of range)"},
		{"2016-02-26T22:30", time.Time{}, false, "want a DATE or an RFC 3339 timestamp"},
		{"2016-02-26 22:30:00Z", time.Time{}, false, "invalid date"},
		{"today", time.Time{}, false, "want a DATE or an RFC 3339 timestamp"},
		{"2016-13", time.Time{}, false, "invalid date: month out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			var f momentFlag
			err := f.Set(tt.value)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Set(%q) = %v, want an error with %q", tt.value, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Set(%q): %v", tt.value, err)
			}
			if got := f.in(zone); !got.Equal(tt.want) || f.isInstant != tt.instant {
				t.Errorf("Set(%q): in %s = %v (instant %v), want %v (instant %v)", tt.value, zone, got, f.isInstant, tt.want, tt.instant)
			}
			// A DATE's instant begins its first day in the zone.
			if !tt.instant {
				d, _ := conflict.ParseDate(tt.value)
				if diff := cmp.Diff(conflict.Day(d.Year(), d.Month(), d.Day()), conflict.DateOf(f.in(zone).In(zone))); diff != "" {
					t.Errorf("day mismatch (-want +got):\n%s", diff)
				}
				if before := f.in(zone).Add(-time.Nanosecond).In(zone); conflict.DateOf(before) == conflict.DateOf(f.in(zone).In(zone)) {
					t.Errorf("%v is not the first instant of its day in %s", f.in(zone), zone)
				}
			}
		})
	}
}
