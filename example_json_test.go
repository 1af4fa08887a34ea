package conflict_test

import (
	"encoding/json"
	"fmt"
	"log"
	"time"

	"github.com/conflictgraph/conflict"
)

// A dataset can travel inside other JSON: encoding/json reads it as
// strictly as Load reads a file.
func ExampleDataset_UnmarshalJSON() {
	doc := []byte(`{
	  "version": 1,
	  "data": {
	    "name": "Palmyra",
	    "sources": [{"id": "isw"}],
	    "actors": [{"id": "isis", "name": "Islamic State"}],
	    "locations": [{"id": "palmyra", "name": "Palmyra"}],
	    "relations": [{"kind": "controls", "from": "isis", "to": "palmyra", "start": "2015-05-21", "sources": ["isw"]}]
	  }
	}`)
	var msg struct {
		Version int              `json:"version"`
		Data    conflict.Dataset `json:"data"`
	}
	if err := json.Unmarshal(doc, &msg); err != nil {
		log.Fatal(err)
	}
	var c conflict.Conflict
	if err := c.Add(msg.Data); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Name(), "held by", c.At(time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)).Controller("palmyra").Holder)
	// Output: Palmyra held by isis
}

// Every value that does not convert is reported, with the line of its
// record, counted from the start of the dataset's JSON.
func ExampleDataset_UnmarshalJSON_errors() {
	var ds conflict.Dataset
	err := json.Unmarshal([]byte(`{
	  "sources": [{"id": "isw", "published": "2016-13-01"}],
	  "relations": [{"kind": "rules", "from": "isis", "to": "palmyra", "sources": ["isw"]}]
	}`), &ds)
	fmt.Println(err)
	// Output:
	// conflict: line 2: sources[0] "isw": published "2016-13-01": invalid date (month out of range)
	// conflict: line 3: relations[0] (isis rules palmyra): kind "rules": unknown kind
}

// A record marshals to the object that stands for it in the dataset file.
func ExampleRelation_json() {
	b, err := json.Marshal(conflict.Relation{
		Kind: conflict.RelationSupports, From: "russia", To: "syrian-government",
		Start: conflict.Month(2015, time.September), Support: conflict.SupportAirPower | conflict.SupportAdvisers,
		Sources: []string{"isw"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output: {"kind":"supports","from":"russia","to":"syrian-government","start":"2015-09","support":["air-power","advisers"],"sources":["isw"]}
}
