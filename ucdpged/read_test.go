package ucdpged_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/ucdpged"
	"github.com/google/go-cmp/cmp"
)

// importer describes package ucdpged to the shared harness. The library
// must find no disagreement among the fights spans of any file.
var importer = csvtest.Importer[ucdpged.Options, *ucdpged.Error]{
	Name:    "ucdpged",
	Read:    ucdpged.Read,
	Where:   func(e *ucdpged.Error) (int, string) { return e.Row, e.Column },
	Missing: ucdpged.ErrMissing,
	Invalid: ucdpged.ErrInvalid,
	Skipped: ucdpged.ErrSkipped,
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
		// 2016-03-04 to 03-06 (date_prec 2): possible on those days, on no
		// other.
		{"2016-03-03", "is", "sdf", conflict.Absent},
		{"2016-03-04", "is", "sdf", conflict.Possible},
		{"2016-03-06", "is", "sdf", conflict.Possible},
		{"2016-03-07", "is", "sdf", conflict.Absent},
		// One-sided violence makes no fights tie with civilians.
		{"2016-03-15", "is", "civilians", conflict.Absent},
		// A window across the new year, 2016-12-30 to 2017-01-02, after an
		// event known only to 2016: the span reaches into 2017, and no
		// further.
		{"2016-06-01", "government-of-syria", "is", conflict.Possible},
		{"2017-01-01", "government-of-syria", "is", conflict.Possible},
		{"2017-01-02", "government-of-syria", "is", conflict.Possible},
		{"2017-01-03", "government-of-syria", "is", conflict.Absent},
		// 2016-04-01 to 04-30 and 2016-04-29 to 05-02 (date_prec 4 and 2)
		// join: possible from April to 2 May.
		{"2016-03-31", "government-of-syria", "syrian-insurgents", conflict.Absent},
		{"2016-05-02", "government-of-syria", "syrian-insurgents", conflict.Possible},
		{"2016-05-03", "government-of-syria", "syrian-insurgents", conflict.Absent},
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
	if e, _ := c.Event("ged-900009"); e.Location != "" || e.Date != conflict.MustParseDate("2016-12-30/2017-01-02") {
		t.Errorf("event at sea across the new year: %+v, want no location, dated 2016-12-30/2017-01-02", e)
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
		// Against a slow reference, day by day, for each pair: the windows
		// of a run (joined while the gap is at most MaxGap days) make the
		// pair fight possibly on every day from the run's first day to its
		// last, and definitely from the earliest last day of its windows
		// (when some event surely had happened) to the latest first day
		// (when some event surely had yet to happen); a change that may fall on
		// one of two days, which no Date names, takes in a day more.
		for i := range sides {
			for j := i + 1; j < len(sides); j++ {
				a, b := slug(sides[i].name), slug(sides[j].name)
				var ws [][2]time.Time
				for _, e := range evs {
					if e.a == a && e.b == b || e.a == b && e.b == a {
						ws = append(ws, [2]time.Time{e.start, e.end})
					}
				}
				want := fightsReference(ws, maxGap)
				for d := base.AddDate(0, 0, -3); d.Before(base.AddDate(1, 3, 0)); d = d.AddDate(0, 0, 1) {
					got := conflict.Absent
					for _, p := range c.At(d).Enemies(a) {
						if p.ID == b {
							got = p.Certainty
						}
					}
					if got != want(d) {
						t.Fatalf("trial %d, MaxGap %d: on %s %s fights %s %v, want %v; windows %v; relations:\n%v",
							trial, maxGap, d.Format(time.DateOnly), a, b, got, want(d), ws, ds.Relations)
					}
				}
			}
		}
	}
}

