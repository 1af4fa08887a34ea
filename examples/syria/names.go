package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// takesThe lists the parties whose names take "the" in a sentence.
var takesThe = map[string]bool{
	government: true, "syrian-rebels": true, "united-states": true,
	"us-led-coalition": true, "sdf": true, "ypg": true, "ndf": true,
	"new-syrian-army": true, "national-ideological-resistance": true,
	"navy-seals-regiment": true,
}

// name is what tables and lists call a party.
func (r *report) name(id string) string {
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
	if takesThe[id] {
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

// placeName is what the report calls a place: its name in the dataset.
func (r *report) placeName(id string) string {
	if l, ok := r.c.Location(id); ok {
		return l.Name
	}
	return id
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
