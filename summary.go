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
	Fights    [][2]string         `json:"fights"`    // pairs [a, b], a < b, with a fights tie in force, sorted
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
	for t := range m.Ties() {
		switch t.Kind {
		case RelationSupports:
			s.Backers[t.To] = append(s.Backers[t.To], t.From)
		case RelationFights:
			s.Fights = append(s.Fights, [2]string{t.From, t.To})
		}
	}
	for id, b := range s.Backers {
		s.Backers[id] = sortedSet(b)
	}
	slices.SortFunc(s.Fights, func(a, b [2]string) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	s.Fights = slices.Compact(s.Fights)
	return s
}
