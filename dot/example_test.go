package dot_test

import (
	"log"
	"os"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/dot"
)

func ExampleWrite() {
	var c conflict.Conflict
	err := c.Add(conflict.Dataset{
		Sources: []conflict.Source{{ID: "wire"}},
		Actors: []conflict.Actor{
			{ID: "gov", Name: "Government"},
			{ID: "isis", Name: "Islamic State"},
		},
		Backers: []conflict.Backer{{ID: "russia", Name: "Russia"}},
		Relations: []conflict.Relation{
			{Kind: conflict.RelationSupports, From: "russia", To: "gov", Start: conflict.MustParseDate("2015-09-30"), Sources: []string{"wire"}},
			{Kind: conflict.RelationFights, From: "gov", To: "isis", Sources: []string{"wire"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	m := c.At(conflict.Day(2016, 1, 1).Time())
	if err := dot.Write(os.Stdout, m, dot.Options{Title: "2016-01-01", NoLegend: true}); err != nil {
		log.Fatal(err)
	}
	// Then draw it with Graphviz: go run . | dot -Tsvg -o graph.svg
	// Output:
	// strict digraph {
	// 	fontname="Helvetica";
	// 	fontsize="16";
	// 	label="2016-01-01";
	// 	labelloc="t";
	// 	rankdir="LR";
	// 	"gov" [ color="#4d4d4d", fillcolor="#8fb9e3", fontname="Helvetica", fontsize="11", label="Government", shape="ellipse", style="filled", tooltip="gov (actor), bloc 1",  weight=0 ];
	// 	"isis" [ color="#4d4d4d", fillcolor="#f4a582", fontname="Helvetica", fontsize="11", label="Islamic State", shape="ellipse", style="filled", tooltip="isis (actor), bloc 2",  weight=0 ];
	// 	"russia" [ color="#4d4d4d", fillcolor="#8fb9e3", fontname="Helvetica", fontsize="11", label="Russia", shape="box", style="filled,rounded", tooltip="russia (backer), bloc 1",  weight=0 ];
	// 	"gov" -> "isis" [ color="#d7191c", dir="none", penwidth="1.6", style="dashed", tooltip="gov fights isis […, …)",  weight=1 ];
	// 	"russia" -> "gov" [ arrowhead="normal", color="#1a9641", penwidth="1.6", style="solid", tooltip="russia supports gov [2015-09-30, …)",  weight=1 ];
	// }
}
