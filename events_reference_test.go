package conflict_test

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/synth"
)

// The event reference test: Conflict.Events, and the same on a View, equal
// a plain filter of every event of the dataset and a sort, written from the
// documentation of EventQuery alone, for thousands of seeded queries whose
// ranges begin and end at the edges of the events' windows.

// eventDataset is a generated record with incidents, captures, weights and
// measures, its sources spread over the years so that views differ.
func eventDataset(seed uint64, relations int) conflict.Dataset {
	cfg := synth.Default(relations)
	cfg.Seed, cfg.Captures, cfg.Knowledge, cfg.Sources = seed, 0.3, true, 30
	cfg.Incidents, cfg.Weights, cfg.Measures = relations/2, true, relations/20
	return synth.Generate(cfg)
}

// evWindow returns the days (since 1970, UTC) of d's window: the first and
// the last.
func evWindow(d conflict.Date) (first, last int64) {
	start, end := d.Window()
	return int64(dayNum(start)), int64(dayNum(end)) - 1
}

// evRange returns the days [q1, q2) of a query: a zero From is no
// beginning, a zero To no end.
func evRange(from, to time.Time) (q1, q2 int64) {
	q1, q2 = math.MinInt64, math.MaxInt64
	if !from.IsZero() {
		q1 = int64(dayNum(from))
	}
	if !to.IsZero() {
		q2 = int64(dayNum(to))
	}
	return q1, q2
}

// evPlaces maps each location to the one it lies within.
func evPlaces(ds conflict.Dataset) map[string]string {
	within := map[string]string{}
	for _, l := range ds.Locations {
		within[l.ID] = l.Within
	}
	return within
}

// refEvents answers q from ds by filtering every event and sorting.
func refEvents(ds conflict.Dataset, within map[string]string, q conflict.EventQuery) []conflict.Happening {
	q1, q2 := evRange(q.From, q.To)
	if q1 >= q2 {
		return nil
	}
	var out []conflict.Happening
	order := map[string]int{}
	for i, e := range ds.Events {
		order[e.ID] = i
		first, last := evWindow(e.Date)
		if first >= q2 || last < q1 {
			continue
		}
		if q.Kinds != nil && !slices.Contains(q.Kinds, e.Kind) {
			continue
		}
		if q.Place != "" {
			at := e.Location
			for at != "" && at != q.Place {
				at = within[at]
			}
			if at == "" {
				continue
			}
		}
		if q.Party != "" && !slices.Contains(e.Actors, q.Party) && !slices.Contains(e.Counterparts, q.Party) &&
			!slices.ContainsFunc(e.Participants, func(p conflict.Participant) bool { return p.Party == q.Party }) {
			continue
		}
		c := conflict.Possible
		if q1 <= first && last < q2 {
			c = conflict.Definite
		}
		out = append(out, conflict.Happening{Event: e, Certainty: c})
	}
	slices.SortFunc(out, func(a, b conflict.Happening) int {
		af, al := evWindow(a.Event.Date)
		bf, bl := evWindow(b.Event.Date)
		return cmp.Or(cmp.Compare(af, bf), cmp.Compare(al, bl), cmp.Compare(order[a.Event.ID], order[b.Event.ID]))
	})
	return out
}

