package acled_test

import (
	"encoding/csv"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/acled"
	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// importer describes package acled to the shared harness. Add may reject
// two captures of one place on one day by different groups as two holders
// at once: which of them holds the place is the library's rule to give
// (see TestGeneratedFile).
var importer = csvtest.Importer[acled.Options, *acled.Error]{
	Name:    "acled",
	Read:    acled.Read,
	Where:   func(e *acled.Error) (int, string) { return e.Row, e.Column },
	Missing: acled.ErrMissing,
	Invalid: acled.ErrInvalid,
	Skipped: acled.ErrSkipped,
	Rejects: []error{conflict.ErrTwoHolders},
}

// The fixture (invented rows in ACLED's 2023 layout) covers every event
// type, the territory transfers, the three time and geo precisions, actor
// types as codes and as words, associated actors, and names that clash.
func TestGolden(t *testing.T) {
	importer.Goldens(t, []csvtest.Golden[acled.Options]{
		{In: "acled.csv", Out: "acled.golden.json", Opt: &acled.Options{Source: acled.Source("2024-05-01")}},
	})
}

func day(s string) time.Time { return conflict.MustParseDate(s).Time() }

// Captures move control of the place; the other events do not.
func TestCaptures(t *testing.T) {
	c := testutil.Conflict(t, importer.ReadFile(t, filepath.Join("testdata", "acled.csv"), nil))
	for _, tc := range []struct {
		loc, on, holder string
		certainty       conflict.Certainty
	}{
		{"tadmor", "2016-03-26", "", conflict.Absent}, // a clash is not a capture
		{"tadmor", "2016-03-27", "military-forces-of-syria-2000-2024", conflict.Definite},
		{"tadmor", "2016-12-10", "military-forces-of-syria-2000-2024", conflict.Definite},
		{"tadmor", "2016-12-11", "islamic-state-syria", conflict.Definite},
		{"manbij", "2016-05-20", "sdf-syrian-democratic-forces", conflict.Possible}, // dated to the month
		{"manbij", "2016-06-01", "sdf-syrian-democratic-forces", conflict.Definite},
		// time_precision 2 on 2016-08-10: the 7 days from 08-07 to 08-13.
		{"jarablus", "2016-08-06", "", conflict.Absent},
		{"jarablus", "2016-08-07", "military-forces-of-turkey-2016", conflict.Possible},
		{"jarablus", "2016-08-13", "military-forces-of-turkey-2016", conflict.Possible},
		{"jarablus", "2016-08-14", "military-forces-of-turkey-2016", conflict.Definite},
		{"raqqa", "2016-07-01", "", conflict.Absent}, // geo_precision 3: not a capture
	} {
		ctl := c.At(day(tc.on)).Controller(tc.loc)
		if ctl.Holder != tc.holder || ctl.Certainty != tc.certainty {
			t.Errorf("on %s, %s: held by %q (%v), want %q (%v)", tc.on, tc.loc, ctl.Holder, ctl.Certainty, tc.holder, tc.certainty)
		}
	}
	for _, tc := range []struct {
		id   string
		kind conflict.EventKind
		date string
	}{
		{"acled-syr9001", conflict.EventAttack, "2016-03-24"},
		{"acled-syr9002", conflict.EventCapture, "2016-03-27"},
		{"acled-syr9003", conflict.EventCapture, "2016-12-11"},
		{"acled-syr9004", conflict.EventCapture, "2016-05"},
		{"acled-syr9005", conflict.EventCapture, "2016-08-07/2016-08-13"},
		{"acled-syr9006", conflict.EventAirstrike, "2016-09-27/2016-10-03"}, // the week across September and October
		{"acled-syr9007", conflict.EventAttack, "2016-12-27/2017-01-02"},    // the week across the new year
		{"acled-syr9008", conflict.EventOther, "2016-06-15"},
		{"acled-syr9009", conflict.EventOther, "2016-07-01"},
		{"acled-syr9010", conflict.EventOther, "2016-07-02"},
		{"acled-syr9011", conflict.EventAttack, "2016-07-03"},
		{"acled-syr9012", conflict.EventStatement, "2016-02-27"},
		{"acled-syr9013", conflict.EventOther, "2016-10-05"},
	} {
		e, ok := c.Event(tc.id)
		if !ok || e.Kind != tc.kind || e.Date.String() != tc.date {
			t.Errorf("event %s: %v %v, want %v %v", tc.id, e.Kind, e.Date, tc.kind, tc.date)
		}
	}
	for _, tc := range []struct {
		id   string
		kind conflict.ActorKind
	}{
		{"military-forces-of-syria-2000-2024", conflict.ActorArmedForces},
		{"government-of-syria-2000-2024", conflict.ActorGovernment},
		{"islamic-state-syria", conflict.ActorRebelGroup},
		{"unidentified-armed-group-syria", conflict.ActorMilitia},
		{"military-forces-of-russia-2000", conflict.ActorArmedForces},
		{"civilians-syria", conflict.ActorOther},
		{"hezbollah", 0}, // only an associated actor: no type
	} {
		if a, ok := c.Actor(tc.id); !ok || a.Kind != tc.kind {
			t.Errorf("actor %s: %+v, want kind %v", tc.id, a, tc.kind)
		}
	}
	// The city keeps its name; the province of the same name yields.
	for _, tc := range []struct{ id, name, within string }{
		{"aleppo", "Aleppo", "aleppo-region"},
		{"aleppo-region", "Aleppo (region)", "syria"},
		{"al-qaim-syria", "Al-Qaim, Syria", "deir-ez-zor-region"},
		{"al-qaim-iraq", "Al Qaim, Iraq", "al-anbar"},
	} {
		if l, ok := c.Location(tc.id); !ok || l.Name != tc.name || l.Within != tc.within {
			t.Errorf("location %s: %+v, want %q within %s", tc.id, l, tc.name, tc.within)
		}
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" for an error
	}{
		{"2016-03-27", "2016-03-27"},
		{"27 March 2016", "2016-03-27"},
		{"7 March 2016", "2016-03-07"},
		{"07 march 2016", "2016-03-07"},
		{"27-Mar-2016", "2016-03-27"},
		{"27 Sept 2016", "2016-09-27"},
		{"27/03/2016", "2016-03-27"},
		{"27-03-2016", "2016-03-27"},
		{"29 February 2016", "2016-02-29"},
		{"29 February 2015", ""},
		{"31/04/2016", ""},
		{"2016-13-01", ""},
		{"03/27/2016", ""}, // month first is not ACLED's
		{"2016/03/27", ""},
		{"27 Mars 2016", ""},
		{" 27 March 2016 ", "2016-03-27"}, // cells are trimmed
		{"27  March 2016", ""},
		{"27 March 16", ""},
		{"March 27, 2016", ""},
	} {
		in := header + row(strings.NewReplacer("27 March 2016", tc.in).Replace(good))
		ds, err := acled.Read(strings.NewReader(in), nil)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%q: no error, date %v", tc.in, ds.Events[0].Date)
		case tc.want != "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.want != "" && ds.Events[0].Date.String() != tc.want:
			t.Errorf("%q: date %v, want %s", tc.in, ds.Events[0].Date, tc.want)
		}
	}
}

