package timeindex

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/conflictgraph/conflict/internal/binfmt"
	"github.com/conflictgraph/conflict/internal/days"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// encoded returns the bytes of ix as Encode writes them.
func encoded(ix *Index) []byte {
	var e binfmt.Encoder
	ix.Encode(&e)
	return e.Bytes()
}

// decoded reads b back as an index for rank, and reports the decoder's
// error and whether bytes were left.
func decoded(b []byte, rank []int32) (*Index, error) {
	d := binfmt.NewDecoder(b, 0)
	ix := Decode(d, rank)
	if d.Err() == nil && d.Left() != 0 {
		return ix, errors.New("bytes left over")
	}
	return ix, d.Err()
}

var indexOptions = cmp.Options{
	cmpopts.EquateEmpty(),
	cmp.AllowUnexported(Index{}, Period{}, classLayout{}, group{}, segData{}, changeIndex{}, edgeRun{}, kindCounts{}, steps{}, widthRuns{}),
}

// TestEncodeDecode checks that an index read back is the index written,
// array for array, and answers as it does, on every kind of test index.
func TestEncodeDecode(t *testing.T) {
	seeds := uint64(40)
	if testing.Short() {
		seeds = 16
	}
	for seed := range seeds {
		ti := newTestIndex(t, seed)
		got, err := decoded(encoded(ti.ix), ti.rank)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if diff := cmp.Diff(ti.ix, got, indexOptions); diff != "" {
			t.Fatalf("seed %d: index read back (-want +got):\n%s", seed, diff)
		}
		for _, q := range ti.probes() {
			want := ti.ix.Changes(q, q+30, nil)
			if diff := cmp.Diff(want, got.Changes(q, q+30, nil)); diff != "" {
				t.Fatalf("seed %d: Changes(%d, %d) (-want +got):\n%s", seed, q, q+30, diff)
			}
		}
	}
}

// TestDecodeFromReader checks that an index read as its bytes come, in
// small runs, with its periods read in place or one by one, is the index
// written.
func TestDecodeFromReader(t *testing.T) {
	defer func(raw bool) { rawPeriods = raw }(rawPeriods)
	for _, raw := range []bool{rawPeriods, false} {
		rawPeriods = raw
		for seed := range uint64(4) {
			ti := newTestIndex(t, seed)
			b := encoded(ti.ix)
			for _, buf := range []int{1, 40, 1000} {
				d := binfmt.NewReaderSize(bytes.NewReader(b), len(b), 0, buf)
				got := Decode(d, ti.rank)
				if d.Err() != nil || d.Left() != 0 {
					t.Fatalf("raw %v, seed %d, buffer %d: err %v, %d bytes left", raw, seed, buf, d.Err(), d.Left())
				}
				if diff := cmp.Diff(ti.ix, got, indexOptions); diff != "" {
					t.Fatalf("raw %v, seed %d, buffer %d: index read back (-want +got):\n%s", raw, seed, buf, diff)
				}
			}
		}
	}
}

func TestEncodeDecodeEmpty(t *testing.T) {
	ix := Build(nil, nil)
	got, err := decoded(encoded(ix), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 0 {
		t.Errorf("Len = %d, want 0", got.Len())
	}
}

// TestDecodeCorrupt checks that an index cut short anywhere is an error,
// and that one with any byte changed is an error or an index, never a
// panic; and that each check of the decoder fails what it should.
func TestDecodeCorrupt(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 11))
	rank := randomRank(r, parties+2)
	good := encoded(Build(randomPeriods(r, 16, parties+2), rank))
	for n := range len(good) {
		if _, err := decoded(good[:n], rank); !errors.Is(err, binfmt.ErrTruncated) {
			t.Fatalf("cut to %d of %d bytes: err = %v, want ErrTruncated", n, len(good), err)
		}
	}
	for i := range good {
		for _, x := range []byte{0xff, 0x01, 0x80} {
			b := append([]byte(nil), good...)
			b[i] ^= x
			decoded(b, rank) // must not panic
		}
	}
	one := []Period{NewPeriod(ClassTerritorial, RoleHolds, Open(days.OpenStart), Open(days.OpenEnd))}
	one[0].From, one[0].To = 0, 1
	tests := []struct {
		name string
		edit func(ix *Index)
	}{
		{"node past the ranks", func(ix *Index) { ix.per[0].To = 2 }},
		{"kind", func(ix *Index) { ix.per[0].Kind = MaxKinds }},
		{"territorial without a role", func(ix *Index) { ix.per[0].bits &^= roleMask }},
		{"class run past the periods", func(ix *Index) { ix.classes[ClassTerritorial].runs[0].hi = 2 }},
		{"node edge offsets", func(ix *Index) { ix.nodeOff[1] = 5 }},
		{"node edge of no period", func(ix *Index) { ix.nodeEdge[0] = 2 }},
		{"segment holder", func(ix *Index) { ix.seg[0].holder = 1 }},
		{"change run", func(ix *Index) {
			ix.changes.runs = []edgeRun{{lo: 0, hi: 1}}
			ix.changes.wideOff = []int32{0, 1}
			ix.changes.wideMin, ix.changes.wideMax = []days.Day{2}, []days.Day{2}
		}},
		{"wide groups", func(ix *Index) { ix.changes.wideMin = []days.Day{2} }},
		{"counts", func(ix *Index) { ix.counts[0].lo = steps{day: []days.Day{1}, cum: []int32{}} }},
	}
	for _, tt := range tests {
		ix := Build(one, []int32{0, 1})
		tt.edit(ix)
		if _, err := decoded(encoded(ix), []int32{0, 1}); !errors.Is(err, binfmt.ErrRange) {
			t.Errorf("%s: err = %v, want ErrRange", tt.name, err)
		}
	}
}
