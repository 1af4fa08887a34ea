package timeindex

import (
	"cmp"
	"slices"
	"sort"

	"github.com/conflictgraph/conflict/internal/days"
)

// A Change is a period opening or closing.
type Change struct {
	P         int32 // the period
	When      Bound // its Start, or its End if Closed
	Closed    bool  // false: the period opened; true: it closed
	Certainty Certainty
}

// A changeList is a list of openings or closings in time order, every one
// on a window of days no wider than width.
type changeList struct {
	ps     []int32
	width  days.Day // Last-First of the widest change in ps
	closed bool
}

// narrow is the widest window, Last-First, of a narrow change: a month.
const narrow = 30

// opening returns the opening of period p, closing its closing.
func (ix *Index) opening(p int32) Change {
	return Change{P: p, When: ix.per[p].Start()}
}

func (ix *Index) closing(p int32) Change {
	return Change{P: p, When: ix.per[p].End(), Closed: true}
}

// at returns the change at position i of l.
func (ix *Index) at(l *changeList, i int) Change {
	if l.closed {
		return ix.closing(l.ps[i])
	}
	return ix.opening(l.ps[i])
}

// timeKey orders changes by their first day, then their last, then
// closings before openings.
func timeKey(b Bound, closed bool) uint64 {
	k := uint64(uint32(b.First)^1<<31)<<32 | uint64(uint32(b.Last-b.First))<<1
	if !closed {
		k |= 1
	}
	return k
}

// compareChanges orders changes by time, closings before openings on one
// day, then by kind and the ranks of their ends: the order of
// [Index.Timeline] and [Index.Changes].
func (ix *Index) compareChanges(a, b Change) int {
	if c := cmp.Compare(timeKey(a.When, a.Closed), timeKey(b.When, b.Closed)); c != 0 {
		return c
	}
	return ix.Compare(a.P, b.P)
}

func (ix *Index) buildChanges(order []int32) {
	lists := &ix.changes
	lists[2].closed, lists[3].closed = true, true
	add := func(l *changeList, x Change) {
		l.ps = append(l.ps, x.P)
		l.width = max(l.width, x.When.Last-x.When.First)
	}
	wide := func(x Change) int {
		if x.When.Last-x.When.First > narrow {
			return 1
		}
		return 0
	}
	for _, p := range order {
		if x := ix.opening(p); !x.When.IsOpen() {
			add(&lists[wide(x)], x)
		}
	}
	var keys []sortKey
	for p := range ix.per {
		if x := ix.closing(int32(p)); !x.When.IsOpen() {
			keys = append(keys, sortKey{timeKey(x.When, true), ix.kindKey(int32(p)), int32(p)})
		}
	}
	slices.SortFunc(keys, compareSortKeys)
	for _, k := range keys {
		x := ix.closing(k.p)
		add(&lists[2+wide(x)], x)
	}
	for i := range lists {
		lists[i].ps = slices.Clone(lists[i].ps) // exact: appends leave room
	}
}

// Changes returns the changes that may have taken effect within the days
// [q1, q2), each with whether it surely did ([Bound.Within]), in time order:
// by the first day each change may have taken effect, then the last; on one
// day closings first, then as [Index.Compare] orders periods. Open starts and
// ends are not changes. It costs in proportion to the changes in and near
// the range.
func (ix *Index) Changes(q1, q2 days.Day) []Change {
	if q1 >= q2 {
		return nil
	}
	// In each list, the changes in range lie in [next[l], end[l]): no
	// change whose window starts before q1-width can reach q1.
	var next, end [len(ix.changes)]int
	total := 0
	for l := range ix.changes {
		list := &ix.changes[l]
		lo := days.Day(max(int64(q1)-int64(list.width), int64(days.OpenStart)))
		next[l] = sort.Search(len(list.ps), func(i int) bool { return ix.at(list, i).When.First >= lo })
		end[l] = next[l] + sort.Search(len(list.ps)-next[l], func(i int) bool { return ix.at(list, next[l]+i).When.First >= q2 })
		for i := next[l]; i < end[l]; i++ {
			if ix.at(list, i).When.Within(q1, q2) != Absent {
				total++
			}
		}
	}
	if total == 0 {
		return nil
	}
	// Merge the lists, each in time order.
	var head [len(ix.changes)]Change
	var ok [len(ix.changes)]bool
	advance := func(l int) {
		list := &ix.changes[l]
		for ok[l] = false; next[l] < end[l]; {
			x := ix.at(list, next[l])
			next[l]++
			if x.Certainty = x.When.Within(q1, q2); x.Certainty != Absent {
				head[l], ok[l] = x, true
				return
			}
		}
	}
	for l := range head {
		advance(l)
	}
	out := make([]Change, total)
	for k := range out {
		best := -1
		for l := range head {
			if ok[l] && (best < 0 || ix.compareChanges(head[l], head[best]) < 0) {
				best = l
			}
		}
		out[k] = head[best]
		advance(best)
	}
	return out
}

// Timeline returns every change of the periods with node n as an end (see
// [Index.Periods]), in the order of [Index.Changes], each Definite. It costs
// in proportion to the periods of n.
func (ix *Index) Timeline(n int32) []Change {
	ps := ix.Periods(n)
	total := 0
	for _, p := range ps {
		r := &ix.per[p]
		if r.w.Lo != days.OpenStart {
			total++
		}
		if r.w.Hi != days.OpenEnd {
			total++
		}
	}
	if total == 0 {
		return nil
	}
	// Sorting keys is much faster than sorting changes with compareChanges.
	keys := make([]sortKey, 0, total)
	for _, p := range ps {
		r := &ix.per[p]
		if r.w.Lo != days.OpenStart {
			keys = append(keys, sortKey{timeKey(r.Start(), false), ix.kindKey(p), p})
		}
		if r.w.Hi != days.OpenEnd {
			keys = append(keys, sortKey{timeKey(r.End(), true), ix.kindKey(p), p})
		}
	}
	slices.SortFunc(keys, compareSortKeys)
	out := make([]Change, len(keys))
	for i, k := range keys {
		if k.a&1 == 0 {
			out[i] = ix.closing(k.p)
		} else {
			out[i] = ix.opening(k.p)
		}
		out[i].Certainty = Definite
	}
	return out
}
