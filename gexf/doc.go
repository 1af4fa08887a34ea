// Package gexf writes the whole record of a conflict as a dynamic graph in
// GEXF 1.3, the XML graph format of Gephi, whose timeline then plays the war:
//
//	gexf.Write(file, c)
//
// The same file opens, with its spells, in networkx 3 (read_gexf) and in
// graphology (graphology-gexf); the section Other readers says what each
// of them needs and sees.
//
// # The graph
//
// The graph is mode="dynamic", timeformat="date" and
// timerepresentation="interval": every node and edge present only part of
// the time has spells, each a closed interval of UTC days, with start and
// end both included, as GEXF 1.3 reads them. A missing start means since
// before the record begins, a missing end that no end is known.
//
// Nodes are the record's actors, backers and locations, in the order they
// were added, with the record's IDs as node IDs and their names as labels.
// Their attributes (static) are type (actor, backer or location), kind (the
// word of their kind, when set), within (for a location inside another, the
// other's ID), latitude and longitude (doubles, for a location with a
// point; Gephi's geographic layouts read them) and spells (see Spells as
// an attribute, below). A node is present while it has a tie of any kind: its
// spells are the union of its edges' spells, merged where they overlap or
// touch. A node with no tie, or with ties that together cover all time, has
// no spells and is present throughout.
//
// Edges are relations: one edge for each kind of relation from one node to
// another, in the direction of the relation, with one spell for each of its
// periods, each a [conflict.Tie] of [conflict.Conflict.Ties]. Every edge is
// type="directed", as is the graph's defaultedgetype: a relation of a
// symmetric kind (allied, fights, ceasefire) is written as two edges, one
// each way, alike but for their ends and IDs, the first from the smaller
// node ID. Edge IDs count from 0 in the order the edges are written. Each
// edge has the kind of relation as its label, as its GEXF kind (so that
// Gephi keeps the kinds between two nodes apart as parallel edges) and as
// the attribute kind. Gephi merges parallel edges of one kind, so the
// periods of one relation are spells of one edge rather than edges of their
// own.
//
// The edge attributes are declared dynamic. Two hold throughout (they have
// no start or end): kind, and spells (see Spells as an attribute). The
// others say what differs from one period to the next, each value over its
// period's spell: dates (the period's start and end as the claims date
// them, as [conflict.Bound.String] writes them: "2015-08",
// "2015-10 or 2015-11-10", "…" for an open end), support (the kinds of
// support, comma-separated; supports only) and sources (the IDs of the
// sources behind the period, comma-separated).
//
// # Imprecise and disputed dates
//
// A spell covers every day on which the period may hold: it starts on the
// first day the tie may have begun (the first day of "2015-08"; the earlier
// claim of a disputed start) and ends on the last day before the latest
// instant its end may have taken effect (2015-11-09 for an end claimed as
// "2015-10 or 2015-11-10"; 2016-03-26 for an end on 2016-03-27, since a tie
// no longer holds on the day its end takes effect). So the spells show what
// may have been, widest reading; the dates attribute says how sure each end
// is.
//
// # Spells as an attribute
//
// Every node and edge that has spells also has the string attribute spells,
// which lists the same spells, in the same order, as ISO 8601 intervals of
// days, first and last day included, separated by ", ", with ".." for an
// open end: "2015-05-21/2016-03-26, 2016-12-11/..". It is there for readers
// that skip GEXF's spells element, graphology among them.
//
// # Other readers
//
// The tests read the output of the worked example with networkx 3.6 and
// with graphology-gexf 0.13.2, and compare what they read with the file.
// What each reader needs shaped the file:
//
//   - networkx's read_gexf stops at the first edge whose type differs from
//     the graph's defaultedgetype ("Undirected edge found in directed
//     graph"), and Gephi's importer reports type="mutual", the one type
//     networkx would read both ways, as an error: hence every edge
//     directed, and the symmetric kinds as pairs. networkx reads spells
//     into the data key "spells", as (start, end) pairs of strings with
//     "None" for an open end, and dynamic attributes as lists of (value,
//     start, end): the kind as [("controls", "None", "None")] (the label
//     is the kind as a plain string).
//   - graphology-gexf reads only the last attributes element of each class,
//     and stops at an attvalue that element does not declare: hence one
//     attributes element for nodes and one for edges. It reads neither
//     spells nor the start and end of values, and keeps the last value of
//     each attribute: it has the spells from the spells attribute, and
//     dates, support and sources of the last period only. It makes a
//     directed graph, a multigraph when relations of several kinds join
//     two nodes.
//   - Gephi's importer (not run by the tests) reads a dynamic attribute's
//     value that has no start or end as holding throughout.
//
// # Output
//
// Write writes UTF-8 with two-space indentation, no modification date, and
// everything in a fixed order (nodes as added, edges in the order of
// [conflict.Tie.Compare]), so that one record gives the same bytes every
// time. The file validates against the published GEXF 1.3 XML schema. No
// viz colours or positions are written: that schema expects them in the
// GEXF namespace, while Gephi's own files put them in the viz namespace,
// which the schema rejects; Gephi's layouts and partitions (by type, or by
// kind) place and colour the graph.
package gexf
