package conflict

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/conflictgraph/conflict/internal/binfmt"
)

// A binary snapshot is a Conflict's whole record in a compact form that
// reads back far faster than a dataset file: [Conflict.WriteTo] writes
// one, [Conflict.ReadFrom] and [ReadSnapshot] read one.
//
// Its form, all integers little-endian:
//
//	magic    "conflict snapshot\n" (18 bytes)
//	version  4 bytes: SnapshotVersion
//	length   8 bytes: the length of the body
//	checksum 4 bytes: CRC-32 (Castagnoli) of the body
//	body     a string table, the record (binaryenc.go, binarydec.go), and
//	         what the index is built from (binaryindex.go)

// SnapshotVersion is the version of the binary snapshot form that
// [Conflict.WriteTo] writes and [Conflict.ReadFrom] reads.
const SnapshotVersion = 1

// ErrSnapshot is wrapped by the error of reading a binary snapshot that is
// not one this package can read: another form or version, a checksum that
// does not match, a snapshot cut short or corrupt.
var ErrSnapshot = errors.New("conflict: snapshot")

const snapshotMagic = "conflict snapshot\n"

const snapshotHeader = len(snapshotMagic) + 4 + 8 + 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// WriteTo writes the whole record as a binary snapshot, which
// [Conflict.ReadFrom] reads back into a Conflict that answers every
// question as this one does. The snapshot keeps the index that queries
// read as well as the record, so WriteTo first builds the index if a
// change has made it stale, as the next query would. It implements
// [io.WriterTo]: it returns the number of bytes written. It is safe to
// call while records are added: it writes the record as it was when it
// began.
func (c *Conflict) WriteTo(w io.Writer) (int64, error) {
	s := c.snapshot()
	var e binfmt.Encoder
	// About what a relation and a period take, so the buffer grows once.
	e.Grow(40*len(s.rec.rels) + 130*s.ix.Len())
	encodeStore(&e, &s.rec)
	encodeIndex(&e, s)
	table, values := e.Table(), e.Values()
	head := make([]byte, 0, snapshotHeader)
	head = append(head, snapshotMagic...)
	head = binary.LittleEndian.AppendUint32(head, SnapshotVersion)
	head = binary.LittleEndian.AppendUint64(head, uint64(len(table)+len(values)))
	head = binary.LittleEndian.AppendUint32(head, crc32.Update(crc32.Checksum(table, castagnoli), castagnoli, values))
	var n int64
	for _, b := range [][]byte{head, table, values} {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, fmt.Errorf("conflict: writing snapshot: %w", err)
		}
	}
	return n, nil
}

// ReadFrom reads a binary snapshot that [Conflict.WriteTo] wrote and
// replaces the Conflict's record with it, as [encoding/json.Unmarshal]
// into a fresh value would: what the Conflict held before is gone, and it
// then answers as the Conflict that wrote the snapshot. It reads the
// snapshot's bytes and no more, so a snapshot may be followed by other
// data. It implements [io.ReaderFrom]: it returns the number of bytes
// read. It decodes a [bytes.Buffer]'s snapshot where it lies, and reads
// from a reader that tells how many bytes it has left (as a
// [bytes.Reader] does) a little at a time, so neither takes a second copy
// of the snapshot in memory; from any other reader it first reads the
// whole snapshot.
//
// A snapshot of another form or version, one whose checksum does not
// match, or one cut short or corrupt is an error that wraps [ErrSnapshot]
// and says what is wrong; an error of r is returned wrapped. On any error
// the Conflict keeps the record it had: ReadFrom replaces it only once
// the checksum matches.
//
// The checksum vouches for the records: ReadFrom checks that every number
// that ties them together is in range, but not what [Conflict.Add] checks
// of the records themselves, so read only snapshots this package wrote.
func (c *Conflict) ReadFrom(r io.Reader) (int64, error) {
	st, snap, n, err := readSnapshot(r)
	if err != nil {
		return n, err
	}
	c.build.Lock() // no snapshot of the old record may be stored after this one
	defer c.build.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st = *st
	c.snap.Store(snap)
	return n, nil
}

