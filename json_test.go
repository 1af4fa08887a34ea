package conflict_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// everyField is a valid record that sets every field of every record type,
// as TestEveryFieldIsSet checks.
func everyField() conflict.Dataset {
	return conflict.Dataset{
		Name:     `Every field <&> "quoted"`,
		TimeZone: "Asia/Damascus",
		Sources: []conflict.Source{
			{ID: "s1", Outlet: "An Outlet", Author: "A. Writer", Title: "Über <b>", Published: date("2016-04-06"), URL: "https://example.org/?a=1&b=2", Note: "a note\nwith a line"},
			{ID: "s2"},
		},
		Actors: []conflict.Actor{
			{ID: "gov", Name: "The Government", Kind: conflict.ActorGovernment, Aliases: []string{"Regime", "Ruling Party"}, Note: "note",
				Names: []conflict.DatedName{{Name: "The Old Government", End: date("2015"), Sources: []string{"s2"}, Note: "before"}}},
			{ID: "rebels", Name: "The Rebels"},
			{ID: "front", Name: "The Front"},
		},
		Backers: []conflict.Backer{
			{ID: "power", Name: "A Power", Kind: conflict.BackerState, Aliases: []string{"The Power"}, Note: "backs",
				Names: []conflict.DatedName{{Name: "The Great Power", Start: date("2014-21"), Sources: []string{"s2"}}}},
		},
		Locations: []conflict.Location{
			{ID: "land", Name: "The Land", Kind: conflict.LocationCountry},
			{ID: "town", Name: "A Town", Kind: conflict.LocationTown, Aliases: []string{"Old Town"}, Within: "land", Point: &conflict.Point{Lat: -33.5, Lon: 179.25}, Note: "🏘",
				Area: 12.5, Population: &conflict.Population{Count: 4200, Date: date("2015"), Sources: []string{"s1"}, Note: "census"}},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationSupports, From: "power", To: "gov", Start: date("2015-09"), End: date("2017"),
				Support: conflict.SupportAirPower | conflict.SupportTroops, Sources: []string{"s1", "s2"},
				StartSources: []string{"s1"}, EndSources: []string{"s2"}, Event: "arrival", Note: "n",
				Attributes: map[string]string{"intensity": "2", "type": "internationalized"}},
			{Kind: conflict.RelationControls, From: "gov", To: "town", Sources: []string{"s2"}},
			{Kind: conflict.RelationOpposes, From: "power", To: "rebels", Sources: []string{"s2"}, Alleged: true, Confidence: conflict.ConfidenceLow},
		},
		Events: []conflict.Event{
			{ID: "arrival", Kind: conflict.EventIntervention, Date: date("2015-09-30"), Location: "town", Actors: []string{"power"},
				Counterparts: []string{"gov"}, Support: conflict.SupportAirPower, Sources: []string{"s1"}, Note: "arrives",
				Attributes: map[string]string{"fatalities_best": "12", "where_prec": "1"},
				Participants: []conflict.Participant{
					{Party: "power", Role: conflict.RoleSupporter, Support: conflict.SupportAirPower, Sources: []string{"s2"}, Note: "sorties"},
					{Party: "rebels", Role: conflict.RoleDefender},
				},
				Figures: []conflict.Figure{
					{Quantity: conflict.QuantityFatalities, Party: "rebels", Low: new(10.0), Best: new(12.0), High: new(0.5e2), Sources: []string{"s2"}, Note: "estimate"},
					{Quantity: conflict.QuantityAirRaids, Low: new(0.0)},
				}},
			{ID: "renamed", Kind: conflict.EventRenamed, Date: date("2016-01-01"), Actors: []string{"rebels"}, Name: "The New Rebels", Sources: []string{"s2"},
				Alleged: true, Confidence: conflict.ConfidenceMedium},
		},
		Agreements: []conflict.Agreement{
			{ID: "truce", Kind: conflict.AgreementCessationOfHostilities, Name: "The truce", Parties: []string{"gov", "rebels"},
				Excluded: []string{"front"}, Guarantors: []string{"power"}, Start: date("2016-02-27"), End: date("2016-04-19"),
				Sources: []string{"s2"}, Note: "holds, more or less"},
		},
		Measures: []conflict.Measure{
			{Party: "gov", Quantity: conflict.QuantityAreaKm2, Value: 78000.5, Date: date("2015-12-14"), Sources: []string{"s1"}, Note: "about"},
			{Party: "power", Quantity: conflict.QuantityFighters, Value: 0, Date: date("2015"), Sources: []string{"s2"}},
		},
	}
}

