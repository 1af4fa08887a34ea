package parquet_test

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/parquet"
	"github.com/conflictgraph/conflict/table"
	pq "github.com/parquet-go/parquet-go"
)

func ExampleWrite() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "isw"}},
		Actors: []conflict.Actor{
			{ID: "isis", Name: "Islamic State"},
			{ID: "syrian-government", Name: "Syrian government"},
		},
		Locations: []conflict.Location{{ID: "palmyra", Name: "Palmyra"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "isis", To: "palmyra", Start: conflict.MustParseDate("2015-05"), End: conflict.MustParseDate("2016-03-27"), Sources: []string{"isw"}},
			{Kind: conflict.RelationControls, From: "syrian-government", To: "palmyra", Start: conflict.MustParseDate("2016-03-27"), Sources: []string{"isw"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	from, to := conflict.Day(2015, 1, 1).Time(), conflict.Day(2017, 1, 1).Time()
	var file bytes.Buffer
	if err := parquet.Write(&file, table.ControlOver(&c, from, to)); err != nil {
		log.Fatal(err)
	}

	// Read it back, as any reader of Parquet would.
	type control struct {
		Place     string    `parquet:"place"`
		FromDay   time.Time `parquet:"from_day,date"`
		ToDay     time.Time `parquet:"to_day,date"`
		Holder    *string   `parquet:"holder,optional"`
		Certainty string    `parquet:"certainty"`
		Claimants []string  `parquet:"claimants,list"`
	}
	rows, err := pq.Read[control](bytes.NewReader(file.Bytes()), int64(file.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rows {
		holder := "-"
		if r.Holder != nil {
			holder = *r.Holder
		}
		fmt.Println(r.Place, r.FromDay.Format(time.DateOnly), r.ToDay.Format(time.DateOnly), holder, r.Certainty, r.Claimants)
	}
	// Output:
	// palmyra 2015-01-01 2015-04-30 - absent []
	// palmyra 2015-05-01 2015-05-31 isis possible []
	// palmyra 2015-06-01 2016-03-26 isis definite []
	// palmyra 2016-03-27 2016-12-31 syrian-government definite []
}
