package conflict

import (
	"unsafe"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// A conflict's nodes are of three types that share one ID space: actors,
// the warring parties on the ground; backers, the outside sponsors; and
// locations. Actors and backers together are the parties.

// An Actor is a warring party on the ground: a government, an armed force, a
// militia, a rebel or jihadist group, a coalition of groups.
//
// The json tags of Actor, [Backer], [Location] and [Point] give the objects
// that stand for them in the dataset file, so encoding/json marshals and
// unmarshals them in that form.
type Actor struct {
	ID      string    `json:"id"`                // short unique slug, e.g. "isis"
	Name    string    `json:"name"`              // display name, e.g. "Islamic State"
	Kind    ActorKind `json:"kind,omitzero"`     // optional
	Aliases []string  `json:"aliases,omitempty"` // other names it is known by, e.g. "ISIL", "Daesh"
	Note    string    `json:"note,omitempty"`    // optional

	// Names are the names it went by over time, each a dated claim (see
	// [DatedName]): Jabhat al-Nusra was Jabhat Fateh al-Sham from
	// 2016-07-28. Name is the name outside them.
	Names []DatedName `json:"names,omitempty"`
}

// A Backer is an outside sponsor of warring parties: a foreign state, a
// coalition of states, an organization. A backer may also fight and hold
// ground itself.
type Backer struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Kind    BackerKind  `json:"kind,omitzero"` // optional
	Aliases []string    `json:"aliases,omitempty"`
	Note    string      `json:"note,omitempty"`
	Names   []DatedName `json:"names,omitempty"` // as for [Actor]
}

// A Location is a place: a country, a region, a city, an airbase. It may lie
// Within another location (Palmyra within Homs governorate within Syria) and
// may have a Point.
type Location struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	Kind    LocationKind `json:"kind,omitzero"` // optional
	Aliases []string     `json:"aliases,omitempty"`
	Within  string       `json:"within,omitempty"` // ID of the location that contains this one; "" if none
	Point   *Point       `json:"point,omitempty"`  // nil if unknown
	Note    string       `json:"note,omitempty"`

	// Area is the place's area in square kilometres, 0 if unknown, and
	// Population how many people live there, nil if unknown: the weights
	// of [Moment.Territory]. A place with either has a Point.
	Area       float64     `json:"area_km2,omitempty"`
	Population *Population `json:"population,omitempty"`
}

// A Point is a position on the WGS 84 ellipsoid in decimal degrees: Lat in
// [-90, 90], Lon in [-180, 180].
type Point struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// UnmarshalJSON implements [encoding/json.Unmarshaler]. A point needs both
// lat and lon: one missing is an error that wraps [ErrMissing], an unknown
// key one that wraps [ErrFormat]. Null leaves p as it is.
func (p *Point) UnmarshalJSON(data []byte) error {
	var q unsafe.Pointer
	err := readValue(data, "point", jsonscan.Object, codecObject, func(r *reader) { q = r.nested(pointFormat, "point") })
	if err == nil && q != nil {
		*p = *(*Point)(q)
	}
	return err
}

// A Node is the common view of an actor, backer or location: what a query
// needs to name and draw it.
type Node struct {
	ID   string
	Type NodeType
	Name string
	Kind string // the actor, backer or location kind as its word; "" if unset
}

// NodeType says whether a node is an actor, a backer or a location. The zero
// NodeType is no type.
type NodeType uint8

// The types of node.
const (
	NodeActor NodeType = iota + 1
	NodeBacker
	NodeLocation
)

var nodeTypeWords = []string{"", "actor", "backer", "location"}

// String returns "actor", "backer", "location", or "" for the zero NodeType.
func (t NodeType) String() string { return enumString(nodeTypeWords, uint8(t)) }

// IsParty reports whether the node is an actor or a backer: a party that can
// support, fight, ally with and hold ground.
func (t NodeType) IsParty() bool { return t == NodeActor || t == NodeBacker }

// ActorKind is the kind of an [Actor]. The zero ActorKind is unspecified.
type ActorKind uint8

// The kinds of actor.
const (
	ActorGovernment ActorKind = iota + 1
	ActorArmedForces
	ActorMilitia
	ActorRebelGroup
	ActorJihadistGroup
	ActorCoalition
	ActorOther
)

var actorKindWords = []string{"", "government", "armed-forces", "militia", "rebel-group", "jihadist-group", "coalition", "other"}

// String returns the kind's word, e.g. "jihadist-group".
func (k ActorKind) String() string { return enumString(actorKindWords, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k ActorKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (k *ActorKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(actorKindWords, "actor", b)
	*k = ActorKind(v)
	return err
}

// BackerKind is the kind of a [Backer]. The zero BackerKind is unspecified.
type BackerKind uint8

// The kinds of backer.
const (
	BackerState BackerKind = iota + 1
	BackerCoalition
	BackerOrganization
	BackerOther
)

var backerKindWords = []string{"", "state", "coalition", "organization", "other"}

// String returns the kind's word, e.g. "state".
func (k BackerKind) String() string { return enumString(backerKindWords, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k BackerKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (k *BackerKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(backerKindWords, "backer", b)
	*k = BackerKind(v)
	return err
}

// LocationKind is the kind of a [Location]. The zero LocationKind is
// unspecified.
type LocationKind uint8

// The kinds of location.
const (
	LocationCountry LocationKind = iota + 1
	LocationRegion
	LocationCity
	LocationTown
	LocationVillage
	LocationDistrict
	LocationAirbase
	LocationBase
	LocationOilField
	LocationGasField
	LocationCrossing
	LocationOther
)

var locationKindWords = []string{"", "country", "region", "city", "town", "village", "district", "airbase", "base", "oil-field", "gas-field", "crossing", "other"}

// String returns the kind's word, e.g. "airbase".
func (k LocationKind) String() string { return enumString(locationKindWords, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k LocationKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (k *LocationKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(locationKindWords, "location", b)
	*k = LocationKind(v)
	return err
}

func (a *Actor) id() string    { return a.ID }
func (b *Backer) id() string   { return b.ID }
func (l *Location) id() string { return l.ID }
