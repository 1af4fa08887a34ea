package signed

import "math"

// A packer finds lower bounds by packing bad cycles into a graph.
//
// A cycle is bad when no partition keeps all its ties: with free or at least
// three blocs, a cycle with exactly one hostile tie (its positive ties would
// put all its nodes in one bloc, with the hostile tie inside); with two blocs,
// any cycle with an odd number of hostile ties. Every partition therefore
// breaks some tie of every bad cycle. The packer gives each bad cycle C it
// finds an amount y(C), keeping the sum of y over the cycles through a tie
// within the tie's weight; every partition then costs at least the sum of all
// y. The packer finds cycles as shortest closed walks of a breadth-first
// search; a walk that passes a tie twice is charged twice for it, which keeps
// the bound valid even when the walk is not a simple cycle.
type packer struct {
	g        *graph
	parity   bool      // two blocs: count hostile ties modulo two
	residual []float64 // weight of each tie not yet given to cycles
	limit    int       // most states one search visits
	steps    int       // work done: states visited plus arcs scanned

	// A search runs on states 2v+s, s counting the hostile ties walked
	// from the root: modulo two if parity is set, else up to one.
	mark  []uint32 // stamp of the search that reached the state
	stamp uint32
	from  []int32 // the state a state was reached from
	via   []int32 // the tie a state was reached by
	queue []int32
	walk  []int32 // ties of the last walk found
	uses  []int32 // how often the last walk passes each tie
}

// newPacker returns a packer for g. With parity set it packs the cycles that
// are bad for two blocs, else those that are bad for any other bloc limit.
// A single search visits at most limit states.
func newPacker(g *graph, parity bool, limit int) *packer {
	p := &packer{
		g:        g,
		parity:   parity,
		residual: make([]float64, len(g.ties)),
		limit:    limit,
		mark:     make([]uint32, 2*g.order()),
		from:     make([]int32, 2*g.order()),
		via:      make([]int32, 2*g.order()),
		uses:     make([]int32, len(g.ties)),
	}
	for i, t := range g.ties {
		p.residual[i] = math.Abs(t.w)
	}
	return p
}

// suffixBounds returns bounds b of length n+1 for the n nodes of g: b[d] is
// a lower bound on the cost of the ties among the nodes d, d+1, ..., n-1,
// and b[0] one on the cost of g. It packs, for d from n-1 down to 0, the bad
// cycles through d among the nodes from d on, so that each cycle serves every
// bound it can. It runs at most one search per node and one per cycle found,
// each costing O(t) time for t ties, or less when limit is small. Once its
// steps exceed budget it packs no more cycles, which leaves the bounds
// valid but weaker.
func (p *packer) suffixBounds(budget int) []float64 {
	n := p.g.order()
	b := make([]float64, n+1)
	for d := int32(n) - 1; d >= 0; d-- {
		b[d] = b[d+1]
		for p.steps <= budget && p.search(d) {
			b[d] += p.charge()
		}
	}
	return b
}

// search looks for a shortest bad closed walk through root that visits no
// node below root and only ties with residual weight. It reports whether it
// found one, leaving its ties in p.walk.
func (p *packer) search(root int32) bool {
	p.stamp++
	if p.stamp == 0 { // wrapped: forget all stamps
		clear(p.mark)
		p.stamp = 1
	}
	source, target := 2*root, 2*root+1
	p.mark[source] = p.stamp
	p.queue = append(p.queue[:0], source)
	for head := 0; head < len(p.queue) && head < p.limit; head++ {
		x := p.queue[head]
		v, s := x/2, x%2
		arcs := p.g.neighbors(v)
		p.steps += 1 + len(arcs)
		for _, a := range arcs {
			if a.to < root || p.residual[a.tie] <= 0 {
				continue
			}
			t := s
			if a.w < 0 {
				if !p.parity && s == 1 {
					continue
				}
				t = 1 - s
			}
			y := 2*a.to + t
			if p.mark[y] == p.stamp {
				continue
			}
			p.mark[y], p.from[y], p.via[y] = p.stamp, x, a.tie
			if y == target {
				p.walk = p.walk[:0]
				for ; y != source; y = p.from[y] {
					p.walk = append(p.walk, p.via[y])
				}
				return true
			}
			p.queue = append(p.queue, y)
		}
	}
	return false
}

// charge gives the last walk found the largest amount its ties can carry,
// takes it from their residual weights and returns it.
func (p *packer) charge() float64 {
	for _, t := range p.walk {
		p.uses[t]++
	}
	amount, tightest := math.Inf(1), p.walk[0]
	for _, t := range p.walk {
		if r := p.residual[t] / float64(p.uses[t]); r < amount {
			amount, tightest = r, t
		}
	}
	for _, t := range p.walk {
		if p.uses[t] > 0 {
			p.residual[t] = max(0, p.residual[t]-amount*float64(p.uses[t]))
			p.uses[t] = 0
		}
	}
	p.residual[tightest] = 0
	return amount
}
