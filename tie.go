package conflict

import (
	"slices"
	"strings"
	"time"
)

// Certainty is how sure an answer is, given that month- and year-precise
// dates are windows: Definite if it holds whichever day in each window is the
// real one, Possible if it holds for some choices, Absent if for none.
type Certainty uint8

// The certainties, least sure first.
const (
	Absent Certainty = iota
	Possible
	Definite
)

var certaintyWords = []string{"absent", "possible", "definite"}

// String returns "absent", "possible" or "definite".
func (c Certainty) String() string { return enumString(certaintyWords, uint8(c)) }

// MarshalText implements [encoding.TextMarshaler].
func (c Certainty) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// A Bound is one end of a [Tie]: when it began or ended, as the claims date
// it. When the claims agree (their windows nest, as "2016-03" and
// "2016-03-27" do), Date is the most precise of them. When they disagree
// ("2015-10" and "2015-11-10"), Date is the earliest claimed and Last the
// latest, and the change happened somewhere between them. The zero Bound is
// open: since before the record begins, or no end claimed.
type Bound struct {
	Date Date // the agreed date; or, when disputed, the earliest claimed
	Last Date // when disputed, the latest claimed; zero otherwise
}

// IsOpen reports whether no claim dates this end.
func (b Bound) IsOpen() bool { return b.Date.IsZero() }

// Disputed reports whether the claims on this end disagree.
func (b Bound) Disputed() bool { return !b.Last.IsZero() }

// Window returns the instants between which the change took effect: not
// before earliest, and by latest. For an agreed day both are midnight UTC
// starting the day; for "2015-08" they are 2015-08-01 and 2015-09-01; for a
// disputed bound, the earliest and latest of the claims. An open Bound
// returns two zero Times.
func (b Bound) Window() (earliest, latest time.Time) {
	if b.IsOpen() {
		return time.Time{}, time.Time{}
	}
	return dayTime(b.lo()), dayTime(b.hi())
}

// String returns the date, "" when open, or for a disputed bound the
// earliest and latest claims: "2015-10 or 2015-11-10".
func (b Bound) String() string {
	if b.Disputed() {
		if b.Last == b.Date {
			return b.Date.String() + " (disputed)"
		}
		return b.Date.String() + " or " + b.Last.String()
	}
	return b.Date.String()
}

// lo and hi bound the day on which the change took effect.
func (b Bound) lo() int32 { return b.Date.earliest() }

func (b Bound) hi() int32 {
	if b.Disputed() {
		return b.Last.latest()
	}
	return b.Date.latest()
}

// lastDay returns the last day on which the change may have taken effect:
// the day itself for a day, the last day of the window for a month or year.
func (b Bound) lastDay() int32 {
	d := b.Date
	if b.Disputed() {
		d = b.Last
	}
	if d.Precision() == PrecisionDay {
		return d.first()
	}
	return d.next() - 1
}

// startLo and startHi bound the day on which a start took effect; an open
// start is minDay. endLo and endHi do so for an end; an open end is maxDay.

func (b Bound) startLo() int32 {
	if b.IsOpen() {
		return minDay
	}
	return b.lo()
}

func (b Bound) startHi() int32 {
	if b.IsOpen() {
		return minDay
	}
	return b.hi()
}

func (b Bound) endLo() int32 {
	if b.IsOpen() {
		return maxDay
	}
	return b.lo()
}

func (b Bound) endHi() int32 {
	if b.IsOpen() {
		return maxDay
	}
	return b.hi()
}

func dayTime(d int32) time.Time { return time.Unix(int64(d)*secondsPerDay, 0).UTC() }

// A Tie is one period of one relation, as the record knows it: every claim
// about that period (stated relations, and relations that events open or
// close) combined. Its Start and End say when it began and ended, and
// whether the claims agree. Certainty is how sure it is that the tie holds at
// the moment asked; it is Absent in answers that are not about a moment.
//
// For the symmetric kinds (allied, fights, ceasefire) From is the smaller ID.
// A Tie is a small value; it stays valid, and keeps describing the record as
// it was when asked, after later additions.
type Tie struct {
	Kind      RelationKind
	From, To  string
	Start     Bound
	End       Bound
	Support   Support // every kind of support any claim names; see [Moment.Supporters] for the kinds at a moment
	Certainty Certainty

	ix *index
	p  int32
}

// Equal reports whether t and u describe the same period in the same way:
// their exported fields are equal and so are their claims. Ties from two
// Conflicts holding the same record are Equal. It lets packages that compare
// with Equal methods, such as github.com/google/go-cmp, compare Ties.
func (t Tie) Equal(u Tie) bool {
	if t.Kind != u.Kind || t.From != u.From || t.To != u.To || t.Start != u.Start || t.End != u.End ||
		t.Support != u.Support || t.Certainty != u.Certainty {
		return false
	}
	return slices.EqualFunc(t.Claims(), u.Claims(), func(a, b Relation) bool {
		return a.Kind == b.Kind && a.From == b.From && a.To == b.To && a.Start == b.Start && a.End == b.End &&
			a.Support == b.Support && slices.Equal(a.Sources, b.Sources) && a.Event == b.Event && a.Note == b.Note
	})
}

// At returns how sure it is that t holds at instant x.
func (t Tie) At(x time.Time) Certainty {
	if t.ix == nil {
		return Absent
	}
	return t.ix.certainty(t.p, dayOf(x))
}

// Claims returns the claims behind t, in time order (claims at one position
// in the order they were added): the stated relations, each once, and the
// relations derived from events, each with its sources. A claim derived from
// an event that ended the tie has a zero Start: it speaks only of the end.
// One derived from an event that joined the tie while it was already in
// force has the event's date as Start, though that date does not date the
// tie.
func (t Tie) Claims() []Relation {
	if t.ix == nil {
		return nil
	}
	return t.ix.relations(t.p)
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

// String returns a one-line description such as
// "isis controls palmyra [2015-05-21, 2016-03-27)".
func (t Tie) String() string {
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

// A Change is a tie opening or closing.
type Change struct {
	Tie       Tie
	Closed    bool      // false: the tie opened; true: it closed
	Certainty Certainty // whether the change surely falls in the range asked; Definite in a Timeline
}

// When returns the date of the change: the tie's Start, or its End if Closed.
func (c Change) When() Bound {
	if c.Closed {
		return c.Tie.End
	}
	return c.Tie.Start
}

// String returns a one-line description such as
// "2016-03-27 opened syrian-government controls palmyra".
func (c Change) String() string {
	verb := " opened "
	if c.Closed {
		verb = " closed "
	}
	s := c.When().String() + verb + c.Tie.From + " " + c.Tie.Kind.String() + " " + c.Tie.To
	if c.Certainty == Possible {
		s += " (possibly)"
	}
	return s
}
