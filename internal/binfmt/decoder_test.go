package binfmt

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"strconv"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// decoders returns Decoders of b: one of the bytes in memory, and ones of
// a reader of them with buffers of several sizes, one reading a byte at a
// time.
func decoders(b []byte, base int) map[string]*Decoder {
	ds := map[string]*Decoder{"bytes": NewDecoder(b, base)}
	for _, buf := range []int{1, 3, 8, 64, window} {
		ds["reader, buffer "+strconv.Itoa(buf)] = NewReaderSize(bytes.NewReader(b), len(b), base, buf)
	}
	ds["one byte at a time"] = NewReaderSize(iotest.OneByteReader(bytes.NewReader(b)), len(b), base, 5)
	return ds
}

// decodeValues reads what encode wrote with d.
func decodeValues(d *Decoder) (values, error) {
	var v values
	v.U8 = d.U8()
	v.B = d.Bool()
	v.U16 = d.U16()
	v.U32 = d.U32()
	v.I32 = d.I32()
	v.U64 = d.U64()
	v.I64 = d.I64()
	v.F64 = d.F64()
	v.S1, v.S2, v.S3 = d.Str(), d.Str(), d.Str()
	v.Cnt = d.Count(1)
	for range v.Cnt {
		d.U8()
	}
	v.Idx = d.Index(-1, 10, "node")
	v.Idx2 = d.Index(0, 3, "set")
	if d.Left() != 0 && d.Err() == nil {
		return v, errors.New("bytes left over")
	}
	return v, d.Err()
}

func TestReaderRoundTrip(t *testing.T) {
	want := values{U8: 255, B: true, U16: math.MaxUint16, U32: math.MaxUint32, I32: math.MinInt32, U64: math.MaxUint64, I64: math.MinInt64, F64: -1.5, S1: "a", S2: "", S3: "héllo wörld, a longer string", Cnt: 20, Idx: -1, Idx2: 2}
	b := encode(want)
	for name, d := range decoders(b, 7) {
		got, err := decodeValues(d)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: round trip (-want +got):\n%s", name, diff)
		}
		sum, err := d.Sum()
		if err != nil || sum != crc32.Checksum(b, castagnoli) {
			t.Errorf("%s: Sum = %#x, %v; want %#x, nil", name, sum, err, crc32.Checksum(b, castagnoli))
		}
		if d.Consumed() != len(b) {
			t.Errorf("%s: Consumed = %d, want %d", name, d.Consumed(), len(b))
		}
	}
}

// TestReaderEveryPrefix checks that a Decoder of a reader fails on a cut
// data where a Decoder of the bytes does, with the same error, and that
// Sum then reads the rest of the data and sums all of it.
func TestReaderEveryPrefix(t *testing.T) {
	full := encode(values{B: true, S1: "one", S2: "two", Cnt: 9, Idx: 3, Idx2: 1})
	for n := range len(full) {
		_, want := decode(full[:n])
		for name, d := range decoders(full[:n], 0) {
			if _, err := decodeValues(d); err == nil || err.Error() != want.Error() {
				t.Errorf("prefix of %d bytes, %s: err = %v, want %v", n, name, err, want)
			}
			if sum, err := d.Sum(); err != nil || sum != crc32.Checksum(full[:n], castagnoli) || d.Consumed() != n {
				t.Errorf("prefix of %d bytes, %s: Sum = %#x, %v after reading %d bytes", n, name, sum, err, d.Consumed())
			}
		}
	}
}

// TestReaderEndsEarly checks that a reader that has fewer bytes than the
// Decoder was told is an error that wraps ErrTruncated, and that Sum
// reports io.ErrUnexpectedEOF.
func TestReaderEndsEarly(t *testing.T) {
	full := encode(values{S1: "one", Cnt: 30})
	for n := range len(full) {
		for _, buf := range []int{1, 4, 100} {
			d := NewReaderSize(bytes.NewReader(full[:n]), len(full), 0, buf)
			decodeValues(d)
			if !errors.Is(d.Err(), ErrTruncated) {
				t.Errorf("%d of %d bytes, buffer %d: err = %v, want ErrTruncated", n, len(full), buf, d.Err())
			}
			if _, err := d.Sum(); !errors.Is(err, io.ErrUnexpectedEOF) || d.Consumed() != n {
				t.Errorf("%d of %d bytes, buffer %d: Sum err = %v after %d bytes, want io.ErrUnexpectedEOF after %d", n, len(full), buf, err, d.Consumed(), n)
			}
		}
	}
}

// TestReaderError checks that Sum returns the reader's error.
func TestReaderError(t *testing.T) {
	full := encode(values{S1: "one", Cnt: 30})
	bad := errors.New("disk on fire")
	d := NewReaderSize(io.MultiReader(bytes.NewReader(full[:10]), iotest.ErrReader(bad)), len(full), 0, 4)
	decodeValues(d)
	if d.Err() == nil {
		t.Error("err = nil after the reader failed")
	}
	if _, err := d.Sum(); !errors.Is(err, bad) {
		t.Errorf("Sum err = %v, want %v", err, bad)
	}
}

// TestInt32sRuns reads runs of numbers longer and shorter than the
// buffer, in place and one by one, cut anywhere.
func TestInt32sRuns(t *testing.T) {
	want := make([]int32, 100)
	for i := range want {
		want[i] = int32(i*i) - 50
	}
	var e Encoder
	PutInt32s(&e, want)
	PutInt32s(&e, want[:3])
	full := e.Bytes()
	for _, raw := range []bool{true, false} {
		was := littleEndian
		littleEndian = raw && was
		for name, d := range decoders(full, 0) {
			a, b := Int32s[int32](d), Int32s[int32](d)
			if d.Err() != nil || d.Left() != 0 {
				t.Errorf("raw %v, %s: err %v, %d bytes left", raw, name, d.Err(), d.Left())
			}
			if diff := cmp.Diff([][]int32{want, want[:3]}, [][]int32{a, b}); diff != "" {
				t.Errorf("raw %v, %s: Int32s (-want +got):\n%s", raw, name, diff)
			}
		}
		for n := range len(full) - 1 {
			for name, d := range decoders(full[:n], 0) {
				if Int32s[int32](d); n >= 4+400 {
					Int32s[int32](d)
				}
				if !errors.Is(d.Err(), ErrTruncated) {
					t.Errorf("raw %v, %s, cut to %d bytes: err = %v, want ErrTruncated", raw, name, n, d.Err())
				}
			}
		}
		littleEndian = was
	}
}

// TestFits checks that a Decoder of bytes takes any run at once, and one
// of a reader no more than its buffer holds, and at least one item.
func TestFits(t *testing.T) {
	b := make([]byte, 100)
	if got := NewDecoder(b, 0).Fits(90, 33); got != 90 {
		t.Errorf("bytes: Fits(90, 33) = %d, want 90", got)
	}
	d := NewReaderSize(bytes.NewReader(b), len(b), 0, 64)
	for _, tt := range []struct{ n, size, want int }{{90, 33, 1}, {90, 8, 8}, {3, 8, 3}, {5, 100, 1}} {
		if got := d.Fits(tt.n, tt.size); got != tt.want {
			t.Errorf("reader: Fits(%d, %d) = %d, want %d", tt.n, tt.size, got, tt.want)
		}
	}
}
