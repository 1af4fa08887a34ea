package conflict_test

import (
	"fmt"
	"time"

	"github.com/conflictgraph/conflict"
)

// In mid-August 2015 ISIS had held Palmyra since May, and had taken
// al-Qaryatayn at some time that month: the town counts only as possibly
// held. From September both are definite.
func ExampleMoment_Territory() {
	c := desert()
	for _, day := range []string{"2015-08-15", "2015-09-01", "2016-03-27"} {
		m := c.At(on(day))
		area := m.Territory("isis", conflict.WeightArea)
		people := m.Territory("isis", conflict.WeightPopulation)
		fmt.Printf("%s: %g km² (%g more possibly) in %d places; %g people (%g more possibly)\n",
			day, area.Definite, area.Possible, area.Places, people.Definite, people.Possible)
	}
	// Output:
	// 2015-08-15: 48 km² (22 more possibly) in 1 places; 51323 people (14208 more possibly)
	// 2015-09-01: 70 km² (0 more possibly) in 2 places; 65531 people (0 more possibly)
	// 2016-03-27: 22 km² (0 more possibly) in 1 places; 14208 people (0 more possibly)
}

// What the offensive of March and April 2016 changed: ranked by what each
// party gained, less what it lost.
func ExampleConflict_Gains() {
	c := desert()
	for _, g := range c.Gains(on("2016-03-01"), on("2016-04-10"), conflict.WeightArea) {
		fmt.Printf("%s: %+g km², gained %v, lost %v\n", g.Party, g.Net(), g.Gained, g.Lost)
	}
	// Output:
	// government: +70 km², gained [al-qaryatayn palmyra], lost []
	// isis: -70 km², gained [], lost [al-qaryatayn palmyra]
}

// The same as known on 30 March 2016, before the report of al-Qaryatayn's
// retaking.
func ExampleView_Gains() {
	c := desert()
	for _, g := range c.AsOf(on("2016-03-30")).Gains(on("2016-03-01"), on("2016-04-10"), conflict.WeightPopulation) {
		fmt.Printf("%s: %+g people, gained %v, lost %v\n", g.Party, g.Net(), g.Gained, g.Lost)
	}
	// Output:
	// government: +51323 people, gained [palmyra], lost []
	// isis: -51323 people, gained [], lost [palmyra]
}

// The area ISIS held, as reported: two sources disagree on 14 December
// 2015, and both are kept.
func ExampleConflict_Series() {
	c := desert()
	for _, m := range c.Series("isis", conflict.QuantityAreaKm2) {
		fmt.Println(m, m.Sources)
	}
	// Output:
	// 2015-01 isis area-km2 90800 [ihs-1]
	// 2015-12-14 isis area-km2 78000 [ihs-1]
	// 2015-12-14 isis area-km2 80000 [wire-2]
	// 2016-03-14 isis area-km2 73440 [ihs-2]
}

// The series as known on 21 December 2015: the wire's report came a day
// later, and IHS's of March 2016 three months later.
func ExampleView_Series() {
	c := desert()
	for _, m := range c.AsOf(on("2015-12-21")).Series("isis", conflict.QuantityAreaKm2) {
		fmt.Println(m, m.Sources)
	}
	// Output:
	// 2015-01 isis area-km2 90800 [ihs-1]
	// 2015-12-14 isis area-km2 78000 [ihs-1]
}

// When was ISIS's reported area greatest: over the whole record, and from
// June 2015 on. A zero end is no end.
func ExampleConflict_Peak() {
	c := desert()
	for _, from := range []string{"2015-01-01", "2015-06-01"} {
		if m, ok := c.Peak("isis", conflict.QuantityAreaKm2, on(from), time.Time{}); ok {
			fmt.Println("from", from+":", m, m.Sources)
		}
	}
	// Output:
	// from 2015-01-01: 2015-01 isis area-km2 90800 [ihs-1]
	// from 2015-06-01: 2015-12-14 isis area-km2 80000 [wire-2]
}

// The peak from June 2015 on, as known before the wire's report.
func ExampleView_Peak() {
	c := desert()
	m, ok := c.AsOf(on("2015-12-21")).Peak("isis", conflict.QuantityAreaKm2, on("2015-06-01"), time.Time{})
	fmt.Println(m, m.Sources, ok)
	// Output:
	// 2015-12-14 isis area-km2 78000 [ihs-1] true
}

// The latest reported area on New Year's Day 2016: the two measures of 14
// December, side by side.
func ExampleConflict_Latest() {
	c := desert()
	for _, m := range c.Latest("isis", conflict.QuantityAreaKm2, on("2016-01-01")) {
		fmt.Println(m, m.Sources, m.Note)
	}
	// Output:
	// 2015-12-14 isis area-km2 78000 [ihs-1] about
	// 2015-12-14 isis area-km2 80000 [wire-2]
}

// The latest reported area as known on 1 December 2015: none, as the
// first report came out on the 21st.
func ExampleView_Latest() {
	c := desert()
	fmt.Println(c.AsOf(on("2015-12-01")).Latest("isis", conflict.QuantityAreaKm2, on("2015-12-01")))
	fmt.Println(c.AsOf(on("2015-12-21")).Latest("isis", conflict.QuantityAreaKm2, on("2015-12-01")))
	// Output:
	// []
	// [2015-01 isis area-km2 90800]
}
