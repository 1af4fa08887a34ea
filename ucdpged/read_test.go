package ucdpged_test

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/ucdpged"
)

// importer describes package ucdpged to the shared harness. The library
// must find no disagreement among the fights spans of any file.
var importer = csvtest.Importer[ucdpged.Options, *ucdpged.Error]{
	Name:    "ucdpged",
	Read:    ucdpged.Read,
	Where:   func(e *ucdpged.Error) (int, string) { return e.Row, e.Column },
	Missing: ucdpged.ErrMissing,
	Invalid: ucdpged.ErrInvalid,
	Invariant: func(t testing.TB, _ conflict.Dataset, c *conflict.Conflict) {
		for tie := range c.Ties() {
			if tie.Start.Disputed() || tie.End.Disputed() {
				t.Fatalf("tie %v has disputed ends", tie)
			}
		}
	},
}

// The fixture covers every type of violence, where_prec and date_prec,
// places whose names clash, and windows across months and years.
func TestGolden(t *testing.T) {
	importer.Goldens(t, []csvtest.Golden[ucdpged.Options]{
		{In: "ged.csv", Out: "ged.golden.json"},
		{In: "ged.csv", Out: "ged-gap30.golden.json", Opt: &ucdpged.Options{
			Source: ucdpged.Source("25.1"),
			MaxGap: 30,
		}},
	})
}

func day(s string) time.Time { return conflict.MustParseDate(s).Time() }

// What the Conflict answers from the fixture, day by day.
func TestFixtureAnswers(t *testing.T) {
	c := testutil.Conflict(t, importer.ReadFile(t, filepath.Join("testdata", "ged.csv"), nil))
	enemy := func(on, a, b string) conflict.Certainty {
		for _, p := range c.At(day(on)).Enemies(a) {
			if p.ID == b {
				return p.Certainty
			}
		}
		return conflict.Absent
	}
	for _, tc := range []struct {
		on, a, b string
		want     conflict.Certainty
	}{
		// Exact days 2016-02-01 and 02-02: one span [02-01, 02-03).
		{"2016-01-31", "government-of-syria", "syrian-insurgents", conflict.Absent},
		{"2016-02-01", "government-of-syria", "syrian-insurgents", conflict.Definite},
		{"2016-02-02", "syrian-insurgents", "government-of-syria", conflict.Definite},
		{"2016-02-03", "government-of-syria", "syrian-insurgents", conflict.Absent},
		// A gap of nine days ends the span; 02-12 is a span of its own.
		{"2016-02-07", "government-of-syria", "syrian-insurgents", conflict.Absent},
		{"2016-02-12", "government-of-syria", "syrian-insurgents", conflict.Definite},
		// Only the month is known (date_prec 4): possible all April.
		{"2016-04-10", "government-of-syria", "syrian-insurgents", conflict.Possible},
		// 2016-03-04 to 03-06 (date_prec 2): possible in March, not before.
		{"2016-03-05", "is", "sdf", conflict.Possible},
		{"2016-02-29", "is", "sdf", conflict.Absent},
		// One-sided violence makes no fights tie with civilians.
		{"2016-03-15", "is", "civilians", conflict.Absent},
		// A window across the new year: the span reaches into 2017.
		{"2017-01-01", "government-of-syria", "is", conflict.Possible},
	} {
		if got := enemy(tc.on, tc.a, tc.b); got != tc.want {
			t.Errorf("on %s, %s fights %s: %v, want %v", tc.on, tc.a, tc.b, got, tc.want)
		}
	}
	for _, tc := range []struct{ id, within string }{
		{"aleppo-town", "aleppo-governorate"},
		{"aleppo-governorate", "syria"},
		{"al-qaim-town-iraq", "anbar-province"},
		{"al-qaim-town-syria", "deir-ez-zor-governorate"},
	} {
		if l, ok := c.Location(tc.id); !ok || l.Within != tc.within {
			t.Errorf("location %s: %+v, want within %s", tc.id, l, tc.within)
		}
	}
	if e, _ := c.Event("ged-900009"); e.Location != "" || e.Date != conflict.Year(2016) {
		t.Errorf("event at sea across the new year: %+v, want no location, dated 2016", e)
	}
	if e, _ := c.Event("ged-900005"); e.Location != "aleppo-governorate" || len(e.Counterparts) != 0 {
		t.Errorf("one-sided event at where_prec 3: %+v, want at aleppo-governorate, no counterparts", e)
	}
}

