package csvimport

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/conflictgraph/conflict"
)

// Slug returns a lower-case ID made of the letters and digits of s, runs of
// anything else becoming one hyphen, apostrophes dropped: "Military Forces
// of Syria (2000-)" gives "military-forces-of-syria-2000". It is at most
// 100 bytes long, and "x" if s has no letter or digit.
func Slug(s string) string { return string(AppendSlug(nil, s)) }

// AppendSlug appends the [Slug] of s to b and returns the extended buffer.
func AppendSlug(b []byte, s string) []byte {
	const limit = 100
	start := len(b)
	dash := false
	for _, r := range s {
		switch {
		case r < 0x80 && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case r < 0x80 && 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
		case r == '\'' || r == '\u2019':
			continue
		default:
			dash = true
			continue
		}
		if dash && len(b) > start {
			b = append(b, '-')
		}
		dash = false
		if len(b)-start+utf8.RuneLen(r) > limit {
			break
		}
		b = utf8.AppendRune(b, r)
	}
	for len(b) > start && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	if len(b) == start {
		b = append(b, 'x')
	}
	return b
}

// A Naming is a node to be named by [Assign].
type Naming struct {
	// Names are the node's candidate names, from plain to qualified
	// ("Aleppo", "Aleppo, Syria", ...). There is at least one.
	Names []string

	// Rank orders nodes in a clash: the nodes of the lowest rank that can
	// move on to a more qualified name do, and the others keep theirs.
	Rank int

	// ID, if not empty, is the node's ID, in place of the Slug of its
	// name; such a node has one name.
	ID string

	level int // the candidate in use
}

func (n *Naming) name() string { return n.Names[n.level] }

// id returns the node's ID as its candidate in use makes it.
func (n *Naming) id() string {
	if n.ID != "" {
		return n.ID
	}
	return Slug(n.name())
}

// Assign chooses a name and an ID for each node so that no name or ID of
// one node folds, by [conflict.FoldName], to the same key as a name or ID
// of another: package conflict rejects a dataset in which one key names two
// nodes. A node's ID is its given ID or the [Slug] of its name. When keys
// clash, the clashing nodes of the lowest rank move on to their next
// candidates, until none clash; the rare clash left over is settled with a
// number, " [2]" after the name and "-2" after the ID, in the order of
// nodes.
//
// Assign returns the names and IDs in the order of nodes. It records in
// nodes which candidate each has reached, so a slice of nodes serves one
// call.
func Assign(nodes []Naming) (names, ids []string) {
	for {
		owners := make(map[string][]int, 2*len(nodes)) // key → nodes
		claim := func(k string, i int) {
			if o := owners[k]; k != "" && (len(o) == 0 || o[len(o)-1] != i) {
				owners[k] = append(o, i)
			}
		}
		for i := range nodes {
			name := nodes[i].name()
			claim(conflict.FoldName(name), i)
			claim(conflict.FoldName(nodes[i].id()), i)
		}
		move := make([]bool, len(nodes))
		moved := false
		for _, o := range owners {
			if len(o) < 2 {
				continue
			}
			rank := -1
			for _, i := range o {
				if n := &nodes[i]; n.level+1 < len(n.Names) && (rank < 0 || n.Rank < rank) {
					rank = n.Rank
				}
			}
			for _, i := range o {
				if n := &nodes[i]; n.level+1 < len(n.Names) && n.Rank == rank {
					move[i], moved = true, true
				}
			}
		}
		if !moved {
			break
		}
		for i := range nodes {
			if move[i] {
				nodes[i].level++
			}
		}
	}
	names, ids = make([]string, len(nodes)), make([]string, len(nodes))
	taken := make(map[string]bool, 2*len(nodes))
	free := func(k string) bool { return k == "" || !taken[k] }
	for i := range nodes {
		base, baseID := nodes[i].name(), nodes[i].id()
		name, id := base, baseID
		for k := 2; !free(conflict.FoldName(name)) || !free(conflict.FoldName(id)); k++ {
			name, id = base+" ["+strconv.Itoa(k)+"]", baseID+"-"+strconv.Itoa(k)
		}
		taken[conflict.FoldName(name)], taken[conflict.FoldName(id)] = true, true
		names[i], ids[i] = name, id
	}
	return names, ids
}
