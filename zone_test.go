package conflict_test

import (
	"errors"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
)

func TestTimeZone(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{
		TimeZone:  "Asia/Damascus",
		Sources:   []conflict.Source{{ID: "s", Published: date("2016-03")}},
		Actors:    []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "rebels", Name: "Rebels"}},
		Relations: []conflict.Relation{{Kind: conflict.RelationCeasefire, From: "gov", To: "rebels", Start: date("2016-02-27"), End: date("2016-02-29"), Sources: src("s")}},
	}))
	if got := c.Zone().String(); got != "Asia/Damascus" {
		t.Errorf("Zone = %s", got)
	}
	// Damascus was two hours ahead of UTC in February 2016: the truce began
	// at 22:00 UTC on the 26th and ended at 22:00 UTC on the 28th.
	tests := []struct {
		at   string
		want int
	}{
		{"2016-02-26T21:59:59Z", 0},
		{"2016-02-26T22:00:00Z", 1},
		{"2016-02-26T22:30:00Z", 1},
		{"2016-02-28T21:59:59Z", 1},
		{"2016-02-28T22:00:00Z", 0},
		{"2016-02-27T00:30:00+02:00", 1},
	}
	for _, tt := range tests {
		at, err := time.Parse(time.RFC3339, tt.at)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for range c.At(at).Ties() {
			n++
		}
		if n != tt.want {
			t.Errorf("ties in force at %s: %d, want %d", tt.at, n, tt.want)
		}
	}
	if got := c.At(time.Date(2016, 2, 26, 22, 30, 0, 0, time.UTC)).Summary().At; got != "2016-02-27" {
		t.Errorf("Summary.At = %s, want the day in Damascus", got)
	}
	if got := c.Dataset().TimeZone; got != "Asia/Damascus" {
		t.Errorf("Dataset().TimeZone = %q", got)
	}
}

func TestTimeZoneErrors(t *testing.T) {
	var c conflict.Conflict
	must(t, c.Add(conflict.Dataset{Sources: []conflict.Source{{ID: "s"}}}))
	for _, tt := range []struct{ zone, detail string }{
		{"Mars/Olympus_Mons", "unknown time zone"},
		{"Local", "Local is the machine's own"},
		{"Asia/Damascus", "already days in UTC"},
	} {
		err := c.Add(conflict.Dataset{TimeZone: tt.zone, Sources: []conflict.Source{{ID: "t"}}})
		var e *conflict.Error
		if !errors.Is(err, conflict.ErrTimeZone) || !errors.As(err, &e) || e.Field != "timezone" || e.Value != tt.zone {
			t.Errorf("time zone %q: error %v, want an *Error naming the field and value and wrapping ErrTimeZone", tt.zone, err)
		}
		if _, ok := c.Source("t"); ok {
			t.Errorf("time zone %q: the batch was added", tt.zone)
		}
	}
	if c.Zone() != time.UTC {
		t.Errorf("Zone = %v after failed adds, want UTC", c.Zone())
	}
}
