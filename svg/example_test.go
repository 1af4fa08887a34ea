package svg_test

import (
	"bytes"
	"fmt"
	"log"
	"regexp"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/svg"
)

// ISIS took Palmyra on 21 May 2015, and al-Qaryatayn at some time in August
// 2015: the picture stripes August in the colours of both, as either may
// have held the town then.
func ExampleWriteTimeline() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "wire"}},
		Actors:  []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "isis", Name: "Islamic State"}},
		Locations: []conflict.Location{
			{ID: "palmyra", Name: "Palmyra"},
			{ID: "al-qaryatayn", Name: "al-Qaryatayn"},
		},
		Events: []conflict.Event{
			{ID: "e1", Kind: conflict.EventCapture, Date: conflict.MustParseDate("2015-05-21"), Location: "palmyra", Actors: []string{"isis"}, Sources: []string{"wire"}},
			{ID: "e2", Kind: conflict.EventCapture, Date: conflict.MustParseDate("2015-08"), Location: "al-qaryatayn", Actors: []string{"isis"}, Sources: []string{"wire"}},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "gov", To: "palmyra", Sources: []string{"wire"}},
			{Kind: conflict.RelationControls, From: "gov", To: "al-qaryatayn", Sources: []string{"wire"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	err = svg.WriteTimeline(&b, &c, svg.Options{
		Places: []string{"palmyra", "al-qaryatayn"},
		From:   time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC),
		To:     time.Date(2016, time.January, 1, 0, 0, 0, 0, time.UTC),
		Title:  "Two towns, 2015",
	})
	if err != nil {
		log.Fatal(err)
	}
	// Each bar has a title, which browsers show as a tooltip.
	for _, m := range regexp.MustCompile(`<title>([^<]*)</title>`).FindAllStringSubmatch(b.String(), -1) {
		fmt.Println(m[1])
	}
	// Output:
	// Two towns, 2015
	// Palmyra: Government, 1 Jan 2015 to 20 May 2015
	// Palmyra: Islamic State, 21 May 2015 to 31 Dec 2015
	// al-Qaryatayn: Government, 1 Jan 2015 to 31 Jul 2015
	// al-Qaryatayn: Government or Islamic State, 1 Aug 2015 to 31 Aug 2015
	// al-Qaryatayn: Islamic State, 1 Sep 2015 to 31 Dec 2015
}

// The area ISIS held, as reported: two sources disagree in December 2015,
// and both points are drawn.
func ExampleWriteChart() {
	var c conflict.Conflict
	d := conflict.MustParseDate
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "ihs"}, {ID: "wire"}},
		Actors:  []conflict.Actor{{ID: "isis", Name: "Islamic State"}},
		Measures: []conflict.Measure{
			{Party: "isis", Quantity: conflict.QuantityAreaKm2, Value: 90800, Date: d("2015-01"), Sources: []string{"ihs"}},
			{Party: "isis", Quantity: conflict.QuantityAreaKm2, Value: 78000, Date: d("2015-12-14"), Sources: []string{"ihs"}},
			{Party: "isis", Quantity: conflict.QuantityAreaKm2, Value: 80000, Date: d("2015-12-14"), Sources: []string{"wire"}},
			{Party: "isis", Quantity: conflict.QuantityAreaKm2, Value: 73440, Date: d("2016-03-14"), Sources: []string{"ihs"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := svg.WriteChart(&b, &c, svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, Title: "The caliphate, by area"}); err != nil {
		log.Fatal(err)
	}
	// Each point has a title, which browsers show as a tooltip.
	for _, m := range regexp.MustCompile(`<title>([^<]*)</title>`).FindAllStringSubmatch(b.String(), -1) {
		fmt.Println(m[1])
	}
	// Output:
	// The caliphate, by area
	// Islamic State: 90,800 km², Jan 2015 (ihs)
	// Islamic State: 78,000 km², 14 Dec 2015 (ihs)
	// Islamic State: 80,000 km², 14 Dec 2015 (wire)
	// Islamic State: 73,440 km², 14 Mar 2016 (ihs)
}
