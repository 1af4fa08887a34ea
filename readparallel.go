package conflict

import (
	"bytes"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// Reading a large relations section on several cores. Each relation is
// a record of its own, so the array is cut where records start, the
// parts are read at once, each by a reader of its own, and their rows are
// put together in order. A cut is trusted only once the part before it has
// read up to it exactly; the first part starts where the array does, so
// every part then starts where a record does. Any doubt, and any problem
// with a record, and the parts are thrown away: the array is read from its
// start on one core, which finds the errors in order, as it always has.

// parallelMin is the size of a relations section, in bytes, below which
// one core reads it; partMin the least size of a part. (Variables, for
// tests.)
var parallelMin, partMin = 4 << 20, 1 << 20

// A part is what one reader made of one part of the relations array.
type part struct {
	r      *reader
	lines  []int // of each row, counting the part's first line as 1
	closed bool  // the part read the array's closing ']'
	ok     bool  // every record read cleanly, and the part ended at its cut or the array's end
}

// relationsParallel reads the relations array, whose '[' the scanner has
// just read, into r.rels on several goroutines, and reports whether it
// did; if not, the scanner is where it was.
func (r *reader) relationsParallel(ff *fieldFormat) bool {
	procs := runtime.GOMAXPROCS(0)
	start := r.sc.Offset()
	// A file that Save wrote closes each section on a line of its own; any
	// other end is only a guess at where the cuts go.
	end := len(r.data)
	if i := bytes.Index(r.data[start:], []byte("\n  ]")); i >= 0 {
		end = start + i
	}
	if procs < 2 || end-start < parallelMin {
		return false
	}
	n := min(4*procs, (end-start)/partMin)
	cuts := []int{start}
	for k := 1; k < n; k++ {
		if c := recordAfter(r.data, start+(end-start)*k/n, end); c > cuts[len(cuts)-1] {
			cuts = append(cuts, c)
		}
	}
	parts := make([]part, len(cuts))
	var wg sync.WaitGroup
	free := make(chan struct{}, procs)
	for k := range cuts {
		to := -1 // the last part reads to the array's end
		if k+1 < len(cuts) {
			to = cuts[k+1]
		}
		wg.Go(func() {
			free <- struct{}{}
			parts[k] = r.relationPart(ff, cuts[k], to)
			<-free
		})
	}
	wg.Wait()
	last := slices.IndexFunc(parts, func(p part) bool { return !p.ok || p.closed })
	if last < 0 || !parts[last].ok {
		return false
	}
	parts = parts[:last+1] // any after the array's end read something else
	r.mergeParts(ff, parts)
	return true
}

// recordAfter returns the offset of the first record of an array that
// starts a line at or after off, before end; -1 if none. A newline is
// never inside a JSON string, so one is between tokens.
func recordAfter(data []byte, off, end int) int {
	for off < end {
		i := bytes.IndexByte(data[off:end], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
		for off < end && (data[off] == ' ' || data[off] == '\t' || data[off] == '\r') {
			off++
		}
		if off < end && data[off] == '{' {
			return off
		}
	}
	return -1
}

// relationPart reads the records of the relations array from offset from,
// where one starts, up to offset to, where another should, or to the
// array's end if to is negative. It stops at the first record that is not
// clean: one with a problem, or without what names it.
func (r *reader) relationPart(ff *fieldFormat, from, to int) part {
	end := len(r.data)
	if to >= 0 {
		end = to
	}
	p := part{r: newReader(r.data[from:end], r.top)} // its tables sized for the part
	pr := p.r
	defer pr.forget()
	pr.data, pr.size = r.data, r.size
	// The strings read before, such as the IDs of nodes, which the main
	// reader does not add to while the parts are read.
	pr.shared = r.intern
	pr.sc = *r.sc.Elements(from)
	pr.rels = newRelTable()
	// Room for the strings the part will number: its share of those read
	// before, at most one for every 64 bytes.
	pr.rels.strNum = make(map[string]int32, min(len(r.intern)/2, (end-from)/64))
	pr.section = ff.key
	t := pr.rels
	var rel Relation
	ptr := unsafe.Pointer(&rel)
	for i := 0; ; i++ {
		if !pr.sc.Next() {
			p.closed = true
			p.ok = pr.sc.Err() == nil
			return p
		}
		if pr.sc.Peek() != jsonscan.Object {
			return p
		}
		if to >= 0 && pr.sc.Offset() >= to {
			p.ok = pr.sc.Offset() == to
			return p
		}
		if i == 1024 && to >= 0 {
			// Room for the rest, at the bytes a record has taken so far.
			room := (to-from)/max(1, (pr.sc.Offset()-from)/i) + i/8
			t.rows = slices.Grow(t.rows, room-len(t.rows))
			p.lines = slices.Grow(p.lines, room-len(p.lines))
		}
		pr.index = i
		p.lines = append(p.lines, pr.sc.Line())
		rel = Relation{}
		block := pr.block
		given := pr.object(ff.rec, ptr, "")
		pr.requireNumbers(ff.rec, given, "")
		if pr.err != nil || len(pr.problems) > 0 || ff.rec.junk(given) {
			return p
		}
		if !t.add(&rel) && unsafe.SliceData(block) == unsafe.SliceData(pr.block) {
			pr.block = block
		}
	}
}

// forget lets go of what a part's reader needs only while it reads: what
// the part read stays.
func (r *reader) forget() {
	r.intern, r.shared, r.recent, r.block, r.list = nil, nil, nil, nil, nil
	r.rels.done()
}

// mergeParts puts the rows the parts read into r.rels, in order, and moves
// the scanner past the array.
func (r *reader) mergeParts(ff *fieldFormat, parts []part) {
	t := r.rels
	rows := 0
	for _, p := range parts {
		rows += len(p.r.rels.rows)
	}
	t.rows = slices.Grow(t.rows, rows)
	lines := slices.Grow(r.lines.lines[ff.key], rows)
	line := r.sc.Line() // on which the part starts
	var strs, lists []int32
	for _, p := range parts {
		pt := p.r.rels
		strs = slices.Grow(strs[:0], len(pt.strs))[:len(pt.strs)]
		for i, s := range pt.strs {
			strs[i] = t.num(s)
		}
		lists = slices.Grow(lists[:0], len(pt.lists))[:len(pt.lists)]
		for i, ids := range pt.lists {
			lists[i], _ = t.list(ids)
		}
		whole := int32(len(t.whole))
		t.whole = append(t.whole, pt.whole...)
		for _, w := range pt.rows {
			w.from, w.to = strs[w.from], strs[w.to]
			if w.srcs >= 0 {
				w.srcs = lists[w.srcs]
			}
			if w.whole >= 0 {
				w.whole += whole
			}
			t.rows = append(t.rows, w)
		}
		for _, l := range p.lines {
			lines = append(lines, l+line-1)
		}
		if p.closed {
			r.sc.Follow(&p.r.sc, line)
		}
		line += p.r.sc.Line() - 1
	}
	r.lines.lines[ff.key] = lines
}
