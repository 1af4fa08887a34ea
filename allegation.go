package conflict

// Some claims are allegations: one article alleges Turkish tolerance of
// ISIS's oil smuggling. The record keeps them, graded like any claim, and
// leaves them out of answers unless asked.

// Confidence grades a claim: low, medium or high, as the Security Force
// Monitor grades every datum. The zero Confidence is ungraded.
type Confidence uint8

// The grades of confidence.
const (
	ConfidenceLow Confidence = iota + 1
	ConfidenceMedium
	ConfidenceHigh
)

var confidenceWords = []string{"", "low", "medium", "high"}

// String returns "low", "medium", "high", or "" for the zero Confidence.
func (c Confidence) String() string { return enumString(confidenceWords, uint8(c)) }

// MarshalText implements [encoding.TextMarshaler].
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is an
// error that wraps [ErrKind].
func (c *Confidence) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(confidenceWords, "confidence", b)
	*c = Confidence(v)
	return err
}

// WithAlleged returns the whole record with its alleged claims (see
// [Relation].Alleged) among the answers: a tie resting only on allegations
// has Alleged set. It costs as a view does (see [Conflict.AsOf]).
func (c *Conflict) WithAlleged() View { return View{c: c, whole: true, alleged: true} }

// WithAlleged returns the view with its alleged claims among the answers,
// as [Conflict.WithAlleged] does for the whole record.
func (v View) WithAlleged() View {
	v.alleged = true
	return v
}

// omitted reports whether the snapshot leaves out a claim that is alleged
// if alleged.
func (s *snapshot) omitted(alleged bool) bool { return alleged && (s.cut == nil || !s.cut.alleged) }

// allAlleged reports whether every claim behind period p is alleged.
func (s *snapshot) allAlleged(p int32) bool {
	for _, c := range s.claimsOf(p) {
		switch {
		case c >= 0 && !s.rec.rels[c>>1].alleged:
			return false
		case c < 0 && !s.rec.events[s.derived[^c].ev].Alleged:
			return false
		}
	}
	return true
}
