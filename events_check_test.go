package conflict_test

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// checkBase is a valid record with an event, a weighed place and a
// measure, for the tests of bad participants, figures, weights and
// measures.
func checkBase() conflict.Dataset {
	return conflict.Dataset{
		Sources: []conflict.Source{{ID: "s", Published: date("2016-04-01")}, {ID: "t"}, {ID: "early", Published: date("2016-03-20")}},
		Actors:  []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Backers: []conflict.Backer{{ID: "k", Name: "K"}},
		Locations: []conflict.Location{
			{ID: "l", Name: "L", Point: &conflict.Point{Lat: 34, Lon: 38}, Area: 12,
				Population: &conflict.Population{Count: 100, Date: date("2004"), Sources: []string{"s"}}},
			{ID: "m", Name: "M"},
		},
		Events: []conflict.Event{{
			ID: "e", Kind: conflict.EventAttack, Date: date("2016-03-27"), Location: "l", Actors: []string{"a"}, Sources: []string{"s"},
			Participants: []conflict.Participant{{Party: "k", Role: conflict.RoleSupporter, Support: conflict.SupportAirPower, Sources: []string{"t"}}},
			Figures:      []conflict.Figure{{Quantity: conflict.QuantityFatalities, Low: new(3.0), Best: new(4.0), High: new(5.0)}},
		}},
		Measures: []conflict.Measure{{Party: "a", Quantity: conflict.QuantityAreaKm2, Value: 10, Date: date("2016-03-14"), Sources: []string{"s"}}},
	}
}

func TestEventPartsErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(ds *conflict.Dataset)
		err    error
		want   string
	}{
		{"participant: unknown party", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Party = "z" },
			conflict.ErrUnknownID, `events[0] "e": participants[0].party "z": unknown ID`},
		{"participant: no party", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Party = "" },
			conflict.ErrMissing, `events[0] "e": participants[0].party "": required field is empty`},
		{"participant: a place", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Party = "m" },
			conflict.ErrEnds, `participants[0].party "m": wrong kind of node at an end of a relation (m is a location, not a party)`},
		{"participant: no role", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Role = 0 },
			conflict.ErrMissing, `participants[0].role "": required field is empty`},
		{"participant: no such role", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Role = 40 },
			conflict.ErrKind, `participants[0].role "kind(40)": unknown kind`},
		{"participant: support of a defender", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Role = conflict.RoleDefender },
			conflict.ErrKind, `participants[0].support "air-power": unknown kind (only supporters have kinds of support)`},
		{"participant: twice in one role", func(ds *conflict.Dataset) {
			ds.Events[0].Participants = append(ds.Events[0].Participants, ds.Events[0].Participants[0])
		}, conflict.ErrDuplicateID, `participants[1].party "k": duplicate ID (takes part twice as supporter)`},
		{"participant: unknown source", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Sources = []string{"t", "u"} },
			conflict.ErrUnknownID, `participants[0].sources "u": unknown ID`},
		{"participant: a source twice", func(ds *conflict.Dataset) { ds.Events[0].Participants[0].Sources = []string{"t", "t"} },
			conflict.ErrDuplicateID, `participants[0].sources "t": duplicate ID (cited twice)`},
		{"participant: an anachronism", func(ds *conflict.Dataset) {
			ds.Events[0].Date = date("2016-04-02")
			ds.Events[0].Sources = []string{"t"}
			ds.Events[0].Participants[0].Sources = []string{"s"}
		}, conflict.ErrAnachronism, `participants[0].sources "s": anachronism: a source vouches for a date after its publication (s, published 2016-04-01, cannot vouch for 2016-04-02)`},

		{"figure: no quantity", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Quantity = 0 },
			conflict.ErrMissing, `figures[0].quantity "": required field is empty`},
		{"figure: no such quantity", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Quantity = 99 },
			conflict.ErrKind, `figures[0].quantity "kind(99)": unknown kind`},
		{"figure: unknown party", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Party = "z" },
			conflict.ErrUnknownID, `figures[0].party "z": unknown ID`},
		{"figure: no number", func(ds *conflict.Dataset) {
			ds.Events[0].Figures[0] = conflict.Figure{Quantity: conflict.QuantityWounded}
		},
			conflict.ErrMissing, `figures[0] "": required field is empty (a figure gives at least one of low, best and high)`},
		{"figure: negative", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Low = new(-1.0) },
			conflict.ErrNumber, `figures[0].low "-1": invalid number (negative)`},
		{"figure: not a number", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Best = new(math.NaN()) },
			conflict.ErrNumber, `figures[0].best "NaN": invalid number (not a finite number)`},
		{"figure: infinite", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].High = new(math.Inf(1)) },
			conflict.ErrNumber, `figures[0].high "+Inf": invalid number (not a finite number)`},
		{"figure: low above high", func(ds *conflict.Dataset) {
			ds.Events[0].Figures[0] = conflict.Figure{Quantity: 1, Low: new(9.0), High: new(5.0)}
		},
			conflict.ErrNumber, `figures[0].low "9": invalid number (above high 5)`},
		{"figure: best below low", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Best = new(2.0) },
			conflict.ErrNumber, `figures[0].best "2": invalid number (below low 3)`},
		{"figure: best above high", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Best = new(6.0) },
			conflict.ErrNumber, `figures[0].best "6": invalid number (above high 5)`},
		{"figure: an anachronism", func(ds *conflict.Dataset) { ds.Events[0].Figures[0].Sources = []string{"early"} },
			conflict.ErrAnachronism, `figures[0].sources "early": anachronism`},

		{"area: negative", func(ds *conflict.Dataset) { ds.Locations[0].Area = -3 },
			conflict.ErrNumber, `locations[0] "l": area_km2 "-3": invalid number (negative)`},
		{"area: not finite", func(ds *conflict.Dataset) { ds.Locations[0].Area = math.Inf(1) },
			conflict.ErrNumber, `locations[0] "l": area_km2 "+Inf": invalid number (not a finite number)`},
		{"area: a place with no point", func(ds *conflict.Dataset) { ds.Locations[1].Area = 3 },
			conflict.ErrMissing, `locations[1] "m": point "": required field is empty (a place with an area or a population has a point)`},
		{"population: a place with no point", func(ds *conflict.Dataset) { ds.Locations[1].Population = ds.Locations[0].Population },
			conflict.ErrMissing, `locations[1] "m": point "": required field is empty`},
		{"population: negative", func(ds *conflict.Dataset) { ds.Locations[0].Population.Count = -5 },
			conflict.ErrNumber, `locations[0] "l": population.count "-5": invalid number (negative)`},
		{"population: no date", func(ds *conflict.Dataset) { ds.Locations[0].Population.Date = conflict.Date{} },
			conflict.ErrMissing, `population.date "": required field is empty`},
		{"population: no sources", func(ds *conflict.Dataset) { ds.Locations[0].Population.Sources = nil },
			conflict.ErrMissing, `population.sources "": required field is empty`},
		{"population: unknown source", func(ds *conflict.Dataset) { ds.Locations[0].Population.Sources = []string{"u"} },
			conflict.ErrUnknownID, `population.sources "u": unknown ID`},
		{"population: an anachronism", func(ds *conflict.Dataset) { ds.Locations[0].Population.Date = date("2017") },
			conflict.ErrAnachronism, `population.sources "s": anachronism`},

		{"measure: unknown party", func(ds *conflict.Dataset) { ds.Measures[0].Party = "z" },
			conflict.ErrUnknownID, `measures[0] (z area-km2 2016-03-14): party "z": unknown ID`},
		{"measure: a place", func(ds *conflict.Dataset) { ds.Measures[0].Party = "l" },
			conflict.ErrEnds, `measures[0] (l area-km2 2016-03-14): party "l": wrong kind of node`},
		{"measure: no party", func(ds *conflict.Dataset) { ds.Measures[0].Party = "" },
			conflict.ErrMissing, `party "": required field is empty`},
		{"measure: no quantity", func(ds *conflict.Dataset) { ds.Measures[0].Quantity = 0 },
			conflict.ErrMissing, `measures[0] (a  2016-03-14): quantity "": required field is empty`},
		{"measure: no such quantity", func(ds *conflict.Dataset) { ds.Measures[0].Quantity = 77 },
			conflict.ErrKind, `quantity "kind(77)": unknown kind`},
		{"measure: negative", func(ds *conflict.Dataset) { ds.Measures[0].Value = -1 },
			conflict.ErrNumber, `value "-1": invalid number (negative)`},
		{"measure: not finite", func(ds *conflict.Dataset) { ds.Measures[0].Value = math.NaN() },
			conflict.ErrNumber, `value "NaN": invalid number (not a finite number)`},
		{"measure: no date", func(ds *conflict.Dataset) { ds.Measures[0].Date = conflict.Date{} },
			conflict.ErrMissing, `date "": required field is empty`},
		{"measure: no sources", func(ds *conflict.Dataset) { ds.Measures[0].Sources = nil },
			conflict.ErrMissing, `sources "": required field is empty`},
		{"measure: an anachronism", func(ds *conflict.Dataset) { ds.Measures[0].Date = date("2016-05") },
			conflict.ErrAnachronism, `measures[0] (a area-km2 2016-05): date "2016-05": anachronism`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := desert()
			before := c.Dataset()
			ds := checkBase()
			if p := ds.Locations[0].Population; p != nil {
				q := *p
				ds.Locations[0].Population = &q
			}
			tt.change(&ds)
			err := c.Add(ds)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Add: %v, want an error wrapping %v", err, tt.err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Add: %q does not contain %q", err, tt.want)
			}
			var e *conflict.Error
			if !errors.As(err, &e) {
				t.Errorf("Add: %q is not a *conflict.Error", err)
			}
			if j, ok := err.(interface{ Unwrap() []error }); !ok || len(j.Unwrap()) != 1 {
				t.Errorf("Add: %q: want one error", err)
			}
			if diff := cmp.Diff(before, c.Dataset()); diff != "" {
				t.Errorf("a failed Add changed the record (-before +after)\n%s", diff)
			}
		})
	}
	if err := new(conflict.Conflict).Add(checkBase()); err != nil {
		t.Errorf("the base record does not load: %v", err)
	}
}

