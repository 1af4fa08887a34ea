package main

import (
	"strings"

	"github.com/conflictgraph/conflict"
)

// name returns how text output shows the node id: by its name, or by its
// ID with -ids, or when the record gives it no name.
func (inv *invocation) name(id string) string {
	if inv.ids || inv.nodes == nil {
		return id
	}
	if n, ok := inv.nodes(id); ok && n.Name != "" {
		return n.Name
	}
	return id
}

// names returns how text output shows the nodes ids, joined by sep.
func (inv *invocation) names(ids []string, sep string) string {
	shown := make([]string, len(ids))
	for i, id := range ids {
		shown[i] = inv.name(id)
	}
	return strings.Join(shown, sep)
}

// tieText returns t as Tie.String does, with the names of its ends:
// "Syrian government controls Palmyra [2016-03-27, …)".
func (inv *invocation) tieText(t conflict.Tie) string {
	s := t.String()
	rest, ok := strings.CutPrefix(s, t.From+" "+t.Kind.String()+" "+t.To)
	if !ok {
		return s
	}
	return inv.name(t.From) + " " + t.Kind.String() + " " + inv.name(t.To) + rest
}
