package svg_test

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/svg"
	"github.com/google/go-cmp/cmp"
)

// ages returns a record whose ties span the years the library dates: Old
// is held from year 1 to the last day of year 9999, First changes hands in
// year 1, and Modern over three centuries.
func ages(t testing.TB) *conflict.Conflict {
	t.Helper()
	d := conflict.MustParseDate
	s := []string{"s"}
	return testutil.Conflict(t, conflict.Dataset{
		Name:    "Ages",
		Sources: []conflict.Source{{ID: "s"}},
		Actors: []conflict.Actor{
			{ID: "a", Name: "Alpha"},
			{ID: "b", Name: "Bravo"},
			{ID: "c", Name: "Charlie"},
		},
		Locations: []conflict.Location{
			{ID: "old", Name: "Old"},
			{ID: "first", Name: "First"},
			{ID: "modern", Name: "Modern"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "old", Start: d("0001"), End: d("5000-06"), Sources: s},
			{Kind: conflict.RelationControls, From: "b", To: "old", Start: d("5000-06"), End: d("9999-12-31"), Sources: s},

			{Kind: conflict.RelationControls, From: "a", To: "first", End: d("0001-03-15"), Sources: s},
			{Kind: conflict.RelationControls, From: "c", To: "first", Start: d("0001-03-15"), Sources: s},

			{Kind: conflict.RelationControls, From: "b", To: "modern", Start: d("1701-07-04"), End: d("1850"), Sources: s},
			{Kind: conflict.RelationControls, From: "c", To: "modern", Start: d("1850"), Sources: s},
		},
	})
}

// texts returns every text of the picture, in and out of the bars.
func texts(doc document) []string {
	out := slices.Clone(doc.Texts)
	for _, g := range doc.Groups {
		out = append(out, g.Texts...)
	}
	return out
}

// TestSpans draws spans too long for a time.Duration, and in year 1, and
// checks the bars, the axis labels and that rsvg-convert renders them.
func TestSpans(t *testing.T) {
	tests := []struct {
		name string
		opt  svg.Options
		bars []string
		has  []string // texts the picture must have
		not  []string // texts it must not have
	}{
		{
			name: "years 1 to 9999",
			opt:  svg.Options{Places: []string{"old"}},
			bars: []string{
				"Old: possibly Alpha, 1 Jan 1 to 31 Dec 1",
				"Old: Alpha, 1 Jan 2 to 31 May 5000",
				"Old: Alpha or Bravo, 1 Jun 5000 to 30 Jun 5000",
				"Old: Bravo, 1 Jul 5000 to 30 Dec 9999",
			},
			has: []string{
				"Who held each place, day by day: 1 January 1 to 31 December 9999",
				"1000", "2000", "5000", "9000",
				"Bravo, from Jun 5000",
			},
			not: []string{"0", "1", "0001", "10000", "Jan", "J"},
		},
		{
			name: "year 1",
			opt:  svg.Options{Places: []string{"first"}},
			bars: []string{
				"First: Alpha, 1 Jan 1 to 14 Mar 1",
				"First: Charlie, 15 Mar 1 to 31 Dec 1",
			},
			has: []string{
				"Who held each place, day by day: 1 January 1 to 31 December 1",
				"1", "Jan", "Mar", "Dec", "Charlie, from 15 Mar 1",
			},
			not: []string{"0001"},
		},
		{
			name: "from noon on 1 January 1",
			opt:  svg.Options{Places: []string{"first"}, From: time.Date(1, time.January, 1, 12, 0, 0, 0, time.UTC), To: day("0001-04-01")},
			bars: []string{
				"First: Alpha, 1 Jan 1 to 14 Mar 1",
				"First: Charlie, 15 Mar 1 to 31 Mar 1",
			},
			has: []string{"Who held each place, day by day: 1 January 1 to 31 March 1", "Jan", "Feb", "Mar"},
		},
		{
			name: "300 years",
			opt:  svg.Options{Places: []string{"modern"}, From: day("1700-01-01"), To: day("2000-01-01")},
			bars: []string{
				"Modern: Bravo, 4 Jul 1701 to 31 Dec 1849",
				"Modern: Bravo or Charlie, 1 Jan 1850 to 31 Dec 1850",
				"Modern: Charlie, 1 Jan 1851 to 31 Dec 1999",
			},
			has: []string{
				"Who held each place, day by day: 1 January 1700 to 31 December 1999",
				"1700", "1720", "1840", "1980", "Charlie, from 1850",
			},
			// 2000, at the right end, would not fit in the picture.
			not: []string{"1710", "2000", "Jan", "J"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := write(t, ages(t), tt.opt)
			doc := read(t, b)
			if diff := cmp.Diff(tt.bars, bars(doc)); diff != "" {
				t.Errorf("bars (-want +got):\n%s", diff)
			}
			got := texts(doc)
			for _, text := range tt.has {
				if !slices.Contains(got, text) {
					t.Errorf("no text %q in %q", text, got)
				}
			}
			for _, text := range tt.not {
				if slices.Contains(got, text) {
					t.Errorf("text %q in %q", text, got)
				}
			}
			png := render(t, tt.name, b)
			if dir := os.Getenv("SVG_TEST_PNG_DIR"); dir != "" { // to look at them
				if data, err := os.ReadFile(png); err == nil {
					os.WriteFile(dir+"/"+tt.name+".png", data, 0o644)
				}
			}
		})
	}
}

// TestSpanErrors checks the spans that cannot be drawn.
func TestSpanErrors(t *testing.T) {
	c := ages(t)
	tests := []struct {
		name     string
		from, to time.Time
		want     string
	}{
		{"before year 1", time.Date(0, time.December, 31, 0, 0, 0, 0, time.UTC), day("0001-02-01"),
			"svg: From 0000-12-31 is before year 1: svg: span cannot be drawn"},
		{"after year 9999", day("9999-01-01"), time.Date(10000, time.January, 2, 0, 0, 0, 0, time.UTC),
			"svg: To 10000-01-02 is after 1 January 10000, the end of year 9999: svg: span cannot be drawn"},
		{"empty", day("1850-01-01"), day("1850-01-01"),
			"svg: From 1850-01-01 is not before To 1850-01-01: svg: span cannot be drawn"},
		{"same day", day("1850-01-01"), time.Date(1850, time.January, 1, 23, 0, 0, 0, time.UTC),
			"svg: From 1850-01-01 is not before To 1850-01-01: svg: span cannot be drawn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := svg.WriteTimeline(&bytes.Buffer{}, c, svg.Options{Places: []string{"modern"}, From: tt.from, To: tt.to})
			if !errors.Is(err, svg.ErrSpan) {
				t.Fatalf("error %v, want one wrapping ErrSpan", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
	// The last day of year 9999 can be drawn.
	if err := svg.WriteTimeline(&bytes.Buffer{}, c, svg.Options{Places: []string{"old"}, From: day("9999-12-01"), To: time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Errorf("December 9999: %v", err)
	}
}
