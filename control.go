package conflict

import (
	"cmp"
	"slices"
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

// segment is the answer for a location from day `from` until the next
// segment: the fields of Control that need no allocation. When more is set,
// the lists are gathered again at query time. The index keeps segments in
// three arrays (segFrom, segHolder, segInfo): nine bytes each.
type segment struct {
	from     int32
	holder   int32 // controls period of the single holder, or -1
	state    ControlState
	cert     Certainty
	besieged Certainty
	more     bool
}

// info packs what a segment says besides its day and holder into a byte.
func (s segment) info() uint8 {
	b := uint8(s.state) | uint8(s.cert)<<2 | uint8(s.besieged)<<4
	if s.more {
		b |= 1 << 6
	}
	return b
}

func (ix *index) segment(k int32) segment {
	b := ix.segInfo[k]
	return segment{
		from:     ix.segFrom[k],
		holder:   ix.segHolder[k],
		state:    ControlState(b & 3),
		cert:     Certainty(b >> 2 & 3),
		besieged: Certainty(b >> 4 & 3),
		more:     b&(1<<6) != 0,
	}
}

// buildTerritory lists the territorial periods of every location and cuts
// its time line into segments over which the answer does not change.
func (ix *index) buildTerritory(order []int32) {
	tc := ix.classes[territoryClass]
	owners := make([]int32, 0, tc.n)
	items := make([]int32, 0, tc.n)
	for _, p := range order {
		if ix.per[p].kind.Territorial() {
			owners = append(owners, ix.per[p].to)
			items = append(items, p)
		}
	}
	ix.terrOff, ix.terr = csr(len(ix.rec.nodes), owners, items)
	ix.segOff = make([]int32, len(ix.rec.nodes)+1)
	var from, holder []int32
	var info []uint8
	var days []int32
	var wins []window
	for n := range ix.rec.nodes {
		ix.segOff[n] = int32(len(from))
		ix.segOff[n+1] = int32(len(from))
		if ix.rec.nodes[n].typ != NodeLocation {
			continue
		}
		ps := ix.terr[ix.terrOff[n]:ix.terrOff[n+1]]
		days = append(days[:0], minDay)
		wins = wins[:0]
		for _, p := range ps {
			lo, hi := ix.window(p)
			sHi, eLo := ix.sure(p)
			wins = append(wins, window{p: p, lo: lo, hi: hi})
			days = append(days, lo, sHi, eLo, hi)
		}
		slices.Sort(days)
		days = slices.Compact(days)
		var last segment
		for _, d := range days {
			if d == maxDay {
				break
			}
			s := ix.segmentAt(wins, d)
			if len(from) > int(ix.segOff[n]) && sameAnswer(last, s) {
				continue
			}
			from, holder, info = append(from, s.from), append(holder, s.holder), append(info, s.info())
			last = s
		}
		ix.segOff[n+1] = int32(len(from))
	}
	// Copies of the exact length: the appends above leave spare room.
	ix.segFrom, ix.segHolder, ix.segInfo = slices.Clone(from), slices.Clone(holder), slices.Clone(info)
}

// window is a period with the days over which it possibly holds, [lo, hi).
type window struct {
	p, lo, hi int32
}

func sameAnswer(a, b segment) bool {
	a.from = b.from
	return a == b && !a.more
}

// segmentAt computes the answer on day q from a location's territorial
// periods.
func (ix *index) segmentAt(ws []window, q int32) segment {
	s := segment{from: q, holder: -1}
	holders := 0
	var contested bool
	for _, w := range ws {
		if q < w.lo || q >= w.hi {
			continue
		}
		p, c := w.p, ix.inForce(w.p, q)
		switch ix.per[p].kind {
		case RelationControls:
			if s.holder < 0 || ix.per[s.holder].from != ix.per[p].from {
				holders++
			}
			if s.holder < 0 || c > s.cert {
				s.holder, s.cert = p, c
			}
		case RelationBesieges:
			s.besieged = max(s.besieged, c)
			s.more = true
		case RelationContests:
			contested = true
			s.more = true
		}
	}
	if holders > 1 {
		s.holder, s.cert, s.more = -1, Possible, true
	}
	switch {
	case contested:
		s.state = ControlContested
	case holders == 0:
		s.state = ControlUnknown
	case s.besieged > Absent:
		s.state = ControlBesieged
	default:
		s.state = ControlHeld
	}
	return s
}

// Controller returns who holds loc at the moment. Its cost is a binary
// search over the place's changes; it allocates only when the answer has
// lists (several claimants, besiegers, contenders). A place no claim covers
// is rolled up from the places within it, at the cost of asking each of
// them, all the way down. For an ID that is not a location in the record it
// returns a Control with State [ControlUnknown].
func (m Moment) Controller(loc string) Control {
	n, ok := m.ix.rec.nodeID[loc]
	if !ok || m.ix.rec.nodes[n].typ != NodeLocation {
		return Control{Location: loc}
	}
	return m.controller(n)
}

func (m Moment) controller(n int32) Control {
	ix := m.ix
	lo := ix.segOff[n]
	days := ix.segFrom[lo:ix.segOff[n+1]]
	c := Control{Location: ix.rec.nodes[n].id}
	i, found := slices.BinarySearch(days, m.q)
	if !found {
		i--
	}
	if i < 0 {
		return m.rollUp(n, c)
	}
	s := ix.segment(lo + int32(i))
	c.State, c.Certainty, c.Besieged = s.state, s.cert, s.besieged
	if s.holder >= 0 {
		c.Tie = ix.tie(s.holder, s.cert)
		c.Holder = c.Tie.From
	}
	if s.more {
		for _, p := range ix.terr[ix.terrOff[n]:ix.terrOff[n+1]] {
			if ix.certainty(p, m.q) == Absent {
				continue
			}
			party := ix.rec.nodes[ix.per[p].from].id
			switch ix.per[p].kind {
			case RelationControls:
				if s.holder < 0 {
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
	ix := m.ix
	kids := ix.child[ix.childOff[n]:ix.childOff[n+1]]
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
	ix := m.ix
	n, ok := ix.rec.nodeID[party]
	if !ok {
		return nil
	}
	var out []Control
	for _, p := range ix.adj[ix.adjOff[n]:ix.adjOff[n+1]] {
		r := &ix.per[p]
		if r.kind != RelationControls || r.from != n || ix.certainty(p, m.q) == Absent {
			continue
		}
		c := m.controller(r.to)
		if c.Holder == party || slices.Contains(c.Claimants, party) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Control) int { return cmp.Compare(a.Location, b.Location) })
	return slices.CompactFunc(out, func(a, b Control) bool { return a.Location == b.Location })
}
