package ucdpacd_test

import (
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/ucdpacd"
	"github.com/google/go-cmp/cmp"
)

// realFile returns the path of the UCDP/PRIO ACD v25.1 in peacesciencer's
// long form (see testdata/ucdp-acd-v25.1/README.md), unpacked into a
// temporary directory; UCDP_ACD_CSV names another copy to test instead.
func realFile(t *testing.T) string {
	t.Helper()
	if path := os.Getenv("UCDP_ACD_CSV"); path != "" {
		return path
	}
	f, err := os.Open(filepath.Join("testdata", "ucdp-acd-v25.1", "ucdp_acd.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ucdp_acd.csv")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, z); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// importer describes package ucdpacd to the shared harness. The library
// must find no disagreement among the relations of any file.
var importer = csvtest.Importer[ucdpacd.Options, *ucdpacd.Error]{
	Name:    "ucdpacd",
	Read:    ucdpacd.Read,
	Where:   func(e *ucdpacd.Error) (int, string) { return e.Row, e.Column },
	Missing: ucdpacd.ErrMissing,
	Invalid: ucdpacd.ErrInvalid,
	Skipped: ucdpacd.ErrSkipped,
	Invariant: func(t testing.TB, ds conflict.Dataset, c *conflict.Conflict) {
		for tie := range c.Ties() {
			if tie.Start.Disputed() || tie.End.Disputed() {
				t.Fatalf("tie %v has disputed ends", tie)
			}
		}
		if n := len(slices.Collect(c.Ties())); n != len(ds.Relations) {
			t.Fatalf("%d relations make %d ties", len(ds.Relations), n)
		}
	},
}

// midYear is an instant inside year y.
func midYear(y int) time.Time { return conflict.Day(y, time.July, 1).Time() }

func day(s string) time.Time { return conflict.MustParseDate(s).Time() }

// acdRow is one row of the file, as the test reads it itself.
type acdRow struct {
	conflict, year   int
	a, a2, b, b2     string
	intensity        int
	typ              string
	start2, prec2    string
	epEnd, epEndDate string
	line             int
}

// readRows reads the file with encoding/csv alone, independently of the
// package.
func readRows(t *testing.T, path string) []acdRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var rows []acdRow
	for i, r := range recs[1:] {
		c, err1 := strconv.Atoi(r[col["conflict_id"]])
		y, err2 := strconv.Atoi(r[col["year"]])
		n, err3 := strconv.Atoi(r[col["intensity_level"]])
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("row %d: %v %v %v", i+2, err1, err2, err3)
		}
		rows = append(rows, acdRow{c, y, r[col["gwno_a"]], r[col["gwno_a_2nd"]], r[col["gwno_b"]], r[col["gwno_b_2nd"]],
			n, r[col["type_of_conflict"]], r[col["start_date2"]], r[col["start_prec2"]], r[col["ep_end"]], r[col["ep_end_date"]], i + 2})
	}
	return rows
}

// firstActive returns the first day of a row's year on which its conflict
// was active: the day of the episode's first battle-related death if it
// is in the year and known to the day, else the first day of the year.
func (r acdRow) firstActive() time.Time {
	if strings.HasPrefix(r.start2, strconv.Itoa(r.year)+"-") && r.prec2 == "1" {
		return day(r.start2)
	}
	return conflict.Day(r.year, time.January, 1).Time()
}

