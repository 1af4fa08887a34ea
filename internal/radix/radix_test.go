package radix

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 255, 256, 257, 1000, 5000} {
		for _, spread := range []uint{0, 1, 7, 11, 12, 22, 33, 64} {
			keys := make([]uint64, n)
			base := r.Uint64()
			for i := range keys {
				k := r.Uint64()
				if spread < 64 {
					k &= 1<<spread - 1
				}
				keys[i] = base&^(1<<spread-1) | k
				if spread == 64 {
					keys[i] = k
				}
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			var buf []uint64
			if n%2 == 0 {
				buf = make([]uint64, n)
			}
			Sort(keys, buf)
			if !slices.Equal(keys, want) {
				t.Fatalf("n=%d spread=%d: not sorted as slices.Sort sorts", n, spread)
			}
		}
	}
}

func TestSortShifted(t *testing.T) {
	// Keys that differ only in their high bits, and only in a middle digit.
	keys := make([]uint64, 1000)
	for i := range keys {
		keys[i] = uint64(999-i)<<50 | 12345
	}
	Sort(keys, nil)
	if !slices.IsSorted(keys) {
		t.Fatal("high-bit keys not sorted")
	}
}

func TestBits(t *testing.T) {
	for _, c := range []struct {
		x    uint64
		want int
	}{{0, 0}, {1, 1}, {2, 2}, {255, 8}, {256, 9}, {1<<63 + 1, 64}} {
		if got := Bits(c.x); got != c.want {
			t.Errorf("Bits(%d) = %d, want %d", c.x, got, c.want)
		}
	}
}

func BenchmarkSort(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 1<<20)
	for i := range keys {
		keys[i] = r.Uint64() >> 20
	}
	work := make([]uint64, len(keys))
	buf := make([]uint64, len(keys))
	b.ReportAllocs()
	for b.Loop() {
		copy(work, keys)
		Sort(work, buf)
	}
}
