package conflict

import (
	"cmp"
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
)

// Claims: the dated accounts of changes that periods are derived from (see
// periods.go). A stated relation makes a start claim and an end claim; an
// event makes claims on the relations it touches, applied in date order
// (see EventKind), which decide whether the event starts or ends a period,
// is another account of a change already claimed, or joins a period in
// force.

// fact is a stated relation in dense form.
type fact struct {
	kind       RelationKind
	from, to   int32
	start, end Date
	support    Support
	id         int32 // record index
}

// happening is an event in dense form.
type happening struct {
	kind         EventKind
	date         Date
	loc          int32 // -1 if none
	actors       []int32
	counterparts []int32
	support      Support
	id           int32  // event index
	name         string // event ID, for the order of events on one day
}

// claim is one dated account of a period's start or end.
type claim struct {
	date    Date
	rel     int32    // stated relation, or -1
	ev      int32    // event it comes from, or -1
	pos     days.Day // sort position: the earliest day, not before its own start
	seq     int32    // record order, derived claims first
	support Support
	end     bool
	rank    int8 // at one position: claims that join a period in force (-1), ends (0), starts (1), a relation's own end (2)
	joins   bool // an event's claim on a period already in force: it does not date the start
}

func compareClaims(a, b claim) int {
	if c := cmp.Compare(a.pos, b.pos); c != 0 {
		return c
	}
	if c := cmp.Compare(a.rank, b.rank); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}

// happening returns event i in dense form.
func (s *store) happening(i int32) happening {
	e := &s.events[i]
	h := happening{kind: e.Kind, date: e.Date, loc: -1, support: e.Support, id: i, name: e.ID}
	if e.Location != "" {
		h.loc = s.nodeID[e.Location]
	}
	for _, a := range e.Actors {
		h.actors = append(h.actors, s.nodeID[a])
	}
	for _, a := range e.Counterparts {
		h.counterparts = append(h.counterparts, s.nodeID[a])
	}
	return h
}

// factClaims returns the claims a stated relation makes.
func factClaims(f *fact, cs []claim) []claim {
	pos := days.OpenStart
	if !f.start.IsZero() {
		pos = f.start.earliest()
	}
	cs = append(cs, claim{date: f.start, rel: f.id, ev: -1, support: f.support, pos: pos, rank: 1, seq: f.id})
	if !f.end.IsZero() {
		c := claim{date: f.end, end: true, rel: f.id, ev: -1, pos: f.end.earliest(), seq: f.id}
		if c.pos <= pos {
			c.pos, c.rank = pos, 2
		}
		cs = append(cs, c)
	}
	return cs
}

// triplet is the state of one relation while events are applied in date
// order.
type triplet struct {
	key     tkey
	stated  []claim // sorted
	next    int     // stated claims before next have been applied
	derived []claim

	open      bool
	hasRun    bool      // a period has begun
	runEvent  EventKind // event kind of the first claim of the trailing run; 0 if stated
	runDates  []Date    // dates of the trailing run's claims
	runPos    days.Day  // position of the trailing run's first claim
	lastStart days.Day  // position of the latest start claim applied
	captured  Date      // the date of the latest capture that opened or joined the period in force
}

func (t *triplet) apply(c claim, evKind EventKind) {
	if !c.end {
		t.lastStart = max(t.lastStart, c.pos)
		if t.open {
			t.runDates = append(t.runDates, c.date)
			return
		}
		t.open, t.hasRun = true, true
	} else {
		if !t.open && t.hasRun {
			t.runDates = append(t.runDates, c.date)
			return
		}
		t.open = false
	}
	t.runEvent, t.runPos = evKind, c.pos
	t.runDates = append(t.runDates[:0], c.date)
}

// capturedOn reports whether t is in force by a capture dated d, which
// opened or joined it: a capture of the same place on the same date by
// another party does not end it, since the two are rival accounts of who
// took the place.
func (t *triplet) capturedOn(d Date) bool { return t.open && t.captured == d }

// compareHappenings orders events as they are applied: by date as
// [Date.Compare] orders dates (first day, then the wider window first),
// then kind (in the order of EventKind), then ID. The order does not depend
// on the order of the records.
func compareHappenings(a, b *happening) int {
	return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.kind, b.kind), cmp.Compare(a.name, b.name))
}

