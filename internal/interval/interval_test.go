package interval

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stabSlow is the obviously correct answer: every index whose interval
// contains q.
func stabSlow(lo, hi []int32, q int32) []int32 {
	var out []int32
	for i := range lo {
		if lo[i] <= q && q < hi[i] {
			out = append(out, int32(i))
		}
	}
	return out
}

func stab(t *Tree, order []int32, q int32) []int32 {
	var out []int32
	t.Stab(q, func(p int32) bool {
		out = append(out, order[p])
		return true
	})
	slices.Sort(out)
	return out
}

func TestStabMatchesScan(t *testing.T) {
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := r.IntN(200)
		lo := make([]int32, n)
		hi := make([]int32, n)
		for i := range n {
			switch r.IntN(10) {
			case 0:
				lo[i] = math.MinInt32
			default:
				lo[i] = int32(r.IntN(100))
			}
			switch r.IntN(10) {
			case 0:
				hi[i] = math.MaxInt32
			case 1:
				hi[i] = lo[i] // empty
			default:
				hi[i] = lo[i] + int32(r.IntN(30)) + 1
				if lo[i] == math.MinInt32 {
					hi[i] = int32(r.IntN(100))
				}
			}
		}
		tr, order := Build(lo, hi)
		for q := int32(-5); q < 140; q++ {
			want := stabSlow(lo, hi, q)
			if diff := cmp.Diff(want, stab(tr, order, q)); diff != "" {
				t.Fatalf("seed %d, q=%d: (-want +got)\n%s", seed, q, diff)
			}
			if got := tr.Count(q); got != len(want) {
				t.Fatalf("seed %d, q=%d: Count = %d, want %d", seed, q, got, len(want))
			}
		}
		for _, q := range []int32{math.MinInt32, math.MaxInt32 - 1} {
			if diff := cmp.Diff(stabSlow(lo, hi, q), stab(tr, order, q)); diff != "" {
				t.Fatalf("seed %d, q=%d: (-want +got)\n%s", seed, q, diff)
			}
		}
	}
}

func TestEdges(t *testing.T) {
	lo := []int32{10, 10, 20}
	hi := []int32{20, 11, 20}
	tr, order := Build(lo, hi)
	if tr.Len() != 2 {
		t.Fatalf("Len = %d, want 2 (the empty interval is left out)", tr.Len())
	}
	tests := []struct {
		q    int32
		want []int32
	}{
		{9, nil},
		{10, []int32{0, 1}}, // at start: holds
		{11, []int32{0}},    // at end of [10,11): does not
		{19, []int32{0}},
		{20, nil}, // at end: does not
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, stab(tr, order, tt.q)); diff != "" {
			t.Errorf("q=%d: (-want +got)\n%s", tt.q, diff)
		}
	}
	var empty Tree
	if empty.Count(0) != 0 || !empty.Stab(0, func(int32) bool { return false }) {
		t.Error("zero Tree is not empty")
	}
}

func TestStabStops(t *testing.T) {
	tr, _ := Build([]int32{0, 0, 0}, []int32{5, 5, 5})
	n := 0
	if tr.Stab(1, func(int32) bool { n++; return false }) || n != 1 {
		t.Errorf("Stab did not stop after yield returned false (n=%d)", n)
	}
}

func TestSelectKth(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		n := 1 + r.IntN(50)
		xs := make([]int32, n)
		for i := range xs {
			xs[i] = int32(r.IntN(10)) - 5
		}
		k := r.IntN(n)
		sorted := slices.Clone(xs)
		slices.Sort(sorted)
		if got := selectKth(xs, k); got != sorted[k] {
			t.Fatalf("selectKth(%v, %d) = %d, want %d", sorted, k, got, sorted[k])
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 1 << 20
	lo, hi := make([]int32, n), make([]int32, n)
	for i := range lo {
		lo[i] = int32(r.IntN(3650))
		hi[i] = lo[i] + 1 + int32(r.IntN(400))
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(lo, hi)
	}
}
