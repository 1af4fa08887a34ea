package timeindex

import "github.com/conflictgraph/conflict/internal/days"

// A Period is one span of one relation between two numbered nodes: what the
// index is built from and what it answers with. Make one with [NewPeriod],
// which sets its class, role and days, then set its plain fields. Besides
// its ends, the plain fields are codes that mean nothing to the index and
// that the caller maps back to its own records: its kind, the claims behind
// it, a small payload, and tags of its bounds.
//
// A Period is 32 bytes: its window whole (the days every question reads),
// the last days of its bounds as a bit each.
type Period struct {
	From, To int32 // node numbers; in the territorial class To is the place
	Claims   int32 // the caller's code for the claims behind the period
	Payload  uint8
	Kind     uint8 // the caller's kind, below [MaxKinds]: periods that change on one day sort by it, and counts are by kind
	Tags     uint8 // the caller's tags for the bounds

	bits uint8 // class, role, and whether each bound's Sure is its Last+1
	w    Window
}

// MaxKinds bounds the caller's kinds: a Period's Kind is below it.
const MaxKinds = 16

const (
	roleMask    uint8 = 3
	classShift        = 2
	classMask   uint8 = 3 << classShift
	startWindow uint8 = 1 << 4 // Start().Sure is Start().Last+1
	endWindow   uint8 = 1 << 5 // End().Sure is End().Last+1
)

// NewPeriod returns a period of class c that starts at start and ends at
// end, with role r if it is territorial (RoleNone otherwise). The bounds
// must be well formed: First <= Last, Sure is Last or Last+1, and an open
// start is Open(days.OpenStart), an open end Open(days.OpenEnd).
func NewPeriod(c Class, r Role, start, end Bound) Period {
	p := Period{bits: uint8(r)&roleMask | uint8(c)<<classShift, w: Span(start, end)}
	if start.Sure != start.Last {
		p.bits |= startWindow
	}
	if end.Sure != end.Last {
		p.bits |= endWindow
	}
	return p
}

// Class returns the class of p.
func (p *Period) Class() Class { return Class(p.bits & classMask >> classShift) }

// Role returns what p says of its place, if it is territorial.
func (p *Period) Role() Role { return Role(p.bits & roleMask) }

// Window returns when p holds; see [Window.At].
func (p *Period) Window() Window { return p.w }

// Start returns when p started.
func (p *Period) Start() Bound {
	return Bound{First: p.w.Lo, Last: p.w.SureLo - days.Day(p.bits&startWindow>>4), Sure: p.w.SureLo}
}

// End returns when p ended.
func (p *Period) End() Bound {
	return Bound{First: p.w.SureHi, Last: p.w.Hi - days.Day(p.bits&endWindow>>5), Sure: p.w.Hi}
}

// Days returns the first and last days of p's start and of its end, as
// Start and End would: one read for the four.
func (p *Period) Days() (startFirst, startLast, endFirst, endLast days.Day) {
	return p.w.Lo, p.w.SureLo - days.Day(p.bits&startWindow>>4), p.w.SureHi, p.w.Hi - days.Day(p.bits&endWindow>>5)
}

// Bound returns when p ended if end, else when it started.
func (p *Period) Bound(end bool) Bound {
	if end {
		return p.End()
	}
	return p.Start()
}

// Class is the class of a period: each class is laid out apart, so that a
// question about one class does not pay for the others.
type Class uint8

// The classes.
const (
	ClassPositive    Class = iota // friendly ties between parties
	ClassHostile                  // hostile ties between parties
	ClassTerritorial              // ties from a party to a place
	NumClasses
)

// Role is what a period of the territorial class says of its place, for
// working out who holds it.
type Role uint8

// The roles.
const (
	RoleNone     Role = iota // not territorial
	RoleHolds                // the party holds the place
	RoleBesieges             // the party besieges it
	RoleContests             // the party fights for it
)
