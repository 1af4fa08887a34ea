package binfmt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"unsafe"
)

// A Decoder reads what an [Encoder] wrote, from bytes in memory
// ([NewDecoder]) or as they come from a reader ([NewReader]).
type Decoder struct {
	b    []byte // buffered input; b[off:] is not yet read
	off  int
	pos  int       // offset in the input of b[0]
	end  int       // offset in the input of the end of the data
	src  io.Reader // where the bytes after b come from; nil if b holds them all
	crc  uint32    // CRC-32C of the bytes read from src so far
	rerr error     // src's error, if any
	n    int       // bytes read from src
	strs []string
	err  error
}

// window is the size of a reading Decoder's buffer.
const window = 256 << 10

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// NewDecoder returns a Decoder of b, which an Encoder's Bytes returned,
// having read its string table. base is the offset of b in the input it
// came from: errors name bytes counted from there.
func NewDecoder(b []byte, base int) *Decoder {
	d := &Decoder{b: b, pos: base, end: base + len(b)}
	d.table()
	return d
}

// NewReader returns a Decoder of the size bytes that r reads next, which
// an Encoder's Bytes returned, having read its string table. It reads
// from r as the reads of the Decoder need, in a buffer of a fixed size,
// and never past the size bytes; [Decoder.Sum] reads what is left. base
// is the offset of the data in the input it comes from: errors name bytes
// counted from there.
//
// The Decoder bounds what it allocates by size, not by what r has: the
// caller checks that r has size bytes, if a corrupt size must not make it
// ask for a huge allocation.
func NewReader(r io.Reader, size, base int) *Decoder {
	return NewReaderSize(r, size, base, window)
}

// NewReaderSize is [NewReader] with a buffer of buf bytes (buf >= 1)
// rather than the default 256 KiB.
func NewReaderSize(r io.Reader, size, base, buf int) *Decoder {
	buf = max(buf, 1)
	d := &Decoder{b: make([]byte, 0, min(size, buf)), pos: base, end: base + size, src: r}
	d.table()
	return d
}

// table reads the string table: the number of strings, the length of
// each, and their bytes, which it keeps in one allocation.
func (d *Decoder) table() {
	lens := Int32s[uint32](d)
	if d.err != nil {
		return
	}
	total := 0
	for i, l := range lens {
		if int(l) > d.Left()-total {
			d.fail(fmt.Errorf("string %d of %d bytes: %w at byte %d", i, l, ErrTruncated, d.end))
			return
		}
		total += int(l)
	}
	buf := make([]byte, total)
	if !d.Fill(buf) {
		return
	}
	all := ""
	if total > 0 {
		all = unsafe.String(&buf[0], total) // buf is not written again
	}
	d.strs = make([]string, len(lens))
	at := 0
	for i, l := range lens {
		d.strs[i] = all[at : at+int(l)]
		at += int(l)
	}
}

// Err returns the first error of the reads so far, or nil.
func (d *Decoder) Err() error { return d.err }

// Offset returns the offset in the input of the next byte to read.
func (d *Decoder) Offset() int { return d.pos + d.off }

// Left returns the number of bytes not yet read; 0 after an error.
func (d *Decoder) Left() int {
	if d.err != nil {
		return 0
	}
	return d.end - d.Offset()
}

// Fail sets the Decoder's error to err, unless it has one, and returns the
// Decoder's error.
func (d *Decoder) Fail(err error) error {
	d.fail(err)
	return d.err
}

func (d *Decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Sum reads what the Decoder has not read of its data, even after an
// error, and returns the CRC-32 (Castagnoli) of the whole data, and the
// error of the reader, if any (io.ErrUnexpectedEOF if it ended early).
func (d *Decoder) Sum() (uint32, error) {
	if d.src == nil {
		return crc32.Checksum(d.b, castagnoli), nil
	}
	for d.rerr == nil && d.pos+len(d.b) < d.end {
		d.pos += len(d.b)
		d.off = 0
		d.b = d.b[:0]
		d.read(1)
	}
	return d.crc, d.rerr
}

// Consumed returns the number of bytes the Decoder has read from its reader,
// or the size of its data if it has no reader.
func (d *Decoder) Consumed() int {
	if d.src == nil {
		return len(d.b)
	}
	return d.n
}

// read reads at least n more bytes from src into b, which has room for
// them, as many as b has room for and the data holds; it reports whether
// it read them.
func (d *Decoder) read(n int) bool {
	k := len(d.b)
	want := min(cap(d.b), d.end-d.pos)
	m, err := io.ReadAtLeast(d.src, d.b[k:want], n)
	d.crc = crc32.Update(d.crc, castagnoli, d.b[k:k+m])
	d.n += m
	d.b = d.b[:k+m]
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		d.rerr = err
		d.fail(fmt.Errorf("%w at byte %d", ErrTruncated, d.pos+len(d.b)))
		return false
	}
	return true
}

