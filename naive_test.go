package conflict_test

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/dominikbraun/graph"
)

// This file holds what a careful user would write without this package, on
// github.com/dominikbraun/graph v0.23.0: the benchmarks' baseline.
//
// The record is one directed graph: a vertex per node, an edge per
// relation, the relation in the edge's data with its refSpan as day numbers
// (converted once, when the record is read, with the windows of imprecise
// dates as the package documentation describes). Per question, it lists the
// edges (Graph.Edges), keeps those in force at the instant, and answers;
// alliances build an undirected graph of the positive ties in force and
// walk it breadth-first per component. That library holds one edge per
// ordered pair, so a second relation between the same two nodes — a second
// period, another kind, a second source's claim — cannot be added: AddEdge
// fails with graph.ErrEdgeAlreadyExists, the careful user counts it, and it
// is lost.

// naiveRel is a relation as the naive store keeps it in an edge's data.
// It holds possibly over the days [SLo, EHi) and definitely over [SHi, ELo);
// an open start is math.MinInt32, an open end math.MaxInt32.
type naiveRel struct {
	Kind               conflict.RelationKind
	From, To           string
	Start, End         conflict.Date
	SLo, SHi, ELo, EHi int32
	SLast, ELast       int32 // the last day on which the start, the end may have happened
	Support            conflict.Support
}

type naiveStore struct {
	g    graph.Graph[string, string]
	lost int // relations that AddEdge refused: their pair already had an edge
}

// day returns the day number of the UTC day that holds t.
func dayNum(t time.Time) int32 { return int32(math.Floor(float64(t.Unix()) / 86400)) }

// window returns the first and last day on which a change dated d may take
// effect (for "2015-08": 2015-08-01, and 2015-09-01 for a change late on
// the 31st), and the last day on which it may have happened.
func naiveWindow(d conflict.Date) (lo, hi, last int32) {
	start, end := d.Window()
	lo = dayNum(start)
	if d.Precision() == conflict.PrecisionDay {
		return lo, lo, lo
	}
	return lo, dayNum(end), dayNum(end) - 1
}

func newNaive(ds conflict.Dataset) (*naiveStore, error) {
	g := graph.New(graph.StringHash, graph.Directed())
	for _, a := range ds.Actors {
		if err := g.AddVertex(a.ID); err != nil {
			return nil, err
		}
	}
	for _, b := range ds.Backers {
		if err := g.AddVertex(b.ID); err != nil {
			return nil, err
		}
	}
	for _, l := range ds.Locations {
		if err := g.AddVertex(l.ID); err != nil {
			return nil, err
		}
	}
	n := &naiveStore{g: g}
	for _, r := range ds.Relations {
		e := &naiveRel{Kind: r.Kind, From: r.From, To: r.To, Start: r.Start, End: r.End, Support: r.Support,
			SLo: math.MinInt32, SHi: math.MinInt32, SLast: math.MinInt32,
			ELo: math.MaxInt32, EHi: math.MaxInt32, ELast: math.MaxInt32}
		if !r.Start.IsZero() {
			e.SLo, e.SHi, e.SLast = naiveWindow(r.Start)
		}
		if !r.End.IsZero() {
			e.ELo, e.EHi, e.ELast = naiveWindow(r.End)
		}
		err := g.AddEdge(r.From, r.To, graph.EdgeData(e))
		switch {
		case errors.Is(err, graph.ErrEdgeAlreadyExists):
			n.lost++
		case err != nil:
			return nil, err
		}
	}
	return n, nil
}

// at returns how sure it is that r holds on day q.
func (r *naiveRel) at(q int32) conflict.Certainty {
	switch {
	case r.SHi <= q && q < r.ELo:
		return conflict.Definite
	case r.SLo <= q && q < r.EHi:
		return conflict.Possible
	}
	return conflict.Absent
}

// naiveTie is a relation in force, with its certainty.
type naiveTie struct {
	r *naiveRel
	c conflict.Certainty
}

// relations appends the relations in force on the day of t to buf.
func (n *naiveStore) relations(t time.Time, buf []naiveTie) []naiveTie {
	q := dayNum(t)
	edges, _ := n.g.Edges()
	for _, e := range edges {
		r := e.Properties.Data.(*naiveRel)
		if c := r.at(q); c != conflict.Absent {
			buf = append(buf, naiveTie{r, c})
		}
	}
	return buf
}

