package signed

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// A local is the state of a local search over the partitions of a graph
// into blocs. Blocs are numbered 0 to limit-1, or 0 to n-1 if free; a
// partition may leave some of them empty.
type local struct {
	g     *graph
	limit int // bloc limit, 0 if free
	eps   float64
	rng   *rand.Rand

	label []int32 // bloc of each node, -1 while unplaced
	size  []int32 // nodes in each bloc
	empty []int32 // blocs without nodes
	where []int32 // index of each empty bloc in empty
	cost  float64

	// Scratch for examining one node v: attach[b] is the positive minus
	// the hostile weight from v into bloc b if seen[b] == stamp, else 0.
	attach  []float64
	seen    []uint32
	stamp   uint32
	touched []int32 // blocs with seen[b] == stamp

	queue  []int32 // ring of nodes to examine
	head   int
	queued []bool
	count  int

	undo    []step // moves to take back when a kick does not pay
	logging bool

	pairs []pair // scratch for merges
	into  []int32
	order []int32

	steps int // work done, see heuristic
}

type step struct{ node, from int32 }

type pair struct {
	a, b int32
	w    float64
}

func newLocal(g *graph, limit int, rng *rand.Rand) *local {
	n := g.order()
	width := limit
	if limit == 0 {
		width = n
	}
	s := &local{
		g:      g,
		limit:  limit,
		eps:    tolerance(g),
		rng:    rng,
		label:  make([]int32, n),
		size:   make([]int32, width),
		where:  make([]int32, width),
		attach: make([]float64, width),
		seen:   make([]uint32, width),
		queue:  make([]int32, n),
		queued: make([]bool, n),
		into:   make([]int32, width),
		order:  make([]int32, n),
	}
	for i := range s.order {
		s.order[i] = int32(i)
	}
	return s
}

// heuristic runs multi-start local search on g for a partition into at most
// limit blocs (any number if limit is 0) and returns the best partition it
// finds with its cost. Each of the starts builds a partition greedily,
// placing the nodes in random order each where it attaches most; improves it
// by moves and merges; and then kicks it: it moves a random node and some of
// its friends to another bloc, improves the result by moves and keeps it
// unless it costs more, min(8n, 4096) times for n nodes. Each start costs
// roughly O(t) time per improving pass and per merge round, for t ties, plus
// O(deg²) per kick. The search stops early once it reaches lb; or, after
// the first start has built and improved its partition, at the deadline or
// once it has taken budget steps of work (nodes and arcs examined, ties
// scanned). It also returns the steps it took.
func heuristic(g *graph, limit, starts int, lb float64, rng *rand.Rand, deadline time.Time, budget int) ([]int32, float64, int) {
	s := newLocal(g, limit, rng)
	kicks := min(8*g.order(), 1<<12)
	best := math.Inf(1)
	var label []int32
	keep := func() {
		if s.cost < best-s.eps {
			best = s.cost
			label = append(label[:0], s.label...)
		}
	}
	expired := func() bool { return !deadline.IsZero() && time.Now().After(deadline) }
	for start := 0; start < starts && best > lb+s.eps; start++ {
		if start > 0 && (s.steps > budget || expired()) {
			break
		}
		s.build()
		s.settle()
		keep()
		for kick := 1; kick <= kicks && best > lb+s.eps; kick++ {
			if s.steps > budget || kick%64 == 0 && expired() {
				break
			}
			before := s.cost
			s.logging = true
			s.kick()
			s.descend()
			s.logging = false
			if s.cost > before+s.eps {
				for i := len(s.undo) - 1; i >= 0; i-- {
					s.move(s.undo[i].node, s.undo[i].from)
				}
				s.cost = before
			}
			s.undo = s.undo[:0]
			keep()
		}
		s.settle()
		keep()
	}
	return label, evaluate(g, label), s.steps
}

