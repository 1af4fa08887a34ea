package conflict_test

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The reference test checks every indexed query against a slow, obviously
// correct scan of the record's ties (Conflict.Ties), on generated data,
// at thousands of random instants and ranges and at every edge of every
// tie: the day before, the day of, and the day after the earliest and the
// latest day of each start and end window, instants just before and after
// midnight UTC, instants given in other time probeZones, and instants far before
// and after the record (open ends).
//
// The scan knows only the package's documented semantics: a tie holds
// possibly from the earliest day of its start window up to (not including)
// the latest day of its end window, and definitely from the latest day of
// its start window up to (not including) the earliest day of its end
// window; both windows come from Bound.Window. It does not call Tie.At
// except to check it.
//
// Why it would catch an off-by-one in the index: for every tie, the probes
// include the day of each window edge and the days on either side. An index
// that kept a tie one day too long (q <= end instead of q < end) answers
// differently from the scan on the end day itself; one that started it a
// day late differs on the start day. TestReferenceCatchesOffByOne shows
// that the probes and the comparison do see such an error, by perturbing
// the scan instead of the library.

// refSpan is a tie's windows as day numbers: possibly in force over [sLo, eHi),
// definitely over [sHi, eLo).
type refSpan struct{ sLo, sHi, eLo, eHi int32 }

func refSpanOf(t conflict.Tie) refSpan {
	s := refSpan{math.MinInt32, math.MinInt32, math.MaxInt32, math.MaxInt32}
	if !t.Start.IsOpen() {
		lo, hi := t.Start.Window()
		s.sLo, s.sHi = dayNum(lo), dayNum(hi)
	}
	if !t.End.IsOpen() {
		lo, hi := t.End.Window()
		s.eLo, s.eHi = dayNum(lo), dayNum(hi)
	}
	return s
}

// refOracle returns how sure it is that a tie with refSpan s holds on day q.
type refOracle func(s refSpan, q int32) conflict.Certainty

func documentedCert(s refSpan, q int32) conflict.Certainty {
	switch {
	case s.sHi <= q && q < s.eLo:
		return conflict.Definite
	case s.sLo <= q && q < s.eHi:
		return conflict.Possible
	}
	return conflict.Absent
}

// lastDay returns the last day on which the change b dates may have
// happened: the day itself for a day, the last day of the window of the
// latest claim for a month or a year.
func lastDay(b conflict.Bound) int32 {
	d := b.Date
	if b.Disputed() {
		d = b.Last
	}
	start, end := d.Window()
	if d.Precision() == conflict.PrecisionDay {
		return dayNum(start)
	}
	return dayNum(end) - 1
}

// tieID identifies a tie among the record's.
type tieID struct {
	Kind       conflict.RelationKind
	From, To   string
	Start, End conflict.Bound
}

func idOf(t conflict.Tie) tieID { return tieID{t.Kind, t.From, t.To, t.Start, t.End} }

// ref is the slow scan over one record.
type ref struct {
	c      *conflict.Conflict
	ties   []conflict.Tie
	spans  []refSpan
	index  map[tieID]int
	byNode map[string][]int // ties with the node at either end
	byLoc  map[string][]int // territorial ties on the location
	kids   map[string][]string
	at     refOracle
}

func newRef(t testing.TB, c *conflict.Conflict) *ref {
	r := &ref{c: c, index: map[tieID]int{}, byNode: map[string][]int{}, byLoc: map[string][]int{}, kids: map[string][]string{}, at: documentedCert}
	for tie := range c.Ties() {
		i := len(r.ties)
		if _, dup := r.index[idOf(tie)]; dup {
			t.Fatalf("two ties %v", tie)
		}
		r.index[idOf(tie)] = i
		r.ties = append(r.ties, tie)
		r.spans = append(r.spans, refSpanOf(tie))
		r.byNode[tie.From] = append(r.byNode[tie.From], i)
		r.byNode[tie.To] = append(r.byNode[tie.To], i)
		if tie.Kind.Territorial() {
			r.byLoc[tie.To] = append(r.byLoc[tie.To], i)
		}
	}
	for _, l := range c.Dataset().Locations {
		if l.Within != "" {
			r.kids[l.Within] = append(r.kids[l.Within], l.ID)
		}
	}
	return r
}

