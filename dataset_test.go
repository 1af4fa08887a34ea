package conflict_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

func save(t testing.TB, c *conflict.Conflict) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := c.Save(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	c1 := testutil.Load(t, "testdata/full.json")
	out := save(t, c1)
	c2, err := conflict.Load(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("loading what Save wrote: %v\n%s", err, out)
	}
	if diff := cmp.Diff(c1.Dataset(), c2.Dataset()); diff != "" {
		t.Errorf("Load(Save(c)) differs (-first +second)\n%s", diff)
	}
	if out2 := save(t, c2); !bytes.Equal(out, out2) {
		t.Errorf("Save is not stable:\n%s\n---\n%s", out, out2)
	}
	var ties1, ties2 []conflict.Tie
	for tie := range c1.Ties() {
		ties1 = append(ties1, tie)
	}
	for tie := range c2.Ties() {
		ties2 = append(ties2, tie)
	}
	if diff := cmp.Diff(ties1, ties2); diff != "" {
		t.Errorf("ties differ after a round trip (-first +second)\n%s", diff)
	}
	if !json.Valid(out) {
		t.Error("Save wrote invalid JSON")
	}
}

// TestFixtureCoversEverything makes sure the round trip above covers every
// kind and every field, so a new field cannot go untested.
func TestFixtureCoversEverything(t *testing.T) {
	ds := testutil.Load(t, "testdata/full.json").Dataset()
	seen := map[string]bool{}
	mark := func(s string) { seen[s] = true }
	for _, s := range ds.Sources {
		if s.Outlet != "" && s.Author != "" && s.Title != "" && s.URL != "" && s.Note != "" {
			mark("source fields")
		}
		mark("published " + s.Published.Precision().String())
	}
	for _, a := range ds.Actors {
		mark("actor " + a.Kind.String())
		if len(a.Aliases) > 0 && a.Note != "" {
			mark("actor fields")
		}
	}
	for _, b := range ds.Backers {
		mark("backer " + b.Kind.String())
		if len(b.Aliases) > 0 {
			mark("backer aliases")
		}
		if b.Note != "" {
			mark("backer note")
		}
	}
	for _, l := range ds.Locations {
		mark("location " + l.Kind.String())
		if l.Within != "" && l.Point != nil {
			mark("location fields")
		}
		if len(l.Aliases) > 0 {
			mark("location aliases")
		}
		if l.Note != "" {
			mark("location note")
		}
	}
	for _, r := range ds.Relations {
		mark("relation " + r.Kind.String())
		for k := range r.Support.All() {
			mark("support " + k.String())
		}
		if r.Event != "" {
			mark("relation event")
		}
		if r.Note != "" {
			mark("relation note")
		}
		mark("start " + r.Start.Precision().String())
		mark("end " + r.End.Precision().String())
	}
	for _, e := range ds.Events {
		mark("event " + e.Kind.String())
		if e.Location != "" && len(e.Actors) > 0 && len(e.Counterparts) > 0 && e.Note != "" {
			mark("event fields")
		}
		if e.Support != 0 {
			mark("event support")
		}
		mark("date " + e.Date.Precision().String())
	}
	want := []string{"source fields", "actor fields", "backer aliases", "backer note", "location fields", "location aliases",
		"location note", "relation event", "relation note", "event fields", "event support"}
	for _, p := range []string{"year", "month", "day"} {
		want = append(want, "published "+p, "start "+p, "end "+p, "date "+p)
	}
	want = append(want, "start ", "end ", "published ")
	for _, k := range []string{"", "government", "armed-forces", "militia", "rebel-group", "jihadist-group", "coalition", "other"} {
		want = append(want, "actor "+k)
	}
	for _, k := range []string{"", "state", "coalition", "organization", "other"} {
		want = append(want, "backer "+k)
	}
	for _, k := range []string{"", "country", "region", "city", "town", "village", "district", "airbase", "base", "oil-field", "gas-field", "crossing", "other"} {
		want = append(want, "location "+k)
	}
	for k := conflict.RelationSupports; k <= conflict.RelationContests; k++ {
		want = append(want, "relation "+k.String())
	}
	for k := range (conflict.Support(1)<<8 - 1).All() {
		want = append(want, "support "+k.String())
	}
	for k := conflict.EventCapture; k <= conflict.EventOther; k++ {
		want = append(want, "event "+k.String())
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("testdata/full.json has no %s", w)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	full, err := os.ReadFile("testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		input string
		err   error
		text  string // the message contains this
	}{
		{"empty", "", conflict.ErrFormat, "unexpected end"},
		{"not JSON", "name: war", conflict.ErrFormat, "line 1"},
		{"a syntax error, with its line", "{\"actors\": [\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"b\" \"name\": \"B\"}]}", conflict.ErrFormat, "line 3"},
		{"an array", "[]", conflict.ErrFormat, "want object, got JSON array"},
		{"truncated", string(full[:len(full)/2]), conflict.ErrFormat, "truncated"},
		{"trailing data", `{"name": "x"} {}`, conflict.ErrFormat, "after the dataset"},
		{"unknown top-level field", "{\n\"name\": \"x\",\n\"places\": []}", conflict.ErrFormat, `line 3: dataset: malformed dataset (unknown field "places")`},
		{"unknown record field", "{\"actors\": [\n{\"id\": \"a\", \"name\": \"A\", \"colour\": \"red\"}]}", conflict.ErrFormat, `line 2: actors[0]: malformed dataset (unknown field "colour")`},
		{"wrong type", "{\"actors\": [\n{\"id\": 7, \"name\": \"A\"}]}", conflict.ErrFormat, `line 2: actors[0]: id "7": malformed dataset (want string, got JSON number)`},
		{"wrong type of name", "{\"name\": 3}", conflict.ErrFormat, `line 1: dataset: name "3": malformed dataset (want string, got JSON number)`},
		{"section twice", `{"actors": [], "actors": []}`, conflict.ErrFormat, "twice"},
		{"bad month", "{\"sources\": [\n{\"id\": \"s\", \"published\": \"2015-13\"}]}", conflict.ErrDate, `line 2: sources[0] "s": published "2015-13": invalid date (month out of range)`},
		{"impossible day", "{\"sources\": [{\"id\": \"s9\"}],\n\"actors\": [{\"id\": \"m\", \"name\": \"Mike\"}, {\"id\": \"n\", \"name\": \"November\"}],\n\"relations\": [\n{\"kind\": \"fights\", \"from\": \"m\", \"to\": \"n\", \"start\": \"2015-02-30\", \"sources\": [\"s9\"]}]}",
			conflict.ErrDate, `line 4: relations[0] (m fights n): start "2015-02-30": invalid date (day out of range)`},
		{"unknown kind", "{\"sources\": [{\"id\": \"s9\"}],\n\"actors\": [{\"id\": \"m\", \"name\": \"Mike\"}, {\"id\": \"n\", \"name\": \"November\"}],\n\"relations\": [\n{\"kind\": \"hates\", \"from\": \"m\", \"to\": \"n\", \"sources\": [\"s9\"]}]}",
			conflict.ErrKind, `line 4: relations[0] (m hates n): kind "hates"`},
		{"unknown support", "{\"sources\": [{\"id\": \"s9\"}],\n\"actors\": [{\"id\": \"m\", \"name\": \"Mike\"}, {\"id\": \"n\", \"name\": \"November\"}],\n\"relations\": [\n{\"kind\": \"supports\", \"from\": \"m\", \"to\": \"n\", \"support\": [\"money\"], \"sources\": [\"s9\"]}]}",
			conflict.ErrKind, `support "money"`},
		{"half a point", "{\"locations\": [{\"id\": \"l\", \"name\": \"L\", \"point\": {\"lat\": 1}}]}", conflict.ErrMissing, "point"},
		{"an unknown ID, with its line", "{\"sources\": [{\"id\": \"s9\"}],\n\"actors\": [{\"id\": \"m\", \"name\": \"Mike\"}],\n\"relations\": [\n{\"kind\": \"fights\", \"from\": \"m\", \"to\": \"n\", \"sources\": [\"s9\"]}]}",
			conflict.ErrUnknownID, `line 4: relations[0] (m fights n): to "n": unknown ID`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := edges(t)
			ds, ties := snapshot(c)
			err := c.Load(strings.NewReader(tt.input))
			if !errors.Is(err, tt.err) {
				t.Fatalf("Load: %v, want an error wrapping %v", err, tt.err)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Load: %q does not contain %q", err, tt.text)
			}
			var e *conflict.Error
			if !errors.As(err, &e) || e.Line == 0 && !strings.Contains(err.Error(), "end of input") {
				t.Errorf("Load: %q is not a *conflict.Error with a line", err)
			}
			ds2, ties2 := snapshot(c)
			if diff := cmp.Diff(ds, ds2); diff != "" {
				t.Errorf("a failed Load changed the record (-before +after)\n%s", diff)
			}
			if diff := cmp.Diff(ties, ties2); diff != "" {
				t.Errorf("a failed Load changed the ties (-before +after)\n%s", diff)
			}
			if c2, err := conflict.Load(strings.NewReader(tt.input)); c2 != nil || err == nil {
				t.Errorf("conflict.Load returned %v, %v", c2, err)
			}
		})
	}
}