// take returns the next n bytes, or nil after failing if there are fewer.
func (d *Decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > d.Left() {
		d.fail(fmt.Errorf("%w at byte %d", ErrTruncated, d.end))
		return nil
	}
	if k := len(d.b) - d.off; n > k {
		if n > cap(d.b) {
			b := make([]byte, k, n)
			copy(b, d.b[d.off:])
			d.b = b
		} else {
			d.b = d.b[:copy(d.b, d.b[d.off:])]
		}
		d.pos += d.off
		d.off = 0
		if !d.read(n - k) {
			return nil
		}
	}
	p := d.b[d.off : d.off+n]
	d.off += n
	return p
}

// Fill reads len(p) bytes into p, and reports whether it read them.
func (d *Decoder) Fill(p []byte) bool {
	if d.err != nil {
		return false
	}
	if len(p) > d.Left() {
		d.fail(fmt.Errorf("%w at byte %d", ErrTruncated, d.end))
		return false
	}
	k := copy(p, d.b[d.off:])
	d.off += k
	p = p[k:]
	if len(p) == 0 {
		return true
	}
	// b is read; read a long rest straight into p, a short one through b.
	d.pos += len(d.b)
	d.off = 0
	d.b = d.b[:0]
	if len(p) < cap(d.b) {
		return copy(p, d.take(len(p))) == len(p)
	}
	m, err := io.ReadFull(d.src, p)
	d.crc = crc32.Update(d.crc, castagnoli, p[:m])
	d.n += m
	d.pos += m
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		d.rerr = err
		d.fail(fmt.Errorf("%w at byte %d", ErrTruncated, d.pos))
		return false
	}
	return true
}

// Fits returns how many items of size bytes (size >= 1) to [Decoder.Take]
// at once, at most n: as many as the Decoder's buffer holds, and at least
// one.
func (d *Decoder) Fits(n, size int) int {
	if d.src == nil {
		return n
	}
	return min(n, max(1, cap(d.b)/max(size, 1)))
}

// Take returns the next n bytes as they are, for a caller that reads a run
// of fixed-size items at once; nil after failing if there are fewer. The
// bytes are the Decoder's: they are valid until its next read. A Decoder
// of a reader takes best no more than its buffer holds: see [Decoder.Fits].
func (d *Decoder) Take(n int) []byte { return d.take(n) }

// littleEndian reports whether the machine keeps integers as the data
// does, so that a run of them can be read straight into memory.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// Raw reads len(l) items into l, byte for byte, and reports whether it
// read them; on a big-endian machine it reads nothing and reports false,
// for the caller to read the items one by one. The caller vouches that T
// is laid out in memory as the items are in the data, with no padding or
// pointers, and checks every value read.
func Raw[T any](d *Decoder, l []T) bool {
	if !littleEndian {
		return false
	}
	if len(l) == 0 {
		return d.err == nil
	}
	return d.Fill(unsafe.Slice((*byte)(unsafe.Pointer(&l[0])), len(l)*int(unsafe.Sizeof(l[0]))))
}

// Int32s reads what [PutInt32s] wrote; nil for no values.
func Int32s[T ~int32 | ~uint32](d *Decoder) []T {
	n := d.Count(4)
	if n == 0 {
		return nil
	}
	l := make([]T, n)
	if Raw(d, l) {
		return l
	}
	for i := 0; i < n && d.err == nil; {
		k := d.Fits(n-i, 4)
		p := d.take(4 * k)
		if p == nil {
			break
		}
		for j := range k {
			l[i+j] = T(binary.LittleEndian.Uint32(p[4*j:]))
		}
		i += k
	}
	if d.err != nil {
		return nil
	}
	return l
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
	if uint64(n)*uint64(max(size, 1)) > uint64(d.Left()) {
		d.fail(fmt.Errorf("byte %d: count %d of %d-byte items: %w at byte %d", at, n, size, ErrTruncated, d.end))
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
