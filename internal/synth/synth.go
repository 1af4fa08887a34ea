// Package synth generates synthetic armed conflicts for the tests and
// benchmarks of package conflict: seeded, deterministic, and shaped like a
// real event record where that matters for speed and for the edges of every
// interval.
//
// A generated conflict has actors, backers and locations (one country, its
// regions, and the towns within them) and a given number R of stated
// relations over a window of years (2010–2019 by default):
//
//   - Skew: parties are drawn with a Zipf law, so a few large parties take
//     part in most relations, and some towns change hands far more often
//     than others.
//   - Repeated pairs: one pair of parties has several periods of one
//     relation over time (fighting, pausing, fighting again); a town changes
//     hands many times among a few local contenders, so one party holds it
//     in several periods; one pair often has several kinds of relation
//     (fights and a ceasefire within it, supports and allied).
//   - Consistent control: each town's holders follow one another, with no
//     two holding it definitely at once; a change of holder is dated once,
//     for both. Sieges and contests of a town follow one another too.
//   - Open starts and ends, dates known only to the month or the year, and
//     second claims from another source that disagree with the first on one
//     end of a period, or agree with it (refine or corroborate).
//   - Optionally, some changes of holder are told as capture events rather
//     than as the end of the old holder's relation ([Config.Captures]).
//
// Periods of one relation (one kind, one pair) never overlap and are
// separated by at least a day, even after their dates are blurred to the
// month or year, so the record combines the claims into exactly
// [Stats.Periods] ties. Every generated dataset loads without error: no two
// parties ever hold a town definitely at once, whatever the sources; the
// tests check this, and the count of ties, for a range of configurations.
package synth

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/conflictgraph/conflict"
)

// Mix is the share of each kind among the periods generated. The shares
// need not sum to one; they are normalized.
type Mix struct {
	Controls, Besieges, Contests float64 // party → town
	Fights, Ceasefire            float64 // party — party; ceasefires fall within fights
	Supports, Allied, PartOf     float64
}

// DefaultMix is the mix of [Default]: mostly control of places, as in
// ACLED-like records, then fighting and sponsorship.
var DefaultMix = Mix{
	Controls: 0.46, Besieges: 0.05, Contests: 0.05,
	Fights: 0.16, Ceasefire: 0.04,
	Supports: 0.12, Allied: 0.07, PartOf: 0.05,
}

// Config says what to generate. Use [Default] and change what you need; a
// zero field other than the shares means its default.
type Config struct {
	Seed uint64 // the same Seed and Config give the same Dataset

	Actors    int // warring parties on the ground
	Backers   int // outside sponsors
	Locations int // all places: one country, its regions, and the rest towns within the regions
	Regions   int // regions; 0 means Locations/60 (at least one)
	Relations int // R: the number of stated relations, exactly
	Sources   int // size of the pool of sources cited

	FirstYear int // the window is FirstYear-01-01 up to (FirstYear+Years)-01-01
	Years     int

	Imprecise float64 // share of dates known only to the month or the year
	YearShare float64 // of those, the share known only to the year
	OpenStart float64 // share of histories (a pair's, a town's) that begin before the record
	OpenEnd   float64 // share of histories still in force at its end
	Disputed  float64 // share of periods with a second claim from another source that disagrees on one end
	Refined   float64 // share of periods with a second claim that agrees (nests) on one end
	Gaps      float64 // share of changes of holder with a gap in between (no known holder)
	Captures  float64 // share of changes of holder told as capture events; 0: relations only, no events

	Skew    float64 // Zipf exponent (> 1) for drawing parties and towns; larger is more skewed
	Periods float64 // mean number of periods in one pair's history of one relation kind (≥ 1)
	Mix     Mix     // the kinds of relation; zero means DefaultMix

	// Knowledge spreads the sources' publication dates over the window
	// (some to the day, some to the month, one undated) instead of
	// publishing them all after it, and cites each bound of each claim to
	// sources published after it: a relation whose bounds rest on
	// different sources names them in StartSources and EndSources.
	Knowledge bool

	// Incidents adds that many events that change no tie — attacks,
	// airstrikes, statements — at towns, at other places or at none,
	// dated as the relations are, with participants in every role and
	// figures, some citing sources of their own. Weights gives every place
	// with a point an area, and most of them a population. Measures adds
	// that many reported measures of the parties, now and then two that
	// disagree on one date. All three are drawn after every other record:
	// switched off, as by default, they leave the dataset as it was.
	Incidents int
	Weights   bool
	Measures  int
}

// Default returns the configuration used by the benchmarks for R relations:
// about R/200 actors, R/4000 backers and R/10 locations (with floors for
// small R), 12 sources, the years 2010–2019, 20% of dates imprecise (a
// quarter of those to the year), 25% of histories with an open start and
// 30% with an open end, 5% disputed and 3% refined periods, 15% of changes
// of holder with a gap, no events, Zipf exponent 1.1, 1.8 periods per pair
// history, and [DefaultMix].
func Default(relations int) Config {
	return Config{
		Seed:      1,
		Actors:    clamp(relations/200, 20, 5000),
		Backers:   clamp(relations/4000, 5, 300),
		Locations: clamp(relations/10, 30, 200000),
		Relations: relations,
		Sources:   12,
		FirstYear: 2010,
		Years:     10,
		Imprecise: 0.2,
		YearShare: 0.25,
		OpenStart: 0.25,
		OpenEnd:   0.3,
		Disputed:  0.05,
		Refined:   0.03,
		Gaps:      0.15,
		Skew:      1.1,
		Periods:   1.8,
		Mix:       DefaultMix,
	}
}

