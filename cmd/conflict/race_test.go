//go:build race

package main

// raceEnabled reports whether the tests run under the race detector, which
// slows the sides search about tenfold: the tests then sample the slow
// cases, as with -short.
const raceEnabled = true