// TestEveryFieldIsSet makes sure everyField sets every exported field of
// every record type somewhere, so that the tests that carry it through
// encoding/json, Save and Load carry every field, and a new field cannot go
// untested.
func TestEveryFieldIsSet(t *testing.T) {
	set := map[reflect.Type]map[string]bool{}
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				visit(v.Elem())
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Struct {
				for i := range v.Len() {
					visit(v.Index(i))
				}
			}
		case reflect.Struct:
			if set[v.Type()] == nil {
				set[v.Type()] = map[string]bool{}
			}
			for f := range v.Type().Fields() {
				if fv := v.FieldByIndex(f.Index); f.IsExported() && !fv.IsZero() {
					set[v.Type()][f.Name] = true
					visit(fv)
				}
			}
		}
	}
	visit(reflect.ValueOf(everyField()))
	for _, typ := range []reflect.Type{
		reflect.TypeFor[conflict.Dataset](), reflect.TypeFor[conflict.Source](), reflect.TypeFor[conflict.Actor](),
		reflect.TypeFor[conflict.Backer](), reflect.TypeFor[conflict.Location](), reflect.TypeFor[conflict.Point](),
		reflect.TypeFor[conflict.Relation](), reflect.TypeFor[conflict.Event](),
		reflect.TypeFor[conflict.Participant](), reflect.TypeFor[conflict.Figure](), reflect.TypeFor[conflict.Population](),
		reflect.TypeFor[conflict.Measure](),
	} {
		for f := range typ.Fields() {
			if f.IsExported() && !set[typ][f.Name] {
				t.Errorf("everyField sets no %s.%s", typ.Name(), f.Name)
			}
		}
	}
}

// TestMarshalThenLoad: what encoding/json makes of a Dataset, Load reads
// back the same.
func TestMarshalThenLoad(t *testing.T) {
	want := everyField()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	c, err := conflict.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("Load: %v\n%s", err, b)
	}
	if diff := cmp.Diff(want, c.Dataset()); diff != "" {
		t.Errorf("Load(json.Marshal(ds)).Dataset() differs (-want +got)\n%s", diff)
	}
}

// TestRecordsMarshal: each record type marshals with encoding/json to the
// object Save writes for it, and unmarshals back to itself.
func TestRecordsMarshal(t *testing.T) {
	ds := everyField()
	var c conflict.Conflict
	must(t, c.Add(ds))
	saved := string(save(t, &c))
	check := func(name string, v any, back any) {
		t.Helper()
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var esc bytes.Buffer
		json.HTMLEscape(&esc, []byte(saved))
		if !strings.Contains(esc.String(), "\n    "+string(b)) {
			t.Errorf("%s: json.Marshal gives %s, which Save does not write", name, b)
		}
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("%s: Unmarshal(%s): %v", name, b, err)
		}
		if diff := cmp.Diff(v, reflect.ValueOf(back).Elem().Interface()); diff != "" {
			t.Errorf("%s: Unmarshal(Marshal(v)) differs (-want +got)\n%s", name, diff)
		}
	}
	for _, r := range ds.Sources {
		check("source "+r.ID, r, new(conflict.Source))
	}
	for _, r := range ds.Actors {
		check("actor "+r.ID, r, new(conflict.Actor))
	}
	for _, r := range ds.Backers {
		check("backer "+r.ID, r, new(conflict.Backer))
	}
	for _, r := range ds.Locations {
		check("location "+r.ID, r, new(conflict.Location))
	}
	for _, r := range ds.Relations {
		check("relation "+r.From+" "+r.To, r, new(conflict.Relation))
	}
	for _, r := range ds.Events {
		check("event "+r.ID, r, new(conflict.Event))
	}
}

