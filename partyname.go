package conflict

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// A party's name changes: Jabhat al-Nusra became Jabhat Fateh al-Sham on
// 2016-07-28, the same group with the same ties. Each name it went by is a
// dated claim on its sources' word, as Wikidata's start and end qualifiers
// and the Security Force Monitor's dated unit names hold them; a rename
// event ([EventRenamed]) claims one too.

// A DatedName is a name a party went by over the half-open span [Start,
// End) of days, on the word of its Sources. A zero Start means since before
// the record begins. A zero End means until the party's next name begins,
// or for good: names succeed each other.
type DatedName struct {
	Name    string   `json:"name"`
	Start   Date     `json:"start,omitzero"`
	End     Date     `json:"end,omitzero"`
	Sources []string `json:"sources"`
	Note    string   `json:"note,omitempty"`
}

func cloneNames(ns []DatedName) []DatedName {
	ns = slices.Clone(ns)
	for i := range ns {
		ns[i].Sources = slices.Clone(ns[i].Sources)
	}
	return ns
}

// namesOf returns the dated names of node n as stored: nil for a location.
func (s *store) namesOf(n int32) []DatedName {
	r := s.nodes[n]
	switch r.typ {
	case NodeActor:
		return s.actors[r.ref].Names
	case NodeBacker:
		return s.backers[r.ref].Names
	}
	return nil
}

// A nameSpan is a name of a party as a snapshot knows it: the days over
// which it is in force, its successor's start closing an open end.
type nameSpan struct {
	name string
	w    timeindex.Window
}

// indexNames works out the names of every party the snapshot knows: the
// dated names of its record whose sources it knows, and the renames.
func (s *snapshot) indexNames() {
	type claim struct {
		name       string
		start, end Bound
	}
	byNode := map[int32][]claim{}
	for n := range s.rec.nodes {
		for _, dn := range s.rec.namesOf(int32(n)) {
			if s.knowsAny(dn.Sources) {
				byNode[int32(n)] = append(byNode[int32(n)], claim{dn.Name, Bound{Date: dn.Start}, Bound{Date: dn.End}})
			}
		}
	}
	for i := range s.rec.events {
		e := &s.rec.events[i]
		if e.Kind != EventRenamed || !s.cut.knows(s.rec.evSrcs[i]) || s.omitted(e.Alleged) {
			continue
		}
		n := s.rec.nodeID[e.Actors[0]]
		byNode[n] = append(byNode[n], claim{e.Name, Bound{Date: e.Date}, Bound{}})
	}
	if len(byNode) == 0 {
		return
	}
	s.names = map[int32][]nameSpan{}
	for n, cs := range byNode {
		slices.SortStableFunc(cs, func(a, b claim) int {
			return cmp.Compare(a.start.days(days.OpenStart).First, b.start.days(days.OpenStart).First)
		})
		spans := make([]nameSpan, len(cs))
		for i, c := range cs {
			end := c.end
			if end.IsOpen() && i+1 < len(cs) {
				end = cs[i+1].start // succeeded by the next name
			}
			spans[i] = nameSpan{nfc(c.name), span(c.start, end)}
		}
		s.names[n] = spans
	}
}

// name returns the name of party n on the moment's day: the name in force
// that surely began last, or the party's Name outside its dated names.
func (m Moment) name(n int32) string {
	s := m.snapshot()
	name := s.rec.node(n).Name
	for _, sp := range s.names[n] {
		if certaintyOf(sp.w.At(m.q)) == Definite {
			name = sp.name
		}
	}
	return name
}

// Name returns the name of the node id on the moment's day: for a party,
// the dated name (see [DatedName]) that definitely holds then, or its Name
// outside them; for a location, its Name. It returns "" for an ID the
// record does not have.
func (m Moment) Name(id string) string {
	s := m.snapshot()
	n, ok := s.rec.nodeID[id]
	if !ok {
		return ""
	}
	return m.name(n)
}

// Lookup returns the node that name names, compared as [FoldName]
// compares names, and how sure it is that the name was in use on the
// moment's day: Definite for an ID, a Name or an alias (which hold
// throughout), the certainty of the name's span for a dated name. A 2016-08
// article's "Jabhat Fateh al-Sham" finds jabhat-al-nusra, Definite; the same
// name on 2016-01-01 finds it too, but Absent: it was not yet in use. ok
// is false if no node has the name.
func (m Moment) Lookup(name string) (n Node, inUse Certainty, ok bool) {
	s := m.snapshot()
	f := FoldName(name)
	id, found := s.rec.names[f]
	if !found {
		return Node{}, Absent, false
	}
	node := s.rec.node(id)
	if FoldName(node.ID) == f || FoldName(node.Name) == f {
		return node, Definite, true
	}
	for _, a := range s.rec.aliasesOf(id) {
		if FoldName(a) == f {
			return node, Definite, true
		}
	}
	c := Absent
	for _, sp := range s.names[id] {
		if FoldName(sp.name) == f {
			c = max(c, certaintyOf(sp.w.At(m.q)))
		}
	}
	return node, c, true
}

// aliasesOf returns the aliases of node n.
func (s *store) aliasesOf(n int32) []string {
	r := s.nodes[n]
	switch r.typ {
	case NodeActor:
		return s.actors[r.ref].Aliases
	case NodeBacker:
		return s.backers[r.ref].Aliases
	}
	return s.locations[r.ref].Aliases
}

// checkNames checks the dated names of party i of a section: each has a
// name and sources that could know its dates, and two names whose spans
// surely overlap are both in use on the word of a source that gives both.
func (b *batch) checkNames(section string, i int, id string, names []DatedName) {
	label := quoted(id)
	for k, dn := range names {
		if dn.Name == "" {
			b.fail(section, i, label, "names", "", ErrMissing, "a dated name needs a name")
		}
		if !dn.Start.IsZero() && !dn.End.IsZero() && dn.End.latest() <= dn.Start.earliest() {
			b.fail(section, i, label, "names", dn.Name, ErrSpan, fmt.Sprintf("ends %s, not after it starts %s", dn.End, dn.Start))
		}
		b.checkSourceList(section, i, label, dn.Sources)
		b.checkKnowable(section, i, label, "names", dn.Start, dn.Sources)
		b.checkKnowable(section, i, label, "names", dn.End, dn.Sources)
		for _, other := range names[:k] {
			if dn.End.IsZero() && other.End.IsZero() {
				continue // each ends where the next begins
			}
			a := span(Bound{Date: dn.Start}, Bound{Date: dn.End})
			o := span(Bound{Date: other.Start}, Bound{Date: other.End})
			if max(a.SureLo, o.SureLo) < min(a.SureHi, o.SureHi) && !slices.ContainsFunc(dn.Sources, func(s string) bool { return slices.Contains(other.Sources, s) }) {
				b.fail(section, i, label, "names", dn.Name, ErrName,
					fmt.Sprintf("in use at once with %q, and no source gives both", other.Name))
			}
		}
	}
}

// datedNames returns the names of ns, in composed form.
func datedNames(ns []DatedName) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = nfc(n.Name)
	}
	return out
}
