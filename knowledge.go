package conflict

import (
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
)

// Knowledge time: every claim rests on sources, and a source's publication
// date is when its claims became known. A source published on a day is
// known from that day; one published in a month, a season or a year only
// once its whole window has passed (a month-precise source of March 2016
// counts as known from 1 April 2016), so nothing leaks into a view early.
// A source with no publication date is known in no view.
//
// A view of the record as known on day k knows the claims of the sources
// known by k: a relation if any of its sources is known, its start only if
// a source that gives the start is (otherwise the start is open), its end
// likewise; an event if any of its sources is. Each claim shows only its
// known sources.

// knowledge is the cut of a view: the day it knows the record as of, and
// when each source and source set became known.
type knowledge struct {
	viewKey
	srcDay []days.Day // the day each source became known; days.OpenEnd for never
	setDay []days.Day // the day each source set became known: its first source's
}

// A viewKey names a view: the day it knows the record as of, or every
// source whatever its date (all), and whether it takes in alleged claims.
type viewKey struct {
	day     days.Day
	all     bool
	alleged bool
}

// knownDay returns the day from which a source published on pub is known.
func knownDay(pub Date) days.Day {
	if pub.IsZero() {
		return days.OpenEnd
	}
	return pub.latest()
}

// knows reports whether the view knows a claim resting on source set set;
// every claim is known to the whole record (a nil cut).
func (k *knowledge) knows(set int32) bool { return k == nil || k.all || k.setDay[set] <= k.day }

// knowsSource reports whether the view knows source i.
func (k *knowledge) knowsSource(i int32) bool { return k == nil || k.all || k.srcDay[i] <= k.day }

// knownBounds returns the start and end of stated relation i as the
// snapshot knows them, and whether it knows the relation at all.
func (s *snapshot) knownBounds(i int32) (start, end Date, ok bool) {
	r := &s.rec.rels[i]
	if s.omitted(r.alleged) {
		return Date{}, Date{}, false
	}
	if s.cut == nil {
		return r.start, r.end, true
	}
	if !s.cut.knows(r.srcs) {
		return Date{}, Date{}, false
	}
	start, end = r.start, r.end
	if x := s.rec.extra(i); x != nil {
		if x.startSrcs >= 0 && !s.cut.knows(x.startSrcs) {
			start = Date{}
		}
		if x.endSrcs >= 0 && !s.cut.knows(x.endSrcs) {
			end = Date{}
		}
	}
	return start, end, true
}

// sourceIDs returns the IDs of the sources of set the snapshot knows.
func (s *snapshot) sourceIDs(set int32) []string {
	if s.cut == nil {
		return s.rec.sourceIDs(set)
	}
	var ids []string
	for _, x := range s.rec.srcSets[set] {
		if s.cut.knowsSource(x) {
			ids = append(ids, s.rec.sources[x].ID)
		}
	}
	return ids
}

// relation returns stated relation i as the snapshot knows it.
func (s *snapshot) relation(i int32) Relation {
	r := s.rec.relation(i)
	if s.cut == nil {
		return r
	}
	r.Start, r.End, _ = s.knownBounds(i)
	r.Sources = s.sourceIDs(s.rec.rels[i].srcs)
	if x := s.rec.extra(i); x != nil {
		if x.startSrcs >= 0 {
			r.StartSources = s.sourceIDs(x.startSrcs)
		}
		if x.endSrcs >= 0 {
			r.EndSources = s.sourceIDs(x.endSrcs)
		}
		if x.event >= 0 && !s.cut.knows(s.rec.evSrcs[x.event]) {
			r.Event = ""
		}
	}
	if r.Start.IsZero() {
		r.StartSources = nil
	}
	if r.End.IsZero() {
		r.EndSources = nil
	}
	return r
}

// boundSources returns the source set that gives stated relation i's start
// (or end), and its date as the snapshot knows it.
func (s *snapshot) bound(i int32, end bool) (Date, int32) {
	start, e, _ := s.knownBounds(i)
	if end {
		return e, s.rec.boundSources(i, true)
	}
	return start, s.rec.boundSources(i, false)
}

// A viewCache keeps the views of one snapshot of the whole record, built
// on first use: at most maxViews, the least recently used going first.
type viewCache struct {
	mu       sync.Mutex
	srcDay   []days.Day // when each source became known
	setDay   []days.Day // when each source set became known
	cuts     []days.Day // every day on which a source became known, in order
	views    map[viewKey]*snapshot
	lastUsed []viewKey // the cached views, least recently used first
}

// maxViews is how many views of one record a Conflict keeps.
const maxViews = 8

// view returns the view of the whole record s that key names; for a key
// of a day, the view as known on that day.
func (s *snapshot) view(key viewKey) *snapshot {
	c := s.views
	c.mu.Lock()
	if c.srcDay == nil {
		c.srcDay = make([]days.Day, len(s.rec.sources))
		for i := range s.rec.sources {
			c.srcDay[i] = knownDay(s.rec.sources[i].Published)
		}
		c.setDay = make([]days.Day, len(s.rec.srcSets))
		for i, set := range s.rec.srcSets {
			c.setDay[i] = days.OpenEnd
			for _, x := range set {
				c.setDay[i] = min(c.setDay[i], c.srcDay[x])
			}
		}
		c.cuts = slices.Clone(c.srcDay)
		slices.Sort(c.cuts)
		c.cuts = slices.Compact(c.cuts)
		c.views = map[viewKey]*snapshot{}
	}
	// Views that know the same sources are one view: the day of the last
	// source known by key.day names it.
	if !key.all {
		i, found := slices.BinarySearch(c.cuts, key.day)
		if !found {
			i--
		}
		key.day = days.OpenStart
		if i >= 0 {
			key.day = c.cuts[i]
		}
	} else {
		key.day = 0
	}
	v, ok := c.views[key]
	if ok {
		c.lastUsed = slices.DeleteFunc(c.lastUsed, func(k viewKey) bool { return k == key })
		c.lastUsed = append(c.lastUsed, key)
		c.mu.Unlock()
		return v
	}
	cut := &knowledge{viewKey: key, srcDay: c.srcDay, setDay: c.setDay}
	c.mu.Unlock()

	// Built outside the lock, so views of other days need not wait; two
	// goroutines asking for one new view may each build it.
	v = &snapshot{
		rec: s.rec, ids: s.ids, rank: s.rank, party: s.party, parties: s.parties,
		childOff: s.childOff, child: s.child, cut: cut,
	}
	v.index()

	c.mu.Lock()
	defer c.mu.Unlock()
	if w, ok := c.views[key]; ok {
		return w
	}
	c.views[key] = v
	c.lastUsed = append(c.lastUsed, key)
	if len(c.lastUsed) > maxViews {
		delete(c.views, c.lastUsed[0])
		c.lastUsed = c.lastUsed[1:]
	}
	return v
}