// TestUnmarshalIsLoad: json.Unmarshal of a dataset file gives the Dataset
// that Load does.
func TestUnmarshalIsLoad(t *testing.T) {
	file, err := os.ReadFile("testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	var got conflict.Dataset
	if err := json.Unmarshal(file, &got); err != nil {
		t.Fatal(err)
	}
	want := testutil.Load(t, "testdata/full.json").Dataset()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json.Unmarshal differs from Load (-Load +Unmarshal)\n%s", diff)
	}

	// Embedded in other JSON, as a value and through a pointer.
	var doc struct {
		Version int               `json:"version"`
		Data    conflict.Dataset  `json:"data"`
		Ptr     *conflict.Dataset `json:"ptr"`
	}
	in := []byte(`{"version": 2, "data": ` + string(file) + `, "ptr": ` + string(file) + `}`)
	if err := json.Unmarshal(in, &doc); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, doc.Data); diff != "" {
		t.Errorf("embedded dataset differs (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(&want, doc.Ptr); diff != "" {
		t.Errorf("embedded *Dataset differs (-want +got)\n%s", diff)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var doc2 = doc
	doc2.Data, doc2.Ptr = conflict.Dataset{}, nil
	if err := json.Unmarshal(out, &doc2); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc, doc2); diff != "" {
		t.Errorf("embedded round trip differs (-want +got)\n%s", diff)
	}
}

// TestMarshalIsSave: json.Marshal of a Dataset is what Save writes, but
// for white space and the escaping of <, > and & that json.Marshal does.
func TestMarshalIsSave(t *testing.T) {
	for name, c := range map[string]*conflict.Conflict{
		"full":  testutil.Load(t, "testdata/full.json"),
		"every": mustAdd(t, everyField()),
		"empty": new(conflict.Conflict),
		"edges": edges(t),
		"syria": testutil.Syria(t),
	} {
		t.Run(name, func(t *testing.T) {
			saved := save(t, c)
			direct, err := c.Dataset().MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if want := string(saved[:len(saved)-1]); string(direct) != want {
				t.Errorf("MarshalJSON differs from Save (-Save +MarshalJSON)\n%s", cmp.Diff(want, string(direct)))
			}
			marshalled, err := json.Marshal(c.Dataset())
			if err != nil {
				t.Fatal(err)
			}
			var compact, want bytes.Buffer
			if err := json.Compact(&compact, saved); err != nil {
				t.Fatal(err)
			}
			json.HTMLEscape(&want, compact.Bytes())
			compact.Reset()
			if err := json.Compact(&compact, marshalled); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), compact.String()); diff != "" {
				t.Errorf("json.Marshal differs from Save (-Save +Marshal)\n%s", diff)
			}
		})
	}
}

func mustAdd(t *testing.T, ds conflict.Dataset) *conflict.Conflict {
	t.Helper()
	var c conflict.Conflict
	must(t, c.Add(ds))
	return &c
}

