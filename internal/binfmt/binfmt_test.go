package binfmt

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type values struct {
	U8   uint8
	B    bool
	U16  uint16
	U32  uint32
	I32  int32
	U64  uint64
	I64  int64
	F64  float64
	S1   string
	S2   string
	S3   string
	Cnt  int
	Idx  int32
	Idx2 int32
}

func encode(v values) []byte {
	var e Encoder
	e.U8(v.U8)
	e.Bool(v.B)
	e.U16(v.U16)
	e.U32(v.U32)
	e.I32(v.I32)
	e.U64(v.U64)
	e.I64(v.I64)
	e.F64(v.F64)
	e.Str(v.S1)
	e.Str(v.S2)
	e.Str(v.S3)
	e.U32(uint32(v.Cnt))
	for range v.Cnt {
		e.U8(7)
	}
	e.I32(v.Idx)
	e.I32(v.Idx2)
	return e.Bytes()
}

func decode(b []byte) (values, error) { return decodeValues(NewDecoder(b, 0)) }

func TestRoundTrip(t *testing.T) {
	tests := []values{
		{},
		{U8: 255, B: true, U16: math.MaxUint16, U32: math.MaxUint32, I32: math.MinInt32, U64: math.MaxUint64, I64: math.MinInt64, F64: -1.5, S1: "a", S2: "", S3: "a", Cnt: 3, Idx: -1, Idx2: 2},
		{I32: math.MaxInt32, I64: math.MaxInt64, F64: math.Inf(1), S1: "héllo", S2: "wörld", S3: "x", Idx: 9},
	}
	for i, want := range tests {
		got, err := decode(encode(want))
		if err != nil {
			t.Errorf("%d: %v", i, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%d: round trip (-want +got):\n%s", i, diff)
		}
	}
}

func TestStringTableShared(t *testing.T) {
	var e Encoder
	e.Str("abc")
	e.Str("abc")
	e.Str("de")
	// 4 (count) + 2*4 (lengths) + 5 (bytes) + 3*4 (numbers)
	if got, want := len(e.Bytes()), 4+8+5+12; got != want {
		t.Errorf("len = %d, want %d", got, want)
	}
}

func TestTruncatedAtEveryPrefix(t *testing.T) {
	full := encode(values{B: true, S1: "one", S2: "two", Cnt: 2, Idx: 3, Idx2: 1})
	for n := range len(full) {
		_, err := decode(full[:n])
		if !errors.Is(err, ErrTruncated) {
			t.Errorf("prefix of %d of %d bytes: err = %v, want ErrTruncated", n, len(full), err)
		}
	}
}

func TestOutOfRange(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		want error
	}{
		{"bool 2", func() []byte {
			var e Encoder
			e.U8(2)
			return e.Bytes()
		}(), ErrRange},
		{"string past the table", func() []byte {
			var e Encoder
			e.U32(0)
			return e.Bytes()
		}(), ErrRange},
		{"huge count", func() []byte {
			var e Encoder
			e.U32(math.MaxUint32)
			e.U8(1)
			return e.Bytes()
		}(), ErrTruncated},
		{"index below", func() []byte {
			var e Encoder
			e.I32(-2)
			return e.Bytes()
		}(), ErrRange},
		{"index at n", func() []byte {
			var e Encoder
			e.I32(10)
			return e.Bytes()
		}(), ErrRange},
		{"huge string table", []byte{0xff, 0xff, 0xff, 0x7f}, ErrTruncated},
		{"string longer than the data", []byte{1, 0, 0, 0, 9, 0, 0, 0, 'a'}, ErrTruncated},
	}
	for _, tt := range tests {
		d := NewDecoder(tt.b, 100)
		switch tt.name {
		case "bool 2":
			d.Bool()
		case "string past the table":
			d.Str()
		case "huge count":
			if n := d.Count(1); n != 0 {
				t.Errorf("%s: Count = %d, want 0", tt.name, n)
			}
		case "index below", "index at n":
			if v := d.Index(-1, 10, "node"); v != -1 {
				t.Errorf("%s: Index = %d, want -1", tt.name, v)
			}
		}
		if !errors.Is(d.Err(), tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, d.Err(), tt.want)
		}
		if d.Left() != 0 {
			t.Errorf("%s: %d bytes left after an error, want 0", tt.name, d.Left())
		}
	}
}

func TestErrorNamesByte(t *testing.T) {
	var e Encoder
	e.U16(1)
	b := e.Bytes()
	d := NewDecoder(b, 1000)
	d.U32()
	want := "truncated at byte 1006"
	if got := d.Err(); got == nil || got.Error() != want {
		t.Errorf("err = %v, want %q", got, want)
	}
	if got := d.U64(); got != 0 {
		t.Errorf("read after error = %d, want 0", got)
	}
}

func TestInt32s(t *testing.T) {
	tests := [][]int32{nil, {0}, {-1, math.MaxInt32, math.MinInt32, 7}}
	for _, want := range tests {
		var e Encoder
		PutInt32s(&e, want)
		d := NewDecoder(e.Bytes(), 0)
		got := Int32s[int32](d)
		if d.Err() != nil || d.Left() != 0 {
			t.Errorf("%v: err %v, %d bytes left", want, d.Err(), d.Left())
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Int32s (-want +got):\n%s", diff)
		}
		full := e.Bytes()
		for n := range len(full) {
			d := NewDecoder(full[:n], 0)
			if Int32s[int32](d); !errors.Is(d.Err(), ErrTruncated) {
				t.Errorf("%v cut to %d bytes: err = %v, want ErrTruncated", want, n, d.Err())
			}
		}
	}
}
