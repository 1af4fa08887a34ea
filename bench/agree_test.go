package bench

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The agreement test checks that DuckDB, given the ties as CSV and the SQL
// of queries.go, answers every question the benchmarks time as the library
// does: on the benchmarks' own record and arguments at a small R, and on
// records with many imprecise and disputed dates and with capture events,
// at instants on, just before and just after every edge of a sample of
// ties' windows, and at instants far before and after the record.

// tieKey identifies a tie among a record's.
type tieKey struct {
	Kind       conflict.RelationKind
	From, To   string
	Start, End conflict.Bound
}

func keyOf(t conflict.Tie) tieKey { return tieKey{t.Kind, t.From, t.To, t.Start, t.End} }

// tieView is a tie in force in comparable form.
type tieView struct {
	ID        int32
	Kind      string
	From, To  string
	Certainty conflict.Certainty
}

// changeView is a change in comparable form.
type changeView struct {
	ID          int32
	Closed      bool
	Certainty   conflict.Certainty
	First, Last string
	Kind        string
	From, To    string
}

// agreement asks one fixture's library and DuckDB the same questions.
type agreement struct {
	t   *testing.T
	f   *fixture
	ids map[tieKey]int32 // the CSV row of each tie
	bad map[string]int   // mismatches per question
}

func newAgreement(t *testing.T, f *fixture) *agreement {
	a := &agreement{t: t, f: f, ids: map[tieKey]int32{}, bad: map[string]int{}}
	for tie := range f.c.Ties() {
		a.ids[keyOf(tie)] = int32(len(a.ids))
	}
	if len(a.ids) != f.ties {
		t.Fatalf("%d distinct ties, %d CSV rows", len(a.ids), f.ties)
	}
	return a
}

func (a *agreement) id(t conflict.Tie) int32 {
	id, ok := a.ids[keyOf(t)]
	if !ok {
		a.t.Fatalf("tie %v is not among Conflict.Ties", t)
	}
	return id
}

// diff reports a mismatch, the first few of each question in full.
func (a *agreement) diff(what, where string, want, got any) {
	a.t.Helper()
	if reflect.DeepEqual(want, got) {
		return
	}
	d := cmp.Diff(want, got, cmpopts.EquateEmpty())
	if d == "" {
		return
	}
	a.bad[what]++
	if a.bad[what] <= 3 {
		a.t.Errorf("%s %s: (-conflict +duckdb):\n%s", what, where, d)
	}
}

func (a *agreement) must(err error) {
	a.t.Helper()
	if err != nil {
		a.t.Fatal(err)
	}
}

func (a *agreement) relations(at time.Time) {
	var want []tieView
	for t := range a.f.c.At(at).Ties() {
		want = append(want, tieView{a.id(t), t.Kind.String(), t.From, t.To, t.Certainty})
	}
	slices.SortFunc(want, func(x, y tieView) int { return int(x.ID - y.ID) })
	rows, err := a.f.db.Relations(at, nil)
	a.must(err)
	var got []tieView
	for _, r := range rows {
		got = append(got, tieView{r.ID, r.Kind, r.From, r.To, r.Certainty})
	}
	slices.SortFunc(got, func(x, y tieView) int { return int(x.ID - y.ID) })
	where := fmt.Sprintf("at %v", at)
	a.diff("relations", where, want, got)
	n, err := a.f.db.RelationCount(at)
	a.must(err)
	a.diff("relation count", where, len(want), n)
	a.diff("the library's count", where, len(want), a.f.c.At(at).Count().Total())
}

func (a *agreement) controller(loc string, at time.Time) {
	c := a.f.c.At(at).Controller(loc)
	if c.RolledUp {
		a.t.Fatalf("Controller(%q) at %v rolled up from the places within; the SQL does not, so ask of places with ties of their own", loc, at)
	}
	want := Control{c.Holder, c.Claimants, c.Certainty, c.State, c.Besiegers, c.Besieged, c.Contenders}
	got, err := a.f.db.Controller(loc, at)
	a.must(err)
	a.diff("controller", fmt.Sprintf("of %s at %v", loc, at), want, got)
}

func (a *agreement) allies(party string, at time.Time) {
	got, err := a.f.db.Allies(party, at, nil)
	a.must(err)
	a.diff("allies", fmt.Sprintf("of %s at %v", party, at), a.f.c.At(at).Allies(party), got)
}

func (a *agreement) viewLibrary(cs []conflict.Change) []changeView {
	var out []changeView
	for _, c := range cs {
		lo, _, last := window(c.When())
		t := c.Tie
		out = append(out, changeView{a.id(t), c.Closed, c.Certainty, day(lo), day(last), t.Kind.String(), t.From, t.To})
	}
	return out
}

