package conflict

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/signed"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// SidesOptions tunes [Moment.Sides]. The zero value allows any number of
// blocs, weighs every tie 1 and searches with the default effort.
type SidesOptions struct {
	// MaxBlocs is the largest number of blocs, or 0 for any number. MaxBlocs = 2 gives
	// the classic frustration index of structural balance.
	MaxBlocs int

	// Weight, if not nil, weighs each tie: a signed tie weighs as much as
	// the heaviest relation behind it. It must return a positive, finite
	// number; for example, weigh a supports tie with Troops above one with
	// none. Nil weighs every tie 1.
	Weight func(Tie) float64

	// Seed seeds the heuristic used beyond the exact search's reach. Equal
	// records, options and seeds give equal answers, unless Deadline cuts
	// the work short.
	Seed int64

	// Effort bounds the work on each part of the graph, whatever its size:
	// the heuristic makes at most Effort starts, and the lower bound, the
	// heuristic and the exact search together take at most about
	// Effort×2²⁸ counted steps of work, after which the answer is the best
	// found and not proven optimal. 0 means 16: on the 2-core reference
	// machine, a part gives up its proof after 10 to 15 seconds. The work
	// is counted, not timed, so the answer does not depend on the machine.
	Effort int

	// Deadline, if not zero, stops the search once passed; the answer is
	// then the best found, not proven optimal. Which work a deadline cuts
	// depends on timing, and so may the answer.
	Deadline time.Time
}

// Sides is the signed view of a moment: the parties split into blocs so that
// as few ties as possible break the rule "friends inside a bloc, enemies
// between blocs".
type Sides struct {
	MaxBlocs   int         // the largest number of blocs asked for; 0 for any
	Blocs      [][]string  // IDs sorted inside each bloc, blocs by first ID
	Violations int         // how many ties break the rule
	Cost       float64     // their total weight; Violations when every tie weighs 1
	LowerBound float64     // a proven lower bound on the least possible Cost
	Optimal    bool        // whether Cost is proven to be the least possible
	Broken     []SignedTie // the ties that break the rule, sorted by their ends
}

// A SignedTie is the tie between two parties as the signed view sees it:
// friendly or hostile, with the relations in force behind it.
type SignedTie struct {
	A, B    string // A < B
	Hostile bool
	Weight  float64
	Ties    []Tie // sorted with Tie.Compare
}

// Kinds returns the kinds of the relations behind s, comma-separated in the
// order of [RelationKind]: "supports", "allied,part-of", "fights".
func (s SignedTie) Kinds() string {
	var kinds []RelationKind
	for _, t := range s.Ties {
		kinds = append(kinds, t.Kind)
	}
	slices.Sort(kinds)
	words := make([]string, 0, len(kinds))
	for _, k := range slices.Compact(kinds) {
		words = append(words, k.String())
	}
	return strings.Join(words, ",")
}

// Sides returns the sides at the moment, by structural balance. The
// positive ties in force (supports, allied, part-of) and the hostile ones
// (opposes, and fights unless a ceasefire between the two, or an agreement
// covering both, definitely holds) between parties make a signed graph, one
// signed tie per pair and sign; Sides splits its parties into at most
// opt.MaxBlocs blocs (any number if 0) so that the
// ties that fall inside a bloc when hostile, or between blocs when friendly,
// weigh as little as possible. This is correlation clustering; with K = 2 the
// least cost is the frustration index.
//
// Sides splits the graph into its biconnected parts and solves each: it
// bounds the least cost by packing cycles that no partition keeps whole,
// runs a seeded multi-start local search and, on a part of up to 256
// parties where the search does not reach the bound, searches exactly by
// branch and bound. Every part's work is bounded by opt.Effort, and by
// opt.Deadline if set. When the search finishes, the answer is proven:
// Optimal is true and LowerBound equals Cost. When the effort or the
// deadline cuts it short, Sides returns the best partition found with
// Optimal false and LowerBound the best lower bound it proved on the least
// cost; it never claims an optimality it did not prove. Measured on the
// 2-core reference machine with the default effort, a part of 30 parties
// is proven in about a tenth of a second when a third of all pairs are
// tied and in a few seconds when half are; a complete network of 30 or
// more parties, whose proof would take minutes, returns unproven after 10
// to 15 seconds. It returns an error if opt.MaxBlocs is negative or
// opt.Weight returns a weight that is not positive and finite.
func (m Moment) Sides(opt SidesOptions) (Sides, error) {
	g, err := m.signedGraph(opt.Weight)
	if err != nil {
		return Sides{}, err
	}
	return g.solve(opt)
}

