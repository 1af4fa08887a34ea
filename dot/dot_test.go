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

// TestDeterministic writes one moment many times: the order of the ties in
// force and of Go's maps changes from run to run, Write's output must not.
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

// hostile returns a record whose names and IDs hold every character DOT or
// Graphviz treats specially, each party fighting the next, and the text
// Graphviz must show for each name, line by line.
func hostile(t testing.TB) (*conflict.Conflict, map[string][]string) {
	t.Helper()
	actors := []struct {
		id, name string
		shown    []string
	}{
		{`q"x\y`, `Say "hi" \ bye`, []string{`Say "hi" \ bye`}},
		{`end\`, `ends in a backslash\`, []string{`ends in a backslash\`}},
		{`"`, `"`, []string{`"`}},
		{"<b>", "<b>not bold</b> & <i>AT&T &lt;3 &amp;</i>", []string{"<b>not bold</b> & <i>AT&T &lt;3 &amp;</i>"}},
		{"ḥayʼat", "Hayʼat Taḥrīr al-Shām — 中文 🚩", []string{"Hayʼat Taḥrīr al-Shām — 中文 🚩"}},
		{"esc", `\N \G \E \T \H \L \l \r \n \`, []string{`\N \G \E \T \H \L \l \r \n \`}},
		{"lines", "first line\nsecond line\r\nthird", []string{"first line", "second line", "third"}},
		{"a&b;c,d=e", "tab\there {x} [y]; z=1", []string{"tab here {x} [y]; z=1"}},
	}
	ds := conflict.Dataset{Name: "hostile", Sources: []conflict.Source{{ID: "s"}}}
	shown := map[string][]string{}
	for i, a := range actors {
		ds.Actors = append(ds.Actors, conflict.Actor{ID: a.id, Name: a.name})
		shown[a.id] = a.shown
		if i > 0 {
			ds.Relations = append(ds.Relations, conflict.Relation{
				Kind: conflict.RelationFights, From: actors[i-1].id, To: a.id, Sources: []string{"s"},
			})
		}
	}
	return testutil.Conflict(t, ds), shown
}

// TestQuoteText checks the DOT text written for names that need escaping.
func TestQuoteText(t *testing.T) {
	tests := []struct{ name, want string }{
		{`Say "hi" \ bye`, `"Say \"hi\" \\ bye"`},
		{`ends in a backslash\`, `"ends in a backslash\\"`},
		{`"`, `"\""`},
		{"<b>not bold</b> & <i>AT&T &lt;3 &amp;</i>", `"<b>not bold</b> &amp; <i>AT&amp;T &amp;lt;3 &amp;amp;</i>"`},
		{"Hayʼat Taḥrīr al-Shām — 中文 🚩", `"Hayʼat Taḥrīr al-Shām — 中文 🚩"`},
		{`\N \G \E \T \H \L \l \r \n \`, `"\\N \\G \\E \\T \\H \\L \\l \\r \\n \\"`},
		{"first line\nsecond line\r\nthird", `"first line\nsecond line\nthird"`},
		{"tab\there {x} [y]; z=1", `"tab here {x} [y]; z=1"`},
	}
	c, _ := hostile(t)
	out := string(write(t, c.At(may15), dot.Options{}))
	for _, tt := range tests {
		if want := "label=" + tt.want + ","; !strings.Contains(out, want) {
			t.Errorf("name %q: output lacks %s:\n%s", tt.name, want, out)
		}
	}
}

// TestQuoteID checks the DOT text written for IDs that need escaping: the
// node statement and the edges of each.
func TestQuoteID(t *testing.T) {
	tests := []struct{ id, want string }{
		{`q"x\y`, `"q\"x\\y"`},
		{`end\`, `"end\\"`},
		{`"`, `"\""`},
		{"<b>", `"<b>"`},
		{"ḥayʼat", `"ḥayʼat"`},
		{"a&b;c,d=e", `"a&b;c,d=e"`},
	}
	c, _ := hostile(t)
	out := string(write(t, c.At(may15), dot.Options{}))
	for _, tt := range tests {
		var nodes, edges int
		for line := range strings.Lines(out) {
			switch {
			case strings.HasPrefix(line, "\t"+tt.want+" [ "):
				nodes++
			case strings.HasPrefix(line, "\t"+tt.want+" -> "), strings.Contains(line, " -> "+tt.want+" [ "):
				edges++
			}
		}
		if nodes != 1 || edges == 0 {
			t.Errorf("ID %q: %d node and %d edge statements begin %s, want 1 and some:\n%s", tt.id, nodes, edges, tt.want, out)
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
		texts, _ := readSVG(t, render(t, bin, write(t, c.At(may15), opt)))
		for _, want := range []string{odd, "Government", "Quoted ID", "Town"} {
			if !slices.Contains(texts, want) {
				t.Errorf("the drawing has no text %q; it has %q", want, texts)
			}
		}
	}
}

// TestHostileRendersWithGraphviz draws names and IDs full of characters
// that DOT and Graphviz treat specially, and reads back from the SVG every
// name, line by line, every node's tooltip and every edge's.
func TestHostileRendersWithGraphviz(t *testing.T) {
	bin := testutil.NeedTool(t, "dot", "graphviz")
	c, shown := hostile(t)
	m := c.At(may15)
	in := write(t, m, dot.Options{Title: "Title \"quoted\" \\ & <x>\nsecond line", Blocs: [][]string{}, NoLegend: true})
	texts, tips := readSVG(t, render(t, bin, in))
	want := []string{"Title \"quoted\" \\ & <x>", "second line"}
	var wantTips []string
	for id, lines := range shown {
		want = append(want, lines...)
		wantTips = append(wantTips, id+" (actor)")
	}
	for tie := range m.Ties() {
		wantTips = append(wantTips, tie.String())
	}
	slices.Sort(want)
	slices.Sort(wantTips)
	slices.Sort(texts)
	slices.Sort(tips)
	if diff := cmp.Diff(want, texts); diff != "" {
		t.Errorf("texts drawn (-want +got):\n%s\ninput:\n%s", diff, in)
	}
	if diff := cmp.Diff(wantTips, tips); diff != "" {
		t.Errorf("tooltips (-want +got):\n%s\ninput:\n%s", diff, in)
	}
}

// render runs the Graphviz program bin on the DOT text in and returns the
// SVG it draws; it fails the test if bin fails, and reports any warning.
func render(t *testing.T, bin string, in []byte) []byte {
	t.Helper()
	cmd := exec.Command(bin, "-Tsvg")
	cmd.Stdin = bytes.NewReader(in)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("dot -Tsvg: %v\n%s\ninput:\n%s", err, errOut.String(), in)
	}
	if errOut.Len() > 0 {
		t.Errorf("dot -Tsvg warned:\n%s\ninput:\n%s", errOut.String(), in)
	}
	return out.Bytes()
}

// readSVG returns the contents of the text elements of an SVG document and
// the titles of its links.
func readSVG(t *testing.T, doc []byte) (texts, tips []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	var in bool
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "text":
				in = true
				cur.Reset()
			case "a":
				for _, a := range tok.Attr {
					if a.Name.Local == "title" {
						tips = append(tips, a.Value)
					}
				}
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
	return texts, tips
}