// build places the nodes in random order, each in the bloc it attaches to
// most given the nodes placed before it.
func (s *local) build() {
	for i := range s.label {
		s.label[i] = -1
	}
	clear(s.size)
	s.empty = s.empty[:0]
	for b := int32(len(s.size)) - 1; b >= 0; b-- {
		s.release(b)
	}
	s.rng.Shuffle(len(s.order), func(i, j int) { s.order[i], s.order[j] = s.order[j], s.order[i] })
	for _, v := range s.order {
		s.collect(v)
		b, _ := s.choose(v)
		s.move(v, b)
	}
	s.cost = s.evaluate()
}

// evaluate returns the cost of the partition, counting the steps.
func (s *local) evaluate() float64 {
	s.steps += len(s.g.ties)
	return evaluate(s.g, s.label)
}

// settle improves the partition by moves and merges until neither helps,
// then sets cost exactly, clearing accumulated rounding.
func (s *local) settle() {
	for _, v := range s.order {
		s.push(v)
	}
	s.descend()
	for s.merge() {
		s.descend()
	}
	s.cost = s.evaluate()
}

// descend examines the queued nodes, moving each to its best bloc when that
// lowers the cost and then queueing its neighbors, until the queue is empty.
func (s *local) descend() {
	for s.count > 0 {
		v := s.queue[s.head]
		s.head = (s.head + 1) % len(s.queue)
		s.count--
		s.queued[v] = false
		s.collect(v)
		b, gain := s.choose(v)
		if gain <= s.eps {
			continue
		}
		s.move(v, b)
		s.cost -= gain
		for _, a := range s.g.neighbors(v) {
			s.push(a.to)
		}
	}
}

func (s *local) push(v int32) {
	if !s.queued[v] {
		s.queued[v] = true
		s.queue[(s.head+s.count)%len(s.queue)] = v
		s.count++
	}
}

// merge joins pairs of blocs whose joining lowers the cost, best first and
// each bloc at most once, queues the moved nodes and their neighbors, and
// reports whether it joined any. Joining blocs a and b gains the sum of the
// signed weights of the ties between them, so only blocs with a positive tie
// between them can gain. A call costs O(n + t + p log p) time for n nodes,
// t ties and p positive ties between blocs.
func (s *local) merge() bool {
	s.steps += 2*len(s.g.ties) + len(s.label)
	s.pairs = s.pairs[:0]
	for _, t := range s.g.ties {
		if a, b := s.label[t.u], s.label[t.v]; a != b && t.w > 0 {
			s.pairs = append(s.pairs, pair{min(a, b), max(a, b), t.w})
		}
	}
	if len(s.pairs) == 0 {
		return false
	}
	slices.SortFunc(s.pairs, comparePair)
	sums := s.pairs[:0]
	for _, p := range s.pairs {
		if k := len(sums) - 1; k >= 0 && comparePair(sums[k], p) == 0 {
			sums[k].w += p.w
		} else {
			sums = append(sums, p)
		}
	}
	for i := range s.into {
		s.into[i] = -1
	}
	for _, p := range sums {
		s.into[p.a], s.into[p.b] = 0, 0 // blocs in some pair
	}
	for _, t := range s.g.ties {
		a, b := s.label[t.u], s.label[t.v]
		if t.w < 0 && a != b && s.into[a] == 0 && s.into[b] == 0 {
			if i, ok := slices.BinarySearchFunc(sums, pair{a: min(a, b), b: max(a, b)}, comparePair); ok {
				sums[i].w += t.w
			}
		}
	}
	slices.SortFunc(sums, func(p, q pair) int {
		return cmp.Or(cmp.Compare(q.w, p.w), comparePair(p, q))
	})
	for i := range s.into {
		s.into[i] = -1
	}
	merged := false
	for _, p := range sums {
		if p.w <= s.eps {
			break
		}
		if s.into[p.a] < 0 && s.into[p.b] < 0 {
			s.into[p.a], s.into[p.b] = p.a, p.a
			s.cost -= p.w
			merged = true
		}
	}
	if !merged {
		return false
	}
	for v, b := range s.label {
		if to := s.into[b]; to >= 0 && to != b {
			s.move(int32(v), to)
			s.push(int32(v))
			for _, a := range s.g.neighbors(int32(v)) {
				s.push(a.to)
			}
		}
	}
	return true
}

// comparePair orders pairs of blocs, ignoring their weights.
func comparePair(p, q pair) int {
	return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b))
}