// evQueries draws n queries: ranges at the edges of the events' windows
// (the day before, the first, the last, the day after), open now and then,
// and places, parties and kinds of the record now and then.
func evQueries(ds conflict.Dataset, seed uint64, n int) []conflict.EventQuery {
	rng := rand.New(rand.NewPCG(seed, 99))
	var edges []time.Time
	for _, e := range ds.Events {
		start, end := e.Date.Window()
		edges = append(edges, start.AddDate(0, 0, -1), start, start.Add(time.Hour), end.AddDate(0, 0, -1), end, end.Add(-time.Nanosecond))
	}
	var places, parties []string
	for _, l := range ds.Locations {
		places = append(places, l.ID)
	}
	for _, a := range ds.Actors {
		parties = append(parties, a.ID)
	}
	for _, b := range ds.Backers {
		parties = append(parties, b.ID)
	}
	kinds := []conflict.EventKind{conflict.EventCapture, conflict.EventAttack, conflict.EventAirstrike, conflict.EventStatement, conflict.EventOther, conflict.EventWithdrawal}
	out := make([]conflict.EventQuery, n)
	for i := range out {
		q := &out[i]
		if rng.IntN(5) != 0 {
			q.From = edges[rng.IntN(len(edges))]
		}
		if rng.IntN(5) != 0 {
			q.To = edges[rng.IntN(len(edges))]
			if rng.IntN(3) != 0 && q.To.Before(q.From) {
				q.From, q.To = q.To, q.From
			}
		}
		if rng.IntN(3) == 0 {
			q.Place = places[rng.IntN(len(places))]
			if rng.IntN(4) == 0 {
				q.Place = "country" // every place
			}
		}
		if rng.IntN(3) == 0 {
			q.Party = parties[rng.IntN(len(parties))]
		}
		if rng.IntN(3) == 0 {
			for range 1 + rng.IntN(3) {
				q.Kinds = append(q.Kinds, kinds[rng.IntN(len(kinds))])
			}
		}
	}
	return out
}

// sameHappenings reports whether a and b are equal, as go-cmp would find
// them, but faster: go-cmp is left to describe the differences.
func sameHappenings(a, b []conflict.Happening) bool {
	return slices.EqualFunc(a, b, func(x, y conflict.Happening) bool {
		return x.Certainty == y.Certainty && reflect.DeepEqual(x.Event, y.Event) &&
			x.Change.Closed == y.Change.Closed && x.Change.Certainty == y.Change.Certainty && x.Change.Tie.Equal(y.Change.Tie)
	})
}

// checkEvents compares events(q) with the reference on ds for every query.
func checkEvents(t *testing.T, what string, ds conflict.Dataset, events func(conflict.EventQuery) []conflict.Happening, qs []conflict.EventQuery) {
	t.Helper()
	m := &mismatches{t: t, what: what}
	within := evPlaces(ds)
	total := 0
	for _, q := range qs {
		want, got := refEvents(ds, within, q), events(q)
		total += len(want)
		if !sameHappenings(want, got) {
			m.diff(fmt.Sprintf("%+v", q), want, got)
		}
	}
	m.done()
	if total == 0 && len(ds.Events) > 0 {
		t.Errorf("%s: no query found an event", what)
	}
}

func TestEventsReference(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 600
	}
	for _, seed := range []uint64{21, 22} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			ds := eventDataset(seed, 2000)
			c := new(conflict.Conflict)
			if err := c.Add(ds); err != nil {
				t.Fatal(err)
			}
			checkEvents(t, "Conflict.Events", c.Dataset(), c.Events, evQueries(ds, seed, n))

			// Unknown IDs, places given as parties and the reverse, and
			// kinds that are no kind match nothing.
			for _, q := range []conflict.EventQuery{{Place: "nowhere"}, {Party: "nobody"}, {Place: ds.Actors[0].ID}, {Party: "country"},
				{Kinds: []conflict.EventKind{0, 200}}} {
				if got := c.Events(q); got != nil {
					t.Errorf("Events(%+v) = %d events, want none", q, len(got))
				}
			}
		})
	}
}

// knownAll returns the part of ds known on day k, participants, figures,
// measures and populations included: each kept when one of its own
// sources is known (a participant or figure with none of its own rests on
// the event's), with only those sources.
func knownAll(ds conflict.Dataset, k time.Time) conflict.Dataset {
	keep := knownSources(ds, k)
	out := knownDataset(ds, k)
	for i := range out.Events {
		e := &out.Events[i]
		var ps []conflict.Participant
		for _, p := range e.Participants {
			if p.Sources != nil {
				if p.Sources = keep(p.Sources); p.Sources == nil {
					continue
				}
			}
			ps = append(ps, p)
		}
		var fs []conflict.Figure
		for _, f := range e.Figures {
			if f.Sources != nil {
				if f.Sources = keep(f.Sources); f.Sources == nil {
					continue
				}
			}
			fs = append(fs, f)
		}
		e.Participants, e.Figures = ps, fs
	}
	out.Locations = nil
	for _, l := range ds.Locations {
		if p := l.Population; p != nil {
			q := *p
			if q.Sources = keep(p.Sources); q.Sources == nil {
				l.Population = nil
			} else {
				l.Population = &q
			}
		}
		out.Locations = append(out.Locations, l)
	}
	for _, m := range ds.Measures {
		if m.Sources = keep(m.Sources); m.Sources != nil {
			out.Measures = append(out.Measures, m)
		}
	}
	return out
}

