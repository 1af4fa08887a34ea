package conflict

import (
	"cmp"
	"slices"

	"github.com/conflictgraph/conflict/internal/timeindex"
)

// ControlState is the state of a place at a moment: held by one party,
// besieged (held, with besiegers), contested (fought over, no clear holder),
// or unknown (no claim covers it).
type ControlState uint8

// The states of a place.
const (
	ControlUnknown ControlState = iota
	ControlHeld
	ControlBesieged
	ControlContested
)

var controlStateWords = []string{"unknown", "held", "besieged", "contested"}

// String returns "unknown", "held", "besieged" or "contested".
func (s ControlState) String() string { return enumString(controlStateWords, uint8(s)) }

// MarshalText implements [encoding.TextMarshaler].
func (s ControlState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Control is who holds a place at a moment.
//
// When exactly one party possibly holds the place, Holder is that party,
// Certainty says how sure that is, and Tie is its controls tie, whose Start is
// when its hold began and whose claims name the sources. When several parties
// possibly hold it — the sources disagree, or a change falls inside an
// imprecise date — Holder is "", Certainty is Possible and Claimants lists
// them. The slices are nil when empty and are the caller's to keep.
type Control struct {
	Location   string
	State      ControlState
	Holder     string
	Certainty  Certainty
	Tie        Tie      // the holder's controls tie; zero if no single holder
	Claimants  []string // when several parties possibly hold the place, all of them, sorted
	Besiegers  []string // parties that possibly besiege it, sorted
	Besieged   Certainty
	Contenders []string // parties that possibly contest it, sorted

	// RolledUp reports that no claim covers the place itself and the answer
	// comes from the places within it: Holder when all of those that are held
	// have one holder, otherwise Claimants lists their holders. A rolled-up
	// answer is at most Possible: the record may not list every place within.
	RolledUp bool
}

// Since returns when the holder's hold began: the start of its tie.
func (c Control) Since() Bound { return c.Tie.Start }

// controlState returns the state of a place as the index works it out: the
// index numbers its states as ControlState does (see TestCodes).
func controlState(s timeindex.State) ControlState { return ControlState(s) }

// Controller returns who holds loc at the moment. Its cost is a binary
// search over the place's changes; it allocates only when the answer has
// lists (several claimants, besiegers, contenders). A place no claim covers
// is rolled up from the places within it, at the cost of asking each of
// them, all the way down. For an ID that is not a location in the record it
// returns a Control with State [ControlUnknown].
func (m Moment) Controller(loc string) Control {
	s := m.snapshot()
	n, ok := s.rec.nodeID[loc]
	if !ok || s.rec.nodes[n].typ != NodeLocation {
		return Control{Location: loc}
	}
	return m.controller(n)
}

func (m Moment) controller(n int32) Control {
	s := m.snapshot()
	c := Control{Location: s.ids[n]}
	seg, ok := s.ix.Control(n, m.q)
	if !ok {
		return m.rollUp(n, c)
	}
	c.State, c.Certainty, c.Besieged = controlState(seg.State), certaintyOf(seg.Certainty), certaintyOf(seg.Besieged)
	if seg.Holder >= 0 {
		c.Tie = s.tie(seg.Holder, c.Certainty)
		c.Holder = c.Tie.From
	}
	if seg.More {
		// The periods of a place are the territorial periods on it.
		for p := range s.ix.Periods(n) {
			if s.ix.Certainty(p, m.q) == timeindex.Absent {
				continue
			}
			r := s.ix.Period(p)
			party := s.ids[r.From]
			switch RelationKind(r.Kind) {
			case RelationControls:
				if seg.Holder < 0 {
					c.Claimants = append(c.Claimants, party)
				}
			case RelationBesieges:
				c.Besiegers = append(c.Besiegers, party)
			case RelationContests:
				c.Contenders = append(c.Contenders, party)
			}
		}
		c.Claimants = sortedSet(c.Claimants)
		c.Besiegers = sortedSet(c.Besiegers)
		c.Contenders = sortedSet(c.Contenders)
	}
	if c.State == ControlUnknown && c.Besieged == Absent && c.Contenders == nil {
		return m.rollUp(n, c) // no claim covers the place itself
	}
	return c
}

// rollUp answers for a place no claim covers from the places within it.
func (m Moment) rollUp(n int32, c Control) Control {
	kids := m.snapshot().within(n)
	if len(kids) == 0 {
		return c
	}
	var holders []string
	for _, k := range kids {
		kc := m.controller(k)
		if kc.Holder != "" {
			holders = append(holders, kc.Holder)
		} else {
			holders = append(holders, kc.Claimants...)
		}
	}
	holders = sortedSet(holders)
	switch len(holders) {
	case 0:
		return c
	case 1:
		c.Holder = holders[0]
	default:
		c.Claimants = holders
	}
	c.State, c.Certainty = ControlHeld, Possible
	c.RolledUp = true
	return c
}

func sortedSet(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// Holdings returns every place that party holds at the moment, alone or
// among several claimants, sorted by location ID. Places held only through
// a roll-up from the places within them are not listed. It costs one
// Controller call per place the party has ever held.
func (m Moment) Holdings(party string) []Control {
	s := m.snapshot()
	n, ok := s.rec.nodeID[party]
	if !ok {
		return nil
	}
	var out []Control
	for p := range s.ix.Periods(n) {
		r := s.ix.Period(p)
		if RelationKind(r.Kind) != RelationControls || r.From != n || s.ix.Certainty(p, m.q) == timeindex.Absent {
			continue
		}
		c := m.controller(r.To)
		if c.Holder == party || slices.Contains(c.Claimants, party) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Control) int { return cmp.Compare(a.Location, b.Location) })
	return slices.CompactFunc(out, func(a, b Control) bool { return a.Location == b.Location })
}
