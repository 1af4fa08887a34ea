package conflict

import (
	"fmt"

	"github.com/conflictgraph/conflict/internal/binfmt"
)

// checkRefs checks that the IDs the records of a snapshot's record name
// are of records it holds, of the types they must be, and that each event
// has the location and parties its kind needs: what deriving the periods
// of a view of the record (see knowledge.go) relies on. It does not check
// what else [Conflict.Add] checks of the records.
func (s *store) checkRefs() error {
	var err error
	fail := func(what, id string, why string) {
		if err == nil {
			err = fmt.Errorf("%s: %q %s: %w", what, id, why, binfmt.ErrRange)
		}
	}
	sources := func(what string, ids []string) {
		for _, id := range ids {
			if _, ok := s.sourceID[id]; !ok {
				fail(what, id, "is no source")
			}
		}
	}
	node := func(what, id string, want func(NodeType) bool) {
		if n, ok := s.nodeID[id]; !ok || !want(s.nodes[n].typ) {
			fail(what, id, "is no node of the type it must be")
		}
	}
	isParty := NodeType.IsParty
	isLocation := func(t NodeType) bool { return t == NodeLocation }
	for i := range s.actors {
		for _, n := range s.actors[i].Names {
			sources("actor "+s.actors[i].ID+" name", n.Sources)
		}
	}
	for i := range s.backers {
		for _, n := range s.backers[i].Names {
			sources("backer "+s.backers[i].ID+" name", n.Sources)
		}
	}
	for i := range s.locations {
		if p := s.locations[i].Population; p != nil {
			sources("location "+s.locations[i].ID+" population", p.Sources)
		}
	}
	for i := range s.events {
		e := &s.events[i]
		what := "event " + e.ID
		loc, actors, counterparts := e.Kind.needs()
		switch {
		case e.Kind == 0:
			fail(what, e.ID, "has no kind")
		case e.Date.IsZero():
			fail(what, e.ID, "has no date")
		case loc && e.Location == "", actors && len(e.Actors) == 0, counterparts && len(e.Counterparts) == 0:
			fail(what, e.ID, "lacks what its kind needs")
		}
		if e.Location != "" {
			node(what+" location", e.Location, isLocation)
		}
		for _, id := range e.Actors {
			node(what+" actor", id, isParty)
		}
		for _, id := range e.Counterparts {
			node(what+" counterpart", id, isParty)
		}
		sources(what, e.Sources)
		for _, p := range e.Participants {
			node(what+" participant", p.Party, isParty)
			sources(what+" participant", p.Sources)
		}
		for _, f := range e.Figures {
			if f.Party != "" {
				node(what+" figure", f.Party, isParty)
			}
			sources(what+" figure", f.Sources)
		}
	}
	for i := range s.agreements {
		a := &s.agreements[i]
		what := "agreement " + a.ID
		for _, l := range [][]string{a.Parties, a.Excluded, a.Guarantors} {
			for _, id := range l {
				node(what, id, isParty)
			}
		}
		sources(what, a.Sources)
	}
	for i := range s.measures {
		m := &s.measures[i]
		node("measure", m.Party, isParty)
		sources("measure of "+m.Party, m.Sources)
	}
	return err
}
