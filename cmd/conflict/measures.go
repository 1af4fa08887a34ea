package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

var measuresCommand = &command{
	name:    "measures",
	summary: "the measures the sources report of the parties, such as the area held",
	about: `Measures prints the series of measures the sources report of the parties
(conflict.Conflict.Series): of the party -party (more than one -party for
several; every party with measures if none is given) and the quantity
-quantity (every quantity if none), each series in date order, the values
of sources that disagree on one date side by side, each with its sources
and note. -from and -to keep the measures whose date may fall from the
first day of -from up to, not including, the first day of -to.

-peak prints only the greatest value of each series in that range
(conflict.Conflict.Peak: of equal values, the first in date order); -latest
only the values of the latest date before -to, or of all
(conflict.Conflict.Latest), several when sources disagree on it.

With -json it prints {"from", "to", "mode", "series": [{"party",
"quantity", "dates": [{"date", "values": [{"value", "sources", "note"},
...]}, ...]}, ...]}, mode series, peak or latest, note only when given;
with -as-of, "as_of", and only the measures then known.`,
	example: "conflict measures examples/syria/syria.json --party isis --quantity area-km2 --peak",
	flags:   partyFlag | quantityFlag | peakFlag | latestFlag | spanFlags | asOfFlag | jsonFlag | idsFlag,
	run:     runMeasures,
}

// A series is the measures of one quantity reported of one party.
type series struct {
	party    string
	quantity conflict.Quantity
	measures []conflict.Measure // in date order
}

// seriesJSON is a series in measures -json: its measures by date.
type seriesJSON struct {
	Party    string            `json:"party"`
	Quantity string            `json:"quantity"`
	Dates    []measureDateJSON `json:"dates"`
}

// measureDateJSON is the values reported for one date, side by side.
type measureDateJSON struct {
	Date   string             `json:"date"`
	Values []measureValueJSON `json:"values"`
}

type measureValueJSON struct {
	Value   float64  `json:"value"`
	Sources []string `json:"sources"`
	Note    string   `json:"note,omitempty"`
}

func runMeasures(inv *invocation) error {
	if inv.peak && inv.latest {
		return usagef("-peak and -latest ask for different values: give one")
	}
	c, rec, err := inv.read()
	if err != nil {
		return err
	}
	parties, err := inv.partyIDs(c, rec)
	if err != nil {
		return err
	}
	qs := quantities()
	if inv.quantity.set {
		qs = []conflict.Quantity{inv.quantity.q}
	}
	var all []series
	for _, p := range parties {
		for _, q := range qs {
			if s := inv.series(rec, p, q); len(s.measures) > 0 {
				all = append(all, s)
			}
		}
	}
	mode := "series"
	switch {
	case inv.peak:
		mode = "peak"
	case inv.latest:
		mode = "latest"
	}
	if inv.json {
		out := struct {
			From   *string      `json:"from"` // null: from the start of the record
			To     *string      `json:"to"`   // null: to its end
			AsOf   *string      `json:"as_of,omitempty"`
			Mode   string       `json:"mode"`
			Series []seriesJSON `json:"series"`
		}{dateJSON(inv.from.d), dateJSON(inv.to.d), inv.asOfJSON(), mode, []seriesJSON{}}
		for _, s := range all {
			sj := seriesJSON{Party: s.party, Quantity: s.quantity.String(), Dates: []measureDateJSON{}}
			for _, same := range byDate(s.measures) {
				d := measureDateJSON{Date: same[0].Date.String()}
				for _, m := range same {
					d.Values = append(d.Values, measureValueJSON{m.Value, nonNil(m.Sources), m.Note})
				}
				sj.Dates = append(sj.Dates, d)
			}
			out.Series = append(out.Series, sj)
		}
		return inv.printJSON(out)
	}
	heading := map[string]string{"series": "Measures", "peak": "Peaks", "latest": "Latest measures"}[mode]
	inv.printf("%s %s%s: %d series\n", heading, rangeText(inv.from, inv.to), inv.knownText(), len(all))
	for _, s := range all {
		inv.printf("\n%s, %s:\n", inv.name(s.party), s.quantity)
		tw := inv.table()
		for _, same := range byDate(s.measures) {
			values := make([]string, len(same))
			for i, m := range same {
				values[i] = number(m.Value) + " [" + strings.Join(m.Sources, ", ") + "]"
				if m.Note != "" {
					values[i] += " (" + m.Note + ")"
				}
			}
			fmt.Fprintf(tw, "  %s\t%s\n", same[0].Date, strings.Join(values, " | "))
		}
		tw.Flush()
	}
	return nil
}

// series returns the measures of quantity q reported of party that the
// command asks for: the whole series in the range of -from and -to, its
// peak in the range with -peak, or its latest values with -latest.
func (inv *invocation) series(rec conflict.Record, party string, q conflict.Quantity) series {
	s := series{party: party, quantity: q}
	from, to := inv.dayStart(conflict.Date{}), time.Time{}
	if inv.from.set {
		from = inv.from.in(inv.zone)
	}
	if inv.to.set {
		to = inv.to.in(inv.zone)
	}
	var ms []conflict.Measure
	switch {
	case inv.peak:
		if m, ok := rec.Peak(party, q, from, to); ok {
			ms = []conflict.Measure{m}
		}
	case inv.latest:
		last := inv.dayStart(conflict.Day(9999, time.December, 31))
		if inv.to.set {
			last = to.Add(-time.Nanosecond) // the day before -to
		}
		ms = rec.Latest(party, q, last)
	default:
		ms = rec.Series(party, q)
	}
	for _, m := range ms {
		if inv.inSpan(m.Date) {
			s.measures = append(s.measures, m)
		}
	}
	return s
}

// inSpan reports whether a date's window meets the days of -from and -to.
func (inv *invocation) inSpan(d conflict.Date) bool {
	lo, hi := d.Window()
	from, _ := inv.from.d.Window()
	to, _ := inv.to.d.Window()
	return (!inv.from.set || hi.After(from)) && (!inv.to.set || lo.Before(to))
}

// byDate splits measures in date order into runs of one date.
func byDate(ms []conflict.Measure) [][]conflict.Measure {
	var out [][]conflict.Measure
	for i, m := range ms {
		if i > 0 && m.Date == ms[i-1].Date {
			out[len(out)-1] = append(out[len(out)-1], m)
			continue
		}
		out = append(out, []conflict.Measure{m})
	}
	return out
}
