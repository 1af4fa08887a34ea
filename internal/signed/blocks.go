package signed

// A block is a biconnected component of a graph: a maximal set of ties any
// two of which lie on a common cycle, or a single tie that lies on none.
type block struct {
	nodes []int32 // nodes[0] is the block's attachment node, see blocks
	ties  []int32
}

// blocks returns the blocks of g, each listing its nodes once. Nodes without
// ties belong to no block. In the returned order, the attachment node of a
// block is in an earlier block unless the block is the first one of its
// connected component, and a block shares with the earlier blocks no node but
// its attachment node. Solutions of the blocks therefore combine into one
// solution of g by aligning each block's solution on its attachment node.
//
// blocks is Tarjan's depth-first search with an explicit stack; it costs
// O(n + t) time for n nodes and t ties.
func (g *graph) blocks() []block {
	n := g.order()
	type frame struct {
		node   int32
		parent int32 // tie to the parent, or -1 at a root
		next   int32 // next arc to scan
	}
	var (
		found  []block
		frames []frame
		ties   []int32 // ties met and not yet assigned to a block
		clock  int32
		disc   = make([]int32, n) // discovery time, 0 if undiscovered
		low    = make([]int32, n)
		seen   = make([]int32, n) // block number plus one that last listed the node
	)
	for root := range int32(n) {
		if disc[root] != 0 || g.start[root] == g.start[root+1] {
			continue
		}
		clock++
		disc[root], low[root] = clock, clock
		frames = append(frames, frame{node: root, parent: -1, next: g.start[root]})
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			v := f.node
			if f.next < g.start[v+1] {
				a := g.arcs[f.next]
				f.next++
				switch {
				case a.tie == f.parent:
				case disc[a.to] == 0:
					ties = append(ties, a.tie)
					clock++
					disc[a.to], low[a.to] = clock, clock
					frames = append(frames, frame{node: a.to, parent: a.tie, next: g.start[a.to]})
				case disc[a.to] < disc[v]:
					ties = append(ties, a.tie)
					low[v] = min(low[v], disc[a.to])
				}
				continue
			}
			parent := f.parent
			frames = frames[:len(frames)-1]
			if parent < 0 {
				continue
			}
			p := frames[len(frames)-1].node
			low[p] = min(low[p], low[v])
			if low[v] < disc[p] {
				continue
			}
			// p separates the subtree of v: its pending ties form a block.
			i := len(ties) - 1
			for ties[i] != parent {
				i--
			}
			b := block{nodes: []int32{p}, ties: append([]int32(nil), ties[i:]...)}
			mark := int32(len(found) + 1)
			seen[p] = mark
			for _, t := range b.ties {
				for _, x := range [2]int32{g.ties[t].u, g.ties[t].v} {
					if seen[x] != mark {
						seen[x] = mark
						b.nodes = append(b.nodes, x)
					}
				}
			}
			ties = ties[:i]
			found = append(found, b)
		}
	}
	// Tarjan's search finds a block after every block below it; reversed,
	// each block follows the one holding its attachment node.
	for i, j := 0, len(found)-1; i < j; i, j = i+1, j-1 {
		found[i], found[j] = found[j], found[i]
	}
	return found
}
