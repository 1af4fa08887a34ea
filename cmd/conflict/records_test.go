package main

import (
	"os"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
)

// hillsFile is a small record of the desert around Palmyra and of Idlib
// in 2015-2017, for the tests of events, territory, measures, names of the
// day, lineage and allegations, and for the README's examples: captures
// dated to a day and to a month; an event with participants and figures;
// Jabhat al-Nusra's rename and its merger into Hay'at Tahrir al-Sham; an
// agreement; an alleged supports tie, an alleged hold and an alleged
// airstrike; places with areas and populations, one within another, places
// of no known weight, and one contested while held; and measures of two
// quantities, two of them disagreeing on one day. Its numbers are
// illustrative.
const hillsFile = "testdata/hills.json"

// hills returns the record of hillsFile, as the library loads it.
func hills(t *testing.T) *conflict.Conflict {
	t.Helper()
	f, err := os.Open(hillsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := conflict.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// on returns the instant the first day of the date s begins in c's time
// zone, as the tool reads a DATE.
func on(c *conflict.Conflict, s string) time.Time {
	return startOf(conflict.MustParseDate(s), c.Zone())
}
