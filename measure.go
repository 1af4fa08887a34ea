package conflict

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"time"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// A Measure is an aggregate a source reports of a party on a date: "about
// 78,000 km² held on 14 December 2015, IHS Conflict Monitor". It is a
// claim, as a relation is: measures that disagree are all kept, side by
// side, and a source cannot report a measure of a date after its own
// publication ([ErrAnachronism]).
//
// Its json tags give the object that stands for it in the dataset file's
// "measures" section.
type Measure struct {
	Party    string   `json:"party"`             // ID of an actor or a backer
	Quantity Quantity `json:"quantity,omitzero"` // what is measured: area-km2, population, fighters, ...
	Value    float64  `json:"value"`             // finite and not negative; always written
	Date     Date     `json:"date"`              // the date the measure is of; required
	Sources  []string `json:"sources"`           // IDs of sources; always written
	Note     string   `json:"note,omitempty"`
}

// measureFormat is the format of a measure, for its UnmarshalJSON.
var measureFormat = formatOf(reflect.TypeFor[Measure]())

// UnmarshalJSON implements [encoding/json.Unmarshaler], reading a measure
// as the dataset file gives it: a measure without a value is an error that
// wraps [ErrMissing] (0 is a value), an unknown key one that wraps
// [ErrFormat]. Null leaves m as it is.
func (m *Measure) UnmarshalJSON(data []byte) error {
	var v *Measure
	err := readValue(data, "measure", jsonscan.Object, codecObject, func(r *reader) {
		v = new(Measure)
		r.requireNumbers(measureFormat, r.object(measureFormat, unsafe.Pointer(v), ""), "")
	})
	if err == nil && v != nil {
		*m = *v
	}
	return err
}

// String returns a one-line description such as "2015-12-14 isis
// area-km2 78000".
func (m Measure) String() string {
	return m.Date.String() + " " + m.Party + " " + m.Quantity.String() + " " + formatNumber(m.Value)
}

// sectionMeasures is the dataset's section of measures.
const sectionMeasures = "measures"

// measureLabel names a measure in errors: (isis area-km2 2015-12-14).
func measureLabel(m *Measure, quantity string) fmt.Stringer {
	return plain("(" + m.Party + " " + quantity + " " + m.Date.String() + ")")
}

// checkMeasures checks the batch's measures.
func (b *batch) checkMeasures() {
	for i := range b.ds.Measures {
		m := &b.ds.Measures[i]
		label := measureLabel(m, m.Quantity.String())
		if m.Party == "" {
			b.fail(sectionMeasures, i, label, "party", "", ErrMissing, "")
		} else {
			b.checkParty(sectionMeasures, i, label, "party", m.Party)
		}
		b.checkQuantity(sectionMeasures, i, label, func() string { return "quantity" }, m.Quantity)
		if why := badNumber(m.Value); why != "" {
			b.fail(sectionMeasures, i, label, "value", formatNumber(m.Value), ErrNumber, why)
		}
		if m.Date.IsZero() {
			b.fail(sectionMeasures, i, label, "date", "", ErrMissing, "")
		}
		b.checkSourceList(sectionMeasures, i, label, m.Sources)
		b.checkKnowable(sectionMeasures, i, label, "date", m.Date, m.Sources)
	}
}

// commitMeasures adds the batch's measures to the store.
func (b *batch) commitMeasures() {
	for _, m := range b.ds.Measures {
		m.Sources = slices.Clone(m.Sources)
		b.st.measures = append(b.st.measures, m)
	}
}

// measureKey is a party's measures of one quantity.
type measureKey struct {
	party int32
	q     Quantity
}

// buildMeasures lists the measures the snapshot knows of each party and
// quantity, each list in date order (measures of one date in the order
// added).
func (s *snapshot) buildMeasures() map[measureKey][]int32 {
	out := map[measureKey][]int32{}
	for i := range s.rec.measures {
		m := &s.rec.measures[i]
		if !s.knowsAny(m.Sources) {
			continue
		}
		k := measureKey{s.rec.nodeID[m.Party], m.Quantity}
		out[k] = append(out[k], int32(i))
	}
	for _, l := range out {
		slices.SortStableFunc(l, func(a, b int32) int { return s.rec.measures[a].Date.Compare(s.rec.measures[b].Date) })
	}
	return out
}

