package unionfind

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSets(t *testing.T) {
	type pair struct{ x, y int32 }
	tests := []struct {
		name   string
		n      int
		unions []pair
		merged []bool // result of each Union
		want   [][]int32
	}{
		{name: "empty", n: 0, want: [][]int32{}},
		{name: "single", n: 1, want: [][]int32{{0}}},
		{
			name: "singletons",
			n:    3,
			want: [][]int32{{0}, {1}, {2}},
		},
		{
			name:   "self union",
			n:      2,
			unions: []pair{{1, 1}},
			merged: []bool{false},
			want:   [][]int32{{0}, {1}},
		},
		{
			name:   "chain",
			n:      5,
			unions: []pair{{4, 3}, {3, 2}, {2, 1}, {1, 0}},
			merged: []bool{true, true, true, true},
			want:   [][]int32{{0, 1, 2, 3, 4}},
		},
		{
			name:   "repeated union",
			n:      4,
			unions: []pair{{0, 1}, {1, 0}, {2, 3}, {0, 1}},
			merged: []bool{true, false, true, false},
			want:   [][]int32{{0, 1}, {2, 3}},
		},
		{
			name:   "interleaved",
			n:      7,
			unions: []pair{{6, 1}, {5, 3}, {1, 4}, {3, 0}},
			merged: []bool{true, true, true, true},
			want:   [][]int32{{0, 3, 5}, {1, 4, 6}, {2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.n)
			var merged []bool
			for _, p := range tt.unions {
				merged = append(merged, s.Union(p.x, p.y))
			}
			if diff := cmp.Diff(tt.merged, merged); diff != "" {
				t.Errorf("Union results mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, s.Components()); diff != "" {
				t.Errorf("Components mismatch (-want +got):\n%s", diff)
			}
			if got, want := s.Count(), len(tt.want); got != want {
				t.Errorf("Count() = %d, want %d", got, want)
			}
			if got := s.Len(); got != tt.n {
				t.Errorf("Len() = %d, want %d", got, tt.n)
			}
			for _, c := range tt.want {
				for _, x := range c {
					if !s.Same(x, c[0]) {
						t.Errorf("Same(%d, %d) = false, want true", x, c[0])
					}
					if got := s.Size(x); got != len(c) {
						t.Errorf("Size(%d) = %d, want %d", x, got, len(c))
					}
				}
			}
		})
	}
}

// TestAgainstLabels checks random unions against a naive relabeling model.
func TestAgainstLabels(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s Sets
	for trial := range 200 {
		n := 1 + rng.IntN(40)
		s.Reset(n)
		label := make([]int, n)
		for i := range label {
			label[i] = i
		}
		for range rng.IntN(2 * n) {
			x, y := rng.IntN(n), rng.IntN(n)
			lx, ly := label[x], label[y]
			if got := s.Union(int32(x), int32(y)); got != (lx != ly) {
				t.Fatalf("trial %d: Union(%d, %d) = %v, want %v", trial, x, y, got, lx != ly)
			}
			for i := range label {
				if label[i] == ly {
					label[i] = lx
				}
			}
		}
		want := [][]int32{}
		index := map[int]int{}
		for x, l := range label {
			i, ok := index[l]
			if !ok {
				i = len(want)
				index[l] = i
				want = append(want, nil)
			}
			want[i] = append(want[i], int32(x))
		}
		if diff := cmp.Diff(want, s.Components()); diff != "" {
			t.Fatalf("trial %d: Components mismatch (-want +got):\n%s", trial, diff)
		}
	}
}

func TestResetReusesMemory(t *testing.T) {
	s := New(8)
	s.Union(0, 7)
	allocs := testing.AllocsPerRun(10, func() { s.Reset(5) })
	if allocs != 0 {
		t.Errorf("Reset to a smaller size allocated %v times, want 0", allocs)
	}
	if diff := cmp.Diff([][]int32{{0}, {1}, {2}, {3}, {4}}, s.Components()); diff != "" {
		t.Errorf("Components after Reset mismatch (-want +got):\n%s", diff)
	}
}

func TestResetPanicsOnNegativeSize(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Reset(-1) did not panic")
		}
	}()
	var s Sets
	s.Reset(-1)
}

func BenchmarkUnionFind(b *testing.B) {
	const n = 1 << 16
	rng := rand.New(rand.NewPCG(3, 4))
	pairs := make([][2]int32, n)
	for i := range pairs {
		pairs[i] = [2]int32{rng.Int32N(n), rng.Int32N(n)}
	}
	var s Sets
	b.ReportAllocs()
	for b.Loop() {
		s.Reset(n)
		for _, p := range pairs {
			s.Union(p[0], p[1])
		}
		for _, p := range pairs {
			s.Same(p[0], p[1])
		}
	}
}

func BenchmarkComponents(b *testing.B) {
	const n = 1 << 16
	rng := rand.New(rand.NewPCG(5, 6))
	s := New(n)
	for range n / 2 {
		s.Union(rng.Int32N(n), rng.Int32N(n))
	}
	b.ReportAllocs()
	for b.Loop() {
		s.Components()
	}
}
