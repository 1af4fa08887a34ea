package conflict

// An Event is the record of something that happened on a Date: a capture, a
// withdrawal, a siege laid or broken, an intervention, a ceasefire, an attack,
// a statement. Some kinds open and close relations at the event's date (see
// [EventKind]); each relation they open or close is a claim on the word of
// the event's Sources and names the event.
//
// Its json tags give the object that stands for it in the dataset file, so
// encoding/json marshals and unmarshals an Event in that form.
type Event struct {
	ID           string    `json:"id"`
	Kind         EventKind `json:"kind,omitzero"`
	Date         Date      `json:"date"`
	Location     string    `json:"location,omitempty"`     // ID of the location, if any
	Actors       []string  `json:"actors,omitempty"`       // IDs of the parties that acted; for a capture, the captor first
	Counterparts []string  `json:"counterparts,omitempty"` // IDs of the other side: whom an intervention supports, with whom a ceasefire is made, whom an attack targets, from whom a place is taken
	Support      Support   `json:"support,omitzero"`       // kinds of support an intervention gives
	Name         string    `json:"name,omitempty"`         // for a rename, the party's new name
	Sources      []string  `json:"sources"`                // IDs of sources; always written
	Note         string    `json:"note,omitempty"`

	// Participants are the parties that took part, each with its role and
	// its sources (see [Participant]); Figures are the numbers the sources
	// give of it, such as fatalities (see [Figure]). Neither opens or
	// closes relations.
	Participants []Participant `json:"participants,omitempty"`
	Figures      []Figure      `json:"figures,omitempty"`

	// Alleged and Confidence mark and grade the event as for [Relation]:
	// answers leave an alleged event, and what it opens and closes, out
	// unless asked.
	Alleged    bool       `json:"alleged,omitempty"`
	Confidence Confidence `json:"confidence,omitzero"`

	// Attributes are other facts the sources give of the event, by name,
	// as for [Relation].
	Attributes map[string]string `json:"attributes,omitempty"`
}

// EventKind is the kind of an [Event]. The zero EventKind is invalid.
//
// At the event's date, with L its Location:
//
//   - [EventCapture] opens controls from its first Actor, the captor, to L; ends
//     every other party's controls of L then in force; and ends the Actors'
//     besieges and contests of L. Any other Actors took part in the capture
//     without holding L.
//   - [EventWithdrawal] ends the Actors' controls, besieges and contests of L.
//   - [EventSiegeLaid] opens besieges from each Actor to L.
//   - [EventSiegeBroken] ends every besieges of L by a party not among the Actors
//     (the Actors are those who broke it).
//   - [EventIntervention] opens supports, with the event's Support kinds, from each
//     Actor to each Counterpart.
//   - [EventCeasefire] opens a ceasefire between each Actor and each
//     Counterpart.
//   - [EventRenamed] gives its one Actor the event's Name from its date, a
//     [DatedName] that ends where the party's next name begins. It is the
//     same party: every tie goes on.
//   - [EventMerged] ends every relation of each Actor, the merging parties,
//     then in force: they became its one Counterpart, a new party whose
//     ties the record states. (Ties that carried over are stated on it.)
//   - [EventSplit] records that its one Actor split from its one
//     Counterpart; it changes no relation.
//   - [EventJoined] opens part-of from its one Actor to its one
//     Counterpart; [EventLeft] ends it.
//   - [EventAttack], [EventAirstrike], [EventStatement] and [EventOther]
//     change no relation.
//
// Renames, mergers, splits, joins and departures are a party's lineage:
// see [Conflict.Lineage].
//
// Events are applied in an order that does not depend on the order of the
// records: by date as [Date.Compare] orders dates (the first day, then the
// wider window first), then kind, then ID. Captures of one place on the same
// date by different parties do not end each other: they are rival accounts
// of who took it, so each captor possibly holds the place from that date
// until a later change (a disagreement, not an error, even on one source's
// word).
//
// An event ends the period of a relation that is in force at its date. When
// none is, but the latest period that began before the date was ended by an
// event of the same kind (or at a date whose window nests with the event's),
// and no other party's period of that kind on the same target began in
// between, the two are two accounts of one change: both dates are kept as
// claims on that period's end, and they refine each other or, where they
// disagree, are both shown. Likewise an event that opens a relation already
// in force is another account of its start when that start was dated by an
// event of the same kind or at a nesting date; otherwise its claim joins the
// period in force — its sources and support kinds are kept — without dating
// it.
type EventKind uint8

// The kinds of event.
const (
	EventCapture EventKind = iota + 1
	EventWithdrawal
	EventSiegeLaid
	EventSiegeBroken
	EventIntervention
	EventCeasefire
	EventAttack
	EventAirstrike
	EventStatement
	EventRenamed // its one Actor took the Name given: see [DatedName]
	EventMerged  // its Actors merged into its one Counterpart, a new party
	EventSplit   // its one Actor split from its one Counterpart
	EventJoined  // its one Actor joined its one Counterpart: part-of opens
	EventLeft    // its one Actor left its one Counterpart: part-of closes
	EventOther
)

var eventKindWords = []string{"", "capture", "withdrawal", "siege-laid", "siege-broken", "intervention", "ceasefire", "attack", "airstrike", "statement",
	"renamed", "merged", "split", "joined", "left", "other"}

// String returns the kind's word, e.g. "siege-broken".
func (k EventKind) String() string { return enumString(eventKindWords, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (k *EventKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(eventKindWords[1:], "event", b)
	*k = EventKind(v + 1)
	if err != nil {
		*k = 0
	}
	return err
}

// needs returns which fields an event of kind k must have.
func (k EventKind) needs() (location, actors, counterparts bool) {
	switch k {
	case EventCapture, EventWithdrawal, EventSiegeLaid:
		return true, true, false
	case EventSiegeBroken:
		return true, false, false
	case EventIntervention, EventCeasefire, EventMerged, EventSplit, EventJoined, EventLeft:
		return false, true, true
	case EventRenamed:
		return false, true, false
	}
	return false, false, false
}

func (e *Event) id() string { return e.ID }