// measureList returns the snapshot's list of party's measures of q.
func (s *snapshot) measureList(party string, q Quantity) []int32 {
	n, ok := s.rec.nodeID[party]
	if !ok {
		return nil
	}
	return s.measureIndex()[measureKey{n, q}]
}

// measure returns measure i as the snapshot knows it: with the sources it
// knows.
func (s *snapshot) measure(i int32) Measure {
	m := s.rec.measures[i]
	m.Sources = s.knownIDs(m.Sources)
	return m
}

// Series returns the measures of quantity q reported of party, in date
// order ([Date.Compare]); measures of one date, when sources disagree, side
// by side in the order they were added. It costs in proportion to the
// measures returned.
func (c *Conflict) Series(party string, q Quantity) []Measure { return c.snapshot().series(party, q) }

// Series returns the measures the view knows, as [Conflict.Series] does.
func (v View) Series(party string, q Quantity) []Measure { return v.snapshot().series(party, q) }

func (s *snapshot) series(party string, q Quantity) []Measure {
	l := s.measureList(party, q)
	if len(l) == 0 {
		return nil
	}
	out := make([]Measure, len(l))
	for k, i := range l {
		out[k] = s.measure(i)
	}
	return out
}

// Peak returns the measure of quantity q reported of party with the
// greatest value among those whose date may fall in the days from the day
// of from up to, not including, the day of to (days in the conflict's time
// zone; a zero to means no end), and whether there is one. Of equal values
// it returns the first in date order. It costs in proportion to the
// party's measures of q.
func (c *Conflict) Peak(party string, q Quantity, from, to time.Time) (Measure, bool) {
	return c.snapshot().peak(party, q, from, to)
}

// Peak returns the peak of the measures the view knows, as [Conflict.Peak]
// does.
func (v View) Peak(party string, q Quantity, from, to time.Time) (Measure, bool) {
	return v.snapshot().peak(party, q, from, to)
}

func (s *snapshot) peak(party string, q Quantity, from, to time.Time) (Measure, bool) {
	q1, q2 := s.dayRange(from, to)
	best := int32(-1)
	for _, i := range s.measureList(party, q) {
		m := &s.rec.measures[i]
		if m.Date.first() < q2 && q1 <= m.Date.lastDay() && (best < 0 || m.Value > s.rec.measures[best].Value) {
			best = i
		}
	}
	if best < 0 {
		return Measure{}, false
	}
	return s.measure(best), true
}

// Latest returns the measures of quantity q reported of party with the
// latest date on or before the day of t (in the conflict's time zone): of
// the measures whose date's window begins on or before that day, those of
// the date latest in date order, several when sources disagree on it; nil
// if there are none. It costs O(log n) in the party's n measures of q, and
// in proportion to those returned.
func (c *Conflict) Latest(party string, q Quantity, t time.Time) []Measure {
	return c.snapshot().latest(party, q, t)
}

// Latest returns the latest of the measures the view knows, as
// [Conflict.Latest] does.
func (v View) Latest(party string, q Quantity, t time.Time) []Measure {
	return v.snapshot().latest(party, q, t)
}

func (s *snapshot) latest(party string, q Quantity, t time.Time) []Measure {
	l := s.measureList(party, q)
	day := days.In(t, s.rec.zone)
	end, _ := slices.BinarySearchFunc(l, day+1, func(i int32, d days.Day) int { return cmp.Compare(s.rec.measures[i].Date.first(), d) })
	if end == 0 {
		return nil
	}
	date := s.rec.measures[l[end-1]].Date
	start := end - 1
	for start > 0 && s.rec.measures[l[start-1]].Date == date {
		start--
	}
	out := make([]Measure, 0, end-start)
	for _, i := range l[start:end] {
		out = append(out, s.measure(i))
	}
	return out
}

// dayRange returns the days [q1, q2) of the instants from and to in the
// conflict's time zone; a zero to means no end.
func (s *snapshot) dayRange(from, to time.Time) (q1, q2 days.Day) {
	q1, q2 = days.In(from, s.rec.zone), days.OpenEnd
	if !to.IsZero() {
		q2 = days.In(to, s.rec.zone)
	}
	return q1, q2
}