// knowledgeDays returns days on which the record's knowledge changes (the
// day a source becomes known, and the day before) and a few others.
func knowledgeDays(ds conflict.Dataset, rng *rand.Rand, n int) []time.Time {
	var ks []time.Time
	for _, s := range ds.Sources {
		if s.Published.IsZero() {
			continue
		}
		start, end := s.Published.Window()
		if s.Published.Precision() != conflict.PrecisionDay {
			start = end
		}
		ks = append(ks, start, start.AddDate(0, 0, -1))
	}
	rng.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
	ks = ks[:min(len(ks), n)]
	return append(ks, time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
}

func TestEventsViewReference(t *testing.T) {
	ds := eventDataset(23, 1500)
	c := new(conflict.Conflict)
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(23, 5))
	views, queries := 10, 400
	if testing.Short() {
		views, queries = 4, 150
	}
	qs := evQueries(ds, 23, queries)
	for _, k := range knowledgeDays(ds, rng, views) {
		part := knownAll(ds, k)
		var known conflict.Conflict
		if err := known.AddLettingTwoHolders(part); err != nil {
			t.Fatalf("the part known on %s does not load: %v", k, err)
		}
		v := c.AsOf(k)
		what := "View.Events as of " + k.Format(time.DateOnly)
		checkEvents(t, what, known.Dataset(), v.Events, qs)
		m := &mismatches{t: t, what: what}
		for _, q := range qs {
			if want, got := known.Events(q), v.Events(q); !sameHappenings(want, got) {
				m.diff(fmt.Sprintf("%+v", q), want, got)
			}
		}
		m.done()
	}
}

// TestHappened: Happened is Events and Changes over the range, merged in
// the documented order.
func TestHappened(t *testing.T) {
	ds := eventDataset(24, 1500)
	c := new(conflict.Conflict)
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	days := func(h conflict.Happening) (int64, int64) {
		if h.IsEvent() {
			return evWindow(h.Event.Date)
		}
		w := h.Change.When()
		first, _ := evWindow(w.Date)
		last := w.Date
		if w.Disputed() {
			last = w.Last
		}
		_, l := evWindow(last)
		return first, l
	}
	m := &mismatches{t: t, what: "Happened"}
	for _, q := range evQueries(ds, 24, 300) {
		if q.To.IsZero() {
			q.To = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		want := c.Events(conflict.EventQuery{From: q.From, To: q.To})
		for _, ch := range c.Changes(q.From, q.To) {
			want = append(want, conflict.Happening{Change: ch, Certainty: ch.Certainty})
		}
		slices.SortStableFunc(want, func(a, b conflict.Happening) int {
			af, al := days(a)
			bf, bl := days(b)
			ae, be := 0, 0
			if !a.IsEvent() {
				ae = 1
			}
			if !b.IsEvent() {
				be = 1
			}
			return cmp.Or(cmp.Compare(af, bf), cmp.Compare(al, bl), cmp.Compare(ae, be))
		})
		if len(want) == 0 {
			want = nil
		}
		got := c.Happened(q.From, q.To)
		if len(got) == 0 {
			got = nil
		}
		if !sameHappenings(want, got) {
			m.diff(fmt.Sprintf("[%v, %v)", q.From, q.To), want, got)
		}
	}
	m.done()
	v := c.AsOf(time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC))
	from, to := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	var events, changes int
	for _, h := range v.Happened(from, to) {
		if h.IsEvent() {
			events++
		} else {
			changes++
		}
	}
	if events != len(v.Events(conflict.EventQuery{From: from, To: to})) || changes != len(v.Changes(from, to)) {
		t.Errorf("View.Happened: %d events and %d changes, want %d and %d", events, changes, len(v.Events(conflict.EventQuery{From: from, To: to})), len(v.Changes(from, to)))
	}
}