// advance applies the stated claims that come before a derived claim at
// (pos, rank).
func (t *triplet) advance(pos days.Day, rank int8) {
	for t.next < len(t.stated) {
		c := t.stated[t.next]
		if c.pos > pos || c.pos == pos && c.rank >= rank {
			return
		}
		t.apply(c, 0)
		t.next++
	}
}

// deriver applies events to the relations they touch.
type deriver struct {
	facts    []fact
	byKey    []int32 // fact indices sorted by key
	touched  map[tkey]*triplet
	byTarget map[tkey][]*triplet // (kind, location, 0) → its relations, sorted by party
	seq      int32
}

// keysOf returns the keys of every relation of party n the deriver knows
// of: stated ones and those events touched.
func (d *deriver) keysOf(n int32) []tkey {
	var keys []tkey
	for _, i := range d.byKey {
		f := &d.facts[i]
		if f.from == n || f.to == n {
			if k := keyOf(f.kind, f.from, f.to); !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	for k := range d.touched {
		if from, to := k.ends(); (from == n || to == n) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, compareKeys)
	return keys
}

func (d *deriver) triplet(k tkey) *triplet {
	if t, ok := d.touched[k]; ok {
		return t
	}
	t := &triplet{key: k, lastStart: days.OpenStart}
	t.stated = d.statedClaims(k, nil)
	d.touched[k] = t
	if k.kind.Territorial() {
		g := tkey{k.kind, k.x, 0}
		list := d.targetList(g)
		i, _ := slices.BinarySearchFunc(list, k.y, func(t *triplet, y int32) int { return cmp.Compare(t.key.y, y) })
		d.byTarget[g] = slices.Insert(list, i, t)
	}
	return t
}

// targetList returns every relation of one territorial kind on one location,
// creating the triplets of those stated in the record.
func (d *deriver) targetList(g tkey) []*triplet {
	if list, ok := d.byTarget[g]; ok {
		return list
	}
	d.byTarget[g] = nil
	lo, _ := slices.BinarySearchFunc(d.byKey, g, func(i int32, g tkey) int {
		return compareKeys(keyOf(d.facts[i].kind, d.facts[i].from, d.facts[i].to), g)
	})
	for j := lo; j < len(d.byKey); j++ {
		f := &d.facts[d.byKey[j]]
		k := keyOf(f.kind, f.from, f.to)
		if k.kind != g.kind || k.x != g.x {
			break
		}
		if _, ok := d.touched[k]; !ok {
			d.triplet(k)
		}
	}
	return d.byTarget[g]
}

// statedClaims appends the sorted claims of the stated relations with key k.
func (d *deriver) statedClaims(k tkey, cs []claim) []claim {
	lo, _ := slices.BinarySearchFunc(d.byKey, k, func(i int32, k tkey) int {
		return compareKeys(keyOf(d.facts[i].kind, d.facts[i].from, d.facts[i].to), k)
	})
	return d.statedClaimsFrom(lo, k, cs)
}

// statedClaimsFrom is statedClaims for a key whose first fact is
// byKey[lo], or that has none there.
func (d *deriver) statedClaimsFrom(lo int, k tkey, cs []claim) []claim {
	n := len(cs)
	for j := lo; j < len(d.byKey) && keyOf(d.facts[d.byKey[j]].kind, d.facts[d.byKey[j]].from, d.facts[d.byKey[j]].to) == k; j++ {
		cs = factClaims(&d.facts[d.byKey[j]], cs)
	}
	slices.SortFunc(cs[n:], compareClaims)
	return cs
}

func (d *deriver) emit(t *triplet, e *happening, end, joins bool) {
	c := claim{date: e.date, end: end, rel: -1, ev: e.id, pos: e.date.earliest(), seq: d.seq, joins: joins}
	d.seq++
	if end && t.open && c.pos <= t.lastStart {
		// A start of the period was claimed on the same day (two captures
		// of a place on one day, or a second account of its start): the
		// end goes after it, as a relation's own end does.
		c.pos, c.rank = t.lastStart, 2
	}
	if !end {
		c.rank = 1
		if joins {
			// It joined the period in force when applied; an end at the
			// same position was applied after it.
			c.rank = -1
		}
		if e.kind == EventIntervention {
			c.support = e.support
		}
	}
	t.derived = append(t.derived, c)
	if !joins {
		t.apply(c, e.kind)
	}
	if e.kind == EventCapture && !end {
		t.captured = e.date
	}
}

// another reports whether e's claim on t's trailing run is a second account
// of the change that began that run rather than a new change.
func (d *deriver) another(t *triplet, e *happening, group []*triplet) bool {
	if !t.hasRun || slices.ContainsFunc(t.runDates, Date.IsZero) {
		return false // an open start is no date to refine or dispute
	}
	if t.runEvent != e.kind && !compatible(append(t.runDates, e.date)) {
		return false
	}
	for _, u := range group {
		if u != t && !slices.Contains(e.actors, u.key.y) && u.lastStart >= t.runPos {
			return false // another party's period began in between
		}
	}
	return true
}

// open opens t at e's date. If t is already in force, e's claim is another
// account of its start when another says so; otherwise it joins the period
// in force, adding its sources and support without dating it.
func (d *deriver) open(t *triplet, e *happening, group []*triplet) {
	t.advance(e.date.earliest(), 1)
	d.emit(t, e, false, t.open && !d.another(t, e, group))
}

// close ends t at e's date, if t is in force or e is another account of its
// end; otherwise e does not bear on t.
func (d *deriver) close(t *triplet, e *happening, group []*triplet) {
	t.advance(e.date.earliest(), 0)
	if t.open || d.another(t, e, group) {
		d.emit(t, e, true, false)
	}
}

func (d *deriver) event(e *happening) {
	pos := e.date.earliest()
	group := func(kind RelationKind) []*triplet {
		list := d.targetList(tkey{kind, e.loc, 0})
		for _, t := range list {
			t.advance(pos, 0)
		}
		return list
	}
	party := func(kind RelationKind, a int32) *triplet { return d.triplet(tkey{kind, e.loc, a}) }
	switch e.kind {
	case EventCapture:
		captor := e.actors[0]
		holders := group(RelationControls)
		for _, t := range holders {
			if t.key.y != captor && !t.capturedOn(e.date) {
				d.close(t, e, holders)
			}
		}
		d.open(party(RelationControls, captor), e, d.byTarget[tkey{RelationControls, e.loc, 0}])
		for _, kind := range []RelationKind{RelationBesieges, RelationContests} {
			g := group(kind)
			for _, a := range e.actors {
				if i := slices.IndexFunc(g, func(t *triplet) bool { return t.key.y == a }); i >= 0 {
					d.close(g[i], e, g)
				}
			}
		}
	case EventWithdrawal:
		for _, kind := range []RelationKind{RelationControls, RelationBesieges, RelationContests} {
			g := group(kind)
			for _, a := range e.actors {
				if i := slices.IndexFunc(g, func(t *triplet) bool { return t.key.y == a }); i >= 0 {
					d.close(g[i], e, g)
				}
			}
		}
	case EventSiegeLaid:
		group(RelationBesieges)
		for _, a := range e.actors {
			d.open(party(RelationBesieges, a), e, d.byTarget[tkey{RelationBesieges, e.loc, 0}])
		}
	case EventSiegeBroken:
		g := group(RelationBesieges)
		for _, t := range g {
			if !slices.Contains(e.actors, t.key.y) {
				d.close(t, e, g)
			}
		}
	case EventMerged:
		for _, a := range e.actors {
			for _, k := range d.keysOf(a) {
				t := d.triplet(k)
				t.advance(pos, 0)
				if t.open {
					d.emit(t, e, true, false)
				}
			}
		}
	case EventJoined, EventLeft:
		if len(e.actors) == 1 && len(e.counterparts) == 1 {
			t := d.triplet(keyOf(RelationPartOf, e.actors[0], e.counterparts[0]))
			if e.kind == EventJoined {
				d.open(t, e, nil)
			} else {
				d.close(t, e, nil)
			}
		}
	case EventIntervention, EventCeasefire:
		kind := RelationSupports
		if e.kind == EventCeasefire {
			kind = RelationCeasefire
		}
		for _, a := range e.actors {
			for _, c := range e.counterparts {
				if a == c {
					continue
				}
				t := d.triplet(keyOf(kind, a, c))
				d.open(t, e, nil)
			}
		}
	}
}