// ReadSnapshot reads a binary snapshot into a new Conflict, as
// [Conflict.ReadFrom] does.
func ReadSnapshot(r io.Reader) (*Conflict, error) {
	c := new(Conflict)
	if _, err := c.ReadFrom(r); err != nil {
		return nil, err
	}
	return c, nil
}

// snapshotError returns an error that wraps ErrSnapshot.
func snapshotError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrSnapshot}, args...)...)
}

// readSnapshot reads a snapshot and decodes its record and the snapshot of
// it that queries read.
func readSnapshot(r io.Reader) (*store, *snapshot, int64, error) {
	var head [snapshotHeader]byte
	k, err := io.ReadFull(r, head[:])
	n := int64(k)
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		if !bytes.HasPrefix([]byte(snapshotMagic), head[:min(k, len(snapshotMagic))]) {
			return nil, nil, n, snapshotError("not a snapshot")
		}
		return nil, nil, n, snapshotError("truncated at byte %d", k)
	case err != nil:
		return nil, nil, n, fmt.Errorf("conflict: reading snapshot: %w", err)
	}
	if string(head[:len(snapshotMagic)]) != snapshotMagic {
		return nil, nil, n, snapshotError("not a snapshot")
	}
	rest := head[len(snapshotMagic):]
	if v := binary.LittleEndian.Uint32(rest); v != SnapshotVersion {
		return nil, nil, n, snapshotError("version %d, want %d", v, SnapshotVersion)
	}
	size, sum := binary.LittleEndian.Uint64(rest[4:]), binary.LittleEndian.Uint32(rest[12:])
	d, m, err := bodyDecoder(r, size)
	if err != nil {
		return nil, nil, n + m, err
	}
	st, err := decodeStore(d)
	var snap *snapshot
	if err == nil {
		snap = decodeIndex(d, st.record())
	}
	if d.Err() == nil && d.Left() != 0 {
		d.Fail(fmt.Errorf("%d bytes after the index at byte %d: %w", d.Left(), d.Offset(), binfmt.ErrRange))
	}
	// The body is summed as it is read, and what a corrupt body stopped
	// the decoding short of is read now: a checksum that does not match
	// is the error, whatever the decoding found.
	got, rerr := d.Sum()
	n = int64(snapshotHeader + d.Consumed())
	switch {
	case errors.Is(rerr, io.ErrUnexpectedEOF):
		return nil, nil, n, snapshotError("truncated at byte %d", n)
	case rerr != nil:
		return nil, nil, n, fmt.Errorf("conflict: reading snapshot: %w", rerr)
	case got != sum:
		return nil, nil, n, snapshotError("checksum mismatch")
	case err != nil:
		return nil, nil, n, snapshotError("%w", err)
	}
	if err := d.Err(); err != nil {
		return nil, nil, n, snapshotError("%w", err)
	}
	return st, snap, n, nil
}

// bodyDecoder returns a Decoder of the size bytes of a snapshot's body,
// or an error and the number of bytes it read of r. It allocates no more
// than the bytes r has, whatever size says. A [bytes.Buffer]'s bytes it
// decodes where they are. A reader that tells how many bytes it has left
// (as a [bytes.Reader] does) it decodes as the bytes come. Any other
// reader's body it first reads into memory, as the bytes come.
func bodyDecoder(r io.Reader, size uint64) (*binfmt.Decoder, int64, error) {
	var body []byte
	if buf, ok := r.(*bytes.Buffer); ok && uint64(buf.Len()) >= size {
		body = buf.Next(int(size))
	} else if l, ok := r.(interface{ Len() int }); ok {
		if uint64(l.Len()) < size {
			k, _ := io.Copy(io.Discard, r)
			return nil, k, snapshotError("truncated at byte %d", int64(snapshotHeader)+k)
		}
		return binfmt.NewReader(r, int(size), snapshotHeader), 0, nil
	} else {
		var buf bytes.Buffer
		buf.Grow(int(min(size, 1<<20)))
		k, err := io.CopyN(&buf, r, int64(min(size, 1<<62)))
		switch {
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return nil, k, snapshotError("truncated at byte %d", int64(snapshotHeader)+k)
		case err != nil:
			return nil, k, fmt.Errorf("conflict: reading snapshot: %w", err)
		}
		body = buf.Bytes()
	}
	return binfmt.NewDecoder(body, snapshotHeader), 0, nil
}
