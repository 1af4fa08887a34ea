package svg_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/svg"
	"github.com/google/go-cmp/cmp"
)

// chartRecord returns the area two parties held, as reported: ISIS's
// shrinking from 2015 with two sources disagreeing in December, one
// measure known only to the month and one to the year; the Kurds' growing.
// The numbers are illustrative.
func chartRecord(t testing.TB) *conflict.Conflict {
	t.Helper()
	d := conflict.MustParseDate
	m := func(party string, v float64, date, src string) conflict.Measure {
		return conflict.Measure{Party: party, Quantity: conflict.QuantityAreaKm2, Value: v, Date: d(date), Sources: []string{src}}
	}
	return testutil.Conflict(t, conflict.Dataset{
		Name:    "Territory & <area>, 2015-2016",
		Sources: []conflict.Source{{ID: "ihs"}, {ID: "wire"}, {ID: "isw"}},
		Actors: []conflict.Actor{
			{ID: "isis", Name: "Islamic State"},
			{ID: "sdf", Name: `Syrian Democratic Forces "SDF"`},
			{ID: "gov", Name: "Government"},
		},
		Measures: []conflict.Measure{
			m("isis", 90800, "2015-01", "ihs"),
			m("isis", 82940, "2015-07-06", "ihs"),
			m("isis", 78000, "2015-12-14", "ihs"),
			m("isis", 80000, "2015-12-14", "wire"),
			m("isis", 73440, "2016-03-14", "ihs"),
			m("isis", 68300, "2016-07-04", "ihs"),
			m("isis", 65500, "2016-10-10", "ihs"),
			m("sdf", 15000, "2015", "isw"),
			m("sdf", 19500, "2016-03-15", "isw"),
			m("sdf", 26000, "2016-08-20", "isw"),
			m("sdf", 31000, "2016-12-01", "isw"),
			m("gov", 2500, "2015-06-01", "isw"),
			{Party: "gov", Quantity: conflict.QuantityFighters, Value: 100000, Date: d("2015"), Sources: []string{"isw"}},
		},
	})
}

var chartOptions = svg.ChartOptions{Quantity: conflict.QuantityAreaKm2}

func writeChart(t *testing.T, c *conflict.Conflict, opt svg.ChartOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := svg.WriteChart(&b, c, opt); err != nil {
		t.Fatalf("WriteChart: %v", err)
	}
	return b.Bytes()
}

// pointTitles returns the titles of the points of a chart: the groups in
// the plot's group.
func pointTitles(t *testing.T, b []byte) []string {
	t.Helper()
	var doc struct {
		Plot []struct {
			Points []struct {
				Title string `xml:"title"`
			} `xml:"g"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range doc.Plot {
		for _, p := range g.Points {
			out = append(out, p.Title)
		}
	}
	return out
}

func TestChartGolden(t *testing.T) {
	testutil.Golden(t, filepath.Join("testdata", "chart.svg"), writeChart(t, chartRecord(t), chartOptions))
}

func TestChartDeterministic(t *testing.T) {
	first := writeChart(t, chartRecord(t), chartOptions)
	for range 5 {
		if got := writeChart(t, chartRecord(t), chartOptions); !bytes.Equal(got, first) {
			t.Fatalf("two writes differ:\n%s", cmp.Diff(string(first), string(got)))
		}
	}
}

// TestChartPoints checks that every measure is a point whose tooltip says
// what was reported, and that the texts name the parties, the axis and the
// ways to read the points.
func TestChartPoints(t *testing.T) {
	b := writeChart(t, chartRecord(t), chartOptions)
	doc, got := read(t, b), pointTitles(t, b)
	want := []string{
		"Islamic State: 90,800 km², Jan 2015 (ihs)",
		"Islamic State: 82,940 km², 6 Jul 2015 (ihs)",
		"Islamic State: 78,000 km², 14 Dec 2015 (ihs)",
		"Islamic State: 80,000 km², 14 Dec 2015 (wire)",
		"Islamic State: 73,440 km², 14 Mar 2016 (ihs)",
		"Islamic State: 68,300 km², 4 Jul 2016 (ihs)",
		"Islamic State: 65,500 km², 10 Oct 2016 (ihs)",
		`Syrian Democratic Forces "SDF": 15,000 km², 2015 (isw)`,
		`Syrian Democratic Forces "SDF": 19,500 km², 15 Mar 2016 (isw)`,
		`Syrian Democratic Forces "SDF": 26,000 km², 20 Aug 2016 (isw)`,
		`Syrian Democratic Forces "SDF": 31,000 km², 1 Dec 2016 (isw)`,
		"Government: 2,500 km², 1 Jun 2015 (isw)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("points (-want +got):\n%s", diff)
	}
	if doc.Title != "Territory & <area>, 2015-2016" {
		t.Errorf("title %q", doc.Title)
	}
	for _, text := range []string{
		"Area held (km²), as reported: 1 January 2015 to 31 December 2016",
		"0", "20,000", "100,000", "Jan", "2015", "2016",
		"Islamic State", `Syrian Democratic Forces "SDF"`, "Government",
		"bar through a point: dated only to that month, season or year",
		"points one above the other: sources that disagree; the line runs through their mean",
	} {
		if !slices.Contains(doc.Texts, text) {
			t.Errorf("no text %q in %q", text, doc.Texts)
		}
	}
}

func TestChartOptions(t *testing.T) {
	c := chartRecord(t)
	t.Run("parties and span", func(t *testing.T) {
		b := writeChart(t, c, svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, Parties: []string{"sdf"},
			From: day("2016-01-01"), To: day("2016-07-01"), Title: "SDF", Colors: map[string]string{"sdf": "teal"}})
		doc, got := read(t, b), pointTitles(t, b)
		if !bytes.Contains(b, []byte(`stroke="teal"`)) {
			t.Error("the colour given for the SDF is not used")
		}
		if want := []string{`Syrian Democratic Forces "SDF": 19,500 km², 15 Mar 2016 (isw)`}; !slices.Equal(got, want) {
			t.Errorf("points %q, want %q", got, want)
		}
		if doc.Title != "SDF" {
			t.Errorf("title %q", doc.Title)
		}
	})
	t.Run("another quantity", func(t *testing.T) {
		got := pointTitles(t, writeChart(t, c, svg.ChartOptions{Quantity: conflict.QuantityFighters}))
		if want := []string{"Government: 100,000 fighters, 2015 (isw)"}; !slices.Equal(got, want) {
			t.Errorf("points %q, want %q", got, want)
		}
	})
	for name, tt := range map[string]struct {
		opt svg.ChartOptions
		err error
	}{
		"no quantity":   {svg.ChartOptions{}, nil},
		"a place":       {svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, Parties: []string{"nowhere"}}, nil},
		"empty span":    {svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, From: day("2016-01-01"), To: day("2016-01-01")}, svg.ErrSpan},
		"no measures":   {svg.ChartOptions{Quantity: conflict.QuantityWounded}, svg.ErrNoMeasures},
		"none in range": {svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, From: day("2020-01-01"), To: day("2021-01-01")}, svg.ErrNoMeasures},
	} {
		err := svg.WriteChart(&bytes.Buffer{}, c, tt.opt)
		if err == nil || tt.err != nil && !errors.Is(err, tt.err) {
			t.Errorf("%s: %v, want an error wrapping %v", name, err, tt.err)
		}
	}
}

// TestChartRendersWithRsvg converts the chart to PNG with rsvg-convert and
// checks the PNG's size.
func TestChartRendersWithRsvg(t *testing.T) {
	render(t, "chart", writeChart(t, chartRecord(t), chartOptions))
}