// An event's date at each time_precision, at the edges of months and
// years.
func TestTimePrecision(t *testing.T) {
	for _, tc := range []struct {
		date, prec string
		want       string // "" for an error
	}{
		{"27 March 2016", "1", "2016-03-27"},
		{"27 March 2016", "2", "2016-03-24/2016-03-30"},
		{"27 March 2016", "3", "2016-03"},
		{"4 March 2016", "2", "2016-03-01/2016-03-07"},
		{"3 March 2016", "2", "2016-02-29/2016-03-06"}, // a leap year
		{"3 March 2015", "2", "2015-02-28/2015-03-06"},
		{"28 December 2016", "2", "2016-12-25/2016-12-31"},
		{"29 December 2016", "2", "2016-12-26/2017-01-01"},
		{"3 January 2017", "2", "2016-12-31/2017-01-06"},
		{"4 January 2017", "2", "2017-01-01/2017-01-07"},
		{"31 December 2016", "3", "2016-12"},
		{"29 February 2016", "3", "2016-02"},
		{"4 January 0001", "2", "0001-01-01/0001-01-07"},
		{"3 January 0001", "2", ""}, // the 7 days begin before the year 1
		{"3 January 0001", "1", "0001-01-03"},
		{"28 December 9998", "2", "9998-12-25/9998-12-31"},
		{"29 December 9998", "2", "9998-12-26/9999-01-01"},
	} {
		in := header + row(set("time_precision", tc.prec)) // good's date is 27 March 2016
		in = strings.Replace(in, "27 March 2016", tc.date, 1)
		ds, err := acled.Read(strings.NewReader(in), nil)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%s at %s: no error, date %v", tc.date, tc.prec, ds.Events[0].Date)
		case tc.want != "" && err != nil:
			t.Errorf("%s at %s: %v", tc.date, tc.prec, err)
		case tc.want != "" && ds.Events[0].Date.String() != tc.want:
			t.Errorf("%s at %s: date %v, want %s", tc.date, tc.prec, ds.Events[0].Date, tc.want)
		}
	}
}