// naiveControl is the naive answer to "who holds loc": the fields of
// conflict.Control that a user computes without the package.
type naiveControl struct {
	State      conflict.ControlState
	Holder     string
	Certainty  conflict.Certainty
	Claimants  []string
	Besiegers  []string
	Besieged   conflict.Certainty
	Contenders []string
}

func (n *naiveStore) controller(loc string, t time.Time) naiveControl {
	q := dayNum(t)
	edges, _ := n.g.Edges()
	var out naiveControl
	var holders []naiveTie
	contested := false
	for _, e := range edges {
		if e.Target != loc {
			continue
		}
		r := e.Properties.Data.(*naiveRel)
		c := r.at(q)
		if c == conflict.Absent {
			continue
		}
		switch r.Kind {
		case conflict.RelationControls:
			holders = append(holders, naiveTie{r, c})
		case conflict.RelationBesieges:
			out.Besiegers = append(out.Besiegers, r.From)
			out.Besieged = max(out.Besieged, c)
		case conflict.RelationContests:
			out.Contenders = append(out.Contenders, r.From)
			contested = true
		}
	}
	for _, h := range holders {
		out.Claimants = append(out.Claimants, h.r.From)
	}
	out.Claimants = uniqSorted(out.Claimants)
	out.Besiegers = uniqSorted(out.Besiegers)
	out.Contenders = uniqSorted(out.Contenders)
	if len(out.Claimants) == 1 {
		out.Holder, out.Claimants = out.Claimants[0], nil
		for _, h := range holders {
			out.Certainty = max(out.Certainty, h.c)
		}
	} else if len(out.Claimants) > 1 {
		out.Certainty = conflict.Possible
	}
	switch {
	case contested:
		out.State = conflict.ControlContested
	case len(holders) == 0:
		out.State = conflict.ControlUnknown
	case out.Besieged > conflict.Absent:
		out.State = conflict.ControlBesieged
	default:
		out.State = conflict.ControlHeld
	}
	return out
}