func clamp(x, lo, hi int) int { return max(lo, min(x, hi)) }

// Stats describes a generated dataset.
type Stats struct {
	Relations int // stated relations (= Config.Relations)
	Events    int // events: captures and incidents
	Incidents int // events that change no tie ([Config.Incidents])
	Measures  int // reported measures of the parties
	Periods   int // periods of relations: the ties the record combines the claims into
	Pairs     int // distinct ordered (from, to) pairs among the stated relations

	OpenStarts, OpenEnds int // stated relations with an open start, an open end (with captures, some are ended by a capture event)
	DayDates             int // dates on stated relations and events, by precision
	MonthDates           int
	YearDates            int
	Disputed             int // second claims that disagree with the first
	Refined              int // second claims that agree with it (nest or repeat it)
}

// Generate returns a synthetic conflict for cfg. See [GenerateStats].
func Generate(cfg Config) conflict.Dataset {
	ds, _ := GenerateStats(cfg)
	return ds
}

// GenerateStats returns a synthetic conflict for cfg and what it holds.
// It costs O(R log R) time.
func GenerateStats(cfg Config) (conflict.Dataset, Stats) {
	g := newGen(cfg)
	g.nodes()
	g.relations()
	g.blur()
	g.extras()
	g.checkCaptures()
	g.emit()
	g.additions()
	return g.ds, g.stats
}

// node indices: actors, then backers, then locations.
type gen struct {
	cfg    Config
	rng    *rand.Rand
	w0, w1 int32 // window [w0, w1) in days since 1970-01-01

	ds      conflict.Dataset
	ids     []string
	actors  []int32
	backers []int32
	parties []int32
	towns   []int32

	partyZ, actorZ, backerZ, townZ, sourceZ picker

	pers   []period
	bounds []boundary
	used   map[key]bool    // relations (kind, pair) that have a history
	chain  map[key][]int32 // periods of each relation, in time order
	stats  Stats
}

// period is one span of one relation, before and after its dates are
// blurred.
type period struct {
	k            key
	kind         conflict.RelationKind
	from, to     int32
	s, e         int32 // true first day, first day after; unused when open
	sOpen, eOpen bool
	sDate, eDate conflict.Date
	support      conflict.Support
	srcs         []int32 // source indices
	reversed     bool    // a symmetric relation stated as "b kind a"
	captureBy    int32   // when >= 0, the end is told by this party's capture event, not by the relation
	extra        *claim  // a second claim, if any

	// Positions (earliest days) of the claims on each end, for keeping the
	// claims of one relation's periods in order.
	sLo, sHi, eLo, eHi int32
}

// claim is a second claim on a period: the same period, another source, one
// end dated differently.
type claim struct {
	end      bool
	date     conflict.Date
	src      int32
	disputed bool
}

// key identifies a relation: its kind and its ends, symmetric kinds with the
// smaller node first.
type key struct {
	kind conflict.RelationKind
	a, b int32
}

func keyOf(kind conflict.RelationKind, from, to int32) key {
	if kind.Symmetric() && to < from {
		from, to = to, from
	}
	return key{kind, from, to}
}

// boundary is one dated change: the end of one period, the start of
// another, or both (a change of holder), blurred once for all its uses.
type boundary struct {
	day  int32
	uses []use
}

type use struct {
	p   int32
	end bool
}

func newGen(cfg Config) *gen {
	d := Default(max(cfg.Relations, 0))
	def := func(v *int, dv int) {
		if *v <= 0 {
			*v = dv
		}
	}
	def(&cfg.Actors, d.Actors)
	def(&cfg.Backers, d.Backers)
	def(&cfg.Locations, d.Locations)
	def(&cfg.Sources, d.Sources)
	def(&cfg.FirstYear, d.FirstYear)
	def(&cfg.Years, d.Years)
	cfg.Actors = max(cfg.Actors, 2)
	cfg.Locations = max(cfg.Locations, 3)
	cfg.Sources = max(cfg.Sources, 2)
	if cfg.Skew <= 1 {
		cfg.Skew = d.Skew
	}
	if cfg.Periods < 1 {
		cfg.Periods = d.Periods
	}
	if cfg.Mix == (Mix{}) {
		cfg.Mix = DefaultMix
	}
	g := &gen{
		cfg:   cfg,
		rng:   rand.New(rand.NewPCG(cfg.Seed, 0x636f6e666c696374)),
		w0:    dayNumber(time.Date(cfg.FirstYear, 1, 1, 0, 0, 0, 0, time.UTC)),
		w1:    dayNumber(time.Date(cfg.FirstYear+cfg.Years, 1, 1, 0, 0, 0, 0, time.UTC)),
		used:  map[key]bool{},
		chain: map[key][]int32{},
	}
	return g
}