// noteConflicts reads the conflicts and years a relation's note names:
// "troops; UCDP conflicts 299 (2015-2024), 13604 (2016)".
func noteConflicts(t *testing.T, note string) map[int][]int {
	t.Helper()
	out := map[int][]int{}
	for _, m := range regexp.MustCompile(`(\d+) \(([-0-9, ]+)\)`).FindAllStringSubmatch(note, -1) {
		c, _ := strconv.Atoi(m[1])
		for r := range strings.SplitSeq(m[2], ", ") {
			lo, hi, ok := strings.Cut(r, "-")
			a, _ := strconv.Atoi(lo)
			b := a
			if ok {
				b, _ = strconv.Atoi(hi)
			}
			for y := a; y <= b; y++ {
				out[c] = append(out[c], y)
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("note %q names no conflict", note)
	}
	return out
}

// certainty returns how surely, at t, party a fights b (kind fights) or b
// backs a (kind supports), in c.
func certainty(c *conflict.Conflict, at time.Time, kind conflict.RelationKind, a, b string) conflict.Certainty {
	m := c.At(at)
	if kind == conflict.RelationFights {
		for _, p := range m.Enemies(a) {
			if p.ID == b {
				return p.Certainty
			}
		}
		return conflict.Absent
	}
	for _, s := range m.Supporters(a) {
		if s.ID == b && s.Support.Has(conflict.SupportTroops) {
			return s.Certainty
		}
	}
	return conflict.Absent
}

// The facts of the README of the real file, and every row of it, checked
// against the Conflict the import makes.
func TestRealFile(t *testing.T) {
	path := realFile(t)
	rows := readRows(t, path)
	ds := importer.ReadFile(t, path, &ucdpacd.Options{Source: ucdpacd.Source("25.1")})
	c := testutil.Conflict(t, ds)
	importer.Invariant(t, ds, c)

	// Counts, computed here from the CSV.
	conflicts, conflictYears := map[int]bool{}, map[[2]int]bool{}
	sides, backers, oppositions := map[string]bool{}, map[string]bool{}, map[int]bool{}
	lastRow := map[int]acdRow{}
	for _, r := range rows {
		conflicts[r.conflict] = true
		conflictYears[[2]int{r.conflict, r.year}] = true
		sides[r.a] = true
		if r.b != "" {
			sides[r.b] = true
		} else {
			oppositions[r.conflict] = true
		}
		for _, s := range []string{r.a2, r.b2} {
			if s != "" {
				backers[s] = true
			}
		}
		if r.year >= lastRow[r.conflict].year {
			lastRow[r.conflict] = r
		}
	}
	if len(rows) != 5652 || len(conflicts) != 303 || len(conflictYears) != 2752 {
		t.Errorf("the file has %d rows, %d conflicts, %d conflict-years; its README says 5652, 303, 2752", len(rows), len(conflicts), len(conflictYears))
	}
	onlyBackers := 0
	for s := range backers {
		if !sides[s] {
			onlyBackers++
		}
	}
	if got, want := len(ds.Backers), onlyBackers; got != want {
		t.Errorf("%d backers, want %d (states in gwno_a_2nd or gwno_b_2nd and on no side)", got, want)
	}
	if got, want := len(ds.Actors), len(sides)+len(oppositions); got != want {
		t.Errorf("%d actors, want %d (%d states on a side + %d oppositions)", got, want, len(sides), len(oppositions))
	}
	if len(ds.Sources) != 1 || ds.Sources[0].ID != "ucdp-acd-25.1" {
		t.Errorf("sources = %+v, want the one ucdp-acd-25.1", ds.Sources)
	}

	// One node per state, found by the note that gives its code.
	stateID := map[string]string{}
	code := regexp.MustCompile(`^Gleditsch-Ward state (\d+)\.$`)
	note := func(id, n string) {
		if m := code.FindStringSubmatch(n); m != nil {
			if old, ok := stateID[m[1]]; ok {
				t.Errorf("state %s is two nodes, %s and %s", m[1], old, id)
			}
			stateID[m[1]] = id
		}
	}
	for _, a := range ds.Actors {
		note(a.ID, a.Note)
	}
	for _, b := range ds.Backers {
		note(b.ID, b.Note)
	}
	if len(stateID) != len(sides)+onlyBackers {
		t.Errorf("%d states have nodes, want %d", len(stateID), len(sides)+onlyBackers)
	}
	// Russia is one node: an actor that fights Ukraine in 2022 and backs
	// the Syrian government in 2016.
	if id := stateID["365"]; id != "russia-government" {
		t.Errorf("Russia is %q, want russia-government", id)
	}
	if _, ok := c.Actor("russia-government"); !ok {
		t.Error("Russia is not an actor")
	}
	if _, ok := c.Node("russia"); ok {
		t.Error("a node russia besides russia-government")
	}
	if got := certainty(c, day("2022-06-01"), conflict.RelationFights, "russia-government", "ukraine-government"); got != conflict.Definite {
		t.Errorf("Russia fights Ukraine on 2022-06-01: %v, want definite", got)
	}

	// Every conflict-year is behind a fights relation, and nothing else is;
	// every year a relation's note names is within its span.
	fought := map[[2]int]bool{}
	for _, r := range ds.Relations {
		for cid, years := range noteConflicts(t, r.Note) {
			for _, y := range years {
				if y < r.Start.Year() || !r.End.IsZero() && y > r.End.Year() {
					t.Errorf("%s %s %s [%s, %s): note names %d in %d", r.From, r.Kind, r.To, r.Start, r.End, cid, y)
				}
				if r.Kind == conflict.RelationFights {
					fought[[2]int{cid, y}] = true
				}
			}
		}
	}
	cmpSets(t, "conflict-years behind fights relations", conflictYears, fought)

	// Every row is in the Conflict: from the first day its conflict was
	// active in the year, side A fights side B and the backers support
	// their side, possibly or definitely.
	for _, r := range rows {
		on := r.firstActive()
		a := stateID[r.a]
		b := "conflict-" + strconv.Itoa(r.conflict) + "-opposition"
		if r.b != "" {
			b = stateID[r.b]
		}
		if certainty(c, on, conflict.RelationFights, a, b) == conflict.Absent {
			t.Errorf("row %d: %s does not fight %s on %s", r.line, a, b, on.Format(time.DateOnly))
		}
		for _, s := range [][2]string{{r.a2, a}, {r.b2, b}} {
			if s[0] != "" && certainty(c, on, conflict.RelationSupports, s[1], stateID[s[0]]) == conflict.Absent {
				t.Errorf("row %d: %s does not back %s with troops on %s", r.line, stateID[s[0]], s[1], on.Format(time.DateOnly))
			}
		}
	}

	// Conflict 13809's episodes, fought between the Syrian government and
	// one opposition: from 2016-04-23 to 2016-11-28, from 2018-09-08 to
	// 2018-12-23, and from 2023-11-06 on, as the last still went on in
	// 2024. Fighting in a dated episode is definite.
	for _, tc := range []struct {
		on   string
		want conflict.Certainty
	}{
		{"2016-04-22", conflict.Absent},
		{"2016-04-23", conflict.Definite},
		{"2016-06-01", conflict.Definite},
		{"2016-11-28", conflict.Definite},
		{"2016-11-29", conflict.Absent},
		{"2017-06-01", conflict.Absent},
		{"2018-09-07", conflict.Absent},
		{"2018-09-08", conflict.Definite},
		{"2018-12-23", conflict.Definite},
		{"2018-12-24", conflict.Absent},
		{"2023-11-05", conflict.Absent},
		{"2023-11-06", conflict.Definite},
		{"2024-12-31", conflict.Definite},
		{"2026-01-01", conflict.Definite},
	} {
		if got := certainty(c, day(tc.on), conflict.RelationFights, "syria-government", "conflict-13809-opposition"); got != tc.want {
			t.Errorf("conflict 13809 on %s: %v, want %v", tc.on, got, tc.want)
		}
	}

	// A conflict whose episode went on in its last row has a fights
	// relation with no end; one whose episode ended, an end.
	open := map[int]bool{}
	for _, r := range ds.Relations {
		if r.Kind == conflict.RelationFights && r.End.IsZero() {
			for cid := range noteConflicts(t, r.Note) {
				open[cid] = true
			}
		}
	}
	for cid, r := range lastRow {
		if goesOn := r.epEnd == "0"; open[cid] != goesOn {
			t.Errorf("conflict %d, last row %d (%d, ep_end %s): open %v, want %v", cid, r.line, r.year, r.epEnd, open[cid], goesOn)
		}
	}

	// The attributes: the conflicts in the note, and the highest intensity
	// of their years.
	intensity := map[[2]int]int{}
	for _, r := range rows {
		intensity[[2]int{r.conflict, r.year}] = r.intensity
	}
	for _, r := range ds.Relations {
		var ids []string
		highest := 0
		byYear := map[int]int{}
		names := noteConflicts(t, r.Note)
		for _, cid := range slices.Sorted(maps.Keys(names)) {
			ids = append(ids, strconv.Itoa(cid))
			for _, y := range names[cid] {
				highest = max(highest, intensity[[2]int{cid, y}])
				byYear[y] = max(byYear[y], intensity[[2]int{cid, y}])
			}
		}
		if got := r.Attributes["conflict_id"]; got != strings.Join(ids, ", ") {
			t.Errorf("%s %s %s: conflict_id %q, want %q", r.From, r.Kind, r.To, got, strings.Join(ids, ", "))
		}
		if got := r.Attributes["intensity_level"]; got != strconv.Itoa(highest) {
			t.Errorf("%s %s %s: intensity_level %q, want %d", r.From, r.Kind, r.To, got, highest)
		}
		for y, n := range byYear {
			if !strings.Contains(r.Attributes["intensity_level_by_year"], strconv.Itoa(n)+" (") {
				t.Errorf("%s %s %s: intensity_level_by_year %q lacks %d, of %d", r.From, r.Kind, r.To, r.Attributes["intensity_level_by_year"], n, y)
			}
		}
	}
	// Conflict 299: intrastate up to 2014, internationalized from 2015.
	for _, r := range ds.Relations {
		if r.Kind == conflict.RelationFights && r.To == "conflict-299-opposition" && r.End.IsZero() {
			if got, want := r.Attributes["type_of_conflict"], "intrastate (2011-2014), II (2015-2024)"; got != want {
				t.Errorf("conflict 299's type_of_conflict %q, want %q", got, want)
			}
			if got, want := r.Start.String(), "2011-08-02"; got != want {
				t.Errorf("conflict 299's fighting starts on %s, want %s", got, want)
			}
		}
	}

	// Russia and Iran back the Syrian government with troops in 2016,
	// definitely: 2016 is inside their span of 2015 on.
	got := c.At(midYear(2016)).Supporters("syria-government")
	want := []conflict.Supporter{
		{ID: "iran-government", Support: conflict.SupportTroops, Certainty: conflict.Definite},
		{ID: "russia-government", Support: conflict.SupportTroops, Certainty: conflict.Definite},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("backers of syria-government in 2016 (-want +got):\n%s", diff)
	}
	// Turkey backs side B of conflict 299 from 2020 on, and in no other
	// year.
	for y := 2011; y <= 2024; y++ {
		backs := slices.ContainsFunc(c.At(midYear(y)).Supporters("conflict-299-opposition"), func(k conflict.Supporter) bool { return k.ID == "turkey-government" })
		if backs != (y >= 2020) {
			t.Errorf("turkey backs conflict-299-opposition in %d: %v, want %v", y, backs, !backs)
		}
	}
	var turkey []string
	for _, r := range ds.Relations {
		if r.From == "turkey-government" && r.To == "conflict-299-opposition" {
			turkey = append(turkey, r.Start.String()+"/"+r.End.String())
		}
	}
	if diff := cmp.Diff([]string{"2020/"}, turkey); diff != "" {
		t.Errorf("turkey supports conflict-299-opposition spans (-want +got):\n%s", diff)
	}

	// In 2016 Russia is a secondary party in exactly three conflicts: 299
	// and 13604 on the Syrian government's side, 13306 on the side of the
	// opposition in Ukraine. From the CSV, and from the import.
	fromCSV := map[int]bool{}
	for _, r := range rows {
		if r.year == 2016 && (r.a2 == "365" || r.b2 == "365") {
			fromCSV[r.conflict] = true
		}
	}
	fromImport := map[int]bool{}
	for _, r := range ds.Relations {
		if r.Kind == conflict.RelationSupports && r.From == "russia-government" {
			for cid, years := range noteConflicts(t, r.Note) {
				if slices.Contains(years, 2016) {
					fromImport[cid] = true
				}
			}
		}
	}
	want3 := map[int]bool{299: true, 13604: true, 13306: true}
	cmpSets(t, "conflicts Russia backs in 2016, from the CSV", want3, fromCSV)
	cmpSets(t, "conflicts Russia backs in 2016, from the import", want3, fromImport)
	gotRu := map[string]bool{}
	for r := range c.At(midYear(2016)).Ties() {
		if r.Kind == conflict.RelationSupports && r.From == "russia-government" {
			gotRu[r.To] = true
		}
	}
	cmpSets(t, "parties Russia backs in 2016", map[string]bool{"syria-government": true, "conflict-13306-opposition": true}, gotRu)
}

func cmpSets[K comparable](t *testing.T, what string, want, got map[K]bool) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

// The fixtures in both layouts, through Add and Save, as golden files.
// peacesciencer.csv holds rows of the real file (CC BY 4.0, UCDP) and one
// invented row with a code the table lacks; ucdp.csv holds rows in UCDP's
// own layout (lists of codes, side names, a version), written for the tests
// after the real values.
func TestGolden(t *testing.T) {
	importer.Goldens(t, []csvtest.Golden[ucdpacd.Options]{
		{In: "peacesciencer.csv", Out: "peacesciencer.golden.json"},
		{In: "ucdp.csv", Out: "ucdp.golden.json"},
		{In: "peacesciencer.csv", Out: "options.golden.json", Opt: &ucdpacd.Options{
			Source:    conflict.Source{ID: "acd", Title: "ACD, my copy"},
			Conflicts: []int{299, 13306},
			From:      2015,
			To:        2016,
		}},
	})
}

// The result depends on the rows, not on their order.
func TestRowOrder(t *testing.T) {
	for _, name := range []string{"peacesciencer.csv", "ucdp.csv"} {
		t.Run(name, func(t *testing.T) { testRowOrder(t, name) })
	}
}

func testRowOrder(t *testing.T, name string) {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
	want, err := ucdpacd.Read(strings.NewReader(string(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		rows := slices.Clone(lines[1:])
		rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		for i := range rows {
			rows[i] = strings.TrimSuffix(rows[i], "\n") + "\n"
		}
		got, err := ucdpacd.Read(strings.NewReader(lines[0]+strings.Join(rows, "")), nil)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("shuffled rows (-want +got):\n%s", diff)
		}
	}
}

func TestSource(t *testing.T) {
	for _, tc := range []struct{ version, id, title string }{
		{"", "ucdp-acd", "UCDP/PRIO Armed Conflict Dataset"},
		{"25.1", "ucdp-acd-25.1", "UCDP/PRIO Armed Conflict Dataset, version 25.1"},
		{" 25.1 ", "ucdp-acd-25.1", "UCDP/PRIO Armed Conflict Dataset, version 25.1"},
		{"25 1", "ucdp-acd", "UCDP/PRIO Armed Conflict Dataset, version 25 1"},
	} {
		s := ucdpacd.Source(tc.version)
		if s.ID != tc.id || s.Title != tc.title || s.URL == "" || s.Outlet == "" || !strings.Contains(s.Note, "CC BY 4.0") {
			t.Errorf("Source(%q) = %+v, want ID %q, title %q, a URL, an outlet and the licence", tc.version, s, tc.id, tc.title)
		}
	}
}

const header = "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd\n"

func TestErrors(t *testing.T) {
	importer.Errors(t, []csvtest.ErrorCase{
		{Name: "empty file", Want: "ucdpacd: row 1: no header: the file is empty", Is: ucdpacd.ErrMissing, Row: 1},
		{Name: "missing column", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b\n", Want: "ucdpacd: row 1: column gwno_b_2nd: no such column in the header", Is: ucdpacd.ErrMissing, Row: 1, Column: "gwno_b_2nd"},
		{Name: "column twice", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,YEAR\n", Want: `ucdpacd: row 1: column year: "year": column named twice in the header`, Is: ucdpacd.ErrInvalid, Row: 1, Column: "year"},
		{Name: "empty conflict", In: header + "299,2016,652,,,\n,2016,652,,,\n", Want: "ucdpacd: row 3: column conflict_id: empty", Is: ucdpacd.ErrMissing, Row: 3, Column: "conflict_id"},
		{Name: "bad conflict", In: header + "x299,2016,652,,,\n", Want: `ucdpacd: row 2: column conflict_id: "x299": invalid conflict ID`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "conflict_id"},
		{Name: "bad year", In: header + "299,19x6,652,,,\n", Want: `ucdpacd: row 2: column year: "19x6": invalid year`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "year"},
		{Name: "year 0", In: header + "299,0,652,,,\n", Want: `ucdpacd: row 2: column year: "0": invalid year`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "year"},
		{Name: "year 10000", In: header + "299,10000,652,,,\n", Want: `ucdpacd: row 2: column year: "10000": invalid year`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "year"},
		{Name: "empty side A", In: header + "299,2016,,,,\n", Want: "ucdpacd: row 2: column gwno_a: empty: side A is a state", Is: ucdpacd.ErrMissing, Row: 2, Column: "gwno_a"},
		{Name: "bad code", In: header + "299,2016,652,\"365, Russia\",,\n", Want: `ucdpacd: row 2: column gwno_a_2nd: "365, Russia": invalid Gleditsch-Ward code`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "gwno_a_2nd"},
		{Name: "code 0", In: header + "299,2016,652,,0,\n", Want: `ucdpacd: row 2: column gwno_b: "0": invalid Gleditsch-Ward code`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "gwno_b"},
		{Name: "empty code in list", In: header + "299,2016,652,,,\"640,\"\n", Want: `ucdpacd: row 2: column gwno_b_2nd: "640,": invalid Gleditsch-Ward code`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "gwno_b_2nd"},
		{Name: "too few cells", In: header + "299,2016,652,,,\n299,2017,652,,\n", Want: "ucdpacd: row 3: record on line 3: wrong number of fields", Is: csv.ErrFieldCount, Row: 3},
		{Name: "bad quote", In: header + "299,2016,652,\"365,,,\n", Want: `ucdpacd: row 2: parse error on line 2, column 22: extraneous or missing " in quoted-field`, Is: csv.ErrQuote, Row: 2},
		{Name: "not UTF-8", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,side_b\n299,2016,652,,,,Syrian insurgents\xff\n", Want: `ucdpacd: row 2: column side_b: "Syrian insurgents\xff": not UTF-8`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "side_b"},
		{Name: "long value", In: header + "299,2016," + strings.Repeat("6", 100) + ",,,\n", Want: `ucdpacd: row 2: column gwno_a: "` + strings.Repeat("6", 80) + `…": invalid Gleditsch-Ward code`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "gwno_a"},
		{Name: "not UTF-8 in a code", In: header + "299,2016,652\xff,,,\n", Want: `ucdpacd: row 2: column gwno_a: "652\xff": not UTF-8`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "gwno_a"},
		{Name: "not UTF-8 in an attribute", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,type_of_conflict\n299,2016,652,,,,intra\xffstate\n",
			Want: `ucdpacd: row 2: column type_of_conflict: "intra\xffstate": not UTF-8`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "type_of_conflict"},
		{Name: "fewer IDs than names", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,side_b,side_b_id\n299,2016,652,,,,\"IS, Syrian insurgents\",234\n",
			Want: `ucdpacd: row 2: column side_b_id: "234": 1 actor IDs for the 2 names of side_b`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "side_b_id"},
		{Name: "bad actor ID", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,side_b,side_b_id\n299,2016,652,,,,IS,x234\n",
			Want: `ucdpacd: row 2: column side_b_id: "x234": invalid UCDP actor ID`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "side_b_id"},
		{Name: "bad intensity", In: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,intensity_level\n299,2016,652,,,,3\n",
			Want: `ucdpacd: row 2: column intensity_level: "3": invalid intensity_level: want 1 or 2`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "intensity_level"},
		{Name: "bad ep_end", In: epHeader + "1,2016,652,,,,,,,,yes,,\n",
			Want: `ucdpacd: row 2: column ep_end: "yes": invalid ep_end: want 0 or 1`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "ep_end"},
		{Name: "bad date", In: epHeader + "1,2016,652,,,,,,2016-02-30,1,0,,\n",
			Want: `ucdpacd: row 2: column start_date2: "2016-02-30": invalid date: want YYYY-MM-DD`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "start_date2"},
		{Name: "date out of range", In: epHeader + "1,9999,652,,,,,,9999-01-01,1,0,,\n",
			Want: `ucdpacd: row 2: column start_date2: "9999-01-01": date out of range: want a year from 1 to 9998`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "start_date2"},
		{Name: "bad precision", In: epHeader + "1,2016,652,,,,,,2016-02-01,0,0,,\n",
			Want: `ucdpacd: row 2: column start_prec2: "0": invalid precision: want a code from 1 to 9`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "start_prec2"},
		{Name: "an episode that begins after the year", In: epHeader + "1,2016,652,,,,,,2017-02-01,1,0,,\n",
			Want: `ucdpacd: row 2: column start_date2: "2017-02-01": after the row's year`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "start_date2"},
		{Name: "a conflict that begins after its episode", In: epHeader + "1,2016,652,,,,2016-03-01,1,2016-02-01,1,0,,\n",
			Want: `ucdpacd: row 2: column start_date: "2016-03-01": after start_date2: the conflict began before the episode`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "start_date"},
		{Name: "an end in another year", In: epHeader + "1,2016,652,,,,,,2016-02-01,1,1,2017-01-01,1\n",
			Want: `ucdpacd: row 2: column ep_end_date: "2017-01-01": not in the row's year, in which the episode ended`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "ep_end_date"},
		{Name: "an end before the start", In: epHeader + "1,2016,652,,,,,,2016-02-01,1,1,2016-01-31,1\n",
			Want: `ucdpacd: row 2: column ep_end_date: "2016-01-31": before the episode began`, Is: ucdpacd.ErrInvalid, Row: 2, Column: "ep_end_date"},
	})
}

// In keep-going mode a bad row is skipped without a trace (its parties,
// relations and episode dates are not added) and the rest is read as if it
// were not there.
func TestKeepGoing(t *testing.T) {
	importer.KeepGoing(t, &ucdpacd.Options{KeepGoing: true}, nil, []csvtest.SkipCase{
		{Name: "bad cells",
			In: epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n" +
				"1,2016,652,365,,,,,2016-03-01,1,1,2016-12-31,x\n" + // would widen the episode, and add a backer
				"2,2016,2,,,,,,,,,,\n" +
				"3,2016,666,,x,,,,,,,,\n",
			Without: epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n2,2016,2,,,,,,,,,,\n",
			Rows:    []int{3, 5}, Columns: []string{"ep_end_prec", "gwno_b"}},
		{Name: "bad CSV, and every other row bad",
			In:      header + "299,2016,652,,,\n299,2017\n299,2018,652,,\"\"x,\n299,19x9,652,,,\n",
			Without: header + "299,2016,652,,,\n",
			Rows:    []int{3, 4, 5}, Columns: []string{"", "", "year"}},
	})
}

// A row after the source's publication is an error; a relation's end that
// the source could not know stays open.
func TestPublished(t *testing.T) {
	src := func(published string) *ucdpacd.Options {
		s := ucdpacd.Source("25.1")
		s.Published = conflict.MustParseDate(published)
		return &ucdpacd.Options{Source: s}
	}
	for _, tc := range []struct {
		name string
		opt  *ucdpacd.Options
		in   string
		err  string
		want []string
	}{
		{"known", src("2016-11-29"), epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n", "",
			[]string{"syria-government fights conflict-1-opposition [2016-04-23, 2016-11-29)"}},
		{"published on the last day", src("2016-11-28"), epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n", "",
			[]string{"syria-government fights conflict-1-opposition [2016-04-23, )"}},
		{"a start after the publication", src("2016-04-22"), epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n",
			`ucdpacd: row 2: column start_date2: "2016-04-23": after the source's publication, 2016-04-22`, nil},
		{"a year after the publication", src("2015"), epHeader + "1,2016,652,,,,,,2015-04-23,1,0,,\n",
			`ucdpacd: row 2: column year: "2016": after the source's publication, 2015`, nil},
		{"published in the year", src("2016"), epHeader + "1,2016,652,,,,,,2015-04-23,1,0,,\n", "",
			[]string{"syria-government fights conflict-1-opposition [2016, )"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := ucdpacd.Read(strings.NewReader(tc.in), tc.opt)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.err {
				t.Fatalf("error %q, want %q", got, tc.err)
			}
			if err != nil {
				return
			}
			testutil.Conflict(t, ds)
			var rels []string
			for _, r := range ds.Relations {
				rels = append(rels, relString(r))
			}
			if diff := cmp.Diff(tc.want, rels); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOptionsError(t *testing.T) {
	_, err := ucdpacd.Read(strings.NewReader(header), &ucdpacd.Options{From: 2016, To: 2015})
	if err == nil || err.Error() != "ucdpacd: options: From (2016) is after To (2015)" {
		t.Errorf("err = %v", err)
	}
}

// A reader that fails is reported with the row it was reading.
func TestReaderError(t *testing.T) {
	importer.ReaderFails(t, header+"299,2016,652,,,\n", "ucdpacd: row 3: reading: boom")
}

// relString writes a relation as "from kind to [start, end)".
func relString(r conflict.Relation) string {
	return fmt.Sprintf("%s %s %s [%s, %s)", r.From, r.Kind, r.To, r.Start, r.End)
}

const epHeader = "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,start_date,start_prec,start_date2,start_prec2,ep_end,ep_end_date,ep_end_prec\n"

// The dates of episodes, at their edges: definite over a dated episode
// between one party on each side, the year's days on which the conflict
// was active otherwise; no end while the episode goes on.
func TestEpisodes(t *testing.T) {
	const syria = "syria-government fights conflict-1-opposition"
	for _, tc := range []struct {
		name string
		in   string
		want []string
		// on each day, how surely the first relation holds
		days map[string]conflict.Certainty
	}{
		{name: "one year", in: epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n",
			want: []string{syria + " [2016-04-23, 2016-11-29)"},
			days: map[string]conflict.Certainty{"2016-04-22": conflict.Absent, "2016-04-23": conflict.Definite,
				"2016-11-28": conflict.Definite, "2016-11-29": conflict.Absent}},
		{name: "years", in: epHeader + "1,2015,652,,,,,,2015-03-01,1,0,,\n1,2016,652,,,,,,2015-03-01,1,1,2016-02-10,1\n",
			want: []string{syria + " [2015-03-01, 2016-02-11)"},
			days: map[string]conflict.Certainty{"2015-02-28": conflict.Absent, "2015-12-31": conflict.Definite, "2016-02-10": conflict.Definite,
				"2016-02-11": conflict.Absent}},
		{name: "goes on", in: epHeader + "1,2015,652,,,,,,2015-03-01,1,0,,\n1,2016,652,,,,,,2015-03-01,1,0,,\n",
			want: []string{syria + " [2015-03-01, )"},
			days: map[string]conflict.Certainty{"2015-03-01": conflict.Definite, "2030-01-01": conflict.Definite}},
		{name: "no ep_end column", in: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,start_date2\n1,2015,652,,,,2015-03-01\n1,2016,652,,,,2015-03-01\n",
			want: []string{syria + " [2015-03-01, 2016)"},
			days: map[string]conflict.Certainty{"2016-06-01": conflict.Possible, "2017-01-01": conflict.Absent}},
		{name: "a start known to a coarser precision", in: epHeader + "1,2016,652,,,,,,2016-04-23,3,1,2016-11-28,1\n",
			want: []string{syria + " [2016-01-01/2016-11-28, 2016-11-29)"},
			days: map[string]conflict.Certainty{"2015-12-31": conflict.Absent, "2016-01-01": conflict.Possible,
				"2016-11-28": conflict.Possible, "2016-11-29": conflict.Absent}},
		{name: "an end known to a coarser precision", in: epHeader + "1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,4\n",
			want: []string{syria + " [2016-04-23, 2016-04-23/2016-12-31)"},
			days: map[string]conflict.Certainty{"2016-04-23": conflict.Possible, "2016-12-31": conflict.Possible, "2017-01-01": conflict.Absent}},
		{name: "a new episode the next year", in: epHeader + "1,2015,652,,,,,,2015-03-01,1,1,2015-06-30,1\n1,2016,652,,,,,,2016-02-01,1,0,,\n",
			want: []string{syria + " [2015-03-01, 2015-07-01)", syria + " [2016-02-01, )"},
			days: map[string]conflict.Certainty{"2015-06-30": conflict.Definite, "2015-07-01": conflict.Absent, "2016-01-31": conflict.Absent}},
		{name: "a year missing", in: epHeader + "1,2015,652,,,,,,2015-03-01,1,0,,\n1,2017,652,,,,,,2015-03-01,1,0,,\n",
			want: []string{syria + " [2015-03-01, 2015-03-01/2015-12-31)", syria + " [2017, )"},
			days: map[string]conflict.Certainty{"2015-03-01": conflict.Possible, "2016-01-01": conflict.Absent}},
		{name: "two states on side A", in: epHeader + "1,2016,\"652, 2\",,,,,,2016-04-23,1,1,2016-11-28,1\n",
			want: []string{"united-states-government fights conflict-1-opposition [2016-04-23/2016-11-28, 2016-04-23/2016-11-28)",
				syria + " [2016-04-23/2016-11-28, 2016-04-23/2016-11-28)"},
			days: map[string]conflict.Certainty{"2016-04-22": conflict.Absent, "2016-06-01": conflict.Possible, "2016-11-29": conflict.Absent}},
		{name: "a backer", in: epHeader + "1,2016,652,365,,,,,2016-04-23,1,1,2016-11-28,1\n1,2017,652,365,,,,,2017-02-01,1,0,,\n",
			want: []string{"russia-government supports syria-government [2016-04-23/2016-11-28, 2016-04-23/2016-11-28)",
				"russia-government supports syria-government [2017-02-01/2017-12-31, )",
				syria + " [2016-04-23, 2016-11-29)", syria + " [2017-02-01, )"}},
		{name: "start_date without start_date2", in: epHeader + "1,2016,652,,,,2016-04-23,1,,,1,2016-11-28,1\n",
			want: []string{syria + " [2016-04-23, 2016-11-29)"}},
		{name: "start_date of an earlier episode", in: epHeader + "1,2016,652,,,,2010-04-23,1,,,1,2016-11-28,1\n",
			want: []string{syria + " [2016-01-01/2016-11-28, 2016-11-29)"}},
		{name: "the last day of a year", in: epHeader + "1,2016,652,,,,,,2016-01-01,1,1,2016-12-31,1\n",
			want: []string{syria + " [2016-01-01, 2017-01-01)"},
			days: map[string]conflict.Certainty{"2015-12-31": conflict.Absent, "2016-01-01": conflict.Definite, "2016-12-31": conflict.Definite, "2017-01-01": conflict.Absent}},
		{name: "one day", in: epHeader + "1,2016,652,,,,,,2016-05-01,1,1,2016-05-01,1\n",
			want: []string{syria + " [2016-05-01, 2016-05-02)"},
			days: map[string]conflict.Certainty{"2016-04-30": conflict.Absent, "2016-05-01": conflict.Definite, "2016-05-02": conflict.Absent}},
		{name: "two conflicts of one pair", in: epHeader + "1,2016,652,,666,,,,2016-03-01,1,1,2016-05-31,1\n2,2016,666,,652,,,,2016-04-01,1,1,2016-09-30,1\n",
			want: []string{"syria-government fights israel-government [2016-03-01, 2016-10-01)"},
			days: map[string]conflict.Certainty{"2016-02-29": conflict.Absent, "2016-03-01": conflict.Definite, "2016-09-30": conflict.Definite}},
		{name: "two conflicts of one pair, one goes on", in: epHeader + "1,2016,652,,666,,,,2016-03-01,1,1,2016-05-31,1\n2,2016,666,,652,,,,2016-04-01,1,0,,\n",
			want: []string{"syria-government fights israel-government [2016-03-01, )"}},
		{name: "in the rows' order or not", in: epHeader + "1,2016,652,,,,,,2015-03-01,1,1,2016-02-10,1\n1,2015,652,,,,,,2015-03-01,1,0,,\n",
			want: []string{syria + " [2015-03-01, 2016-02-11)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := ucdpacd.Read(strings.NewReader(tc.in), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range ds.Relations {
				got = append(got, relString(r))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
			c := testutil.Conflict(t, ds)
			importer.Invariant(t, ds, c)
			r := ds.Relations[0]
			for on, want := range tc.days {
				if got := certainty(c, day(on), r.Kind, r.From, r.To); got != want {
					t.Errorf("on %s: %v, want %v", on, got, want)
				}
			}
		})
	}
}

// The named actors of side B: one per UCDP actor ID across conflicts and
// years, named as UCDP names it in the latest year; by name when the file
// gives no IDs; qualified when the name clashes with a state's; the
// conflict's unnamed opposition only when a row names no one.
func TestNamedParties(t *testing.T) {
	const header = "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,side_b,side_b_id\n"
	type node struct{ ID, Name, Note string }
	for _, tc := range []struct {
		name      string
		in        string
		actors    []node
		relations []string
	}{
		{name: "by ID, across conflicts and names",
			in: header + "299,2016,652,,,,\"IS, Syrian insurgents\",\"234, 1046\"\n259,2016,645,,,,IS,234\n" +
				"299,2017,652,,,640,Syrian insurgents,1046\n299,2018,652,,,,Syrian rebels,1046\n",
			actors: []node{
				{"iraq-government", "Government of Iraq", "Gleditsch-Ward state 645."},
				{"syria-government", "Government of Syria", "Gleditsch-Ward state 652."},
				{"is", "IS", "UCDP actor 234, on side B of UCDP conflicts 259, 299."},
				{"syrian-rebels", "Syrian rebels", "UCDP actor 1046, on side B of UCDP conflict 299. UCDP also names it: Syrian insurgents."},
			},
			relations: []string{
				"turkey-government supports syrian-rebels [2017, 2017)",
				"iraq-government fights is [2016, 2016)",
				"syria-government fights is [2016, 2016)",
				"syria-government fights syrian-rebels [2016, 2018)",
			}},
		{name: "by name",
			in: "conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,side_b\n299,2016,652,,,,\"IS, Syrian insurgents\"\n299,2017,652,,,,\"is , ,Syrian  insurgents\"\n",
			actors: []node{
				{"syria-government", "Government of Syria", "Gleditsch-Ward state 652."},
				{"is", "is", "On side B of UCDP conflict 299. UCDP also names it: IS."}, // the name of the latest year
				{"syrian-insurgents", "Syrian  insurgents", "On side B of UCDP conflict 299. UCDP also names it: Syrian insurgents."},
			},
			relations: []string{
				"syria-government fights is [2016, 2017)",
				"syria-government fights syrian-insurgents [2016, 2017)",
			}},
		{name: "IDs without names",
			in: header + "299,2016,652,,,,,\"234, 1046\"\n",
			actors: []node{
				{"syria-government", "Government of Syria", "Gleditsch-Ward state 652."},
				{"ucdp-actor-234", "UCDP actor 234", "UCDP actor 234, on side B of UCDP conflict 299."},
				{"ucdp-actor-1046", "UCDP actor 1046", "UCDP actor 1046, on side B of UCDP conflict 299."},
			},
			relations: []string{
				"syria-government fights ucdp-actor-234 [2016, 2016)",
				"syria-government fights ucdp-actor-1046 [2016, 2016)",
			}},
		{name: "names that clash with a state's",
			in: header + "1,2016,652,,,,\"Government of Syria, Syria Government\",\"5, 6\"\n",
			actors: []node{
				{"syria-government", "Government of Syria", "Gleditsch-Ward state 652."},
				{"government-of-syria-ucdp-actor-5", "Government of Syria (UCDP actor 5)", "UCDP actor 5, on side B of UCDP conflict 1."},
				{"syria-government-ucdp-actor-6", "Syria Government (UCDP actor 6)", "UCDP actor 6, on side B of UCDP conflict 1."},
			},
			relations: []string{
				"syria-government fights government-of-syria-ucdp-actor-5 [2016, 2016)",
				"syria-government fights syria-government-ucdp-actor-6 [2016, 2016)",
			}},
		{name: "no names: the opposition; a state on side B: no names",
			in: header + "1,2016,652,,,,,\n2,2016,652,,666,,Government of Israel,121\n",
			actors: []node{
				{"syria-government", "Government of Syria", "Gleditsch-Ward state 652."},
				{"israel-government", "Government of Israel", "Gleditsch-Ward state 666."},
				{"conflict-1-opposition", "Opposition in UCDP conflict 1", "The non-state side B of UCDP conflict 1, which the file does not name."},
			},
			relations: []string{
				"syria-government fights israel-government [2016, 2016)",
				"syria-government fights conflict-1-opposition [2016, 2016)",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := ucdpacd.Read(strings.NewReader(tc.in), nil)
			if err != nil {
				t.Fatal(err)
			}
			var actors []node
			for _, a := range ds.Actors {
				actors = append(actors, node{a.ID, a.Name, a.Note})
			}
			if diff := cmp.Diff(tc.actors, actors); diff != "" {
				t.Errorf("actors (-want +got):\n%s", diff)
			}
			var rels []string
			for _, r := range ds.Relations {
				rels = append(rels, relString(r))
			}
			if diff := cmp.Diff(tc.relations, rels); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
			importer.Invariant(t, ds, testutil.Conflict(t, ds))
		})
	}
}