// fightsReference returns, for the windows of a pair's events, how surely
// the pair fights on a day: the slow, plain reading of the package's
// documentation.
func fightsReference(ws [][2]time.Time, maxGap int) func(time.Time) conflict.Certainty {
	slices.SortFunc(ws, func(x, y [2]time.Time) int { return x[0].Compare(y[0]) })
	type run struct{ lo, hi, firstHi, lastLo time.Time }
	var runs []run
	for _, w := range ws {
		if n := len(runs); n > 0 && !w[0].After(runs[n-1].hi.AddDate(0, 0, maxGap+1)) {
			r := &runs[n-1]
			if w[1].After(r.hi) {
				r.hi = w[1]
			}
			if w[1].Before(r.firstHi) {
				r.firstHi = w[1]
			}
			if w[0].After(r.lastLo) {
				r.lastLo = w[0]
			}
			continue
		}
		runs = append(runs, run{w[0], w[1], w[1], w[0]})
	}
	day := 24 * time.Hour
	return func(d time.Time) conflict.Certainty {
		for _, r := range runs {
			lo, hi := r.lo, r.hi
			if !r.firstHi.After(r.lastLo) {
				// No Date names a change on one of two days: the span
				// takes in a day more, before its start and after its end.
				if r.firstHi.Sub(r.lo) == day {
					lo = lo.Add(-day)
				}
				if r.hi.Sub(r.lastLo) == day {
					hi = hi.Add(day)
				}
			}
			switch {
			case !d.Before(r.firstHi) && !d.After(r.lastLo):
				return conflict.Definite
			case !d.Before(lo) && !d.After(hi):
				return conflict.Possible
			}
		}
		return conflict.Absent
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

// In keep-going mode a bad row is skipped without a trace (its new sides,
// places and fighting are not added) and the rest is read as if it were
// not there.
func TestKeepGoing(t *testing.T) {
	ghost := func(id string, f func(*gedRow)) gedRow {
		return with(func(r *gedRow) {
			r.id, r.sideA, r.sideAID, r.country, r.adm1, r.where = id, "Ghost Brigade", "999", "Atlantis", "Deep", "Sunken City"
			f(r)
		})
	}
	second := with(func(r *gedRow) { r.id, r.start, r.end = "2", "2016-02-03", "2016-02-03" })
	importer.KeepGoing(t, &ucdpged.Options{KeepGoing: true}, nil, []csvtest.SkipCase{
		{Name: "bad cells",
			In: file(good, ghost("10", func(r *gedRow) { r.start = "2016-13-01" }), second,
				ghost("11", func(r *gedRow) { r.lon = "181" }), ghost("12", func(r *gedRow) { r.sideBID = "x" })),
			Without: file(good, second),
			Rows:    []int{3, 5, 6}, Columns: []string{"date_start", "longitude", "side_b_new_id"}},
		{Name: "a duplicate ID",
			In:      file(good, with(func(r *gedRow) { r.start, r.end = "2016-03-01", "2016-03-01" }), second),
			Without: file(good, second),
			Rows:    []int{3}, Columns: []string{"id"}},
		{Name: "not UTF-8, and bad CSV",
			In:      file(ghost("10", func(r *gedRow) { r.where = "Sunken\xffCity" }), good) + "3,1\n" + second.csv(),
			Without: file(good, second),
			Rows:    []int{2, 4}, Columns: []string{"where_coordinates", ""}},
	})
}

// An event that may only have happened after the source's publication is
// an error; a span whose end the source could not know stays open.
func TestPublished(t *testing.T) {
	src := func(published string) ucdpged.Options {
		s := ucdpged.Source("25.1")
		s.Published = conflict.MustParseDate(published)
		return ucdpged.Options{Source: s}
	}
	window := func(start, end string) gedRow {
		return with(func(r *gedRow) { r.start, r.end = start, end })
	}
	for _, tc := range []struct {
		name       string
		opt        ucdpged.Options
		row        gedRow
		err        string
		start, end string // of the fights span
	}{
		{"a day before", src("2016-02-02"), good, "", "2016-02-01", "2016-02-02"},
		{"on the day", src("2016-02-01"), good, "", "2016-02-01", ""},
		{"the day after", src("2016-01-31"), good,
			`ucdpged: row 2: column date_start: "2016-02-01": after the source's publication, 2016-01-31`, "", ""},
		{"a window that begins before", src("2016-02-01"), window("2016-01-31", "2016-02-03"), "", "2016-01-31/2016-02-03", "2016-01-31/2016-02-03"},
		{"a window that begins after", src("2016-01-30"), window("2016-01-31", "2016-02-03"),
			`ucdpged: row 2: column date_start: "2016-01-31": after the source's publication, 2016-01-30`, "", ""},
		{"a window that ends before", src("2016-02-03"), window("2016-01-31", "2016-02-02"), "", "2016-01-31/2016-02-02", "2016-01-31/2016-02-02"},
		{"a month", src("2016-02"), window("2016-02-01", "2016-02-29"), "", "2016-02", "2016-02"},
		{"no publication date", ucdpged.Options{}, good, "", "2016-02-01", "2016-02-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := ucdpged.Read(strings.NewReader(file(tc.row)), &tc.opt)
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.Is(err, ucdpged.ErrInvalid) {
					t.Errorf("%v does not wrap ErrInvalid", err)
				}
			}
			if got != tc.err {
				t.Fatalf("error %q, want %q", got, tc.err)
			}
			if err != nil {
				return
			}
			testutil.Conflict(t, ds)
			r := ds.Relations[0]
			if r.Start.String() != tc.start || r.End.String() != tc.end {
				t.Errorf("span [%s, %s), want [%s, %s)", r.Start, r.End, tc.start, tc.end)
			}
		})
	}
}