func (r *ref) cert(i int, q int32) conflict.Certainty { return r.at(r.spans[i], q) }

// relations returns the ties in force on day q, as index<<2 | certainty,
// sorted.
func (r *ref) relations(q int32) []int {
	var out []int
	for i := range r.ties {
		if c := r.cert(i, q); c != conflict.Absent {
			out = append(out, i<<2|int(c))
		}
	}
	return out
}

// controlView is a conflict.Control in comparable form.
type controlView struct {
	Location   string
	State      conflict.ControlState
	Holder     string
	Certainty  conflict.Certainty
	Tie        string // the holder's tie and its certainty
	Claimants  []string
	Besiegers  []string
	Besieged   conflict.Certainty
	Contenders []string
	RolledUp   bool
}

func viewOfControl(c conflict.Control) controlView {
	v := controlView{c.Location, c.State, c.Holder, c.Certainty, "", c.Claimants, c.Besiegers, c.Besieged, c.Contenders, c.RolledUp}
	if c.Tie != (conflict.Tie{}) {
		v.Tie = fmt.Sprintf("%v (%v)", c.Tie, c.Tie.Certainty)
	}
	return v
}

// controller answers who holds loc on day q, as control.go's documentation
// says: the parties with a controls tie possibly in force are its
// claimants; one alone is the holder, as sure as its surest tie (and that
// tie, the earliest-starting one of equal certainty); several leave no
// holder, Possible. Besiegers and contenders are the parties with such ties
// in force. A contests tie in force makes the place contested; otherwise no
// holder leaves it unknown, besiegers make it besieged, and else it is
// held. A place no claim covers at q is answered from the places within it:
// their holders (of those that have any), one as the holder, several as
// claimants; held, and Possible.
func (r *ref) controller(loc string, q int32) controlView {
	v := controlView{Location: loc}
	var holders []string
	best := -1
	contested, covered := false, false
	for _, i := range r.byLoc[loc] {
		c := r.cert(i, q)
		if c == conflict.Absent {
			continue
		}
		covered = true
		t := r.ties[i]
		switch t.Kind {
		case conflict.RelationControls:
			holders = append(holders, t.From)
			if best < 0 || c > r.cert(best, q) || c == r.cert(best, q) && r.startsBefore(i, best) {
				best = i
			}
		case conflict.RelationBesieges:
			v.Besiegers = append(v.Besiegers, t.From)
			v.Besieged = max(v.Besieged, c)
		case conflict.RelationContests:
			v.Contenders = append(v.Contenders, t.From)
			contested = true
		}
	}
	holders = uniqSorted(holders)
	v.Besiegers = uniqSorted(v.Besiegers)
	v.Contenders = uniqSorted(v.Contenders)
	switch len(holders) {
	case 0:
	case 1:
		v.Holder, v.Certainty = holders[0], r.cert(best, q)
		v.Tie = fmt.Sprintf("%v (%v)", r.ties[best], v.Certainty)
	default:
		v.Claimants, v.Certainty = holders, conflict.Possible
	}
	switch {
	case contested:
		v.State = conflict.ControlContested
	case len(holders) == 0:
		v.State = conflict.ControlUnknown
	case v.Besieged > conflict.Absent:
		v.State = conflict.ControlBesieged
	default:
		v.State = conflict.ControlHeld
	}
	if covered || len(r.kids[loc]) == 0 {
		return v
	}
	var all []string
	for _, k := range r.kids[loc] {
		kv := r.controller(k, q)
		if kv.Holder != "" {
			all = append(all, kv.Holder)
		}
		all = append(all, kv.Claimants...)
	}
	all = uniqSorted(all)
	switch len(all) {
	case 0:
		return v
	case 1:
		v.Holder = all[0]
	default:
		v.Claimants = all
	}
	// Held, like a place of its own with one or several claimants; "a
	// rolled-up answer is at most Possible".
	v.State, v.Certainty = conflict.ControlHeld, conflict.Possible
	v.RolledUp = true
	return v
}

// startsBefore reports whether tie i starts before tie j: earlier first
// day, then earlier last day of its start window; open starts first.
func (r *ref) startsBefore(i, j int) bool {
	a, b := r.spans[i], r.spans[j]
	return a.sLo < b.sLo || a.sLo == b.sLo && a.sHi < b.sHi
}

