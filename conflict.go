package conflict

import (
	"iter"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// A Conflict is the record of an armed conflict: its sources, parties
// (actors and backers), locations, relations and events. Records are checked
// as they are added; a batch that fails adds nothing. Ask questions of it at
// an instant with [Conflict.At], or over time with [Conflict.Timeline],
// [Conflict.History] and [Conflict.Changes].
//
// The zero Conflict is an empty record ready to use. A Conflict must not be
// copied after first use. It is safe for concurrent use: queries run in
// parallel with each other and with additions. Queries are answered from an
// index built on the first query after a change, in O(n log n) time for n
// relations and events; adding between queries therefore costs a rebuild at
// the next query, so add in batches ([Conflict.Add]) where you can.
type Conflict struct {
	mu    sync.RWMutex // guards st
	st    store
	snap  atomic.Pointer[snapshot] // nil when stale
	build sync.Mutex               // one snapshot build at a time
}

// Name returns the conflict's name.
func (c *Conflict) Name() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.st.name
}

// Add adds every record of ds, or none: if any record is bad it returns an
// error for each problem found (joined with [errors.Join]; each is an
// [*Error] that wraps one of the package's sentinel errors) and leaves the
// Conflict as it was. Records may refer to each other and to records added
// before. A non-empty ds.Name replaces the conflict's name.
func (c *Conflict) Add(ds Dataset) error { return c.AddWith(ds, LoadOptions{}) }