// picker draws from a list with a Zipf law over a shuffled order, so the
// large parties are spread over the IDs.
type picker struct {
	z     *rand.Zipf
	items []int32
}

func (g *gen) picker(items []int32, v float64) picker {
	items = slices.Clone(items)
	g.rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	if len(items) == 0 {
		return picker{}
	}
	return picker{z: rand.NewZipf(g.rng, g.cfg.Skew, v, uint64(len(items)-1)), items: items}
}

func (p picker) pick() int32 { return p.items[p.z.Uint64()] }

var outlets = []struct{ id, outlet string }{
	{"ucdp-ged", "Uppsala Conflict Data Program"},
	{"acled", "Armed Conflict Location & Event Data"},
	{"isw", "Institute for the Study of War"},
	{"reuters", "Reuters"},
	{"afp", "Agence France-Presse"},
	{"ap", "Associated Press"},
	{"sohr", "Syrian Observatory for Human Rights"},
	{"bbc", "BBC News"},
	{"aljazeera", "Al Jazeera"},
	{"ocha", "UN OCHA"},
	{"hrw", "Human Rights Watch"},
	{"crisis-group", "International Crisis Group"},
}

var (
	actorKinds   = []conflict.ActorKind{conflict.ActorGovernment, conflict.ActorArmedForces, conflict.ActorMilitia, conflict.ActorRebelGroup, conflict.ActorRebelGroup, conflict.ActorJihadistGroup, conflict.ActorCoalition, conflict.ActorMilitia}
	backerKinds  = []conflict.BackerKind{conflict.BackerState, conflict.BackerState, conflict.BackerState, conflict.BackerCoalition, conflict.BackerOrganization}
	townKinds    = []conflict.LocationKind{conflict.LocationTown, conflict.LocationTown, conflict.LocationVillage, conflict.LocationVillage, conflict.LocationCity, conflict.LocationDistrict, conflict.LocationAirbase, conflict.LocationBase, conflict.LocationOilField, conflict.LocationCrossing}
	supportKinds = []conflict.Support{conflict.SupportWeapons, conflict.SupportFunding, conflict.SupportTraining, conflict.SupportWeapons, conflict.SupportFunding, conflict.SupportAirPower, conflict.SupportAdvisers, conflict.SupportTroops, conflict.SupportIntelligence, conflict.SupportTerritory}
)

// numberedWidth returns the digits IDs need to number n nodes.
func numberedWidth(n int) int { return len(fmt.Sprint(max(n-1, 0))) }

// nodes makes the sources, actors, backers and locations.
func (g *gen) nodes() {
	cfg := g.cfg
	g.ds.Name = fmt.Sprintf("synthetic conflict (seed %d, %d relations)", cfg.Seed, cfg.Relations)
	for i := range cfg.Sources {
		s := conflict.Source{Published: conflict.Day(cfg.FirstYear+cfg.Years+1, time.January, 1+i%28)}
		if cfg.Knowledge {
			s.Published = g.published(i)
		}
		if i < len(outlets) {
			s.ID, s.Outlet = outlets[i].id, outlets[i].outlet
		} else {
			s.ID, s.Outlet = fmt.Sprintf("source-%03d", i), fmt.Sprintf("Outlet %d", i)
		}
		s.Title = "Conflict monitor, " + s.Outlet
		g.ds.Sources = append(g.ds.Sources, s)
	}
	w := numberedWidth(cfg.Actors)
	for i := range cfg.Actors {
		id := fmt.Sprintf("actor-%0*d", w, i)
		g.actors = append(g.actors, int32(len(g.ids)))
		g.ids = append(g.ids, id)
		g.ds.Actors = append(g.ds.Actors, conflict.Actor{ID: id, Name: fmt.Sprintf("Actor %0*d", w, i), Kind: actorKinds[g.rng.IntN(len(actorKinds))]})
	}
	w = numberedWidth(cfg.Backers)
	for i := range cfg.Backers {
		id := fmt.Sprintf("backer-%0*d", w, i)
		g.backers = append(g.backers, int32(len(g.ids)))
		g.ids = append(g.ids, id)
		g.ds.Backers = append(g.ds.Backers, conflict.Backer{ID: id, Name: fmt.Sprintf("Backer %0*d", w, i), Kind: backerKinds[g.rng.IntN(len(backerKinds))]})
	}
	g.parties = append(slices.Clone(g.actors), g.backers...)

	regions := cfg.Regions
	if regions <= 0 {
		regions = max(1, cfg.Locations/60)
	}
	regions = min(regions, cfg.Locations-2)
	towns := cfg.Locations - 1 - regions
	g.ids = append(g.ids, "country")
	g.ds.Locations = append(g.ds.Locations, conflict.Location{ID: "country", Name: "Country", Kind: conflict.LocationCountry})
	w = numberedWidth(regions)
	var regionIDs []string
	for i := range regions {
		id := fmt.Sprintf("region-%0*d", w, i)
		regionIDs = append(regionIDs, id)
		g.ids = append(g.ids, id)
		g.ds.Locations = append(g.ds.Locations, conflict.Location{ID: id, Name: fmt.Sprintf("Region %0*d", w, i), Kind: conflict.LocationRegion, Within: "country"})
	}
	w = numberedWidth(towns)
	for i := range towns {
		id := fmt.Sprintf("town-%0*d", w, i)
		g.towns = append(g.towns, int32(len(g.ids)))
		g.ids = append(g.ids, id)
		l := conflict.Location{ID: id, Name: fmt.Sprintf("Town %0*d", w, i), Kind: townKinds[g.rng.IntN(len(townKinds))], Within: regionIDs[g.rng.IntN(regions)]}
		if g.rng.IntN(2) == 0 {
			l.Point = &conflict.Point{Lat: 32 + 5*g.rng.Float64(), Lon: 35 + 7*g.rng.Float64()}
		}
		g.ds.Locations = append(g.ds.Locations, l)
	}

	g.partyZ = g.picker(g.parties, 3)
	g.actorZ = g.picker(g.actors, 3)
	g.backerZ = g.picker(g.backers, 1)
	g.townZ = g.picker(g.towns, 200)
	srcs := make([]int32, cfg.Sources)
	for i := range srcs {
		srcs[i] = int32(i)
	}
	g.sourceZ = g.picker(srcs, 2)
}

