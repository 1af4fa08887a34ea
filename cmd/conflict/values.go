package main

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// A stringFlag is a flag whose value is a string, and whether it was given.
type stringFlag struct {
	s   string
	set bool
}

func (f *stringFlag) String() string { return f.s }

func (f *stringFlag) Set(s string) error {
	f.s, f.set = s, true
	return nil
}

// A dateFlag is a flag whose value is a Date of any precision. It stands
// for the first day of the date's window, in the record's time zone (see
// startOf).
type dateFlag struct {
	d   conflict.Date
	set bool
}

func (f *dateFlag) String() string { return f.d.String() }

func (f *dateFlag) Set(s string) error {
	d, err := conflict.ParseDate(s)
	if err != nil {
		// The flag package names the value; say only what is wrong.
		return errors.New(strings.Replace(strings.TrimPrefix(err.Error(), "conflict: "), " "+strconv.Quote(s), "", 1))
	}
	if d.IsZero() {
		return errors.New("empty date: want YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21…24 or days DAY/DAY")
	}
	f.d, f.set = d, true
	return nil
}

// in returns the instant the flag stands for in zone: the start of the
// first day of its date's window there.
func (f dateFlag) in(zone *time.Location) time.Time { return startOf(f.d, zone) }

// startOf returns the instant at which the first day of d's window begins
// in zone: midnight there, or, where clocks going forward skip midnight,
// the instant they change.
func startOf(d conflict.Date, zone *time.Location) time.Time {
	t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, zone)
	day := conflict.Day(d.Year(), d.Month(), d.Day())
	in := func(s int64) bool { return conflict.DateOf(time.Unix(s, 0).In(zone)).Compare(day) >= 0 }
	if in(t.Unix()) {
		return t
	}
	// time.Date read the missing midnight with the offset of the day
	// before; the day begins within two days after: search the second.
	lo, hi := t.Unix(), t.Unix()+2*24*60*60 // before the day; in it or after
	for hi-lo > 1 {
		if mid := lo + (hi-lo)/2; in(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return time.Unix(hi, 0).In(zone)
}

// A momentFlag is the -at flag: a Date, which stands for the first day of
// its window in the record's time zone, or an RFC 3339 timestamp, which
// stands for itself.
type momentFlag struct {
	dateFlag
	instant   time.Time
	isInstant bool // whether the flag was a timestamp
}

func (f *momentFlag) String() string {
	if f.isInstant {
		return f.instant.Format(time.RFC3339Nano)
	}
	return f.dateFlag.String()
}

func (f *momentFlag) Set(s string) error {
	if !strings.ContainsAny(s, "Tt") {
		f.isInstant = false
		return f.dateFlag.Set(s)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		why := ""
		var pe *time.ParseError
		if errors.As(err, &pe) && pe.Message != "" {
			why = " (" + strings.TrimPrefix(pe.Message, ": ") + ")"
		}
		return errors.New("want a DATE or an RFC 3339 timestamp such as 2016-02-26T22:30:00Z" + why)
	}
	f.instant, f.isInstant, f.set = t, true, true
	return nil
}

// in returns the instant the flag stands for, in zone for a Date.
func (f momentFlag) in(zone *time.Location) time.Time {
	if f.isInstant {
		return f.instant
	}
	return f.dateFlag.in(zone)
}

// dateJSON is d for JSON: its string, or null for the zero Date.
func dateJSON(d conflict.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// boundJSON is b for JSON: its string ("2015-10 or 2015-11-10" when the
// claims disagree), or null when open.
func boundJSON(b conflict.Bound) *string {
	if b.IsOpen() {
		return nil
	}
	s := b.String()
	return &s
}

// A kFlagValue is the -k flag: a number of blocs, 0 or more.
type kFlagValue int

func (k *kFlagValue) String() string { return strconv.Itoa(int(*k)) }

func (k *kFlagValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return errors.New("want a whole number of blocs")
	case n < 0:
		return errors.New("want 0 (any number of blocs) or more")
	}
	*k = kFlagValue(n)
	return nil
}

// A timeoutFlagValue is the -timeout flag: a duration, 0 or more.
type timeoutFlagValue time.Duration

func (d *timeoutFlagValue) String() string { return time.Duration(*d).String() }

func (d *timeoutFlagValue) Set(s string) error {
	v, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return errors.New("want a duration such as 30s, 1m30s or 500ms")
	case v < 0:
		return errors.New("want 0 (no limit) or more")
	}
	*d = timeoutFlagValue(v)
	return nil
}

