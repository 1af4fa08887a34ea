package htmlmap_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/htmlmap"
	"github.com/conflictgraph/conflict/internal/testutil"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func write(t *testing.T, c conflict.Record, opt htmlmap.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := htmlmap.Write(&b, c, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden writes the small record, which shows every kind of answer, on
// the day al-Qaryatayn may have fallen. Run with -update to rewrite it.
func TestGolden(t *testing.T) {
	c := testutil.Load(t, filepath.Join("testdata", "small.json"))
	got := write(t, c, htmlmap.Options{At: day("2015-08-15")})
	testutil.Golden(t, filepath.Join("testdata", "small.html"), got)
}

// TestDeterministic writes the worked example twice, from two loads.
func TestDeterministic(t *testing.T) {
	a := write(t, testutil.Syria(t), htmlmap.Options{})
	b := write(t, testutil.Syria(t), htmlmap.Options{})
	if !bytes.Equal(a, b) {
		t.Error("two writes of the worked example differ")
	}
}

// TestSelfContained checks that the page loads nothing: no element with a
// src or href, no style that imports or points outside.
func TestSelfContained(t *testing.T) {
	page := string(write(t, testutil.Syria(t), htmlmap.Options{}))
	page = page[:strings.Index(page, `<script type="application/json"`)] // the data may quote URLs
	for _, re := range []string{`\ssrc=`, `\shref=`, `@import`, `url\((?:["']?)(?:https?:|//)`, `<link`, `<iframe`} {
		if m := regexp.MustCompile(re).FindString(page); m != "" {
			t.Errorf("the page has %q", m)
		}
	}
	if !strings.Contains(page, "<svg id=\"map\"") || !strings.Contains(page, "<path d=\"M") {
		t.Error("the page has no map with outlines")
	}
	if n := len(page); n > 200_000 {
		t.Errorf("the worked example's page is %d bytes: the embedded outlines should be small", n)
	}
}

func TestErrors(t *testing.T) {
	syria := testutil.Syria(t)
	undated := testutil.Conflict(t, conflict.Dataset{
		Sources:   []conflict.Source{{ID: "s"}},
		Actors:    []conflict.Actor{{ID: "a", Name: "A"}},
		Locations: []conflict.Location{{ID: "x", Name: "X", Point: &conflict.Point{Lat: 1, Lon: 2}}},
		Relations: []conflict.Relation{{Kind: conflict.RelationControls, From: "a", To: "x", Sources: []string{"s"}}},
	})
	tests := []struct {
		name string
		c    *conflict.Conflict
		opt  htmlmap.Options
		want error
		text string
	}{
		{"unknown place", syria, htmlmap.Options{Places: []string{"palmyra", "atlantis"}}, htmlmap.ErrUnknownLocation, `"atlantis"`},
		{"party as place", syria, htmlmap.Options{Places: []string{"isis"}}, htmlmap.ErrUnknownLocation, `"isis"`},
		{"undated record, days given", undated, htmlmap.Options{Places: []string{"x"}, From: day("2015-01-01"), To: day("2015-02-01")}, nil, ""},
		{"empty places", syria, htmlmap.Options{Places: []string{}}, htmlmap.ErrSpan, "Places is empty"},
		{"from after to", syria, htmlmap.Options{From: day("2016-01-02"), To: day("2016-01-01")}, htmlmap.ErrSpan, "2016-01-02"},
		{"from is to", syria, htmlmap.Options{From: day("2016-01-01"), To: day("2016-01-01")}, htmlmap.ErrSpan, "not before"},
		{"undated record", undated, htmlmap.Options{}, htmlmap.ErrSpan, "no dated tie"},
		{"empty record", &conflict.Conflict{}, htmlmap.Options{}, htmlmap.ErrSpan, "no location"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := htmlmap.Write(&bytes.Buffer{}, tt.c, tt.opt)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Write: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Write: %v, want an error that wraps %v and says %s", err, tt.want, tt.text)
			}
		})
	}
	t.Run("place without a point", func(t *testing.T) {
		c := testutil.Load(t, filepath.Join("testdata", "small.json"))
		err := htmlmap.Write(&bytes.Buffer{}, c, htmlmap.Options{Places: []string{"palmyra", "nowhere"}})
		if !errors.Is(err, htmlmap.ErrNoPoint) || !strings.Contains(err.Error(), `"nowhere"`) {
			t.Errorf("Write: %v, want an error that wraps ErrNoPoint and names nowhere", err)
		}
	})
}

// TestOptions checks that the options reach the page.
func TestOptions(t *testing.T) {
	c := testutil.Load(t, filepath.Join("testdata", "small.json"))
	page := string(write(t, c, htmlmap.Options{
		Places: []string{"palmyra", "t4"},
		From:   day("2015-05-01"),
		To:     day("2015-07-01"),
		At:     day("2015-06-10"),
		Title:  "Two <places>",
		Colors: map[string]string{"gov": "teal"},
	}))
	for _, want := range []string{
		"<title>Two &lt;places&gt;</title>",
		`<input id="day" type="range" min="0" max="60" step="1" value="40"`, // 1 May to 30 June; 10 June is day 40
		`<output id="date" for="day">10 June 2015</output>`,
		`<span class="sw" style="background:teal"></span>Government</li>`,
		`data-id="palmyra"`,
		`data-id="t4"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, `data-id="qaryatayn"`) {
		t.Error("the page draws a place not asked for")
	}
	// An At outside the days opens on the last day.
	page = string(write(t, c, htmlmap.Options{From: day("2015-05-01"), To: day("2015-07-01"), At: day("2020-01-01")}))
	if !strings.Contains(page, `<output id="date" for="day">30 June 2015</output>`) {
		t.Error("an At past the span does not open on the last day")
	}
}
