package main

import (
	"errors"
	"os"
)

var validateCommand = &command{
	name:    "validate",
	summary: "every problem in the file, with its place in the file",
	about: `Validate reads FILE and lists every problem the reader and the library find,
one a line, as FILE:LINE: record: field "value": what is wrong, and exits
with status 1 if there is any. A good file gets one line counting its
records, and status 0. With -json it prints {"file": FILE, "ok": bool,
"counts": {...}, "problems": [{"line", "row", "entity", "field", "value",
"message"}, ...]}, omitting what a problem does not have.`,
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
	c, err := inv.readFile()
	var pe *os.PathError
	var ue *usageError
	if errors.As(err, &pe) || errors.As(err, &ue) {
		return err
	}
	var ps []problem
	var counts *countsJSON
	if err != nil {
		ps = inv.problems(err)
	} else {
		ds := c.Dataset()
		counts = &countsJSON{len(ds.Sources), len(ds.Actors), len(ds.Backers), len(ds.Locations), len(ds.Relations), len(ds.Events)}
	}
	switch {
	case inv.json:
		err = inv.printJSON(struct {
			File     string      `json:"file"`
			OK       bool        `json:"ok"`
			Counts   *countsJSON `json:"counts"` // null when the file does not load
			Problems []problem   `json:"problems"`
		}{inv.fileName(), len(ps) == 0, counts, nonNil(ps)})
		if err != nil {
			return err
		}
	case len(ps) == 0:
		inv.printf("ok: %s: %d sources, %d actors, %d backers, %d locations, %d relations, %d events\n",
			inv.fileName(), counts.Sources, counts.Actors, counts.Backers, counts.Locations, counts.Relations, counts.Events)
	default:
		for _, p := range ps {
			inv.printf("%s\n", p.text(inv.fileName()))
		}
	}
	if len(ps) > 0 {
		return errProblems
	}
	return nil
}