const header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"

// good is a row of the 2023 layout, its cells separated by "|".
const good = "SYR1|27 March 2016|2016|1|Political violence|Battles|Government regains territory|Military Forces of Syria (2000-2024)|Hezbollah|1|Islamic State (Syria)||2|12||760|Middle East|Syria|Homs|Tadmor|Tadmor|Tadmor|34.5560|38.2840|1|Invented Agency|National|Invented.|30||1700000000"

// row writes cells separated by "|" as a CSV record.
func row(cells string) string { return csvtest.Record(strings.Split(cells, "|")...) }

// set returns good with the cell of the named column replaced.
func set(column, value string) string {
	cells := strings.Split(good, "|")
	for i, h := range strings.Split(strings.TrimSpace(header), ",") {
		if h == column {
			cells[i] = value
		}
	}
	return strings.Join(cells, "|")
}

func TestErrors(t *testing.T) {
	second := func(column, value string) string {
		return header + row(good) + row(strings.Replace(set(column, value), "SYR1|", "SYR2|", 1))
	}
	importer.Errors(t, []csvtest.ErrorCase{
		{Name: "empty file", Want: "acled: row 1: no header: the file is empty", Is: acled.ErrMissing, Row: 1},
		{Name: "missing column", In: strings.Replace(header, ",geo_precision,", ",", 1), Want: "acled: row 1: column geo_precision: no such column in the header", Is: acled.ErrMissing, Row: 1, Column: "geo_precision"},
		{Name: "column twice", In: strings.Replace(header, ",tags,", ",Location,", 1), Want: `acled: row 1: column location: "location": column named twice in the header`, Is: acled.ErrInvalid, Row: 1, Column: "location"},
		{Name: "empty id", In: second("event_id_cnty", ""), Want: "acled: row 3: column event_id_cnty: empty", Is: acled.ErrMissing, Row: 3, Column: "event_id_cnty"},
		{Name: "duplicate id", In: header + row(good) + row(strings.Replace(good, "SYR1|", "syr1|", 1)), Want: `acled: row 3: column event_id_cnty: "syr1": event ID already on row 2`, Is: acled.ErrInvalid, Row: 3, Column: "event_id_cnty"},
		{Name: "bad date", In: second("event_date", "32 March 2016"), Want: `acled: row 3: column event_date: "32 March 2016": invalid date: want YYYY-MM-DD, D Month YYYY or DD/MM/YYYY`, Is: acled.ErrInvalid, Row: 3, Column: "event_date"},
		{Name: "year 9999", In: second("event_date", "9999-01-01"), Want: `acled: row 3: column event_date: "9999-01-01": date out of range: want a year from 1 to 9998`, Is: acled.ErrInvalid, Row: 3, Column: "event_date"},
		{Name: "bad time precision", In: second("time_precision", "4"), Want: `acled: row 3: column time_precision: "4": invalid time_precision: want 1, 2 or 3`, Is: acled.ErrInvalid, Row: 3, Column: "time_precision"},
		{Name: "bad geo precision", In: second("geo_precision", ""), Want: "acled: row 3: column geo_precision: empty", Is: acled.ErrMissing, Row: 3, Column: "geo_precision"},
		{Name: "no event type", In: second("event_type", ""), Want: "acled: row 3: column event_type: empty", Is: acled.ErrMissing, Row: 3, Column: "event_type"},
		{Name: "no sub-event type", In: second("sub_event_type", " "), Want: "acled: row 3: column sub_event_type: empty", Is: acled.ErrMissing, Row: 3, Column: "sub_event_type"},
		{Name: "no actor1", In: second("actor1", ""), Want: "acled: row 3: column actor1: empty", Is: acled.ErrMissing, Row: 3, Column: "actor1"},
		{Name: "bad inter1", In: second("inter1", "9"), Want: `acled: row 3: column inter1: "9": invalid actor type: want a code from 1 to 8 or its name`, Is: acled.ErrInvalid, Row: 3, Column: "inter1"},
		{Name: "bad inter2", In: second("inter2", "Rebels"), Want: `acled: row 3: column inter2: "Rebels": invalid actor type: want a code from 1 to 8 or its name`, Is: acled.ErrInvalid, Row: 3, Column: "inter2"},
		{Name: "no country", In: second("country", ""), Want: "acled: row 3: column country: empty", Is: acled.ErrMissing, Row: 3, Column: "country"},
		{Name: "no location", In: second("location", ""), Want: "acled: row 3: column location: empty", Is: acled.ErrMissing, Row: 3, Column: "location"},
		{Name: "bad latitude", In: second("latitude", "91"), Want: `acled: row 3: column latitude: "91": invalid coordinate: want a number from -90 to 90`, Is: acled.ErrInvalid, Row: 3, Column: "latitude"},
		{Name: "no longitude", In: second("longitude", ""), Want: "acled: row 3: column longitude: empty", Is: acled.ErrMissing, Row: 3, Column: "longitude"},
		{Name: "bad fatalities", In: second("fatalities", "many"), Want: `acled: row 3: column fatalities: "many": invalid number of fatalities`, Is: acled.ErrInvalid, Row: 3, Column: "fatalities"},
		{Name: "not UTF-8", In: second("notes", "caf\xe9"), Want: `acled: row 3: column notes: "caf\xe9": not UTF-8`, Is: acled.ErrInvalid, Row: 3, Column: "notes"},
		{Name: "long row", In: header + row(good+"|extra"), Want: "acled: row 2: record on line 2: wrong number of fields", Is: csv.ErrFieldCount, Row: 2},
	})
	importer.ReaderFails(t, header+row(good), "acled: row 3: reading: boom")
}