func viewDuckDB(cs []Change) []changeView {
	var out []changeView
	for _, c := range cs {
		out = append(out, changeView{c.ID, c.Closed, c.Certainty, day(c.First), day(c.Last), c.Kind, c.From, c.To})
	}
	return out
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

func (a *agreement) changes(from, to time.Time) {
	want := a.viewLibrary(a.f.c.Changes(from, to))
	rows, err := a.f.db.Changes(from, to, nil)
	a.must(err)
	where := fmt.Sprintf("from %v to %v", from, to)
	a.diff("changes", where, want, viewDuckDB(rows))
	n, err := a.f.db.ChangeCount(from, to)
	a.must(err)
	a.diff("change count", where, len(want), n)
	a.diff("the library's change count", where, len(want), a.f.c.CountChanges(from, to).Total())
}

func (a *agreement) timeline(node string) {
	want := a.viewLibrary(a.f.c.Timeline(node))
	rows, err := a.f.db.Timeline(node, nil)
	a.must(err)
	a.diff("timeline", "of "+node, want, viewDuckDB(rows))
}

// A probe is a question's arguments.
type probe struct {
	at    time.Time
	town  string
	party string
}

// edgeProbes returns n probes each on, the day before or the day after an
// edge of a window of a tie drawn from f's (the first, the last or the sure
// day of its start or its end), at a random time of day, about the tie's
// own place (if it has one) and party.
func edgeProbes(f *fixture, n int, rng *rand.Rand) []probe {
	var ties []conflict.Tie
	for t := range f.c.Ties() {
		if !t.Start.IsOpen() || !t.End.IsOpen() {
			ties = append(ties, t)
		}
	}
	var out []probe
	for i := range n {
		t := ties[rng.IntN(len(ties))]
		town := f.towns[i%len(f.towns)]
		if t.Kind.Territorial() {
			town = t.To
		}
		b := t.Start
		if b.IsOpen() || !t.End.IsOpen() && rng.IntN(2) == 0 {
			b = t.End
		}
		lo, hi, last := window(b)
		d := []time.Time{lo, hi, last}[rng.IntN(3)].AddDate(0, 0, rng.IntN(3)-1)
		out = append(out, probe{d.Add(time.Duration(rng.Int64N(int64(24 * time.Hour)))), town, t.From})
	}
	return out
}

// far instants: before and after every record, where only open starts and
// open ends are in force.
var farInstants = []time.Time{
	time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2009, 12, 31, 23, 59, 59, 0, time.UTC),
	time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
}

func TestAgree(t *testing.T) {
	vague := synth.Default(3000)
	vague.Seed, vague.Imprecise, vague.YearShare, vague.Disputed, vague.Refined = 3, 0.6, 0.5, 0.15, 0.1
	captures := synth.Default(3000)
	captures.Seed, captures.Captures = 7, 0.3
	// Each DuckDB query costs a millisecond or more: -short asks fewer.
	for _, d := range []struct {
		name         string
		cfg          synth.Config
		nargs, edges int // the benchmarks' arguments asked; probes at window edges
	}{
		{"default-10000", synth.Default(10_000), benchArgs, 600},
		{"imprecise-disputed", vague, 256, 600},
		{"captures", captures, 256, 600},
	} {
		t.Run(d.name, func(t *testing.T) {
			nargs, edges := d.nargs, d.edges
			if testing.Short() {
				nargs, edges = 64, 100
			}
			f := cachedFixture(t, d.name, d.cfg)
			a := newAgreement(t, f)
			rng := rand.New(rand.NewPCG(d.cfg.Seed, 5))
			var probes []probe
			for k := range nargs {
				probes = append(probes, probe{f.instants[k], f.towns[k], f.parties[k]})
			}
			for k, at := range farInstants {
				probes = append(probes, probe{at, f.towns[k], f.parties[k]})
			}
			probes = append(probes, edgeProbes(f, edges, rng)...)
			for _, p := range probes {
				a.relations(p.at)
				a.controller(p.town, p.at)
				a.allies(p.party, p.at)
				a.changes(p.at, p.at.AddDate(0, 0, 30))
			}
			// Ranges of other lengths, empty and reversed ones included.
			for i, at := range f.instants[:nargs] {
				a.changes(at, at.AddDate(0, 0, i%400-20))
			}
			for _, p := range f.parties[:nargs] {
				a.timeline(p)
			}
			for q, n := range a.bad {
				if n > 3 {
					t.Errorf("%s: %d mismatches in all", q, n)
				}
			}
			t.Logf("%d probes, %d ranges, %d timelines", len(probes), nargs, nargs)
		})
	}
}
