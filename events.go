package conflict

import (
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/eventindex"
)

// An EventQuery says which events [Conflict.Events] returns: those that
// match every field given. The zero EventQuery matches every event.
type EventQuery struct {
	// Place is the ID of a location: the events at it and at every place
	// within it, all the way down. "" matches any place, and events at
	// none.
	Place string

	// Party is the ID of an actor or a backer: the events it took part in,
	// as one of the Actors, the Counterparts or the Participants. ""
	// matches any.
	Party string

	// Kinds are the kinds of event asked for; nil matches any kind.
	Kinds []EventKind

	// From and To bound the days asked about: from the day of From up to,
	// not including, the day of To, in the conflict's time zone, as for
	// [Conflict.Changes]. A zero From means no beginning, a zero To no
	// end. An event dated to a window of days (a month, a year) matches if
	// it may fall in the range; [Happening.Certainty] says whether surely.
	From, To time.Time
}

// A Happening is one thing that happened in a range of days: an event, or
// a tie opening or closing ([Change]), with how sure it is that it fell in
// the range. [Conflict.Events] returns events only; [Conflict.Happened]
// both.
type Happening struct {
	Event     Event     // the event; the zero Event, whose ID is "", when the happening is a change
	Change    Change    // the change; the zero Change when the happening is an event
	Certainty Certainty // Definite if its date surely falls in the range asked, Possible if it may
}

// IsEvent reports whether h is an event rather than a change.
func (h Happening) IsEvent() bool { return h.Event.ID != "" }

// String returns a one-line description: for an event such as "2016-03-27
// capture government-takes-palmyra at palmyra", for a change as
// [Change.String] writes it; " (possibly)" ends it when the date only may
// fall in the range.
func (h Happening) String() string {
	if !h.IsEvent() {
		return h.Change.String()
	}
	e := &h.Event
	s := e.Date.String() + " " + e.Kind.String() + " " + e.ID
	if e.Location != "" {
		s += " at " + e.Location
	}
	if h.Certainty == Possible {
		s += " (possibly)"
	}
	return s
}

// Events returns the events that match q, in time order: by the first day
// each may have happened on, then the last, then in the order they were
// added. They come from an
// index built once for the record (on the first question that needs it):
// it costs O(log n) for n events, and time in proportion to the events of
// q's most selective field in and near the range (those at the place, of
// the party, of the kinds, or all of them), each checked against the other
// fields. Events are copies, the caller's to keep.
func (c *Conflict) Events(q EventQuery) []Happening { return c.snapshot().events(q) }

// Events returns the events the view knows that match q, as
// [Conflict.Events] does: an event is known when one of its sources is,
// and shows only the sources, participants and figures of which the view
// knows a source (a participant or a figure that names no sources of its
// own rests on the event's). Only known participants count for q.Party.
func (v View) Events(q EventQuery) []Happening { return v.snapshot().events(q) }

func (s *snapshot) events(q EventQuery) []Happening {
	iq := eventindex.Query{From: days.OpenStart, To: days.OpenEnd, Place: -1, Party: -1}
	if !q.From.IsZero() {
		iq.From = days.In(q.From, s.rec.zone)
	}
	if !q.To.IsZero() {
		iq.To = days.In(q.To, s.rec.zone)
	}
	if q.Place != "" {
		n, ok := s.rec.nodeID[q.Place]
		if !ok || s.rec.nodes[n].typ != NodeLocation {
			return nil
		}
		iq.Place = n
	}
	if q.Party != "" {
		n, ok := s.rec.nodeID[q.Party]
		if !ok || !s.rec.nodes[n].typ.IsParty() {
			return nil
		}
		iq.Party = n
	}
	for _, k := range q.Kinds {
		if k > 0 && k <= EventOther {
			iq.Kinds |= 1 << k
		}
	}
	if q.Kinds != nil && iq.Kinds == 0 {
		return nil
	}
	return s.happenings(iq)
}

// happenings returns the events the index finds for q.
func (s *snapshot) happenings(q eventindex.Query) []Happening {
	ev := s.eventIndex()
	hits := ev.ix.Query(q)
	if len(hits) == 0 {
		return nil
	}
	evs := make([]int32, len(hits))
	for i, h := range hits {
		evs[i] = ev.evs[h.Event]
	}
	a := s.newEventArena(evs)
	out := make([]Happening, len(hits))
	for i, h := range hits {
		s.fillEvent(&out[i].Event, evs[i], a)
		out[i].Certainty = certaintyOf(h.Certainty)
	}
	return out
}

// Happened returns what happened from the day of from up to, not
// including, the day of to (days in the conflict's time zone; a zero to
// means no end): every event, as [Conflict.Events] finds them, and every
// tie that opened or closed, as [Conflict.Changes] finds them, in one list
// in time order — by the first day each may have happened on, then the
// last; on one day events first, in the order of Events, then changes, in
// the order of Changes. An event that opens or closes ties is listed, and
// so are its changes. It costs what Events and Changes cost.
func (c *Conflict) Happened(from, to time.Time) []Happening { return c.snapshot().happened(from, to) }

// Happened returns what the view knows happened, as [Conflict.Happened]
// does.
func (v View) Happened(from, to time.Time) []Happening { return v.snapshot().happened(from, to) }

func (s *snapshot) happened(from, to time.Time) []Happening {
	q1, q2 := s.dayRange(from, to)
	changes := s.appendChangesIn(nil, q1, q2)
	events := s.happenings(eventindex.Query{From: q1, To: q2, Place: -1, Party: -1})
	out := make([]Happening, 0, len(changes)+len(events))
	i := 0
	for _, c := range changes {
		b := c.When().days(days.OpenStart)
		for ; i < len(events); i++ {
			d := events[i].Event.Date
			if d.first() > b.First || d.first() == b.First && d.lastDay() > b.Last {
				break
			}
			out = append(out, events[i])
		}
		out = append(out, Happening{Change: c, Certainty: c.Certainty})
	}
	return append(out, events[i:]...)
}
