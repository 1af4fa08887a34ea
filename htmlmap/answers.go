package htmlmap

import (
	"slices"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// A segment is a run of days [From, To) over which a place gets one answer,
// and what the page shows of it. Days count from the slider's first day.
type segment struct {
	From      int      `json:"from"`
	To        int      `json:"to"`
	Fill      string   `json:"fill"`               // the marker's paint
	Ring      string   `json:"ring,omitempty"`     // the besiegers' paint, if besieged
	RingDash  bool     `json:"ringDash,omitempty"` // the siege only possibly holds
	State     string   `json:"state"`              // as conflict.ControlState says it
	Holder    string   `json:"holder,omitempty"`   // the one party that holds it, surely or possibly
	Certainty string   `json:"certainty,omitempty"`
	Text      string   `json:"text"`              // the answer in words
	Sources   []string `json:"sources,omitempty"` // IDs of the sources of the ties behind the answer

	fill, ring paint // before colours are given
}

// same reports whether s and t show the same thing.
func (s segment) same(t segment) bool {
	return s.fill.key() == t.fill.key() && s.ring.key() == t.ring.key() && s.RingDash == t.RingDash &&
		s.State == t.State && s.Holder == t.Holder && s.Certainty == t.Certainty &&
		s.Text == t.Text && slices.Equal(s.Sources, t.Sources)
}

// A paint is how a marker or ring is filled, before colours are given.
type paint struct {
	kind    paintKind
	parties []string // sorted
}

type paintKind uint8

const (
	paintNone    paintKind = iota
	paintUnknown           // grey: no claim covers the place
	paintSolid             // one party's colour
	paintHatch             // one party's colour hatched with white: possibly
	paintStripes           // several parties' colours, striped
	paintContest           // stripes crossed with dark lines: contested
)

// key returns a string that names p: equal paints have equal keys.
func (p paint) key() string {
	return string(rune('0'+p.kind)) + " " + strings.Join(p.parties, " ")
}

// dayAt returns midnight UTC starting the i'th day from from.
func dayAt(from time.Time, i int) time.Time { return from.AddDate(0, 0, i) }

// dayIndex returns the day of t counted from from, a midnight UTC: 0 for
// the day of from, negative before it. It counts in seconds since 1970, not
// in a time.Duration, which would overflow across 292 years.
func dayIndex(from, t time.Time) int {
	d := day(t).Unix() - from.Unix()
	return int(d / 86400)
}

// boundDays adds to days the days on which an answer may change at b: the
// first day of its window, its last day, and the day after.
func boundDays(days []int, from time.Time, b conflict.Bound) []int {
	if b.IsOpen() {
		return days
	}
	e, l := b.Window()
	li := dayIndex(from, l)
	return append(days, dayIndex(from, e), li, li+1)
}

// changeDays returns the days of [0, n) on which an answer may change,
// sorted, with 0 first: for a place, the days of every change of it and of
// the places within it.
func changeDays(from time.Time, n int, bounds []conflict.Bound) []int {
	days := []int{0}
	for _, b := range bounds {
		days = boundDays(days, from, b)
	}
	days = slices.DeleteFunc(days, func(d int) bool { return d < 0 || d >= n })
	slices.Sort(days)
	return slices.Compact(days)
}

// answers asks who holds a place on each change day and merges the days
// that get the same answer; ask returns the answer for a day.
func answers(days []int, n int, ask func(day int) segment) []segment {
	var segs []segment
	for i, d := range days {
		end := n
		if i+1 < len(days) {
			end = days[i+1]
		}
		s := ask(d)
		if k := len(segs); k > 0 && segs[k-1].same(s) {
			segs[k-1].To = end
			continue
		}
		s.From, s.To = d, end
		segs = append(segs, s)
	}
	return segs
}

// answer is what the page shows of ctl, the answer for a place at instant
// t, the start of a day in the record's time zone; ties are the place's
// territorial ties, which give the sources.
func (b *builder) answer(ctl conflict.Control, t time.Time, ties []conflict.Tie) segment {
	s := segment{State: ctl.State.String()}
	var text []string
	switch {
	case ctl.State == conflict.ControlUnknown:
		s.fill = paint{kind: paintUnknown}
		text = append(text, "No source says who holds it")
	case ctl.Holder != "":
		s.Holder, s.Certainty = ctl.Holder, ctl.Certainty.String()
		s.fill = paint{kind: paintSolid, parties: []string{ctl.Holder}}
		line := b.name(ctl.Holder) + " holds it"
		if ctl.Certainty != conflict.Definite {
			s.fill.kind = paintHatch
			line = b.name(ctl.Holder) + " possibly holds it"
		}
		if since := ctl.Since(); !since.IsOpen() {
			line += ", since " + boundText(since)
		}
		text = append(text, line)
	case len(ctl.Claimants) > 0:
		s.Certainty = ctl.Certainty.String()
		s.fill = paint{kind: paintStripes, parties: ctl.Claimants}
		text = append(text, "Possibly held by "+b.names(ctl.Claimants, "or"))
	}
	if ctl.RolledUp && len(text) > 0 {
		text[len(text)-1] += " (from the places within it)"
	}
	if len(ctl.Contenders) > 0 {
		if ctl.State == conflict.ControlContested {
			s.fill = paint{kind: paintContest, parties: ctl.Contenders}
			text = append(text, "Contested by "+b.names(ctl.Contenders, "and"))
		} else {
			text = append(text, "Possibly contested by "+b.names(ctl.Contenders, "and"))
		}
	}
	if len(ctl.Besiegers) > 0 {
		s.ring = paint{kind: paintSolid, parties: ctl.Besiegers}
		if len(ctl.Besiegers) > 1 {
			s.ring.kind = paintStripes
		}
		line := "Besieged by " + b.names(ctl.Besiegers, "and")
		if ctl.Besieged != conflict.Definite {
			s.RingDash = true
			line = "Possibly besieged by " + b.names(ctl.Besiegers, "and")
		}
		text = append(text, line)
	}
	if s.fill.kind == paintNone {
		s.fill.kind = paintUnknown
	}
	s.Text = strings.Join(text, ". ")
	s.Sources = answerSources(ctl, t, ties)
	return s
}

// answerSources returns the sources of the ties behind ctl on day t: the
// holder's tie, or the controls ties of the claimants, and the besieges and
// contests ties of the besiegers and contenders.
func answerSources(ctl conflict.Control, t time.Time, ties []conflict.Tie) []string {
	var src []string
	if ctl.Holder != "" && !ctl.RolledUp {
		src = append(src, ctl.Tie.Sources()...)
	}
	for _, tie := range ties {
		var who []string
		switch tie.Kind {
		case conflict.RelationControls:
			if ctl.Holder == "" && !ctl.RolledUp {
				who = ctl.Claimants
			}
		case conflict.RelationBesieges:
			who = ctl.Besiegers
		case conflict.RelationContests:
			who = ctl.Contenders
		}
		if slices.Contains(who, tie.From) && tie.At(t) != conflict.Absent {
			src = append(src, tie.Sources()...)
		}
	}
	slices.Sort(src)
	return slices.Compact(src)
}

// A holding is one tie of a place's History, as the panel shows it.
type holding struct {
	Holder  string   `json:"holder"`
	From    string   `json:"from"` // when the hold began, as the sources date it; "" if before the record
	To      string   `json:"to"`   // when it ended; "" if no end is claimed
	Spans   []span   `json:"spans"`
	Sources []string `json:"sources"`
}

// A span is a run of days [From, To) over which a tie holds with one
// certainty, definite or possible.
type span struct {
	From      int    `json:"from"`
	To        int    `json:"to"`
	Certainty string `json:"certainty"`
}

// holding returns what the panel shows of tie.
func (b *builder) holding(tie conflict.Tie) holding {
	h := holding{Holder: tie.From, Sources: tie.Sources(), Spans: []span{}}
	if !tie.Start.IsOpen() {
		h.From = boundText(tie.Start)
	}
	if !tie.End.IsOpen() {
		h.To = boundText(tie.End)
	}
	days := changeDays(b.from, b.days, []conflict.Bound{tie.Start, tie.End})
	for i, d := range days {
		end := b.days
		if i+1 < len(days) {
			end = days[i+1]
		}
		c := tie.At(b.instant(d))
		if c == conflict.Absent {
			continue
		}
		if k := len(h.Spans); k > 0 && h.Spans[k-1].To == d && h.Spans[k-1].Certainty == c.String() {
			h.Spans[k-1].To = end
			continue
		}
		h.Spans = append(h.Spans, span{d, end, c.String()})
	}
	return h
}

// boundText writes when a change took effect, at the precision the sources
// give: "21 May 2015", "Aug 2015", "2015", "Oct 2015 or 10 Nov 2015".
func boundText(b conflict.Bound) string {
	s := dateText(b.Date)
	if b.Disputed() && b.Last != b.Date {
		s += " or " + dateText(b.Last)
	}
	return s
}

func dateText(d conflict.Date) string {
	switch d.Precision() {
	case conflict.PrecisionDay:
		return d.Time().Format("2 Jan 2006")
	case conflict.PrecisionMonth:
		return d.Time().Format("Jan 2006")
	}
	return d.String()
}
