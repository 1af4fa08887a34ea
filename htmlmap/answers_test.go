package htmlmap

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// records are the records the tests draw: a small one that shows every kind
// of answer, and the worked example.
func records(t *testing.T) map[string]*conflict.Conflict {
	t.Helper()
	return map[string]*conflict.Conflict{
		"small": testutil.Load(t, filepath.Join("testdata", "small.json")),
		"syria": testutil.Syria(t),
		"west":  west(t),
	}
}

// west returns the small record in a time zone west of UTC, where midnight
// UTC is the evening before.
func west(t *testing.T) *conflict.Conflict {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "small.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d conflict.Dataset
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	d.TimeZone = "America/Los_Angeles"
	return testutil.Conflict(t, d)
}

// buildAll builds the page of every place of c with a point, over the
// record's span.
func buildAll(t *testing.T, c conflict.Record) *page {
	t.Helper()
	ids, err := placeIDs(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	from, to, err := sliderDays(c, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := build(c, ids, from, to, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// segAt returns the segment of segs that holds day d, as the page's script
// picks it.
func segAt(t *testing.T, segs []segment, d int) segment {
	t.Helper()
	for _, s := range segs {
		if s.From <= d && d < s.To {
			return s
		}
	}
	t.Fatalf("no segment holds day %d", d)
	return segment{}
}

// TestSegmentsAgreeWithEveryDay checks the segments, found by asking on the
// change days only, against asking Controller on every day of the span: the
// slow, obviously right way.
func TestSegmentsAgreeWithEveryDay(t *testing.T) {
	for name, c := range records(t) {
		t.Run(name, func(t *testing.T) {
			p := buildAll(t, c)
			b := newBuilder(c, p.from, dayAt(p.from, p.Days))
			for _, pl := range p.Places {
				// The segments tile the span.
				next := 0
				for _, s := range pl.Segs {
					if s.From != next || s.To <= s.From {
						t.Fatalf("%s: segment [%d, %d) after day %d", pl.ID, s.From, s.To, next)
					}
					next = s.To
				}
				if next != p.Days {
					t.Fatalf("%s: segments end on day %d, want %d", pl.ID, next, p.Days)
				}
				for d := range p.Days {
					day := dayAt(p.from, d)
					local := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, c.Zone())
					want := b.answer(c.At(local).Controller(pl.ID), local, b.ties[pl.ID])
					got := segAt(t, pl.Segs, d)
					if !got.same(want) || got.Fill != p.paint(want.fill) {
						t.Fatalf("%s on %s: segment [%d, %d) shows %q (%s), Controller %q (%s)",
							pl.ID, day.Format(time.DateOnly), got.From, got.To, got.Text, got.Fill, want.Text, p.paint(want.fill))
					}
				}
			}
		})
	}
}

// TestZones checks that a record's time zone does not move the days the
// page shows: the same dataset in a zone west of UTC, east of it, and as
// far east as zones go, shows the same answers on the same days.
func TestZones(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "small.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d conflict.Dataset
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	want := buildAll(t, testutil.Conflict(t, d))
	for _, zone := range []string{"America/Los_Angeles", "Asia/Damascus", "Pacific/Kiritimati"} {
		t.Run(zone, func(t *testing.T) {
			d.TimeZone = zone
			got := buildAll(t, testutil.Conflict(t, d))
			if diff := cmp.Diff(want.Places, got.Places, cmpopts.IgnoreUnexported(place{}, segment{}, holding{})); diff != "" {
				t.Errorf("places (-UTC +%s):\n%s", zone, diff)
			}
		})
	}
}

// TestHistoryAgreesWithEveryDay checks each holding's spans against
// Tie.At on every day of the span.
func TestHistoryAgreesWithEveryDay(t *testing.T) {
	for name, c := range records(t) {
		t.Run(name, func(t *testing.T) {
			p := buildAll(t, c)
			for _, pl := range p.Places {
				ties := c.History(pl.ID)
				if len(ties) != len(pl.History) {
					t.Fatalf("%s: %d holdings, History gives %d ties", pl.ID, len(pl.History), len(ties))
				}
				for i, tie := range ties {
					h := pl.History[i]
					if h.Holder != tie.From {
						t.Errorf("%s holding %d: holder %s, want %s", pl.ID, i, h.Holder, tie.From)
					}
					for d := range p.Days {
						day := dayAt(p.from, d)
						want := tie.At(time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, c.Zone())).String()
						got := conflict.Absent.String()
						for _, s := range h.Spans {
							if s.From <= d && d < s.To {
								got = s.Certainty
							}
						}
						if got != want {
							t.Fatalf("%s holding %d (%s) on day %d: %s, Tie.At says %s", pl.ID, i, tie, d, got, want)
						}
					}
				}
			}
		})
	}
}

// TestSyriaAnswers checks what the page shows of the worked example's
// places on the days around their changes.
func TestSyriaAnswers(t *testing.T) {
	p := buildAll(t, testutil.Syria(t))
	type shown struct {
		State, Holder, Certainty, Text string
	}
	tests := []struct {
		place, day string
		want       shown
	}{
		{"palmyra", "2015-05-20", shown{"held", "syrian-government", "definite", "Syrian government holds it"}},
		{"palmyra", "2015-05-21", shown{"held", "isis", "definite", "Islamic State holds it, since 21 May 2015"}},
		{"palmyra", "2016-01-01", shown{"held", "isis", "definite", "Islamic State holds it, since 21 May 2015"}},
		{"palmyra", "2016-03-26", shown{"held", "isis", "definite", "Islamic State holds it, since 21 May 2015"}},
		{"palmyra", "2016-03-27", shown{"held", "syrian-government", "definite", "Syrian government holds it, since 27 Mar 2016"}},
		{"palmyra", "2016-04-06", shown{"held", "syrian-government", "definite", "Syrian government holds it, since 27 Mar 2016"}},
		{"palmyra", "2016-12-11", shown{"held", "isis", "definite", "Islamic State holds it, since 11 Dec 2016"}},
		{"al-qaryatayn", "2015-07-31", shown{"held", "syrian-government", "definite", "Syrian government holds it"}},
		{"al-qaryatayn", "2015-08-01", shown{"held", "", "possible", "Possibly held by Islamic State or Syrian government"}},
		{"al-qaryatayn", "2015-08-31", shown{"held", "", "possible", "Possibly held by Islamic State or Syrian government"}},
		{"al-qaryatayn", "2015-09-01", shown{"held", "isis", "definite", "Islamic State holds it, since Aug 2015"}},
	}
	byID := map[string]*place{}
	for _, pl := range p.Places {
		byID[pl.ID] = pl
	}
	for _, tt := range tests {
		t.Run(tt.place+"/"+tt.day, func(t *testing.T) {
			day, err := time.Parse(time.DateOnly, tt.day)
			if err != nil {
				t.Fatal(err)
			}
			s := segAt(t, byID[tt.place].Segs, dayIndex(p.from, day))
			got := shown{s.State, s.Holder, s.Certainty, s.Text}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if len(s.Sources) == 0 {
				t.Errorf("no sources")
			}
			wantFill := p.Parties[tt.want.Holder].Color
			if tt.want.Holder == "" {
				wantFill = "url(#pat"
			}
			if len(s.Fill) < len(wantFill) || s.Fill[:len(wantFill)] != wantFill {
				t.Errorf("fill %s, want %s", s.Fill, wantFill)
			}
		})
	}
}

func TestBoundText(t *testing.T) {
	tests := []struct {
		b    conflict.Bound
		want string
	}{
		{conflict.Bound{Date: conflict.MustParseDate("2015-05-21")}, "21 May 2015"},
		{conflict.Bound{Date: conflict.MustParseDate("2015-08")}, "Aug 2015"},
		{conflict.Bound{Date: conflict.MustParseDate("2015")}, "2015"},
		{conflict.Bound{Date: conflict.MustParseDate("2015-10"), Last: conflict.MustParseDate("2015-11-10")}, "Oct 2015 or 10 Nov 2015"},
	}
	for _, tt := range tests {
		if got := boundText(tt.b); got != tt.want {
			t.Errorf("boundText(%v) = %q, want %q", tt.b, got, tt.want)
		}
	}
}

func TestChangeDays(t *testing.T) {
	from := time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC)
	b := func(s string) conflict.Bound { return conflict.Bound{Date: conflict.MustParseDate(s)} }
	tests := []struct {
		bounds []conflict.Bound
		n      int
		want   []int
	}{
		{nil, 10, []int{0}},
		{[]conflict.Bound{{}}, 10, []int{0}},                               // open: no change
		{[]conflict.Bound{b("2015-01-03")}, 10, []int{0, 2, 3}},            // a day, and the day after
		{[]conflict.Bound{b("2015-02")}, 100, []int{0, 31, 59, 60}},        // a month: its first day, the first after it
		{[]conflict.Bound{b("2014-12-30"), b("2015-01-11")}, 10, []int{0}}, // outside the span
		{[]conflict.Bound{b("2015-01-05"), b("2015-01-05")}, 10, []int{0, 4, 5}},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, changeDays(from, tt.n, tt.bounds)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestDayIndex(t *testing.T) {
	from := time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		t    time.Time
		want int
	}{
		{from, 0},
		{from.Add(23 * time.Hour), 0},
		{from.Add(24 * time.Hour), 1},
		{from.Add(-time.Nanosecond), -1},
		{time.Date(2016, time.January, 1, 0, 0, 0, 0, time.UTC), 365},
		{time.Date(2015, time.January, 1, 12, 0, 0, 0, time.FixedZone("east", 14*3600)), 0}, // 31 Dec 22:00 UTC, but 1 Jan where given
		{time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), -735598},                      // beyond a Duration's reach
	}
	for _, tt := range tests {
		if got := dayIndex(from, tt.t); got != tt.want {
			t.Errorf("dayIndex(%s) = %d, want %d", tt.t, got, tt.want)
		}
	}
}