// TestUnmarshalErrors: Dataset.UnmarshalJSON reads as strictly as Load,
// reporting every value that does not convert, and leaves the Dataset as
// it was on an error.
func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the lines of the error, joined
		errs []error  // the category of each
	}{
		{"values", "{\"sources\": [\n{\"id\": \"s\", \"published\": \"2015-13\"},\n{\"id\": \"t\", \"published\": \"2015-02-30\"}],\n" +
			"\"relations\": [{\"kind\": \"hates\", \"from\": \"a\", \"to\": \"b\", \"support\": [\"money\", \"troops\", null], \"sources\": [\"s\"]}],\n" +
			"\"locations\": [{\"id\": \"l\", \"name\": \"L\", \"point\": {\"lon\": 2}}]}",
			[]string{
				`conflict: line 2: sources[0] "s": published "2015-13": invalid date (month out of range)`,
				`conflict: line 3: sources[1] "t": published "2015-02-30": invalid date (day out of range)`,
				`conflict: line 4: relations[0] (a hates b): kind "hates": unknown kind`,
				`conflict: line 4: relations[0] (a hates b): support "money": unknown kind`,
				`conflict: line 4: relations[0] (a hates b): support "": unknown kind`,
				`conflict: line 5: locations[0] "l": point "": required field is empty (a point needs lat and lon)`,
			},
			[]error{conflict.ErrDate, conflict.ErrDate, conflict.ErrKind, conflict.ErrKind, conflict.ErrKind, conflict.ErrMissing}},
		{"a key twice in a record", "{\"actors\": [\n{\"id\": \"a\",\n \"name\": \"A\", \"id\": \"b\"}]}",
			[]string{`conflict: line 3: actors[0]: malformed dataset ("id" appears twice)`}, []error{conflict.ErrFormat}},
		{"a key twice in a point", `{"locations": [{"id": "l", "name": "L", "point": {"lat": 1, "lat": 2, "lon": 3}}]}`,
			[]string{`conflict: line 1: locations[0]: malformed dataset ("point.lat" appears twice)`}, []error{conflict.ErrFormat}},
		{"a key in the wrong case", `{"actors": [{"ID": "a", "name": "A"}]}`,
			[]string{`conflict: line 1: actors[0]: malformed dataset (unknown field "ID")`}, []error{conflict.ErrFormat}},
		{"invalid UTF-8", "{\"actors\": [\n{\"id\": \"a\", \"name\": \"\xffA\"}]}",
			[]string{`conflict: line 2: actors[0]: malformed dataset (invalid UTF-8 byte 0xff in string)`}, []error{conflict.ErrFormat}},
		{"half a surrogate pair", "{\"actors\": [\n{\"id\": \"a\", \"name\": \"\\ud83d\"}]}",
			[]string{`conflict: line 2: actors[0]: malformed dataset (unpaired surrogate \ud83d in string escape)`}, []error{conflict.ErrFormat}},
		{"a syntax error", "{\"actors\": [\n{\"id\": \"a\"\n \"name\": \"A\"}]}",
			[]string{`conflict: line 3: actors[0]: malformed dataset (invalid character '"' after object key:value pair)`}, []error{conflict.ErrFormat}},
		{"a missing colon", "{\"actors\": [\n{\"id\" }]}",
			[]string{`conflict: line 2: actors[0]: malformed dataset (invalid character '}' after object key)`}, []error{conflict.ErrFormat}},
		{"a trailing comma", "{\"actors\": [\n{\"id\": \"a\"},\n]}",
			[]string{`conflict: line 3: actors[1]: malformed dataset (invalid character ']' looking for beginning of value)`}, []error{conflict.ErrFormat}},
		{"a record that is not an object", "{\"actors\": [\n\"a\"]}",
			[]string{`conflict: line 2: actors[0]: malformed dataset (want object, got JSON string)`}, []error{conflict.ErrFormat}},
		{"a section that is not a list", "{\"name\": \"n\",\n\"actors\": {}}",
			[]string{`conflict: line 2: dataset: actors "{}": malformed dataset (want list of objects, got JSON object)`}, []error{conflict.ErrFormat}},
		{"a number out of range", `{"locations": [{"id": "l", "name": "L", "point": {"lat": 1e999, "lon": 3}}]}`,
			[]string{`conflict: line 1: locations[0] "l": point "1e999": malformed dataset (lat out of range)`}, []error{conflict.ErrFormat}},
		{"truncated", "{\"actors\": [\n{\"id\": \"a\",",
			[]string{`conflict: line 2: actors[0]: malformed dataset (unexpected end of input (truncated file?))`}, []error{conflict.ErrFormat}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := conflict.Dataset{Name: "unchanged"}
			err := json.Unmarshal([]byte(tt.in), &ds)
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				// encoding/json checks the syntax before it calls
				// UnmarshalJSON: call it directly.
				err = ds.UnmarshalJSON([]byte(tt.in))
			}
			if err == nil {
				t.Fatalf("Unmarshal(%q) = nil", tt.in)
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("error (-want +got)\n%s", diff)
			}
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else {
				errs = []error{err}
			}
			for i, e := range errs {
				var ce *conflict.Error
				if !errors.As(e, &ce) || i >= len(tt.errs) || !errors.Is(e, tt.errs[i]) {
					t.Errorf("error %d, %v, is not a *conflict.Error that wraps %v", i, e, tt.errs[min(i, len(tt.errs)-1)])
				}
			}
			if ds.Name != "unchanged" || ds.Actors != nil {
				t.Errorf("a failed Unmarshal changed the Dataset: %+v", ds)
			}
		})
	}
}

