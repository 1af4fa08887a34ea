package conflict_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	"github.com/google/go-cmp/cmp"
)

// snapshotHeader is the length of a snapshot's header: magic, version,
// length, checksum.
const snapshotHeader = len("conflict snapshot\n") + 4 + 8 + 4

// writeSnapshot returns c's binary snapshot.
func writeSnapshot(t testing.TB, c *conflict.Conflict) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := c.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Fatalf("WriteTo = %d, wrote %d bytes", n, buf.Len())
	}
	return buf.Bytes()
}

// snapshotInPlace writes c's snapshot, checks that a Conflict read from it
// holds the same record, and reads it back into c, over the record it
// came from.
func snapshotInPlace(t testing.TB, c *conflict.Conflict) {
	t.Helper()
	b := writeSnapshot(t, c)
	back, err := conflict.ReadSnapshot(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Dataset(), back.Dataset()); diff != "" {
		t.Fatalf("Dataset after a snapshot round trip (-want +got):\n%s", diff)
	}
	n, err := c.ReadFrom(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(len(b)) {
		t.Fatalf("ReadFrom = %d, the snapshot has %d bytes", n, len(b))
	}
}

// snapshotCases are records to write and read back: the worked example,
// the fixture with every field, generated records with and without events,
// one in a time zone, and the empty record.
func snapshotCases(t *testing.T) []struct {
	name string
	c    *conflict.Conflict
} {
	t.Helper()
	load := func(name string) *conflict.Conflict {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		c, err := conflict.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	gen := func(cfg synth.Config) *conflict.Conflict {
		var c conflict.Conflict
		if err := c.Add(synth.Generate(cfg)); err != nil {
			t.Fatal(err)
		}
		return &c
	}
	captures := synth.Default(1500)
	captures.Seed, captures.Captures = 7, 0.3
	vague := synth.Default(1000)
	vague.Seed, vague.Imprecise, vague.YearShare, vague.Disputed, vague.Refined = 3, 0.6, 0.5, 0.15, 0.1
	zoned := conflict.Dataset{
		Name:      "zoned",
		TimeZone:  "Asia/Damascus",
		Sources:   []conflict.Source{{ID: "s"}},
		Actors:    []conflict.Actor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Relations: []conflict.Relation{{Kind: conflict.RelationFights, From: "a", To: "b", Start: conflict.Day(2016, 3, 1), Sources: []string{"s"}}},
	}
	var z conflict.Conflict
	if err := z.Add(zoned); err != nil {
		t.Fatal(err)
	}
	return []struct {
		name string
		c    *conflict.Conflict
	}{
		{"syria", load("examples/syria/syria.json")},
		{"full", load("testdata/full.json")},
		{"captures", gen(captures)},
		{"imprecise-disputed", gen(vague)},
		{"zoned", &z},
		{"empty", new(conflict.Conflict)},
	}
}

// answers is what a record answers to a set of questions, in comparable
// form.
type answers struct {
	Name      string
	Zone      string
	Ties      []conflict.Tie
	Control   []conflict.Control
	Alliances [][]string
	Summary   []conflict.Summary
	Happened  []string
	Timeline  []conflict.Change
	AsOf      [][]conflict.Tie
	Alleged   []conflict.Tie
}

// askSnapshot asks c the questions at the instants.
func askSnapshot(c *conflict.Conflict, instants []time.Time) answers {
	ds := c.Dataset()
	a := answers{Name: c.Name(), Zone: c.Zone().String(), Ties: slices.Collect(c.Ties())}
	for _, at := range instants {
		m := c.At(at)
		for _, l := range ds.Locations {
			a.Control = append(a.Control, m.Controller(l.ID))
		}
		a.Alliances = append(a.Alliances, m.Alliances()...)
		a.Summary = append(a.Summary, m.Summary())
		a.AsOf = append(a.AsOf, slices.Collect(c.AsOf(at).Ties()))
	}
	for _, h := range c.Happened(time.Time{}, time.Time{}) {
		a.Happened = append(a.Happened, h.Event.ID)
	}
	for _, p := range ds.Actors {
		a.Timeline = append(a.Timeline, c.Timeline(p.ID)...)
	}
	a.Alleged = slices.Collect(c.WithAlleged().Ties())
	return a
}

func TestSnapshotRoundTrip(t *testing.T) {
	var instants []time.Time
	for y := 2011; y <= 2024; y += 3 {
		instants = append(instants, time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC))
	}
	for _, tt := range snapshotCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			b := writeSnapshot(t, tt.c)
			if again := writeSnapshot(t, tt.c); !bytes.Equal(b, again) {
				t.Error("two snapshots of one record differ")
			}
			got, err := conflict.ReadSnapshot(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.c.Dataset(), got.Dataset()); diff != "" {
				t.Errorf("Dataset (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(askSnapshot(tt.c, instants), askSnapshot(got, instants)); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
			if back := writeSnapshot(t, got); !bytes.Equal(b, back) {
				t.Error("the snapshot of a record read from a snapshot differs from it")
			}
			// The record read back takes more records, as any does.
			more := conflict.Dataset{Sources: []conflict.Source{{ID: "snapshot-test-source"}}, Actors: []conflict.Actor{{ID: "snapshot-test-actor", Name: "Snapshot test actor"}}}
			if err := got.Add(more); err != nil {
				t.Errorf("Add after ReadSnapshot: %v", err)
			}
			if _, ok := got.Lookup("snapshot test actor"); !ok {
				t.Error("Lookup of an actor added after ReadSnapshot: not found")
			}
		})
	}
}