// signedGraph is the signed view of a moment.
type signedGraph struct {
	ids   []string // parties, sorted
	edges []signed.Edge
	ties  []SignedTie
}

func (m Moment) signedGraph(weight func(Tie) float64) (*signedGraph, error) {
	s := m.snapshot()
	type pair struct {
		a, b    int32
		hostile bool
	}
	truce := map[[2]int32]bool{}
	var ties []Tie
	for _, c := range []timeindex.Class{timeindex.ClassPositive, timeindex.ClassHostile} {
		m.stab(c, func(t Tie) bool {
			r := s.ix.Period(t.p)
			switch {
			case t.Kind == RelationCeasefire:
				if t.Certainty == Definite {
					truce[[2]int32{min(r.From, r.To), max(r.From, r.To)}] = true
				}
			case r.From != r.To:
				ties = append(ties, t)
			}
			return true
		})
	}
	byPair := map[pair][]Tie{}
	var pairs []pair
	for _, t := range ties {
		r := s.ix.Period(t.p)
		p := pair{min(r.From, r.To), max(r.From, r.To), t.Kind.Hostile()}
		if t.Kind == RelationFights && (truce[[2]int32{p.a, p.b}] || s.suspension(p.a, p.b, m.q, Absent) == Definite) {
			continue // a fight a ceasefire or an agreement surely suspends
		}
		if _, ok := byPair[p]; !ok {
			pairs = append(pairs, p)
		}
		byPair[p] = append(byPair[p], t)
	}
	// Number the parties in ID order, so the answer depends on the record,
	// not on the order of the index.
	local := map[int32]int32{}
	for _, p := range pairs {
		local[p.a], local[p.b] = -1, -1
	}
	nodes := make([]int32, 0, len(local))
	for n := range local {
		nodes = append(nodes, n)
	}
	slices.SortFunc(nodes, func(a, b int32) int { return cmp.Compare(s.ids[a], s.ids[b]) })
	g := &signedGraph{ids: make([]string, len(nodes))}
	for i, n := range nodes {
		local[n] = int32(i)
		g.ids[i] = s.ids[n]
	}
	for _, p := range pairs {
		st := SignedTie{A: s.ids[p.a], B: s.ids[p.b], Hostile: p.hostile, Ties: byPair[p], Weight: 1}
		if st.A > st.B {
			st.A, st.B = st.B, st.A
		}
		slices.SortFunc(st.Ties, Tie.Compare)
		if weight != nil {
			st.Weight = 0
			for _, t := range st.Ties {
				w := weight(t)
				if !(w > 0) || math.IsInf(w, 0) {
					return nil, fmt.Errorf("conflict: weight %v of tie %v: want a positive, finite number", w, t)
				}
				st.Weight = max(st.Weight, w)
			}
		}
		g.ties = append(g.ties, st)
	}
	slices.SortFunc(g.ties, func(a, b SignedTie) int {
		if c := cmp.Compare(a.A, b.A); c != 0 {
			return c
		}
		if c := cmp.Compare(a.B, b.B); c != 0 {
			return c
		}
		return compareBool(a.Hostile, b.Hostile)
	})
	g.edges = make([]signed.Edge, len(g.ties))
	for i, st := range g.ties {
		g.edges[i] = signed.Edge{U: local[s.rec.nodeID[st.A]], V: local[s.rec.nodeID[st.B]], Negative: st.Hostile, Weight: st.Weight}
	}
	return g, nil
}

