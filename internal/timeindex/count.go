package timeindex

import (
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/radix"
)

// Counts without lists. For each kind, and for all kinds together, the
// index keeps the days on which periods' windows begin and end, possibly
// and surely, as counts by day (steps), so that
//
//	possibly in force on q:  #{Lo <= q} - #{Hi <= q}
//	surely in force on q:    #{SureLo <= q} - #{SureHi <= q}
//
// over the periods whose windows hold on some day (a window [SureLo,
// SureHi) that is empty is left out of the second). For the changes of a
// range [q1, q2), over the dated edges, with F and L the first and last
// day each may have taken effect (F <= L):
//
//	possibly in range:  #{F < q2} - #{L < q1}
//	surely in range:    #{F >= q1, L < q2} = #{L < q2} - #{F < q1} + #{F < q1, L >= q2}
//
// The last term counts windows that reach from before q1 to q2 or later;
// only edges dated to at least q2-q1+1 days have one. The index keeps those
// edges as runs of one first day and width, by width group (lengths within
// an eighth of each other, as the layout groups periods), with running
// counts: in a group of widths [min, max], the runs that begin in [q2-min,
// q1) all reach q2 and are counted by two binary searches, those that begin
// in [q2-max, q2-min) are looked at one by one.

// steps counts days: how many of a list of days are at most q.
type steps struct {
	day []days.Day // sorted; distinct if cum is set
	cum []int32    // cum[i] is how many days are at most day[i]; nil when day keeps its repeats
}

// makeSteps returns the steps of ds, which it sorts. It keeps distinct days
// with counts when days repeat, the sorted list when they do not.
func makeSteps(ds []days.Day) steps {
	if len(ds) == 0 {
		return steps{}
	}
	keys := make([]uint64, len(ds))
	for i, d := range ds {
		keys[i] = uint64(uint32(d) ^ 1<<31)
	}
	radix.Sort(keys, nil)
	distinct := 1
	for i := 1; i < len(keys); i++ {
		if keys[i] != keys[i-1] {
			distinct++
		}
	}
	if 2*distinct > len(keys) { // the counts would take more room than the days
		out := make([]days.Day, len(keys))
		for i, k := range keys {
			out[i] = days.Day(uint32(k) ^ 1<<31)
		}
		return steps{day: out}
	}
	s := steps{day: make([]days.Day, 0, distinct), cum: make([]int32, 0, distinct)}
	for i, k := range keys {
		d := days.Day(uint32(k) ^ 1<<31)
		if i > 0 && keys[i-1] == k {
			s.cum[len(s.cum)-1]++
			continue
		}
		s.day = append(s.day, d)
		s.cum = append(s.cum, int32(i+1))
	}
	return s
}

// atMost returns how many days are at most q.
func (s *steps) atMost(q days.Day) int {
	if q == days.OpenEnd {
		return s.at(len(s.day))
	}
	i, _ := slices.BinarySearch(s.day, q+1)
	return s.at(i)
}

// below returns how many days are before q.
func (s *steps) below(q days.Day) int {
	i, _ := slices.BinarySearch(s.day, q)
	return s.at(i)
}

// at returns how many days come before position i.
func (s *steps) at(i int) int {
	if i == 0 {
		return 0
	}
	if s.cum == nil {
		return i
	}
	return int(s.cum[i-1])
}

// kindCounts is what the index keeps to count one kind's periods and
// changes, or every kind's.
type kindCounts struct {
	lo, hi         steps // Lo and Hi of the windows that hold on some day
	sureLo, sureHi steps // SureLo and SureHi of those that surely hold on some day

	first, last steps       // of every dated edge
	wide        []widthRuns // the edges dated to two days or more, by width group
}

// widthRuns is the edges of one width group, [min, max], as runs of one
// first day and width, by first day; cum[i] is how many edges the runs
// before run i hold.
type widthRuns struct {
	min, max    days.Day
	first, last []days.Day // of each run
	cum         []int32    // len(first)+1 running counts
}

// allKinds is the place in Index.counts of the counts of every kind.
const allKinds = MaxKinds

