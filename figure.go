package conflict

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// ErrNumber is the category of bad data, like [ErrDate], of a number that
// cannot be a count or a measure: negative, not finite, or a low above its
// high.
var ErrNumber = errors.New("conflict: invalid number")

// A Figure is a number a source gives of an event: how many died, how many
// air raids were flown. A source may give a range, UCDP GED's low, best and
// high estimates; a count "at least 900" has Low only, "up to 40" High only,
// "12" Best only. Sources that disagree are two Figures, both kept.
//
// Its json tags give the object that stands for it in an event's "figures"
// list in the dataset file; a number left out is nil.
type Figure struct {
	Quantity Quantity `json:"quantity,omitzero"` // required
	Party    string   `json:"party,omitempty"`   // whose number it is (whose dead, whose air raids), an actor or a backer; "" for the event as a whole

	// Low, Best and High are the least, the likeliest and the greatest
	// count the sources give, at least one of them; each is finite and not
	// negative, and Low <= Best <= High where given. Make one with new:
	// Low: new(900.0).
	Low  *float64 `json:"low,omitempty"`
	Best *float64 `json:"best,omitempty"`
	High *float64 `json:"high,omitempty"`

	// Sources are the IDs of the sources that give the figure, as for
	// [Participant]: nil means the event's own sources.
	Sources []string `json:"sources,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// String returns the figure in words, such as "12 fatalities (10 to 15)",
// "at least 900 fatalities" or "isis: 80 air-raids".
func (f Figure) String() string {
	n := func(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }
	q := f.Quantity.String()
	var s string
	switch {
	case f.Best != nil && (f.Low != nil || f.High != nil):
		lo, hi := "?", "?"
		if f.Low != nil {
			lo = n(f.Low)
		}
		if f.High != nil {
			hi = n(f.High)
		}
		s = n(f.Best) + " " + q + " (" + lo + " to " + hi + ")"
	case f.Best != nil:
		s = n(f.Best) + " " + q
	case f.Low != nil && f.High != nil:
		s = n(f.Low) + " to " + n(f.High) + " " + q
	case f.Low != nil:
		s = "at least " + n(f.Low) + " " + q
	case f.High != nil:
		s = "at most " + n(f.High) + " " + q
	default:
		s = "no " + q
	}
	if f.Party != "" {
		s = f.Party + ": " + s
	}
	return s
}

// Quantity is what a [Figure] or a [Measure] counts. The zero Quantity is
// invalid. The list is closed, so that a misspelt word is an error rather
// than a new quantity; a dataset's other numbers belong in Attributes.
type Quantity uint8

// The quantities.
const (
	QuantityFatalities         Quantity = iota + 1 // people killed
	QuantityCivilianFatalities                     // civilians killed
	QuantityWounded                                // people wounded
	QuantityDisplaced                              // people who fled their homes
	QuantityPrisoners                              // people taken prisoner
	QuantityAirRaids                               // air raids or strikes flown
	QuantityFighters                               // fighters under arms
	QuantityAreaKm2                                // area, in square kilometres
	QuantityPopulation                             // people living in a party's territory
)

var quantityWords = []string{"", "fatalities", "civilian-fatalities", "wounded", "displaced", "prisoners", "air-raids", "fighters", "area-km2", "population"}

// String returns the quantity's word, e.g. "area-km2".
func (q Quantity) String() string { return enumString(quantityWords, uint8(q)) }

// MarshalText implements [encoding.TextMarshaler].
func (q Quantity) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is
// an error that wraps [ErrKind].
func (q *Quantity) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(quantityWords[1:], "quantity", b)
	*q = Quantity(v + 1)
	if err != nil {
		*q = 0
	}
	return err
}

// checkQuantity checks a quantity field, whose name field gives.
func (b *batch) checkQuantity(section string, i int, label fmt.Stringer, field func() string, q Quantity) {
	switch {
	case q == 0:
		b.fail(section, i, label, field(), "", ErrMissing, "")
	case q >= Quantity(len(quantityWords)):
		b.fail(section, i, label, field(), q.String(), ErrKind, "")
	}
}

// badNumber says what is wrong with a count or a measure, or returns "".
func badNumber(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "not a finite number"
	case v < 0:
		return "negative"
	}
	return ""
}

// formatNumber writes a number as the dataset file does.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// checkFigures checks the figures of event i.
func (b *batch) checkFigures(i int, label fmt.Stringer, e *Event) {
	for k := range e.Figures {
		f := &e.Figures[k]
		field := func(name string) string { return partField("figures", k, name) }
		b.checkQuantity(sectionEvents, i, label, func() string { return field("quantity") }, f.Quantity)
		if f.Party != "" {
			b.checkParty(sectionEvents, i, label, field("party"), f.Party)
		}
		if f.Low == nil && f.Best == nil && f.High == nil {
			b.fail(sectionEvents, i, label, "figures["+strconv.Itoa(k)+"]", "", ErrMissing, "a figure gives at least one of low, best and high")
		}
		ok := true
		for j, v := range [...]*float64{f.Low, f.Best, f.High} {
			if v == nil {
				continue
			}
			if why := badNumber(*v); why != "" {
				b.fail(sectionEvents, i, label, field([...]string{"low", "best", "high"}[j]), formatNumber(*v), ErrNumber, why)
				ok = false
			}
		}
		if ok {
			if f.Low != nil && f.High != nil && *f.Low > *f.High {
				b.fail(sectionEvents, i, label, field("low"), formatNumber(*f.Low), ErrNumber, "above high "+formatNumber(*f.High))
			}
			if f.Best != nil && f.Low != nil && *f.Best < *f.Low {
				b.fail(sectionEvents, i, label, field("best"), formatNumber(*f.Best), ErrNumber, "below low "+formatNumber(*f.Low))
			}
			if f.Best != nil && f.High != nil && *f.Best > *f.High {
				b.fail(sectionEvents, i, label, field("best"), formatNumber(*f.Best), ErrNumber, "above high "+formatNumber(*f.High))
			}
		}
		b.checkCited(sectionEvents, i, label, "figures", k, e.Date, f.Sources)
	}
}

// cloneFigures returns a copy of fs that shares no memory with it; nil when
// fs is empty. The copies' numbers share one allocation, and so do their
// sources, each carved with no room to grow.
func cloneFigures(fs []Figure) []Figure {
	if len(fs) == 0 {
		return nil
	}
	ids := 0
	for _, f := range fs {
		ids += len(f.Sources)
	}
	a := eventArena{ids: make([]string, 0, ids), numbers: make([]float64, 0, 3*len(fs))}
	out := make([]Figure, len(fs))
	for i, f := range fs {
		f.Low, f.Best, f.High = a.number(f.Low), a.number(f.Best), a.number(f.High)
		f.Sources = a.strings(f.Sources)
		out[i] = f
	}
	return out
}
