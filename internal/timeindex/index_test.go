package timeindex

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/conflictgraph/conflict/internal/days"
	gocmp "github.com/google/go-cmp/cmp"
)

// The index is checked against plain scans of the periods it was built
// from. Nodes 0 to parties-1 are parties, the rest places; a period's
// Claims is its place in the input, so answers map back to it.

const parties = 6

// randomBound returns a start (open at days.OpenStart) or end (at
// days.OpenEnd) near day at: open, a day, a window or a disputed span.
func randomBound(r *rand.Rand, at days.Day, open days.Day) Bound {
	switch r.IntN(6) {
	case 0:
		return Open(open)
	case 1, 2:
		return day(at)
	case 3:
		return window(at, at+days.Day(r.IntN(40)))
	case 4:
		return Bound{at, at + days.Day(r.IntN(20)), at + days.Day(r.IntN(20))} // normalized below
	}
	last := at + days.Day(r.IntN(400))
	return window(at, last)
}

func normalize(b Bound) Bound {
	if b.IsOpen() {
		return b
	}
	if b.Sure < b.Last {
		b.Sure = b.Last
	}
	if b.Sure > b.Last+1 {
		b.Sure = b.Last + 1
	}
	return b
}

func randomPeriods(r *rand.Rand, n, nodes int) []Period {
	ps := make([]Period, n)
	for i := range ps {
		c := Class(r.IntN(int(NumClasses)))
		role := RoleNone
		from := int32(r.IntN(parties))
		to := int32(r.IntN(parties))
		if c == ClassTerritorial {
			role = Role(1 + r.IntN(3))
			to = int32(parties + r.IntN(nodes-parties))
		}
		lo := days.Day(r.IntN(200))
		start := normalize(randomBound(r, lo, days.OpenStart))
		end := normalize(randomBound(r, lo+days.Day(r.IntN(100))-10, days.OpenEnd))
		p := NewPeriod(c, role, start, end)
		p.From, p.To = from, to
		p.Kind = uint8(c)*4 + uint8(r.IntN(3))
		p.Payload = uint8(r.IntN(1 << 8))
		p.Tags = uint8(r.IntN(1 << 8))
		p.Claims = int32(i)
		ps[i] = p
	}
	return ps
}

func randomRank(r *rand.Rand, nodes int) []int32 {
	rank := make([]int32, nodes)
	for i, n := range r.Perm(nodes) {
		rank[n] = int32(i)
	}
	return rank
}

type testIndex struct {
	ix   *Index
	in   []Period // as given to Build
	rank []int32
	of   []int32 // the index's number of each input period
}

func newTestIndex(t *testing.T, seed uint64) testIndex {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 11))
	nodes := parties + 1 + r.IntN(4)
	in := randomPeriods(r, r.IntN(120), nodes)
	switch seed % 8 {
	case 5: // keys that do not fit a word, so the sorts compare
		defer func(b int) { wordBits = b }(wordBits)
		wordBits = 0
	case 6: // far-apart days: the edges' keys do not fit a word
		for i := range in {
			in[i] = spread(in[i], 1<<22)
		}
	case 7: // many periods on few days, so counts by day are kept
		in = randomPeriods(r, 600+r.IntN(600), nodes)
		for i := range in {
			in[i] = spread(in[i], -8)
		}
	}
	return indexOf(t, seed, in, randomRank(r, nodes))
}

// spread returns p with its finite days multiplied by f, or divided by -f
// if f is negative.
func spread(p Period, f days.Day) Period {
	scale := func(d days.Day) days.Day {
		switch {
		case d == days.OpenStart || d == days.OpenEnd:
			return d
		case f < 0:
			return d / -f
		}
		return d * f
	}
	b := func(b Bound) Bound {
		if b.IsOpen() {
			return b
		}
		sure := b.Sure - b.Last
		b.First, b.Last = scale(b.First), scale(b.Last)
		b.Last = max(b.Last, b.First)
		b.Sure = b.Last + sure
		return b
	}
	q := NewPeriod(p.Class(), p.Role(), b(p.Start()), b(p.End()))
	q.From, q.To, q.Claims, q.Payload, q.Kind, q.Tags = p.From, p.To, p.Claims, p.Payload, p.Kind, p.Tags
	return q
}