// TestLoadReportsEveryProblem checks that conversion errors and record
// errors are reported together, once each.
func TestLoadReportsEveryProblem(t *testing.T) {
	in := `{"sources": [{"id": "s"}],
"actors": [{"id": "a", "name": "A", "kind": "warlord"}],
"relations": [
{"kind": "fights", "from": "a", "to": "nobody", "start": "2015-13", "sources": ["s"]},
{"kind": "fights", "from": "a", "to": "a", "sources": []}]}`
	err := new(conflict.Conflict).Load(strings.NewReader(in))
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		`conflict: line 2: actors[0] "a": kind "warlord": unknown kind`,
		`conflict: line 4: relations[0] (a fights nobody): start "2015-13": invalid date (month out of range)`,
		`conflict: line 4: relations[0] (a fights nobody): to "nobody": unknown ID`,
		`conflict: line 5: relations[1] (a fights a): to "a": wrong kind of node at an end of a relation (a relation joins two different nodes)`,
		`conflict: line 5: relations[1] (a fights a): sources "": required field is empty (every claim cites at least one source)`,
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("errors (-want +got)\n%s", diff)
	}
}

func TestLoadAddsToRecord(t *testing.T) {
	c := edges(t)
	in := `{"name": "more", "sources": [{"id": "s3"}], "relations": [{"kind": "fights", "from": "c", "to": "d", "start": "2017", "sources": ["s3"]}]}`
	must(t, c.Load(strings.NewReader(in)))
	if c.Name() != "more" {
		t.Errorf("Name = %q, want the loaded name", c.Name())
	}
	if got := c.At(on("2018-01-01")).Enemies("c"); len(got) != 1 || got[0].ID != "d" {
		t.Errorf("Enemies(c) = %v after loading more", got)
	}
}

