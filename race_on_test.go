//go:build race

package conflict_test

// raceEnabled reports whether the race detector is on: the slowest tests
// then sample less, as under -short.
const raceEnabled = true
