//go:build !race

package signed

const raceEnabled = false
