package main

import (
	"fmt"
	"strconv"

	"github.com/conflictgraph/conflict"
)

// territoryParty is the party whose reported territory the report follows.
const territoryParty = "isis"

// territory writes the area the Islamic State held as the sources measured
// it, and where in the record's years it peaked.
func (r *report) territory() {
	r.heading("The Islamic State's territory")
	series := r.q.Series(territoryParty, conflict.QuantityAreaKm2)
	if len(series) == 0 {
		r.wrap("", "No source published by then measures it.")
		return
	}
	r.wrap("", "Square kilometres it held in Iraq and Syria, as reported (run "+
		"with -chart FILE to draw them):")
	var rows [][]string
	for _, m := range series {
		rows = append(rows, []string{"  " + m.Date.String(), thousands(m.Value), r.cite(m.Sources)})
	}
	r.table(rows)
	peak, ok := r.q.Peak(territoryParty, conflict.QuantityAreaKm2, recordFrom.Time(), recordTo.Time())
	if !ok || len(series) < 2 {
		return
	}
	last := series[len(series)-1]
	s := fmt.Sprintf("Its largest in 2015 and 2016 is the first measure, %s km² %s",
		thousands(peak.Value), onDate(peak.Date))
	if peak.Date != series[0].Date {
		s = fmt.Sprintf("Its largest in 2015 and 2016 is %s km² %s", thousands(peak.Value), onDate(peak.Date))
	}
	s += fmt.Sprintf("; by the last, %s, it had lost %d%% of that.", last.Date, int(100*(1-last.Value/peak.Value)+0.5))
	r.wrap("", s)
}

// thousands writes a whole number with commas: 90,800.
func thousands(v float64) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
