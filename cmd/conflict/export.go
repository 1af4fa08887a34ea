package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/dot"
	"github.com/conflictgraph/conflict/geojson"
	"github.com/conflictgraph/conflict/gexf"
	"github.com/conflictgraph/conflict/htmlmap"
	"github.com/conflictgraph/conflict/parquet"
	"github.com/conflictgraph/conflict/svg"
	"github.com/conflictgraph/conflict/table"
)

var exportCommand = &command{
	name:    "export",
	args:    []string{"dot|gexf|geojson|svg|chart|html|json|csv|parquet"},
	summary: "the record in another format",
	about: `Export writes the record in another format, to standard output or the
file -o names:

  dot      the graph of one moment, for Graphviz (package dot)
  gexf     the whole record as a dated graph, for Gephi (package gexf)
  geojson  the places and their holders at one moment, for web maps
           (package geojson, WriteControl)
  svg      a timeline of who held each place (package svg, WriteTimeline)
  chart    a line chart of the measures of one quantity -quantity Q that
           the sources report of the parties, one line per party: the
           parties -party names (more than one -party for several), or
           every party with measures of Q (package svg, WriteChart)
  html     one self-contained page: a map of the places coloured by holder,
           with a slider over the days (package htmlmap); -at picks the
           day it opens on (default: the last), -from and -to its days
  json     the whole record as a dataset file (conflict.Conflict.Save): an
           importer's CSV as a file every command reads without -format
  csv      one table, -table T, for pandas, DuckDB, R or Spark (package
           table): one row per fact, with typed day columns
  parquet  the same table as Parquet (package parquet), to the file -o
           names: it is binary, and is not written to a terminal

dot and geojson draw one moment and need -at, unless nothing in the record
is dated; gexf, svg, chart and json write the whole record and take no -at.
svg and chart draw the days from the first day of -from up to, not
including, the first day of -to (default: the whole years of what they
draw), and html's slider covers those days (default: every day on which a
tie may begin or end); only chart takes -quantity and -party. With -as-of, dot, gexf,
geojson, svg, chart and html draw the record as known on the date, and with
-alleged taking in the alleged claims; json writes the whole record and
takes neither.

The tables of csv and parquet, with the columns package table lists:

  ties     every tie, with when it began and ended and on whose word; with
           -at, the ties in force then, with how sure each is
  control  who holds each place: at the moment -at gives, or one row per
           place per run of days with the same answer from -from up to -to
           (by default, over all the days of the record's changes)
  changes  what opened and closed from -from up to -to (default: all)
  events   every event of the record

With -as-of, every table is the record as known on the date.`,
	example: "conflict export dot examples/syria/syria.json --at 2016-04-06 -o syria.dot",
	flags:   atFlag | partyFlag | quantityFlag | spanFlags | asOfFlag | allegedFlag | tableFlag,
	run:     runExport,
}

// An exporter writes a record in one format.
type exporter struct {
	name   string
	moment bool // whether it draws one moment, asked for with -at
	opens  bool // whether -at, if given, picks the moment it opens on
	whole  bool // whether it writes the whole record, and takes no -as-of
	tables bool // whether it writes one of the tables, -table T
	span   bool // whether it draws the days of -from and -to
	chart  bool // whether it draws measures: takes -quantity (needed) and -party
	// write writes e; nil if this build has no writer for the format.
	write func(w io.Writer, e export) error
}

// An export is what an exporter writes.
type export struct {
	c     *conflict.Conflict // the whole record
	rec   conflict.Record    // the record asked about: c, or with -as-of its View
	at    time.Time          // the moment, for an exporter that draws one
	title string             // the title of a picture of the moment, or of a chart
	table table.Table        // the table, for an exporter of tables

	from, to time.Time         // the days drawn, at midnight UTC; zero for the default
	quantity conflict.Quantity // what a chart draws
	parties  []string          // the parties a chart draws, by ID; nil for every party
}