// kick moves a random node to a random other bloc: one of its neighbors',
// or an empty one, and takes along each friend in its old bloc with
// probability one half. It queues the moved nodes and their neighbors.
func (s *local) kick() {
	v := s.rng.Int32N(int32(len(s.label)))
	from := s.label[v]
	s.collect(v)
	to := int32(-1)
	if len(s.touched) > 0 && s.rng.IntN(2) == 0 {
		to = s.touched[s.rng.IntN(len(s.touched))]
	}
	if to < 0 || to == from {
		switch {
		case len(s.empty) > 0:
			to = s.empty[s.rng.IntN(len(s.empty))]
		case s.limit > 1:
			to = s.rng.Int32N(int32(s.limit) - 1)
			if to >= from {
				to++
			}
		default:
			return
		}
	}
	s.shift(v, to)
	for _, a := range s.g.neighbors(v) {
		if a.w > 0 && s.label[a.to] == from && s.rng.IntN(2) == 0 {
			s.collect(a.to)
			s.shift(a.to, to)
		}
	}
}

// shift moves v, examined last, to bloc b whatever the gain, and queues v
// and its neighbors.
func (s *local) shift(v, b int32) {
	s.cost -= s.weight(b) - s.weight(s.label[v])
	s.move(v, b)
	s.push(v)
	for _, a := range s.g.neighbors(v) {
		s.push(a.to)
	}
}

// collect sets the scratch for examining node v.
func (s *local) collect(v int32) {
	s.stamp++
	if s.stamp == 0 { // wrapped: forget all stamps
		clear(s.seen)
		s.stamp = 1
	}
	s.touched = s.touched[:0]
	arcs := s.g.neighbors(v)
	s.steps += 1 + len(arcs)
	for _, a := range arcs {
		b := s.label[a.to]
		if b < 0 {
			continue
		}
		if s.seen[b] != s.stamp {
			s.seen[b], s.attach[b] = s.stamp, 0
			s.touched = append(s.touched, b)
		}
		s.attach[b] += a.w
	}
}

// weight returns the attachment into bloc b of the node examined last.
func (s *local) weight(b int32) float64 {
	if s.seen[b] != s.stamp {
		return 0
	}
	return s.attach[b]
}

// choose returns the best bloc other than its own for the node v examined
// last and the gain of moving it there.
func (s *local) choose(v int32) (int32, float64) {
	own := s.label[v]
	var current float64
	if own >= 0 {
		current = s.weight(own)
	}
	to, best := int32(-1), math.Inf(-1)
	for _, b := range s.touched {
		if b != own && s.attach[b] > best {
			to, best = b, s.attach[b]
		}
	}
	if best < 0 {
		// A bloc without neighbors of v, attaching 0, does better.
		switch {
		case len(s.empty) > 0 && (own < 0 || s.size[own] > 1):
			to, best = s.empty[len(s.empty)-1], 0
		case s.limit > 0:
			for b := range int32(s.limit) {
				if b != own && s.seen[b] != s.stamp {
					to, best = b, 0
					break
				}
			}
		}
	}
	return to, best - current
}

// move puts v into bloc b, logging the move if asked to.
func (s *local) move(v, b int32) {
	from := s.label[v]
	if s.logging {
		s.undo = append(s.undo, step{v, from})
	}
	if from >= 0 {
		s.size[from]--
		if s.size[from] == 0 {
			s.release(from)
		}
	}
	if s.size[b] == 0 {
		i, last := s.where[b], s.empty[len(s.empty)-1]
		s.empty[i], s.where[last] = last, i
		s.empty = s.empty[:len(s.empty)-1]
	}
	s.size[b]++
	s.label[v] = b
}

// release records that bloc b is empty.
func (s *local) release(b int32) {
	s.where[b] = int32(len(s.empty))
	s.empty = append(s.empty, b)
}

// evaluate returns the cost of partition label of g.
func evaluate(g *graph, label []int32) float64 {
	var sum float64
	for _, t := range g.ties {
		if (label[t.u] == label[t.v]) == (t.w < 0) {
			sum += math.Abs(t.w)
		}
	}
	return sum
}
