package conflict

import (
	"maps"
	"sync"

	"github.com/conflictgraph/conflict/internal/eventindex"
)

// lazyIndexes is what a snapshot builds on the first question that needs
// it, once: the index of the events it knows, its measures by party and
// quantity, the weights of its places, and (for a view) the number of
// every source by ID.
type lazyIndexes struct {
	evOnce sync.Once
	ev     *eventIndex

	msOnce sync.Once
	ms     map[measureKey][]int32

	wOnce [numWeights]sync.Once
	w     [numWeights][]float64
}

// eventIndex is the index of the events a snapshot knows.
type eventIndex struct {
	ix  *eventindex.Index
	evs []int32 // the store's number of each event the index numbers
}

// eventIndex returns the index of the events the snapshot knows.
func (s *snapshot) eventIndex() *eventIndex {
	s.more.evOnce.Do(func() { s.more.ev = s.buildEvents() })
	return s.more.ev
}

// measureIndex returns the snapshot's measures by party and quantity.
func (s *snapshot) measureIndex() map[measureKey][]int32 {
	s.more.msOnce.Do(func() { s.more.ms = s.buildMeasures() })
	return s.more.ms
}

// weights returns the weight of every node by w, or -1 where it has none.
func (s *snapshot) weights(by Weight) []float64 {
	if by >= numWeights {
		by = 0
	}
	s.more.wOnce[by].Do(func() { s.more.w[by] = s.buildWeights(by) })
	return s.more.w[by]
}

// buildEvents indexes the events the snapshot knows, those on the same days
// in the order added. An event's parties are its actors, counterparts and
// the participants the snapshot knows.
func (s *snapshot) buildEvents() *eventIndex {
	st := &s.rec
	var known []int32
	for i := range st.events {
		if s.cut.knows(st.evSrcs[i]) && !s.omitted(st.events[i].Alleged) {
			known = append(known, int32(i))
		}
	}
	evs := make([]eventindex.Event, len(known))
	size := 0
	for _, i := range known {
		e := &st.events[i]
		size += len(e.Actors) + len(e.Counterparts) + len(e.Participants)
	}
	parties := make([]int32, 0, size)
	for k, i := range known {
		e := &st.events[i]
		x := eventindex.Event{First: e.Date.first(), Last: e.Date.lastDay(), Kind: uint8(e.Kind), Place: -1}
		if e.Location != "" {
			x.Place = st.nodeID[e.Location]
		}
		start := len(parties)
		for _, id := range e.Actors {
			parties = append(parties, st.nodeID[id])
		}
		for _, id := range e.Counterparts {
			parties = append(parties, st.nodeID[id])
		}
		for _, p := range e.Participants {
			if p.Sources == nil || s.knowsAny(p.Sources) {
				parties = append(parties, st.nodeID[p.Party])
			}
		}
		x.Parties = parties[start:len(parties):len(parties)]
		evs[k] = x
	}
	within := make([]int32, len(st.nodes))
	for n := range st.nodes {
		within[n] = st.nodes[n].within
	}
	return &eventIndex{ix: eventindex.Build(evs, within), evs: known}
}

// An eventArena holds the slices of the events of one answer: a few
// allocations for the whole answer rather than several for each event.
// Each slice is carved with no room to grow, so appending to one copies it
// and leaves its neighbours be.
type eventArena struct {
	ids     []string
	parts   []Participant
	figures []Figure
	numbers []float64
}

// newEventArena returns an arena with room for the events evs.
func (s *snapshot) newEventArena(evs []int32) *eventArena {
	var ids, parts, figures, numbers int
	for _, i := range evs {
		e := &s.rec.events[i]
		ids += len(e.Actors) + len(e.Counterparts) + len(e.Sources)
		parts += len(e.Participants)
		figures += len(e.Figures)
		for _, p := range e.Participants {
			ids += len(p.Sources)
		}
		for _, f := range e.Figures {
			ids += len(f.Sources)
			numbers += 3
		}
	}
	return &eventArena{
		ids:     make([]string, 0, ids),
		parts:   make([]Participant, 0, parts),
		figures: make([]Figure, 0, figures),
		numbers: make([]float64, 0, numbers),
	}
}

// strings returns a copy of ids from the arena; nil if ids is empty.
func (a *eventArena) strings(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	n := len(a.ids)
	a.ids = append(a.ids, ids...)
	return a.ids[n:len(a.ids):len(a.ids)]
}

// number returns a copy of *p from the arena; nil for nil.
func (a *eventArena) number(p *float64) *float64 {
	if p == nil {
		return nil
	}
	a.numbers = append(a.numbers, *p)
	return &a.numbers[len(a.numbers)-1]
}

// fillEvent sets *dst to event i as the snapshot knows it, its slices from
// a: with only the sources it knows, and only the participants and figures
// of which it knows a source (one that names none rests on the event's).
func (s *snapshot) fillEvent(dst *Event, i int32, a *eventArena) {
	e := &s.rec.events[i]
	*dst = *e
	dst.Actors, dst.Counterparts = a.strings(e.Actors), a.strings(e.Counterparts)
	dst.Attributes = maps.Clone(e.Attributes)
	known := func(ids []string) []string { return ids }
	if s.cut != nil {
		known = s.knownIDs
	}
	if s.cut == nil {
		dst.Sources = a.strings(e.Sources)
	} else {
		dst.Sources = a.strings(s.sourceIDs(s.rec.evSrcs[i]))
	}
	first := len(a.parts)
	for _, p := range e.Participants {
		if p.Sources != nil {
			if p.Sources = known(p.Sources); p.Sources == nil {
				continue
			}
		}
		p.Sources = a.strings(p.Sources)
		a.parts = append(a.parts, p)
	}
	dst.Participants = nil
	if len(a.parts) > first {
		dst.Participants = a.parts[first:len(a.parts):len(a.parts)]
	}
	first = len(a.figures)
	for _, f := range e.Figures {
		if f.Sources != nil {
			if f.Sources = known(f.Sources); f.Sources == nil {
				continue
			}
		}
		f.Sources = a.strings(f.Sources)
		f.Low, f.Best, f.High = a.number(f.Low), a.number(f.Best), a.number(f.High)
		a.figures = append(a.figures, f)
	}
	dst.Figures = nil
	if len(a.figures) > first {
		dst.Figures = a.figures[first:len(a.figures):len(a.figures)]
	}
}

// knowsAny reports whether the snapshot knows one of the sources ids; the
// whole record knows every source.
func (s *snapshot) knowsAny(ids []string) bool {
	if s.cut == nil {
		return len(ids) > 0
	}
	index := s.rec.sourceID
	for _, id := range ids {
		if i, ok := index[id]; ok && s.cut.knowsSource(i) {
			return true
		}
	}
	return false
}

// knownIDs returns the sources among ids that the snapshot knows, in their
// order; nil if none.
func (s *snapshot) knownIDs(ids []string) []string {
	if s.cut == nil {
		return cloneIDs(ids)
	}
	index := s.rec.sourceID
	var out []string
	for _, id := range ids {
		if i, ok := index[id]; ok && s.cut.knowsSource(i) {
			out = append(out, id)
		}
	}
	return out
}
