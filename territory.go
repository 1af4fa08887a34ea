package conflict

import (
	"cmp"
	"reflect"
	"slices"
	"time"
	"unsafe"

	"github.com/conflictgraph/conflict/internal/jsonscan"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// A Population is how many people live in a place, as sources count them
// on a date.
//
// Its json tags give the object that stands for it in a location's
// "population" in the dataset file; count, date and sources are required
// there.
type Population struct {
	Count   float64  `json:"count"`   // finite and not negative
	Date    Date     `json:"date"`    // the date the count is of
	Sources []string `json:"sources"` // IDs of the sources that give it; none published before Date
	Note    string   `json:"note,omitempty"`
}

// populationFormat is the format of a population, for its UnmarshalJSON.
var populationFormat = formatOf(reflect.TypeFor[Population]())

// UnmarshalJSON implements [encoding/json.Unmarshaler], reading a
// population as the dataset file gives it: one without a count, a date or
// sources is an error that wraps [ErrMissing], an unknown key one that
// wraps [ErrFormat]. Null leaves p as it is.
func (p *Population) UnmarshalJSON(data []byte) error {
	var q unsafe.Pointer
	err := readValue(data, "population", jsonscan.Object, codecObject, func(r *reader) { q = r.nested(populationFormat, "population") })
	if err == nil && q != nil {
		*p = *(*Population)(q)
	}
	return err
}

func clonePopulation(p *Population) *Population {
	if p == nil {
		return nil
	}
	q := *p
	q.Sources = slices.Clone(p.Sources)
	return &q
}

// Weight is what [Moment.Territory] and [Conflict.Gains] weigh places by.
// The zero Weight weighs no place.
type Weight uint8

// The weights.
const (
	WeightArea       Weight = iota + 1 // the place's Area, in km²
	WeightPopulation                   // the Count of the place's Population
)

const numWeights = 3 // the zero Weight, then one for each kind

var weightWords = [numWeights]string{"", "area", "population"}

// String returns "area" or "population".
func (w Weight) String() string { return enumString(weightWords[:], uint8(w)) }

// MarshalText implements [encoding.TextMarshaler].
func (w Weight) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], so that a Weight
// can be a flag ([flag.TextVar]); a word other than "area" and
// "population" is an error that wraps [ErrKind].
func (w *Weight) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(weightWords[1:], "weight", b)
	*w = Weight(v + 1)
	if err != nil {
		*w = 0
	}
	return err
}

// A Share is the territory a party holds at a moment, weighed by area or
// population: what it holds for certain, and what more it may hold.
//
// A place counts in Definite when the party alone holds it definitely and it
// is not contested (the definite holder of [Moment.Summary]); it counts in
// Possible when the party may hold it but not definitely (the sources
// disagree, a change falls in an imprecise date, the place is contested).
// Places held only through a roll-up from the places within them count in
// neither, as in [Moment.Holdings]. The weight of a place covers the places
// within it, so a place is not counted again within a place already
// counted: within one held definitely, for Definite; within one held
// definitely or possibly, for Possible and Unweighed. So the party holds at
// least Definite of the weighed places, and at most Definite+Possible.
type Share struct {
	Definite       float64 // the weight of the places it definitely holds
	Possible       float64 // the weight of the places it possibly, not definitely, holds
	Places         int     // the places Definite counts
	PossiblePlaces int     // the places Possible counts
	Unweighed      int     // places it holds, definitely or possibly, of no known weight: counted in neither
}

// heldBy returns how surely party holds the place of c, as a Share counts
// it: Definite if it alone holds it definitely and it is not contested,
// Possible if it may hold it, Absent otherwise and for an answer rolled up
// from the places within.
func heldBy(c Control, party string) Certainty {
	switch {
	case c.RolledUp:
		return Absent
	case c.Holder == party && c.Certainty == Definite && c.State != ControlContested:
		return Definite
	case c.Holder == party || slices.Contains(c.Claimants, party):
		return Possible
	}
	return Absent
}

// Territory returns the territory party holds at the moment, weighed by
// area or population; see [Share] for what counts. For a view ([View.At]),
// a population counts only when one of its sources is known. It costs one
// [Moment.Controller] call per place the party has ever held, as
// [Moment.Holdings] does, and a walk up the places each held place lies
// within.
func (m Moment) Territory(party string, by Weight) Share {
	s := m.snapshot()
	n, ok := s.rec.nodeID[party]
	if !ok || !s.rec.nodes[n].typ.IsParty() {
		return Share{}
	}
	held := map[int32]Certainty{}
	for p := range s.ix.Periods(n) {
		r := s.ix.Period(p)
		if RelationKind(r.Kind) != RelationControls || r.From != n || s.ix.Certainty(p, m.q) == timeindex.Absent {
			continue
		}
		if _, done := held[r.To]; done {
			continue
		}
		held[r.To] = heldBy(m.controller(r.To), party)
	}
	sh, _ := s.share(held, s.weights(by))
	return sh
}

// share weighs the places held (with how surely each is held) by w, and
// returns the places Definite counts, in ID order. It sums in ID order, so
// the sums are the same for the same record.
func (s *snapshot) share(held map[int32]Certainty, w []float64) (Share, []int32) {
	places := make([]int32, 0, len(held))
	for p, h := range held {
		if h != Absent {
			places = append(places, p)
		}
	}
	slices.SortFunc(places, func(a, b int32) int { return cmp.Compare(s.rank[a], s.rank[b]) })
	var sh Share
	var counted []int32
	for _, p := range places {
		h := held[p]
		// Is the place within a weighed place counted in its stead? Only
		// a place held definitely stands for one counted in Definite.
		strict := h == Definite && w[p] >= 0
		covered := false
		for a := s.rec.nodes[p].within; a >= 0 && !covered; a = s.rec.nodes[a].within {
			ha := held[a]
			covered = w[a] >= 0 && (ha == Definite || ha == Possible && !strict)
		}
		switch {
		case covered:
		case w[p] < 0:
			sh.Unweighed++
		case h == Definite:
			sh.Definite += w[p]
			sh.Places++
			counted = append(counted, p)
		default:
			sh.Possible += w[p]
			sh.PossiblePlaces++
		}
	}
	return sh, counted
}

