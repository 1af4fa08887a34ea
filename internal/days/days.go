// Package days is the one day-number system of the module: a day is a count
// of days since 1970-01-01 (UTC), earlier days negative, on the proleptic
// Gregorian calendar. Days compare and step as integers: d+1 is the next
// day.
package days

import (
	"math"
	"time"
)

// A Day is a calendar day: days since 1970-01-01, UTC. OpenStart and OpenEnd
// stand for the open ends of a span and are no calendar day.
type Day int32

// The open ends of a span: before every day, after every day.
const (
	OpenStart Day = math.MinInt32 // an open start: since before the record begins
	OpenEnd   Day = math.MaxInt32 // an open end: no end claimed
)

// SecondsPerDay is the length of a day in Unix time.
const SecondsPerDay = 24 * 60 * 60

// Date returns the day of a proleptic Gregorian date. month and day must be
// in range (see [InMonth]); it does not normalize as [time.Date] does.
func Date(year int, month time.Month, day int) Day {
	y := year
	if month <= time.February {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (int(month) + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// Date returns the year, month and day of the month of d: the inverse of
// [Date].
func (d Day) Date() (year int, month time.Month, day int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := (mp+2)%12 + 1
	if m <= 2 {
		y++
	}
	return y, time.Month(m), dd
}

// InMonth returns the number of days in the month.
func InMonth(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Of returns the UTC day that contains t. Instants too far from 1970 for a
// Day are clamped to the days next to OpenStart and OpenEnd, so Of never
// returns an open end.
func Of(t time.Time) Day {
	s := t.Unix()
	d := s / SecondsPerDay
	if s%SecondsPerDay < 0 {
		d--
	}
	return Day(min(max(d, int64(OpenStart)+1), int64(OpenEnd)-1))
}

// Time returns midnight UTC at the start of d.
func (d Day) Time() time.Time { return time.Unix(int64(d)*SecondsPerDay, 0).UTC() }

// In returns the day that contains t in loc: the calendar day a clock in
// loc shows at t. A nil loc is UTC.
func In(t time.Time, loc *time.Location) Day {
	if loc == nil || loc == time.UTC {
		return Of(t)
	}
	y, m, d := t.In(loc).Date()
	if y < -5_000_000 || y > 5_000_000 {
		return Of(t) // far beyond any calendar day the module keeps
	}
	return Date(y, m, d)
}

// Midnight returns the first instant of day d in loc (nil is UTC): its
// midnight, or where the clocks skip midnight (a change to summer time at
// 00:00), the first instant that falls on the day.
func (d Day) Midnight(loc *time.Location) time.Time {
	if loc == nil || loc == time.UTC {
		return d.Time()
	}
	y, m, dd := d.Date()
	t := time.Date(y, m, dd, 0, 0, 0, 0, loc)
	if In(t, loc) == d {
		return t
	}
	// Midnight did not happen: time.Date gave an instant of the day before.
	// The day begins when the clocks jump; search the hours after.
	lo, hi := t, t.Add(48*time.Hour)
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
		if In(mid, loc) < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}