// buildCounts makes the counts of every kind, and of all together.
func (ix *Index) buildCounts() {
	type days4 struct{ lo, hi, sureLo, sureHi, first, last []days.Day }
	var n [MaxKinds + 1][3]int // windows, sure windows, edges
	for p := range ix.per {
		r := &ix.per[p]
		k, w := r.Kind&(MaxKinds-1), r.w
		ix.present |= 1 << k
		if w.Lo < w.Hi {
			n[k][0]++
		}
		if w.SureLo < w.SureHi {
			n[k][1]++
		}
	}
	for _, e := range ix.changes.order {
		n[ix.per[e.Period()].Kind&(MaxKinds-1)][2]++
	}
	for k := range MaxKinds {
		for j := range 3 {
			n[allKinds][j] += n[k][j]
		}
	}
	var d [MaxKinds + 1]days4
	for k := range d {
		d[k] = days4{
			make([]days.Day, 0, n[k][0]), make([]days.Day, 0, n[k][0]),
			make([]days.Day, 0, n[k][1]), make([]days.Day, 0, n[k][1]),
			make([]days.Day, 0, n[k][2]), make([]days.Day, 0, n[k][2]),
		}
	}
	for p := range ix.per {
		r := &ix.per[p]
		k, w := r.Kind&(MaxKinds-1), r.w
		for _, k := range [2]uint8{k, allKinds} {
			x := &d[k]
			if w.Lo < w.Hi {
				x.lo, x.hi = append(x.lo, w.Lo), append(x.hi, w.Hi)
			}
			if w.SureLo < w.SureHi {
				x.sureLo, x.sureHi = append(x.sureLo, w.SureLo), append(x.sureHi, w.SureHi)
			}
		}
	}
	// The edges in time order, so that the runs come out by first day.
	var wide [MaxKinds + 1]runsBuilder
	for _, e := range ix.changes.order {
		r := &ix.per[e.Period()]
		b := r.Bound(e.Closed())
		for _, k := range [2]uint8{r.Kind & (MaxKinds - 1), allKinds} {
			x := &d[k]
			x.first, x.last = append(x.first, b.First), append(x.last, b.Last)
			if b.Last > b.First {
				wide[k].add(b)
			}
		}
	}
	var wg sync.WaitGroup
	for k := range ix.counts {
		if k < allKinds && ix.present&(1<<k) == 0 {
			continue
		}
		x := &d[k]
		c := &ix.counts[k]
		wg.Go(func() {
			c.lo, c.hi, c.sureLo, c.sureHi = makeSteps(x.lo), makeSteps(x.hi), makeSteps(x.sureLo), makeSteps(x.sureHi)
			c.first, c.last = makeSteps(x.first), makeSteps(x.last)
			c.wide = wide[k].groups()
		})
	}
	wg.Wait()
}

// runsBuilder gathers the edges of two days or more of one kind, in time
// order, into runs by width group.
type runsBuilder struct {
	byGroup map[int]*widthRuns
}

func (rb *runsBuilder) add(b Bound) {
	g, gmin, gmax := lengthGroup(int64(b.Last) - int64(b.First))
	if rb.byGroup == nil {
		rb.byGroup = map[int]*widthRuns{}
	}
	wr := rb.byGroup[g]
	if wr == nil {
		wr = &widthRuns{min: days.Day(gmin), max: days.Day(min(gmax, int64(days.OpenEnd))), cum: []int32{0}}
		rb.byGroup[g] = wr
	}
	// A run is one first day and width; the runs of one group come by
	// first day, and those of one day by width.
	if i := len(wr.first) - 1; i >= 0 && wr.first[i] == b.First && wr.last[i] == b.Last {
		wr.cum[i+1]++
		return
	}
	wr.first, wr.last = append(wr.first, b.First), append(wr.last, b.Last)
	wr.cum = append(wr.cum, wr.cum[len(wr.cum)-1]+1)
}