func uniqSorted(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// alliances builds an undirected graph of the positive ties in force and
// returns its connected components, found breadth-first; a party with only
// hostile ties in force is a bloc of its own. IDs are sorted within a bloc,
// blocs by their first ID, as conflict.Moment.Alliances does.
func (n *naiveStore) alliances(t time.Time) [][]string {
	q := dayNum(t)
	edges, _ := n.g.Edges()
	u := graph.New(graph.StringHash)
	active := map[string]bool{}
	var ids []string
	vertex := func(id string) {
		if !active[id] {
			active[id] = true
			ids = append(ids, id)
			_ = u.AddVertex(id)
		}
	}
	for _, e := range edges {
		r := e.Properties.Data.(*naiveRel)
		if r.Kind.Territorial() || r.at(q) == conflict.Absent {
			continue
		}
		vertex(r.From)
		vertex(r.To)
		if r.Kind.Positive() {
			if err := u.AddEdge(r.From, r.To); err != nil && !errors.Is(err, graph.ErrEdgeAlreadyExists) {
				panic(err)
			}
		}
	}
	slices.Sort(ids)
	seen := map[string]bool{}
	var blocs [][]string
	for _, id := range ids {
		if seen[id] {
			continue
		}
		var bloc []string
		_ = graph.BFS(u, id, func(v string) bool {
			seen[v] = true
			bloc = append(bloc, v)
			return false
		})
		slices.Sort(bloc)
		blocs = append(blocs, bloc)
	}
	return blocs
}

// naiveChange is a relation opening or closing, on one of the days
// [first, last].
type naiveChange struct {
	r           *naiveRel
	closed      bool
	first, last int32
}

func compareNaiveChanges(a, b naiveChange) int {
	if c := cmp.Compare(a.first, b.first); c != 0 {
		return c
	}
	if a.closed != b.closed {
		if a.closed {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(a.r.Kind, b.r.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(a.r.From, b.r.From); c != 0 {
		return c
	}
	return strings.Compare(a.r.To, b.r.To)
}

// changesOf appends the dated starts and ends of r.
func changesOf(r *naiveRel, out []naiveChange) []naiveChange {
	if !r.Start.IsZero() {
		out = append(out, naiveChange{r: r, first: r.SLo, last: r.SLast})
	}
	if !r.End.IsZero() {
		out = append(out, naiveChange{r: r, closed: true, first: r.ELo, last: r.ELast})
	}
	return out
}

// timeline returns every change touching id, in time order.
func (n *naiveStore) timeline(id string) []naiveChange {
	edges, _ := n.g.Edges()
	var out []naiveChange
	for _, e := range edges {
		if e.Source == id || e.Target == id {
			out = changesOf(e.Properties.Data.(*naiveRel), out)
		}
	}
	slices.SortFunc(out, compareNaiveChanges)
	return out
}

// changes returns the changes that may fall in the days [dayNum(from),
// dayNum(to)), in time order.
func (n *naiveStore) changes(from, to time.Time) []naiveChange {
	q1, q2 := dayNum(from), dayNum(to)
	edges, _ := n.g.Edges()
	var out []naiveChange
	for _, e := range edges {
		r := e.Properties.Data.(*naiveRel)
		for _, x := range changesOf(r, nil) {
			if x.first < q2 && q1 <= x.last {
				out = append(out, x)
			}
		}
	}
	slices.SortFunc(out, compareNaiveChanges)
	return out
}

// relationKey is a stated relation as a comparable value.
type relationKey struct {
	Kind       conflict.RelationKind
	From, To   string
	Start, End conflict.Date
	Support    conflict.Support
	Sources    string
	Event      string
	Note       string
}

func keyOfRelation(r conflict.Relation) relationKey {
	return relationKey{r.Kind, r.From, r.To, r.Start, r.End, r.Support, strings.Join(r.Sources, ","), r.Event, r.Note}
}

// TestNoRelationLost checks that every generated relation, repeated pairs
// included, is among the claims of the record's ties, and measures what the
// naive store loses of the same data.
func TestNoRelationLost(t *testing.T) {
	captures := synth.Default(5000)
	captures.Seed, captures.Captures = 11, 0.3
	tests := []struct {
		name  string
		cfg   synth.Config
		naive bool // the dataset has no events, so the naive store can read it
	}{
		{"R=10000", synth.Default(10000), true},
		{"R=5000-seed-2", func() synth.Config { c := synth.Default(5000); c.Seed = 2; return c }(), true},
		{"R=5000-captures", captures, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, st := synth.GenerateStats(tt.cfg)
			var c conflict.Conflict
			if err := c.Add(ds); err != nil {
				t.Fatal(err)
			}
			want := map[relationKey]int{}
			for _, r := range ds.Relations {
				want[keyOfRelation(r)]++
			}
			claims, extra := 0, 0
			for tie := range c.Ties() {
				for _, r := range tie.Claims() {
					if r.Event != "" {
						continue // derived from a capture; the generator states no relation with an event
					}
					claims++
					k := keyOfRelation(r)
					if want[k] == 0 {
						extra++
						if extra <= 5 {
							t.Errorf("claim %+v of tie %v was not generated (or appears twice)", r, tie)
						}
						continue
					}
					want[k]--
				}
			}
			lost := 0
			for k, n := range want {
				if n > 0 {
					lost += n
					if lost <= 5 {
						t.Errorf("relation %+v is among no tie's claims", k)
					}
				}
			}
			if lost > 0 || claims != len(ds.Relations) {
				t.Errorf("conflict: %d of %d relations lost; %d stated claims among the ties", lost, len(ds.Relations), claims)
			}
			if !tt.naive {
				return
			}
			n, err := newNaive(ds)
			if err != nil {
				t.Fatal(err)
			}
			if n.lost != st.Relations-st.Pairs || n.lost == 0 {
				t.Errorf("naive store lost %d relations; want %d (relations whose ordered pair repeats), and more than none", n.lost, st.Relations-st.Pairs)
			}
			t.Logf("%d relations: the naive store lost %d (%.1f%%), conflict lost %d", len(ds.Relations), n.lost, 100*float64(n.lost)/float64(len(ds.Relations)), lost)
		})
	}
}

// TestNaiveAgrees checks that the naive baseline answers the benchmarks'
// questions as the package does on data it does not lose (every ordered
// pair once; no second claims), so that the benchmarks compare like with
// like.
func TestNaiveAgrees(t *testing.T) {
	cfg := synth.Default(3000)
	cfg.Seed, cfg.Disputed, cfg.Refined = 4, 0, 0
	ds := synth.Generate(cfg)
	seen := map[[2]string]bool{}
	rels := ds.Relations[:0:0]
	for _, r := range ds.Relations {
		if k := [2]string{r.From, r.To}; !seen[k] {
			seen[k] = true
			rels = append(rels, r)
		}
	}
	ds.Relations = rels
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	n, err := newNaive(ds)
	if err != nil {
		t.Fatal(err)
	}
	if n.lost != 0 {
		t.Fatalf("naive store lost %d relations of data with no repeated pair", n.lost)
	}
	norm := func(k conflict.RelationKind, from, to string) string {
		if k.Symmetric() && to < from {
			from, to = to, from
		}
		return fmt.Sprintf("%v %s %s", k, from, to)
	}
	fx := newProbes(&c, 1)
	instants, towns := fx.random(200), fx.towns
	if testing.Short() || raceEnabled {
		instants, towns = fx.random(25), towns[:min(len(towns), 40)]
	}
	for _, at := range instants {
		m := c.At(at)
		var got, want []string
		for tie := range m.Ties() {
			got = append(got, fmt.Sprintf("%s [%v, %v) %v", norm(tie.Kind, tie.From, tie.To), tie.Start, tie.End, tie.Certainty))
		}
		for _, x := range n.relations(at, nil) {
			want = append(want, fmt.Sprintf("%s [%v, %v) %v", norm(x.r.Kind, x.r.From, x.r.To), x.r.Start, x.r.End, x.c))
		}
		slices.Sort(got)
		slices.Sort(want)
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("relations at %v: naive (-want) and conflict (+got) differ:\n%s", at, diff)
		}
		if diff := gocmp.Diff(n.alliances(at), m.Alliances()); diff != "" {
			t.Fatalf("alliances at %v: naive (-want) and conflict (+got) differ:\n%s", at, diff)
		}
		for _, loc := range towns {
			ctl := m.Controller(loc)
			got := naiveControl{ctl.State, ctl.Holder, ctl.Certainty, ctl.Claimants, ctl.Besiegers, ctl.Besieged, ctl.Contenders}
			if diff := gocmp.Diff(n.controller(loc, at), got); diff != "" {
				t.Fatalf("controller of %s at %v: naive (-want) and conflict (+got) differ:\n%s", loc, at, diff)
			}
		}
		to := at.AddDate(0, 0, 30)
		if diff := gocmp.Diff(naiveChangeStrings(n.changes(at, to)), changeStrings(c.Changes(at, to))); diff != "" {
			t.Fatalf("changes in 30 days from %v: naive (-want) and conflict (+got) differ:\n%s", at, diff)
		}
	}
	for _, id := range fx.parties {
		if diff := gocmp.Diff(naiveChangeStrings(n.timeline(id)), changeStrings(c.Timeline(id))); diff != "" {
			t.Fatalf("timeline of %s: naive (-want) and conflict (+got) differ:\n%s", id, diff)
		}
	}
}

func naiveChangeStrings(cs []naiveChange) []string {
	var out []string
	for _, x := range cs {
		d, verb := x.r.Start, "opened"
		if x.closed {
			d, verb = x.r.End, "closed"
		}
		from, to := x.r.From, x.r.To
		if x.r.Kind.Symmetric() && to < from {
			from, to = to, from
		}
		out = append(out, fmt.Sprintf("%v %s %s %v %s", d, verb, from, x.r.Kind, to))
	}
	slices.Sort(out)
	return out
}

func changeStrings(cs []conflict.Change) []string {
	var out []string
	for _, x := range cs {
		verb := "opened"
		if x.Closed {
			verb = "closed"
		}
		out = append(out, fmt.Sprintf("%v %s %s %v %s", x.When(), verb, x.Tie.From, x.Tie.Kind, x.Tie.To))
	}
	slices.Sort(out)
	return out
}
