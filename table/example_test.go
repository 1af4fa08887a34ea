package table_test

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/table"
)

// palmyra returns a small record: ISIS took Palmyra in May 2015 (a date
// known to the month) and lost it on 27 March 2016.
func palmyra() *conflict.Conflict {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		TimeZone: "Asia/Damascus",
		Sources:  []conflict.Source{{ID: "isw", Published: conflict.MustParseDate("2016-12-13")}},
		Actors: []conflict.Actor{
			{ID: "isis", Name: "Islamic State"},
			{ID: "syrian-government", Name: "Syrian government"},
		},
		Locations: []conflict.Location{{ID: "palmyra", Name: "Palmyra"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationControls, From: "syrian-government", To: "palmyra", End: conflict.MustParseDate("2015-05"), Sources: []string{"isw"}},
			{Kind: conflict.RelationControls, From: "isis", To: "palmyra", Start: conflict.MustParseDate("2015-05"), End: conflict.MustParseDate("2016-03-27"), Sources: []string{"isw"}},
			{Kind: conflict.RelationControls, From: "syrian-government", To: "palmyra", Start: conflict.MustParseDate("2016-03-27"), Sources: []string{"isw"}},
		},
		Events: []conflict.Event{
			{ID: "palmyra-retaken", Kind: conflict.EventCapture, Date: conflict.MustParseDate("2016-03-27"), Location: "palmyra",
				Actors: []string{"syrian-government"}, Counterparts: []string{"isis"}, Sources: []string{"isw"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	return &c
}

// on returns the instant day s begins in c's time zone.
func on(c *conflict.Conflict, s string) time.Time {
	d := conflict.MustParseDate(s)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, c.Zone())
}

func ExampleControlOver() {
	c := palmyra()
	t := table.ControlOver(c, on(c, "2015-01-01"), on(c, "2017-01-01"))
	if err := table.WriteCSV(os.Stdout, t); err != nil {
		log.Fatal(err)
	}
	// Output:
	// place,place_name,from_day,to_day,state,holder,holder_name,certainty,claimants,besiegers,besieged,contenders,rolled_up,sources
	// palmyra,Palmyra,2015-01-01,2015-04-30,held,syrian-government,Syrian government,definite,,,absent,,false,isw
	// palmyra,Palmyra,2015-05-01,2015-05-31,held,,,possible,isis;syrian-government,,absent,,false,
	// palmyra,Palmyra,2015-06-01,2016-03-26,held,isis,Islamic State,definite,,,absent,,false,isw
	// palmyra,Palmyra,2016-03-27,2016-12-31,held,syrian-government,Syrian government,definite,,,absent,,false,isw
}

func ExampleControlAt() {
	c := palmyra()
	t := table.ControlAt(c, on(c, "2015-05-15"))
	for _, row := range t.Rows {
		fmt.Println(row[0], row[4], row[7], row[8])
	}
	// Output:
	// palmyra held possible [isis syrian-government]
}

func ExampleTies() {
	c := palmyra()
	t := table.Ties(c)
	if err := table.WriteCSV(os.Stdout, t); err != nil {
		log.Fatal(err)
	}
	// Output:
	// kind,from_id,from_name,to_id,to_name,start_precision,start_earliest,start_latest,start_last,end_precision,end_earliest,end_latest,end_last,support,sources,certainty
	// controls,isis,Islamic State,palmyra,Palmyra,month,2015-05-01,2015-05-31,,day,2016-03-27,2016-03-27,,,isw,
	// controls,syrian-government,Syrian government,palmyra,Palmyra,,,,,month,2015-05-01,2015-05-31,,,isw,
	// controls,syrian-government,Syrian government,palmyra,Palmyra,day,2016-03-27,2016-03-27,,,,,,,isw,
}

func ExampleTiesAt() {
	c := palmyra()
	t := table.TiesAt(c, on(c, "2015-05-15"))
	for _, row := range t.Rows {
		fmt.Println(row[0], row[1], row[3], row[len(row)-1])
	}
	// Output:
	// controls isis palmyra possible
	// controls syrian-government palmyra possible
}

func ExampleChanges() {
	c := palmyra()
	t := table.Changes(c, on(c, "2016-03-01"), on(c, "2016-04-01"))
	for _, row := range t.Rows {
		fmt.Println(row[1].(time.Time).Format(time.DateOnly), row[4], row[6], row[7], row[9])
	}
	// Output:
	// 2016-03-27 closed controls isis palmyra
	// 2016-03-27 opened controls syrian-government palmyra
}

func ExampleEvents() {
	c := palmyra()
	if err := table.WriteCSV(os.Stdout, table.Events(c)); err != nil {
		log.Fatal(err)
	}
	// Output:
	// id,kind,date_precision,date_earliest,date_latest,location,location_name,actors,counterparts,support,sources,note
	// palmyra-retaken,capture,day,2016-03-27,2016-03-27,palmyra,Palmyra,syrian-government,isis,,isw,
}

func ExampleSpan() {
	c := palmyra()
	first, last := table.Span(c)
	fmt.Println(first, last)
	// Output:
	// 2015-05-01 2016-03-28
}

func ExampleTable_Check() {
	t := table.Table{
		Name:    "custom",
		Columns: []table.Column{{Name: "day", Type: table.TypeDate}},
		Rows:    []table.Row{{time.Date(2016, 3, 27, 12, 0, 0, 0, time.UTC)}},
	}
	fmt.Println(t.Check())
	// Output:
	// table custom, row 1, column day: 2016-03-27T12:00:00Z is not midnight UTC: table: value does not fit its column
}
