package conflict

import (
	"cmp"
	"fmt"
	"iter"
	"slices"

	"github.com/conflictgraph/conflict/internal/days"
	"github.com/conflictgraph/conflict/internal/timeindex"
)

// An Agreement is a ceasefire, truce, cessation of hostilities,
// de-escalation or other deal, as its sources give it: the parties it
// covers, those it explicitly leaves out, its guarantors or co-chairs, and
// when it was in force, over the half-open span [Start, End) of days in the
// conflict's time zone (a zero Start: since before the record begins; a
// zero End: no end claimed).
//
// While in force it suspends the fighting between any two parties it
// covers, as a ceasefire relation between them does: [Moment.Enemies]
// leaves out, or marks Possible, an enemy under it, and [Moment.Sides] and
// [Summary] drop the fights it surely suspends. It never suspends the fights
// of an excluded party, nor any opposes tie. Guarantors are not covered
// unless also listed among the parties.
type Agreement struct {
	ID         string        `json:"id"`
	Kind       AgreementKind `json:"kind,omitzero"`
	Name       string        `json:"name,omitempty"` // e.g. "Cessation of hostilities"
	Parties    []string      `json:"parties"`        // IDs of the parties covered: two or more
	Excluded   []string      `json:"excluded,omitempty"`
	Guarantors []string      `json:"guarantors,omitempty"` // IDs of its guarantors, co-chairs or sponsors
	Start      Date          `json:"start,omitzero"`
	End        Date          `json:"end,omitzero"`
	Sources    []string      `json:"sources"`

	// StartSources and EndSources name the sources, among Sources, that
	// give the start (or the end); nil: all of them. A view as known on a
	// day before any of a bound's sources was published knows the
	// agreement without that bound ([Conflict.AsOf]).
	StartSources []string `json:"start_sources,omitempty"`
	EndSources   []string `json:"end_sources,omitempty"`
	Note         string   `json:"note,omitempty"`
}

func (a *Agreement) id() string { return a.ID }

// AgreementKind is the kind of an [Agreement]. The zero AgreementKind is
// unspecified.
type AgreementKind uint8

// The kinds of agreement.
const (
	AgreementCeasefire              AgreementKind = iota + 1 // ceasefire
	AgreementTruce                                           // truce: a ceasefire for a set time
	AgreementCessationOfHostilities                          // cessation-of-hostilities
	AgreementDeEscalation                                    // de-escalation: zones or a halt in some places
	AgreementDeal                                            // deal: an evacuation, an exchange, a political deal
)

var agreementKindWords = []string{"", "ceasefire", "truce", "cessation-of-hostilities", "de-escalation", "deal"}

