package timeindex

import (
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
)

// State is what the territorial periods on a place say of it on a day.
type State uint8

// The states of a place.
const (
	StateUnknown   State = iota // no period holds it
	StateHeld                   // held
	StateBesieged               // held, and besieged
	StateContested              // fought over
)

// A Segment is who holds a place from day From until the next segment's
// first day: the parts of the answer that need no list. When More is set the
// answer has lists too (several possible holders, besiegers, contenders):
// gather them from the place's periods in force.
type Segment struct {
	From      days.Day
	Holder    int32 // the holding period of the single party that possibly holds the place, or -1
	State     State
	Certainty Certainty // how sure the hold of Holder is; Possible when several may hold the place
	Besieged  Certainty // how sure it is that someone besieges it
	More      bool
}

// info packs what a segment says besides its day and holder into a byte.
func (s Segment) info() uint8 {
	b := uint8(s.State) | uint8(s.Certainty)<<2 | uint8(s.Besieged)<<4
	if s.More {
		b |= 1 << 6
	}
	return b
}

// segData is a segment without its first day.
type segData struct {
	holder int32
	info   uint8
}

func (ix *Index) segment(k int32) Segment {
	b := ix.seg[k].info
	return Segment{
		From:      ix.segFrom[k],
		Holder:    ix.seg[k].holder,
		State:     State(b & 3),
		Certainty: Certainty(b >> 2 & 3),
		Besieged:  Certainty(b >> 4 & 3),
		More:      b&(1<<6) != 0,
	}
}

// Control returns the segment of place n in force on day q, and false (and
// a segment with no holder) if no territorial period is on n. It is a binary search over the place's
// segments and does not allocate.
func (ix *Index) Control(n int32, q days.Day) (Segment, bool) {
	lo := ix.segOff[n]
	from := ix.segFrom[lo:ix.segOff[n+1]]
	i, found := slices.BinarySearch(from, q)
	if !found {
		i--
	}
	if i < 0 {
		return Segment{Holder: -1}, false
	}
	return ix.segment(lo + int32(i)), true
}

// buildControl cuts the time line of every place into segments over which
// the answer does not change. The segments are kept in two arrays (segFrom,
// seg): twelve bytes each.
func (ix *Index) buildControl() {
	ix.segOff = make([]int32, len(ix.rank)+1)
	var from []days.Day
	var seg []segData
	var cuts []days.Day
	var on []int32
	for n := range int32(len(ix.rank)) {
		ix.segOff[n] = int32(len(from))
		ix.segOff[n+1] = int32(len(from))
		on = on[:0]
		for p := range ix.Periods(n) {
			if r := &ix.per[p]; r.Role() != RoleNone && r.To == n {
				on = append(on, p)
			}
		}
		if len(on) == 0 {
			continue
		}
		cuts = append(cuts[:0], days.OpenStart)
		for _, p := range on {
			w := ix.per[p].w
			cuts = append(cuts, w.Lo, w.SureLo, w.SureHi, w.Hi)
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		var last Segment
		for _, d := range cuts {
			if d == days.OpenEnd {
				break
			}
			s := ix.segmentAt(on, d)
			if len(from) > int(ix.segOff[n]) && sameAnswer(last, s) {
				continue
			}
			from, seg = append(from, s.From), append(seg, segData{s.Holder, s.info()})
			last = s
		}
		ix.segOff[n+1] = int32(len(from))
	}
	// Copies of the exact length: the appends above leave spare room.
	ix.segFrom, ix.seg = slices.Clone(from), slices.Clone(seg)
}

func sameAnswer(a, b Segment) bool {
	a.From = b.From
	return a == b && !a.More
}

// segmentAt computes the answer on day q from a place's territorial
// periods.
func (ix *Index) segmentAt(on []int32, q days.Day) Segment {
	s := Segment{From: q, Holder: -1}
	holders := 0
	var contested bool
	for _, p := range on {
		r := &ix.per[p]
		c := r.w.At(q)
		if c == Absent {
			continue
		}
		switch r.Role() {
		case RoleHolds:
			if s.Holder < 0 || ix.per[s.Holder].From != r.From {
				holders++
			}
			if s.Holder < 0 || c > s.Certainty {
				s.Holder, s.Certainty = p, c
			}
		case RoleBesieges:
			s.Besieged = max(s.Besieged, c)
			s.More = true
		case RoleContests:
			contested = true
			s.More = true
		}
	}
	if holders > 1 {
		s.Holder, s.Certainty, s.More = -1, Possible, true
	}
	switch {
	case contested:
		s.State = StateContested
	case holders == 0:
		s.State = StateUnknown
	case s.Besieged > Absent:
		s.State = StateBesieged
	default:
		s.State = StateHeld
	}
	return s
}
