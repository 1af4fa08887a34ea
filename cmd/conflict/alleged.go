package main

import (
	"cmp"
	"slices"
	"strings"

	"github.com/conflictgraph/conflict"
)

// A tieKey is what a tie joins: its kind and its ends, From the smaller ID
// for a symmetric kind, as in a Tie.
type tieKey struct {
	kind     conflict.RelationKind
	from, to string
}

// An allegedSet holds the ties in force at a moment that rest only on
// allegations. The nil set holds none.
type allegedSet map[tieKey]bool

// allegedTies returns the ties in force at m, definitely or possibly, that
// rest only on allegations: those of which every tie in force with the
// same kind and ends is alleged. Without -alleged no answer takes them in,
// and it returns nil.
func (inv *invocation) allegedTies(m conflict.Moment) allegedSet {
	if !inv.alleged {
		return nil
	}
	all := map[tieKey]bool{}
	for t := range m.Ties() {
		k := tieKey{t.Kind, t.From, t.To}
		was, seen := all[k]
		all[k] = t.Alleged && (was || !seen)
	}
	out := allegedSet{}
	for k, alleged := range all {
		if alleged {
			out[k] = true
		}
	}
	return out
}

// mark returns " (alleged)" if the tie of kind from one party to another,
// in either order for a symmetric kind, rests only on allegations; "" if
// not.
func (s allegedSet) mark(kind conflict.RelationKind, from, to string) string {
	if kind.Symmetric() && to < from {
		from, to = to, from
	}
	return allegedText(s[tieKey{kind, from, to}])
}

// tieKeyJSON is a tie in the alleged_ties of -json: what it joins.
type tieKeyJSON struct {
	Kind string `json:"kind"`
	From string `json:"from"`
	To   string `json:"to"`
}

// allegedJSON is the alleged_ties key of -json output: the ties of s,
// sorted by kind and ends; nil, for no key, without -alleged.
func (inv *invocation) allegedJSON(s allegedSet) *[]tieKeyJSON {
	if !inv.alleged {
		return nil
	}
	keys := make([]tieKey, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b tieKey) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to))
	})
	out := make([]tieKeyJSON, len(keys))
	for i, k := range keys {
		out[i] = tieKeyJSON{k.kind.String(), k.from, k.to}
	}
	return &out
}

// namesMarked returns how text output shows the nodes ids, each followed
// by what mark returns for it, joined by sep.
func (inv *invocation) namesMarked(ids []string, sep string, mark func(id string) string) string {
	shown := make([]string, len(ids))
	for i, id := range ids {
		shown[i] = inv.name(id) + mark(id)
	}
	return strings.Join(shown, sep)
}
