// Package unionfind implements disjoint sets over dense int32 identifiers.
//
// Find uses path halving and Union joins by size, so a sequence of m
// operations on n elements costs O(m α(n)) time, where α is the inverse
// Ackermann function. Identifiers outside [0, Len()) cause a panic, as an
// out-of-range slice index does.
package unionfind

// Sets is a collection of disjoint sets over the elements 0, 1, ..., n-1.
// Its zero value holds no elements; call Reset to size it. A Sets value must
// not be copied after first use.
type Sets struct {
	parent []int32
	size   []int32 // size[r] is the size of the set with root r
	count  int
}

// New returns n singleton sets {0}, {1}, ..., {n-1}.
func New(n int) *Sets {
	s := new(Sets)
	s.Reset(n)
	return s
}

// Reset makes s hold n singleton sets, reusing its memory when it can.
// It panics if n is negative or does not fit in an int32.
func (s *Sets) Reset(n int) {
	if n < 0 || n > 1<<31-1 {
		panic("unionfind: Reset with invalid size")
	}
	if cap(s.parent) < n {
		s.parent = make([]int32, n)
		s.size = make([]int32, n)
	}
	s.parent = s.parent[:n]
	s.size = s.size[:n]
	for i := range s.parent {
		s.parent[i] = int32(i)
		s.size[i] = 1
	}
	s.count = n
}

// Len returns the number of elements.
func (s *Sets) Len() int { return len(s.parent) }

// Count returns the number of disjoint sets.
func (s *Sets) Count() int { return s.count }

// Find returns the representative of the set that contains x. The
// representative of a set changes only when Union joins it with another.
func (s *Sets) Find(x int32) int32 {
	p := s.parent
	for p[x] != x {
		p[x] = p[p[x]]
		x = p[x]
	}
	return x
}

// Union joins the sets that contain x and y and reports whether they were
// disjoint. The larger set's representative represents the union; on equal
// sizes, the smaller representative does.
func (s *Sets) Union(x, y int32) bool {
	x, y = s.Find(x), s.Find(y)
	if x == y {
		return false
	}
	if s.size[x] < s.size[y] || s.size[x] == s.size[y] && y < x {
		x, y = y, x
	}
	s.parent[y] = x
	s.size[x] += s.size[y]
	s.count--
	return true
}

// Same reports whether x and y are in the same set.
func (s *Sets) Same(x, y int32) bool { return s.Find(x) == s.Find(y) }

// Size returns the number of elements in the set that contains x.
func (s *Sets) Size(x int32) int { return int(s.size[s.Find(x)]) }

// Components returns the sets, each listing its members in ascending order,
// ordered by their smallest members. The lists share one backing array of
// Len() elements. Components costs O(n α(n)) time
// and allocates three slices.
func (s *Sets) Components() [][]int32 {
	n := len(s.parent)
	members := make([]int32, n)
	comps := make([][]int32, 0, s.count)
	// slot[r] is one plus the index in comps of the component whose
	// representative is r, or zero before r is first met.
	slot := make([]int32, n)
	next := 0
	for x := range n {
		r := s.Find(int32(x))
		if slot[r] == 0 {
			size := int(s.size[r])
			comps = append(comps, members[next:next:next+size])
			next += size
			slot[r] = int32(len(comps))
		}
		i := slot[r] - 1
		comps[i] = append(comps[i], int32(x))
	}
	return comps
}