func TestSupportJSON(t *testing.T) {
	tests := []struct {
		in   string
		want conflict.Support
		err  error
	}{
		{`[]`, 0, nil},
		{`null`, conflict.SupportFunding, nil}, // null leaves the value as it was
		{`["troops"]`, conflict.SupportTroops, nil},
		{`["air-power", "troops", "air-power"]`, conflict.SupportTroops | conflict.SupportAirPower, nil},
		{`["money"]`, conflict.SupportFunding, conflict.ErrKind},
		{`[null]`, conflict.SupportFunding, conflict.ErrKind},
		{`["Troops"]`, conflict.SupportFunding, conflict.ErrKind},
		{`"troops"`, conflict.SupportFunding, conflict.ErrFormat},
		{`["troops" "air-power"]`, conflict.SupportFunding, conflict.ErrFormat},
		{`["troops"] 1`, conflict.SupportFunding, conflict.ErrFormat},
		{`[1]`, conflict.SupportFunding, conflict.ErrFormat},
	}
	for _, tt := range tests {
		got := conflict.SupportFunding
		err := got.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, tt.err) || err == nil && tt.err != nil {
			t.Errorf("UnmarshalJSON(%s): %v, want an error wrapping %v", tt.in, err, tt.err)
		}
		if got != tt.want {
			t.Errorf("UnmarshalJSON(%s) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for s, want := range map[conflict.Support]string{
		0:                         `[]`,
		conflict.SupportTerritory: `["territory"]`,
		conflict.SupportTerritory | conflict.SupportTroops: `["troops","territory"]`,
		conflict.Support(1)<<8 - 1:                         `["troops","air-power","advisers","weapons","funding","training","intelligence","territory"]`,
	} {
		got, err := json.Marshal(s)
		if err != nil || string(got) != want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", s, got, err, want)
		}
	}
	if _, err := json.Marshal(conflict.Support(1 << 9)); !errors.Is(err, conflict.ErrKind) {
		t.Errorf("Marshal of a bit that is no kind: %v, want an error wrapping ErrKind", err)
	}
}

func TestPointJSON(t *testing.T) {
	tests := []struct {
		in   string
		want conflict.Point
		err  error
	}{
		{`{"lat": 1.5, "lon": -2}`, conflict.Point{Lat: 1.5, Lon: -2}, nil},
		{`{"lon": -2, "lat": 0}`, conflict.Point{Lat: 0, Lon: -2}, nil},
		{`null`, conflict.Point{Lat: 9, Lon: 9}, nil},
		{`{"lat": 1.5}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrMissing},
		{`{"lat": 1.5, "lon": null}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrMissing},
		{`{}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrMissing},
		{`{"lat": 1, "lon": 2, "alt": 3}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrFormat},
		{`{"lat": 1, "lon": 2, "lon": 3}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrFormat},
		{`{"lat": "1", "lon": 2}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrFormat},
		{`{"lat": 1e999, "lon": 2}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrFormat},
		{`[1, 2]`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrFormat},
		{`{"lat": 1, "lon": 2}}`, conflict.Point{Lat: 9, Lon: 9}, conflict.ErrFormat},
	}
	for _, tt := range tests {
		got := conflict.Point{Lat: 9, Lon: 9}
		err := got.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, tt.err) || err == nil && tt.err != nil {
			t.Errorf("UnmarshalJSON(%s): %v, want an error wrapping %v", tt.in, err, tt.err)
		}
		if got != tt.want {
			t.Errorf("UnmarshalJSON(%s) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// In a location, through encoding/json.
	var l conflict.Location
	if err := json.Unmarshal([]byte(`{"id": "l", "point": {"lat": 1}}`), &l); !errors.Is(err, conflict.ErrMissing) {
		t.Errorf("Unmarshal of a location with half a point: %v, want an error wrapping ErrMissing", err)
	}
}

// TestUnmarshalNullKeeps checks that JSON null leaves a value of each type
// with its own UnmarshalJSON as it was, and that a bad value is an error
// that leaves it as it was too.
func TestUnmarshalNullKeeps(t *testing.T) {
	point := conflict.Point{Lat: 34.55, Lon: 38.27}
	pop := conflict.Population{Count: 51000, Date: date("2011"), Sources: []string{"s"}}
	measure := conflict.Measure{Party: "isis", Quantity: conflict.Quantity(1), Value: 78000, Date: date("2015-12-14"), Sources: []string{"s"}}
	support := conflict.SupportFunding
	for _, tt := range []struct {
		name string
		ptr  any
		want any
	}{
		{"point", &point, point},
		{"population", &pop, pop},
		{"measure", &measure, measure},
		{"support", &support, support},
	} {
		for _, data := range []string{`null`, `{"lat": 1`, `[1]`, `{"nope": 1}`} {
			err := json.Unmarshal([]byte(data), tt.ptr)
			if (err == nil) != (data == "null") {
				t.Errorf("%s: Unmarshal(%s) = %v", tt.name, data, err)
			}
			if got := reflect.ValueOf(tt.ptr).Elem().Interface(); !cmp.Equal(tt.want, got) {
				t.Errorf("%s: after Unmarshal(%s) (-want +got)\n%s", tt.name, data, cmp.Diff(tt.want, got))
			}
		}
	}
}
