// Package binfmt writes and reads the fixed-width little-endian values of a
// binary file: unsigned and signed integers, floats, and strings kept once
// each in a table and written as their number in it.
//
// An [Encoder] appends values to a buffer; [Encoder.Bytes] returns the
// string table followed by the values. A [Decoder] reads them back in the
// same order. Its errors are sticky: after the first, every read returns
// the zero value and [Decoder.Err] reports the first. A Decoder never
// allocates more than the bytes it reads could fill, so a corrupt length
// cannot make it ask for a huge allocation.
package binfmt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrTruncated is wrapped by the error of a read past the end of the data.
var ErrTruncated = errors.New("truncated")

// ErrRange is wrapped by the error of a value out of its range: a string
// number past the table's end, a count larger than the bytes left could
// hold.
var ErrRange = errors.New("value out of range")

// An Encoder appends values to a buffer. The zero Encoder is ready to use.
type Encoder struct {
	b    []byte
	ids  map[string]uint32
	strs []string
	size int // bytes of the strings in strs
}

// U8 appends v.
func (e *Encoder) U8(v uint8) { e.b = append(e.b, v) }

// Bool appends v as a byte, 1 for true.
func (e *Encoder) Bool(v bool) {
	var x uint8
	if v {
		x = 1
	}
	e.b = append(e.b, x)
}

// U16 appends v in 2 bytes.
func (e *Encoder) U16(v uint16) { e.b = binary.LittleEndian.AppendUint16(e.b, v) }

// U32 appends v in 4 bytes.
func (e *Encoder) U32(v uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, v) }

// I32 appends v in 4 bytes, two's complement.
func (e *Encoder) I32(v int32) { e.U32(uint32(v)) }

// U64 appends v in 8 bytes.
func (e *Encoder) U64(v uint64) { e.b = binary.LittleEndian.AppendUint64(e.b, v) }

// I64 appends v in 8 bytes, two's complement.
func (e *Encoder) I64(v int64) { e.U64(uint64(v)) }

// F64 appends v in 8 bytes, its IEEE 754 bits.
func (e *Encoder) F64(v float64) { e.U64(math.Float64bits(v)) }

// Str appends the number of s in the string table, adding s to the
// table if it is new.
func (e *Encoder) Str(s string) {
	id, ok := e.ids[s]
	if !ok {
		if e.ids == nil {
			e.ids = map[string]uint32{}
		}
		id = uint32(len(e.strs))
		e.ids[s] = id
		e.strs = append(e.strs, s)
		e.size += len(s)
	}
	e.U32(id)
}

// Len returns the number of bytes of values appended so far, without the
// string table.
func (e *Encoder) Len() int { return len(e.b) }

// Grow makes room for n more bytes of values, for a caller that knows
// about how many it will append.
func (e *Encoder) Grow(n int) { e.b = slices.Grow(e.b, n) }

// Bytes returns the string table followed by the values: Table, then
// Values.
func (e *Encoder) Bytes() []byte { return append(e.Table(), e.b...) }

// Table returns the string table: the number of strings (4 bytes), the
// length of each (4 bytes each), and their bytes.
func (e *Encoder) Table() []byte {
	out := make([]byte, 0, 4+4*len(e.strs)+e.size)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(e.strs)))
	for _, s := range e.strs {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(s)))
	}
	for _, s := range e.strs {
		out = append(out, s...)
	}
	return out
}

// Values returns the values appended so far. The slice is the Encoder's:
// read it, do not modify it.
func (e *Encoder) Values() []byte { return e.b }

// A Decoder reads what an [Encoder] wrote.
type Decoder struct {
	b    []byte
	off  int // next byte to read in b
	base int // offset of b in the whole input, for errors
	strs []string
	err  error
}

// NewDecoder returns a Decoder of b, which an Encoder's Bytes returned,
// having read its string table. base is the offset of b in the input it
// came from: errors name bytes counted from there.
func NewDecoder(b []byte, base int) *Decoder {
	d := &Decoder{b: b, base: base}
	n := d.Count(4)
	if d.err != nil {
		return d
	}
	lens := d.b[d.off : d.off+4*n]
	d.off += 4 * n
	total := 0
	for i := range n {
		l := int(binary.LittleEndian.Uint32(lens[4*i:]))
		if l > len(d.b)-d.off-total {
			d.fail(fmt.Errorf("string %d of %d bytes: %w at byte %d", i, l, ErrTruncated, d.base+len(d.b)))
			return d
		}
		total += l
	}
	all := string(d.b[d.off : d.off+total]) // one allocation for every string
	d.off += total
	d.strs = make([]string, n)
	at := 0
	for i := range n {
		l := int(binary.LittleEndian.Uint32(lens[4*i:]))
		d.strs[i] = all[at : at+l]
		at += l
	}
	return d
}