// gedHeader is the column layout of GED's CSV release (49 columns).
const gedHeader = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob"

// gedRow is one row of the file, by the columns that Read uses.
type gedRow struct {
	id, typ, sideA, sideAID, sideB, sideBID, wherePrec, where, adm1, lat, lon, country, datePrec, start, end, best string
}

func (r gedRow) csv() string {
	cells := map[string]string{
		"id": r.id, "type_of_violence": r.typ, "side_a": r.sideA, "side_a_new_id": r.sideAID, "side_b": r.sideB, "side_b_new_id": r.sideBID,
		"where_prec": r.wherePrec, "where_coordinates": r.where, "adm_1": r.adm1, "latitude": r.lat, "longitude": r.lon,
		"country": r.country, "date_prec": r.datePrec, "date_start": r.start, "date_end": r.end, "best": r.best,
	}
	var rec []string
	for h := range strings.SplitSeq(gedHeader, ",") {
		rec = append(rec, cells[h])
	}
	return csvtest.Record(rec...)
}

var good = gedRow{"1", "1", "Government of Syria", "120", "Syrian insurgents", "1046", "1", "Aleppo town", "Aleppo governorate", "36.2021", "37.1343", "Syria", "1", "2016-02-01", "2016-02-01", "3"}

func file(rows ...gedRow) string {
	var b strings.Builder
	b.WriteString(gedHeader + "\n")
	for _, r := range rows {
		b.WriteString(r.csv())
	}
	return b.String()
}

func with(f func(*gedRow)) gedRow {
	r := good
	f(&r)
	return r
}