// relations lays out the periods and their true days.
func (g *gen) relations() {
	cfg := g.cfg
	mix := cfg.Mix
	total := mix.Controls + mix.Besieges + mix.Contests + mix.Fights + mix.Ceasefire + mix.Supports + mix.Allied + mix.PartOf
	periods := int(math.Round(float64(cfg.Relations) / (1 + cfg.Disputed + cfg.Refined)))
	budget := func(share float64) int { return int(math.Round(float64(periods) * share / total)) }

	// Pair kinds first: what they cannot place (for want of free pairs
	// among few parties) goes to control, which takes whatever is left so
	// that the total is exact.
	ceasefires := budget(mix.Ceasefire)
	g.pairKind(conflict.RelationFights, budget(mix.Fights), &ceasefires)
	g.pairKind(conflict.RelationSupports, budget(mix.Supports), nil)
	g.pairKind(conflict.RelationAllied, budget(mix.Allied), nil)
	g.pairKind(conflict.RelationPartOf, budget(mix.PartOf), nil)
	g.pairKind(conflict.RelationCeasefire, ceasefires, nil)

	sieges, contests := budget(mix.Besieges), budget(mix.Contests)
	controls := max(0, periods-len(g.pers)-sieges-contests)
	g.territory(controls, sieges, contests)
}

// chainLen draws the number of periods in one pair's history.
func (g *gen) chainLen() int {
	k := 1
	for k < 12 && g.rng.Float64() > 1/g.cfg.Periods {
		k++
	}
	return k
}

