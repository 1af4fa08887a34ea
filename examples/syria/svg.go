package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/svg"
)

// timelinePlaces are the rows of the -svg picture, top to bottom.
var timelinePlaces = []string{"palmyra", "al-qaryatayn", "kuweires-airbase", "t4-airbase", "eastern-aleppo"}

// The pictures cover 2015 and 2016.
var (
	pictureFrom = conflict.Day(2015, time.January, 1).Time()
	pictureTo   = conflict.Day(2017, time.January, 1).Time()
)

// timeline draws who held timelinePlaces in 2015 and 2016, day by day, as
// SVG (package svg).
func timeline(c *conflict.Conflict) ([]byte, error) {
	var b bytes.Buffer
	err := svg.WriteTimeline(&b, c, svg.Options{
		Places: timelinePlaces,
		From:   pictureFrom,
		To:     pictureTo,
		Title:  "Syria: Palmyra, al-Qaryatayn, Kuweires, T4 and eastern Aleppo, 2015–2016",
	})
	return b.Bytes(), err
}

// territoryChart draws the Islamic State's territory in 2015 and 2016, as
// the sources reported it, as an SVG chart (package svg).
func territoryChart(c *conflict.Conflict) ([]byte, error) {
	var b bytes.Buffer
	err := svg.WriteChart(&b, c, svg.ChartOptions{
		Quantity: conflict.QuantityAreaKm2,
		Parties:  []string{"isis"},
		From:     pictureFrom,
		To:       pictureTo,
		Title:    "Territory the Islamic State held in Iraq and Syria, km², as IHS reported it",
	})
	return b.Bytes(), err
}

// save writes the picture draw makes of c to the file name, or to stdout if
// name is "-", and returns the exit status; flag names the picture in an
// error.
func save(name, flag string, draw func(*conflict.Conflict) ([]byte, error), c *conflict.Conflict, stdout, stderr io.Writer) int {
	b, err := draw(c)
	if err == nil {
		if name == "-" {
			_, err = stdout.Write(b)
		} else {
			err = os.WriteFile(name, b, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "syria: %s: %v\n", flag, err)
		return exitFail
	}
	return exitOK
}
