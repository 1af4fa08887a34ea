// Package acled reads event data of the Armed Conflict Location & Event
// Data Project (ACLED) into a [conflict.Dataset]: one event per row, its
// actors and associated actors, the places with their points, and the
// territory transfers as captures that move control of a place.
//
// # The file
//
// The input is a CSV export of ACLED's events in the column layout ACLED
// has used since March 2023 (event_id_cnty, event_date, year,
// time_precision, disorder_type, event_type, sub_event_type, actor1,
// assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction,
// civilian_targeting, iso, region, country, admin1, admin2, admin3,
// location, latitude, longitude, geo_precision, source, source_scale,
// notes, fatalities, tags, timestamp). Columns are found by name, in any
// order and case; other columns are ignored. Read needs event_id_cnty,
// event_date, time_precision, event_type, sub_event_type, actor1, inter1,
// actor2, inter2, country, location, latitude, longitude and
// geo_precision, and uses assoc_actor_1, assoc_actor_2, admin1,
// fatalities, notes, source and civilian_targeting when present.
//
//   - event_date: "2016-03-27" (as ACLED's API writes it), "27 March 2016"
//     or "27-Mar-2016" (its export tool), or "27/03/2016" (day first).
//   - time_precision: 1 the day is known; 2 only the week (or weekend, or
//     a similar span of days), event_date being a day within it; 3 only
//     the month, event_date being a day of it.
//   - inter1, inter2: the actor's type, a code from 1 to 8 (1 state forces,
//     2 rebel group, 3 political militia, 4 identity militia, 5 rioters, 6
//     protesters, 7 civilians, 8 external/other forces) or, as exports
//     since 2024 write it, its name; 0 or empty with no actor.
//   - geo_precision: 1 the place is known; 2 a place near where it
//     happened; 3 only the region, location naming a place that stands for
//     it.
//
// # The mapping
//
// Each row is an event citing the file's source, with ID "acled-" and the
// slug of event_id_cnty ("acled-syr12345"); IDs must be unique. Its actors
// are actor1 and then the associated actors of assoc_actor_1 (separated by
// semicolons), its counterparts actor2 and those of assoc_actor_2, each
// once. Its kind:
//
//   - The territory transfers, sub-event types "Government regains
//     territory", "Non-state actor overtakes territory", "Non-violent
//     transfer of territory" and "Headquarters or base established", are
//     captures, with actor1 as the captor: the capture opens actor1's
//     controls of the place and ends every other party's. Establishing a
//     headquarters or base is read as taking control of the place; the
//     reading overstates a base set up in a place that others still hold.
//     A transfer whose place is known only to its
//     region (geo_precision 3) is not read as a capture of the region: it
//     is an event of kind other, and its note says so.
//   - "Air/drone strike" is an airstrike.
//   - "Agreement" is a statement. (It is not read as a ceasefire: ACLED's
//     agreements include much else, and a ceasefire event would open a
//     ceasefire relation.)
//   - Every other sub-event of the types "Battles", "Explosions/Remote
//     violence" (shelling, missiles, explosives, suicide bombs, grenades,
//     chemical weapons) and "Violence against civilians" is an attack.
//   - Everything else (protests, riots, arrests, looting, changes to a
//     group, other strategic developments, types this package does not
//     know) is of kind other.
//
// Its date: the day of event_date at time_precision 1; its month at 3;
// at 2, the 7 days from three days before event_date to three days after,
// an interval of days ("2016-08-07/2016-08-13" for 10 August 2016), which
// may cross a month or a year. ACLED's codebook says only that at
// precision 2 the sources place the event in a week (or a weekend, or a
// similar span of days) and event_date is a day within it; for a month
// (precision 3) it codes the middle day. The 7 days centred on event_date
// hold the whole week when event_date is its middle day, as for months,
// and a weekend coded to either of its days, whichever day starts the
// week. (A week coded to its first or last day would reach up to three
// days beyond them: read such dates as "around event_date".) The note
// gives the event and sub-event types, the precision when not 1, the
// fatalities, civilian targeting, ACLED's sources and its notes.
//
// Each name in actor1, actor2 and the associated actors is an actor, names
// that differ only in case, spaces, hyphens and underscores being one
// actor, with ID the slug of the name ("military-forces-of-syria-2000").
// Its kind comes from the lowest actor type it is seen with: state forces
// are armed-forces, or government for a name beginning "Government of ";
// rebel groups rebel-group; political and identity militias militia;
// rioters, protesters and civilians other; external and other forces
// armed-forces. An actor seen only as an associated actor has no kind.
//
// The country is a location of kind country, the admin1 region one of kind
// region within it. An event at geo_precision 1 or 2 is at a location named
// by the location column, with its point, within the region if admin1 is
// given, else within the country; one location per country, region, name
// and point. An event at geo_precision 3 is at the region, or the country
// when admin1 is empty.
//
// # Names and IDs
//
// IDs are slugs of names: lower-case letters and digits, other characters
// becoming hyphens. The library forbids two nodes whose names or IDs are
// the same but for case, spaces, hyphens and underscores, so a name that
// would clash is qualified: a place by its country ("Al Qaim, Iraq"), then
// its region, then its point; a region as "(region)", then by its country;
// a country as "(country)"; an actor as "(actor)". In a clash, regions
// yield first, then countries, then actors, then places, so that the town
// of Aleppo keeps its name and the province becomes "Aleppo (region)";
// nodes of one rank yield together, not just the later ones, so that names
// do not depend on the order of the rows. A clash that qualifying cannot
// settle gets a number (" [2]", "-2") in the order the nodes first appear.
// The result lists nodes and events in the order they first appear in the
// file; it has no relations of its own (the captures make them), and its
// Name is empty.
//
// # Errors
//
// By default Read stops at the first bad row and returns an [*Error] with
// its row number (the header is row 1), column and value, wrapping
// [ErrMissing] or [ErrInvalid], or wrapping the error of [encoding/csv]
// when the file is not well-formed CSV or a row has more or fewer cells
// than the header. Every cell Read uses must be UTF-8; dates must fall in
// the years 1 to 9998, and none after the publication of the source the
// events cite ([Options].Source), which cannot vouch for them.
//
// With [Options].KeepGoing, Read skips each bad row (one that is not
// well-formed CSV too) and reads the rest, as if the bad rows were not
// there: a skipped row adds no actor, place or event. It returns the
// dataset of the good rows and, when it skipped any, an error that wraps
// [ErrSkipped]: a summary ("acled: bad rows skipped: 2 of 317") and the
// *Error of each skipped row, joined with [errors.Join]. So after
//
//	ds, err := acled.Read(f, &acled.Options{KeepGoing: true})
//
// err == nil means every row was read; errors.Is(err, acled.ErrSkipped),
// that ds holds the good rows and err lists the others; any other error
// (a header without a required column, a reader that fails), that nothing
// was read.
//
// # Terms of use and citation
//
// ACLED's data are not open data: their use is subject to ACLED's terms of
// use, which require attribution and do not allow the data to be
// redistributed, so this package's tests use invented rows. Cite Raleigh,
// C., Linke, A., Hegre, H. & Karlsen, J. (2010), Introducing ACLED: An
// Armed Conflict Location and Event Dataset, Journal of Peace Research
// 47(5), and the date the data were accessed; [Source] of that date
// records it.
package acled