// alliances returns the connected components of the positive ties in
// force, found breadth-first, among the parties with any party–party tie
// in force.
func (r *ref) alliances(q int32) [][]string {
	adj := map[string][]string{}
	var ids []string
	for i, t := range r.ties {
		if t.Kind.Territorial() || r.cert(i, q) == conflict.Absent {
			continue
		}
		for _, id := range []string{t.From, t.To} {
			if _, ok := adj[id]; !ok {
				adj[id] = nil
				ids = append(ids, id)
			}
		}
		if t.Kind.Positive() {
			adj[t.From] = append(adj[t.From], t.To)
			adj[t.To] = append(adj[t.To], t.From)
		}
	}
	slices.Sort(ids)
	seen := map[string]bool{}
	var blocs [][]string
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		bloc := []string{id}
		for k := 0; k < len(bloc); k++ {
			for _, n := range adj[bloc[k]] {
				if !seen[n] {
					seen[n] = true
					bloc = append(bloc, n)
				}
			}
		}
		slices.Sort(bloc)
		blocs = append(blocs, bloc)
	}
	return blocs
}

// neighbours returns the other ends of id's ties of the kinds keep in force
// on day q, each once with its surest certainty, sorted by ID; nil if none.
func (r *ref) neighbours(id string, q int32, keep func(conflict.RelationKind) bool) []conflict.Party {
	best := map[string]conflict.Certainty{}
	for _, i := range r.byNode[id] {
		t := r.ties[i]
		if !keep(t.Kind) {
			continue
		}
		if c := r.cert(i, q); c != conflict.Absent {
			other := t.To
			if other == id {
				other = t.From
			}
			best[other] = max(best[other], c)
		}
	}
	var out []conflict.Party
	for p, c := range best {
		out = append(out, conflict.Party{ID: p, Certainty: c})
	}
	slices.SortFunc(out, func(a, b conflict.Party) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func (r *ref) allies(id string, q int32) []conflict.Party {
	return r.neighbours(id, q, conflict.RelationKind.Positive)
}

// enemies: the parties id fights; a ceasefire that definitely holds
// suspends the fighting, one that possibly holds makes it possible.
func (r *ref) enemies(id string, q int32) []conflict.Party {
	fights := r.neighbours(id, q, func(k conflict.RelationKind) bool { return k == conflict.RelationFights })
	truce := map[string]conflict.Certainty{}
	for _, p := range r.neighbours(id, q, func(k conflict.RelationKind) bool { return k == conflict.RelationCeasefire }) {
		truce[p.ID] = p.Certainty
	}
	var out []conflict.Party
	for _, f := range fights {
		switch truce[f.ID] {
		case conflict.Definite:
			continue
		case conflict.Possible:
			f.Certainty = conflict.Possible
		}
		out = append(out, f)
	}
	return out
}

// backers: the parties with a supports tie to id in force, with the kinds
// of all such ties and the surest certainty, sorted by backer.
func (r *ref) backers(id string, q int32) []conflict.Supporter {
	var out []conflict.Supporter
	for _, i := range r.byNode[id] {
		t := r.ties[i]
		c := r.cert(i, q)
		if t.Kind != conflict.RelationSupports || t.To != id || c == conflict.Absent {
			continue
		}
		k := slices.IndexFunc(out, func(b conflict.Supporter) bool { return b.ID == t.From })
		if k < 0 {
			out = append(out, conflict.Supporter{ID: t.From})
			k = len(out) - 1
		}
		out[k].Support |= t.Support
		out[k].Certainty = max(out[k].Certainty, c)
	}
	slices.SortFunc(out, func(a, b conflict.Supporter) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// changeView is a conflict.Change in comparable form, with the earliest
// and latest day it may have taken effect.
type changeView struct {
	Tie         string
	Closed      bool
	Certainty   conflict.Certainty
	First, Last int32
}

// refChange is a change the scan found, with what the documented order
// needs.
type refChange struct {
	tie         conflict.Tie
	closed      bool
	cert        conflict.Certainty
	first, last int32 // the earliest and the latest day it may have taken effect
}

// inOrder returns the changes in the order Conflict.Timeline documents: by
// the earliest day each change may have taken effect, then the latest; on
// one day closings first, then by relation kind and IDs.
func inOrder(cs []refChange) []changeView {
	slices.SortFunc(cs, func(a, b refChange) int {
		if c := cmp.Compare(a.first, b.first); c != 0 {
			return c
		}
		if c := cmp.Compare(a.last, b.last); c != 0 {
			return c
		}
		if a.closed != b.closed {
			if a.closed {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.tie.Kind, b.tie.Kind); c != 0 {
			return c
		}
		if c := strings.Compare(a.tie.From, b.tie.From); c != 0 {
			return c
		}
		return strings.Compare(a.tie.To, b.tie.To)
	})
	var out []changeView
	for _, c := range cs {
		out = append(out, changeView{c.tie.String(), c.closed, c.cert, c.first, c.last})
	}
	return out
}

// changeOf returns tie i's start or end as a change.
func (r *ref) changeOf(i int, closed bool, cert conflict.Certainty) refChange {
	t := r.ties[i]
	if closed {
		return refChange{t, true, cert, r.spans[i].eLo, lastDay(t.End)}
	}
	return refChange{t, false, cert, r.spans[i].sLo, lastDay(t.Start)}
}

func viewOfChanges(cs []conflict.Change) []changeView {
	if cs == nil {
		return nil
	}
	out := make([]changeView, len(cs))
	for i, c := range cs {
		lo, _ := c.When().Window()
		out[i] = changeView{c.Tie.String(), c.Closed, c.Certainty, dayNum(lo), lastDay(c.When())}
	}
	return out
}

// timeline: every dated start and end of a tie touching id.
func (r *ref) timeline(id string) []changeView {
	var out []refChange
	for _, i := range r.byNode[id] {
		t := r.ties[i]
		if !t.Start.IsOpen() {
			out = append(out, r.changeOf(i, false, conflict.Definite))
		}
		if !t.End.IsOpen() {
			out = append(out, r.changeOf(i, true, conflict.Definite))
		}
	}
	return inOrder(out)
}

// history: the controls ties on loc.
func (r *ref) history(loc string) []string {
	var out []string
	for _, i := range r.byLoc[loc] {
		if r.ties[i].Kind == conflict.RelationControls {
			out = append(out, r.ties[i].String())
		}
	}
	return out
}

// changes: every dated start and end that may fall in the days [q1, q2);
// Definite when every day it may have happened on does.
func (r *ref) changes(q1, q2 int32) []changeView {
	var out []refChange
	if q1 >= q2 {
		return nil // no day in [q1, q2)
	}
	for i, t := range r.ties {
		for _, closed := range []bool{false, true} {
			if closed && t.End.IsOpen() || !closed && t.Start.IsOpen() {
				continue
			}
			c := r.changeOf(i, closed, conflict.Absent)
			switch {
			case q1 <= c.first && c.last < q2:
				c.cert = conflict.Definite
			case c.first < q2 && q1 <= c.last:
				c.cert = conflict.Possible
			default:
				continue
			}
			out = append(out, c)
		}
	}
	return inOrder(out)
}

// changeCounts: how many changes changes returns, by kind.
func (r *ref) changeCounts(q1, q2 int32) map[conflict.RelationKind]conflict.Count {
	out := map[conflict.RelationKind]conflict.Count{}
	if q1 >= q2 {
		return out
	}
	for i, t := range r.ties {
		for _, closed := range []bool{false, true} {
			if closed && t.End.IsOpen() || !closed && t.Start.IsOpen() {
				continue
			}
			c, n := r.changeOf(i, closed, conflict.Absent), out[t.Kind]
			switch {
			case q1 <= c.first && c.last < q2:
				n.Definite++
			case c.first < q2 && q1 <= c.last:
				n.Possible++
			}
			out[t.Kind] = n
		}
	}
	return out
}

// countsOf returns the counts of byKind of the given kinds, or every kind
// if none.
func countsOf(byKind map[conflict.RelationKind]conflict.Count, kinds ...conflict.RelationKind) conflict.Count {
	var n conflict.Count
	for k, c := range byKind {
		if len(kinds) == 0 || slices.Contains(kinds, k) {
			n.Definite += c.Definite
			n.Possible += c.Possible
		}
	}
	return n
}

// kindSets are the sets of kinds the reference test counts: every kind
// (none named), each kind alone, pairs, and a kind that is none.
var kindSets = [][]conflict.RelationKind{
	nil,
	{conflict.RelationSupports}, {conflict.RelationAllied}, {conflict.RelationFights}, {conflict.RelationOpposes},
	{conflict.RelationCeasefire}, {conflict.RelationPartOf}, {conflict.RelationControls}, {conflict.RelationBesieges},
	{conflict.RelationContests},
	{conflict.RelationControls, conflict.RelationFights}, {conflict.RelationSupports, conflict.RelationAllied, conflict.RelationSupports},
	{conflict.RelationKind(0)}, {conflict.RelationKind(200)},
}

// probes are the instants, ranges and IDs the reference test asks about.
type probes struct {
	rng       *rand.Rand
	ties      []conflict.Tie
	towns     []string // locations with territorial ties
	places    []string // every location
	parties   []string
	byDay     map[string][]int32 // for each node, the edge days of its ties
	allDays   []int32            // the edge days of every tie
	territory []int32            // the edge days of every territorial tie
}

var probeZones = []*time.Location{time.UTC, time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC-11", -11*3600), time.FixedZone("UTC+5:30", 5*3600+1800)}

func newProbes(c *conflict.Conflict, seed uint64) *probes {
	p := &probes{rng: rand.New(rand.NewPCG(seed, 99)), byDay: map[string][]int32{}}
	ds := c.Dataset()
	for _, a := range ds.Actors {
		p.parties = append(p.parties, a.ID)
	}
	for _, b := range ds.Backers {
		p.parties = append(p.parties, b.ID)
	}
	for _, l := range ds.Locations {
		p.places = append(p.places, l.ID)
	}
	towns := map[string]bool{}
	for t := range c.Ties() {
		p.ties = append(p.ties, t)
		days := edgeDays(t)
		p.byDay[t.From] = append(p.byDay[t.From], days...)
		p.byDay[t.To] = append(p.byDay[t.To], days...)
		p.allDays = append(p.allDays, days...)
		if t.Kind.Territorial() {
			towns[t.To] = true
			p.territory = append(p.territory, days...)
		}
	}
	for _, l := range p.places {
		if towns[l] {
			p.towns = append(p.towns, l)
		}
	}
	for k, v := range p.byDay {
		p.byDay[k] = compactDays(v)
	}
	p.allDays = compactDays(p.allDays)
	p.territory = compactDays(p.territory)
	return p
}

func compactDays(days []int32) []int32 {
	slices.Sort(days)
	return slices.Compact(days)
}

// edgeDays returns the days around the edges of t's windows: the day
// before, of and after the earliest and the latest day of each.
func edgeDays(t conflict.Tie) []int32 {
	var out []int32
	for _, b := range []conflict.Bound{t.Start, t.End} {
		if b.IsOpen() {
			continue
		}
		lo, hi := b.Window()
		for _, d := range []int32{dayNum(lo), dayNum(hi), lastDay(b)} {
			out = append(out, d-1, d, d+1)
		}
	}
	return out
}

// far instants: before and after any record, for open starts and ends.
var farInstants = []time.Time{
	{},
	time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(1000, 6, 1, 0, 0, 0, 0, time.UTC),
	time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
	time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2009, 12, 31, 23, 59, 59, 999999999, time.UTC),
	time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
	time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC),
}

// random returns n instants from mid-2008 to mid-2021, at random times of
// day, in random time probeZones.
func (p *probes) random(n int) []time.Time {
	lo := time.Date(2008, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	out := make([]time.Time, n)
	for i := range out {
		out[i] = time.Unix(lo+p.rng.Int64N(hi-lo), p.rng.Int64N(1e9)).In(probeZones[p.rng.IntN(len(probeZones))])
	}
	return out
}

// at returns instants on the given days: midnight UTC, and a share of them
// also a nanosecond before midnight (the day before) and late in the day,
// given in another time zone.
func (p *probes) at(days []int32, limit int) []time.Time {
	if limit > 0 && len(days) > limit {
		days = slices.Clone(days)
		p.rng.Shuffle(len(days), func(i, j int) { days[i], days[j] = days[j], days[i] })
		days = days[:limit]
	}
	var out []time.Time
	for _, d := range days {
		mid := time.Unix(int64(d)*86400, 0).UTC()
		out = append(out, mid)
		if p.rng.IntN(4) == 0 {
			out = append(out, mid.Add(-time.Nanosecond), mid.Add(23*time.Hour+59*time.Minute).In(probeZones[p.rng.IntN(len(probeZones))]))
		}
	}
	return out
}

// referenceDatasets are the generated records the reference test checks:
// each as added, and each written as a binary snapshot and read back in
// its place (snapshot set).
func referenceDatasets() []struct {
	name     string
	cfg      synth.Config
	snapshot bool
} {
	captures := synth.Default(3000)
	captures.Seed, captures.Captures = 7, 0.3
	vague := synth.Default(2000)
	vague.Seed, vague.Imprecise, vague.YearShare, vague.Disputed, vague.Refined = 3, 0.6, 0.5, 0.15, 0.1
	dense := synth.Default(2000)
	dense.Seed, dense.Actors, dense.Backers, dense.Locations, dense.Gaps = 5, 8, 3, 40, 0.4
	// Regions of two or three towns, so that a region rolls up to one holder
	// often, and a town may be contested with no holder.
	regions := synth.Default(2000)
	regions.Seed, regions.Locations, regions.Regions, regions.Actors, regions.Gaps = 9, 120, 45, 10, 0.4
	out := []struct {
		name     string
		cfg      synth.Config
		snapshot bool
	}{
		{"default", synth.Default(3000), false},
		{"captures", captures, false},
		{"imprecise-disputed", vague, false},
		{"dense", dense, false},
		{"small-regions", regions, false},
	}
	for _, d := range out {
		d.name, d.snapshot = d.name+"/snapshot", true
		out = append(out, d)
	}
	return out
}

// mismatches collects the differences found by one check, reporting the
// first few in full.
type mismatches struct {
	t     testing.TB
	what  string
	n     int
	quiet bool
}

func (m *mismatches) diff(where string, want, got any, opts ...gocmp.Option) {
	if gocmp.Equal(want, got, opts...) {
		return
	}
	d := gocmp.Diff(want, got, opts...)
	m.n++
	if !m.quiet && m.n <= 3 {
		m.t.Errorf("%s %s (-want +got):\n%s", m.what, where, d)
	}
}

// order reports a result out of its documented order.
func (m *mismatches) order(where, bad string) {
	if bad == "" {
		return
	}
	m.n++
	if !m.quiet && m.n <= 3 {
		m.t.Errorf("%s %s out of order: %s", m.what, where, bad)
	}
}

func (m *mismatches) done() {
	if !m.quiet && m.n > 3 {
		m.t.Errorf("%s: %d mismatches in all", m.what, m.n)
	}
}

func (r *ref) checkRelations(t testing.TB, instants []time.Time, quiet bool) int {
	m := &mismatches{t: t, what: "Moment.Relations", quiet: quiet}
	var got []int
	for _, at := range instants {
		q := dayNum(at)
		want := r.relations(q)
		got = got[:0]
		unknown := 0
		for tie := range r.c.At(at).Ties() {
			i, ok := r.index[idOf(tie)]
			if !ok {
				unknown++
				continue
			}
			got = append(got, i<<2|int(tie.Certainty))
		}
		slices.Sort(got)
		if unknown > 0 || !slices.Equal(want, got) {
			m.diff(fmt.Sprintf("at %v (day %d), %d ties not among Conflict.Ties", at, q, unknown), r.names(want), r.names(got))
		}
		byKind := map[conflict.RelationKind]conflict.Count{}
		for _, x := range want {
			n := byKind[r.ties[x>>2].Kind]
			if conflict.Certainty(x&3) == conflict.Definite {
				n.Definite++
			} else {
				n.Possible++
			}
			byKind[r.ties[x>>2].Kind] = n
		}
		for _, kinds := range kindSets {
			m.diff(fmt.Sprintf("Count(%v) at %v (day %d)", kinds, at, q), countsOf(byKind, kinds...), r.c.At(at).Count(kinds...))
		}
	}
	m.done()
	return m.n
}

func (r *ref) names(ids []int) []string {
	out := make([]string, len(ids))
	for k, x := range ids {
		out[k] = fmt.Sprintf("%v %v", r.ties[x>>2], conflict.Certainty(x&3))
	}
	return out
}

// refBudget is how many probes each check makes.
type refBudget struct {
	random     int // random instants
	edgeDays   int // days around tie edges, sampled; 0: all of them
	common     int // of those instants, how many every node is also asked about
	perNode    int // edge days of each node's own ties, sampled
	alliances  int // instants for Alliances
	ranges     int // random ranges for Changes
	rangeEdges int // edge days each giving four ranges for Changes
}

var (
	fullBudget  = refBudget{random: 3000, edgeDays: 0, common: 150, perNode: 600, alliances: 1500, ranges: 1500, rangeEdges: 1000}
	shortBudget = refBudget{random: 300, edgeDays: 400, common: 30, perNode: 60, alliances: 300, ranges: 150, rangeEdges: 100}
)

func TestReference(t *testing.T) {
	for _, d := range referenceDatasets() {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			var c conflict.Conflict
			if err := c.Add(synth.Generate(d.cfg)); err != nil {
				t.Fatal(err)
			}
			if d.snapshot {
				snapshotInPlace(t, &c)
			}
			r := newRef(t, &c)
			p := newProbes(&c, d.cfg.Seed)
			// In -short mode (and so under -race in CI) every check still
			// runs, on samples of the edge days.
			b := fullBudget
			if testing.Short() || raceEnabled {
				b = shortBudget
			}
			instants := append(p.random(b.random), farInstants...)
			instants = append(instants, p.at(p.allDays, b.edgeDays)...)

			t.Run("Tie.At", func(t *testing.T) {
				m := &mismatches{t: t, what: "Tie.At"}
				for i, tie := range r.ties {
					for _, at := range append(p.at(edgeDays(tie), 0), instants[:min(len(instants), b.common)]...) {
						if want, got := r.cert(i, dayNum(at)), tie.At(at); want != got {
							m.diff(fmt.Sprintf("of %v at %v", tie, at), want, got)
						}
					}
				}
				m.done()
			})
			t.Run("Relations", func(t *testing.T) {
				r.checkRelations(t, instants, false)
			})
			t.Run("Controller", func(t *testing.T) {
				m := &mismatches{t: t, what: "Moment.Controller"}
				check := func(loc string, at time.Time) {
					m.diff(fmt.Sprintf("of %s at %v", loc, at), r.controller(loc, dayNum(at)), viewOfControl(c.At(at).Controller(loc)))
				}
				common := instants[:min(len(instants), b.common)]
				for _, loc := range p.places {
					days := p.byDay[loc]
					if len(r.kids[loc]) > 0 {
						days = p.territory // every change below it
					}
					for _, at := range append(p.at(days, b.perNode), common...) {
						check(loc, at)
					}
				}
				check("no-such-place", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC))
				check(p.parties[0], time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)) // not a location
				m.done()
			})
			t.Run("Alliances", func(t *testing.T) {
				m := &mismatches{t: t, what: "Moment.Alliances"}
				for _, at := range instants[:min(len(instants), b.alliances)] {
					m.diff(fmt.Sprintf("at %v", at), r.alliances(dayNum(at)), c.At(at).Alliances())
				}
				m.done()
			})
			t.Run("Allies-Enemies-Backers", func(t *testing.T) {
				allies := &mismatches{t: t, what: "Moment.Allies"}
				enemies := &mismatches{t: t, what: "Moment.Enemies"}
				backers := &mismatches{t: t, what: "Moment.Backers"}
				for _, id := range p.parties {
					for _, at := range append(p.at(p.byDay[id], b.perNode), instants[:min(len(instants), b.common)]...) {
						q, m := dayNum(at), c.At(at)
						where := fmt.Sprintf("of %s at %v", id, at)
						allies.diff(where, r.allies(id, q), m.Allies(id))
						enemies.diff(where, r.enemies(id, q), m.Enemies(id))
						backers.diff(where, r.backers(id, q), m.Supporters(id))
					}
				}
				allies.done()
				enemies.done()
				backers.done()
			})
			t.Run("Timeline", func(t *testing.T) {
				m := &mismatches{t: t, what: "Conflict.Timeline"}
				for _, id := range append(slices.Clone(p.parties), p.places...) {
					// A node without ties gets an empty Timeline, an unknown ID
					// nil; the documentation says neither.
					m.diff("of "+id, r.timeline(id), viewOfChanges(c.Timeline(id)), cmpopts.EquateEmpty())
				}
				m.done()
			})
			t.Run("History", func(t *testing.T) {
				m := &mismatches{t: t, what: "Conflict.History"}
				for _, loc := range p.places {
					got := c.History(loc)
					var names []string
					for _, tie := range got {
						names = append(names, tie.String())
					}
					want := r.history(loc)
					slices.Sort(want)
					sorted := slices.Clone(names)
					slices.Sort(sorted)
					m.diff("of "+loc, want, sorted)
					for i := 1; i < len(got); i++ {
						a, b := refSpanOf(got[i-1]), refSpanOf(got[i])
						if b.sLo < a.sLo {
							m.order("of "+loc, fmt.Sprintf("%v before %v", got[i-1], got[i]))
						}
					}
				}
				m.done()
			})
			t.Run("Changes", func(t *testing.T) {
				m := &mismatches{t: t, what: "Conflict.Changes"}
				var ranges [][2]time.Time
				for _, at := range p.random(b.ranges) {
					ranges = append(ranges, [2]time.Time{at, at.Add(time.Duration(p.rng.IntN(400*24)) * time.Hour)})
				}
				// Ranges that begin or end on, just before or just after
				// each change's first and last day; and empty ranges.
				for _, at := range p.at(p.allDays, b.rangeEdges) {
					ranges = append(ranges,
						[2]time.Time{at, at.AddDate(0, 0, 1)},
						[2]time.Time{at, at.AddDate(0, 0, 30)},
						[2]time.Time{at.AddDate(0, -2, 0), at},
						[2]time.Time{at, at})
				}
				ranges = append(ranges, [2]time.Time{farInstants[0], farInstants[len(farInstants)-1]}, [2]time.Time{farInstants[len(farInstants)-1], farInstants[0]})
				counts := &mismatches{t: t, what: "Conflict.CountChanges"}
				for k, rg := range ranges {
					q1, q2 := dayNum(rg[0]), dayNum(rg[1])
					m.diff(fmt.Sprintf("from %v to %v", rg[0], rg[1]), r.changes(q1, q2), viewOfChanges(c.Changes(rg[0], rg[1])))
					byKind := r.changeCounts(q1, q2)
					for j, kinds := range kindSets {
						if kinds != nil && (k+j)%4 != 0 {
							continue // each range asks a quarter of the sets of kinds
						}
						counts.diff(fmt.Sprintf("of %v from %v to %v", kinds, rg[0], rg[1]), countsOf(byKind, kinds...), c.CountChanges(rg[0], rg[1], kinds...))
					}
				}
				m.done()
				counts.done()
			})
		})
	}
}

// TestReferenceCatchesOffByOne checks that the probes and the comparison
// would see an index that is wrong by one day at either end of a tie: it
// compares the library with a scan that is itself off by one (the index is
// right, so they must differ), rather than editing the library.
func TestReferenceCatchesOffByOne(t *testing.T) {
	var c conflict.Conflict
	if err := c.Add(synth.Generate(synth.Default(1000))); err != nil {
		t.Fatal(err)
	}
	p := newProbes(&c, 1)
	instants := p.at(p.allDays, fullBudget.edgeDays)
	if testing.Short() || raceEnabled {
		instants = p.at(p.allDays, shortBudget.edgeDays)
	}
	wrong := []struct {
		name string
		at   refOracle
	}{
		{"end inclusive", func(s refSpan, q int32) conflict.Certainty {
			s.eLo, s.eHi = s.eLo+1, s.eHi+1
			return documentedCert(s, q)
		}},
		{"start a day late", func(s refSpan, q int32) conflict.Certainty {
			s.sLo, s.sHi = s.sLo+1, s.sHi+1
			return documentedCert(s, q)
		}},
		{"definite one day too soon", func(s refSpan, q int32) conflict.Certainty {
			s.sHi--
			return documentedCert(s, q)
		}},
	}
	for _, w := range wrong {
		r := newRef(t, &c)
		r.at = w.at
		if n := r.checkRelations(t, instants, true); n == 0 {
			t.Errorf("a scan with its %s agrees with the library at every probe: the probes would not catch that error", w.name)
		}
	}
	r := newRef(t, &c)
	if n := r.checkRelations(t, instants, true); n != 0 {
		t.Errorf("the documented scan differs from the library at %d probes", n)
	}
}