// Err returns the first error of the reads so far, or nil.
func (d *Decoder) Err() error { return d.err }

// Offset returns the offset in the input of the next byte to read.
func (d *Decoder) Offset() int { return d.base + d.off }

// Left returns the number of bytes not yet read.
func (d *Decoder) Left() int { return len(d.b) - d.off }

// Fail sets the Decoder's error to err, unless it has one, and returns the
// Decoder's error.
func (d *Decoder) Fail(err error) error {
	d.fail(err)
	return d.err
}

func (d *Decoder) fail(err error) {
	if d.err == nil {
		d.err = err
		d.off = len(d.b)
	}
}

// take returns the next n bytes, or nil after failing if there are fewer.
func (d *Decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b)-d.off {
		d.fail(fmt.Errorf("%w at byte %d", ErrTruncated, d.base+len(d.b)))
		return nil
	}
	p := d.b[d.off : d.off+n]
	d.off += n
	return p
}

// U8 reads a byte.
func (d *Decoder) U8() uint8 {
	if p := d.take(1); p != nil {
		return p[0]
	}
	return 0
}

// Bool reads a byte written by [Encoder.Bool]; any byte but 0 and 1 is an
// error.
func (d *Decoder) Bool() bool {
	at := d.Offset()
	switch v := d.U8(); v {
	case 0:
		return false
	case 1:
		return true
	default:
		d.fail(fmt.Errorf("byte %d: boolean %d: %w", at, v, ErrRange))
	}
	return false
}

// U16 reads 2 bytes.
func (d *Decoder) U16() uint16 {
	if p := d.take(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

// U32 reads 4 bytes.
func (d *Decoder) U32() uint32 {
	if p := d.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

// I32 reads 4 bytes as a signed integer.
func (d *Decoder) I32() int32 { return int32(d.U32()) }

// U64 reads 8 bytes.
func (d *Decoder) U64() uint64 {
	if p := d.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// I64 reads 8 bytes as a signed integer.
func (d *Decoder) I64() int64 { return int64(d.U64()) }

// F64 reads 8 bytes as a float.
func (d *Decoder) F64() float64 { return math.Float64frombits(d.U64()) }

// Str reads a string's number and returns the string.
func (d *Decoder) Str() string {
	at := d.Offset()
	i := d.U32()
	if d.err != nil {
		return ""
	}
	if uint64(i) >= uint64(len(d.strs)) {
		d.fail(fmt.Errorf("byte %d: string %d of %d: %w", at, i, len(d.strs), ErrRange))
		return ""
	}
	return d.strs[i]
}

// Count reads a count of items written as 4 bytes, each of which takes at
// least size bytes (size >= 1), and returns it; a count the bytes left
// could not hold is an error, and gives 0.
func (d *Decoder) Count(size int) int {
	at := d.Offset()
	n := d.U32()
	if d.err != nil {
		return 0
	}
	if uint64(n)*uint64(max(size, 1)) > uint64(len(d.b)-d.off) {
		d.fail(fmt.Errorf("byte %d: count %d of %d-byte items: %w at byte %d", at, n, size, ErrTruncated, d.base+len(d.b)))
		return 0
	}
	return int(n)
}

// Index reads a signed 4-byte index and checks it is in [lo, n); out of
// range is an error and gives lo.
func (d *Decoder) Index(lo, n int32, what string) int32 {
	at := d.Offset()
	v := d.I32()
	if d.err != nil {
		return lo
	}
	if v < lo || v >= n {
		d.fail(fmt.Errorf("byte %d: %s %d, want %d to %d: %w", at, what, v, lo, n-1, ErrRange))
		return lo
	}
	return v
}

// PutInt32s appends a count and the values of l, 4 bytes each.
func PutInt32s[T ~int32](e *Encoder, l []T) {
	e.U32(uint32(len(l)))
	for _, v := range l {
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(v))
	}
}

// Int32s reads what [PutInt32s] wrote; nil for no values.
func Int32s[T ~int32](d *Decoder) []T {
	n := d.Count(4)
	p := d.take(4 * n)
	if n == 0 || p == nil {
		return nil
	}
	l := make([]T, n)
	for i := range l {
		l[i] = T(binary.LittleEndian.Uint32(p[4*i:]))
	}
	return l
}

// Take returns the next n bytes as they are, for a caller that reads a run
// of fixed-size items at once; nil after failing if there are fewer.
func (d *Decoder) Take(n int) []byte { return d.take(n) }
