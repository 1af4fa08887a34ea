// Package table turns the record of a conflict into tidy tables — one row
// per fact, one column per variable, the same columns every time — and
// writes them as CSV, for pandas, DuckDB, R, Spark or a spreadsheet. Package
// github.com/conflictgraph/conflict/parquet writes the same tables, with the
// same columns, as Parquet.
//
//	zone := c.Zone()
//	t := table.ControlOver(c, from.In(zone), to.In(zone)) // who held each place, run by run
//	err := table.WriteCSV(w, t)
//
// There are four tables:
//
//   - ties: every tie — every period of every relation — with when it
//     began and ended and on whose word ([Ties]); or the ties in force at a
//     moment, with how sure each is ([TiesAt]).
//   - control: who holds each place at a moment ([ControlAt]), or over a
//     range of days, one row per place per run of days with the same
//     answer ([ControlOver]).
//   - changes: what opened and closed in a range of days ([Changes]).
//   - events: every event of the record ([Events]).
//
// A table is a name, its columns and its rows ([Table]); [WriteCSV] writes
// one. Each takes a [conflict.Record]: a whole *conflict.Conflict,
// or a conflict.View of it as known on a date, whose tables show only what
// was known then. Rows come in a fixed order, so one record gives the same
// tables every time. Instants are taken in their own location: give them in
// the record's time zone (t.In(c.Zone())), so that the days of the tables
// are the record's days.
//
// # Columns
//
// The columns of each table are listed below, in order, with their types:
// string, date (a calendar day), bool, or list (a list of strings); a type
// followed by ? may be null. Their names and types are the tables' schema
// and do not change: the golden files under testdata hold them. Names are
// snake_case. Columns ending in _id or named place, holder, location, id,
// and the elements of claimants, besiegers, contenders, actors and
// counterparts are the record's IDs, and columns ending in _name the
// nodes' names. The ends of a tie are from_id and to_id, not from and to,
// which are reserved words in SQL (as end is, which is why no column is
// called that alone).
//
// A certainty is "definite" (true whichever day in each imprecise date is
// the real one), "possible" (true for some) or "absent" (for none), as
// conflict.Certainty says it.
//
// In CSV, a null is an empty field, a date is written 2006-01-02, a bool
// true or false, and a list is its elements joined by ";" (an empty list,
// an empty field). In Parquet, a date is a DATE, a bool a BOOLEAN, a string
// a STRING and a list a LIST of STRING; see package parquet.
//
// # Dates
//
// The sources date a change to a year, a season, a month, a day, or an
// interval of days (see conflict.Date), and sometimes disagree. Every date
// in a table is given by columns that share a prefix X (start, end, date):
//
//	X_precision  string?  year, season, month, day or interval: the form in which the sources date it;
//	                      for dates they disagree on, that of the earliest date claimed
//	X_earliest   date?    the first day on which the change may have taken effect
//	X_latest     date?    the last such day, included: X_earliest for a date known to the day, the last
//	                      day of the month for a month; for dates the sources disagree on, the last day
//	                      of the latest date claimed
//	X_last       date?    only when the sources disagree: the first day of the latest date claimed;
//	                      the earliest claimed starts on X_earliest. Null when they agree
//
// A change takes effect at the start of one of the days from X_earliest to
// X_latest; the record cannot say which. So "2015-08" is X_precision month,
// X_earliest 2015-08-01 and X_latest 2015-08-31, and the claims "2015-10"
// and "2015-11-10" give month, 2015-10-01, 2015-11-10 and X_last
// 2015-11-10. A tie holds from the day its start takes effect up to, not
// including, the day its end does. All of a bound's columns are null when
// it is open: a start since before the record begins, or no end claimed.
// Days are calendar days of the record's time zone (conflict.Dataset's
// TimeZone).
//
// # The ties table
//
// One row per tie, sorted as conflict.Tie.Compare sorts (by kind, from_id,
// to_id and start):
//
//	kind             string   supports, allied, fights, ceasefire, part-of, controls, besieges or contests
//	from_id          string   the party the tie runs from; for allied, fights and ceasefire, the smaller ID
//	from_name        string?  its name
//	to_id            string   the party or the location the tie runs to
//	to_name          string?  its name
//	start_precision  string?  when the tie began: see Dates
//	start_earliest   date?
//	start_latest     date?
//	start_last       date?
//	end_precision    string?  when it ended
//	end_earliest     date?
//	end_latest       date?
//	end_last         date?
//	support          list     the kinds of support any claim names (supports ties only), in the order of
//	                          conflict.Support: troops, air-power, advisers, weapons, funding, training,
//	                          intelligence, territory
//	sources          list     the IDs of every source behind the tie, sorted
//	certainty        string?  at a moment (TiesAt), how sure it is that the tie holds then: definite or
//	                          possible; null in the table of every tie (Ties)
//
// # The control table
//
// One row per place, sorted by place, at a moment; or, over a range of
// days, one row per place per run of days with the same answer, sorted by
// place and from_day (conflict.Moment.Controller gives the answers):
//
//	place        string   the location's ID
//	place_name   string?  its name
//	from_day     date     the first day of the run; at a moment, the day of the moment
//	to_day       date     the last day of the run, included; at a moment, the day of the moment
//	state        string   held, besieged, contested or unknown (no claim covers it)
//	holder       string?  the one party that holds it, definitely or possibly; null when none or several
//	holder_name  string?  its name
//	certainty    string   how sure the holder or the claimants are: definite or possible; absent when
//	                      no party may hold it
//	claimants    list     when several parties possibly hold it, all of them, sorted; else empty
//	besiegers    list     the parties that possibly besiege it, sorted
//	besieged     string   how sure the siege is: definite, possible or absent
//	contenders   list     the parties that possibly contest it, sorted
//	rolled_up    bool     whether the answer comes from the places within it, no claim covering the
//	                      place itself (then at most possible)
//	sources      list     the IDs of the sources of the holder's controls tie, sorted; empty when no
//	                      one party holds it, or the answer is rolled up
//
// To ask who held a place on a day D, take the row of the place with
// from_day <= D <= to_day.
//
// # The changes table
//
// One row per change — a tie opening or closing — in time order (as
// conflict.Conflict.Changes sorts them), with the tie's columns as in the
// ties table:
//
//	date_precision   string   when the change took effect: see Dates
//	date_earliest    date
//	date_latest      date
//	date_last        date?
//	change           string   opened or closed
//	certainty        string   definite if the change surely falls in the range asked, possible if it may
//	kind             string   the tie's kind, as in the ties table
//	from_id          string
//	from_name        string?
//	to_id            string
//	to_name          string?
//	start_precision  string?  when the tie began
//	start_earliest   date?
//	start_latest     date?
//	start_last       date?
//	end_precision    string?  when it ended
//	end_earliest     date?
//	end_latest       date?
//	end_last         date?
//	support          list
//	sources          list
//
// # The events table
//
// One row per event of the record — a capture, a withdrawal, a siege laid
// or broken, an intervention, a ceasefire, an attack, an airstrike, a
// statement — sorted by date (as conflict.Date.Compare orders dates) and ID:
//
//	id              string   the event's ID
//	kind            string   capture, withdrawal, siege-laid, siege-broken, intervention, ceasefire,
//	                         attack, airstrike, statement or other
//	date_precision  string   when it happened: see Dates
//	date_earliest   date
//	date_latest     date
//	location        string?  the ID of the location, if any
//	location_name   string?  its name
//	actors          list     the parties that acted, in the record's order: for a capture, the captor first
//	counterparts    list     the other side: whom an intervention supports, with whom a ceasefire is made,
//	                         whom an attack targets, from whom a place is taken
//	support         list     the kinds of support an intervention gives
//	sources         list     the IDs of its sources, in the record's order
//	note            string?  the record's note
package table