func TestErrors(t *testing.T) {
	second := func(f func(*gedRow)) string { return file(good, with(func(r *gedRow) { r.id = "2"; f(r) })) }
	importer.Errors(t, []csvtest.ErrorCase{
		{Name: "empty file", Want: "ucdpged: row 1: no header: the file is empty", Is: ucdpged.ErrMissing, Row: 1},
		{Name: "missing column", In: strings.Replace(gedHeader, ",date_prec,", ",", 1) + "\n", Want: "ucdpged: row 1: column date_prec: no such column in the header", Is: ucdpged.ErrMissing, Row: 1, Column: "date_prec"},
		{Name: "empty id", In: second(func(r *gedRow) { r.id = "" }), Want: "ucdpged: row 3: column id: empty", Is: ucdpged.ErrMissing, Row: 3, Column: "id"},
		{Name: "duplicate id", In: file(good, good), Want: `ucdpged: row 3: column id: "1": event ID already on row 2`, Is: ucdpged.ErrInvalid, Row: 3, Column: "id"},
		{Name: "bad type", In: second(func(r *gedRow) { r.typ = "4" }), Want: `ucdpged: row 3: column type_of_violence: "4": invalid type of violence: want 1, 2 or 3`, Is: ucdpged.ErrInvalid, Row: 3, Column: "type_of_violence"},
		{Name: "bad where_prec", In: second(func(r *gedRow) { r.wherePrec = "0" }), Want: `ucdpged: row 3: column where_prec: "0": invalid where_prec: want 1 to 7`, Is: ucdpged.ErrInvalid, Row: 3, Column: "where_prec"},
		{Name: "bad date_prec", In: second(func(r *gedRow) { r.datePrec = "six" }), Want: `ucdpged: row 3: column date_prec: "six": invalid date_prec: want 1 to 5`, Is: ucdpged.ErrInvalid, Row: 3, Column: "date_prec"},
		{Name: "bad date", In: second(func(r *gedRow) { r.start = "2015-13-01" }), Want: `ucdpged: row 3: column date_start: "2015-13-01": invalid date: want YYYY-MM-DD`, Is: ucdpged.ErrInvalid, Row: 3, Column: "date_start"},
		{Name: "bad time of day", In: second(func(r *gedRow) { r.end = "2016-02-01 noon" }), Want: `ucdpged: row 3: column date_end: "2016-02-01 noon": invalid date: want YYYY-MM-DD`, Is: ucdpged.ErrInvalid, Row: 3, Column: "date_end"},
		{Name: "year 9999", In: second(func(r *gedRow) { r.start, r.end = "9999-01-01", "9999-01-01" }), Want: `ucdpged: row 3: column date_start: "9999-01-01": date out of range: want a year from 1 to 9998`, Is: ucdpged.ErrInvalid, Row: 3, Column: "date_start"},
		{Name: "end before start", In: second(func(r *gedRow) { r.end = "2016-01-31" }), Want: `ucdpged: row 3: column date_end: "2016-01-31": date_end is before date_start`, Is: ucdpged.ErrInvalid, Row: 3, Column: "date_end"},
		{Name: "empty side", In: second(func(r *gedRow) { r.sideB = "" }), Want: "ucdpged: row 3: column side_b: empty", Is: ucdpged.ErrMissing, Row: 3, Column: "side_b"},
		{Name: "bad actor ID", In: second(func(r *gedRow) { r.sideAID = "-1" }), Want: `ucdpged: row 3: column side_a_new_id: "-1": invalid UCDP actor ID`, Is: ucdpged.ErrInvalid, Row: 3, Column: "side_a_new_id"},
		{Name: "no place name", In: second(func(r *gedRow) { r.where = "" }), Want: "ucdpged: row 3: column where_coordinates: empty: where_prec 1 and 2 name a place", Is: ucdpged.ErrMissing, Row: 3, Column: "where_coordinates"},
		{Name: "no latitude", In: second(func(r *gedRow) { r.lat = "" }), Want: "ucdpged: row 3: column latitude: empty: where_prec 1 and 2 have a point", Is: ucdpged.ErrMissing, Row: 3, Column: "latitude"},
		{Name: "bad longitude", In: second(func(r *gedRow) { r.lon = "181" }), Want: `ucdpged: row 3: column longitude: "181": invalid coordinate: want a number from -180 to 180`, Is: ucdpged.ErrInvalid, Row: 3, Column: "longitude"},
		{Name: "NaN latitude", In: second(func(r *gedRow) { r.lat = "NaN" }), Want: `ucdpged: row 3: column latitude: "NaN": invalid coordinate: want a number from -90 to 90`, Is: ucdpged.ErrInvalid, Row: 3, Column: "latitude"},
		{Name: "bad deaths", In: second(func(r *gedRow) { r.best = "-3" }), Want: `ucdpged: row 3: column best: "-3": invalid number of deaths`, Is: ucdpged.ErrInvalid, Row: 3, Column: "best"},
		{Name: "not UTF-8", In: second(func(r *gedRow) { r.sideA = "Gov\xff" }), Want: `ucdpged: row 3: column side_a: "Gov\xff": not UTF-8`, Is: ucdpged.ErrInvalid, Row: 3, Column: "side_a"},
		{Name: "short row", In: file(good) + "2,1\n", Want: "ucdpged: row 3: record on line 3: wrong number of fields", Is: csv.ErrFieldCount, Row: 3},
	})
	if _, err := ucdpged.Read(strings.NewReader(file(good)), &ucdpged.Options{MaxGap: -1}); err == nil || err.Error() != "ucdpged: options: MaxGap is negative (-1)" {
		t.Errorf("MaxGap -1: err = %v", err)
	}
	importer.ReaderFails(t, file(good), "ucdpged: row 3: reading: boom")
}

