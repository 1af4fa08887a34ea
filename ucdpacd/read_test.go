package ucdpacd_test

import (
	"compress/gzip"
	"encoding/csv"
	"io"
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

// importer describes package ucdpacd to the shared harness.
var importer = csvtest.Importer[ucdpacd.Options, *ucdpacd.Error]{
	Name:    "ucdpacd",
	Read:    ucdpacd.Read,
	Where:   func(e *ucdpacd.Error) (int, string) { return e.Row, e.Column },
	Missing: ucdpacd.ErrMissing,
	Invalid: ucdpacd.ErrInvalid,
}

// midYear is an instant inside year y.
func midYear(y int) time.Time { return conflict.Day(y, time.July, 1).Time() }

// acdRow is one row of the file, as the test reads it itself.
type acdRow struct {
	conflict, year int
	a, a2, b, b2   string
	line           int
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
		if err1 != nil || err2 != nil {
			t.Fatalf("row %d: %v %v", i+2, err1, err2)
		}
		rows = append(rows, acdRow{c, y, r[col["gwno_a"]], r[col["gwno_a_2nd"]], r[col["gwno_b"]], r[col["gwno_b_2nd"]], i + 2})
	}
	return rows
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

// The facts of the README of the real file, and every row of it, checked
// against the Conflict the import makes.
func TestRealFile(t *testing.T) {
	path := realFile(t)
	rows := readRows(t, path)
	ds := importer.ReadFile(t, path, &ucdpacd.Options{Source: ucdpacd.Source("25.1")})
	c := testutil.Conflict(t, ds)

	// Counts, computed here from the CSV.
	conflicts, conflictYears := map[int]bool{}, map[[2]int]bool{}
	govs, backers, oppositions := map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, r := range rows {
		conflicts[r.conflict] = true
		conflictYears[[2]int{r.conflict, r.year}] = true
		govs[r.a] = true
		if r.b != "" {
			govs[r.b] = true
		} else {
			oppositions[r.conflict] = true
		}
		for _, s := range []string{r.a2, r.b2} {
			if s != "" {
				backers[s] = true
			}
		}
	}
	if len(rows) != 5652 || len(conflicts) != 303 || len(conflictYears) != 2752 {
		t.Errorf("the file has %d rows, %d conflicts, %d conflict-years; its README says 5652, 303, 2752", len(rows), len(conflicts), len(conflictYears))
	}
	if got, want := len(ds.Backers), len(backers); got != want {
		t.Errorf("%d backers, want %d (states in gwno_a_2nd or gwno_b_2nd)", got, want)
	}
	if got, want := len(ds.Actors), len(govs)+len(oppositions); got != want {
		t.Errorf("%d actors, want %d (%d governments + %d oppositions)", got, want, len(govs), len(oppositions))
	}
	if len(ds.Sources) != 1 || ds.Sources[0].ID != "ucdp-acd-25.1" {
		t.Errorf("sources = %+v, want the one ucdp-acd-25.1", ds.Sources)
	}
	// Every conflict-year is behind a fights relation, and nothing else is.
	fought := map[[2]int]bool{}
	for _, r := range ds.Relations {
		if r.Kind != conflict.RelationFights {
			continue
		}
		for cid, years := range noteConflicts(t, r.Note) {
			for _, y := range years {
				if y < r.Start.Year() || y > r.End.Year() {
					t.Errorf("fights %s %s [%s, %s]: note names %d in %d", r.From, r.To, r.Start, r.End, cid, y)
				}
				fought[[2]int{cid, y}] = true
			}
		}
	}
	cmpSets(t, "conflict-years behind fights relations", conflictYears, fought)

	// Every row is in the Conflict: side A fights side B, and the backers
	// support their side, possibly or definitely, in the row's year.
	// The nodes by Gleditsch-Ward code, from the notes that give it.
	govID, backerID := map[string]string{}, map[string]string{}
	code := regexp.MustCompile(`^Gleditsch-Ward state (\d+)\.$`)
	for _, a := range ds.Actors {
		if m := code.FindStringSubmatch(a.Note); m != nil {
			govID[m[1]] = a.ID
		}
	}
	for _, b := range ds.Backers {
		if m := code.FindStringSubmatch(b.Note); m != nil {
			backerID[m[1]] = b.ID
		}
	}
	for _, r := range rows {
		m := c.At(midYear(r.year))
		a := govID[r.a]
		b := "conflict-" + strconv.Itoa(r.conflict) + "-opposition"
		if r.b != "" {
			b = govID[r.b]
		}
		if !slices.ContainsFunc(m.Enemies(a), func(p conflict.Party) bool { return p.ID == b }) {
			t.Errorf("row %d: %s does not fight %s in %d", r.line, a, b, r.year)
		}
		for _, s := range [][2]string{{r.a2, a}, {r.b2, b}} {
			if s[0] == "" {
				continue
			}
			from := backerID[s[0]]
			if !slices.ContainsFunc(m.Supporters(s[1]), func(k conflict.Supporter) bool { return k.ID == from && k.Support.Has(conflict.SupportTroops) }) {
				t.Errorf("row %d: %s does not back %s with troops in %d", r.line, from, s[1], r.year)
			}
		}
	}

	// Russia and Iran back the Syrian government with troops in 2016,
	// definitely: 2016 is inside their span of 2015-2024.
	got := c.At(midYear(2016)).Supporters("syria-government")
	want := []conflict.Supporter{
		{ID: "iran", Support: conflict.SupportTroops, Certainty: conflict.Definite},
		{ID: "russia", Support: conflict.SupportTroops, Certainty: conflict.Definite},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("backers of syria-government in 2016 (-want +got):\n%s", diff)
	}
	// Turkey backs side B of conflict 299 from 2020 to 2024 and in no other
	// year.
	for y := 2011; y <= 2024; y++ {
		backs := slices.ContainsFunc(c.At(midYear(y)).Supporters("conflict-299-opposition"), func(k conflict.Supporter) bool { return k.ID == "turkey" })
		if backs != (y >= 2020) {
			t.Errorf("turkey backs conflict-299-opposition in %d: %v, want %v", y, backs, !backs)
		}
	}
	var turkey []string
	for _, r := range ds.Relations {
		if r.From == "turkey" && r.To == "conflict-299-opposition" {
			turkey = append(turkey, r.Start.String()+"/"+r.End.String())
		}
	}
	if diff := cmp.Diff([]string{"2020/2024"}, turkey); diff != "" {
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
		if r.Kind == conflict.RelationSupports && r.From == "russia" {
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
		if r.Kind == conflict.RelationSupports && r.From == "russia" {
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
	data, err := os.ReadFile(filepath.Join("testdata", "peacesciencer.csv"))
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
	})
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
