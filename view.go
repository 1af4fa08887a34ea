package conflict

import (
	"iter"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// A View is the record as it stood on a knowledge date: only the claims
// whose sources had been published by then (see [Conflict.AsOf]). It
// answers every question a [Conflict] answers of its whole record, so
// c.AsOf(k).At(t) is the bitemporal question: what could be known on k of
// the conflict at t.
//
// A View is a small value, safe to share between goroutines. It reads the
// record as it is when each question is asked, additions included. The
// zero View is a view of an empty record.
type View struct {
	c       *Conflict
	k       time.Time
	whole   bool // every claim, whatever its sources' dates
	alleged bool // alleged claims too
}

// AsOf returns the record as it stood at instant k: the claims of the
// sources known on k's day in the conflict's time zone. A source published
// on a day is known from that day; one published in a month, season or year
// only once that whole window has passed, so a view never knows what a
// later day of the window might have brought. Claims resting only on
// sources with no publication date are in no view. A relation is known if
// one of its sources is; its start and end only if a source that gives them
// is (a start not yet known is open, an end not yet known not claimed); an
// event if one of its sources is. Each claim lists only its known sources.
//
// AsOf itself costs nothing. The first question asked of a view builds an
// index of the claims it knows — as costly as indexing the record itself,
// O(n log n) time for n claims known and about as much memory as the
// record's own index — which the Conflict keeps for the views most
// recently asked (eight), until the record changes. Views that know the
// same sources share one index.
func (c *Conflict) AsOf(k time.Time) View { return View{c: c, k: k} }

// snapshot returns the snapshot the view reads.
func (v View) snapshot() *snapshot {
	if v.c == nil {
		return emptySnapshot()
	}
	s := v.c.snapshot()
	if v.whole && !v.alleged {
		return s
	}
	return s.view(viewKey{day: days.In(v.k, s.rec.zone), all: v.whole, alleged: v.alleged})
}

// Time returns the knowledge date the view was asked for.
func (v View) Time() time.Time { return v.k }

// At returns the conflict at instant t as the view knows it, as
// [Conflict.At] does for the whole record.
func (v View) At(t time.Time) Moment { return v.snapshot().at(t) }

// Ties yields every tie the view knows, as [Conflict.Ties] does.
func (v View) Ties() iter.Seq[Tie] { return v.snapshot().ties() }

// Timeline returns every change touching node id that the view knows, as
// [Conflict.Timeline] does.
func (v View) Timeline(id string) []Change { return v.snapshot().appendTimeline(nil, id) }

// AppendTimeline appends what [View.Timeline] returns to dst, as
// [Conflict.AppendTimeline] does.
func (v View) AppendTimeline(dst []Change, id string) []Change {
	return v.snapshot().appendTimeline(dst, id)
}

// History returns the successive holders of loc that the view knows, as
// [Conflict.History] does.
func (v View) History(loc string) []Tie { return v.snapshot().history(loc) }

// Changes returns what the view knows opened and closed from the day of
// from up to the day of to, as [Conflict.Changes] does.
func (v View) Changes(from, to time.Time) []Change { return v.snapshot().appendChanges(nil, from, to) }

// AppendChanges appends what [View.Changes] returns to dst, as
// [Conflict.AppendChanges] does.
func (v View) AppendChanges(dst []Change, from, to time.Time) []Change {
	return v.snapshot().appendChanges(dst, from, to)
}

// SidesOver returns the sides over time as the view knows them, as
// [Conflict.SidesOver] does.
func (v View) SidesOver(from, to time.Time, opt SidesOptions) ([]SidesPeriod, error) {
	return v.snapshot().sidesOver(from, to, opt)
}

// A Record is the record of a conflict as questions see it: a whole
// [*Conflict], or a [View] of it as known on a date. Code that draws or
// exports a record, such as the packages gexf, geojson, svg and htmlmap,
// takes a Record, so it can show what was known on any date. Its name,
// nodes and sources are the conflict's whatever the date: they are not
// claims. Its agreements are claims: a view knows those its sources had
// published.
type Record interface {
	Name() string
	Zone() *time.Location
	Node(id string) (Node, bool)
	Actors() iter.Seq[Actor]
	Backers() iter.Seq[Backer]
	Locations() iter.Seq[Location]
	Location(id string) (Location, bool)
	Source(id string) (Source, bool)
	Agreement(id string) (Agreement, bool)
	Agreements() iter.Seq[Agreement]

	At(t time.Time) Moment
	Ties() iter.Seq[Tie]
	Timeline(id string) []Change
	History(loc string) []Tie
	Changes(from, to time.Time) []Change
	CountChanges(from, to time.Time, kinds ...RelationKind) Count
	SidesOver(from, to time.Time, opt SidesOptions) ([]SidesPeriod, error)
	Events(q EventQuery) []Happening
	Happened(from, to time.Time) []Happening
	Gains(from, to time.Time, by Weight) []Gain
	Series(party string, q Quantity) []Measure
	Peak(party string, q Quantity, from, to time.Time) (Measure, bool)
	Latest(party string, q Quantity, t time.Time) []Measure
}

var (
	_ Record = (*Conflict)(nil)
	_ Record = View{}
)

// Name returns the conflict's name, as [Conflict.Name].
func (v View) Name() string { return v.conflict().Name() }

// Zone returns the time zone of the conflict's calendar days; see
// [Conflict.Zone].
func (v View) Zone() *time.Location { return v.conflict().Zone() }

// Node returns the node with the given ID, as [Conflict.Node].
func (v View) Node(id string) (Node, bool) { return v.conflict().Node(id) }

// Actors yields every actor, as [Conflict.Actors].
func (v View) Actors() iter.Seq[Actor] { return v.conflict().Actors() }

// Backers yields every backer, as [Conflict.Backers].
func (v View) Backers() iter.Seq[Backer] { return v.conflict().Backers() }

// Locations yields every location, as [Conflict.Locations].
func (v View) Locations() iter.Seq[Location] { return v.conflict().Locations() }

// Location returns the location with the given ID, as [Conflict.Location].
func (v View) Location(id string) (Location, bool) { return v.conflict().Location(id) }

// Source returns the source with the given ID, as [Conflict.Source]; a
// view has every source, known by its date or not.
func (v View) Source(id string) (Source, bool) { return v.conflict().Source(id) }

// conflict returns the conflict the view is of: an empty one for the zero
// View.
func (v View) conflict() *Conflict {
	if v.c == nil {
		return new(Conflict)
	}
	return v.c
}
