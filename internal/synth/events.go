package synth

import (
	"fmt"
	"math"
	"slices"

	"github.com/conflictgraph/conflict"
)

// The records of [Config.Incidents], [Config.Weights] and [Config.Measures]
// are drawn after every other record, so switching them on adds to a
// dataset without changing what it held.

var (
	incidentKinds = []conflict.EventKind{conflict.EventAttack, conflict.EventAttack, conflict.EventAirstrike, conflict.EventAirstrike, conflict.EventStatement, conflict.EventOther}
	figureKinds   = []conflict.Quantity{conflict.QuantityFatalities, conflict.QuantityFatalities, conflict.QuantityCivilianFatalities, conflict.QuantityWounded, conflict.QuantityDisplaced, conflict.QuantityPrisoners, conflict.QuantityAirRaids, conflict.QuantityFighters}
	measureKinds  = []conflict.Quantity{conflict.QuantityAreaKm2, conflict.QuantityAreaKm2, conflict.QuantityPopulation, conflict.QuantityFighters, conflict.QuantityFatalities}
	roles         = []conflict.Role{conflict.RoleActor, conflict.RoleAlongside, conflict.RoleSupporter, conflict.RoleDefender, conflict.RoleTarget}
)

// additions draws the records that the switches of Config add.
func (g *gen) additions() {
	if g.cfg.Weights {
		g.weights()
	}
	if n := g.cfg.Incidents; n > 0 {
		g.incidents(n)
	}
	if n := g.cfg.Measures; n > 0 {
		g.measures(n)
	}
}

// weights gives the places with a point an area and, most of them, a
// population counted the year before the window.
func (g *gen) weights() {
	for i := range g.ds.Locations {
		l := &g.ds.Locations[i]
		if l.Point == nil {
			continue
		}
		l.Area = math.Round(10*math.Exp(1+4*g.rng.Float64())) / 10 // 0.3 to 150 km²
		if g.rng.IntN(5) == 0 {
			continue
		}
		d := conflict.Year(g.cfg.FirstYear - 1)
		l.Population = &conflict.Population{
			Count:   float64(50 + g.rng.IntN(200_000)),
			Date:    d,
			Sources: []string{g.ds.Sources[g.citing(d)].ID},
		}
	}
}

// incidents adds n events that change no tie.
func (g *gen) incidents(n int) {
	w := numberedWidth(n)
	for i := range n {
		d := g.date(g.w0 + g.rng.Int32N(g.w1-g.w0))
		e := conflict.Event{
			ID:      fmt.Sprintf("incident-%0*d", w, i),
			Kind:    incidentKinds[g.rng.IntN(len(incidentKinds))],
			Date:    d,
			Sources: []string{g.ds.Sources[g.citing(d)].ID},
		}
		switch r := g.rng.IntN(10); {
		case r < 7:
			e.Location = g.ids[g.townZ.pick()]
		case r < 9:
			e.Location = g.ds.Locations[g.rng.IntN(len(g.ds.Locations))].ID
		}
		actor := g.partyZ.pick()
		e.Actors = []string{g.ids[actor]}
		if g.rng.IntN(2) == 0 {
			e.Counterparts = []string{g.ids[g.other(g.parties, actor)]}
		}
		for range g.rng.IntN(4) {
			p := conflict.Participant{Party: g.ids[g.partyZ.pick()], Role: roles[g.rng.IntN(len(roles))]}
			if slices.ContainsFunc(e.Participants, func(q conflict.Participant) bool { return q.Party == p.Party && q.Role == p.Role }) {
				continue
			}
			if p.Role == conflict.RoleSupporter {
				p.Support = g.supportKinds()
			}
			if g.rng.IntN(3) == 0 {
				p.Sources = []string{g.ds.Sources[g.citing(d)].ID}
			}
			e.Participants = append(e.Participants, p)
		}
		for range g.rng.IntN(3) {
			e.Figures = append(e.Figures, g.figure(d))
		}
		g.ds.Events = append(g.ds.Events, e)
		g.stats.Incidents++
	}
	slices.SortStableFunc(g.ds.Events, func(a, b conflict.Event) int { return a.Date.Compare(b.Date) })
	g.stats.Events = len(g.ds.Events)
}

// figure draws a figure of an event on d: a best estimate, a range, or a
// bound on one side.
func (g *gen) figure(d conflict.Date) conflict.Figure {
	f := conflict.Figure{Quantity: figureKinds[g.rng.IntN(len(figureKinds))]}
	lo := float64(g.rng.IntN(50))
	hi := lo + float64(g.rng.IntN(100))
	best := lo + math.Floor((hi-lo)*g.rng.Float64())
	switch g.rng.IntN(5) {
	case 0:
		f.Low, f.Best, f.High = new(lo), new(best), new(hi)
	case 1:
		f.Low = new(lo)
	case 2:
		f.High = new(hi)
	case 3:
		f.Low, f.High = new(lo), new(hi)
	default:
		f.Best = new(best)
	}
	if g.rng.IntN(3) == 0 {
		f.Party = g.ids[g.partyZ.pick()]
	}
	if g.rng.IntN(3) == 0 {
		f.Sources = []string{g.ds.Sources[g.citing(d)].ID}
	}
	return f
}

// measures adds n reported measures of the parties; now and then a second
// source reports another value for the same party, quantity and date.
func (g *gen) measures(n int) {
	for len(g.ds.Measures) < n {
		d := g.date(g.w0 + g.rng.Int32N(g.w1-g.w0))
		m := conflict.Measure{
			Party:    g.ids[g.partyZ.pick()],
			Quantity: measureKinds[g.rng.IntN(len(measureKinds))],
			Value:    math.Round(100_000 * g.rng.Float64()),
			Date:     d,
			Sources:  []string{g.ds.Sources[g.citing(d)].ID},
		}
		g.ds.Measures = append(g.ds.Measures, m)
		if g.rng.IntN(8) == 0 && len(g.ds.Measures) < n {
			m.Value = math.Round(m.Value * (0.8 + 0.4*g.rng.Float64()))
			m.Sources = []string{g.ds.Sources[g.citing(d)].ID}
			g.ds.Measures = append(g.ds.Measures, m)
		}
	}
	g.stats.Measures = len(g.ds.Measures)
}
