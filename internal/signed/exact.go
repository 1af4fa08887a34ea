package signed

import (
	"math"
	"time"
)

// A search is a branch and bound over the assignments of the nodes of a
// graph, in node order, to blocs. Node d joins one of the blocs used by the
// nodes before it or opens the next one, so each partition is met once. A
// branch is cut when the cost of the ties among the assigned nodes, plus for
// each unassigned node the cheapest placement against the assigned ones,
// plus a packing bound on the ties among the unassigned nodes, reaches the
// best cost known; the three parts count disjoint sets of ties.
type search struct {
	g      *graph
	limit  int       // bloc limit, 0 if free
	suffix []float64 // suffix[d] bounds the cost of the ties among nodes d..n-1
	eps    float64   // cost differences below eps are rounding

	label  []int32
	blocs  int         // blocs opened by the assigned nodes
	attach [][]float64 // attach[b][u]: positive minus hostile weight from u into bloc b
	out    []float64   // out[u]: positive weight from u to the assigned nodes
	top    []float64   // top[u]: the largest attach[b][u] over the open blocs, -Inf if none
	low    []float64   // low[u]: cheapest placement of unassigned u against the assigned nodes
	moves  []move      // stack of the moves still to try at each depth
	trail  []saved     // the states that assign changed, for unassign to restore

	best      float64
	bestLabel []int32

	steps    int // work done, see exact
	budget   int
	deadline time.Time
	nextTick int // steps at which to look at the clock next
	stopped  bool
	frontier float64 // least bound of the branches left unsearched when stopped
}

type move struct {
	bloc int32
	cost float64
}

// A saved is the state of unassigned node u before an assignment changed
// it: its attach in the assigned bloc, out, top and low.
type saved struct {
	u                     int32
	attach, out, top, low float64
}

// exact searches for a partition of g into at most limit blocs (any number
// if limit is 0) cheaper than the partition label of cost ub, with suffix as
// from packer.suffixBounds. It returns the best partition it knows, a lower
// bound on the least cost and whether it completed the search, which proves
// that partition optimal; the bound is then the partition's cost.
//
// The search can take time exponential in the number of nodes, so it stops
// early once it has taken budget steps of work, or at the deadline. A step
// is a unit of work of a few nanoseconds: a branch on b blocs takes 1 + b
// steps, plus one per unassigned node whose bounds it adds up, per tie it
// updates and per saved state it restores, and b per node whose best bloc
// it recomputes. Counting steps rather than branches keeps the time a
// budget buys about the same for a block of any size and density. When the
// search stops early, the lower bound is the least bound of the branches it
// left unsearched, or the cost of the best partition if less.
func exact(g *graph, limit int, suffix []float64, label []int32, ub float64, budget int, deadline time.Time) ([]int32, float64, bool) {
	n := g.order()
	s := &search{
		g:         g,
		limit:     limit,
		suffix:    suffix,
		eps:       tolerance(g),
		label:     make([]int32, n),
		out:       make([]float64, n),
		top:       make([]float64, n),
		low:       make([]float64, n),
		best:      ub,
		bestLabel: append([]int32(nil), label...),
		budget:    budget,
		deadline:  deadline,
		frontier:  math.Inf(1),
	}
	for u := range s.top {
		s.top[u] = math.Inf(-1)
	}
	s.branch(0, 0, s.rest(0))
	if !s.stopped {
		return s.bestLabel, s.best, true
	}
	return s.bestLabel, min(s.best, s.frontier), false
}

