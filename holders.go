package conflict

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// checkHolders finds places that two parties would hold definitely at one
// instant on the word of a common source, with no contests relation there.
// Only the places the batch touches are checked: every other place was
// checked when its records were added.
func (b *batch) checkHolders(facts []fact, evs []happening) {
	newFacts := map[int32][]fact{}
	for _, f := range facts {
		if f.kind.Territorial() {
			newFacts[f.to] = append(newFacts[f.to], f)
		}
	}
	newEvs := map[int32][]happening{}
	for _, e := range evs {
		if e.loc >= 0 {
			newEvs[e.loc] = append(newEvs[e.loc], e)
		}
	}
	places := make([]int32, 0, len(newFacts)+len(newEvs))
	for p := range newFacts {
		places = append(places, p)
	}
	for p := range newEvs {
		if _, ok := newFacts[p]; !ok {
			places = append(places, p)
		}
	}
	slices.Sort(places)
	var locRels, locEvents map[int32][]int32
	if len(b.st.rels) > 0 || len(b.st.events) > 0 {
		locRels, locEvents = b.st.onLocations()
	}
	// Places are independent: check them on every core, then report in
	// the order of the places.
	found := make([]*twoHolders, len(places))
	workers := min(runtime.GOMAXPROCS(0), len(places)/64+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(places); i += workers {
				loc := places[i]
				found[i] = b.checkPlace(loc, locRels[loc], locEvents[loc], newFacts[loc], newEvs[loc])
			}
		})
	}
	wg.Wait()
	for _, f := range found {
		if f != nil {
			b.failHolders(f)
		}
	}
}

// twoHolders is two periods of control of one place that hold definitely at
// once, from the day given, on the word of a common source.
type twoHolders struct {
	loc  int32
	p, q *period
	day  days.Day
	src  int32
}

// checkPlace checks one place, with the records already on it and the
// batch's facts and events on it. It only reads the batch and the store.
func (b *batch) checkPlace(loc int32, oldRels, oldEvs []int32, newFacts []fact, newEvs []happening) *twoHolders {
	var facts []fact
	for _, i := range oldRels {
		r := &b.st.rels[i]
		facts = append(facts, fact{kind: r.kind, from: r.from, to: r.to, start: r.start, end: r.end, support: r.support, id: i})
	}
	facts = append(facts, newFacts...)
	var evs []happening
	for _, i := range oldEvs {
		evs = append(evs, b.st.happening(i))
	}
	evs = append(evs, newEvs...)
	type hold struct {
		p *period
		w timeindex.Window // definitely held over [SureLo, SureHi), possibly over [Lo, Hi)
	}
	var holds, contests []hold
	ps := derive(facts, evs)
	for i := range ps {
		p := &ps[i]
		h := hold{p: p, w: span(p.start, p.end)}
		switch p.kind {
		case RelationControls:
			if h.w.SureLo < h.w.SureHi {
				holds = append(holds, h)
			}
		case RelationContests:
			contests = append(contests, h)
		}
	}
	slices.SortFunc(holds, func(a, b hold) int { return cmp.Compare(a.w.SureLo, b.w.SureLo) })
	var active []hold
	for _, h := range holds {
		active = slices.DeleteFunc(active, func(a hold) bool { return a.w.SureHi <= h.w.SureLo })
		for _, a := range active {
			if a.p.from == h.p.from || rivalCaptures(a.p, h.p) {
				continue
			}
			lo, hi := h.w.SureLo, min(a.w.SureHi, h.w.SureHi)
			if slices.ContainsFunc(contests, func(c hold) bool { return c.w.Lo < hi && lo < c.w.Hi }) {
				continue
			}
			common := b.commonSource(a.p, h.p)
			if common < 0 {
				continue // sources that disagree: kept and shown, not an error
			}
			return &twoHolders{loc: loc, p: a.p, q: h.p, day: lo, src: common}
		}
		active = append(active, h)
	}
	return nil
}

// commonSource returns a source cited by claims of both periods, or -1.
func (b *batch) commonSource(p, q *period) int32 {
	var ps []int32
	for _, c := range p.claims {
		ps = append(ps, b.claimSources(c)...)
	}
	for _, c := range q.claims {
		for _, s := range b.claimSources(c) {
			if slices.Contains(ps, s) {
				return s
			}
		}
	}
	return -1
}

func (b *batch) claimSources(c claim) []int32 {
	if c.rel >= 0 {
		if int(c.rel) < len(b.st.rels) {
			return b.st.srcSets[b.st.rels[c.rel].srcs]
		}
		return b.sourceSet(b.relation(int(c.rel) - len(b.st.rels)).Sources)
	}
	if int(c.ev) < len(b.st.events) {
		return b.st.srcSets[b.st.evSrcs[c.ev]]
	}
	return b.sourceSet(b.ds.Events[int(c.ev)-len(b.st.events)].Sources)
}

func (b *batch) sourceSet(ids []string) []int32 {
	set := make([]int32, 0, len(ids))
	for _, id := range ids {
		if s, ok := b.source(id); ok {
			set = append(set, s)
		}
	}
	return set
}

func (b *batch) failHolders(f *twoHolders) {
	loc, p, q, day, src := f.loc, f.p, f.q, f.day, f.src
	// Blame a record of the batch: the last claim of either period that
	// the batch adds.
	section, idx, label := "", -1, plain("")
	for _, c := range append(slices.Clone(p.claims), q.claims...) {
		switch {
		case c.rel >= int32(len(b.st.rels)):
			i := int(c.rel) - len(b.st.rels)
			r := b.relation(i)
			if section != sectionRelations || i > idx {
				section, idx, label = sectionRelations, i, plain(relLabel{r.From, r.Kind.String(), r.To}.String())
			}
		case c.rel < 0 && c.ev >= int32(len(b.st.events)) && section != sectionRelations:
			i := int(c.ev) - len(b.st.events)
			if i > idx {
				section, idx, label = sectionEvents, i, plain(quoted(b.ds.Events[i].ID).String())
			}
		}
	}
	srcID := ""
	if int(src) < len(b.st.sources) {
		srcID = b.st.sources[src].ID
	} else {
		srcID = b.ds.Sources[int(src)-len(b.st.sources)].ID
	}
	where := b.idOf(loc)
	when := "on " + dayDate(day).String()
	if day == days.OpenStart {
		when = "from an open start (since before the record begins)"
	}
	detail := fmt.Sprintf("%s and %s would both definitely hold %s %s on the word of %s, and no contests relation covers it",
		b.idOf(p.from), b.idOf(q.from), where, when, srcID)
	field := "to"
	if section == sectionEvents {
		field = "location"
	}
	b.fail(section, idx, label, field, where, ErrTwoHolders, detail)
}

// rivalCaptures reports whether two periods of control were each opened or
// joined by a capture on one date: rival accounts of who took the place,
// shown as a disagreement, not two holders.
func rivalCaptures(p, q *period) bool {
	captured := func(p *period) []Date {
		var ds []Date
		for _, c := range p.claims {
			if c.ev >= 0 && !c.end {
				ds = append(ds, c.date)
			}
		}
		return ds
	}
	for _, d := range captured(p) {
		if slices.Contains(captured(q), d) {
			return true
		}
	}
	return false
}
