package htmlmap_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/htmlmap"
)

// ISIS took Palmyra on 21 May 2015 and al-Qaryatayn at some time in August
// 2015. The page carries, for each place, the runs of days over which the
// library's answer stays the same; its script shows the run that holds the
// slider's day.
func ExampleWrite() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "wire", Outlet: "Wire service"}},
		Actors:  []conflict.Actor{{ID: "gov", Name: "Government"}, {ID: "isis", Name: "Islamic State"}},
		Locations: []conflict.Location{
			{ID: "palmyra", Name: "Palmyra", Kind: conflict.LocationCity, Point: &conflict.Point{Lat: 34.56, Lon: 38.27}},
			{ID: "al-qaryatayn", Name: "al-Qaryatayn", Kind: conflict.LocationTown, Point: &conflict.Point{Lat: 34.23, Lon: 37.24}},
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
	err = htmlmap.Write(&b, &c, htmlmap.Options{
		From: time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC),
		To:   time.Date(2016, time.January, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	// The answers travel in the page as JSON, which its script reads.
	page := b.String()
	const tag = `<script type="application/json" id="data">`
	start := strings.Index(page, tag) + len(tag)
	end := start + strings.Index(page[start:], "</script>")
	var data struct {
		Places []struct {
			Name string
			Segs []struct {
				From, To int // days from the slider's first, 1 January 2015
				Text     string
			}
		}
	}
	if err := json.Unmarshal([]byte(page[start:end]), &data); err != nil {
		log.Fatal(err)
	}
	for _, p := range data.Places {
		for _, s := range p.Segs {
			fmt.Printf("%s, days [%d, %d): %s\n", p.Name, s.From, s.To, s.Text)
		}
	}
	// Output:
	// Palmyra, days [0, 140): Government holds it
	// Palmyra, days [140, 365): Islamic State holds it, since 21 May 2015
	// al-Qaryatayn, days [0, 212): Government holds it
	// al-Qaryatayn, days [212, 243): Possibly held by Government or Islamic State
	// al-Qaryatayn, days [243, 365): Islamic State holds it, since Aug 2015
}
