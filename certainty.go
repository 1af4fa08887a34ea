package conflict

import "github.com/conflictgraph/conflict/internal/timeindex"

// Certainty is how sure an answer is, given that month- and year-precise
// dates are windows: Definite if it holds whichever day in each window is the
// real one, Possible if it holds for some choices, Absent if for none.
type Certainty uint8

// The certainties, least sure first.
const (
	Absent Certainty = iota
	Possible
	Definite
)

var certaintyWords = []string{"absent", "possible", "definite"}

// String returns "absent", "possible" or "definite".
func (c Certainty) String() string { return enumString(certaintyWords, uint8(c)) }

// MarshalText implements [encoding.TextMarshaler].
func (c Certainty) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// certaintyOf returns the certainty the index computed: the index numbers
// its certainties as Certainty does (see TestCodes).
func certaintyOf(c timeindex.Certainty) Certainty { return Certainty(c) }