// realFile returns the contents of the real GED v23.1 sample (see
// testdata/ucdp-ged-v23.1-sample/README.md).
func realFile(t *testing.T) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ucdp-ged-v23.1-sample", "ged231_sample.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Every event of the real sample keeps its window, read here from the CSV
// alone, as its date; and on every day of a window the pair of sides
// possibly fights, definitely when the window is one day.
func TestRealFile(t *testing.T) {
	data := realFile(t)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	ds, err := ucdpged.Read(bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := testutil.Conflict(t, ds)
	if len(ds.Events) != 1000 || len(recs) != 1001 {
		t.Fatalf("%d events from %d rows", len(ds.Events), len(recs)-1)
	}
	byPrec := map[string]int{}
	for i, r := range recs[1:] {
		e := ds.Events[i]
		start, end := r[col["date_start"]][:10], r[col["date_end"]][:10]
		byPrec[r[col["date_prec"]]]++
		want := start + "/" + end
		if start == end {
			want = start
		}
		got := e.Date.String()
		if d, err := conflict.ParseDate(want); err == nil && d.Precision() == conflict.PrecisionInterval {
			// A window that is a whole month or year is written as one.
			if lo, hi := d.Time(), conflict.MustParseDate(end).Time(); hi.AddDate(0, 0, 1).Day() == 1 && lo.Day() == 1 &&
				(lo.Year() == hi.Year() && lo.Month() == hi.Month() || lo.Month() == time.January && hi.Month() == time.December && lo.Year() == hi.Year()) {
				if lo.Month() == hi.Month() {
					want = lo.Format("2006-01")
				} else {
					want = lo.Format("2006")
				}
			}
		}
		if got != want {
			t.Errorf("row %d: %s from %s to %s (date_prec %s): date %s, want %s", i+2, e.ID, start, end, r[col["date_prec"]], got, want)
			continue
		}
		if len(e.Counterparts) == 0 || e.Actors[0] == e.Counterparts[0] {
			continue
		}
		lo, hi := conflict.MustParseDate(start).Time(), conflict.MustParseDate(end).Time()
		for d := lo; !d.After(hi); d = d.AddDate(0, 0, 1) {
			got := conflict.Absent
			for _, p := range c.At(d).Enemies(e.Actors[0]) {
				if p.ID == e.Counterparts[0] {
					got = p.Certainty
				}
			}
			if got == conflict.Absent || start == end && got != conflict.Definite {
				t.Errorf("row %d: %s: on %s %s fights %s: %v", i+2, e.ID, d.Format(time.DateOnly), e.Actors[0], e.Counterparts[0], got)
			}
		}
	}
	if diff := cmp.Diff(map[string]int{"1": 849, "2": 107, "3": 7, "4": 23, "5": 14}, byPrec); diff != "" {
		t.Errorf("events by date_prec, as the README counts them (-want +got):\n%s", diff)
	}
	for tie := range c.Ties() {
		if tie.Start.Disputed() || tie.End.Disputed() {
			t.Errorf("tie %v has disputed ends", tie)
		}
	}
}
