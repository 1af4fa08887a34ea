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
//     the year.
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
// Its date is the narrowest Date whose window holds every day from
// date_start to date_end: a day when they are one day, else their month
// when they fall in one month, else their year. A date_prec of 4 widens it
// to at least the month, and of 5 to at least the year: the window then
// holds the true day whatever the two dates say. A window across a new year
// has no Date that holds it; the event is then dated to the year of
// date_start, and its note says that no one date covers the window.
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
// windows that overlap or touch). A span starts on the narrowest Date that
// holds the days its fighting may have begun on (from the first window's
// first day to the earliest last day of its windows). It ends on the day
// after its last event when that is known to the day; otherwise on the
// narrowest month or year that holds the days its fighting may have ended
// on (from the day after the latest first day of its windows to the last
// window's last day), since a relation ending in a month possibly holds to
// the month's last day. A window across a new year widens the start to the
// year of its first day and the end to the year of its last. So the
// relation holds possibly or definitely on every day the events may have
// happened, and definitely on the days when they surely did: events dated
// to the days 2016-02-01 and 2016-02-02 make a span [2016-02-01,
// 2016-02-03), an event known only to April 2016 a span from 2016-04 to
// 2016-04 that possibly holds in April. Spans whose dates the library
// would take for one period (their windows overlap once coarsened to a
// month or a year) are joined, so that no period of a pair has disputed
// ends. The
// relation's note counts the span's events and names its first and last
// days.
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
// Read stops at the first bad row and returns an [*Error] with its row
// number (the header is row 1), column and value, wrapping [ErrMissing] or
// [ErrInvalid], or wrapping the error of [encoding/csv] when the file is
// not well-formed CSV or a row has more or fewer cells than the header.
// Every cell Read uses must be UTF-8; dates must fall in the years 1 to
// 9998.
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
