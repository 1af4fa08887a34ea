package conflict

import (
	"cmp"
	"slices"
)

// A party's lineage: the renames, mergers, splits, joins and departures it
// took part in, as dated, sourced events (see [EventKind] for what each
// does to its ties). Mapping Militants' relationship types are the model: a
// rename keeps the party (Jabhat al-Nusra, then Jabhat Fateh al-Sham); a
// merger makes a new one (Hay'at Tahrir al-Sham, of five groups); a split
// makes a new one from a part of another; joining and leaving an umbrella
// open and close part-of.

// A LineageEvent is one event in a party's lineage.
type LineageEvent struct {
	Event   string    // the event's ID
	Kind    EventKind // EventRenamed, EventMerged, EventSplit, EventJoined or EventLeft
	Date    Date
	Before  []string // the parties before: the one renamed, those that merged, the one split from, the one that joined or left
	After   []string // the parties after: the one renamed, the one merged into, the new one split off, the umbrella joined or left
	Name    string   // for a rename, the new name
	Sources []string
}

// isLineage reports whether events of kind k are a party's lineage.
func (k EventKind) isLineage() bool { return k >= EventRenamed && k <= EventLeft }

// Lineage returns the lineage events that party id took part in, in date
// order (then by ID): its predecessors are the Before of events where it
// is After, its successors the After of events where it is Before. It
// costs one pass over the record's events.
func (c *Conflict) Lineage(id string) []LineageEvent {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var out []LineageEvent
	for _, e := range c.st.events {
		if !e.Kind.isLineage() || !slices.Contains(e.Actors, id) && !slices.Contains(e.Counterparts, id) {
			continue
		}
		l := LineageEvent{Event: e.ID, Kind: e.Kind, Date: e.Date, Name: e.Name, Sources: slices.Clone(e.Sources)}
		switch e.Kind {
		case EventRenamed:
			l.Before, l.After = slices.Clone(e.Actors), slices.Clone(e.Actors)
		case EventSplit:
			l.Before, l.After = slices.Clone(e.Counterparts), slices.Clone(e.Actors)
		default: // merged, joined, left: the actors go into the counterpart
			l.Before, l.After = slices.Clone(e.Actors), slices.Clone(e.Counterparts)
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b LineageEvent) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Event, b.Event)) })
	return out
}

// checkLineage checks an event of a party's lineage: the parties it needs,
// and for a rename a new name that names no other node.
func (b *batch) checkLineage(i int, label quoted, e *Event, h *happening) {
	if !e.Kind.isLineage() {
		if e.Name != "" {
			b.fail(sectionEvents, i, label, "name", e.Name, ErrKind, "only a rename gives a name")
		}
		return
	}
	one := func(field string, ids []string, what string) {
		if len(ids) > 1 {
			b.fail(sectionEvents, i, label, field, ids[1], ErrEnds, "a "+e.Kind.String()+" has one "+what)
		}
	}
	switch e.Kind {
	case EventRenamed:
		one("actors", e.Actors, "party, the one renamed")
		if len(e.Counterparts) > 0 {
			b.fail(sectionEvents, i, label, "counterparts", e.Counterparts[0], ErrEnds, "a rename keeps the party: it has no counterpart")
		}
		f := FoldName(e.Name)
		switch {
		case f == "":
			b.fail(sectionEvents, i, label, "name", e.Name, ErrMissing, "a rename gives the new name")
		case len(h.actors) == 1:
			other, ok := b.st.names[f]
			otherID := ""
			if ok {
				otherID = b.st.nodes[other].id
			} else if id, ok2 := b.newName[f]; ok2 {
				otherID, ok = id, true
			}
			if ok && otherID != b.idOf(h.actors[0]) {
				b.fail(sectionEvents, i, label, "name", e.Name, ErrName, "already names "+otherID+": a rename keeps its party's ID; a new party is a merger or a split")
			}
		}
	case EventMerged:
		one("counterparts", e.Counterparts, "party, the one merged into")
		for _, a := range e.Actors {
			if slices.Contains(e.Counterparts, a) {
				b.fail(sectionEvents, i, label, "counterparts", a, ErrEnds, "a party does not merge into itself")
			}
		}
	case EventSplit, EventJoined, EventLeft:
		one("actors", e.Actors, "party")
		one("counterparts", e.Counterparts, "counterpart")
		if len(h.actors) == 1 && len(h.counterparts) == 1 {
			a, c := h.actors[0], h.counterparts[0]
			switch {
			case a == c:
				b.fail(sectionEvents, i, label, "counterparts", b.idOf(c), ErrEnds, "a party and its counterpart are two parties")
			case e.Kind != EventSplit && b.typeOf(a) != b.typeOf(c):
				b.fail(sectionEvents, i, label, "counterparts", b.idOf(c), ErrEnds, "an actor joins an actor, a backer a backer (part-of)")
			}
		}
	}
}
