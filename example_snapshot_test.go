package conflict_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/conflictgraph/conflict"
)

// A binary snapshot keeps a loaded record, with its index, to read back
// far faster than the dataset file it came from.
func ExampleConflict_WriteTo() {
	c, err := conflict.Load(strings.NewReader(`{
	  "name": "Palmyra",
	  "sources": [{"id": "isw"}],
	  "actors": [{"id": "isis", "name": "Islamic State"}, {"id": "syrian-government", "name": "Syrian government"}],
	  "locations": [{"id": "palmyra", "name": "Palmyra"}],
	  "relations": [
	    {"kind": "controls", "from": "isis", "to": "palmyra", "start": "2015-05-21", "end": "2016-03-27", "sources": ["isw"]},
	    {"kind": "controls", "from": "syrian-government", "to": "palmyra", "start": "2016-03-27", "sources": ["isw"]}
	  ]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	var snap bytes.Buffer // or a file
	if _, err := c.WriteTo(&snap); err != nil {
		log.Fatal(err)
	}

	back, err := conflict.ReadSnapshot(&snap)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.Name(), "held by", back.At(time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)).Controller("palmyra").Holder)

	// A dataset file is not a snapshot.
	_, err = conflict.ReadSnapshot(strings.NewReader(`{"name": "Palmyra"}`))
	fmt.Println(err, errors.Is(err, conflict.ErrSnapshot))
	// Output:
	// Palmyra held by syrian-government
	// conflict: snapshot: not a snapshot true
}

// ReadFrom replaces what a Conflict held with the snapshot's record.
func ExampleConflict_ReadFrom() {
	first, err := conflict.Load(strings.NewReader(`{"name": "Aleppo", "sources": [{"id": "s"}], "actors": [{"id": "a", "name": "A"}]}`))
	if err != nil {
		log.Fatal(err)
	}
	var snap bytes.Buffer
	if _, err := first.WriteTo(&snap); err != nil {
		log.Fatal(err)
	}
	c, err := conflict.Load(strings.NewReader(`{"name": "Palmyra", "sources": [{"id": "t"}], "actors": [{"id": "b", "name": "B"}]}`))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.ReadFrom(&snap); err != nil {
		log.Fatal(err)
	}
	_, hasA := c.Actor("a")
	_, hasB := c.Actor("b")
	fmt.Println(c.Name(), hasA, hasB)
	// Output: Aleppo true false
}