// TestEventPartsLoadErrors: bad values in the new parts of the file are
// reported with their line, record and field.
func TestEventPartsLoadErrors(t *testing.T) {
	head := "{\"sources\": [{\"id\": \"s\"}],\n\"actors\": [{\"id\": \"a\", \"name\": \"A\"}],\n"
	event := func(extra string) string {
		return head + "\"events\": [\n{\"id\": \"e\", \"kind\": \"attack\", \"date\": \"2016\", \"sources\": [\"s\"], " + extra + "}]}"
	}
	tests := []struct {
		name, in string
		want     []string
	}{
		{"an unknown quantity", event(`"figures": [{"quantity": "fatalaties", "best": 3}]`),
			[]string{`conflict: line 4: events[0] "e": figures[0].quantity "fatalaties": unknown kind`}},
		{"a count in words", event(`"figures": [{"quantity": "fatalities", "low": "many"}]`),
			[]string{`conflict: line 4: events[0]: figures[0].low "\"many\"": malformed dataset (want number, got JSON string)`}},
		{"a count out of range", event(`"figures": [{"quantity": "fatalities", "low": 1e999}]`),
			[]string{`conflict: line 4: events[0] "e": figures[0].low "1e999": malformed dataset (out of range)`}},
		{"an unknown role and a bad support", event(`"participants": [{"party": "a", "role": "hero"}, {"party": "a", "role": "supporter", "support": ["money"]}]`),
			[]string{
				`conflict: line 4: events[0] "e": participants[0].role "hero": unknown kind`,
				`conflict: line 4: events[0] "e": participants[1].support "money": unknown kind`,
			}},
		{"an unknown key in a participant", event(`"participants": [{"party": "a", "role": "actor", "side": 1}]`),
			[]string{`conflict: line 4: events[0]: malformed dataset (unknown field "participants[0].side")`}},
		{"participants not a list", event(`"participants": {"party": "a"}`),
			[]string{`conflict: line 4: events[0]: participants "{\"party\": \"a\"}": malformed dataset (want list of objects, got JSON object)`}},
		{"a participant not an object", event(`"participants": ["a"]`),
			[]string{`conflict: line 4: events[0]: participants[0] "\"a\"": malformed dataset (want object, got JSON string)`}},
		{"a measure without a value", head + "\"measures\": [\n{\"party\": \"a\", \"quantity\": \"fighters\", \"date\": \"2016\", \"sources\": [\"s\"]}]}",
			[]string{`conflict: line 4: measures[0] (a fighters 2016): value "": required field is empty`}},
		{"a measure of an unknown quantity", head + "\"measures\": [\n{\"party\": \"a\", \"quantity\": \"tanks\", \"value\": 3, \"date\": \"2016\", \"sources\": [\"s\"]}]}",
			[]string{`conflict: line 4: measures[0] (a tanks 2016): quantity "tanks": unknown kind`}},
		{"a population without a count", head + "\"locations\": [\n{\"id\": \"l\", \"name\": \"L\", \"point\": {\"lat\": 1, \"lon\": 2}, \"population\": {\"date\": \"2004\", \"sources\": [\"s\"]}}]}",
			[]string{`conflict: line 4: locations[0] "l": population "": required field is empty (a population needs count and date and sources)`}},
		{"an area out of range", head + "\"locations\": [\n{\"id\": \"l\", \"name\": \"L\", \"point\": {\"lat\": 1, \"lon\": 2}, \"area_km2\": -1e999}]}",
			[]string{`conflict: line 4: locations[0] "l": area_km2 "-1e999": malformed dataset (out of range)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := new(conflict.Conflict).Load(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("Load: no error")
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("errors (-want +got)\n%s", diff)
			}
		})
	}
}

// TestEventPartsRoundTrip: what Save writes of participants, figures,
// weights and measures, Load reads back the same, and an empty list reads
// as none.
func TestEventPartsRoundTrip(t *testing.T) {
	c := mustAdd(t, checkBase())
	out := save(t, c)
	for _, key := range []string{`"participants":[`, `"figures":[`, `"area_km2":12`, `"population":{`, `"measures": [`, `"low":3`} {
		if !strings.Contains(string(out), key) {
			t.Errorf("Save wrote no %s:\n%s", key, out)
		}
	}
	c2, err := conflict.Load(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Dataset(), c2.Dataset()); diff != "" {
		t.Errorf("Load(Save(c)) differs (-first +second)\n%s", diff)
	}
	empty, err := conflict.Load(strings.NewReader(`{"sources": [{"id": "s"}], "events": [{"id": "e", "kind": "other", "date": "2016", "sources": ["s"], "participants": [], "figures": []}], "measures": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := empty.Event("e"); e.Participants != nil || e.Figures != nil || empty.Dataset().Measures != nil {
		t.Errorf("empty lists read as %#v, %#v, %#v; want nil", e.Participants, e.Figures, empty.Dataset().Measures)
	}
	// The record's copies are the caller's: changing one changes nothing.
	e, _ := c.Event("e")
	*e.Figures[0].Low = 99
	e.Participants[0].Sources[0] = "changed"
	if e2, _ := c.Event("e"); *e2.Figures[0].Low != 3 || e2.Participants[0].Sources[0] != "t" {
		t.Errorf("changing a returned event changed the record: %+v", e2)
	}
	for _, v := range []interface {
		Events(conflict.EventQuery) []conflict.Happening
	}{c, c.AsOf(date("2017").Time())} {
		h := v.Events(conflict.EventQuery{})
		*h[0].Event.Figures[0].Low = 99
		for _, p := range h[0].Event.Participants {
			p.Sources[0] = "changed"
		}
		h[0].Event.Actors = append(h[0].Event.Actors[:0], "changed")
		e2 := v.Events(conflict.EventQuery{})[0].Event
		if *e2.Figures[0].Low != 3 || e2.Actors[0] != "a" || e2.Counterparts != nil || len(e2.Participants) > 0 && e2.Participants[0].Sources[0] != "t" {
			t.Errorf("changing an event Events returned changed the record: %+v", e2)
		}
	}
}

// TestDocExampleLoads: the dataset file shown in the package documentation
// loads, and has a record of every section.
func TestDocExampleLoads(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(src), "// # The dataset file")
	var lines []string
	in := false
	for _, l := range strings.Split(after, "\n") {
		switch {
		case l == "//\t{":
			in = true
		case !in:
			continue
		}
		lines = append(lines, strings.TrimPrefix(l, "//\t"))
		if l == "//\t}" {
			break
		}
	}
	c, err := conflict.Load(strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatalf("the documented dataset does not load: %v\n%s", err, strings.Join(lines, "\n"))
	}
	ds := c.Dataset()
	if len(ds.Sources) == 0 || len(ds.Actors) == 0 || len(ds.Backers) == 0 || len(ds.Locations) == 0 || len(ds.Relations) == 0 || len(ds.Events) == 0 || len(ds.Measures) == 0 {
		t.Errorf("the documented dataset lacks a section: %+v", ds)
	}
}