// branch searches the assignments of nodes d..n-1 given those of the nodes
// before, which break ties of weight cost. floor is a lower bound on the
// cost of every partition in the branch: the largest of the bounds of the
// branch and of the branches that hold it.
func (s *search) branch(d int32, cost, floor float64) {
	n := int32(len(s.label))
	if d == n {
		s.best = cost
		s.bestLabel = append(s.bestLabel[:0], s.label...)
		return
	}
	s.steps += 1 + s.blocs
	if s.steps > s.budget || !s.deadline.IsZero() && s.tick() {
		s.stopped = true
		s.frontier = min(s.frontier, floor)
		return
	}
	first := len(s.moves)
	for b := range s.blocs {
		s.moves = append(s.moves, move{int32(b), s.out[d] - s.attach[b][d]})
	}
	if s.limit == 0 || s.blocs < s.limit {
		s.moves = append(s.moves, move{int32(s.blocs), s.out[d]})
	}
	moves := s.moves[first:]
	for i := 1; i < len(moves); i++ { // insertion sort, stable
		for j := i; j > 0 && moves[j].cost < moves[j-1].cost; j-- {
			moves[j], moves[j-1] = moves[j-1], moves[j]
		}
	}
	rest := s.rest(d + 1)
	for i, end := first, len(s.moves); i < end && !s.stopped; i++ {
		m := s.moves[i] // not a pointer: deeper branches may grow s.moves
		if cost+m.cost+rest >= s.best-s.eps {
			break // moves are sorted by cost
		}
		mark := len(s.trail)
		opened := s.assign(d, m.bloc)
		c := cost + m.cost
		if bound := c + s.rest(d+1); bound < s.best-s.eps {
			s.branch(d+1, c, max(floor, bound))
		}
		s.unassign(m.bloc, opened, mark)
		if s.stopped && i+1 < end {
			// The moves after m are left unsearched; the first is the
			// cheapest.
			s.frontier = min(s.frontier, max(floor, cost+s.moves[i+1].cost+rest))
		}
	}
	s.moves = s.moves[:first]
}

// tick reports whether the deadline has passed, looking at the clock once
// every 2¹⁶ steps or so.
func (s *search) tick() bool {
	if s.steps < s.nextTick {
		return false
	}
	s.nextTick = s.steps + 1<<16
	return time.Now().After(s.deadline)
}

// rest returns the lower bound on the cost of the ties at nodes d..n-1
// that are not yet priced.
func (s *search) rest(d int32) float64 {
	s.steps += len(s.label) - int(d)
	sum := s.suffix[d]
	for _, x := range s.low[d:] {
		sum += x
	}
	return sum
}

// assign puts node d into bloc b and reports whether b is a new bloc. It
// saves on the trail the state of each unassigned node it changes.
func (s *search) assign(d, b int32) bool {
	s.label[d] = b
	n := int32(len(s.label))
	opened := int(b) == s.blocs
	if opened {
		// Bloc b opens empty: its column is zero for every node.
		s.blocs++
		if len(s.attach) < s.blocs {
			s.attach = append(s.attach, make([]float64, n))
		}
		full := s.blocs == s.limit // no bloc left to open
		s.steps += int(n - d)
		for u := d + 1; u < n; u++ {
			if s.top[u] < 0 || full {
				s.save(u, b)
				s.top[u] = max(s.top[u], 0)
				s.low[u] = s.lower(u)
			}
		}
	}
	column := s.attach[b]
	arcs := s.g.neighbors(d)
	s.steps += len(arcs)
	for _, a := range arcs {
		u := a.to
		if u <= d {
			continue
		}
		s.save(u, b)
		old := column[u]
		column[u] += a.w
		if a.w > 0 {
			s.out[u] += a.w
			s.top[u] = max(s.top[u], column[u])
		} else if old == s.top[u] {
			s.top[u] = s.highest(u)
		}
		s.low[u] = s.lower(u)
	}
	return opened
}

// unassign undoes the assignment to bloc b, whose assign returned opened,
// restoring the states saved from mark on, the length of the trail before
// it.
func (s *search) unassign(b int32, opened bool, mark int) {
	column := s.attach[b]
	for i := len(s.trail) - 1; i >= mark; i-- {
		t := &s.trail[i]
		column[t.u], s.out[t.u], s.top[t.u], s.low[t.u] = t.attach, t.out, t.top, t.low
	}
	s.steps += len(s.trail) - mark
	s.trail = s.trail[:mark]
	if opened {
		s.blocs--
	}
}

// save records the state of unassigned node u before a change to bloc b.
func (s *search) save(u, b int32) {
	s.trail = append(s.trail, saved{u, s.attach[b][u], s.out[u], s.top[u], s.low[u]})
}

// highest returns the largest weight from unassigned node u into a bloc.
func (s *search) highest(u int32) float64 {
	s.steps += s.blocs
	best := math.Inf(-1)
	for _, column := range s.attach[:s.blocs] {
		best = max(best, column[u])
	}
	return best
}

// lower returns the cheapest placement of unassigned node u.
func (s *search) lower(u int32) float64 {
	best := s.top[u]
	if s.limit == 0 || s.blocs < s.limit {
		best = max(best, 0) // u may open a bloc
	}
	return s.out[u] - best
}
