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
	low    []float64   // low[u]: cheapest placement of unassigned u against the assigned nodes
	moves  []move      // stack of the moves still to try at each depth

	best      float64
	bestLabel []int32

	visited  int
	budget   int
	deadline time.Time
	stopped  bool
}

type move struct {
	bloc int32
	cost float64
}

// exact searches for a partition of g into at most limit blocs (any number
// if limit is 0) cheaper than the partition label of cost ub, with suffix as
// from packer.suffixBounds. It returns the best partition it knows and
// whether it completed the search, which proves that partition optimal. It
// stops early after visiting budget branches or at the deadline. The search
// can take time exponential in the number of nodes; each branch costs
// O(n + deg·b) time for b blocs.
func exact(g *graph, limit int, suffix []float64, label []int32, ub float64, budget int, deadline time.Time) ([]int32, bool) {
	n := g.order()
	s := &search{
		g:         g,
		limit:     limit,
		suffix:    suffix,
		eps:       tolerance(g),
		label:     make([]int32, n),
		out:       make([]float64, n),
		low:       make([]float64, n),
		best:      ub,
		bestLabel: append([]int32(nil), label...),
		budget:    budget,
		deadline:  deadline,
	}
	s.branch(0, 0)
	return s.bestLabel, !s.stopped
}

func (s *search) branch(d int32, cost float64) {
	n := int32(len(s.label))
	if d == n {
		s.best = cost
		s.bestLabel = append(s.bestLabel[:0], s.label...)
		return
	}
	s.visited++
	if s.visited > s.budget || s.visited%1024 == 0 && !s.deadline.IsZero() && time.Now().After(s.deadline) {
		s.stopped = true
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
		opened := s.assign(d, m.bloc)
		if c := cost + m.cost; c+s.rest(d+1) < s.best-s.eps {
			s.branch(d+1, c)
		}
		s.unassign(d, m.bloc, opened)
	}
	s.moves = s.moves[:first]
}

// rest returns the lower bound on the cost of the ties at nodes d..n-1
// that are not yet priced.
func (s *search) rest(d int32) float64 {
	sum := s.suffix[d]
	for _, x := range s.low[d:] {
		sum += x
	}
	return sum
}

// assign puts node d into bloc b and reports whether b is a new bloc.
func (s *search) assign(d, b int32) bool {
	s.label[d] = b
	opened := int(b) == s.blocs
	if opened {
		s.blocs++
		if len(s.attach) < s.blocs {
			s.attach = append(s.attach, make([]float64, len(s.label)))
		}
	}
	column := s.attach[b]
	for _, a := range s.g.neighbors(d) {
		if a.to > d {
			column[a.to] += a.w
			if a.w > 0 {
				s.out[a.to] += a.w
			}
			s.refresh(a.to)
		}
	}
	if opened && s.blocs == s.limit {
		s.refreshFrom(d + 1) // no bloc left to open
	}
	return opened
}

// unassign undoes assign(d, b), which returned opened.
func (s *search) unassign(d, b int32, opened bool) {
	if opened {
		s.blocs--
	}
	column := s.attach[b]
	for _, a := range s.g.neighbors(d) {
		if a.to > d {
			if opened {
				column[a.to] = 0 // d was alone in b: clear rounding residue
			} else {
				column[a.to] -= a.w
			}
			if a.w > 0 {
				s.out[a.to] -= a.w
			}
			s.refresh(a.to)
		}
	}
	if opened && s.blocs == s.limit-1 {
		s.refreshFrom(d + 1)
	}
}

func (s *search) refreshFrom(d int32) {
	for u := d; int(u) < len(s.label); u++ {
		s.refresh(u)
	}
}

// refresh recomputes the cheapest placement of unassigned node u.
func (s *search) refresh(u int32) {
	best := math.Inf(-1)
	for _, column := range s.attach[:s.blocs] {
		best = max(best, column[u])
	}
	if s.limit == 0 || s.blocs < s.limit {
		best = max(best, 0) // u may open a bloc
	}
	s.low[u] = s.out[u] - best
}
