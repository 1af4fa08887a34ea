package conflict

import (
	"fmt"
	"slices"
	"strconv"
)

// A Participant is one party's part in an [Event], on the word of its own
// sources: the party that acted, one that fought alongside it, one that
// supported it (with kinds of support, as Russian air power at Palmyra in
// March 2016), the party that defended, or the one targeted.
//
// Participants say who took part and how; they do not open or close
// relations, which stay the work of the event's Actors and Counterparts
// (see [EventKind]). A party may be among an event's Actors or Counterparts
// and among its Participants too, to give its role and sources. Every
// participant counts as taking part in the event for [EventQuery].Party.
//
// Its json tags give the object that stands for it in an event's
// "participants" list in the dataset file.
type Participant struct {
	Party   string  `json:"party"`            // ID of an actor or a backer
	Role    Role    `json:"role,omitzero"`    // required
	Support Support `json:"support,omitzero"` // kinds of support; only for RoleSupporter

	// Sources are the IDs of the sources that say the party took part in
	// this role: any sources of the record, among the event's or not (a
	// statement may name a backer that the report of the event does not).
	// Nil means the event's own sources. As for the event, none may be
	// published before the event's date.
	Sources []string `json:"sources,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// Role is the part a [Participant] took in an event. The zero Role is
// invalid.
type Role uint8

// The roles.
const (
	RoleActor     Role = iota + 1 // acted: the captor of a capture, the attacker of an attack, the party that withdrew or struck (ACLED's first actor)
	RoleAlongside                 // fought with the actor (ACLED's associated actors)
	RoleSupporter                 // supported the actor from outside the fighting, with kinds of support: air power, artillery, advisers
	RoleDefender                  // resisted: the party attacked, or from whom a place was taken
	RoleTarget                    // was targeted without fighting back: a party struck or named as the target
)

var roleWords = []string{"", "actor", "alongside", "supporter", "defender", "target"}

// String returns the role's word, e.g. "supporter".
func (r Role) String() string { return enumString(roleWords, uint8(r)) }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is
// an error that wraps [ErrKind].
func (r *Role) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(roleWords[1:], "role", b)
	*r = Role(v + 1)
	if err != nil {
		*r = 0
	}
	return err
}

// checkParticipants checks the participants of event i.
func (b *batch) checkParticipants(i int, label fmt.Stringer, e *Event) {
	for k := range e.Participants {
		p := &e.Participants[k]
		field := func(name string) string { return partField("participants", k, name) }
		if p.Party == "" {
			b.fail(sectionEvents, i, label, field("party"), "", ErrMissing, "")
		} else {
			b.checkParty(sectionEvents, i, label, field("party"), p.Party)
		}
		roleOK := p.Role > 0 && p.Role < Role(len(roleWords))
		switch {
		case p.Role == 0:
			b.fail(sectionEvents, i, label, field("role"), "", ErrMissing, "")
		case !roleOK:
			b.fail(sectionEvents, i, label, field("role"), p.Role.String(), ErrKind, "")
		}
		if p.Support != 0 && roleOK && p.Role != RoleSupporter {
			b.fail(sectionEvents, i, label, field("support"), p.Support.String(), ErrKind, "only supporters have kinds of support")
		}
		if p.Support>>numSupportBits != 0 {
			b.fail(sectionEvents, i, label, field("support"), p.Support.String(), ErrKind, "")
		}
		same := func(q Participant) bool { return q.Party == p.Party && q.Role == p.Role }
		if p.Party != "" && p.Role != 0 && slices.ContainsFunc(e.Participants[:k], same) {
			b.fail(sectionEvents, i, label, field("party"), p.Party, ErrDuplicateID, "takes part twice as "+p.Role.String())
		}
		b.checkCited(sectionEvents, i, label, "participants", k, e.Date, p.Sources)
	}
}

// checkEventParts checks the participants and figures of the batch's
// events.
func (b *batch) checkEventParts() {
	for i := range b.ds.Events {
		if e := &b.ds.Events[i]; len(e.Participants) > 0 || len(e.Figures) > 0 {
			label := quoted(e.ID)
			b.checkParticipants(i, label, e)
			b.checkFigures(i, label, e)
		}
	}
}

// checkCited checks the sources that part k of a list of record i of
// section names for itself (a participant, a figure; or with k < 0, the
// record's population): each known, none twice, none published before
// date.
func (b *batch) checkCited(section string, i int, label fmt.Stringer, list string, k int, date Date, ids []string) {
	for j, id := range ids {
		s, ok := b.sourceRec(id)
		switch {
		case !ok:
			b.fail(section, i, label, partField(list, k, "sources"), id, ErrUnknownID, "")
		case slices.Contains(ids[:j], id):
			b.fail(section, i, label, partField(list, k, "sources"), id, ErrDuplicateID, "cited twice")
		case predates(s.Published, date):
			b.fail(section, i, label, partField(list, k, "sources"), id, ErrAnachronism,
				fmt.Sprintf("%s, published %s, cannot vouch for %s", id, s.Published, date))
		}
	}
}

// partField names a field of part k of a list in a record, as
// "participants[1].role"; with k < 0, a field of an object in a record, as
// "population.count". It is made only for an error.
func partField(list string, k int, name string) string {
	if k < 0 {
		return list + "." + name
	}
	return list + "[" + strconv.Itoa(k) + "]." + name
}

// cloneParticipants returns a copy of ps that shares no memory with it;
// nil when ps is empty.
func cloneParticipants(ps []Participant) []Participant {
	if len(ps) == 0 {
		return nil
	}
	ids := 0
	for _, p := range ps {
		ids += len(p.Sources)
	}
	a := eventArena{ids: make([]string, 0, ids)}
	out := slices.Clone(ps)
	for i := range out {
		out[i].Sources = a.strings(out[i].Sources)
	}
	return out
}

// cloneIDs returns a copy of ids; nil when ids is empty, as the dataset
// file reads an empty list.
func cloneIDs(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	return slices.Clone(ids)
}
