package main

import (
	"io"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/dot"
	"github.com/conflictgraph/conflict/geojson"
	"github.com/conflictgraph/conflict/gexf"
	"github.com/conflictgraph/conflict/svg"
)

var exportCommand = &command{
	name:    "export",
	args:    []string{"dot|gexf|geojson|svg|json"},
	summary: "the record in another format",
	about: `Export writes the record in another format, to standard output or the
file -o names:

  dot      the graph of one moment, for Graphviz (package dot)
  gexf     the whole record as a dated graph, for Gephi (package gexf)
  geojson  the places and their holders at one moment, for web maps
           (package geojson, WriteControl)
  svg      a timeline of who held each place (package svg, WriteTimeline)
  json     the whole record as a dataset file (conflict.Conflict.Save): an
           importer's CSV as a file every command reads without -format

dot and geojson draw one moment and need -at, unless nothing in the record
is dated; gexf, svg and json write the whole record and take no -at.`,
	example: "conflict export dot examples/syria/syria.json --at 2016-04-06 -o syria.dot",
	flags:   atFlag,
	run:     runExport,
}

// An exporter writes a record in one format.
type exporter struct {
	name   string
	moment bool // whether it draws one moment, asked for with -at
	// write writes c, at instant at if moment; nil if this build has no
	// writer for the format.
	write func(w io.Writer, c *conflict.Conflict, at time.Time) error
}

// exporters are the formats export writes, in the order the help lists
// them. An exporter with a nil write is named but not available: its
// package is not part of this build yet.
var exporters = []exporter{
	{name: "dot", moment: true, write: func(w io.Writer, c *conflict.Conflict, at time.Time) error {
		return dot.Write(w, c.At(at), dot.Options{Title: title(c, at)})
	}},
	{name: "gexf", write: func(w io.Writer, c *conflict.Conflict, _ time.Time) error {
		return gexf.Write(w, c)
	}},
	{name: "geojson", moment: true, write: func(w io.Writer, c *conflict.Conflict, at time.Time) error {
		return geojson.WriteControl(w, c, at)
	}},
	{name: "svg", write: func(w io.Writer, c *conflict.Conflict, _ time.Time) error {
		return svg.WriteTimeline(w, c, svg.Options{})
	}},
	{name: "json", write: func(w io.Writer, c *conflict.Conflict, _ time.Time) error {
		return c.Save(w)
	}},
}

// title is the title of a picture of c at instant at: "Syria 2015-2016,
// 2016-04-06".
func title(c *conflict.Conflict, at time.Time) string {
	if c.Name() == "" {
		return day(at)
	}
	return c.Name() + ", " + day(at)
}

func runExport(inv *invocation) error {
	name := inv.args[0]
	var ex *exporter
	var names []string
	for i := range exporters {
		names = append(names, exporters[i].name)
		if exporters[i].name == name {
			ex = &exporters[i]
		}
	}
	switch {
	case ex == nil:
		return usagef("unknown export format %q: want %s", name, strings.Join(names, ", "))
	case ex.write == nil:
		return usagef("format %s is not available in this build", name)
	}
	c, err := inv.read()
	if err != nil {
		return err
	}
	var at time.Time
	if ex.moment {
		if at, err = inv.moment(c); err != nil {
			return err
		}
	} else if inv.at.set {
		return usagef("%s writes the whole record and takes no -at", name)
	}
	inv.phase(status("writing " + name))
	return ex.write(&inv.out, c, at)
}
