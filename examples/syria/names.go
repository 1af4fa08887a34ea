package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictgraph/conflict"
)

// shortNames are what the report calls the parties it names most; the others
// go by their names in the dataset.
var shortNames = map[string]string{
	government:        "government",
	"syrian-rebels":   "rebels",
	"isis":            "ISIS",
	"iraqi-forces":    "Iraqi forces",
	"jabhat-al-nusra": "Nusra",
	"united-states":   "US",
	"sdf":             "SDF",
	"ypg":             "YPG",
	"ndf":             "NDF",
}

// datedShort shortens the names parties took later: what the report calls
// a party on a day when it goes by one of them.
var datedShort = map[string]string{
	"Jabhat Fateh al-Sham": "JFS",
}

// takesThe lists the parties whose names take "the" in a sentence.
var takesThe = map[string]bool{
	government: true, "syrian-rebels": true, "united-states": true,
	"us-led-coalition": true, "sdf": true, "ypg": true, "ndf": true,
	"new-syrian-army": true, "national-ideological-resistance": true,
	"navy-seals-regiment": true,
	"aleppo-turkey-road":  true, "castello-road": true, "palmyra-citadel": true,
	"palmyra-heights": true, "palmyra-oil-and-gas-fields": true, "jazal-oil-field": true,
	"north-aleppo-countryside": true, "south-aleppo-countryside": true, "turkish-border": true,
}

// dayName returns the name party id went by on the report's day, r.on, when
// that differs from its name in the record; otherwise "".
func (r *report) dayName(id string) string {
	if r.on.IsZero() {
		return ""
	}
	n, ok := r.c.Node(id)
	if dn := r.q.At(r.on).Name(id); ok && dn != "" && dn != n.Name {
		return dn
	}
	return ""
}

// name is what tables and lists call a party, on the report's day.
func (r *report) name(id string) string {
	if dn := r.dayName(id); dn != "" {
		return cmp.Or(datedShort[dn], dn)
	}
	if s, ok := shortNames[id]; ok {
		return s
	}
	if n, ok := r.c.Node(id); ok {
		return n.Name
	}
	return id
}

// the is what a sentence calls a party: "the government", "Iran".
func (r *report) the(id string) string {
	if takesThe[id] && r.dayName(id) == "" {
		return "the " + r.name(id)
	}
	return r.name(id)
}

// names returns the names of ids, sorted as a reader would look for them.
func (r *report) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.name(id)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// thes returns the names of ids as a sentence gives them, sorted.
func (r *report) thes(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.the(id)
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Compare(strings.ToLower(strings.TrimPrefix(a, "the ")), strings.ToLower(strings.TrimPrefix(b, "the ")))
	})
	return out
}

// thePlace is what a sentence calls a place: "the Castello Road", "Idlib".
func (r *report) thePlace(id string) string {
	if takesThe[id] {
		return "the " + r.placeName(id)
	}
	return r.placeName(id)
}

// placeName is what the report calls a place: its name in the dataset.
func (r *report) placeName(id string) string {
	if l, ok := r.c.Location(id); ok {
		return l.Name
	}
	return id
}

// legend says what the short names among ids stand for, on the report's
// day.
func (r *report) legend(ids []string) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	var parts []string
	for _, id := range slices.Compact(ids) {
		n, ok := r.c.Node(id)
		full := n.Name
		if dn := r.dayName(id); dn != "" {
			full = dn + ", " + n.Name + " until " + r.renamed(id, dn)
		}
		if ok && r.name(id) != full {
			parts = append(parts, r.name(id)+" = "+full)
		}
	}
	slices.SortFunc(parts, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	if len(parts) > 0 {
		r.wrap("", "Short names: "+strings.Join(parts, "; ")+".")
	}
}

// renamed returns the date party id took the name, as its lineage gives it.
func (r *report) renamed(id, name string) string {
	for _, l := range r.c.Lineage(id) {
		if l.Kind == conflict.EventRenamed && l.Name == name {
			return l.Date.String()
		}
	}
	return "then"
}

// lineages writes the lineages of the parties that changed their name or
// merged: their renames and mergers, and whom they joined and left.
func (r *report) lineages() {
	r.heading("Names and lineage")
	for _, id := range r.partyIDs() {
		var steps []string
		lineage := r.c.Lineage(id)
		// A rename first among the changes of one day.
		slices.SortStableFunc(lineage, func(a, b conflict.LineageEvent) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Kind, b.Kind))
		})
		for _, l := range lineage {
			if !slices.Contains(l.Before, id) || !r.knows(l.Sources) {
				continue
			}
			var what string
			switch l.Kind {
			case conflict.EventRenamed:
				what = "took the name " + l.Name
			case conflict.EventMerged:
				what = "merged into " + list(r.names(l.After))
			case conflict.EventJoined:
				what = "joined " + list(r.thes(l.After))
			case conflict.EventLeft:
				what = "left " + list(r.thes(l.After))
			case conflict.EventSplit:
				what = "split from " + list(r.thes(l.Before))
			}
			steps = append(steps, fmt.Sprintf("%s %s (%s)", what, onDate(l.Date), r.cite(l.Sources)))
		}
		if len(steps) > 0 && slices.ContainsFunc(lineage, func(l conflict.LineageEvent) bool {
			return l.Kind == conflict.EventRenamed || l.Kind == conflict.EventMerged
		}) {
			n, _ := r.c.Node(id)
			r.wrap("  ", n.Name+": "+strings.Join(steps, "; ")+".")
		}
	}
}

// list joins words as a reader would: "a", "a and b", "a, b and c".
func list(words []string) string {
	switch len(words) {
	case 0:
		return "no one"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// count spells out small numbers.
func count(n int) string {
	if n >= 0 && n < 10 {
		return strings.Fields("no one two three four five six seven eight nine")[n]
	}
	return fmt.Sprint(n)
}

// upper capitalizes the first letter of s.
func upper(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}
