package main

import (
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// name returns how text output shows the node id: by its name — for a
// command that asks about a moment, the name of that day (Moment.Name), so
// that a party renamed shows the name it then went by — or by its ID with
// -ids, or when the record gives it no name.
func (inv *invocation) name(id string) string {
	switch {
	case inv.ids:
		return id
	case inv.dayName != nil:
		if s := inv.dayName(id); s != "" {
			return s
		}
		return id
	case inv.nodes == nil:
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

// nameOn returns how text output shows the node id on the first day of
// d's window: as name does, with the name the party went by that day. The
// zero Date stands for before the record begins.
func (inv *invocation) nameOn(d conflict.Date, id string) string {
	if inv.ids || inv.rec == nil {
		return inv.name(id)
	}
	if s := inv.rec.At(inv.dayStart(d)).Name(id); s != "" {
		return s
	}
	return id
}

// namesOn returns how text output shows the nodes ids on the first day of
// d's window, joined by sep.
func (inv *invocation) namesOn(d conflict.Date, ids []string, sep string) string {
	shown := make([]string, len(ids))
	for i, id := range ids {
		shown[i] = inv.nameOn(d, id)
	}
	return strings.Join(shown, sep)
}

// dayStart returns the instant the first day of d's window begins in the
// record's time zone; for the zero Date, the first day of year 1.
func (inv *invocation) dayStart(d conflict.Date) time.Time {
	if d.IsZero() {
		d = conflict.Year(1)
	}
	return startOf(d, inv.zone)
}

// tieText returns t as Tie.String does, with the names of its ends, and
// "(alleged)" after a tie that rests only on allegations: "Syrian
// government controls Palmyra [2016-03-27, …)".
func (inv *invocation) tieText(t conflict.Tie) string {
	s := t.String()
	rest, ok := strings.CutPrefix(s, t.From+" "+t.Kind.String()+" "+t.To)
	if ok {
		s = inv.name(t.From) + " " + t.Kind.String() + " " + inv.name(t.To) + rest
	}
	return s + allegedText(t.Alleged)
}

// allegedText is what text output adds after what rests only on
// allegations: " (alleged)", or "".
func allegedText(alleged bool) string {
	if alleged {
		return " (alleged)"
	}
	return ""
}
