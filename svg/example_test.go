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
