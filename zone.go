package conflict

import (
	"time"
)

// A conflict keeps its dates as calendar days of one time zone, which its
// dataset names (Dataset.TimeZone; UTC if none). Queries map an instant to
// the day it falls on in that zone: a truce that began at midnight Damascus
// time began at 22:00 UTC the evening before.

// Zone returns the time zone whose calendar days the conflict's dates are:
// the one its dataset named, or UTC.
func (c *Conflict) Zone() *time.Location {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.st.zone == nil {
		return time.UTC
	}
	return c.st.zone
}

// checkZone checks the time zone the batch names: a name the zone database
// knows, and the one the record already keeps, if it holds any records. A
// batch that names no zone takes the record's.
func (b *batch) checkZone() {
	name := b.ds.TimeZone
	if name == "" {
		return
	}
	fail := func(detail string) {
		b.errs = append(b.errs, &Error{Entity: "dataset", Field: "timezone", Value: name, Err: ErrTimeZone, Detail: detail})
		b.problems++
		b.fatal = true
	}
	if name == "Local" {
		fail("name a zone, such as Asia/Damascus; Local is the machine's own")
		return
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		fail(err.Error())
		return
	}
	cur := "UTC"
	if b.st.zone != nil {
		cur = b.st.zone.String()
	}
	if loc.String() != cur && (len(b.st.rels) > 0 || len(b.st.events) > 0 || len(b.st.sources) > 0) {
		fail("the record's dates are already days in " + cur)
		return
	}
	b.zone = loc
}

// zoneName returns the name of the zone the store keeps, "" for UTC.
func (s *store) zoneName() string {
	if s.zone == nil || s.zone == time.UTC {
		return ""
	}
	return s.zone.String()
}