// buildWeights returns the weight of every node by w, or -1 where it has
// none: only locations have weights, and a population only once one of its
// sources is known.
func (s *snapshot) buildWeights(by Weight) []float64 {
	out := make([]float64, len(s.rec.nodes))
	for n, node := range s.rec.nodes {
		out[n] = -1
		if node.typ != NodeLocation {
			continue
		}
		l := &s.rec.locations[node.ref]
		switch {
		case by == WeightArea && l.Area > 0:
			out[n] = l.Area
		case by == WeightPopulation && l.Population != nil && s.knowsAny(l.Population.Sources):
			out[n] = l.Population.Count
		}
	}
	return out
}

// A Gain is what one party gained and lost between two instants, weighed
// by area or population.
type Gain struct {
	Party         string
	Before, After Share    // the party's territory at the two instants
	Gained, Lost  []string // the places After.Definite counts and Before.Definite does not, and the reverse; sorted
}

// Net returns what the party gained, less what it lost, of the territory it
// definitely held: After.Definite - Before.Definite, which is the weight of
// Gained less that of Lost.
func (g Gain) Net() float64 { return g.After.Definite - g.Before.Definite }

// Gains returns, for every party whose territory differs between instant
// from and instant to, what it held at each and the places it gained and
// lost, weighed by area or population (see [Share]): ranked by Net, the
// greatest gain first and the greatest loss last, parties of equal Net by
// ID. It costs one [Moment.Controller] call per place held at either
// instant.
func (c *Conflict) Gains(from, to time.Time, by Weight) []Gain {
	return c.snapshot().gains(from, to, by)
}

// Gains returns the gains and losses the view knows of, as
// [Conflict.Gains] does.
func (v View) Gains(from, to time.Time, by Weight) []Gain { return v.snapshot().gains(from, to, by) }

func (s *snapshot) gains(from, to time.Time, by Weight) []Gain {
	w := s.weights(by)
	before, after := s.at(from).everyHolding(), s.at(to).everyHolding()
	parties := make([]int32, 0, len(before)+len(after))
	for p := range before {
		parties = append(parties, p)
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			parties = append(parties, p)
		}
	}
	var out []Gain
	for _, p := range parties {
		g := Gain{Party: s.ids[p]}
		var was, is []int32
		g.Before, was = s.share(before[p], w)
		g.After, is = s.share(after[p], w)
		for _, x := range is {
			if !slices.Contains(was, x) {
				g.Gained = append(g.Gained, s.ids[x])
			}
		}
		for _, x := range was {
			if !slices.Contains(is, x) {
				g.Lost = append(g.Lost, s.ids[x])
			}
		}
		if g.Before != g.After || g.Gained != nil || g.Lost != nil {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b Gain) int {
		return cmp.Or(cmp.Compare(b.Net(), a.Net()), cmp.Compare(a.Party, b.Party))
	})
	return out
}

// everyHolding returns the places every party holds at the moment, by
// party and place node, with how surely each is held as a Share counts it.
func (m Moment) everyHolding() map[int32]map[int32]Certainty {
	s := m.snapshot()
	var places []int32
	s.ix.Stab(timeindex.ClassTerritorial, m.q, func(_ int32, r *timeindex.Period, _ timeindex.Certainty) bool {
		if RelationKind(r.Kind) == RelationControls {
			places = append(places, r.To)
		}
		return true
	})
	slices.Sort(places)
	places = slices.Compact(places)
	out := map[int32]map[int32]Certainty{}
	for _, loc := range places {
		c := m.controller(loc)
		for _, party := range append([]string{c.Holder}, c.Claimants...) {
			if party == "" {
				continue
			}
			if h := heldBy(c, party); h != Absent {
				n := s.rec.nodeID[party]
				if out[n] == nil {
					out[n] = map[int32]Certainty{}
				}
				out[n][loc] = h
			}
		}
	}
	return out
}

// checkWeights checks the areas and populations of the batch's locations:
// each a finite number, not negative, on a place with a point; a
// population dated and sourced.
func (b *batch) checkWeights() {
	for i := range b.ds.Locations {
		l := &b.ds.Locations[i]
		label := quoted(l.ID)
		if l.Area != 0 {
			if why := badNumber(l.Area); why != "" {
				b.fail(sectionLocations, i, label, "area_km2", formatNumber(l.Area), ErrNumber, why)
			}
		}
		p := l.Population
		if (l.Area != 0 || p != nil) && l.Point == nil {
			b.fail(sectionLocations, i, label, "point", "", ErrMissing, "a place with an area or a population has a point")
		}
		if p == nil {
			continue
		}
		if why := badNumber(p.Count); why != "" {
			b.fail(sectionLocations, i, label, "population.count", formatNumber(p.Count), ErrNumber, why)
		}
		if p.Date.IsZero() {
			b.fail(sectionLocations, i, label, "population.date", "", ErrMissing, "")
		}
		if len(p.Sources) == 0 {
			b.fail(sectionLocations, i, label, "population.sources", "", ErrMissing, "a population cites at least one source")
		}
		b.checkCited(sectionLocations, i, label, "population", -1, p.Date, p.Sources)
	}
}
