package geojson_test

// The tests here check the output with @mapbox/geojsonhint, by the script
// in testdata, and open it with GDAL's ogrinfo, the reader behind QGIS,
// comparing what it reads with the library's answers.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/internal/toolcheck"
	"github.com/google/go-cmp/cmp"
)

// The days the worked example's control is checked on, and its place whose
// history is.
var (
	syriaDays  = []string{"2016-04-06", "2016-12-15"}
	syriaPlace = "palmyra"
)

// exports writes the worked example's control on syriaDays and history of
// syriaPlace, and the small record's control and the history of its place
// without a point, and returns the files by name.
func exports(t *testing.T) map[string]string {
	t.Helper()
	syria, s := testutil.Syria(t), small(t)
	outputs := map[string][]byte{
		"syria-history-" + syriaPlace + ".geojson": history(t, syria, syriaPlace),
		"small-control-2015-10-15.geojson":         control(t, s, "2015-10-15"),
		"small-history-q.geojson":                  history(t, s, "q"),
	}
	for _, at := range syriaDays {
		outputs["syria-control-"+at+".geojson"] = control(t, syria, at)
	}
	dir := t.TempDir()
	files := map[string]string{}
	for name, b := range outputs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files[name] = path
	}
	return files
}

// hint returns what geojsonhint says of each file, by path.
func hint(t *testing.T, node toolcheck.Program, paths ...string) map[string][]string {
	t.Helper()
	var out map[string][]struct {
		Message, Level string
		Line           *int
	}
	b := node.Run(t, filepath.Join("testdata", "hint.js"), paths...)
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	said := map[string][]string{}
	for path, messages := range out {
		said[path] = []string{}
		for _, m := range messages {
			line := "?"
			if m.Line != nil {
				line = strconv.Itoa(*m.Line)
			}
			said[path] = append(said[path], "line "+line+": "+m.Level+": "+m.Message)
		}
	}
	return said
}

func TestGeojsonhint(t *testing.T) {
	node := toolcheck.Node(t, "@mapbox/geojsonhint")
	files := exports(t)

	// A file with faults, to show that the script reports them.
	bad := filepath.Join(t.TempDir(), "bad.geojson")
	err := os.WriteFile(bad, []byte(`{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": ["38", 34]}}]}`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{bad}
	for _, path := range files {
		paths = append(paths, path)
	}
	said := hint(t, node, paths...)
	want := []string{
		`line 1: error: "properties" member required`,
		`line 1: error: each element in a position must be a number`,
	}
	if diff := cmp.Diff(want, said[bad]); diff != "" {
		t.Errorf("geojsonhint on a faulty file (-want +got):\n%s", diff)
	}
	for name, path := range files {
		if got, ok := said[path]; !ok || len(got) > 0 {
			t.Errorf("%s: geojsonhint says (checked %v):\n%s", name, ok, strings.Join(got, "\n"))
		}
	}
}

// A layer as ogrinfo -al prints it.
type (
	ogrLayer struct {
		Name, Geometry string
		Count          int
		Fields         map[string]string // name to type
		Features       []ogrFeature
	}
	ogrFeature struct {
		Values map[string]string // "" for null; dates as 2016-04-06
		Point  *[2]float64       // lon, lat; nil for none
	}
)

var (
	ogrField  = regexp.MustCompile(`^(\w+): (.+) \([\d.]+\)$`)
	ogrValue  = regexp.MustCompile(`^  (\w+) \((.+?)\) = (.*)$`)
	ogrPoint  = regexp.MustCompile(`^  POINT \((\S+) (\S+)\)$`)
	ogrHeader = regexp.MustCompile(`^OGRFeature\(.*\):\d+$`)
)

// ogrinfo opens the file at path with ogrinfo and returns its one layer. It
// fails the test if ogrinfo fails or writes to its standard error.
func ogrinfo(t *testing.T, bin, path string) ogrLayer {
	t.Helper()
	cmd := exec.Command(bin, "-ro", "-al", path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("ogrinfo %s: %v\n%s", filepath.Base(path), err, stderr.Bytes())
	}
	l := ogrLayer{Fields: map[string]string{}}
	var f *ogrFeature
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case ogrHeader.MatchString(line):
			l.Features = append(l.Features, ogrFeature{Values: map[string]string{}})
			f = &l.Features[len(l.Features)-1]
		case f != nil:
			if m := ogrValue.FindStringSubmatch(line); m != nil {
				v := m[3]
				switch {
				case v == "(null)":
					v = ""
				case m[2] == "Date":
					v = strings.ReplaceAll(v, "/", "-")
				}
				f.Values[m[1]] = v
			} else if m := ogrPoint.FindStringSubmatch(line); m != nil {
				lon, err1 := strconv.ParseFloat(m[1], 64)
				lat, err2 := strconv.ParseFloat(m[2], 64)
				if err1 != nil || err2 != nil {
					t.Fatalf("ogrinfo %s: %q", filepath.Base(path), line)
				}
				f.Point = &[2]float64{lon, lat}
			}
		default:
			if name, ok := strings.CutPrefix(line, "Layer name: "); ok {
				l.Name = name
			} else if g, ok := strings.CutPrefix(line, "Geometry: "); ok {
				l.Geometry = g
			} else if n, ok := strings.CutPrefix(line, "Feature Count: "); ok {
				l.Count, _ = strconv.Atoi(n)
			} else if m := ogrField.FindStringSubmatch(line); m != nil {
				l.Fields[m[1]] = m[2]
			}
		}
	}
	if l.Count != len(l.Features) {
		t.Fatalf("ogrinfo %s: feature count %d, %d features listed", filepath.Base(path), l.Count, len(l.Features))
	}
	return l
}

