package svg_test

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/svg"
	"github.com/google/go-cmp/cmp"
)

func day(s string) time.Time { return conflict.MustParseDate(s).Time() }

// small returns a record with one kind of answer per row: a change on a
// day, a change in a month, sources that disagree, a contest, a siege whose
// end is disputed, a gap, and names that XML must escape.
func small(t testing.TB) *conflict.Conflict {
	t.Helper()
	return testutil.Conflict(t, smallDataset())
}

func smallDataset() conflict.Dataset {
	d := conflict.MustParseDate
	s1, s2 := []string{"s1"}, []string{"s2"}
	return conflict.Dataset{
		Name:    "Small <war> & co",
		Sources: []conflict.Source{{ID: "s1"}, {ID: "s2"}},
		Actors: []conflict.Actor{
			{ID: "a", Name: "Alpha"},
			{ID: "b", Name: `Bravo "B" & sons`},
			{ID: "c", Name: "Charlie"},
		},
		Locations: []conflict.Location{
			{ID: "day", Name: "Dayton"},
			{ID: "month", Name: "Monthly"},
			{ID: "split", Name: "Split <town>"},
			{ID: "fought", Name: "Fought"},
			{ID: "siege", Name: "Siegeville"},
			{ID: "late", Name: "Late"},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "a", To: "day", End: d("2015-05-21"), Sources: s1},
			{Kind: conflict.RelationControls, From: "b", To: "day", Start: d("2015-05-21"), End: d("2015-10-01"), Sources: s1},
			// nothing known from October on

			{Kind: conflict.RelationControls, From: "a", To: "month", End: d("2015-08"), Sources: s1},
			{Kind: conflict.RelationControls, From: "b", To: "month", Start: d("2015-08"), Sources: s1},

			{Kind: conflict.RelationControls, From: "a", To: "split", End: d("2015-03"), Sources: s1},
			{Kind: conflict.RelationControls, From: "a", To: "split", End: d("2015-04-10"), Sources: s2},
			{Kind: conflict.RelationControls, From: "c", To: "split", Start: d("2015-03"), Sources: s1},
			{Kind: conflict.RelationControls, From: "c", To: "split", Start: d("2015-04-10"), Sources: s2},

			{Kind: conflict.RelationContests, From: "a", To: "fought", Start: d("2015-06-01"), End: d("2015-09-01"), Sources: s1},
			{Kind: conflict.RelationContests, From: "c", To: "fought", Start: d("2015-06-01"), End: d("2015-09-01"), Sources: s1},
			{Kind: conflict.RelationControls, From: "a", To: "fought", End: d("2015-06-01"), Sources: s1},
			{Kind: conflict.RelationControls, From: "c", To: "fought", Start: d("2015-09-01"), Sources: s1},

			{Kind: conflict.RelationControls, From: "a", To: "siege", Sources: s1},
			{Kind: conflict.RelationBesieges, From: "c", To: "siege", Start: d("2015-02-01"), Sources: s1},

			{Kind: conflict.RelationControls, From: "c", To: "late", Start: d("2015-06"), Sources: s1},
		},
		Events: []conflict.Event{
			{ID: "broken-1", Kind: conflict.EventSiegeBroken, Date: d("2015-10"), Location: "siege", Actors: []string{"a"}, Sources: s1},
			{ID: "broken-2", Kind: conflict.EventSiegeBroken, Date: d("2015-11-10"), Location: "siege", Actors: []string{"a"}, Sources: s2},
		},
	}
}

var smallOptions = svg.Options{
	Places: []string{"day", "month", "split", "fought", "siege", "late"},
	From:   day("2015-01-01"),
	To:     day("2016-01-01"),
}

