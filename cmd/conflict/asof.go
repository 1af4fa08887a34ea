package main

import (
	"time"

	"github.com/conflictgraph/conflict"
)

// day returns the day of t in the record's time zone, as YYYY-MM-DD.
func (inv *invocation) day(t time.Time) string {
	if inv.zone != nil {
		t = t.In(inv.zone)
	}
	return conflict.DateOf(t).String()
}

// momentText describes moment m in text output: its day in the record's
// time zone, and the instant asked about when -at gave a timestamp,
// "2016-02-27 (2016-02-26T22:30:00Z)".
func (inv *invocation) momentText(m conflict.Moment) string {
	s := inv.day(m.Time())
	if inv.at.isInstant {
		s += " (" + inv.at.String() + ")"
	}
	return s
}

// asOfDay returns the day -as-of stands for, or "" without -as-of.
func (inv *invocation) asOfDay() string {
	if !inv.asOf.set {
		return ""
	}
	return inv.day(inv.asOf.in(inv.zone))
}

// asOfJSON is the as_of key of -json output: the day the record is known
// as of, or nil, for no key, without -as-of.
func (inv *invocation) asOfJSON() *string {
	if !inv.asOf.set {
		return nil
	}
	s := inv.asOfDay()
	return &s
}

// knownText is what text output adds to a heading with -as-of: ", as known
// on 2016-03-01"; "" without it.
func (inv *invocation) knownText() string {
	if !inv.asOf.set {
		return ""
	}
	return ", as known on " + inv.asOfDay()
}
