package conflict

import (
	"cmp"
	"math"
	"slices"

	"github.com/conflictgraph/conflict/internal/radix"
)

// Derivation turns the record — stated relations and events — into periods:
// for each relation (kind, from, to), the spans over which it held, each with
// the claims that date its start and end.
//
// Every stated relation makes a start claim (at days.OpenStart when its
// start is open) and, if it has an end, an end claim. Events add claims of
// their own (see EventKind and claims.go). The claims of one relation, in time order, form runs:
// starts, then ends, then starts again. A run of starts and the run of ends
// after it are one period; the claims in a run are accounts of one change,
// combined by combine.

// period is one span of one relation.
type period struct {
	kind       RelationKind
	from, to   int32
	support    Support // named by claims that date the period or state it
	joined     Support // named only by events that joined it while in force
	start, end Bound
	claims     []claim
}

// tkey identifies a relation: territorial kinds by (location, party),
// symmetric kinds by the ordered pair, the others by (from, to).
type tkey struct {
	kind RelationKind
	x, y int32
}

func keyOf(kind RelationKind, from, to int32) tkey {
	switch {
	case kind.Territorial():
		return tkey{kind, to, from}
	case kind.Symmetric() && to < from:
		return tkey{kind, to, from}
	}
	return tkey{kind, from, to}
}

// sortByKey sets order to the indices of facts sorted by key, and facts of
// one key in order: by radix sort when the key, the two ends and the index
// fit in 64 bits, as they do for any record of under a billion nodes and
// relations together.
func sortByKey(order []int32, facts []fact) {
	var most int32
	for i := range facts {
		most = max(most, facts[i].from, facts[i].to)
	}
	ib, nb, kb := radix.Bits(uint64(len(facts))), radix.Bits(uint64(most)), radix.Bits(uint64(numRelationKinds))
	if ib+2*nb+kb > 64 {
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			fa, fb := &facts[a], &facts[b]
			if c := compareKeys(keyOf(fa.kind, fa.from, fa.to), keyOf(fb.kind, fb.from, fb.to)); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		return
	}
	keys := make([]uint64, len(facts))
	for i := range facts {
		f := &facts[i]
		k := keyOf(f.kind, f.from, f.to)
		keys[i] = ((uint64(k.kind)<<nb|uint64(k.x))<<nb|uint64(k.y))<<ib | uint64(i)
	}
	radix.Sort(keys, nil)
	for i, k := range keys {
		order[i] = int32(k & (1<<ib - 1))
	}
}

func compareKeys(a, b tkey) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(a.x, b.x); c != 0 {
		return c
	}
	return cmp.Compare(a.y, b.y)
}

// ends returns (from, to) of the relation k names.
func (k tkey) ends() (from, to int32) {
	if k.kind.Territorial() {
		return k.y, k.x
	}
	return k.x, k.y
}

// derive returns the periods of every relation in facts and evs, ordered by
// relation key and then by time.
func derive(facts []fact, evs []happening) []period {
	d := &deriver{
		facts:    facts,
		byKey:    make([]int32, len(facts)),
		touched:  map[tkey]*triplet{},
		byTarget: map[tkey][]*triplet{},
		seq:      math.MinInt32, // derived claims sort before stated ones at one position
	}
	sortByKey(d.byKey, facts)

	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compareHappenings(&evs[a], &evs[b]) })
	for _, i := range order {
		d.event(&evs[i])
	}

	// Relations touched by events, in key order, merged with the rest.
	keys := make([]tkey, 0, len(d.touched))
	for k := range d.touched {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)

	// Every claim goes into one array, which the periods share.
	total := 0
	ends := 0
	for i := range facts {
		total++
		if !facts[i].end.IsZero() {
			total++
			ends++
		}
	}
	for _, t := range d.touched {
		total += len(t.derived)
	}
	all := make([]claim, 0, total)
	out := make([]period, 0, total-ends) // a period starts with a start claim
	j := 0
	for i := 0; i < len(d.byKey) || j < len(keys); {
		var k tkey
		if i < len(d.byKey) {
			f := &facts[d.byKey[i]]
			k = keyOf(f.kind, f.from, f.to)
		}
		begin := len(all)
		if j < len(keys) && (i == len(d.byKey) || compareKeys(keys[j], k) <= 0) {
			k = keys[j]
			j++
			t := d.touched[k]
			all = append(append(all, t.stated...), t.derived...)
			slices.SortFunc(all[begin:], compareClaims)
		} else {
			all = d.statedClaimsFrom(i, k, all)
		}
		cs := all[begin:len(all):len(all)]
		for i < len(d.byKey) {
			f := &facts[d.byKey[i]]
			if keyOf(f.kind, f.from, f.to) != k {
				break
			}
			i++
		}
		out = sweep(k, cs, out)
	}
	return out
}

// sweep appends the periods that the sorted claims of relation k make; the
// periods share cs.
func sweep(k tkey, cs []claim, out []period) []period {
	from, to := k.ends()
	flush := func(run []claim, split int) {
		if len(run) == 0 {
			return
		}
		p := period{kind: k.kind, from: from, to: to, claims: run}
		p.start = combine(run[:split])
		p.end = combine(run[split:])
		for _, c := range run {
			if c.joins {
				p.joined |= c.support
			} else {
				p.support |= c.support
			}
		}
		p.joined &^= p.support
		out = append(out, p)
	}
	begin, split := 0, -1
	for i, c := range cs {
		switch {
		case !c.end && split >= 0:
			flush(cs[begin:i], split-begin)
			begin, split = i, -1
		case c.end && split < 0:
			split = i
		}
	}
	if split < 0 {
		split = len(cs)
	}
	flush(cs[begin:], split-begin)
	return out
}

// combine returns the bound that the claims on one change make. Claims with
// no date make no claim. Claims whose windows nest agree: the most precise
// is the answer. Otherwise they disagree, and the bound spans from the
// earliest to the latest.
func combine(cs []claim) Bound {
	var dates []Date
	for _, c := range cs {
		if !c.date.IsZero() && !c.joins {
			dates = append(dates, c.date)
		}
	}
	if len(dates) == 0 {
		return Bound{}
	}
	if compatible(dates) {
		return Bound{Date: narrowest(dates)}
	}
	first, last := dates[0], dates[0]
	for _, d := range dates[1:] {
		if d.earliest() < first.earliest() || d.earliest() == first.earliest() && d.next() < first.next() {
			first = d
		}
		if d.latest() > last.latest() || d.latest() == last.latest() && d.lastDay() > last.lastDay() {
			last = d
		}
	}
	return Bound{Date: first, Last: last}
}

// compatible reports whether the windows of the dates nest, so one date can
// be true of them all.
func compatible(dates []Date) bool {
	n := narrowest(dates)
	for _, d := range dates {
		if !d.IsZero() && (d.first() > n.first() || d.next() < n.next()) {
			return false
		}
	}
	return true
}

func narrowest(dates []Date) Date {
	var n Date
	for _, d := range dates {
		if d.IsZero() {
			continue
		}
		if n.IsZero() || d.next()-d.first() < n.next()-n.first() {
			n = d
		}
	}
	return n
}
