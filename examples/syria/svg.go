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

// timeline draws who held timelinePlaces in 2015 and 2016, day by day, as
// SVG (package svg).
func timeline(c *conflict.Conflict) ([]byte, error) {
	var b bytes.Buffer
	err := svg.WriteTimeline(&b, c, svg.Options{
		Places: timelinePlaces,
		From:   conflict.Day(2015, time.January, 1).Time(),
		To:     conflict.Day(2017, time.January, 1).Time(),
		Title:  "Syria: Palmyra, al-Qaryatayn, Kuweires, T4 and eastern Aleppo, 2015–2016",
	})
	return b.Bytes(), err
}

// saveTimeline writes the timeline to the file name, or to stdout if name
// is "-", and returns the exit status.
func saveTimeline(c *conflict.Conflict, name string, stdout, stderr io.Writer) int {
	b, err := timeline(c)
	if err == nil {
		if name == "-" {
			_, err = stdout.Write(b)
		} else {
			err = os.WriteFile(name, b, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "syria: -svg: %v\n", err)
		return exitFail
	}
	return exitOK
}
