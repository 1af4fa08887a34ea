package conflict

import (
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// A Relation is one claim, on the word of its Sources, that From stands in a
// relation of Kind to To over the half-open span [Start, End).
//
// A zero Start means the relation holds from before the record begins; a zero
// End means no end is claimed: it holds until a later claim or event ends it.
// Several Relations may describe one period of one relation (two sources
// dating it differently); queries combine them into a [Tie].
//
// Its json tags give the object that stands for it in the dataset file, so
// encoding/json marshals and unmarshals a Relation in that form.
type Relation struct {
	Kind    RelationKind `json:"kind,omitzero"`
	From    string       `json:"from"`             // ID of a party
	To      string       `json:"to"`               // ID of a party or, for controls, besieges and contests, a location
	Start   Date         `json:"start,omitzero"`   // zero: since before the record begins
	End     Date         `json:"end,omitzero"`     // zero: no end claimed
	Support Support      `json:"support,omitzero"` // kinds of support; only for Supports
	Sources []string     `json:"sources"`          // IDs of sources; always written

	// StartSources and EndSources name the sources, among Sources, that
	// give Start and End; nil means all of Sources. A bound is vouched
	// for only by sources that could know it: see [ErrAnachronism].
	StartSources []string `json:"start_sources,omitempty"`
	EndSources   []string `json:"end_sources,omitempty"`

	Event string `json:"event,omitempty"` // ID of the event the claim comes from, if any
	Note  string `json:"note,omitempty"`

	// Alleged marks a claim its sources make as an allegation, not a fact
	// they vouch for (UCDP's external support data mark such claims
	// ext_alleged). Answers leave alleged claims out unless asked: see
	// [Conflict.WithAlleged].
	Alleged bool `json:"alleged,omitempty"`

	// Confidence is how far the claim is to be trusted, graded as the
	// Security Force Monitor grades every datum; zero is ungraded.
	Confidence Confidence `json:"confidence,omitzero"`

	// Attributes are other facts the source gives of the claim, by name:
	// a dataset's own columns, such as UCDP's intensity. The package keeps
	// them, and every answer's claims show them, but reads none.
	Attributes map[string]string `json:"attributes,omitempty"`
}

// RelationKind is the kind of a [Relation]. The zero RelationKind is invalid.
type RelationKind uint8

// The kinds of relation. RelationAllied, RelationFights, RelationCeasefire
// and RelationOpposes are symmetric: "a fights b" and "b fights a" are the
// same claim.
const (
	RelationSupports  RelationKind = iota + 1 // party → actor: sponsorship, with [Support] kinds
	RelationAllied                            // party — party
	RelationFights                            // party — party
	RelationCeasefire                         // party — party; suspends Fights while in force
	RelationPartOf                            // actor → actor, backer → backer: a faction of a larger party
	RelationControls                          // party → location: holds it
	RelationBesieges                          // party → location
	RelationContests                          // party → location: fighting for it, no clear holder
	RelationOpposes                           // party — party: hostile without fighting (political opposition, sanctions, a stated aim to remove); not suspended by a ceasefire
	numRelationKinds
)

var relationKindWords = []string{"", "supports", "allied", "fights", "ceasefire", "part-of", "controls", "besieges", "contests", "opposes"}

// String returns the kind's word, e.g. "part-of".
func (k RelationKind) String() string { return enumString(relationKindWords, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k RelationKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (k *RelationKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(relationKindWords[1:], "relation", b)
	*k = RelationKind(v + 1)
	if err != nil {
		*k = 0
	}
	return err
}

// Symmetric reports whether the kind is the same read in both directions
// (allied, fights, ceasefire, opposes).
func (k RelationKind) Symmetric() bool {
	return k == RelationAllied || k == RelationFights || k == RelationCeasefire || k == RelationOpposes
}

// Hostile reports whether the kind is a hostile tie (fights, opposes): the
// ties that put parties on different sides.
func (k RelationKind) Hostile() bool { return k == RelationFights || k == RelationOpposes }

// Positive reports whether the kind is a friendly tie (supports, allied,
// part-of): the ties that join parties into alliances.
func (k RelationKind) Positive() bool {
	return k == RelationSupports || k == RelationAllied || k == RelationPartOf
}

// Territorial reports whether the kind runs from a party to a location
// (controls, besieges, contests).
func (k RelationKind) Territorial() bool {
	return k == RelationControls || k == RelationBesieges || k == RelationContests
}

// endsOK reports whether a relation of kind k may run from a node of type
// from to one of type to.
func (k RelationKind) endsOK(from, to NodeType) bool {
	switch k {
	case RelationSupports:
		return from.IsParty() && to == NodeActor
	case RelationAllied, RelationFights, RelationCeasefire, RelationOpposes:
		return from.IsParty() && to.IsParty()
	case RelationPartOf:
		return from == to && from.IsParty()
	case RelationControls, RelationBesieges, RelationContests:
		return from.IsParty() && to == NodeLocation
	}
	return false
}

func (k RelationKind) endsWant() string {
	switch k {
	case RelationSupports:
		return "an actor or backer supports an actor"
	case RelationAllied, RelationFights, RelationCeasefire, RelationOpposes:
		return "both ends must be actors or backers"
	case RelationPartOf:
		return "an actor is part of an actor, a backer of a backer"
	}
	return "an actor or backer " + k.String() + " a location"
}

// Support is a set of kinds of support, modelled on the UCDP External
// Support Dataset. The zero Support is the empty set. Combine kinds with |.
type Support uint16

// The kinds of support.
const (
	SupportTroops Support = 1 << iota
	SupportAirPower
	SupportAdvisers
	SupportWeapons
	SupportFunding
	SupportTraining
	SupportIntelligence
	SupportTerritory // territory or bases
	numSupportBits   = iota
)

var supportWords = []string{"troops", "air-power", "advisers", "weapons", "funding", "training", "intelligence", "territory"}

// Has reports whether s includes every kind in k.
func (s Support) Has(k Support) bool { return s&k == k }

// All yields each kind in s, one bit at a time, in declaration order.
func (s Support) All() iter.Seq[Support] {
	return func(yield func(Support) bool) {
		for i := range numSupportBits {
			if b := Support(1) << i; s&b != 0 && !yield(b) {
				return
			}
		}
	}
}

// String returns the kinds' words joined by commas, e.g. "troops,air-power",
// in declaration order; "" for the empty set.
func (s Support) String() string {
	var b strings.Builder
	for i := range numSupportBits {
		if s&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(supportWords[i])
	}
	if rest := s &^ (1<<numSupportBits - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "support(%#x)", uint16(rest))
	}
	return b.String()
}

// words returns the kinds' words in declaration order, or nil for the empty
// set: the form the dataset file uses.
func (s Support) words() []string {
	var w []string
	for i := range numSupportBits {
		if s&(1<<i) != 0 {
			w = append(w, supportWords[i])
		}
	}
	return w
}

// ParseSupport returns the kind of support named by word ("air-power"), or an
// error that wraps [ErrKind].
func ParseSupport(word string) (Support, error) {
	if k := supportOf(word); k != 0 {
		return k, nil
	}
	return 0, fmt.Errorf("%w of support: %q", ErrKind, word)
}

// supportOf returns the kind of support named by word, or 0.
func supportOf(word string) Support {
	for i, w := range supportWords {
		if w == word {
			return 1 << i
		}
	}
	return 0
}

// MarshalJSON implements [encoding/json.Marshaler]: s is a list of its
// kinds' words, in declaration order, such as ["troops","air-power"]; the
// empty set is []. Bits that are no kind are an error that wraps [ErrKind].
func (s Support) MarshalJSON() ([]byte, error) {
	if rest := s &^ (1<<numSupportBits - 1); rest != 0 {
		return nil, fmt.Errorf("%w of support: %#x", ErrKind, uint16(rest))
	}
	b := []byte{'['}
	for i, w := range s.words() {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, w)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON implements [encoding/json.Unmarshaler]: it reads a list of
// words, as MarshalJSON writes; null and [] are the empty set. A word that
// is no kind of support is an error that wraps [ErrKind].
func (s *Support) UnmarshalJSON(data []byte) error {
	var v *Support
	err := readValue(data, "support", jsonscan.Array, codecSupport, func(r *reader) {
		v = new(Support)
		*v = r.support("support")
	})
	if err == nil && v != nil {
		*s = *v
	}
	return err
}