func write(t *testing.T, c conflict.Record, opt svg.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := svg.WriteTimeline(&b, c, opt); err != nil {
		t.Fatalf("WriteTimeline: %v", err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	testutil.Golden(t, filepath.Join("testdata", "small.svg"), write(t, small(t), smallOptions))
}

func TestDeterministic(t *testing.T) {
	first := write(t, small(t), smallOptions)
	for range 5 {
		if got := write(t, small(t), smallOptions); !bytes.Equal(got, first) {
			t.Fatalf("two writes differ:\n%s", cmp.Diff(string(first), string(got)))
		}
	}
}

// document is the SVG as the tests read it back.
type document struct {
	XMLName xml.Name `xml:"http://www.w3.org/2000/svg svg"`
	Version string   `xml:"version,attr"`
	Width   string   `xml:"width,attr"`
	Height  string   `xml:"height,attr"`
	Title   string   `xml:"title"`
	Groups  []struct {
		Title string   `xml:"title"`
		Texts []string `xml:"text"`
	} `xml:"g"`
	Texts []string `xml:"text"`
}

func read(t *testing.T, b []byte) document {
	t.Helper()
	var doc document
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if doc.Version != "1.1" {
		t.Errorf("version %q, want 1.1", doc.Version)
	}
	return doc
}

// bars returns the titles of the bars, which say what each shows.
func bars(doc document) []string {
	var out []string
	for _, g := range doc.Groups {
		out = append(out, g.Title)
	}
	return out
}

// TestBars checks every bar against what the record says, day by day.
func TestBars(t *testing.T) {
	doc := read(t, write(t, small(t), smallOptions))
	want := []string{
		"Dayton: Alpha, 1 Jan 2015 to 20 May 2015",
		`Dayton: Bravo "B" & sons, 21 May 2015 to 30 Sep 2015`,
		"Monthly: Alpha, 1 Jan 2015 to 31 Jul 2015",
		`Monthly: Alpha or Bravo "B" & sons, 1 Aug 2015 to 31 Aug 2015`,
		`Monthly: Bravo "B" & sons, 1 Sep 2015 to 31 Dec 2015`,
		"Split <town>: Alpha, 1 Jan 2015 to 28 Feb 2015",
		"Split <town>: Alpha or Charlie, 1 Mar 2015 to 9 Apr 2015",
		"Split <town>: Charlie, 10 Apr 2015 to 31 Dec 2015",
		"Fought: Alpha, 1 Jan 2015 to 31 May 2015",
		"Fought: contested by Alpha and Charlie, 1 Jun 2015 to 31 Aug 2015",
		"Fought: Charlie, 1 Sep 2015 to 31 Dec 2015",
		"Siegeville: Alpha, 1 Jan 2015 to 31 Dec 2015",
		"Siegeville: besieged by Charlie, 1 Feb 2015 to 30 Sep 2015",
		"Siegeville: possibly besieged by Charlie, 1 Oct 2015 to 9 Nov 2015",
		"Late: possibly Charlie, 1 Jun 2015 to 30 Jun 2015",
		"Late: Charlie, 1 Jul 2015 to 31 Dec 2015",
	}
	if diff := cmp.Diff(want, bars(doc)); diff != "" {
		t.Errorf("bars (-want +got):\n%s", diff)
	}
	if doc.Title != "Small <war> & co" {
		t.Errorf("title %q", doc.Title)
	}
	texts := doc.Texts
	for _, g := range doc.Groups {
		texts = append(texts, g.Texts...)
	}
	for _, text := range []string{
		"Dayton", "Split <town>", "2015", "Jan", "Dec", "besieged by Charlie", // row labels, axis
		"Alpha", `Bravo "B" & sons, from 21 May 2015`, "Charlie, from Jun 2015", // in bars
		"hatched: possibly held (a change known only to the month, dates in dispute, or held places within)", // legend
	} {
		if !slices.Contains(texts, text) {
			t.Errorf("no text %q in %q", text, texts)
		}
	}
}

// TestZones checks that a record's time zone does not move the days the
// bars show: the same dataset in a zone west of UTC, east of it, and as far
// east as zones go, draws the same bars.
func TestZones(t *testing.T) {
	want := bars(read(t, write(t, small(t), smallOptions)))
	for _, zone := range []string{"America/Los_Angeles", "Asia/Damascus", "Pacific/Kiritimati"} {
		d := smallDataset()
		d.TimeZone = zone
		got := bars(read(t, write(t, testutil.Conflict(t, d), smallOptions)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: bars (-UTC +%s):\n%s", zone, zone, diff)
		}
	}
}

func TestOptions(t *testing.T) {
	c := small(t)
	t.Run("colors", func(t *testing.T) {
		out := string(write(t, c, svg.Options{Places: []string{"day"}, From: day("2015-01-01"), To: day("2015-12-01"),
			Colors: map[string]string{"b": "teal"}}))
		if !strings.Contains(out, `fill="teal"`) {
			t.Error("the colour given for Bravo is not used")
		}
	})
	t.Run("zero", func(t *testing.T) {
		// Every place with a holder, the years of their changes, the
		// record's name as title.
		doc := read(t, write(t, c, svg.Options{}))
		if doc.Title != "Small <war> & co" {
			t.Errorf("title %q, want the record's name", doc.Title)
		}
		got := bars(doc)
		if len(got) == 0 || got[0] != "Dayton: Alpha, 1 Jan 2015 to 20 May 2015" || got[len(got)-1] != "Late: Charlie, 1 Jul 2015 to 31 Dec 2015" {
			t.Errorf("bars %q: want 2015, every place", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		var empty conflict.Conflict
		for name, tt := range map[string]struct {
			c   *conflict.Conflict
			opt svg.Options
		}{
			"unknown place": {c, svg.Options{Places: []string{"nowhere"}}},
			"a party":       {c, svg.Options{Places: []string{"a"}}},
			"empty span":    {c, svg.Options{From: day("2016-01-01"), To: day("2016-01-01")}},
			"no dates":      {&empty, svg.Options{}},
		} {
			if err := svg.WriteTimeline(&bytes.Buffer{}, tt.c, tt.opt); err == nil {
				t.Errorf("%s: no error", name)
			}
		}
	})
}

// TestSyria draws the worked example's picture and checks the bars against
// its fact sheet.
func TestSyria(t *testing.T) {
	doc := read(t, write(t, testutil.Syria(t), svg.Options{
		Places: []string{"palmyra", "al-qaryatayn", "kuweires-airbase", "t4-airbase", "eastern-aleppo"},
		From:   day("2015-01-01"),
		To:     day("2017-01-01"),
	}))
	got := bars(doc)
	for _, want := range []string{
		"Palmyra: Islamic State, 21 May 2015 to 26 Mar 2016",
		"Palmyra: Syrian government, 27 Mar 2016 to 10 Dec 2016",
		"al-Qaryatayn: Islamic State or Syrian government, 1 Aug 2015 to 31 Aug 2015",
		"Kuweires Airbase: possibly besieged by Islamic State, 1 Oct 2015 to 9 Nov 2015",
		"Eastern Aleppo: Syrian government, 22 Dec 2016 to 31 Dec 2016",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no bar %q in %q", want, got)
		}
	}
}

// TestRendersWithRsvg converts the pictures to PNG with rsvg-convert and
// checks the PNG's size.
func TestRendersWithRsvg(t *testing.T) {
	for name, opt := range map[string]svg.Options{"small": smallOptions, "zero": {}} {
		render(t, name, write(t, small(t), opt))
	}
}

// render converts the picture b to PNG with rsvg-convert, checks that the
// PNG has the picture's size and returns the PNG's path.
func render(t *testing.T, name string, b []byte) string {
	t.Helper()
	bin := testutil.NeedTool(t, "rsvg-convert", "librsvg2-bin")
	doc := read(t, b)
	dir := t.TempDir()
	in, out := filepath.Join(dir, name+".svg"), filepath.Join(dir, name+".png")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(bin, "-o", out, in).CombinedOutput(); err != nil {
		t.Fatalf("rsvg-convert %s: %v\n%s", name, err, msg)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(f)
	f.Close()
	if err != nil {
		t.Fatalf("%s: rsvg-convert wrote no PNG: %v", name, err)
	}
	w, _ := strconv.ParseFloat(doc.Width, 64)
	h, _ := strconv.ParseFloat(doc.Height, 64)
	if cfg.Width < int(w) || cfg.Height < int(h) || cfg.Width > int(w)+1 || cfg.Height > int(h)+1 {
		t.Errorf("%s: PNG is %d×%d, want %s×%s", name, cfg.Width, cfg.Height, doc.Width, doc.Height)
	}
	return out
}
