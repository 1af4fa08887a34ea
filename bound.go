package conflict

import (
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

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
	d := b.days(days.OpenStart)
	return d.First.Time(), d.Sure.Time()
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

// days returns the days of b for the index: the change took effect on a day
// from the first of its earliest claim's window to the last of its latest
// claim's, and surely by the latest's latest day. An open bound is the open
// bound at the day open: days.OpenStart for a start, days.OpenEnd for an
// end.
func (b Bound) days(open days.Day) timeindex.Bound {
	if b.IsOpen() {
		return timeindex.Open(open)
	}
	last := b.Date
	if b.Disputed() {
		last = b.Last
	}
	return timeindex.Bound{First: b.Date.earliest(), Last: last.lastDay(), Sure: last.latest()}
}

// span returns the days over which a tie from start to end holds, possibly
// and definitely.
func span(start, end Bound) timeindex.Window {
	return timeindex.Span(start.days(days.OpenStart), end.days(days.OpenEnd))
}
