package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// holdings writes who holds each key place at each turning point.
func (r *report) holdings() {
	r.heading("Who held what")
	rows := [][]string{{""}, {""}}
	for _, tp := range turningPoints {
		rows[0] = append(rows[0], tp.label)
		rows[1] = append(rows[1], tp.day.String())
	}
	definite := true
	var named []string
	for _, id := range keyPlaces {
		holder := []string{r.placeName(id)}
		sieges := []string{"  besieged by"}
		contests := []string{"  contested by"}
		var besieged, contested bool
		for _, tp := range turningPoints {
			r.on = tp.day.Time()
			ctl := r.q.At(r.on).Controller(id)
			holder = append(holder, r.holderText(ctl))
			sieges = append(sieges, r.partiesText(ctl.Besiegers, ctl.Besieged))
			contests = append(contests, r.partiesText(ctl.Contenders, conflict.Definite))
			besieged = besieged || len(ctl.Besiegers) > 0
			contested = contested || len(ctl.Contenders) > 0
			if ctl.Certainty != conflict.Definite || ctl.Besieged == conflict.Possible {
				definite = false
			}
			named = append(named, ctl.Holder)
			named = append(named, ctl.Claimants...)
			named = append(named, ctl.Besiegers...)
			named = append(named, ctl.Contenders...)
		}
		rows = append(rows, holder)
		if besieged {
			rows = append(rows, sieges)
		}
		if contested {
			rows = append(rows, contests)
		}
	}
	r.on = time.Time{}
	r.table(rows)
	r.printf("\n")
	r.legend(named)
	if definite {
		r.wrap("", "Every answer above is definite: on these days no change "+
			"falls inside a date wider than a day or between two sources' dates.")
	} else {
		r.wrap("", `Two holders joined by "/" means either may hold it.`)
	}
	// Changes after the last column, so that the table does not stop short.
	last := turningPoints[len(turningPoints)-1]
	for _, id := range keyPlaces {
		for _, t := range r.q.History(id) {
			if earliest, _ := t.Start.Window(); !t.Start.IsOpen() && earliest.After(last.day.Time()) {
				r.wrap("", fmt.Sprintf("After %s, %s %s (%s).", last.label,
					r.changeText(t, false), onDate(t.Start.Date), r.cite(t.Sources())))
			}
		}
	}
}

// holderText says who holds a place, in at most a few words.
func (r *report) holderText(ctl conflict.Control) string {
	switch {
	case ctl.State == conflict.ControlContested:
		return "contested"
	case ctl.Holder != "" && ctl.Certainty != conflict.Definite:
		return "possibly " + r.name(ctl.Holder)
	case ctl.Holder != "":
		return r.name(ctl.Holder)
	case len(ctl.Claimants) > 0:
		return strings.Join(r.names(ctl.Claimants), "/")
	}
	return "unknown"
}

// partiesText names the parties of a siege or contest, or "-".
func (r *report) partiesText(ids []string, c conflict.Certainty) string {
	if len(ids) == 0 {
		return "-"
	}
	s := strings.Join(r.names(ids), ", ")
	if c == conflict.Possible {
		s = "possibly " + s
	}
	return s
}