// TestOgrinfo opens the output with GDAL and checks what it reads against
// the library's answers: for the control, each place's point, state and
// holder; for a history, each period's holder and ends.
func TestOgrinfo(t *testing.T) {
	bin := testutil.NeedTool(t, "ogrinfo", "gdal-bin")
	files := exports(t)
	for name, c := range map[string]*conflict.Conflict{"syria": testutil.Syria(t), "small": small(t)} {
		days, place := syriaDays, syriaPlace
		if name == "small" {
			days, place = []string{"2015-10-15"}, "q"
		}
		for _, at := range days {
			file := name + "-control-" + at + ".geojson"
			l := ogrinfo(t, bin, files[file])
			if l.Geometry != "Point" {
				t.Errorf("%s: geometry %q, want Point", file, l.Geometry)
			}
			got := map[string]string{}
			for _, f := range l.Features {
				got[f.Values["id"]] = describeControl(f.Point, f.Values["state"], f.Values["holder"], f.Values["at"])
			}
			want := map[string]string{}
			m := c.At(day(at))
			for loc := range c.Locations() {
				if loc.Point != nil {
					ctl := m.Controller(loc.ID)
					want[loc.ID] = describeControl(&[2]float64{loc.Point.Lon, loc.Point.Lat}, ctl.State.String(), ctl.Holder, at)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: places as GDAL reads them (-library +ogrinfo):\n%s", file, diff)
			}
		}

		file := name + "-history-" + place + ".geojson"
		l := ogrinfo(t, bin, files[file])
		loc, _ := c.Location(place)
		var got, want []string
		for _, f := range l.Features {
			got = append(got, describeTenure(f.Point, f.Values["holder"], f.Values["start"], f.Values["end"]))
		}
		for _, tie := range c.History(place) {
			var p *[2]float64
			if loc.Point != nil {
				p = &[2]float64{loc.Point.Lon, loc.Point.Lat}
			}
			want = append(want, describeTenure(p, tie.From, tie.Start.Date.String(), tie.End.Date.String()))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: periods as GDAL reads them (-library +ogrinfo):\n%s", file, diff)
		}
		if l.Name != loc.Name {
			t.Errorf("%s: layer %q, want the place's name %q", file, l.Name, loc.Name)
		}
	}
}

func describeControl(p *[2]float64, state, holder, at string) string {
	return describePoint(p) + " " + state + " " + holder + " on " + at
}

func describeTenure(p *[2]float64, holder, start, end string) string {
	return describePoint(p) + " " + holder + " " + start + "/" + end
}

func describePoint(p *[2]float64) string {
	if p == nil {
		return "nowhere"
	}
	return strconv.FormatFloat(p[0], 'g', -1, 64) + "," + strconv.FormatFloat(p[1], 'g', -1, 64)
}
