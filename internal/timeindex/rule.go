package timeindex

import "github.com/conflictgraph/conflict/internal/days"

// Certainty is how sure an answer is, given that a change may have taken
// effect on any of several days.
type Certainty uint8

// The certainties, least sure first.
const (
	Absent   Certainty = iota // on no choice of days
	Possible                  // on some choices
	Definite                  // on every choice
)

// A Bound is when the start or end of a period took effect: on one of the
// days [First, Last], and surely by day Sure. Sure is Last when the change
// took effect at the start of its day (a date known to the day, or a span of
// such dates), and Last+1 when at an unknown instant of its last day (a
// month or a year, whose last day is not the end of it).
//
// An open start is OpenStart for all three days; an open end, OpenEnd.
type Bound struct {
	First, Last, Sure days.Day
}

// Open returns the open bound at the day open: [days.OpenStart] for an open
// start, [days.OpenEnd] for an open end.
func Open(open days.Day) Bound { return Bound{open, open, open} }

// IsOpen reports whether b is an open start or end.
func (b Bound) IsOpen() bool { return b.First == days.OpenStart || b.First == days.OpenEnd }

// Within is the rule for a change in a range of days: it returns Definite if
// the change b dates took effect within the days [q1, q2) whichever of its
// days is the real one, Possible if on some of them, and Absent otherwise. An
// open bound is no change: it is never within a range of days.
func (b Bound) Within(q1, q2 days.Day) Certainty {
	switch {
	case b.IsOpen():
		return Absent
	case q1 <= b.First && b.Last < q2:
		return Definite
	case b.First < q2 && q1 <= b.Last:
		return Possible
	}
	return Absent
}

// A Window is when a period holds: possibly on the days [Lo, Hi), and
// definitely on the days [SureLo, SureHi), which lie within them. An open
// start makes Lo and SureLo [days.OpenStart]; an open end makes SureHi and
// Hi [days.OpenEnd].
type Window struct {
	Lo, SureLo, SureHi, Hi days.Day
}

// Span returns the window of a period that starts at start and ends at end:
// it possibly holds from the first day its start may have taken effect to
// the day its end surely has, and definitely from the day its start surely
// has taken effect to the first day its end may have.
func Span(start, end Bound) Window {
	return Window{Lo: start.First, SureLo: start.Sure, SureHi: end.First, Hi: end.Sure}
}

// At is the certainty rule: it returns Definite if day q is inside the sure
// window [SureLo, SureHi), Possible if it is inside the possible window
// [Lo, Hi), and Absent otherwise. Every question of whether a period holds on
// a day is answered by At.
func (w Window) At(q days.Day) Certainty {
	switch {
	case w.SureLo <= q && q < w.SureHi:
		return Definite
	case w.Lo <= q && q < w.Hi:
		return Possible
	}
	return Absent
}
