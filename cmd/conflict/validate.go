package main

import (
	"errors"
	"fmt"
	"os"
)

var validateCommand = &command{
	name:    "validate",
	summary: "every problem in the file, with its place in the file",
	about: `Validate reads FILE and lists every problem the reader and the library find,
one a line, as FILE:LINE: record: field "value": what is wrong, and exits
with status 1 if there is any. A good file gets one line counting its
records, and status 0. With -keep-going it lists the problems of the
records a keep-going read skips, those that refer to a bad record among
them, and then what was skipped. With -json it prints {"file": FILE, "ok":
bool, "counts": {...}, "problems": [{"line", "row", "entity", "field",
"value", "message"}, ...]}, omitting what a problem does not have; counts
are of the records loaded, null when none could be; -keep-going adds
"skipped", the summaries of what was skipped.`,
	example: "conflict validate examples/syria/syria.json",
	flags:   jsonFlag,
	run:     runValidate,
}

// countsJSON counts the records of a dataset.
type countsJSON struct {
	Sources   int `json:"sources"`
	Actors    int `json:"actors"`
	Backers   int `json:"backers"`
	Locations int `json:"locations"`
	Relations int `json:"relations"`
	Events    int `json:"events"`
}

func runValidate(inv *invocation) error {
	c, err := inv.readFile(0)
	var pe *os.PathError
	var ue *usageError
	if errors.As(err, &pe) || errors.As(err, &ue) {
		return err
	}
	var rp report
	if err != nil {
		rp = inv.report(err)
	}
	ps := rp.problems
	if rp.more > 0 {
		ps = append(ps, problem{Message: fmt.Sprintf("and %d more problems", rp.more)})
	}
	var counts *countsJSON
	if c != nil {
		ds := c.Dataset()
		counts = &countsJSON{len(ds.Sources), len(ds.Actors), len(ds.Backers), len(ds.Locations), len(ds.Relations), len(ds.Events)}
	}
	switch {
	case inv.json:
		out := struct {
			File     string      `json:"file"`
			OK       bool        `json:"ok"`
			Counts   *countsJSON `json:"counts"` // null when the file does not load
			Problems []problem   `json:"problems"`
			Skipped  *[]string   `json:"skipped,omitempty"` // with -keep-going
		}{inv.fileName(), err == nil, counts, nonNil(ps), nil}
		if inv.keepGoing {
			skipped := nonNil(rp.skipped)
			out.Skipped = &skipped
		}
		if err := inv.printJSON(out); err != nil {
			return err
		}
	case err == nil:
		inv.printf("ok: %s: %d sources, %d actors, %d backers, %d locations, %d relations, %d events\n",
			inv.fileName(), counts.Sources, counts.Actors, counts.Backers, counts.Locations, counts.Relations, counts.Events)
	default:
		for _, p := range ps {
			inv.printf("%s\n", p.text(inv.fileName()))
		}
		for _, s := range rp.skipped {
			inv.printf("%s: %s\n", inv.fileName(), s)
		}
	}
	if err != nil {
		return errProblems
	}
	return nil
}
