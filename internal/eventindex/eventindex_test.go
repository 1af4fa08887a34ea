package eventindex

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
	gocmp "github.com/google/go-cmp/cmp"
)

// world is a random set of events over nodes: parties 0..parties-1, then
// places in a forest.
type world struct {
	evs    []Event
	within []int32
	places []int32
}

func newWorld(rng *rand.Rand, n, parties, places int) world {
	w := world{within: make([]int32, parties+places)}
	for i := range w.within {
		w.within[i] = -1
	}
	for k := range places {
		node := int32(parties + k)
		w.places = append(w.places, node)
		if k > 0 && rng.IntN(4) != 0 {
			w.within[node] = int32(parties + rng.IntN(k)) // within an earlier place: no cycle
		}
	}
	widths := []int{1, 1, 1, 1, 2, 4, 7, 28, 29, 30, 31, 90, 92, 365, 366, 700}
	for range n {
		first := days.Day(16000 + rng.IntN(2000))
		e := Event{First: first, Last: first + days.Day(widths[rng.IntN(len(widths))]-1), Kind: uint8(rng.IntN(5)), Place: -1}
		if rng.IntN(5) != 0 {
			e.Place = w.places[rng.IntN(len(w.places))]
		}
		for range rng.IntN(4) {
			e.Parties = append(e.Parties, int32(rng.IntN(parties)))
		}
		w.evs = append(w.evs, e)
	}
	return w
}

// within reports whether place n lies within place m, or is m.
func (w world) inside(n, m int32) bool {
	for at := n; at >= 0; at = w.within[at] {
		if at == m {
			return true
		}
	}
	return false
}

// brute answers q by filtering every event and sorting. An empty range
// has no events.
func (w world) brute(q Query) []Hit {
	var out []Hit
	for i, e := range w.evs {
		if q.From >= q.To {
			break
		}
		c := timeindex.Bound{First: e.First, Last: e.Last, Sure: e.Last}.Within(q.From, q.To)
		if c == timeindex.Absent ||
			q.Kinds != 0 && q.Kinds&(1<<e.Kind) == 0 ||
			q.Place >= 0 && (e.Place < 0 || !w.inside(e.Place, q.Place)) ||
			q.Party >= 0 && !slices.Contains(e.Parties, q.Party) {
			continue
		}
		out = append(out, Hit{Event: int32(i), Certainty: c})
	}
	slices.SortStableFunc(out, func(a, b Hit) int {
		ea, eb := w.evs[a.Event], w.evs[b.Event]
		return cmp.Or(cmp.Compare(ea.First, eb.First), cmp.Compare(ea.Last, eb.Last), cmp.Compare(a.Event, b.Event))
	})
	return out
}

// edges returns days at the edges of the events' windows.
func (w world) edges() []days.Day {
	var out []days.Day
	for _, e := range w.evs {
		out = append(out, e.First-1, e.First, e.First+1, e.Last, e.Last+1)
	}
	return out
}

func TestQueryAgreesWithBruteForce(t *testing.T) {
	for _, size := range []struct{ n, parties, places int }{{0, 3, 3}, {1, 2, 2}, {60, 4, 6}, {2000, 30, 80}} {
		t.Run(fmt.Sprint(size.n), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(size.n), 7))
			w := newWorld(rng, size.n, size.parties, size.places)
			ix := Build(w.evs, w.within)
			if ix.Len() != size.n {
				t.Fatalf("Len = %d, want %d", ix.Len(), size.n)
			}
			edges := append(w.edges(), 15000, 19000, days.OpenStart, days.OpenEnd)
			bad := 0
			for range 4000 {
				q := Query{From: edges[rng.IntN(len(edges))], To: edges[rng.IntN(len(edges))], Place: -1, Party: -1}
				if rng.IntN(3) == 0 {
					q.From = days.OpenStart
				}
				if rng.IntN(3) == 0 {
					q.To = days.OpenEnd
				}
				if rng.IntN(2) == 0 {
					q.Kinds = uint64(rng.IntN(32))
				}
				if rng.IntN(2) == 0 {
					q.Place = int32(rng.IntN(len(w.within))) // a party now and then: no events
				}
				if rng.IntN(2) == 0 {
					q.Party = int32(rng.IntN(size.parties))
				}
				if diff := gocmp.Diff(w.brute(q), ix.Query(q)); diff != "" {
					if bad++; bad <= 3 {
						t.Errorf("Query(%+v) (-want +got)\n%s", q, diff)
					}
				}
			}
			if bad > 3 {
				t.Errorf("%d queries differ in all", bad)
			}
		})
	}
}

// TestEdges checks one event of each width at the edges of a range.
func TestEdges(t *testing.T) {
	evs := []Event{
		{First: 100, Last: 100, Place: -1},
		{First: 100, Last: 130, Place: -1},
		{First: 90, Last: 99, Place: -1},
	}
	ix := Build(evs, nil)
	for _, tt := range []struct {
		from, to days.Day
		want     []Hit
	}{
		{100, 101, []Hit{{0, timeindex.Definite}, {1, timeindex.Possible}}},
		{101, 131, []Hit{{1, timeindex.Possible}}},
		{100, 131, []Hit{{0, timeindex.Definite}, {1, timeindex.Definite}}},
		{99, 100, []Hit{{2, timeindex.Possible}}},
		{90, 100, []Hit{{2, timeindex.Definite}}},
		{131, 200, nil},
		{50, 90, nil},
		{100, 100, nil},
		{101, 100, nil},
	} {
		if diff := gocmp.Diff(tt.want, ix.Query(Query{From: tt.from, To: tt.to, Place: -1, Party: -1})); diff != "" {
			t.Errorf("[%d, %d) (-want +got)\n%s", tt.from, tt.to, diff)
		}
	}
}

// TestSameDayKeepsOrder: events on the same days come in the order given.
func TestSameDayKeepsOrder(t *testing.T) {
	evs := []Event{{First: 5, Last: 5, Place: -1}, {First: 3, Last: 9, Place: -1}, {First: 5, Last: 5, Place: -1}, {First: 3, Last: 4, Place: -1}}
	got := Build(evs, nil).Query(Query{From: days.OpenStart, To: days.OpenEnd, Place: -1, Party: -1})
	var order []int32
	for _, h := range got {
		order = append(order, h.Event)
	}
	if diff := gocmp.Diff([]int32{3, 1, 0, 2}, order); diff != "" {
		t.Errorf("order (-want +got)\n%s", diff)
	}
}

func BenchmarkQuery(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	w := newWorld(rng, 100_000, 200, 2000)
	ix := Build(w.evs, w.within)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := days.Day(16000 + i%2000)
		ix.Query(Query{From: d, To: d + 7, Party: int32(i % 200), Place: -1})
		i++
	}
}