// TestSnapshotReplaces checks that ReadFrom replaces a record, and that
// a snapshot may be followed by other data.
func TestSnapshotReplaces(t *testing.T) {
	cases := snapshotCases(t)
	syria, full := cases[0].c, cases[1].c
	b := writeSnapshot(t, full)
	c, err := conflict.ReadSnapshot(bytes.NewReader(writeSnapshot(t, syria)))
	if err != nil {
		t.Fatal(err)
	}
	r := bytes.NewReader(append(slices.Clip(b), "trailing"...))
	if _, err := c.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(full.Dataset(), c.Dataset()); diff != "" {
		t.Errorf("Dataset after ReadFrom over another record (-want +got):\n%s", diff)
	}
	if r.Len() != len("trailing") {
		t.Errorf("ReadFrom left %d bytes, want the %d after the snapshot", r.Len(), len("trailing"))
	}
}

// snapshotReaders are the kinds of reader ReadFrom reads a snapshot from
// in its different ways: one whose bytes it decodes in place, one that
// tells how many bytes it has (which it decodes as the bytes come, also
// when they come a few at a time), and one that tells nothing.
var snapshotReaders = []struct {
	name string
	new  func(b []byte) io.Reader
}{
	{"bytes.Reader", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"bytes.Buffer", func(b []byte) io.Reader { return bytes.NewBuffer(slices.Clone(b)) }},
	{"short reads", func(b []byte) io.Reader { return shortReader{bytes.NewReader(b)} }},
	{"plain reader", func(b []byte) io.Reader { return struct{ io.Reader }{bytes.NewReader(b)} }},
}

// A shortReader reads at most 3 bytes at a time, and tells how many it
// has left.
type shortReader struct{ r *bytes.Reader }

func (s shortReader) Read(p []byte) (int, error) { return s.r.Read(p[:min(len(p), 3)]) }
func (s shortReader) Len() int                   { return s.r.Len() }

// TestSnapshotReaders checks that ReadFrom reads a snapshot from every
// kind of reader, and reads no more than the snapshot's bytes.
func TestSnapshotReaders(t *testing.T) {
	// A record larger than the buffer a reader is read through, so that
	// runs of relations and periods are read in parts.
	var large conflict.Conflict
	if err := large.Add(synth.Generate(synth.Default(12_000))); err != nil {
		t.Fatal(err)
	}
	cases := append(snapshotCases(t)[:2], struct {
		name string
		c    *conflict.Conflict
	}{"large", &large})
	for _, tt := range cases {
		b := writeSnapshot(t, tt.c)
		for _, rd := range snapshotReaders {
			t.Run(tt.name+"/"+rd.name, func(t *testing.T) {
				r := rd.new(append(slices.Clip(b), "trailing"...))
				c := new(conflict.Conflict)
				n, err := c.ReadFrom(r)
				if err != nil {
					t.Fatal(err)
				}
				if n != int64(len(b)) {
					t.Errorf("ReadFrom = %d, the snapshot has %d bytes", n, len(b))
				}
				if diff := cmp.Diff(tt.c.Dataset(), c.Dataset()); diff != "" {
					t.Errorf("Dataset (-want +got):\n%s", diff)
				}
				if rest, _ := io.ReadAll(r); string(rest) != "trailing" {
					t.Errorf("ReadFrom left %q, want %q", rest, "trailing")
				}
			})
		}
	}
}

