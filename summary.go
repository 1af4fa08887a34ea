package conflict

import (
	"cmp"
	"slices"
)

// A Summary is everything in force at a moment, in plain form for printing
// or encoding as JSON. Every list is sorted; maps are encoded by
// encoding/json with sorted keys, so the JSON is deterministic.
type Summary struct {
	At        string              `json:"at"`        // the moment's UTC day, "2006-01-02"
	Control   map[string]*string  `json:"control"`   // every location → its definite holder, or nil when none is definite or it is contested
	Possible  map[string][]string `json:"possible"`  // locations without a definite holder → every party that possibly holds them
	Besieged  map[string][]string `json:"besieged"`  // besieged locations → their besiegers
	Alliances [][]string          `json:"alliances"` // as [Moment.Alliances]
	Backers   map[string][]string `json:"backers"`   // parties with backers → every party with a supports tie to them in force
	Fights    [][2]string         `json:"fights"`    // pairs [a, b], a < b, with a fights tie in force that no ceasefire or agreement surely suspends, sorted

	Opposes    [][2]string        `json:"opposes"`    // pairs [a, b], a < b, with an opposes tie in force, sorted
	Agreements []SummaryAgreement `json:"agreements"` // the agreements in force, definitely or possibly, sorted by ID
	Names      map[string]string  `json:"names"`      // every party → its name that day
}

// A SummaryAgreement is an agreement in force in a [Summary]: who it
// covers, leaves out and guarantees, by ID, each list sorted.
type SummaryAgreement struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Parties    []string `json:"parties"`
	Excluded   []string `json:"excluded"`
	Guarantors []string `json:"guarantors"`
}

// Summary returns everything in force at the moment. A definite holder is
// one party that alone holds the place with Certainty Definite, the place not
// contested; Possible lists the claimants of every other place that anyone
// may hold. It costs one Controller call per location plus the ties in
// force.
func (m Moment) Summary() Summary {
	st := m.snapshot()
	s := Summary{
		At:       m.day().String(),
		Control:  map[string]*string{},
		Possible: map[string][]string{},
		Besieged: map[string][]string{},
		Backers:  map[string][]string{},
		Fights:   [][2]string{},
		Opposes:  [][2]string{},
		Names:    map[string]string{},

		Agreements: []SummaryAgreement{},
	}
	for n, node := range st.rec.nodes {
		if node.typ != NodeLocation {
			continue
		}
		c := m.controller(int32(n))
		if c.Holder != "" && c.Certainty == Definite && c.State != ControlContested {
			h := c.Holder
			s.Control[c.Location] = &h
		} else {
			s.Control[c.Location] = nil
			possible := c.Claimants
			if c.Holder != "" {
				possible = []string{c.Holder}
			}
			if len(possible) > 0 {
				s.Possible[c.Location] = possible
			}
		}
		if len(c.Besiegers) > 0 {
			s.Besieged[c.Location] = c.Besiegers
		}
	}
	s.Alliances = m.Alliances()
	if s.Alliances == nil {
		s.Alliances = [][]string{}
	}
	truce := map[[2]string]Certainty{}
	for t := range m.Ties() {
		if t.Kind == RelationCeasefire {
			truce[[2]string{t.From, t.To}] = max(truce[[2]string{t.From, t.To}], t.Certainty)
		}
	}
	for t := range m.Ties() {
		switch t.Kind {
		case RelationSupports:
			s.Backers[t.To] = append(s.Backers[t.To], t.From)
		case RelationFights:
			pair := [2]string{t.From, t.To}
			if st.suspension(st.rec.nodeID[t.From], st.rec.nodeID[t.To], m.q, truce[pair]) != Definite {
				s.Fights = append(s.Fights, pair)
			}
		case RelationOpposes:
			s.Opposes = append(s.Opposes, [2]string{t.From, t.To})
		}
	}
	for id, b := range s.Backers {
		s.Backers[id] = sortedSet(b)
	}
	s.Fights = sortedPairs(s.Fights)
	s.Opposes = sortedPairs(s.Opposes)
	for _, a := range m.Agreements() {
		ag := a.Agreement
		s.Agreements = append(s.Agreements, SummaryAgreement{
			ID: ag.ID, Kind: ag.Kind.String(),
			Parties: sortedList(ag.Parties), Excluded: sortedList(ag.Excluded), Guarantors: sortedList(ag.Guarantors),
		})
	}
	for n, node := range st.rec.nodes {
		if node.typ.IsParty() {
			s.Names[node.id] = m.name(int32(n))
		}
	}
	return s
}

// sortedPairs sorts pairs and keeps each once.
func sortedPairs(ps [][2]string) [][2]string {
	slices.SortFunc(ps, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return slices.Compact(ps)
}

// sortedList returns a sorted copy of ids, never nil, for JSON.
func sortedList(ids []string) []string {
	out := append([]string{}, ids...)
	slices.Sort(out)
	return out
}
