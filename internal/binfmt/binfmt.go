// Package binfmt writes and reads the fixed-width little-endian values of a
// binary file: unsigned and signed integers, floats, and strings kept once
// each in a table and written as their number in it.
//
// An [Encoder] appends values to a buffer; [Encoder.Bytes] returns the
// string table followed by the values. A [Decoder] reads them back in the
// same order, from bytes in memory or as they come from a reader, summing
// them as they pass. Its errors are sticky: after the first, every read
// returns the zero value and [Decoder.Err] reports the first. A Decoder
// never allocates more than the bytes left of its data could fill, so a
// corrupt count cannot make it ask for a huge allocation.
package binfmt

import (
	"encoding/binary"
	"errors"
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

// PutInt32s appends a count and the values of l, 4 bytes each.
func PutInt32s[T ~int32](e *Encoder, l []T) {
	e.U32(uint32(len(l)))
	for _, v := range l {
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(v))
	}
}