// snapshot returns the current snapshot, building it if it is stale.
func (c *Conflict) snapshot() *snapshot {
	if s := c.snap.Load(); s != nil {
		return s
	}
	c.build.Lock()
	defer c.build.Unlock()
	if s := c.snap.Load(); s != nil {
		return s
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	s := newSnapshot(&c.st)
	c.snap.Store(s) // under the read lock, so no addition can make it stale unseen
	return s
}

// At returns the conflict as it stands at instant t. Making a Moment is
// cheap once the index is built.
func (c *Conflict) At(t time.Time) Moment { return c.snapshot().at(t) }

func (s *snapshot) at(t time.Time) Moment { return Moment{s: s, t: t, q: days.In(t, s.rec.zone)} }

// Ties yields every tie in the record — every period of every relation —
// sorted as [Tie.Compare] sorts. Certainty is Absent: no moment is asked.
func (c *Conflict) Ties() iter.Seq[Tie] { return c.snapshot().ties() }

func (s *snapshot) ties() iter.Seq[Tie] {
	return func(yield func(Tie) bool) {
		all := make([]Tie, s.ix.Len())
		for p := range all {
			all[p] = s.tie(int32(p), Absent)
		}
		slices.SortFunc(all, Tie.Compare)
		for _, t := range all {
			if !yield(t) {
				return
			}
		}
	}
}

// Actors yields every actor, in the order added. Adding while iterating is
// safe; the iteration sees the actors there were when it began.
func (c *Conflict) Actors() iter.Seq[Actor] {
	c.mu.RLock()
	all := c.st.actors
	c.mu.RUnlock()
	return func(yield func(Actor) bool) {
		for _, a := range all {
			if !yield(cloneActor(a)) {
				return
			}
		}
	}
}

// Backers yields every backer, in the order added, as [Conflict.Actors]
// does actors.
func (c *Conflict) Backers() iter.Seq[Backer] {
	c.mu.RLock()
	all := c.st.backers
	c.mu.RUnlock()
	return func(yield func(Backer) bool) {
		for _, b := range all {
			if !yield(cloneBacker(b)) {
				return
			}
		}
	}
}

// Locations yields every location, in the order added, as
// [Conflict.Actors] does actors.
func (c *Conflict) Locations() iter.Seq[Location] {
	c.mu.RLock()
	all := c.st.locations
	c.mu.RUnlock()
	return func(yield func(Location) bool) {
		for _, l := range all {
			if !yield(cloneLocation(l)) {
				return
			}
		}
	}
}

// Node returns the actor, backer or location with the given ID.
func (c *Conflict) Node(id string) (Node, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n, ok := c.st.nodeID[id]
	if !ok {
		return Node{}, false
	}
	return c.st.node(n), true
}

// Lookup returns the node whose ID, name or alias is name, compared as
// [FoldName] compares names: "Daesh", "daesh" and "DAESH" all find the node
// with alias "Daesh".
func (c *Conflict) Lookup(name string) (Node, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n, ok := c.st.names[FoldName(name)]
	if !ok {
		return Node{}, false
	}
	return c.st.node(n), true
}

// Actor returns the actor with the given ID.
func (c *Conflict) Actor(id string) (Actor, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n, ok := c.st.nodeID[id]
	if !ok || c.st.nodes[n].typ != NodeActor {
		return Actor{}, false
	}
	return cloneActor(c.st.actors[c.st.nodes[n].ref]), true
}

// Backer returns the backer with the given ID.
func (c *Conflict) Backer(id string) (Backer, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n, ok := c.st.nodeID[id]
	if !ok || c.st.nodes[n].typ != NodeBacker {
		return Backer{}, false
	}
	return cloneBacker(c.st.backers[c.st.nodes[n].ref]), true
}

// Location returns the location with the given ID.
func (c *Conflict) Location(id string) (Location, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n, ok := c.st.nodeID[id]
	if !ok || c.st.nodes[n].typ != NodeLocation {
		return Location{}, false
	}
	return cloneLocation(c.st.locations[c.st.nodes[n].ref]), true
}

// Source returns the source with the given ID.
func (c *Conflict) Source(id string) (Source, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	i, ok := c.st.sourceID[id]
	if !ok {
		return Source{}, false
	}
	return c.st.sources[i], true
}

// Event returns the event with the given ID.
func (c *Conflict) Event(id string) (Event, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	i, ok := c.st.eventID[id]
	if !ok {
		return Event{}, false
	}
	return cloneEvent(c.st.events[i]), true
}

// Dataset returns a copy of the whole record, in the order it was added:
// what [Conflict.Save] writes.
func (c *Conflict) Dataset() Dataset {
	c.mu.RLock()
	defer c.mu.RUnlock()
	s := &c.st
	ds := Dataset{Name: s.name, TimeZone: s.zoneName()}
	ds.Sources = slices.Clone(s.sources)
	for _, a := range s.actors {
		ds.Actors = append(ds.Actors, cloneActor(a))
	}
	for _, b := range s.backers {
		ds.Backers = append(ds.Backers, cloneBacker(b))
	}
	for _, l := range s.locations {
		ds.Locations = append(ds.Locations, cloneLocation(l))
	}
	if len(s.rels) > 0 {
		ds.Relations = make([]Relation, len(s.rels))
		for i := range s.rels {
			ds.Relations[i] = s.relation(int32(i))
		}
	}
	for _, e := range s.events {
		ds.Events = append(ds.Events, cloneEvent(e))
	}
	for _, a := range s.agreements {
		ds.Agreements = append(ds.Agreements, cloneAgreement(a))
	}
	for _, m := range s.measures {
		m.Sources = slices.Clone(m.Sources)
		ds.Measures = append(ds.Measures, m)
	}
	return ds
}

func cloneActor(a Actor) Actor {
	a.Aliases = slices.Clone(a.Aliases)
	a.Names = cloneNames(a.Names)
	return a
}

func cloneBacker(b Backer) Backer {
	b.Aliases = slices.Clone(b.Aliases)
	b.Names = cloneNames(b.Names)
	return b
}

func cloneLocation(l Location) Location {
	l.Aliases = slices.Clone(l.Aliases)
	if l.Point != nil {
		p := *l.Point
		l.Point = &p
	}
	l.Population = clonePopulation(l.Population)
	return l
}

func cloneEvent(e Event) Event {
	e.Actors = slices.Clone(e.Actors)
	e.Counterparts = slices.Clone(e.Counterparts)
	e.Sources = slices.Clone(e.Sources)
	e.Attributes = maps.Clone(e.Attributes)
	e.Participants = cloneParticipants(e.Participants)
	e.Figures = cloneFigures(e.Figures)
	return e
}
