package conflict

import "fmt"

// The kinds in this package are small integers with a lower-case word for
// each value, used in the dataset file and by String. These helpers hold the
// shared mechanics; each kind keeps its own table of words.

func enumString(words []string, i uint8) string {
	if int(i) < len(words) {
		return words[i]
	}
	return fmt.Sprintf("kind(%d)", i)
}

func enumParse(words []string, s string) (uint8, bool) {
	for i, w := range words {
		if w == s && (w != "" || i == 0) {
			return uint8(i), true
		}
	}
	return 0, false
}

func enumUnmarshal(words []string, what string, b []byte) (uint8, error) {
	v, ok := enumParse(words, string(b))
	if !ok {
		return 0, fmt.Errorf("%w of %s: %q", ErrKind, what, b)
	}
	return v, nil
}