func indexOf(t *testing.T, seed uint64, in []Period, rank []int32) testIndex {
	t.Helper()
	ti := testIndex{in: in, rank: rank}
	ti.ix = Build(slices.Clone(ti.in), ti.rank)
	if ti.ix.Len() != len(ti.in) {
		t.Fatalf("seed %d: Len = %d, want %d", seed, ti.ix.Len(), len(ti.in))
	}
	ti.of = make([]int32, len(ti.in))
	for i := range ti.of {
		ti.of[i] = -1
	}
	for p := range int32(ti.ix.Len()) {
		got := ti.ix.Period(p)
		i := got.Claims
		if ti.of[i] >= 0 {
			t.Fatalf("seed %d: input period %d indexed twice", seed, i)
		}
		ti.of[i] = p
		if *got != ti.in[i] {
			t.Fatalf("seed %d: Period(%d) = %+v, want %+v", seed, p, *got, ti.in[i])
		}
		if first, end := ti.ix.Range(got.Class()); p < first || p >= end {
			t.Fatalf("seed %d: period %d of class %d outside Range [%d, %d)", seed, p, got.Class(), first, end)
		}
	}
	return ti
}

// probes returns the days worth asking about: every edge of every window,
// and the days either side.
func (ti testIndex) probes() []days.Day {
	qs := []days.Day{days.OpenStart + 1, days.OpenEnd - 1}
	for _, p := range ti.in {
		w := p.Window()
		for _, d := range []days.Day{w.Lo, w.SureLo, w.SureHi, w.Hi} {
			if d > days.OpenStart+1 && d < days.OpenEnd-1 {
				qs = append(qs, d-1, d, d+1)
			}
		}
	}
	slices.Sort(qs)
	return slices.Compact(qs)
}

type held struct {
	P int32
	C Certainty
}

func TestStabMatchesScan(t *testing.T) {
	for seed := range uint64(80) {
		ti := newTestIndex(t, seed)
		for _, q := range ti.probes() {
			for c := range NumClasses {
				var want, got []held
				for i, p := range ti.in {
					if p.Class() == c {
						if cert := p.Window().At(q); cert != Absent {
							want = append(want, held{ti.of[i], cert})
						}
					}
				}
				ti.ix.Stab(c, q, func(p int32, r *Period, cert Certainty) bool {
					got = append(got, held{p, cert})
					if r != ti.ix.Period(p) {
						t.Errorf("seed %d, day %d: Stab yields period %d with another's record", seed, q, p)
					}
					if cert != ti.ix.Certainty(p, q) {
						t.Errorf("seed %d, day %d: Stab says %d, Certainty %d", seed, q, cert, ti.ix.Certainty(p, q))
					}
					return true
				})
				slices.SortFunc(want, func(a, b held) int { return cmp.Compare(a.P, b.P) })
				slices.SortFunc(got, func(a, b held) int { return cmp.Compare(a.P, b.P) })
				if diff := gocmp.Diff(want, got); diff != "" {
					t.Fatalf("seed %d, class %d, day %d: Stab (-want +got)\n%s", seed, c, q, diff)
				}
			}
			for _, ks := range []Kinds{1<<16 - 1, 1 << 0, 1<<4 | 1<<9, 1<<1 | 1<<2 | 1<<5} {
				wantP, wantD := 0, 0
				for _, p := range ti.in {
					if ks&(1<<p.Kind) == 0 {
						continue
					}
					switch p.Window().At(q) {
					case Definite:
						wantP++
						wantD++
					case Possible:
						wantP++
					}
				}
				if p, d := ti.ix.Count(ks, q); p != wantP || d != wantD {
					t.Fatalf("seed %d, kinds %b, day %d: Count = %d, %d, want %d, %d", seed, ks, q, p, d, wantP, wantD)
				}
			}
		}
	}
}

