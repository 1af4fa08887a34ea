// Package ucdpged reads the UCDP Georeferenced Event Dataset (GED) into a
// [conflict.Dataset]: one attack event per row, the sides as actors, the
// places with their points, and fights spans between the sides that cover
// the days their events may have happened on.
//
// # The file
//
// The input is GED's CSV file, with a header row and one row per event.
// Columns are found by name, in any order and case; other columns are
// ignored. Read uses:
//
//   - id: the event's ID; the event's ID in the result is "ged-" and its
//     slug ("ged-123456"). IDs must be unique.
//   - type_of_violence: 1 state-based, 2 non-state, 3 one-sided.
//   - side_a, side_a_new_id, side_b, side_b_new_id: the sides' names and
//     UCDP actor IDs.
//   - date_start, date_end: the first and last day the event may have
//     happened on, "2006-01-02", perhaps followed by a time of day, which
//     is ignored ("2016-02-01 00:00:00.000").
//   - date_prec: 1 the day is known, 2 within 2 to 6 days, 3 the week, 4
//     within 8 to 30 days or the month, 5 within more than a month or only
//     the year; kept in the note.
//   - where_prec: 1 the exact place, 2 within about 25 km of a named place,
//     3 a second-order administrative area, 4 a first-order one, 5 a part
//     of the country larger than that, 6 only the country, 7 international
//     waters or airspace.
//   - where_coordinates, latitude, longitude: the place's name and point
//     (needed for where_prec 1 and 2).
//   - country; adm_1 (optional): the country and the first-order
//     administrative area.
//   - best, low, high (optional): the estimates of deaths, kept in the
//     event's note.
//
// # The mapping
//
// Each row is an event of kind attack, citing the file's source, whose
// first actor is side A and, unless the violence is one-sided, whose
// counterpart is side B. (In one-sided violence side B is the civilians,
// who are not a warring party: they get no node, and the note names them.)
// Its note gives the event's ID, type, window, estimates of deaths and
// where_prec.
//
// Its date is the window of days from date_start to date_end, which GED
// gives as the first and last day the event may have happened on: the day
// when they are one day; the month or the year when they are exactly a
// whole month or year; otherwise the interval of days
// ("2016-03-04/2016-03-06"), across a month or a new year if need be.
// date_prec says how wide the window is and is kept in the note; it does
// not widen the window, which GED's dates already make as wide as the
// precision needs (an event known only to April 2016 runs from 2016-04-01
// to 2016-04-30).
//
// The sides are actors, one per UCDP actor ID, named as GED names them,
// with ID the slug of the name ("government-of-syria"). An actor whose name
// begins "Government of " is of kind government; any other that is a side
// of state-based violence is a rebel-group, and one that is a side only of
// non-state violence a militia; the kind of one seen only in one-sided
// violence is left unspecified.
//
// Where the event happened, by where_prec:
//
//   - 1, 2: a location named where_coordinates, with the point, within the
//     adm_1 region if the row names one, else within the country.
//   - 3, 4: the adm_1 region (a location of kind region, within the
//     country) if the row names one, else the country.
//   - 5, 6: the country (a location of kind country).
//   - 7: none.
//
// A place is one location per country, region, name and point: two points
// with one name are two locations.
//
// # Fights spans
//
// The events of each pair of sides, in either order, make fights relations
// between them. Their windows, in order, join into a span while the gap
// from the last day the span's events may have happened to the first day
// the next event may have is at most [Options].MaxGap days (0 by default:
// windows that overlap or touch). The fighting of a span began at the
// start of a day from its first window's first day to the earliest last
// day of its windows, and stopped at the start of a day after the latest
// first day of its windows, up to the day after its last window's last
// day; its start and end are the Dates of those days. So the relation
// holds definitely from the earliest last day of the span's windows (when
// some event surely had happened) to their latest first day (when some
// event surely had yet to happen), possibly on the other days any of its
// events may have happened on, and on no other day (but for a day more at
// either end when its start or end falls on one of exactly two days,
// which no Date names). Events dated to the days 2016-02-01 and
// 2016-02-02 make a span [2016-02-01, 2016-02-03); an event known only to
// April 2016 a span from 2016-04 to 2016-04 that possibly holds in April;
// one between 2016-03-04 and 2016-03-06 a span that possibly holds on
// those three days. The spans of a pair never meet, so the library keeps
// each as a period of its own. The relation's note counts the span's
// events and names its first and last days.
//
// A span's end that the source could not know, because it falls after the
// source's publication ([Options].Source), is left open: the fighting goes
// on as far as the source knew.
//
// # Names and IDs
//
// IDs are slugs of names: lower-case letters and digits, other characters
// becoming hyphens. The library forbids two nodes whose names or IDs are
// the same but for case, spaces, hyphens and underscores, so a name that
// would clash is qualified: a place by its country ("Al-Qaim town, Iraq"),
// then its region, then its point; a region as "(region)", then by its
// country; a country as "(country)"; an actor by its UCDP ID. In a clash,
// regions yield first, then countries, then actors, then places, so that a
// town named as its province keeps its name; nodes of one rank yield
// together, not just the later ones, so that names do not depend on the
// order of the rows. A clash that qualifying cannot settle gets a number
// (" [2]", "-2") in the order the
// nodes first appear. The result lists nodes, events and relations in the
// order they first appear in the file; its Name is empty.
//
// # Errors
//
// By default Read stops at the first bad row and returns an [*Error] with
// its row number (the header is row 1), column and value, wrapping
// [ErrMissing] or [ErrInvalid], or wrapping the error of [encoding/csv]
// when the file is not well-formed CSV or a row has more or fewer cells
// than the header. Every cell Read uses must be UTF-8; dates must fall in
// the years 1 to 9998, and no event may only have happened after the
// publication of the source it cites ([Options].Source).
//
// With [Options].KeepGoing, Read skips each bad row (one that is not
// well-formed CSV too) and reads the rest, as if the bad rows were not
// there: a skipped row adds no actor, place, event or fighting. It returns
// the dataset of the good rows and, when it skipped any, an error that
// wraps [ErrSkipped]: a summary ("ucdpged: bad rows skipped: 2 of 317")
// and the *Error of each skipped row, joined with [errors.Join]. So err ==
// nil means every row was read; errors.Is(err, ucdpged.ErrSkipped), that
// the dataset holds the good rows and err lists the others; any other
// error, that nothing was read.
//
// # Licence and citation
//
// UCDP data are released under the Creative Commons Attribution 4.0 licence
// (CC BY 4.0): whoever publishes results must credit UCDP and cite
// Sundberg, R. & Melander, E. (2013), Introducing the UCDP Georeferenced
// Event Dataset, Journal of Peace Research 50(4), together with the UCDP
// article for the release used. The file does not name its release: pass
// [Source] of the version in [Options] to record it.
package ucdpged