// days returns n distinct sorted days in [lo, hi).
func (g *gen) days(n int, lo, hi int32) []int32 {
	span := int(hi - lo)
	n = min(n, span)
	var out []int32
	if 2*n > span {
		for _, x := range g.rng.Perm(span)[:n] {
			out = append(out, lo+int32(x))
		}
	} else {
		seen := make(map[int32]bool, n)
		for len(out) < n {
			x := lo + g.rng.Int32N(int32(span))
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	slices.Sort(out)
	return out
}

func (g *gen) sources() []int32 {
	a := g.sourceZ.pick()
	if g.rng.Float64() < 0.15 {
		if b := g.sourceZ.pick(); b != a {
			return []int32{a, b}
		}
	}
	return []int32{a}
}

// published returns the publication date of source i in Knowledge mode:
// source 0 after the window (every claim may cite it), source 1 undated,
// the rest spread over the window, one in four to the month.
func (g *gen) published(i int) conflict.Date {
	cfg := g.cfg
	switch i {
	case 0:
		return conflict.Day(cfg.FirstYear+cfg.Years+1, time.January, 1)
	case 1:
		return conflict.Date{}
	}
	first := dayNumber(time.Date(cfg.FirstYear, 1, 1, 0, 0, 0, 0, time.UTC))
	last := dayNumber(time.Date(cfg.FirstYear+cfg.Years, 1, 1, 0, 0, 0, 0, time.UTC))
	t := dayTime(first + int32(g.rng.IntN(int(last-first))))
	if g.rng.IntN(4) == 0 {
		return conflict.Month(t.Year(), t.Month())
	}
	return conflict.DateOf(t)
}

// citing returns a source that can vouch for every one of dates: one not
// published before any of their windows begins (Knowledge mode).
func (g *gen) citing(dates ...conflict.Date) int32 {
	var from int32 = math.MinInt32
	for _, d := range dates {
		if !d.IsZero() {
			from = max(from, earliest(d))
		}
	}
	var ok []int32
	for i, s := range g.ds.Sources {
		if pub := s.Published; pub.IsZero() || lastDay(pub) >= from {
			ok = append(ok, int32(i))
		}
	}
	return ok[g.rng.IntN(len(ok))]
}

func (g *gen) supportKinds() conflict.Support {
	var s conflict.Support
	for range 1 + g.rng.IntN(3) {
		s |= supportKinds[g.rng.IntN(len(supportKinds))]
	}
	return s
}

// addPeriod appends a period of relation kind from → to over [s, e).
func (g *gen) addPeriod(kind conflict.RelationKind, from, to, s, e int32, sOpen, eOpen bool) int32 {
	p := period{k: keyOf(kind, from, to), kind: kind, from: from, to: to, s: s, e: e, sOpen: sOpen, eOpen: eOpen, srcs: g.sources(), captureBy: -1}
	if kind == conflict.RelationSupports {
		p.support = g.supportKinds()
	}
	if kind.Symmetric() && g.rng.IntN(10) == 0 {
		p.reversed = true
	}
	i := int32(len(g.pers))
	g.pers = append(g.pers, p)
	g.chain[p.k] = append(g.chain[p.k], i)
	if !sOpen {
		g.bounds = append(g.bounds, boundary{day: s, uses: []use{{p: i}}})
	}
	if !eOpen {
		g.bounds = append(g.bounds, boundary{day: e, uses: []use{{p: i, end: true}}})
	}
	return i
}

// pairKind generates up to n periods of a party–party kind in histories of
// several periods each; fewer when every pair has a history of that kind.
// For fights, it spends the ceasefire budget on ceasefires within the
// fighting.
func (g *gen) pairKind(kind conflict.RelationKind, n int, ceasefires *int) {
	for n > 0 {
		from, to, ok := g.pair(kind)
		if !ok {
			return
		}
		k := min(g.chainLen(), n)
		if kind == conflict.RelationPartOf { // factions rarely leave and rejoin
			k = 1
			if g.rng.Float64() < 0.2 {
				k = min(n, 2)
			}
		}
		n -= k
		d := g.days(2*k, g.w0, g.w1)
		openS, openE := g.rng.Float64() < g.cfg.OpenStart, g.rng.Float64() < g.cfg.OpenEnd
		for i := range k {
			s, e := d[2*i], d[2*i+1]
			sOpen, eOpen := openS && i == 0, openE && i == k-1
			g.addPeriod(kind, from, to, s, e, sOpen, eOpen)
			if kind != conflict.RelationFights || ceasefires == nil || *ceasefires <= 0 {
				continue
			}
			// A ceasefire within the fighting, well inside it.
			lo, hi := s, e
			if sOpen {
				lo = g.w0
			}
			if eOpen {
				hi = g.w1
			}
			if hi-lo >= 30 && g.rng.Float64() < 0.5 {
				cd := g.days(2, lo+1, hi-1)
				ck := keyOf(conflict.RelationCeasefire, from, to)
				g.used[ck] = true
				g.addPeriod(conflict.RelationCeasefire, from, to, cd[0], cd[1], false, false)
				*ceasefires--
			}
		}
	}
}

// pair draws the ends of a new history of kind, skewed toward the large
// parties.
func (g *gen) pair(kind conflict.RelationKind) (from, to int32, ok bool) {
	for try := range 400 {
		switch kind {
		case conflict.RelationSupports:
			if g.rng.Float64() < 0.6 {
				from = g.backerZ.pick()
			} else {
				from = g.actorZ.pick()
			}
			to = g.actorZ.pick()
		case conflict.RelationPartOf:
			if g.rng.Float64() < 0.1 && len(g.backers) > 1 {
				from, to = g.backerZ.pick(), g.backerZ.pick()
			} else {
				from, to = g.actorZ.pick(), g.actorZ.pick()
			}
		default:
			from, to = g.partyZ.pick(), g.partyZ.pick()
		}
		if try > 200 { // the large parties are taken: any pair
			from = g.parties[g.rng.IntN(len(g.parties))]
			to = g.parties[g.rng.IntN(len(g.parties))]
			if kind == conflict.RelationSupports || kind == conflict.RelationPartOf {
				to = g.actors[g.rng.IntN(len(g.actors))]
				if kind == conflict.RelationPartOf {
					from = g.actors[g.rng.IntN(len(g.actors))]
				}
			}
		}
		if kind == conflict.RelationPartOf && from < to {
			from, to = to, from // parts and wholes in one order: no cycles
		}
		k := keyOf(kind, from, to)
		if from == to || g.used[k] {
			continue
		}
		g.used[k] = true
		return from, to, true
	}
	return 0, 0, false
}

// territory generates the control, sieges and contests of towns.
func (g *gen) territory(controls, sieges, contests int) {
	const maxPerTown = 300 // changes of holder in ten years: one a fortnight
	count := func(n int) map[int32]int {
		c := map[int32]int{}
		for range n {
			t := g.townZ.pick()
			for c[t] >= maxPerTown {
				t = g.towns[g.rng.IntN(len(g.towns))]
			}
			c[t]++
		}
		return c
	}
	nc := count(controls)
	ns := count(sieges)
	nk := count((contests + 1) / 2)
	// contests come in pairs; a lone one when the budget is odd
	lone := contests%2 == 1

	for _, t := range g.towns {
		var holders []int32
		var spans [][2]int32
		local := g.contenders()
		if m := nc[t]; m > 0 {
			holders, spans = g.control(t, m, local)
		}
		holderAt := func(day int32) int32 {
			for i, sp := range spans {
				if sp[0] <= day && day < sp[1] {
					return holders[i]
				}
			}
			return -1
		}
		if m := ns[t]; m > 0 {
			d := g.days(2*m, g.w0, g.w1)
			openS, openE := g.rng.Float64() < g.cfg.OpenStart/2, g.rng.Float64() < g.cfg.OpenEnd/2
			for i := range len(d) / 2 {
				who := g.other(local, holderAt(d[2*i]))
				g.addPeriod(conflict.RelationBesieges, who, t, d[2*i], d[2*i+1], openS && i == 0, openE && i == len(d)/2-1)
			}
		}
		if m := nk[t]; m > 0 {
			d := g.days(2*m, g.w0, g.w1)
			for i := range len(d) / 2 {
				s, e := d[2*i], d[2*i+1]
				a := holderAt(s)
				if a < 0 {
					a = local[g.rng.IntN(len(local))]
				}
				b := g.other(local, a)
				g.addPeriod(conflict.RelationContests, a, t, s, e, false, false)
				if lone {
					lone = false
					continue
				}
				g.addPeriod(conflict.RelationContests, b, t, s, e, false, false)
				g.shareLast()
			}
		}
	}
}

// shareLast makes the last two periods' starts one change, and their ends
// another: two parties' contest of one town began and ended together. The
// last four boundaries are the first period's start and end, then the
// second's.
func (g *gen) shareLast() {
	n := len(g.bounds)
	g.bounds[n-4].uses = append(g.bounds[n-4].uses, g.bounds[n-2].uses...)
	g.bounds[n-3].uses = append(g.bounds[n-3].uses, g.bounds[n-1].uses...)
	g.bounds = g.bounds[:n-2]
}

// contenders draws the few parties that fight over one town.
func (g *gen) contenders() []int32 {
	n := 2 + g.rng.IntN(5)
	var out []int32
	for range 4 * n {
		var p int32
		if g.rng.Float64() < 0.95 {
			p = g.actorZ.pick()
		} else {
			p = g.backerZ.pick()
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
		if len(out) == n {
			break
		}
	}
	if len(out) < 2 {
		for _, p := range g.parties {
			if !slices.Contains(out, p) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// other returns a party of local other than p.
func (g *gen) other(local []int32, p int32) int32 {
	for {
		q := local[g.rng.IntN(len(local))]
		if q != p {
			return q
		}
	}
}

// control generates m successive holders of town t, drawn from local, and
// returns them with their true spans.
func (g *gen) control(t int32, m int, local []int32) ([]int32, [][2]int32) {
	d := g.days(2*m, g.w0, g.w1)
	m = len(d) / 2
	openS, openE := g.rng.Float64() < g.cfg.OpenStart, g.rng.Float64() < g.cfg.OpenEnd
	holders := make([]int32, m)
	spans := make([][2]int32, m)
	prev := int32(-1)
	var prevP int32 = -1
	for k := range m {
		h := local[g.rng.IntN(len(local))]
		if h == prev {
			h = g.other(local, prev)
		}
		holders[k], prev = h, h
		s, e := d[2*k], d[2*k+1]
		gap := k == 0 || g.rng.Float64() < g.cfg.Gaps
		if !gap {
			s = spans[k-1][1]
		}
		spans[k] = [2]int32{s, e}
		sOpen, eOpen := openS && k == 0, openE && k == m-1
		p := period{k: keyOf(conflict.RelationControls, h, t), kind: conflict.RelationControls, from: h, to: t, s: s, e: e, sOpen: sOpen, eOpen: eOpen, srcs: g.sources(), captureBy: -1}
		i := int32(len(g.pers))
		g.pers = append(g.pers, p)
		g.chain[p.k] = append(g.chain[p.k], i)
		switch {
		case sOpen:
		case gap:
			g.bounds = append(g.bounds, boundary{day: s, uses: []use{{p: i}}})
		default:
			// one change of holder: the old holder's end is the new one's
			// start.
			b := &g.bounds[len(g.bounds)-1]
			b.uses = append(b.uses, use{p: i})
			if g.rng.Float64() < g.cfg.Captures {
				g.pers[prevP].captureBy = h
			}
		}
		if !eOpen {
			g.bounds = append(g.bounds, boundary{day: e, uses: []use{{p: i, end: true}}})
		}
		prevP = i
	}
	return holders, spans
}

// date returns a date for the change on day x, imprecise with the
// configured shares.
func (g *gen) date(x int32) conflict.Date {
	t := dayTime(x)
	r := g.rng.Float64()
	switch {
	case r < g.cfg.Imprecise*g.cfg.YearShare:
		return conflict.Year(t.Year())
	case r < g.cfg.Imprecise:
		return conflict.Month(t.Year(), t.Month())
	}
	return conflict.DateOf(t)
}

// blur dates every boundary, in time order, keeping the claims of each
// relation in order: a blurred date whose window would begin no later
// than the relation's previous claim is made more precise.
func (g *gen) blur() {
	slices.SortStableFunc(g.bounds, func(a, b boundary) int { return cmp.Compare(a.day, b.day) })
	last := map[key]int32{}
	at := func(k key) int32 {
		if v, ok := last[k]; ok {
			return v
		}
		return math.MinInt32
	}
	for _, b := range g.bounds {
		d := g.date(b.day)
		for {
			ok := true
			for _, u := range b.uses {
				if earliest(d) <= at(g.pers[u.p].k) {
					ok = false
				}
			}
			if ok {
				break
			}
			t := dayTime(b.day)
			if d.Precision() == conflict.PrecisionYear {
				d = conflict.Month(t.Year(), t.Month())
			} else {
				d = conflict.DateOf(t)
			}
		}
		for _, u := range b.uses {
			p := &g.pers[u.p]
			last[p.k] = earliest(d)
			if u.end {
				p.eDate = d
				p.eLo, p.eHi = earliest(d), earliest(d)
			} else {
				p.sDate = d
				p.sLo, p.sHi = earliest(d), earliest(d)
			}
		}
	}
	for i := range g.pers {
		p := &g.pers[i]
		if p.sOpen {
			p.sLo, p.sHi = math.MinInt32, math.MinInt32
		}
		if p.eOpen {
			p.eLo, p.eHi = math.MaxInt32, math.MaxInt32
		}
	}
}

// extras adds second claims until there are exactly cfg.Relations.
func (g *gen) extras() {
	want := g.cfg.Relations - len(g.pers)
	if want <= 0 || len(g.pers) == 0 {
		return
	}
	share := g.cfg.Disputed / max(g.cfg.Disputed+g.cfg.Refined, 1e-9)
	for tries := 0; want > 0 && tries < 50*g.cfg.Relations; tries++ {
		i := int32(g.rng.IntN(len(g.pers)))
		if g.pers[i].extra != nil {
			continue
		}
		if g.second(i, g.rng.Float64() < share, tries > 20*g.cfg.Relations) {
			want--
		}
	}
}

// second tries to give period i a second claim on one end: one that
// disagrees, or one that agrees (refines it, or, as a last resort, repeats
// it). It reports whether it did.
func (g *gen) second(i int32, disputed, repeat bool) bool {
	p := &g.pers[i]
	end := g.rng.IntN(2) == 0
	if end && (p.eOpen || p.captureBy >= 0) || !end && p.sOpen {
		end = !end
	}
	if end && (p.eOpen || p.captureBy >= 0) || !end && p.sOpen {
		return false
	}
	orig, x := p.sDate, p.s
	if end {
		orig, x = p.eDate, p.e
	}
	var d conflict.Date
	switch {
	case repeat:
		d, disputed = orig, false
	case disputed:
		shift := int32(7 + g.rng.IntN(70))
		if g.rng.IntN(2) == 0 {
			shift = -shift
		}
		t := dayTime(x + shift)
		d = conflict.DateOf(t)
		if g.rng.Float64() < 0.3 {
			d = conflict.Month(t.Year(), t.Month())
		}
		if nests(d, orig) {
			return false
		}
	default:
		t := dayTime(x)
		switch orig.Precision() {
		case conflict.PrecisionDay:
			d = conflict.Month(t.Year(), t.Month())
			if g.rng.Float64() < 0.3 {
				d = conflict.Year(t.Year())
			}
		case conflict.PrecisionMonth:
			d = conflict.DateOf(t)
			if g.rng.Float64() < 0.5 {
				d = conflict.Year(t.Year())
			}
		default:
			d = conflict.Month(t.Year(), t.Month())
		}
	}
	// The claim must stay between the relation's neighbouring claims.
	pos := earliest(d)
	ch := g.chain[p.k]
	k := slices.Index(ch, i)
	if end {
		if pos <= p.sHi || k+1 < len(ch) && pos >= g.pers[ch[k+1]].sLo {
			return false
		}
	} else {
		if pos >= p.eLo || k > 0 && pos <= g.pers[ch[k-1]].eHi {
			return false
		}
	}
	src := int32(-1)
	for range 20 {
		if s := int32(g.rng.IntN(g.cfg.Sources)); !slices.Contains(p.srcs, s) {
			src = s
			break
		}
	}
	if src < 0 {
		return false
	}
	p.extra = &claim{end: end, date: d, src: src, disputed: disputed}
	if end {
		p.eLo, p.eHi = min(p.eLo, pos), max(p.eHi, pos)
	} else {
		p.sLo, p.sHi = min(p.sLo, pos), max(p.sHi, pos)
	}
	return true
}

// checkCaptures keeps a capture only where it ends exactly the period it
// stands for. The record applies a capture at the first day of its date's
// window, and ends there every other party's controls of the place then
// open, and the capturer's besieges and contests of it: a capture dated
// only to the year could otherwise end a period that, by its days, had not
// begun, or split one in two. Those captures stay stated ends.
func (g *gen) checkCaptures() {
	byLoc := map[int32][]int32{}
	for i := range g.pers {
		if g.pers[i].kind.Territorial() {
			byLoc[g.pers[i].to] = append(byLoc[g.pers[i].to], int32(i))
		}
	}
	for i := range g.pers {
		p := &g.pers[i]
		if p.captureBy < 0 {
			continue
		}
		at, by := p.eLo, p.captureBy
		for _, j := range byLoc[p.to] {
			q := &g.pers[j]
			if j == int32(i) || !(q.sLo < at && at <= q.eHi) {
				continue
			}
			if q.kind == conflict.RelationControls && q.from != by || q.kind != conflict.RelationControls && q.from == by {
				p.captureBy = -1
				break
			}
		}
	}
}

// nests reports whether the windows of a and b nest.
func nests(a, b conflict.Date) bool {
	as, ae := a.Window()
	bs, be := b.Window()
	return !as.After(bs) && !ae.Before(be) || !bs.After(as) && !be.Before(ae)
}

// emit writes the periods as relations (and capture events), in time order.
func (g *gen) emit() (conflict.Dataset, Stats) {
	type rec struct {
		pos int32
		seq int
		r   conflict.Relation
	}
	recs := make([]rec, 0, g.cfg.Relations)
	srcIDs := func(ss []int32) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = g.ds.Sources[s].ID
		}
		return out
	}
	st := &g.stats
	countDate := func(d conflict.Date) {
		switch d.Precision() {
		case conflict.PrecisionDay:
			st.DayDates++
		case conflict.PrecisionMonth:
			st.MonthDates++
		case conflict.PrecisionYear:
			st.YearDates++
		}
	}
	add := func(r conflict.Relation) {
		pos := int32(math.MinInt32)
		if !r.Start.IsZero() {
			pos = earliest(r.Start)
		}
		if r.Start.IsZero() {
			st.OpenStarts++
		}
		if r.End.IsZero() {
			st.OpenEnds++
		}
		countDate(r.Start)
		countDate(r.End)
		recs = append(recs, rec{pos: pos, seq: len(recs), r: r})
	}
	for i := range g.pers {
		p := &g.pers[i]
		from, to := g.ids[p.from], g.ids[p.to]
		if p.reversed {
			from, to = to, from
		}
		r := conflict.Relation{Kind: p.kind, From: from, To: to, Support: p.support, Sources: srcIDs(p.srcs)}
		if !p.sOpen {
			r.Start = p.sDate
		}
		if !p.eOpen && p.captureBy < 0 {
			r.End = p.eDate
		}
		if g.cfg.Knowledge {
			g.cite(&r)
		}
		add(r)
		if p.captureBy >= 0 {
			g.ds.Events = append(g.ds.Events, conflict.Event{
				ID:       fmt.Sprintf("capture-%06d", len(g.ds.Events)),
				Kind:     conflict.EventCapture,
				Date:     p.eDate,
				Location: g.ids[p.to],
				Actors:   []string{g.ids[p.captureBy]},
				Sources:  g.eventSources(p.eDate, srcIDs(p.srcs[:1])),
				Note:     "taken from " + g.ids[p.from],
			})
			countDate(p.eDate)
		}
		if x := p.extra; x != nil {
			r2 := r
			r2.Sources = srcIDs([]int32{x.src})
			if x.end {
				r2.End = x.date
			} else {
				r2.Start = x.date
			}
			if g.cfg.Knowledge {
				r2.StartSources, r2.EndSources = nil, nil
				r2.Sources = []string{g.ds.Sources[g.citing(r2.Start, r2.End)].ID}
			}
			add(r2)
			if x.disputed {
				st.Disputed++
			} else {
				st.Refined++
			}
		}
	}
	slices.SortFunc(recs, func(a, b rec) int {
		if c := cmp.Compare(a.pos, b.pos); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	g.ds.Relations = make([]conflict.Relation, len(recs))
	pairs := map[[2]string]bool{}
	for i, r := range recs {
		g.ds.Relations[i] = r.r
		pairs[[2]string{r.r.From, r.r.To}] = true
	}
	slices.SortStableFunc(g.ds.Events, func(a, b conflict.Event) int { return a.Date.Compare(b.Date) })
	st.Relations = len(g.ds.Relations)
	st.Events = len(g.ds.Events)
	st.Periods = len(g.pers)
	st.Pairs = len(pairs)
	return g.ds, *st
}

// cite gives r, in Knowledge mode, a source for its start and one for its
// end, each published after the bound it vouches for, and now and then a
// second, undated source for the whole claim.
func (g *gen) cite(r *conflict.Relation) {
	a := g.ds.Sources[g.citing(r.Start)].ID
	ids := []string{a}
	if !r.End.IsZero() {
		if b := g.ds.Sources[g.citing(r.End)].ID; b != a {
			ids = append(ids, b)
			r.StartSources, r.EndSources = []string{a}, []string{b}
			if r.Start.IsZero() {
				r.StartSources = nil
			}
		}
	}
	if g.rng.IntN(20) == 0 && !slices.Contains(ids, g.ds.Sources[1].ID) {
		ids = append(ids, g.ds.Sources[1].ID)
	}
	r.Sources = ids
}

// eventSources returns the sources of an event on d: ids, or in Knowledge
// mode a source that can vouch for d.
func (g *gen) eventSources(d conflict.Date, ids []string) []string {
	if !g.cfg.Knowledge {
		return ids
	}
	return []string{g.ds.Sources[g.citing(d)].ID}
}

func dayNumber(t time.Time) int32 { return int32(t.Unix() / 86400) }

func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// lastDay returns the last day of d's window.
func lastDay(d conflict.Date) int32 {
	_, end := d.Window()
	return dayNumber(end) - 1
}

// earliest returns the first day of d's window.
func earliest(d conflict.Date) int32 { return dayNumber(d.Time()) }