func TestStabStops(t *testing.T) {
	ps := make([]Period, 3)
	for i := range ps {
		ps[i] = NewPeriod(ClassHostile, RoleNone, day(0), day(5))
	}
	ix := Build(ps, []int32{0})
	n := 0
	if ix.Stab(ClassHostile, 1, func(int32, *Period, Certainty) bool { n++; return false }) || n != 1 {
		t.Errorf("Stab did not stop after yield returned false (n=%d)", n)
	}
	if !ix.Stab(ClassPositive, 1, func(int32, *Period, Certainty) bool { return false }) {
		t.Error("Stab of an empty class did not finish")
	}
	empty := Build(nil, nil)
	if p, d := empty.Count(1<<16-1, 3); empty.Len() != 0 || empty.Changes(0, 10, nil) != nil || p != 0 || d != 0 {
		t.Error("the index of no periods is not empty")
	}
}

// A change is a change in comparable form.
type change struct {
	P         int32
	Closed    bool
	Certainty Certainty
}

func (ti testIndex) changesOf(xs []Change) []change {
	var out []change
	for _, x := range xs {
		out = append(out, change{x.Edge.Period(), x.Edge.Closed(), x.Certainty})
	}
	return out
}

// changeKey is the documented order of changes, worked out apart.
func (ti testIndex) changeKey(x change) []int64 {
	p := ti.ix.Period(x.P)
	when := p.Bound(x.Closed)
	closed := int64(1)
	if x.Closed {
		closed = 0
	}
	return []int64{int64(when.First), int64(when.Last - when.First), closed,
		int64(p.Kind), int64(ti.rank[p.From]), int64(ti.rank[p.To]), int64(x.P)}
}

func (ti testIndex) sortChanges(xs []change) {
	slices.SortFunc(xs, func(a, b change) int { return slices.Compare(ti.changeKey(a), ti.changeKey(b)) })
}

func TestChangesMatchScan(t *testing.T) {
	for _, merge := range []int{mergeRuns, 1} {
		defer func(m int) { mergeRuns = m }(mergeRuns)
		mergeRuns = merge // 1: a group for each width group
		for seed := range uint64(80) {
			ti := newTestIndex(t, seed)
			qs := ti.probes()
			for k := 0; k+1 < len(qs); k += 3 {
				for _, q2 := range []days.Day{qs[k+1], qs[k] + 31, qs[k] + 400, qs[len(qs)-1], qs[k]} {
					q1 := qs[k]
					var want []change
					for p := range int32(ti.ix.Len()) {
						r := ti.ix.Period(p)
						for _, closed := range []bool{false, true} {
							if c := r.Bound(closed).Within(q1, q2); c != Absent && q1 < q2 { // an empty range holds no change
								want = append(want, change{p, closed, c})
							}
						}
					}
					ti.sortChanges(want)
					if diff := gocmp.Diff(want, ti.changesOf(ti.ix.Changes(q1, q2, nil))); diff != "" {
						t.Fatalf("seed %d, merge %d: Changes(%d, %d) (-want +got)\n%s", seed, merge, q1, q2, diff)
					}
					for _, ks := range []Kinds{1<<16 - 1, 1 << 0, 1<<4 | 1<<9} {
						wantP, wantD := 0, 0
						for _, x := range want {
							if ks&(1<<ti.ix.Period(x.P).Kind) != 0 {
								wantP++
								if x.Certainty == Definite {
									wantD++
								}
							}
						}
						if p, d := ti.ix.CountChanges(ks, q1, q2); p != wantP || d != wantD {
							t.Fatalf("seed %d, kinds %b, merge %d: CountChanges(%d, %d) = %d, %d, want %d, %d", seed, ks, merge, q1, q2, p, d, wantP, wantD)
						}
					}
				}
			}
		}
	}
}

