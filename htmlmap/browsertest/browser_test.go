package browsertest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/conflictgraph/conflict/htmlmap"
	"github.com/conflictgraph/conflict/internal/testutil"
)

var screenshot = flag.String("screenshot", "", "save a picture of the worked example's page to this PNG file")

// browser starts headless Chromium with the flags that work on a machine
// without a network or a GPU, in a fresh profile, and returns a tab's
// context. It records every request the page makes and every exception its
// script throws.
func browser(t *testing.T, chromium string) (context.Context, *recorder) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1340, 760),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)

	rec := &recorder{}
	err := chromedp.Listen(ctx, func(ev any) {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			rec.requests = append(rec.requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			rec.exceptions = append(rec.exceptions, fmt.Sprintf("%s (line %d)", msg, d.LineNumber+1))
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1340, 760)); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

// eval evaluates a JavaScript expression in the page and returns its value.
func eval[T any](ctx context.Context, js string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](js))
}

// A recorder keeps what the page did.
type recorder struct {
	mu         sync.Mutex
	requests   []string
	exceptions []string
}

// writePage writes the worked example's page to a file and returns its URL.
func writePage(t *testing.T) string {
	t.Helper()
	c := testutil.Load(t, filepath.Join("..", "..", testutil.SyriaFile))
	var b bytes.Buffer
	if err := htmlmap.Write(&b, c, htmlmap.Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "syria.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// setDay moves the slider to day, as dragging it does (the browser sets
// the value and fires input), and returns the date the page shows.
func setDay(ctx context.Context, day string) (string, error) {
	js := fmt.Sprintf(`(() => {
		const data = JSON.parse(document.getElementById('data').textContent);
		const d = Math.round((Date.parse(%q + 'T00:00:00Z') - Date.parse(data.start + 'T00:00:00Z')) / 864e5);
		const s = document.getElementById('day');
		s.value = d;
		s.dispatchEvent(new Event('input', {bubbles: true}));
		s.dispatchEvent(new Event('change', {bubbles: true}));
		return document.getElementById('date').textContent;
	})()`, day)
	return eval[string](ctx, js)
}

// fillOf returns the computed fill of a place's marker.
func fillOf(ctx context.Context, place string) (string, error) {
	return eval[string](ctx, fmt.Sprintf(`getComputedStyle(document.querySelector('.place[data-id=%q] .mark')).fill`, place))
}

// legendColor returns the computed colour of the legend's swatch for the
// party named name, or "" if the legend does not name it.
func legendColor(ctx context.Context, name string) (string, error) {
	js := fmt.Sprintf(`(() => {
		for (const li of document.querySelectorAll('#legend .parties li')) {
			if (li.textContent === %q) return getComputedStyle(li.querySelector('.sw')).backgroundColor;
		}
		return '';
	})()`, name)
	return eval[string](ctx, js)
}

// TestSyriaPage opens the worked example's page and uses it as a reader
// would.
func TestSyriaPage(t *testing.T) {
	chromium := testutil.NeedTool(t, "chromium", "chromium")
	page := writePage(t)
	ctx, rec := browser(t, chromium)
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#map"))); err != nil {
		t.Fatal(err)
	}

	t.Run("slider", func(t *testing.T) {
		tests := []struct {
			day, shown, place, holder string // holder: the party's name; "" for stripes
		}{
			{"2015-05-20", "20 May 2015", "palmyra", "Syrian government"},
			{"2015-05-21", "21 May 2015", "palmyra", "Islamic State"},
			{"2016-01-01", "1 January 2016", "palmyra", "Islamic State"},
			{"2016-03-26", "26 March 2016", "palmyra", "Islamic State"},
			{"2016-03-27", "27 March 2016", "palmyra", "Syrian government"},
			{"2016-04-06", "6 April 2016", "palmyra", "Syrian government"},
			{"2015-07-31", "31 July 2015", "al-qaryatayn", "Syrian government"},
			{"2015-08-15", "15 August 2015", "al-qaryatayn", ""}, // taken some time in August: either may hold it
			{"2015-09-01", "1 September 2015", "al-qaryatayn", "Islamic State"},
		}
		for _, tt := range tests {
			shown, err := setDay(ctx, tt.day)
			if err != nil {
				t.Fatal(err)
			}
			if shown != tt.shown {
				t.Errorf("slider at %s: the page shows %q, want %q", tt.day, shown, tt.shown)
			}
			fill, err := fillOf(ctx, tt.place)
			if err != nil {
				t.Fatal(err)
			}
			if tt.holder == "" {
				if !strings.HasPrefix(fill, "url(") {
					t.Errorf("%s on %s: fill %s, want a pattern", tt.place, tt.day, fill)
				}
				continue
			}
			want, err := legendColor(ctx, tt.holder)
			if err != nil {
				t.Fatal(err)
			}
			if want == "" || fill != want {
				t.Errorf("%s on %s: fill %s, want %s's colour %q", tt.place, tt.day, fill, tt.holder, want)
			}
		}
		gov, _ := legendColor(ctx, "Syrian government")
		isis, _ := legendColor(ctx, "Islamic State")
		if gov == isis {
			t.Errorf("the government and ISIS share the colour %s", gov)
		}
	})

	t.Run("hover", func(t *testing.T) {
		if _, err := setDay(ctx, "2016-04-06"); err != nil {
			t.Fatal(err)
		}
		x, y := markerCentre(t, ctx, "palmyra")
		if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y)); err != nil {
			t.Fatal(err)
		}
		hidden, err := eval[bool](ctx, `document.getElementById('tip').hidden`)
		if err != nil {
			t.Fatal(err)
		}
		tip, err := eval[string](ctx, `document.getElementById('tip').textContent`)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"Palmyra",
			"city in Homs Governorate",
			"6 April 2016: Syrian government holds it, since 27 Mar 2016.",
			"Institute for the Study of War: \u201cISIS Recaptures Palmyra in Major Blow to Pro-Regime Forces\u201d (13 Dec 2016)",
			"The Soufan Group",
		} {
			if hidden || !strings.Contains(tip, want) {
				t.Errorf("hovering over Palmyra: the tip (hidden %v) reads %q, want it to say %q", hidden, tip, want)
			}
		}
		if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, 5, 5)); err != nil {
			t.Fatal(err)
		}
		if hidden, err = eval[bool](ctx, `document.getElementById('tip').hidden`); err != nil {
			t.Fatal(err)
		}
		if !hidden {
			t.Error("the tip stays after the mouse leaves")
		}
	})

	t.Run("click", func(t *testing.T) {
		if _, err := setDay(ctx, "2016-01-01"); err != nil {
			t.Fatal(err)
		}
		x, y := markerCentre(t, ctx, "palmyra")
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
			t.Fatal(err)
		}
		rows, err := eval[[]string](ctx, `Array.from(document.querySelectorAll('#panel ol li')).map(li => li.querySelector('.who').textContent + ' | ' + li.querySelector('.when').textContent)`)
		if err != nil {
			t.Fatal(err)
		}
		now, err := eval[string](ctx, `Array.from(document.querySelectorAll('#panel ol li.in')).map(li => li.textContent).join('')`)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"Syrian government | before the record \u2013 21 May 2015",
			"Islamic State | 21 May 2015 \u2013 27 Mar 2016",
			"Syrian government | 27 Mar 2016 \u2013 11 Dec 2016",
			"Islamic State | 11 Dec 2016 \u2013 no end claimed",
		}
		if strings.Join(rows, "\n") != strings.Join(want, "\n") {
			t.Errorf("Palmyra's holders:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
		if !strings.HasPrefix(now, "Islamic Stateholds it") {
			t.Errorf("the holding in force on 1 January 2016 reads %q, want ISIS's", now)
		}
		// The panel follows the slider.
		if _, err := setDay(ctx, "2016-04-06"); err != nil {
			t.Fatal(err)
		}
		if now, err = eval[string](ctx, `Array.from(document.querySelectorAll('#panel ol li.in .who')).map(e => e.textContent).join()`); err != nil {
			t.Fatal(err)
		}
		if now != "Syrian government" {
			t.Errorf("on 6 April 2016 the panel marks %q as holding Palmyra", now)
		}
	})

	t.Run("labels", func(t *testing.T) {
		// The boxes of the names as the browser draws them, in its fonts.
		js := `Array.from(document.querySelectorAll('#map .labels text')).map(t => {
			const b = t.getBBox();
			return {Text: t.textContent, X: b.x, Y: b.y, Width: b.width, Height: b.height};
		})`
		boxes, err := eval[[]struct {
			Text                string
			X, Y, Width, Height float64
		}](ctx, js)
		if err != nil {
			t.Fatal(err)
		}
		if len(boxes) < 25 {
			t.Errorf("%d names on the map, want most of the 30 places and some countries", len(boxes))
		}
		for i, a := range boxes {
			if a.X < 0 || a.Y < 0 || a.X+a.Width > 960 || a.Y+a.Height > 600 {
				t.Errorf("%q at %+v leaves the map", a.Text, a)
			}
			for _, b := range boxes[i+1:] {
				if a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height {
					t.Errorf("%q %+v and %q %+v overlap", a.Text, a, b.Text, b)
				}
			}
		}
	})

	t.Run("play", func(t *testing.T) {
		const value = `+document.getElementById('day').value`
		before, err := eval[int](ctx, value)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#play")), chromedp.Sleep(400*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		after, err := eval[int](ctx, value)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#play"))); err != nil {
			t.Fatal(err)
		}
		playing, err := eval[int](ctx, `document.querySelectorAll('#play.on').length`)
		if err != nil {
			t.Fatal(err)
		}
		if after <= before {
			t.Errorf("after playing for 0.4 s the slider is at day %d, from %d", after, before)
		}
		if playing != 0 {
			t.Error("the second click does not stop playing")
		}
	})

	t.Run("picture", func(t *testing.T) {
		if _, err := setDay(ctx, "2015-08-15"); err != nil {
			t.Fatal(err)
		}
		x, y := markerCentre(t, ctx, "palmyra")
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y), chromedp.MouseEvent(chromedp.MouseMoved, 5, 5)); err != nil {
			t.Fatal(err)
		}
		pic, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(pic))
		if err != nil {
			t.Fatalf("the screenshot is no PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 600 {
			t.Errorf("the screenshot is %v", b)
		}
		if *screenshot != "" {
			if err := os.WriteFile(*screenshot, pic, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})

	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, u := range rec.requests {
		if u != page {
			t.Errorf("the page asked for %s", u)
		}
	}
	for _, e := range rec.exceptions {
		t.Errorf("the script threw: %s", e)
	}
}

// markerCentre returns where a place's marker is on the screen.
func markerCentre(t *testing.T, ctx context.Context, place string) (x, y float64) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		const b = document.querySelector('.place[data-id=%q] .mark').getBoundingClientRect();
		return {X: b.left + b.width / 2, Y: b.top + b.height / 2};
	})()`, place)
	r, err := eval[struct{ X, Y float64 }](ctx, js)
	if err != nil {
		t.Fatal(err)
	}
	return r.X, r.Y
}
