package geojson_test

import (
	"log"
	"os"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/geojson"
)

func ExampleWriteControl() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "wire"}},
		Actors:  []conflict.Actor{{ID: "isis", Name: "Islamic State"}},
		Locations: []conflict.Location{
			{ID: "palmyra", Name: "Palmyra", Kind: conflict.LocationCity, Point: &conflict.Point{Lat: 34.56, Lon: 38.27}},
		},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "isis", To: "palmyra", Start: conflict.MustParseDate("2015-05-21"), Sources: []string{"wire"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := geojson.WriteControl(os.Stdout, &c, conflict.Day(2015, 6, 1).Time()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "type": "FeatureCollection",
	//   "at": "2015-06-01",
	//   "unplaced": [],
	//   "features": [
	//     {
	//       "type": "Feature",
	//       "id": "palmyra",
	//       "geometry": {
	//         "type": "Point",
	//         "coordinates": [
	//           38.27,
	//           34.56
	//         ]
	//       },
	//       "properties": {
	//         "name": "Palmyra",
	//         "kind": "city",
	//         "at": "2015-06-01",
	//         "state": "held",
	//         "holder": "isis",
	//         "certainty": "definite",
	//         "since": "2015-05-21",
	//         "claimants": [],
	//         "besiegers": [],
	//         "besieged": "absent",
	//         "contenders": [],
	//         "rolledUp": false
	//       }
	//     }
	//   ]
	// }
}