func TestNodeListsMatchScan(t *testing.T) {
	for seed := range uint64(80) {
		ti := newTestIndex(t, seed)
		for n := range int32(len(ti.rank)) {
			var want []int32
			var wantChanges, wantEdges []change
			for p := range int32(ti.ix.Len()) {
				r := ti.ix.Period(p)
				if r.From != n && r.To != n {
					continue
				}
				want = append(want, p)
				for _, closed := range []bool{false, true} {
					wantEdges = append(wantEdges, change{p, closed, Definite})
					if !r.Bound(closed).IsOpen() {
						wantChanges = append(wantChanges, change{p, closed, Definite})
					}
				}
			}
			slices.SortFunc(want, func(a, b int32) int {
				return slices.Compare(ti.changeKey(change{P: a}), ti.changeKey(change{P: b}))
			})
			if diff := gocmp.Diff(want, slices.Collect(ti.ix.Periods(n))); diff != "" {
				t.Fatalf("seed %d: Periods(%d) (-want +got)\n%s", seed, n, diff)
			}
			ti.sortChanges(wantChanges)
			ti.sortChanges(wantEdges)
			edges := func(es []Edge) []change {
				var out []change
				for _, e := range es {
					out = append(out, change{e.Period(), e.Closed(), Definite})
				}
				return out
			}
			if diff := gocmp.Diff(wantChanges, edges(ti.ix.Timeline(n))); diff != "" {
				t.Fatalf("seed %d: Timeline(%d) (-want +got)\n%s", seed, n, diff)
			}
			if diff := gocmp.Diff(wantEdges, edges(ti.ix.Edges(n))); diff != "" {
				t.Fatalf("seed %d: Edges(%d) (-want +got)\n%s", seed, n, diff)
			}
		}
	}
}

// control is the answer for a place on a day, worked out from its periods.
type control struct {
	State     State
	Holder    int32 // the holding party, or -1
	Certainty Certainty
	Besieged  Certainty
	More      bool
}

func (ti testIndex) controlAt(n int32, q days.Day) (control, bool) {
	a := control{Holder: -1}
	found, contested := false, false
	holders := map[int32]bool{}
	for _, p := range ti.in {
		if p.Class() != ClassTerritorial || p.To != n {
			continue
		}
		found = true
		c := p.Window().At(q)
		if c == Absent {
			continue
		}
		switch p.Role() {
		case RoleHolds:
			holders[p.From] = true
			if a.Holder < 0 || c > a.Certainty {
				a.Holder, a.Certainty = p.From, max(a.Certainty, c)
			}
		case RoleBesieges:
			a.Besieged, a.More = max(a.Besieged, c), true
		case RoleContests:
			contested, a.More = true, true
		}
	}
	if len(holders) > 1 {
		a.Holder, a.Certainty, a.More = -1, Possible, true
	}
	switch {
	case contested:
		a.State = StateContested
	case len(holders) == 0:
		a.State = StateUnknown
	case a.Besieged > Absent:
		a.State = StateBesieged
	default:
		a.State = StateHeld
	}
	return a, found
}

func TestControlMatchesScan(t *testing.T) {
	for seed := range uint64(80) {
		ti := newTestIndex(t, seed)
		for n := int32(parties); n < int32(len(ti.rank)); n++ {
			for _, q := range ti.probes() {
				want, wantOK := ti.controlAt(n, q)
				s, ok := ti.ix.Control(n, q)
				got := control{State: s.State, Holder: -1, Certainty: s.Certainty, Besieged: s.Besieged, More: s.More}
				if s.Holder >= 0 {
					got.Holder = ti.ix.Period(s.Holder).From
					if c := ti.ix.Certainty(s.Holder, q); c != s.Certainty {
						t.Fatalf("seed %d, place %d, day %d: holder's period is %d, segment says %d", seed, n, q, c, s.Certainty)
					}
				}
				if ok != wantOK || got != want {
					t.Fatalf("seed %d, place %d, day %d: Control = %+v, %v; want %+v, %v", seed, n, q, got, ok, want, wantOK)
				}
				if ok && s.From > q {
					t.Fatalf("seed %d, place %d, day %d: segment from day %d", seed, n, q, s.From)
				}
			}
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	const nodes = 4096
	ps := randomPeriods(r, 1<<18, nodes)
	rank := randomRank(r, nodes)
	b.ReportAllocs()
	for b.Loop() {
		Build(ps, rank)
	}
}