// groups returns the groups, narrowest first; a group of few runs is
// merged with the next wider one, as the change index merges them.
func (rb *runsBuilder) groups() []widthRuns {
	gs := make([]int, 0, len(rb.byGroup))
	for g := range rb.byGroup {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	var out []widthRuns
	type run struct {
		first, last days.Day
		n           int32
	}
	var merged []run
	lo := days.Day(-1)
	for i, g := range gs {
		wr := rb.byGroup[g]
		if lo < 0 {
			lo = wr.min
		}
		for j := range wr.first {
			merged = append(merged, run{wr.first[j], wr.last[j], wr.cum[j+1] - wr.cum[j]})
		}
		if len(merged) < mergeRuns && i < len(gs)-1 {
			continue
		}
		slices.SortStableFunc(merged, func(a, b run) int { return cmpU(uint64(uint32(a.first)^1<<31), uint64(uint32(b.first)^1<<31)) })
		m := widthRuns{min: lo, max: wr.max, first: make([]days.Day, len(merged)), last: make([]days.Day, len(merged)), cum: make([]int32, len(merged)+1)}
		for j, r := range merged {
			m.first[j], m.last[j], m.cum[j+1] = r.first, r.last, m.cum[j]+r.n
		}
		out = append(out, m)
		merged, lo = merged[:0], -1
	}
	return out
}

// Kinds is a set of the caller's kinds: bit k is kind k.
type Kinds uint16

// counting returns the counts that answer for the kinds in ks: the counts
// of all kinds when ks has every kind the index holds, else those of each
// kind of ks.
func (ix *Index) counting(ks Kinds) []kindCounts {
	if ks&ix.present == ix.present {
		return ix.counts[allKinds:]
	}
	return nil
}

// Count returns how many periods of the kinds in ks possibly hold on day q,
// and how many of those surely do. It costs four binary searches per kind
// asked, four in all when ks has every kind the index holds.
func (ix *Index) Count(ks Kinds, q days.Day) (possible, definite int) {
	count := func(c *kindCounts) {
		possible += c.lo.atMost(q) - c.hi.atMost(q)
		definite += c.sureLo.atMost(q) - c.sureHi.atMost(q)
	}
	ix.eachCount(ks, count)
	return possible, definite
}

// CountChanges returns how many changes (dated starts and ends) of periods
// of the kinds in ks may have taken effect within the days [q1, q2), and
// how many of those surely did: the lengths of [Index.Changes] and of its
// Definite part. It costs, for each kind asked (or once for all when ks has
// every kind the index holds), four binary searches, three more for each
// group of widths of at least q2-q1+1 days, and a look at each run of
// changes with one first day and width whose width is within an eighth of
// what it would take to reach q2.
func (ix *Index) CountChanges(ks Kinds, q1, q2 days.Day) (possible, definite int) {
	if q1 >= q2 {
		return 0, 0
	}
	count := func(c *kindCounts) {
		possible += c.first.below(q2) - c.last.below(q1)
		definite += c.last.below(q2) - c.first.below(q1) + c.reaching(q1, q2)
	}
	ix.eachCount(ks, count)
	return possible, definite
}

// eachCount calls count with the counts of every kind in ks at once, when
// the index keeps those, or with the counts of each kind in ks it holds.
func (ix *Index) eachCount(ks Kinds, count func(*kindCounts)) {
	if all := ix.counting(ks); all != nil {
		count(&all[0])
		return
	}
	for k := range MaxKinds {
		if ks&ix.present&(1<<k) != 0 {
			count(&ix.counts[k])
		}
	}
}

// reaching returns how many edges may have taken effect before q1 and
// until q2 or later: #{F < q1, L >= q2}.
func (c *kindCounts) reaching(q1, q2 days.Day) int {
	reach := int64(q2) - int64(q1) + 1 // the least width of such a window
	x := 0
	for i := len(c.wide) - 1; i >= 0 && int64(c.wide[i].max) >= reach; i-- {
		g := &c.wide[i]
		// F < q1 and F+width >= q2: F in [q2-max, q1), surely when F >= q2-min.
		from := days.Day(max(int64(q2)-int64(g.max), int64(days.OpenStart)))
		sure := days.Day(max(min(int64(q2)-int64(g.min), int64(q1)), int64(days.OpenStart)))
		a, _ := slices.BinarySearch(g.first, from)
		s, _ := slices.BinarySearch(g.first[a:], sure)
		s += a
		e, _ := slices.BinarySearch(g.first[s:], q1)
		e += s
		for j := a; j < s; j++ {
			if g.last[j] >= q2 {
				x += int(g.cum[j+1] - g.cum[j])
			}
		}
		x += int(g.cum[e] - g.cum[s])
	}
	return x
}