func (g *signedGraph) solve(opt SidesOptions) (Sides, error) {
	if opt.MaxBlocs < 0 {
		return Sides{}, fmt.Errorf("conflict: %d blocs: want 0 (any number) or more", opt.MaxBlocs)
	}
	res, err := signed.Solve(len(g.ids), g.edges, signed.Options{K: opt.MaxBlocs, Seed: opt.Seed, Effort: opt.Effort, Deadline: opt.Deadline})
	if err != nil {
		return Sides{}, fmt.Errorf("conflict: sides: %w", err)
	}
	s := Sides{MaxBlocs: opt.MaxBlocs, Cost: res.Cost, LowerBound: res.LowerBound, Optimal: res.Optimal, Violations: len(res.Violated)}
	blocs := map[int32][]string{}
	for i, b := range res.Bloc {
		blocs[b] = append(blocs[b], g.ids[i])
	}
	for _, bloc := range blocs {
		slices.Sort(bloc)
		s.Blocs = append(s.Blocs, bloc)
	}
	slices.SortFunc(s.Blocs, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	for _, i := range res.Violated {
		s.Broken = append(s.Broken, g.ties[i])
	}
	return s, nil
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// same reports whether two signed graphs have the same parties and ties.
func (g *signedGraph) same(h *signedGraph) bool {
	return slices.Equal(g.ids, h.ids) && slices.EqualFunc(g.ties, h.ties, func(a, b SignedTie) bool {
		return a.A == b.A && a.B == b.B && a.Hostile == b.Hostile && a.Weight == b.Weight
	})
}

// A SidesPeriod is the sides from one instant on: the answer of
// [Moment.Sides] from From until the next SidesPeriod.
type SidesPeriod struct {
	From    time.Time // midnight, in the conflict's time zone, starting the first day of this answer
	Changes []Change  // the party ties that opened or closed then, surely or possibly; none for the first
	Sides   Sides
}

// SidesOver returns the sides at from and at every later day before to on
// which the signed graph changes: a friendly or hostile tie between parties
// opens or closes, or becomes sure. Each entry names the changes that made
// it, so the analyst can see which tie made the war more or less balanced.
// It costs one Sides search per change point.
func (c *Conflict) SidesOver(from, to time.Time, opt SidesOptions) ([]SidesPeriod, error) {
	return c.snapshot().sidesOver(from, to, opt)
}

func (s *snapshot) sidesOver(from, to time.Time, opt SidesOptions) ([]SidesPeriod, error) {
	q1, q2 := days.In(from, s.rec.zone), days.In(to, s.rec.zone)
	if q1 >= q2 {
		return nil, nil
	}
	// Days on which a party tie's certainty may change, with the changes:
	// the days its window's edges fall on. A tie possibly opens on the
	// first day its start may take effect and surely on the day it surely
	// has, and likewise closes.
	points := map[days.Day][]Change{}
	add := func(p int32, day days.Day, closed bool, cert Certainty) {
		if q1 < day && day < q2 {
			points[day] = append(points[day], Change{Tie: s.tie(p, Absent), Closed: closed, Certainty: cert})
		}
	}
	edge := func(p int32, lo, hi days.Day, closed bool) {
		if lo == hi {
			add(p, lo, closed, Definite)
			return
		}
		add(p, lo, closed, Possible)
		add(p, hi, closed, Definite)
	}
	for _, cl := range []timeindex.Class{timeindex.ClassPositive, timeindex.ClassHostile} {
		first, end := s.ix.Range(cl)
		for p := first; p < end; p++ {
			w := s.ix.Period(p).Window()
			edge(p, w.Lo, w.SureLo, false)
			edge(p, w.SureHi, w.Hi, true)
		}
	}
	turns := []days.Day{q1}
	for d := range points {
		turns = append(turns, d)
	}
	slices.Sort(turns)
	var out []SidesPeriod
	var last *signedGraph
	for _, d := range turns {
		m := Moment{s: s, t: d.Midnight(s.rec.zone), q: d}
		g, err := m.signedGraph(opt.Weight)
		if err != nil {
			return nil, err
		}
		if last != nil && g.same(last) {
			continue
		}
		last = g
		sides, err := g.solve(opt)
		if err != nil {
			return nil, err
		}
		chs := points[d]
		slices.SortFunc(chs, func(a, b Change) int { return s.ix.Compare(a.Tie.p, b.Tie.p) })
		out = append(out, SidesPeriod{From: m.t, Changes: chs, Sides: sides})
	}
	return out, nil
}
