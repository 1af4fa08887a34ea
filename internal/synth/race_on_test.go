//go:build race

package synth_test

// raceEnabled reports whether the race detector is on.
const raceEnabled = true
