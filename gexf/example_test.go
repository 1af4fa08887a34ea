package gexf_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/gexf"
)

// Palmyra changed hands on 21 May 2015 and on 27 March 2016: each hold is a
// spell, from its first day to its last.
func ExampleWrite() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "wire"}},
		Actors: []conflict.Actor{
			{ID: "gov", Name: "Government"},
			{ID: "isis", Name: "Islamic State"},
		},
		Locations: []conflict.Location{{ID: "palmyra", Name: "Palmyra"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "gov", To: "palmyra", End: conflict.MustParseDate("2015-05-21"), Sources: []string{"wire"}},
			{Kind: conflict.RelationControls, From: "isis", To: "palmyra", Start: conflict.MustParseDate("2015-05-21"),
				End: conflict.MustParseDate("2016-03-27"), Sources: []string{"wire"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := gexf.Write(&b, &c); err != nil {
		log.Fatal(err)
	}
	for line := range strings.Lines(b.String()) {
		for _, tag := range []string{"<node ", "<edge ", "<spell "} {
			if strings.Contains(line, tag) {
				fmt.Print(strings.TrimPrefix(line, "      "))
			}
		}
	}
	// Output:
	// <node id="gov" label="Government">
	//     <spell end="2015-05-20"/>
	// <node id="isis" label="Islamic State">
	//     <spell start="2015-05-21" end="2016-03-26"/>
	// <node id="palmyra" label="Palmyra">
	//     <spell end="2016-03-26"/>
	// <edge id="0" source="gov" target="palmyra" type="directed" kind="controls" label="controls">
	//     <spell end="2015-05-20"/>
	// <edge id="1" source="isis" target="palmyra" type="directed" kind="controls" label="controls">
	//     <spell start="2015-05-21" end="2016-03-26"/>
}