// exporters are the formats export writes, in the order the help lists
// them. An exporter with a nil write is named but not available: its
// package is not part of this build yet.
var exporters = []exporter{
	{name: "dot", moment: true, write: func(w io.Writer, e export) error {
		return dot.Write(w, e.rec.At(e.at), dot.Options{Title: e.title})
	}},
	{name: "gexf", write: func(w io.Writer, e export) error {
		return gexf.Write(w, e.rec)
	}},
	{name: "geojson", moment: true, write: func(w io.Writer, e export) error {
		return geojson.WriteControl(w, e.rec, e.at)
	}},
	{name: "svg", span: true, write: func(w io.Writer, e export) error {
		return svg.WriteTimeline(w, e.rec, svg.Options{From: e.from, To: e.to})
	}},
	{name: "chart", span: true, chart: true, write: func(w io.Writer, e export) error {
		err := svg.WriteChart(w, e.rec, svg.ChartOptions{Quantity: e.quantity, Parties: e.parties, From: e.from, To: e.to, Title: e.title})
		if errors.Is(err, svg.ErrNoMeasures) {
			return fmt.Errorf("no measures of %s to draw: %w", e.quantity, err)
		}
		return err
	}},
	{name: "html", opens: true, span: true, write: func(w io.Writer, e export) error {
		return htmlmap.Write(w, e.rec, htmlmap.Options{At: e.at, From: e.from, To: e.to})
	}},
	{name: "json", whole: true, write: func(w io.Writer, e export) error {
		return e.c.Save(w)
	}},
	{name: "csv", tables: true, write: func(w io.Writer, e export) error {
		return table.WriteCSV(w, e.table)
	}},
	{name: "parquet", tables: true, write: func(w io.Writer, e export) error {
		return parquet.Write(w, e.table)
	}},
}

// title is the title of a picture of rec at instant at: "Syria 2015-2016,
// 2016-04-06", and with -as-of ", as known on 2016-04-01".
func (inv *invocation) title(rec conflict.Record, at time.Time) string {
	s := inv.day(at) + inv.knownText()
	if rec.Name() == "" {
		return s
	}
	return rec.Name() + ", " + s
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
	case ex.tables:
		return inv.exportTable(ex)
	case inv.tableName.set:
		return usagef("-table is for export csv and parquet, not %s", name)
	case !ex.moment && !ex.opens && inv.at.set:
		return usagef("%s writes the whole record and takes no -at", name)
	case ex.whole && inv.asOf.set:
		return usagef("%s writes the whole record as a dataset file and takes no -as-of", name)
	case ex.whole && inv.alleged:
		return usagef("%s writes the whole record as a dataset file and takes no -alleged", name)
	case !ex.span && (inv.from.set || inv.to.set):
		return usagef("-from and -to are for export svg, chart, html, csv and parquet, not %s", name)
	case !ex.chart && (inv.quantity.set || len(inv.parties) > 0):
		return usagef("only chart takes -quantity and -party, not %s", name)
	case ex.chart && !inv.quantity.set:
		return usagef("chart needs -quantity Q, the quantity to draw")
	}
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	e := export{c: c, rec: rec, quantity: inv.quantity.q}
	if inv.from.set {
		e.from = inv.from.d.Time()
	}
	if inv.to.set {
		e.to = inv.to.d.Time()
	}
	if ex.chart && len(inv.parties) > 0 {
		if e.parties, err = inv.partyIDs(c, rec); err != nil {
			return err
		}
	}
	if ex.chart && inv.asOf.set {
		e.title = strings.TrimPrefix(rec.Name()+inv.knownText(), ", ")
	}
	if ex.opens && inv.at.set {
		e.at = inv.at.in(inv.zone)
	}
	if ex.moment {
		if e.at, err = inv.moment(rec); err != nil {
			return err
		}
		e.title = inv.title(rec, e.at)
	}
	inv.phase(status("writing " + name))
	return ex.write(&inv.out, e)
}

// exportTable writes the table -table names, with ex: a binary format only
// to a file, or to standard output that is not a terminal (-o -).
func (inv *invocation) exportTable(ex *exporter) error {
	k, err := inv.tableKindOf(ex.name)
	if err != nil {
		return err
	}
	if ex.name == "parquet" {
		switch {
		case !inv.output.set:
			return usagef("parquet is binary: name the file to write with -o FILE (-o - for a pipe)")
		case inv.output.s == "-" && inv.outTTY:
			return usagef("parquet is binary: not writing it to a terminal; name a file with -o FILE")
		}
	}
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	t, err := k.make(inv, c, rec)
	if err != nil {
		return err
	}
	inv.phase(status("writing " + ex.name))
	return ex.write(&inv.out, export{c: c, rec: rec, table: t})
}