// Columns are found by name, in any order and case; the optional ones may
// be missing.
func TestColumns(t *testing.T) {
	in := "Longitude,LATITUDE,location,country,geo_precision,inter2,actor2,inter1,actor1,sub_event_type,event_type,time_precision,event_date,event_id_cnty\n" +
		"38.284,34.556,Tadmor,Syria,1,,,1,Military Forces of Syria (2000-2024),Government regains territory,Battles,1,2016-03-27,SYR1\n"
	ds, err := acled.Read(strings.NewReader("\ufeff"+in), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []conflict.Event{{
		ID: "acled-syr1", Kind: conflict.EventCapture, Date: conflict.Day(2016, time.March, 27), Location: "tadmor",
		Actors: []string{"military-forces-of-syria-2000-2024"}, Sources: []string{"acled"},
		Note: "Battles: Government regains territory.",
	}}
	if diff := cmp.Diff(want, ds.Events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	wantLocs := []conflict.Location{
		{ID: "syria", Name: "Syria", Kind: conflict.LocationCountry},
		{ID: "tadmor", Name: "Tadmor", Within: "syria", Point: &conflict.Point{Lat: 34.556, Lon: 38.284}},
	}
	if diff := cmp.Diff(wantLocs, ds.Locations); diff != "" {
		t.Errorf("locations (-want +got):\n%s", diff)
	}
}

func TestSource(t *testing.T) {
	s := acled.Source("2024-05-01")
	if s.ID != "acled-2024-05-01" || s.Published != conflict.Day(2024, time.May, 1) || !strings.Contains(s.Title, "accessed 2024-05-01") {
		t.Errorf("Source(2024-05-01) = %+v", s)
	}
	if s := acled.Source("May 2024"); s.ID != "acled" || !s.Published.IsZero() || !strings.Contains(s.Title, "accessed May 2024") {
		t.Errorf("Source(May 2024) = %+v", s)
	}
}

// Two captures of one place on one day, by different parties: the import
// keeps both events, in the order of the rows, and the later row's captor
// holds the place.
func TestSameDayCaptures(t *testing.T) {
	in := header + row(good) + row(strings.NewReplacer("SYR1|", "SYR2|", "Government regains territory", "Non-state actor overtakes territory",
		"Military Forces of Syria (2000-2024)|Hezbollah|1|Islamic State (Syria)||2", "Islamic State (Syria)||2|Military Forces of Syria (2000-2024)||1").Replace(good))
	ds, err := acled.Read(strings.NewReader(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{ds.Events[0].Actors[0], ds.Events[1].Actors[0]}; !cmp.Equal(got, []string{"military-forces-of-syria-2000-2024", "islamic-state-syria"}) {
		t.Fatalf("captors %v", got)
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	// Two transfers of one place on one day are rival accounts: which came
	// last the file does not say, so both possibly hold it.
	if ctl := c.At(day("2016-03-28")).Controller("tadmor"); !cmp.Equal(ctl.Claimants, []string{"islamic-state-syria", "military-forces-of-syria-2000-2024"}) {
		t.Errorf("tadmor held by %+v, want both captors as claimants", ctl)
	}
}

// In keep-going mode a bad row is skipped without a trace (its new actors
// and places are not added) and the rest is read as if it were not there.
func TestKeepGoing(t *testing.T) {
	other := func(id string, r ...string) string { // good, as event id, with cells replaced
		c := strings.Replace(good, "SYR1|", id+"|", 1)
		for i := 0; i+1 < len(r); i += 2 {
			c = strings.Replace(c, r[i], r[i+1], 1)
		}
		return row(c)
	}
	ghost := []string{"Military Forces of Syria (2000-2024)|Hezbollah", "Ghost Brigade|Shadow Militia", "Syria|Homs|Tadmor|Tadmor|Tadmor", "Atlantis|Deep|Tadmor|Tadmor|Sunken City"}
	importer.KeepGoing(t, &acled.Options{KeepGoing: true}, nil, []csvtest.SkipCase{
		{Name: "bad cells",
			In: header + row(good) + other("SYR2", append(ghost, "27 March 2016", "32 March 2016")...) +
				other("SYR3", "|Islamic State (Syria)||2|", "|Islamic State (Syria)||9|") + other("SYR4") +
				other("SYR5", append(ghost, "34.5560", "91")...),
			Without: header + row(good) + other("SYR4"),
			Rows:    []int{3, 4, 6}, Columns: []string{"event_date", "inter2", "latitude"}},
		{Name: "a duplicate ID",
			In:      header + row(good) + other("syr1", "Tadmor|34.5560", "Palmyra|34.5560") + other("SYR2"),
			Without: header + row(good) + other("SYR2"),
			Rows:    []int{3}, Columns: []string{"event_id_cnty"}},
		{Name: "not UTF-8",
			In:      header + other("SYR2", "Hezbollah", "Hezbollah\xff") + row(good),
			Without: header + row(good),
			Rows:    []int{2}, Columns: []string{"assoc_actor_1"}},
		{Name: "bad CSV",
			In:      header + row(good) + "SYR2,27 March 2016\n" + other("SYR3") + "SYR4,\"27 March\" 2016\n" + other("SYR5"),
			Without: header + row(good) + other("SYR3") + other("SYR5"),
			Rows:    []int{3, 5}, Columns: []string{"", ""}},
		{Name: "every row bad",
			In:      header + other("SYR2", "27 March 2016", "") + other("SYR3", "|Syria|Homs|", "||Homs|"),
			Without: header,
			Rows:    []int{2, 3}, Columns: []string{"event_date", "country"}},
	})
}

// An event dated after the source's publication is an error: the source
// cannot vouch for it. At time_precision 2 that is when the 7 days begin
// after it.
func TestPublished(t *testing.T) {
	for _, tc := range []struct {
		accessed, date, prec string
		err                  string
	}{
		{"2016-03-27", "27 March 2016", "1", ""},
		{"2016-03-26", "27 March 2016", "1", `acled: row 2: column event_date: "27 March 2016": dated after the source's publication, 2016-03-26`},
		{"2016-03-24", "27 March 2016", "2", ""},
		{"2016-03-23", "27 March 2016", "2", `acled: row 2: column event_date: "27 March 2016": dated after the source's publication, 2016-03-23`},
		{"2016-03-01", "27 March 2016", "3", ""},
		{"2016-02-29", "27 March 2016", "3", `acled: row 2: column event_date: "27 March 2016": dated after the source's publication, 2016-02-29`},
		{"", "27 March 2016", "1", ""},
	} {
		in := strings.Replace(header+row(set("time_precision", tc.prec)), "27 March 2016", tc.date, 1)
		ds, err := acled.Read(strings.NewReader(in), &acled.Options{Source: acled.Source(tc.accessed)})
		got := ""
		if err != nil {
			got = err.Error()
			if !errors.Is(err, acled.ErrInvalid) {
				t.Errorf("%v does not wrap ErrInvalid", err)
			}
		} else {
			var c conflict.Conflict
			if err := c.Add(ds); err != nil {
				t.Errorf("accessed %s, %s at %s: Add: %v", tc.accessed, tc.date, tc.prec, err)
			}
		}
		if got != tc.err {
			t.Errorf("accessed %s, %s at %s: error %q, want %q", tc.accessed, tc.date, tc.prec, got, tc.err)
		}
	}
}
