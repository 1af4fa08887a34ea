package conflict_test

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/signedcsv"
)

// cowWindows returns the 51 Correlates-of-War signed networks of states
// (Doreian and Mrvar; see internal/signed/testdata/README.md), each loaded
// into a Conflict through package signedcsv, in window order.
func cowWindows(tb testing.TB) (labels []string, conflicts []*conflict.Conflict) {
	tb.Helper()
	f, err := os.Open("internal/signed/testdata/cow_signed_edges_1946_1999.csv.gz")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	rows, err := csv.NewReader(bufio.NewReader(z)).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string]*strings.Builder{}
	for _, row := range rows[1:] { // window,window_index,from,to,sign
		b, ok := files[row[0]]
		if !ok {
			b = &strings.Builder{}
			b.WriteString("from,to,sign\n")
			files[row[0]] = b
			labels = append(labels, row[0])
		}
		fmt.Fprintf(b, "%s,%s,%s\n", row[2], row[3], row[4])
	}
	for _, l := range labels {
		ds, err := signedcsv.Read(strings.NewReader(files[l].String()))
		if err != nil {
			tb.Fatalf("window %s: %v", l, err)
		}
		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			tb.Fatalf("window %s: %v", l, err)
		}
		conflicts = append(conflicts, &c)
	}
	return labels, conflicts
}

// signedWar returns a signed network of about ties ties among ties/4
// parties in eight planted blocs, with one tie in ten of the unexpected
// sign: friends inside blocs and enemies between, mostly.
func signedWar(tb testing.TB, ties int) *conflict.Conflict {
	tb.Helper()
	r := rand.New(rand.NewPCG(uint64(ties), 7))
	n := max(ties/4, 8)
	ds := conflict.Dataset{Sources: []conflict.Source{{ID: "generated"}}}
	for i := range n {
		id := fmt.Sprintf("p%d", i)
		ds.Actors = append(ds.Actors, conflict.Actor{ID: id, Name: id})
	}
	seen := map[[2]int]bool{}
	for len(ds.Relations) < ties {
		a, b := r.IntN(n), r.IntN(n)
		if a == b || seen[[2]int{min(a, b), max(a, b)}] {
			continue
		}
		seen[[2]int{min(a, b), max(a, b)}] = true
		friends := a%8 == b%8
		if r.IntN(10) == 0 {
			friends = !friends
		}
		kind := conflict.RelationFights
		if friends {
			kind = conflict.RelationAllied
		}
		ds.Relations = append(ds.Relations, conflict.Relation{Kind: kind, From: ds.Actors[a].ID, To: ds.Actors[b].ID, Sources: []string{"generated"}})
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		tb.Fatal(err)
	}
	return &c
}

var anyDay = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkSides measures Moment.Sides on the 51 state networks and on
// generated wars, reporting the violations found and whether they were
// proven the least possible.
func BenchmarkSides(b *testing.B) {
	labels, wars := cowWindows(b)
	for _, k := range []int{2, 0} {
		for i, l := range labels {
			b.Run(fmt.Sprintf("cow/window=%s/k=%d", l, k), func(b *testing.B) {
				m := wars[i].At(anyDay)
				benchSides(b, m, k)
			})
		}
		for _, ties := range []int{1000, 10000, 100000} {
			m := signedWar(b, ties).At(anyDay)
			b.Run(fmt.Sprintf("generated/ties=%d/k=%d", ties, k), func(b *testing.B) { benchSides(b, m, k) })
		}
	}
}

func benchSides(b *testing.B, m conflict.Moment, k int) {
	b.ReportAllocs()
	var s conflict.Sides
	for b.Loop() {
		var err error
		if s, err = m.Sides(conflict.SidesOptions{MaxBlocs: k}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.Violations), "violations")
	b.ReportMetric(s.LowerBound, "lower-bound")
	if s.Optimal {
		b.ReportMetric(1, "optimal")
	} else {
		b.ReportMetric(0, "optimal")
	}
}

// BenchmarkAlliances measures Moment.Alliances on the same networks.
func BenchmarkAlliances(b *testing.B) {
	labels, wars := cowWindows(b)
	for i, l := range labels {
		b.Run("cow/window="+l, func(b *testing.B) { benchAlliances(b, wars[i].At(anyDay)) })
	}
	for _, ties := range []int{1000, 10000, 100000} {
		m := signedWar(b, ties).At(anyDay)
		b.Run(fmt.Sprintf("generated/ties=%d", ties), func(b *testing.B) { benchAlliances(b, m) })
	}
}

func benchAlliances(b *testing.B, m conflict.Moment) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(m.Alliances())
	}
	b.ReportMetric(float64(n), "blocs")
}

// TestCoWSides checks the public Sides on every state network: the
// violations it reports are the frustrated ties it lists, and each breaks
// the rule for the blocs it returns.
func TestCoWSides(t *testing.T) {
	labels, wars := cowWindows(t)
	if len(labels) != 51 {
		t.Fatalf("%d windows, want 51", len(labels))
	}
	for i, l := range labels {
		if (testing.Short() || raceEnabled) && i%10 != 0 {
			continue
		}
		s, err := wars[i].At(anyDay).Sides(conflict.SidesOptions{MaxBlocs: 2})
		if err != nil {
			t.Fatal(err)
		}
		bloc := map[string]int{}
		for b, ids := range s.Blocs {
			for _, id := range ids {
				bloc[id] = b
			}
		}
		if len(s.Blocs) > 2 || s.Violations != len(s.Broken) {
			t.Errorf("window %s: %d blocs, %d violations, %d frustrated", l, len(s.Blocs), s.Violations, len(s.Broken))
		}
		for _, f := range s.Broken {
			if same := bloc[f.A] == bloc[f.B]; same != f.Hostile {
				t.Errorf("window %s: %v does not break the rule", l, f)
			}
		}
	}
}
