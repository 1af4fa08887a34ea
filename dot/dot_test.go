package dot_test

import (
	"bytes"
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/dot"
	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/google/go-cmp/cmp"
)

// odd is a name that DOT must escape: quotes and a backslash.
const odd = `Say "hi" \ bye`

// small returns a record with every kind of relation, a party whose name
// needs escaping, a party whose ID does, and ties that only possibly hold
// on 2015-05-15.
func small(t testing.TB) *conflict.Conflict {
	t.Helper()
	d := conflict.MustParseDate
	src := []string{"s"}
	return testutil.Conflict(t, conflict.Dataset{
		Name:    "small",
		Sources: []conflict.Source{{ID: "s"}},
		Actors: []conflict.Actor{
			{ID: "gov", Name: "Government", Kind: conflict.ActorGovernment},
			{ID: "reb", Name: odd, Kind: conflict.ActorRebelGroup},
			{ID: "mil", Name: "Militia", Kind: conflict.ActorMilitia},
			{ID: `q"x\y`, Name: "Quoted ID"},
		},
		Backers:   []conflict.Backer{{ID: "ally", Name: "Ally", Kind: conflict.BackerState}},
		Locations: []conflict.Location{{ID: "town", Name: "Town", Kind: conflict.LocationTown}, {ID: "fort", Name: "Fort"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationSupports, From: "ally", To: "gov", Start: d("2015-01-01"), Support: conflict.SupportAirPower, Sources: src},
			{Kind: conflict.RelationAllied, From: "ally", To: "mil", Sources: src},
			{Kind: conflict.RelationFights, From: "reb", To: "gov", Sources: src},
			{Kind: conflict.RelationCeasefire, From: "gov", To: "reb", Start: d("2015-05"), Sources: src},
			{Kind: conflict.RelationPartOf, From: "mil", To: "gov", Sources: src},
			{Kind: conflict.RelationControls, From: "gov", To: "town", Sources: src},
			{Kind: conflict.RelationBesieges, From: "reb", To: "town", Sources: src},
			{Kind: conflict.RelationContests, From: "gov", To: "fort", Sources: src},
			{Kind: conflict.RelationContests, From: `q"x\y`, To: "fort", Sources: src},
			{Kind: conflict.RelationFights, From: `q"x\y`, To: "gov", Sources: src},
		},
	})
}

var may15 = time.Date(2015, time.May, 15, 0, 0, 0, 0, time.UTC)

func write(t *testing.T, m conflict.Moment, opt dot.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := dot.Write(&b, m, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	c := small(t)
	tests := []struct {
		file string
		at   time.Time
		opt  dot.Options
	}{
		{"small.dot", may15, dot.Options{Title: "Small, 2015-05-15"}},
		{"small-alliances.dot", may15, dot.Options{Blocs: c.At(may15).Alliances(), NoLegend: true}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			testutil.Golden(t, filepath.Join("testdata", tt.file), write(t, c.At(tt.at), tt.opt))
		})
	}
	t.Run("empty.dot", func(t *testing.T) {
		var empty conflict.Conflict
		testutil.Golden(t, filepath.Join("testdata", "empty.dot"), write(t, empty.At(may15), dot.Options{Title: "Nothing"}))
	})
}

// TestDeterministic writes one moment many times: draw.DOT's own order
// changes from run to run, Write's must not.
func TestDeterministic(t *testing.T) {
	c := small(t)
	first := write(t, c.At(may15), dot.Options{})
	for range 50 {
		if got := write(t, c.At(may15), dot.Options{}); !bytes.Equal(got, first) {
			t.Fatalf("two writes differ (-first +later):\n%s", cmp.Diff(string(first), string(got)))
		}
	}
}

// TestEscaping checks the DOT text of the names and IDs that need escaping.
func TestEscaping(t *testing.T) {
	out := string(write(t, small(t).At(may15), dot.Options{}))
	for _, want := range []string{
		`label="Say \"hi\" \\ bye"`,
		`"q\"x\\y" [`,
		`"q\"x\\y" -> "fort" [`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

// TestStyles checks how each kind of tie is drawn.
func TestStyles(t *testing.T) {
	out := string(write(t, small(t).At(may15), dot.Options{}))
	edge := func(from, to string) string {
		for line := range strings.Lines(out) {
			if strings.HasPrefix(line, "\t\""+from+"\" -> \""+to+"\" [") {
				return line
			}
		}
		t.Fatalf("no edge %s -> %s in\n%s", from, to, out)
		return ""
	}
	tests := []struct {
		from, to string
		want     []string
	}{
		{"ally", "gov", []string{`color="#1a9641"`, `style="solid"`, `arrowhead="normal"`}},
		{"ally", "mil", []string{`color="#2c7bb6"`, `dir="none"`}},
		// Fights, and a ceasefire that only possibly holds: two colours,
		// the second faded; dashed; no arrow.
		{"gov", "reb", []string{`color="#d7191c:#f08c1e80"`, `style="dashed"`, `dir="none"`, "possibly"}},
		{"mil", "gov", []string{`color="#7b3294"`, `arrowhead="empty"`}},
		{"gov", "town", []string{`color="#7f7f7f"`, `arrowhead="normal"`}},
		{"reb", "town", []string{`style="bold"`, `arrowhead="tee"`}},
		{"gov", "fort", []string{`style="dashed"`, `arrowhead="odot"`}},
	}
	for _, tt := range tests {
		line := edge(tt.from, tt.to)
		for _, w := range tt.want {
			if !strings.Contains(line, w) {
				t.Errorf("edge %s -> %s lacks %s: %s", tt.from, tt.to, w, line)
			}
		}
	}
}

// TestRendersWithGraphviz runs dot on the output and reads the names back
// from the SVG it draws.
func TestRendersWithGraphviz(t *testing.T) {
	bin := testutil.NeedTool(t, "dot", "graphviz")
	c := small(t)
	for _, opt := range []dot.Options{{Title: `Title with "quotes"`}, {NoLegend: true}} {
		in := write(t, c.At(may15), opt)
		cmd := exec.Command(bin, "-Tsvg")
		cmd.Stdin = bytes.NewReader(in)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("dot -Tsvg: %v\n%s\ninput:\n%s", err, errOut.String(), in)
		}
		if errOut.Len() > 0 {
			t.Errorf("dot -Tsvg warned:\n%s", errOut.String())
		}
		texts := svgTexts(t, out.Bytes())
		for _, want := range []string{odd, "Government", "Quoted ID", "Town"} {
			if !slices.Contains(texts, want) {
				t.Errorf("the drawing has no text %q; it has %q", want, texts)
			}
		}
	}
}

// svgTexts returns the contents of the text elements of an SVG document.
func svgTexts(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	var texts []string
	var in bool
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				in = true
				cur.Reset()
			}
		case xml.CharData:
			if in {
				cur.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				in = false
				texts = append(texts, cur.String())
			}
		}
	}
	return texts
}