// smallSnapshot returns the snapshot of a small record with a relation,
// an extra, an event and a measure, for the corruption tests.
func smallSnapshot(t testing.TB) []byte {
	t.Helper()
	c, err := conflict.Load(strings.NewReader(`{"sources": [{"id": "s", "published": "2016-04"}, {"id": "t"}],
		"actors": [{"id": "a", "name": "A", "aliases": ["Ay"]}, {"id": "b", "name": "B"}],
		"locations": [{"id": "r", "name": "R"}, {"id": "l", "name": "L", "within": "r", "point": {"lat": 1, "lon": 2}}],
		"relations": [{"kind": "controls", "from": "a", "to": "l", "start": "2016-03", "end": "2017-01", "sources": ["s", "t"], "note": "n", "end_sources": ["t"]},
			{"kind": "fights", "from": "a", "to": "b", "start": "2015", "end": "2016-12-08/2016-12-11", "sources": ["t"]}],
		"events": [{"id": "e", "kind": "capture", "date": "2017-01-02", "location": "l", "actors": ["b"], "sources": ["t"]}],
		"measures": [{"party": "a", "quantity": "fighters", "value": 100, "date": "2016", "sources": ["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return writeSnapshot(t, c)
}

// fixChecksum sets the checksum of snapshot b to that of its body, as if
// the body had been written so.
func fixChecksum(b []byte) {
	if len(b) < snapshotHeader {
		return
	}
	sum := crc32.Checksum(b[snapshotHeader:], crc32.MakeTable(crc32.Castagnoli))
	binary.LittleEndian.PutUint32(b[snapshotHeader-4:], sum)
}

func TestSnapshotCorrupt(t *testing.T) {
	good := smallSnapshot(t)
	magic := len("conflict snapshot\n")
	edit := func(f func(b []byte) []byte) []byte { return f(slices.Clone(good)) }
	tests := []struct {
		name string
		b    []byte
		want string // in the error's message, which begins "conflict: snapshot: "
	}{
		{"empty", nil, "conflict: snapshot: truncated at byte 0"},
		{"dataset file", []byte(`{"name": "x"}`), "conflict: snapshot: not a snapshot"},
		{"wrong magic", edit(func(b []byte) []byte { b[0] = 'C'; return b }), "conflict: snapshot: not a snapshot"},
		{"wrong version", edit(func(b []byte) []byte { binary.LittleEndian.PutUint32(b[magic:], 3); return b }), "conflict: snapshot: version 3, want 1"},
		{"checksum", edit(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), "conflict: snapshot: checksum mismatch"},
		{"header cut", good[:magic+5], "conflict: snapshot: truncated at byte 23"},
		{"body cut", good[:len(good)-1], "conflict: snapshot: truncated at byte " + itoa(len(good)-1)},
		{"huge length", edit(func(b []byte) []byte { binary.LittleEndian.PutUint64(b[magic+4:], 1<<60); return b }), "conflict: snapshot: truncated at byte " + itoa(len(good))},
		{"short length", edit(func(b []byte) []byte {
			binary.LittleEndian.PutUint64(b[magic+4:], uint64(len(b)-snapshotHeader-1))
			b = b[:len(b)-1]
			fixChecksum(b)
			return b
		}), "truncated at byte " + itoa(len(good)-1)},
		{"string past the table", edit(func(b []byte) []byte {
			// The body's first value after the table is the name's string.
			n := int(binary.LittleEndian.Uint32(b[snapshotHeader:]))
			at := snapshotHeader + 4 + 4*n
			for i := range n {
				at += int(binary.LittleEndian.Uint32(b[snapshotHeader+4+4*i:]))
			}
			binary.LittleEndian.PutUint32(b[at:], uint32(n))
			fixChecksum(b)
			return b
		}), "conflict: snapshot: byte "},
	}
	for _, tt := range tests {
		for _, rd := range snapshotReaders {
			t.Run(tt.name+"/"+rd.name, func(t *testing.T) {
				c, before := corruptTarget(t)
				n, err := c.ReadFrom(rd.new(tt.b))
				if !errors.Is(err, conflict.ErrSnapshot) {
					t.Fatalf("ReadFrom: err = %v, want ErrSnapshot", err)
				}
				if !strings.HasPrefix(err.Error(), "conflict: snapshot: ") || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("ReadFrom: err = %q, want %q", err, tt.want)
				}
				if n > int64(len(tt.b)) {
					t.Errorf("ReadFrom = %d of %d bytes", n, len(tt.b))
				}
				if diff := cmp.Diff(before, c.Dataset()); diff != "" {
					t.Errorf("Dataset after a failed ReadFrom (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// corruptTarget returns a Conflict with a record, which a failed ReadFrom
// must leave as it was, and its Dataset.
func corruptTarget(t testing.TB) (*conflict.Conflict, conflict.Dataset) {
	t.Helper()
	c, err := conflict.Load(strings.NewReader(`{"name": "before", "sources": [{"id": "s"}], "actors": [{"id": "x", "name": "X"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return c, c.Dataset()
}

// TestSnapshotEveryPrefixAndByte checks that a snapshot cut short
// anywhere, or with any byte changed, is an error that leaves the Conflict
// as it was; and that with any byte of the body changed and the checksum
// made to match, ReadFrom fails or reads a record that answers, never
// panics.
func TestSnapshotEveryPrefixAndByte(t *testing.T) {
	good := smallSnapshot(t)
	c, before := corruptTarget(t)
	fail := func(what string, b []byte) {
		t.Helper()
		if _, err := c.ReadFrom(bytes.NewReader(b)); !errors.Is(err, conflict.ErrSnapshot) {
			t.Errorf("%s: err = %v, want ErrSnapshot", what, err)
		}
	}
	for n := range len(good) {
		fail("cut to "+itoa(n)+" bytes", good[:n])
	}
	for i := range good {
		b := slices.Clone(good)
		b[i] ^= 0xff
		fail("byte "+itoa(i)+" flipped", b)
	}
	if diff := cmp.Diff(before, c.Dataset()); diff != "" {
		t.Fatalf("Dataset after failed reads (-want +got):\n%s", diff)
	}
	read := 0
	for i := snapshotHeader; i < len(good); i++ {
		for _, x := range []byte{0xff, 0x01, 0x80} {
			b := slices.Clone(good)
			b[i] ^= x
			fixChecksum(b)
			if back, err := conflict.ReadSnapshot(bytes.NewReader(b)); err == nil {
				read++
				queryAll(back)
			} else if !errors.Is(err, conflict.ErrSnapshot) {
				t.Errorf("body byte %d ^ %#x: err = %v, want ErrSnapshot", i, x, err)
			}
		}
	}
	t.Logf("%d of %d changed bodies read as records", read, 3*(len(good)-snapshotHeader))
}

// queryAll asks c a question of every kind, to show that a record read
// from a changed snapshot answers without failing.
func queryAll(c *conflict.Conflict) {
	ds := c.Dataset()
	for tie := range c.Ties() {
		c.At(tie.Start.Date.Time()).Controller(tie.To)
		_ = tie.Claims()
		_ = tie.String()
	}
	for _, y := range []int{2014, 2016, 2017, 2018} {
		m := c.At(time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC))
		m.Summary()
		for _, l := range ds.Locations {
			m.Controller(l.ID)
		}
		for _, a := range ds.Actors {
			m.Allies(a.ID)
			m.Enemies(a.ID)
			m.Name(a.ID)
		}
		c.AsOf(time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)).At(time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)).Summary()
	}
	c.Changes(time.Time{}, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	c.CountChanges(time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, a := range ds.Actors {
		c.Timeline(a.ID)
		c.Series(a.ID, conflict.Quantity(1))
	}
	c.Happened(time.Time{}, time.Time{})
	c.WithAlleged().At(time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)).Summary()
}

// TestSnapshotFields guards the snapshot's form: it writes every field of
// every record type, so a field added to one must be added to the form
// (binaryenc.go, binarydec.go), then counted here.
func TestSnapshotFields(t *testing.T) {
	want := map[reflect.Type]int{
		reflect.TypeFor[conflict.Dataset]():     10,
		reflect.TypeFor[conflict.Source]():      7,
		reflect.TypeFor[conflict.Actor]():       6,
		reflect.TypeFor[conflict.Backer]():      6,
		reflect.TypeFor[conflict.DatedName]():   5,
		reflect.TypeFor[conflict.Location]():    9,
		reflect.TypeFor[conflict.Point]():       2,
		reflect.TypeFor[conflict.Population]():  4,
		reflect.TypeFor[conflict.Relation]():    14,
		reflect.TypeFor[conflict.Event]():       15,
		reflect.TypeFor[conflict.Participant](): 5,
		reflect.TypeFor[conflict.Figure]():      7,
		reflect.TypeFor[conflict.Agreement]():   12,
		reflect.TypeFor[conflict.Measure]():     6,
	}
	for typ, n := range want {
		if got := typ.NumField(); got != n {
			t.Errorf("%v has %d fields, the snapshot form knows %d: add the new ones to binaryenc.go and binarydec.go", typ, got, n)
		}
	}
}

func FuzzReadSnapshot(f *testing.F) {
	f.Add(smallSnapshot(f))
	for _, name := range []string{"testdata/full.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		c, err := conflict.Load(bytes.NewReader(b))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(writeSnapshot(f, c))
	}
	f.Add([]byte("conflict snapshot\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(b []byte) {
			c, err := conflict.ReadSnapshot(bytes.NewReader(b))
			// Every way of reading gives the same answer.
			for _, rd := range snapshotReaders[1:] {
				other, oerr := conflict.ReadSnapshot(rd.new(b))
				if fmt.Sprint(oerr) != fmt.Sprint(err) {
					t.Fatalf("from a %s: err = %v, from a bytes.Reader %v", rd.name, oerr, err)
				}
				if err == nil {
					if diff := cmp.Diff(c.Dataset(), other.Dataset()); diff != "" {
						t.Fatalf("from a %s: Dataset (-bytes.Reader +%[1]s):\n%s", rd.name, diff)
					}
				}
			}
			if err != nil {
				if !errors.Is(err, conflict.ErrSnapshot) {
					t.Fatalf("err = %v, want ErrSnapshot", err)
				}
				return
			}
			// What reads answers, and writes the same record back.
			queryAll(c)
			ds := c.Dataset()
			back, err := conflict.ReadSnapshot(bytes.NewReader(writeSnapshot(t, c)))
			if err != nil {
				t.Fatalf("reading back a snapshot written from a read one: %v", err)
			}
			if diff := cmp.Diff(ds, back.Dataset()); diff != "" {
				t.Fatalf("Dataset (-want +got):\n%s", diff)
			}
		}
		check(data)
		// The same with the checksum made to match, so that the body's
		// decoder sees the change.
		b := slices.Clone(data)
		fixChecksum(b)
		check(b)
	})
}

// TestSnapshotConcurrent reads snapshots into a Conflict while others
// query it, add to it and write it: run under -race.
func TestSnapshotConcurrent(t *testing.T) {
	cases := snapshotCases(t)
	snaps := [][]byte{writeSnapshot(t, cases[0].c), writeSnapshot(t, cases[1].c)}
	c, err := conflict.ReadSnapshot(bytes.NewReader(snaps[0]))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				c.At(time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)).Summary()
				c.Dataset()
			}
		}
	})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				var buf bytes.Buffer
				if _, err := c.WriteTo(&buf); err != nil {
					t.Error(err)
				}
				c.Add(conflict.Dataset{Sources: []conflict.Source{{ID: "concurrent-" + strconv.Itoa(i)}}})
			}
		}
	})
	for i := range 20 {
		if _, err := c.ReadFrom(bytes.NewReader(snaps[i%2])); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
}
