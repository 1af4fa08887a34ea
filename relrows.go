package conflict

import (
	"slices"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// Reading a file's relations for Load. A file of a million relations would
// make a million Relations, two hundred bytes each, to be checked and then
// packed into the store's records; instead each is packed as it is read,
// into a row of numbers: its ends and its list of sources become numbers
// of distinct strings and lists, which the check resolves once each, not
// once a relation. The few relations with more (see hasExtra) are kept
// whole besides.

// relTable is the relations of a file, as rows.
type relTable struct {
	rows  []relRow
	strs  []string   // the IDs the rows name, by number
	lists [][]string // the lists of sources the rows cite, by number
	whole []Relation // the relations with extras, as read

	strNum  map[string]int32
	listNum map[string]int32 // a list's numbers, 4 bytes each → its number
	key     []byte
	recent  []recentStr // a cache in front of strNum, by the string's address
}

// relRow is one relation of a file.
type relRow struct {
	from, to   int32 // into strs
	start, end Date
	srcs       int32 // into lists, or -1 for none
	whole      int32 // into whole, or -1
	kind       RelationKind
	support    Support
	alleged    bool
	confidence Confidence
}

// recentBits sizes the cache of relTable.num: 64K strings, which the
// busiest places and parties of a large file fill.
const recentBits = 16

type recentStr struct {
	p   *byte
	len int32
	num int32
}

func newRelTable() *relTable {
	return &relTable{strNum: map[string]int32{}, listNum: map[string]int32{}, recent: make([]recentStr, 1<<recentBits)}
}

// num returns the number of string s, giving it the next if it has none.
// The strings the reader interns repeat by address, which the cache
// compares without reading their bytes: an address in it is that of a
// string strs keeps alive, which no other string shares.
func (t *relTable) num(s string) int32 {
	p := unsafe.StringData(s)
	h := (uint64(uintptr(unsafe.Pointer(p))) * 0x9e3779b97f4a7c15) >> (64 - recentBits)
	c := &t.recent[h]
	if p != nil && c.p == p && int(c.len) == len(s) {
		return c.num
	}
	n, ok := t.strNum[s]
	if !ok {
		n = int32(len(t.strs))
		t.strs = append(t.strs, s)
		t.strNum[s] = n
	}
	if s := t.strs[n]; len(s) > 0 {
		*c = recentStr{p: unsafe.StringData(s), len: int32(len(s)), num: n}
	}
	return n
}

// list returns the number of the list ids, or -1 for none, and whether the
// table took ids to keep (it was new).
func (t *relTable) list(ids []string) (int32, bool) {
	if ids == nil {
		return -1, false
	}
	t.key = t.key[:0]
	for _, id := range ids {
		n := t.num(id)
		t.key = append(t.key, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	}
	if k, ok := t.listNum[string(t.key)]; ok {
		return k, false
	}
	k := int32(len(t.lists))
	t.lists = append(t.lists, ids)
	t.listNum[string(t.key)] = k
	return k, true
}

// add appends r as a row and reports whether the table keeps r's slices.
func (t *relTable) add(r *Relation) bool {
	srcs, kept := t.list(r.Sources)
	w := relRow{
		from: t.num(r.From), to: t.num(r.To),
		start: r.Start, end: r.End,
		srcs: srcs, whole: -1,
		kind: r.Kind, support: r.Support,
		alleged: r.Alleged, confidence: r.Confidence,
	}
	if hasExtra(r) {
		w.whole = int32(len(t.whole))
		t.whole = append(t.whole, *r)
		kept = true
	}
	t.rows = append(t.rows, w)
	return kept
}

// relation returns row i as a Relation, sharing the table's slices.
func (t *relTable) relation(i int) Relation {
	w := &t.rows[i]
	if w.whole >= 0 {
		return t.whole[w.whole]
	}
	r := Relation{
		Kind: w.kind, From: t.strs[w.from], To: t.strs[w.to],
		Start: w.start, End: w.end, Support: w.support,
		Alleged: w.alleged, Confidence: w.confidence,
	}
	if w.srcs >= 0 {
		r.Sources = t.lists[w.srcs]
	}
	return r
}

// relations returns every row as a Relation.
func (t *relTable) relations() []Relation {
	if len(t.rows) == 0 {
		return nil
	}
	out := make([]Relation, len(t.rows))
	for i := range out {
		out[i] = t.relation(i)
	}
	return out
}

// done lets go of what only reading needs.
func (t *relTable) done() {
	t.strNum, t.listNum, t.key, t.recent = nil, nil, nil, nil
}

// relationRows reads the relations section into r.rels, as records reads
// a section into its slice: the same errors, lines and records let go.
func (r *reader) relationRows(ff *fieldFormat, k jsonscan.Kind) {
	if k != jsonscan.Array {
		r.wrongType(ff.key, ff.codec.what(), k)
		return
	}
	at := r.sc.Offset()
	r.sc.Array()
	if r.relationsParallel(ff) {
		r.section = ""
		return
	}
	t := r.rels
	lines := r.lines.lines[ff.key]
	defer func() { r.lines.lines[ff.key] = lines }()
	// Room for every row, but never more than the bytes left allow, lest
	// a file of "{}," make a huge slice: a relation kept, but for the few
	// without ends, takes at least {"from":"","to":""} and a comma.
	const least = len(`{"from":"","to":""},`)
	room := min(jsonscan.New(r.data[at:]).Len(), (r.size-at)/least)
	t.rows = slices.Grow(t.rows, room)
	lines = slices.Grow(lines, room)
	var rel Relation
	p := unsafe.Pointer(&rel)
	for i := 0; r.sc.Next(); i++ {
		k := r.sc.Peek()
		n := len(t.rows) // the record's place among those kept
		r.section, r.index = ff.key, i
		lines = append(lines, r.sc.Line())
		rel = Relation{}
		block := r.block
		given := r.element(ff.rec, p, k)
		if r.err != nil {
			return
		}
		if ff.rec.junk(given) {
			if r.junk++; r.junk > defaultMaxErrors {
				lines = lines[:n]
				r.lines.drop(ff.key, n)
				r.lines.dropped++
				r.problems = r.problems[:0]
				continue
			}
		}
		r.lines.keep(ff.key, i)
		if len(r.problems) > 0 {
			r.lines.lines[ff.key] = lines
			label := ff.rec.label(p, r.problems)
			for _, pr := range r.problems {
				r.lines.fail(ff.key, n, label, pr.field, pr.value, pr.err, pr.detail)
			}
			r.problems = r.problems[:0]
		}
		if !t.add(&rel) && unsafe.SliceData(block) == unsafe.SliceData(r.block) {
			r.block = block // the lists just read are not kept: read the next into their room
		}
	}
	r.section = ""
	r.syntax()
}
