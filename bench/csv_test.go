package bench

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// TestWriteCSV checks the windows written for each kind of bound against
// the package's documentation: a day is its own window (lo = hi = last); a
// month or a year runs from its first day (lo) to the first day after it
// (hi), the last day being the day before hi; a disputed bound runs from
// the first day of its earliest claim to the sure day of its latest; open
// ends are -infinity and infinity.
func TestWriteCSV(t *testing.T) {
	c := smallConflict(t)
	var b strings.Builder
	n, err := WriteCSV(&b, c.Ties())
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("WriteCSV wrote %d rows, want 5", n)
	}
	var ties []string
	for tie := range c.Ties() {
		ties = append(ties, tie.String())
	}
	// Rows are numbered in the order of Conflict.Ties.
	rows := map[string]string{
		"a supports b [2015-10 or 2015-11-10, 2017)": "supports,a,b,2015-10-01,2015-11-10,2015-11-10,2017-01-01,2018-01-01,2017-12-31",
		"b supports a [2015-10-20 or 2015-12, …)":    "supports,b,a,2015-10-20,2016-01-01,2015-12-31,infinity,infinity,infinity",
		"a allied c,d [2014, …)":                     `allied,a,"c,d",2014-01-01,2015-01-01,2014-12-31,infinity,infinity,infinity`,
		"a fights b […, …)":                          "fights,a,b,-infinity,-infinity,-infinity,infinity,infinity,infinity",
		"a controls town [2015-08-05, 2016-03)":      "controls,a,town,2015-08-05,2015-08-05,2015-08-05,2016-03-01,2016-04-01,2016-03-31",
	}
	want := strings.Join(Columns, ",") + "\n"
	for i, tie := range ties {
		row, ok := rows[tie]
		if !ok {
			t.Fatalf("unexpected tie %q", tie)
		}
		want += strconv.Itoa(i) + "," + row + "\n"
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WriteCSV (-want +got):\n%s", diff)
	}
}

// TestLoad checks that DuckDB reads what WriteCSV writes (quoted IDs, open
// ends) and answers at the edges of a disputed start.
func TestLoad(t *testing.T) {
	c := smallConflict(t)
	path := filepath.Join(t.TempDir(), "ties.csv")
	if _, _, err := writeCSVFile(path, c); err != nil {
		t.Fatal(err)
	}
	db, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type row struct {
		Kind, From, To string
		Certainty      conflict.Certainty
	}
	const P, D = conflict.Possible, conflict.Definite
	for _, tc := range []struct {
		day  string
		want []row
	}{
		{"2015-08-04", []row{{"allied", "a", "c,d", D}, {"fights", "a", "b", D}}},
		{"2015-09-30", []row{{"allied", "a", "c,d", D}, {"controls", "a", "town", D}, {"fights", "a", "b", D}}},
		{"2015-10-01", []row{{"allied", "a", "c,d", D}, {"controls", "a", "town", D}, {"fights", "a", "b", D}, {"supports", "a", "b", P}}},
		{"2015-11-09", []row{{"allied", "a", "c,d", D}, {"controls", "a", "town", D}, {"fights", "a", "b", D}, {"supports", "a", "b", P}, {"supports", "b", "a", P}}},
		{"2015-11-10", []row{{"allied", "a", "c,d", D}, {"controls", "a", "town", D}, {"fights", "a", "b", D}, {"supports", "a", "b", D}, {"supports", "b", "a", P}}},
		{"2016-03-01", []row{{"allied", "a", "c,d", D}, {"controls", "a", "town", P}, {"fights", "a", "b", D}, {"supports", "a", "b", D}, {"supports", "b", "a", D}}},
		{"2016-04-01", []row{{"allied", "a", "c,d", D}, {"fights", "a", "b", D}, {"supports", "a", "b", D}, {"supports", "b", "a", D}}},
	} {
		at, err := time.Parse(time.DateOnly, tc.day)
		if err != nil {
			t.Fatal(err)
		}
		ties, err := db.Relations(at.Add(13*time.Hour), nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []row
		for _, r := range ties {
			got = append(got, row{r.Kind, r.From, r.To, r.Certainty})
		}
		var lib []row
		for tie := range c.At(at).Ties() {
			lib = append(lib, row{tie.Kind.String(), tie.From, tie.To, tie.Certainty})
		}
		cmpRows := func(a, b row) int { return strings.Compare(a.Kind+a.From+a.To, b.Kind+b.From+b.To) }
		slices.SortFunc(got, cmpRows)
		slices.SortFunc(lib, cmpRows)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Relations on %s (-want +got):\n%s", tc.day, diff)
		}
		if diff := cmp.Diff(tc.want, lib); diff != "" {
			t.Errorf("the library on %s (-want +got):\n%s", tc.day, diff)
		}
	}
}

// smallConflict returns a record with a tie of each kind of bound: a day, a
// month, a year, disputed (the latest claim a day, a month), and open.
func smallConflict(t *testing.T) *conflict.Conflict {
	d := conflict.MustParseDate
	ds := conflict.Dataset{
		Sources: []conflict.Source{{ID: "s1"}, {ID: "s2"}},
		Actors:  []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c,d", Name: `C "D"`}},
		Locations: []conflict.Location{
			{ID: "town", Name: "Town"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "town", Start: d("2015-08-05"), End: d("2016-03"), Sources: []string{"s1"}},
			{Kind: conflict.RelationFights, From: "b", To: "a", Sources: []string{"s1"}},
			{Kind: conflict.RelationAllied, From: "a", To: "c,d", Start: d("2014"), Sources: []string{"s1"}},
			// Two claims on one period that disagree on its start.
			{Kind: conflict.RelationSupports, From: "a", To: "b", Start: d("2015-10"), End: d("2017"), Sources: []string{"s1"}},
			{Kind: conflict.RelationSupports, From: "a", To: "b", Start: d("2015-11-10"), End: d("2017"), Sources: []string{"s2"}},
			// ... and two whose latest claim is a month.
			{Kind: conflict.RelationSupports, From: "b", To: "a", Start: d("2015-10-20"), Sources: []string{"s1"}},
			{Kind: conflict.RelationSupports, From: "b", To: "a", Start: d("2015-12"), Sources: []string{"s2"}},
		},
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	return &c
}