// String returns the kind's word, e.g. "cessation-of-hostilities".
func (k AgreementKind) String() string { return enumString(agreementKindWords, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k AgreementKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (k *AgreementKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(agreementKindWords, "agreement", b)
	*k = AgreementKind(v)
	return err
}

func cloneAgreement(a Agreement) Agreement {
	a.Parties = slices.Clone(a.Parties)
	a.Excluded = slices.Clone(a.Excluded)
	a.Guarantors = slices.Clone(a.Guarantors)
	a.Sources = slices.Clone(a.Sources)
	a.StartSources = slices.Clone(a.StartSources)
	a.EndSources = slices.Clone(a.EndSources)
	return a
}

// checkAgreements checks the batch's agreements.
func (b *batch) checkAgreements() {
	for i := range b.ds.Agreements {
		a := &b.ds.Agreements[i]
		label := quoted(a.ID)
		switch _, dup := b.agreement(a.ID); {
		case checkID(a.ID) != "":
			b.fail(sectionAgreements, i, label, "id", a.ID, ErrBadID, checkID(a.ID))
		case dup || slices.ContainsFunc(b.ds.Agreements[:i], func(x Agreement) bool { return x.ID == a.ID }):
			b.fail(sectionAgreements, i, label, "id", a.ID, ErrDuplicateID, "")
		}
		if a.Kind >= AgreementKind(len(agreementKindWords)) {
			b.fail(sectionAgreements, i, label, "kind", a.Kind.String(), ErrKind, "")
		}
		if len(a.Parties) < 2 {
			b.fail(sectionAgreements, i, label, "parties", fmt.Sprint(a.Parties), ErrMissing, "an agreement covers two parties or more")
		}
		parties := func(field string, ids []string) {
			for k, id := range ids {
				if _, ok := b.checkParty(sectionAgreements, i, label, field, id); ok && slices.Contains(ids[:k], id) {
					b.fail(sectionAgreements, i, label, field, id, ErrDuplicateID, "named twice")
				}
			}
		}
		parties("parties", a.Parties)
		parties("excluded", a.Excluded)
		parties("guarantors", a.Guarantors)
		for _, id := range a.Excluded {
			if slices.Contains(a.Parties, id) {
				b.fail(sectionAgreements, i, label, "excluded", id, ErrEnds, "an agreement cannot exclude one of its own parties")
			}
			if slices.Contains(a.Guarantors, id) {
				b.fail(sectionAgreements, i, label, "guarantors", id, ErrEnds, "a guarantor of an agreement cannot be excluded from it")
			}
		}
		if !a.Start.IsZero() && !a.End.IsZero() && a.End.latest() <= a.Start.earliest() {
			b.fail(sectionAgreements, i, label, "end", a.End.String(), ErrSpan, "start is "+a.Start.String())
		}
		b.checkSourceList(sectionAgreements, i, label, a.Sources)
		b.checkBoundSources(sectionAgreements, i, label, a.Sources, boundSources{a.Start, a.StartSources}, boundSources{a.End, a.EndSources})
	}
}

// agreement reports whether the store has an agreement with the given ID.
func (b *batch) agreement(id string) (int, bool) {
	i := slices.IndexFunc(b.st.agreements, func(a Agreement) bool { return a.ID == id })
	return i, i >= 0
}

// An agreement as a snapshot keeps it: as the snapshot knows it, its
// parties as node numbers, and the days over which it is in force.
type agreementRec struct {
	known      Agreement
	parties    []int32
	excluded   []int32
	guarantors []int32
	w          timeindex.Window
}

// indexAgreements keeps the agreements the snapshot knows.
func (s *snapshot) indexAgreements() {
	for i := range s.rec.agreements {
		a := &s.rec.agreements[i]
		if !s.knowsAny(a.Sources) {
			continue
		}
		nodes := func(ids []string) []int32 {
			out := make([]int32, len(ids))
			for k, id := range ids {
				out[k] = s.rec.nodeID[id]
			}
			slices.Sort(out)
			return out
		}
		known := s.knownAgreement(a)
		s.agreements = append(s.agreements, agreementRec{
			known: known, parties: nodes(a.Parties), excluded: nodes(a.Excluded), guarantors: nodes(a.Guarantors),
			w: span(Bound{Date: known.Start}, Bound{Date: known.End}),
		})
	}
}

// knownAgreement returns agreement a as the snapshot knows it: the
// sources it knows, and a bound only if it knows one of the bound's
// sources.
func (s *snapshot) knownAgreement(a *Agreement) Agreement {
	if s.cut == nil {
		return cloneAgreement(*a)
	}
	k := cloneAgreement(*a)
	k.Sources = s.knownIDs(a.Sources)
	k.StartSources, k.EndSources = nil, nil
	if a.StartSources != nil {
		if k.StartSources = s.knownIDs(a.StartSources); k.StartSources == nil {
			k.Start = Date{}
		}
	}
	if a.EndSources != nil {
		if k.EndSources = s.knownIDs(a.EndSources); k.EndSources == nil {
			k.End = Date{}
		}
	}
	return k
}

// An AgreementAt is an agreement in force at a moment, and how sure that is.
type AgreementAt struct {
	Agreement Agreement
	Certainty Certainty
}

// Agreements returns the agreements in force at the moment, definitely or
// possibly, sorted by ID. It costs one look at each agreement of the
// record.
func (m Moment) Agreements() []AgreementAt {
	s := m.snapshot()
	var out []AgreementAt
	for _, a := range s.agreements {
		if c := certaintyOf(a.w.At(m.q)); c != Absent {
			out = append(out, AgreementAt{cloneAgreement(a.known), c})
		}
	}
	slices.SortFunc(out, func(a, b AgreementAt) int { return cmp.Compare(a.Agreement.ID, b.Agreement.ID) })
	return out
}

// suspension returns how sure it is that the fighting between parties a
// and b is suspended at day q: by a ceasefire tie between them (truce, the
// certainty of their ceasefire) or an agreement covering both.
func (s *snapshot) suspension(a, b int32, q days.Day, truce Certainty) Certainty {
	c := truce
	for _, ag := range s.agreements {
		if c == Definite {
			break
		}
		if _, ok := slices.BinarySearch(ag.parties, a); !ok {
			continue
		}
		if _, ok := slices.BinarySearch(ag.parties, b); !ok {
			continue
		}
		c = max(c, certaintyOf(ag.w.At(q)))
	}
	return c
}

// Agreement returns the agreement with the given ID: its parties, those it
// leaves out, its guarantors, and the dates it held and on whose word.
func (c *Conflict) Agreement(id string) (Agreement, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for _, a := range c.st.agreements {
		if a.ID == id {
			return cloneAgreement(a), true
		}
	}
	return Agreement{}, false
}

// Agreements yields every agreement, in the order added, in force or not,
// as [Conflict.Actors] does actors. [Moment.Agreements] gives those in
// force at a moment.
func (c *Conflict) Agreements() iter.Seq[Agreement] {
	c.mu.RLock()
	all := c.st.agreements
	c.mu.RUnlock()
	return func(yield func(Agreement) bool) {
		for _, a := range all {
			if !yield(cloneAgreement(a)) {
				return
			}
		}
	}
}

// Agreement returns the agreement with the given ID as known on the view's
// day: only the sources published by then, and a start or end only if one
// of the sources that give it was. It reports false for an agreement none
// of whose sources was published by then.
func (v View) Agreement(id string) (Agreement, bool) {
	for _, a := range v.snapshot().agreements {
		if a.known.ID == id {
			return cloneAgreement(a.known), true
		}
	}
	return Agreement{}, false
}

// Agreements yields the agreements the view knows, in the order added, as
// [View.Agreement] gives them.
func (v View) Agreements() iter.Seq[Agreement] {
	all := v.snapshot().agreements
	return func(yield func(Agreement) bool) {
		for _, a := range all {
			if !yield(cloneAgreement(a.known)) {
				return
			}
		}
	}
}