// deadline returns when -timeout ends if counted from now, or the zero
// time if -timeout is 0.
func (d timeoutFlagValue) deadline() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Now().Add(time.Duration(d))
}

// A partiesFlag is the -party flag: the names of parties, in the order
// given, one per -party.
type partiesFlag []string

func (f *partiesFlag) String() string { return strings.Join(*f, ",") }

func (f *partiesFlag) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("want a party's ID, name or alias")
	}
	*f = append(*f, s)
	return nil
}

// A kindsFlag is the -kind flag: kinds of event, from one or more -kind,
// each one kind or several separated by commas.
type kindsFlag []conflict.EventKind

func (f *kindsFlag) String() string { return strings.Join(kindWords(*f), ",") }

func (f *kindsFlag) Set(s string) error {
	for word := range strings.SplitSeq(s, ",") {
		var k conflict.EventKind
		if err := k.UnmarshalText([]byte(strings.TrimSpace(word))); err != nil {
			return fmt.Errorf("unknown kind of event %q", strings.TrimSpace(word))
		}
		if !slices.Contains(*f, k) {
			*f = append(*f, k)
		}
	}
	return nil
}

// eventKinds returns every kind of event, in the library's order.
func eventKinds() []conflict.EventKind {
	return enumValues[conflict.EventKind]()
}

// kindList lists the words of the kinds of event.
func kindList() string { return wordList(eventKinds()) }

// quantities returns every quantity, in the library's order.
func quantities() []conflict.Quantity {
	return enumValues[conflict.Quantity]()
}

// quantityList lists the words of the quantities.
func quantityList() string { return wordList(quantities()) }

// enumValues returns the values of one of the library's enumerations,
// from 1 on: those that read back from their words.
func enumValues[E interface {
	~uint8
	String() string
}, P interface {
	*E
	UnmarshalText([]byte) error
}]() []E {
	var out []E
	for v := E(1); v != 0; v++ {
		var back E
		if P(&back).UnmarshalText([]byte(v.String())) != nil || back != v {
			break
		}
		out = append(out, v)
	}
	return out
}

// wordList joins the words of vs with commas.
func wordList[E fmt.Stringer](vs []E) string {
	words := make([]string, len(vs))
	for i, v := range vs {
		words[i] = v.String()
	}
	return strings.Join(words, ", ")
}

// wrapUsage breaks a flag's usage into lines the help's width, for
// flag.PrintDefaults, which indents each.
func wrapUsage(s string) string { return strings.TrimSuffix(wrap(s, 76), "\n") }

// A weighFlag is the -by flag: what places are weighed by, area (the
// default), population, or places, a count of the places held.
type weighFlag struct {
	w      conflict.Weight // area or population; 0 for places
	places bool            // whether each place counts 1
	set    bool
}

func (f *weighFlag) String() string {
	switch {
	case f.places:
		return "places"
	case f.w == 0:
		return conflict.WeightArea.String()
	}
	return f.w.String()
}

func (f *weighFlag) Set(s string) error {
	if s == "places" {
		*f = weighFlag{places: true, set: true}
		return nil
	}
	var w conflict.Weight
	if err := w.UnmarshalText([]byte(s)); err != nil {
		return errors.New("want area, population or places")
	}
	*f = weighFlag{w: w, set: true}
	return nil
}

// weight returns the library's weight -by names: area unless given; 0 for
// places.
func (f weighFlag) weight() conflict.Weight {
	if f.places {
		return 0
	}
	if f.w == 0 {
		return conflict.WeightArea
	}
	return f.w
}

// A quantityFlagValue is the -quantity flag: a quantity, and whether given.
type quantityFlagValue struct {
	q   conflict.Quantity
	set bool
}

func (f *quantityFlagValue) String() string {
	if !f.set {
		return ""
	}
	return f.q.String()
}

func (f *quantityFlagValue) Set(s string) error {
	var q conflict.Quantity
	if err := q.UnmarshalText([]byte(s)); err != nil {
		return fmt.Errorf("unknown quantity %q", s)
	}
	f.q, f.set = q, true
	return nil
}
