//go:build race

package signed

const raceEnabled = true
