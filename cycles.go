package conflict

import (
	"slices"
	"strings"

	"github.com/conflictgraph/conflict/internal/days"
)

// Nothing lies within itself, and no party is part of itself: a location's
// Within may not lead back to it, and part-of relations that may hold on
// one day may not make a cycle ([ErrCycle]). Part-of ties that hold at
// different times may: a group that left a front and later took it over.

// withinCycle returns the cycle that following Within from the new location
// id makes, from id back to id, or nil.
func (b *batch) withinCycle(id string) []string {
	path := []string{id}
	at := id
	for range len(b.within) + 1 {
		next, ok := b.within[at]
		if !ok {
			return nil // reached an old location, or one with no Within
		}
		path = append(path, next)
		if next == id {
			return path
		}
		at = next
	}
	return path
}

// partOf is a part-of relation as the cycle check sees it: its ends and the
// days over which it may hold.
type partOf struct {
	from, to int32
	lo, hi   days.Day
	rel      int // the batch's relation index, or -1 for one stored
}

// checkPartOfCycles reports each part-of relation of the batch on a cycle
// of part-of relations that may all hold on one day. Only the strongly
// connected parts of the part-of graph, times aside, can hold one; on each,
// the days on which a relation begins are tried in turn.
func (b *batch) checkPartOfCycles() {
	if !slices.ContainsFunc(b.facts, func(f fact) bool { return f.kind == RelationPartOf }) {
		return
	}
	var edges []partOf
	add := func(kind RelationKind, from, to int32, start, end Date, rel int) {
		if kind == RelationPartOf {
			w := span(Bound{Date: start}, Bound{Date: end})
			edges = append(edges, partOf{from, to, w.Lo, w.Hi, rel})
		}
	}
	for i := range b.st.rels {
		r := &b.st.rels[i]
		add(r.kind, r.from, r.to, r.start, r.end, -1)
	}
	for _, f := range b.facts {
		add(f.kind, f.from, f.to, f.start, f.end, int(f.id)-len(b.st.rels))
	}
	reported := map[int]bool{}
	for _, comp := range strongParts(edges) {
		var starts []days.Day
		for _, i := range comp {
			starts = append(starts, edges[i].lo)
		}
		slices.Sort(starts)
		for _, d := range slices.Compact(starts) {
			var active []int
			for _, i := range comp {
				if e := edges[i]; e.lo <= d && d < e.hi {
					active = append(active, i)
				}
			}
			cyc := cycleIn(edges, active)
			if cyc == nil {
				continue
			}
			i := slices.IndexFunc(cyc, func(i int) bool { return edges[i].rel >= 0 && !reported[edges[i].rel] })
			if i < 0 {
				continue // made of stored relations only, or reported
			}
			e := edges[cyc[i]]
			reported[e.rel] = true
			names := []string{b.idOf(e.from)}
			for k := range cyc {
				names = append(names, b.idOf(edges[cyc[(i+k)%len(cyc)]].to))
			}
			r := b.relation(e.rel)
			b.fail(sectionRelations, e.rel, relLabel{r.From, r.Kind.String(), r.To}, "to", r.To, ErrCycle,
				"parties would be part of each other at once: "+strings.Join(names, " part-of "))
		}
	}
}

// strongParts returns the edges inside each strongly connected part of the
// graph the edges make (Tarjan's algorithm), for parts of two nodes or
// more.
func strongParts(edges []partOf) [][]int {
	out := map[int32][]int{}
	var nodes []int32
	for i, e := range edges {
		if _, ok := out[e.from]; !ok {
			nodes = append(nodes, e.from)
		}
		out[e.from] = append(out[e.from], i)
	}
	slices.Sort(nodes)
	index, low := map[int32]int{}, map[int32]int{}
	onStack := map[int32]bool{}
	var stack []int32
	comp := map[int32]int{}
	ncomp := 0
	type frame struct {
		n    int32
		next int
	}
	for _, root := range nodes {
		if _, seen := index[root]; seen {
			continue
		}
		frames := []frame{{root, 0}}
		index[root], low[root] = len(index), len(index)
		stack, onStack[root] = append(stack, root), true
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			if f.next < len(out[f.n]) {
				w := edges[out[f.n][f.next]].to
				f.next++
				if _, seen := index[w]; !seen {
					index[w], low[w] = len(index), len(index)
					stack, onStack[w] = append(stack, w), true
					frames = append(frames, frame{w, 0})
				} else if onStack[w] {
					low[f.n] = min(low[f.n], index[w])
				}
				continue
			}
			n := f.n
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				p := frames[len(frames)-1].n
				low[p] = min(low[p], low[n])
			}
			if low[n] == index[n] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == n {
						break
					}
				}
				ncomp++
			}
		}
	}
	parts := make([][]int, ncomp)
	for i, e := range edges {
		if c, ok := comp[e.from]; ok && comp[e.to] == c && e.from != e.to {
			parts[c] = append(parts[c], i)
		}
	}
	return slices.DeleteFunc(parts, func(p []int) bool { return len(p) == 0 })
}

// cycleIn returns the edges of a cycle among the given edges, in order, or
// nil.
func cycleIn(edges []partOf, active []int) []int {
	out := map[int32][]int{}
	for _, i := range active {
		out[edges[i].from] = append(out[edges[i].from], i)
	}
	state := map[int32]int{} // 0 unseen, 1 on the path, 2 done
	var path []int           // edges from the root to the node visited
	var found []int
	var visit func(n int32) bool
	visit = func(n int32) bool {
		state[n] = 1
		for _, i := range out[n] {
			w := edges[i].to
			switch state[w] {
			case 1:
				k := slices.IndexFunc(path, func(j int) bool { return edges[j].from == w })
				if k < 0 {
					k = len(path)
				}
				found = append(slices.Clone(path[k:]), i)
				return true
			case 0:
				path = append(path, i)
				if visit(w) {
					return true
				}
				path = path[:len(path)-1]
			}
		}
		state[n] = 2
		return false
	}
	for _, i := range active {
		if state[edges[i].from] == 0 && visit(edges[i].from) {
			return found
		}
	}
	return nil
}
