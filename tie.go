package conflict

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
)

// A Tie is one period of one relation, as the record knows it: every claim
// about that period (stated relations, and relations that events open or
// close) combined. Its Start and End say when it began and ended, and
// whether the claims agree. Certainty is how sure it is that the tie holds at
// the moment asked; it is Absent in answers that are not about a moment.
//
// For the symmetric kinds (allied, fights, ceasefire) From is the smaller ID.
// A Tie is a small value; it stays valid, and keeps describing the record as
// it was when asked, after later additions. The zero Tie has no claims and
// holds at no instant.
type Tie struct {
	Kind      RelationKind
	From, To  string
	Start     Bound
	End       Bound
	Support   Support // every kind of support any claim names; see [Moment.Supporters] for the kinds at a moment
	Certainty Certainty
	Alleged   bool // every claim behind it is an allegation (only in answers that take them in: see [Conflict.WithAlleged])

	s *snapshot
	p int32 // the period in s's index
}

// Equal reports whether t and u describe the same period in the same way:
// their exported fields are equal and so are their claims. Ties from two
// Conflicts holding the same record are Equal. It lets packages that compare
// with Equal methods, such as github.com/google/go-cmp, compare Ties.
func (t Tie) Equal(u Tie) bool {
	if t.Kind != u.Kind || t.From != u.From || t.To != u.To || t.Start != u.Start || t.End != u.End ||
		t.Support != u.Support || t.Certainty != u.Certainty || t.Alleged != u.Alleged {
		return false
	}
	return slices.EqualFunc(t.Claims(), u.Claims(), func(a, b Relation) bool {
		return a.Kind == b.Kind && a.From == b.From && a.To == b.To && a.Start == b.Start && a.End == b.End &&
			a.Support == b.Support && slices.Equal(a.Sources, b.Sources) && a.Event == b.Event && a.Note == b.Note &&
			slices.Equal(a.StartSources, b.StartSources) && slices.Equal(a.EndSources, b.EndSources) && maps.Equal(a.Attributes, b.Attributes) &&
			a.Alleged == b.Alleged && a.Confidence == b.Confidence
	})
}

// At returns how sure it is that t holds at instant x.
func (t Tie) At(x time.Time) Certainty {
	if t.s == nil {
		return Absent
	}
	return certaintyOf(t.s.ix.Certainty(t.p, days.In(x, t.s.rec.zone)))
}

// Claims returns the claims behind t, in time order (claims at one position
// in the order they were added): the stated relations, each once, and the
// relations derived from events, each with its sources. A claim derived from
// an event that ended the tie has a zero Start: it speaks only of the end.
// One derived from an event that joined the tie while it was already in
// force has the event's date as Start, though that date does not date the
// tie.
func (t Tie) Claims() []Relation {
	if t.s == nil {
		return nil
	}
	return t.s.relations(t.p)
}

// A Citation is one date the claims give for a bound of a tie, and the
// sources that give it, sorted.
type Citation struct {
	Date    Date
	Sources []string
}

// StartCitations returns the dates the claims give for t's start, in the
// order of [Date.Compare], each with the sources that give it: for a start
// that "March 2016" and "2016-03-27" refine, both, each credited to its own
// sources. It returns nil for an open start. A stated relation's start is
// given by its StartSources (all its sources by default), an event's date by
// the event's sources.
func (t Tie) StartCitations() []Citation {
	if t.s == nil {
		return nil
	}
	return t.s.citations(t.p, false)
}

// EndCitations returns the dates the claims give for t's end, as
// [Tie.StartCitations] does for its start.
func (t Tie) EndCitations() []Citation {
	if t.s == nil {
		return nil
	}
	return t.s.citations(t.p, true)
}

// Sources returns the IDs of every source behind t, sorted.
func (t Tie) Sources() []string {
	var ids []string
	for _, r := range t.Claims() {
		ids = append(ids, r.Sources...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Compare returns -1, 0 or +1 as t sorts before, with or after u: by kind,
// From, To and then start. It is a total order for the ties of one record,
// for sorting with [slices.SortFunc]: slices.SortFunc(ties, Tie.Compare).
func (t Tie) Compare(u Tie) int {
	if c := cmp.Compare(t.Kind, u.Kind); c != 0 {
		return c
	}
	if c := cmp.Compare(t.From, u.From); c != 0 {
		return c
	}
	if c := cmp.Compare(t.To, u.To); c != 0 {
		return c
	}
	if c := cmp.Compare(t.Start.Date.earliest(), u.Start.Date.earliest()); c != 0 && !t.Start.IsOpen() && !u.Start.IsOpen() {
		return c
	}
	switch {
	case t.Start.IsOpen() && !u.Start.IsOpen():
		return -1
	case !t.Start.IsOpen() && u.Start.IsOpen():
		return 1
	}
	return cmp.Compare(t.p, u.p)
}

// String returns a one-line description such as
// "isis controls palmyra [2015-05-21, 2016-03-27)"; "" for the zero Tie.
func (t Tie) String() string {
	if t.Kind == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(t.From)
	b.WriteByte(' ')
	b.WriteString(t.Kind.String())
	b.WriteByte(' ')
	b.WriteString(t.To)
	b.WriteString(" [")
	if t.Start.IsOpen() {
		b.WriteString("…")
	} else {
		b.WriteString(t.Start.String())
	}
	b.WriteString(", ")
	if t.End.IsOpen() {
		b.WriteString("…")
	} else {
		b.WriteString(t.End.String())
	}
	b.WriteByte(')')
	if t.Support != 0 {
		b.WriteString(" (")
		b.WriteString(t.Support.String())
		b.WriteByte(')')
	}
	return b.String()
}