// Random events of a few pairs of sides, with random windows and gaps: on
// every day an event of a pair may have happened, the Conflict says the
// pair possibly or definitely fights; and the library never merges the
// spans of a pair into a period with disputed ends.
func TestSpansCoverEvents(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	sides := []struct{ name, id string }{{"Government of A", "1"}, {"Rebels of A", "2"}, {"Militia B", "3"}}
	for trial := range 200 {
		maxGap := []int{0, 1, 7, 30}[trial%4]
		var rows []gedRow
		type ev struct {
			a, b       string
			start, end time.Time
		}
		var evs []ev
		base := conflict.Day(2014+rng.IntN(3), time.Month(1+rng.IntN(12)), 1).Time()
		for i := range 2 + rng.IntN(12) {
			a, b := rng.IntN(3), rng.IntN(3)
			if a == b {
				b = (a + 1) % 3
			}
			start := base.AddDate(0, 0, rng.IntN(400))
			prec := 1 + rng.IntN(5)
			end := start
			switch prec {
			case 2, 3:
				end = start.AddDate(0, 0, 1+rng.IntN(6))
			case 4:
				start = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
				end = start.AddDate(0, 1, -1)
			case 5:
				if rng.IntN(2) == 0 {
					start = time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
					end = start.AddDate(1, 0, -1)
				} else {
					end = start.AddDate(0, 0, 31+rng.IntN(60))
				}
			}
			r := good
			r.id = fmt.Sprint(i + 1)
			r.typ = fmt.Sprint(1 + rng.IntN(2))
			r.sideA, r.sideAID, r.sideB, r.sideBID = sides[a].name, sides[a].id, sides[b].name, sides[b].id
			r.datePrec = fmt.Sprint(prec)
			r.start, r.end = start.Format(time.DateOnly), end.Format(time.DateOnly)
			rows = append(rows, r)
			evs = append(evs, ev{slug(sides[a].name), slug(sides[b].name), start, end})
		}
		ds, err := ucdpged.Read(strings.NewReader(file(rows...)), &ucdpged.Options{MaxGap: maxGap})
		if err != nil {
			t.Fatal(err)
		}
		c := testutil.Conflict(t, ds)
		for tie := range c.Ties() {
			if tie.Start.Disputed() || tie.End.Disputed() {
				t.Fatalf("trial %d: tie %v has disputed ends; relations:\n%v", trial, tie, ds.Relations)
			}
		}
		if n := len(slices.Collect(c.Ties())); n != len(ds.Relations) {
			t.Fatalf("trial %d: %d relations make %d ties", trial, len(ds.Relations), n)
		}
		for _, e := range evs {
			for d := e.start; !d.After(e.end); d = d.AddDate(0, 0, 1) {
				if !slices.ContainsFunc(c.At(d).Enemies(e.a), func(p conflict.Party) bool { return p.ID == e.b }) {
					t.Fatalf("trial %d: on %s %s does not fight %s; relations:\n%v", trial, d.Format(time.DateOnly), e.a, e.b, ds.Relations)
				}
			}
		}
	}
}

func slug(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "-")) }

// Events dated to the day, against a slow reference: the pair fights
// definitely on every day from the first event of a run to its last, a run
// going on while the gap to the next event is at most MaxGap days, and on
// no other day.
func TestSpansExactDays(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 300 {
		maxGap := rng.IntN(10)
		base := conflict.Day(2016, time.January, 1).Time()
		var rows []gedRow
		fought := map[int]bool{}
		var days []int
		for i := range 1 + rng.IntN(10) {
			d := rng.IntN(60)
			days = append(days, d)
			r := good
			r.id = fmt.Sprint(i + 1)
			r.start = base.AddDate(0, 0, d).Format(time.DateOnly)
			r.end = r.start
			if i%2 == 1 { // the pair in either order
				r.sideA, r.sideAID, r.sideB, r.sideBID = r.sideB, r.sideBID, r.sideA, r.sideAID
			}
			rows = append(rows, r)
		}
		slices.Sort(days)
		for i, d := range days {
			fought[d] = true
			if i > 0 && d-days[i-1]-1 <= maxGap {
				for x := days[i-1]; x < d; x++ {
					fought[x] = true
				}
			}
		}
		ds, err := ucdpged.Read(strings.NewReader(file(rows...)), &ucdpged.Options{MaxGap: maxGap})
		if err != nil {
			t.Fatal(err)
		}
		c := testutil.Conflict(t, ds)
		for d := -3; d < 65; d++ {
			want := conflict.Absent
			if fought[d] {
				want = conflict.Definite
			}
			got := conflict.Absent
			for _, p := range c.At(base.AddDate(0, 0, d)).Enemies("government-of-syria") {
				if p.ID == "syrian-insurgents" {
					got = p.Certainty
				}
			}
			if got != want {
				t.Fatalf("trial %d, MaxGap %d, days %v: day %d: %v, want %v; relations:\n%v", trial, maxGap, days, d, got, want, ds.Relations)
			}
		}
	}
}