func FuzzLoad(f *testing.F) {
	for _, name := range []string{"testdata/full.json", "examples/syria/syria.json"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"name": 1}`, `{"actors": [{}]}`, `{"actors": [{"id": "a", "name": "A"}, {"id": "a", "name": "A"}]}`,
		`{"sources": [{"id": "s"}], "actors": [{"id": "a", "name": "A"}], "locations": [{"id": "l", "name": "L", "within": "l"}]}`,
		`{"sources": [{"id": "s"}], "actors": [{"id": "a", "name": "A"}], "locations": [{"id": "l", "name": "L"}], "relations": [{"kind": "controls", "from": "a", "to": "l", "start": "2015-02", "end": "2015-01", "sources": ["s"]}]}`,
		`{"sources": [{"id": "s"}], "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "locations": [{"id": "l", "name": "L"}], "events": [{"id": "e", "kind": "capture", "date": "2015", "location": "l", "actors": ["a"], "sources": ["s"]}, {"id": "f", "kind": "capture", "date": "2015-06", "location": "l", "actors": ["b"], "sources": ["s"]}]}`,
		`{"timezone": "Asia/Damascus", "sources": [{"id": "s", "published": "2016-24"}, {"id": "t", "published": "2016-12-08/2016-12-11"}], "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "relations": [{"kind": "fights", "from": "a", "to": "b", "start": "2015-23", "end": "2016-12-01/2016-12-03", "sources": ["s", "t"], "start_sources": ["s"], "end_sources": ["t"]}]}`,
		`{"timezone": "Mars/Base", "sources": [{"id": "s", "published": "2016-25"}], "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "relations": [{"kind": "fights", "from": "a", "to": "b", "start": "2016-12-03/2016-12-01", "sources": ["s"], "end_sources": ["x"]}]}`,
		`{"sources": [{"id": "s", "published": "2016-04"}, {"id": "t"}], "actors": [{"id": "a", "name": "A"}], "backers": [{"id": "k", "name": "K"}], "locations": [{"id": "r", "name": "R", "point": {"lat": 1, "lon": 2}, "area_km2": 900}, {"id": "l", "name": "L", "within": "r", "point": {"lat": 1, "lon": 2}, "area_km2": 12.5, "population": {"count": 4000, "date": "2004", "sources": ["s"]}}], "relations": [{"kind": "controls", "from": "a", "to": "l", "start": "2016-03", "sources": ["s"]}], "events": [{"id": "e", "kind": "attack", "date": "2016-03-27", "location": "l", "actors": ["a"], "sources": ["s"], "participants": [{"party": "k", "role": "supporter", "support": ["air-power"], "sources": ["t"]}, {"party": "a", "role": "actor"}], "figures": [{"quantity": "fatalities", "party": "a", "low": 400, "best": 450, "high": 500}, {"quantity": "air-raids", "low": 0, "sources": ["t"]}]}], "measures": [{"party": "a", "quantity": "area-km2", "value": 78000, "date": "2015-12-14", "sources": ["s"]}, {"party": "a", "quantity": "area-km2", "value": 80000, "date": "2015-12-14", "sources": ["t"]}]}`,
		`{"sources": [{"id": "s", "published": "2016-01"}], "actors": [{"id": "a", "name": "A"}], "locations": [{"id": "l", "name": "L", "area_km2": -1, "population": {"count": -3, "date": "2017", "sources": ["s", "s"]}}], "events": [{"id": "e", "kind": "other", "date": "2016", "sources": ["s"], "participants": [{"party": "l", "role": "defender", "support": ["troops"]}, {"party": "a"}], "figures": [{"quantity": "wounded", "low": 9, "high": 3}, {"quantity": "fighters"}]}], "measures": [{"party": "l", "quantity": "population", "value": -2, "date": "2017", "sources": ["s"]}, {"party": "a", "quantity": "fighters"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := conflict.Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever loads is queryable and survives a round trip.
		for tie := range c.Ties() {
			c.At(tie.Start.Date.Time()).Controller(tie.To)
			_ = tie.Claims()
		}
		c.At(on("2016-01-01")).Summary()
		c.Happened(time.Time{}, time.Time{})
		for _, l := range c.Dataset().Locations {
			c.Events(conflict.EventQuery{Place: l.ID, To: on("2016-06-01")})
		}
		for _, a := range c.Dataset().Actors {
			c.At(on("2016-01-01")).Territory(a.ID, conflict.WeightArea)
			c.Events(conflict.EventQuery{Party: a.ID})
			c.Series(a.ID, conflict.QuantityAreaKm2)
		}
		c.Gains(on("2015-01-01"), on("2016-06-01"), conflict.WeightPopulation)
		var b bytes.Buffer
		if err := c.Save(&b); err != nil {
			t.Fatal(err)
		}
		c2, err := conflict.Load(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatalf("loading what Save wrote: %v\n%s", err, b.Bytes())
		}
		if diff := cmp.Diff(c.Dataset(), c2.Dataset()); diff != "" {
			t.Fatalf("round trip differs (-first +second)\n%s", diff)
		}
	})
}
