// Package ucdpacd reads the UCDP/PRIO Armed Conflict Dataset (ACD) into a
// [conflict.Dataset]: the states and opposition groups of each state-based
// armed conflict, who fought whom over which episodes of it, and which
// states backed a side with troops.
//
// # The file
//
// The input is a CSV file with a header row, one row per conflict and year
// (or, in the long form prepared by the R package peacesciencer, one row
// per combination of the states of that conflict-year). Columns are found
// by name, in any order and case; other columns are ignored. Read uses:
//
//   - conflict_id (required): the UCDP conflict ID, such as 299.
//   - year (required): the calendar year of the row.
//   - gwno_a (required, not empty): the Gleditsch-Ward code of the state on
//     side A, the government side.
//   - gwno_a_2nd, gwno_b, gwno_b_2nd (required, may be empty): the states
//     backing side A with troops; the state on side B, empty when side B is
//     not a state; the states backing side B with troops.
//   - side_b, side_b_id (optional): UCDP's names and actor IDs for a
//     non-state side B, as lists ("IS, Syrian insurgents" and "234, 1046").
//   - start_date and start_prec, start_date2 and start_prec2 (optional):
//     the day of the first battle-related death in the conflict and in the
//     episode ("2011-04-25"), and their precision (1 the day is known).
//   - ep_end, ep_end_date and ep_end_prec (optional): 1 if the episode
//     ended in the year, 0 if it did not; the day it ended; its precision.
//   - incompatibility, intensity_level, type_of_conflict, region
//     (optional): what the conflict was fought over, its intensity in the
//     year (1 minor, 2 war), its type, its region, kept as attributes.
//   - version (optional): the UCDP release, named in the source.
//
// Every code column may hold one code or several separated by commas, as
// UCDP's own files do ("365, 630"). A code is a whole number from 1 to 9999.
// Dates are days, "2006-01-02", perhaps followed by a time of day, which is
// ignored, in the years 1 to 9998.
//
// # The parties
//
// Each state is one node, whatever its roles: "Government of Russia", with
// ID the slug of the state's name and "-government" ("russia-government"),
// named after the list of independent states of Gleditsch and Ward (1999)
// from a table of the codes that occur in the dataset (a code not in the
// table is "Gleditsch-Ward state 999", "gw-999-government"). A state on side
// A or B in any row read is an actor of kind government; a state that only
// backs a side is a backer of kind state. Either way it may fight, back,
// and be backed.
//
// A non-state side B is the actors its row names: one actor of kind
// rebel-group per UCDP actor ID of side_b_id, named as side_b names it
// (the name of the latest year, when UCDP renames it), or, without IDs,
// per name of side_b (names the same but for case, spaces, hyphens and
// underscores being one); its ID is the slug of the name ("is"), and a name
// that would clash with another node's is qualified by the UCDP actor ID.
// The actor is the same across the conflicts that name it. Only when a row
// names no one is side B one actor for the whole conflict, "Opposition in
// UCDP conflict 299", ID "conflict-299-opposition".
//
// # The relations
//
// In each year of a conflict, each state of side A fights each party of
// side B, and each state backing a side supports each party of that side,
// with support kind troops. The years of one relation join, across the
// conflicts that state it, into a relation for each run of years that
// follow each other, unless the episodes of all of them ended in the year
// before the next (ep_end 1): a new episode is a new relation.
//
// A relation's start and end are the days of its episode where the file
// gives them and they are the relation's own; otherwise the year:
//
//   - The fighting between the one party of each side, in a year in which
//     each side is one party, starts on the day of the episode's first
//     battle-related death (start_date2, or start_date when start_date2 is
//     not given), when the run begins in that day's year, and ends on the
//     day after the episode ended (ep_end_date: the relation holds on the
//     day of the last fighting). So it holds definitely from the one to the
//     other: UCDP's conflict 13809 fought its episode from 2016-04-23 to
//     2016-11-28, and the relation [2016-04-23, 2016-11-29) is definite on
//     2016-06-01.
//   - Any other relation (a party among several on a side, a backer)
//     began, and ended, on some day on which the conflict was active in the
//     run's first and last years: from the episode's first battle-related
//     death, if in the year, or the year's first day, to the episode's end,
//     if in the year, or its last day. A span from year a to year b is then
//     the relation with Start conflict.Year(a) and End conflict.Year(b): it
//     holds definitely from the end of a to the start of b and possibly
//     within a and b ("2024-02-03/2024-12-31" when the episode began on
//     2024-02-03). A relation of a single year only possibly holds at any
//     instant of it.
//   - A date of a precision other than 1 is read as some day of its year.
//   - A relation whose conflict's episode had not ended (ep_end 0) when the
//     rows of that conflict stop, as they do for the conflicts active in the
//     last year of the data, has no end: the last year is not read as the
//     end of a conflict that goes on. Without an ep_end column Read cannot
//     tell, and such a relation ends in its last year.
//   - When several conflicts state a relation in its first or last year,
//     its start is the earliest they give, and its end the latest.
//
// Each relation's note names the conflicts and years behind it: "troops;
// UCDP conflicts 299 (2015-2024), 13604 (2015-2024)". Its attributes are
// what the file says of them, as it says it (UCDP's own files code
// incompatibility 1 territory, 2 government, 3 both; type_of_conflict 1
// extrasystemic, 2 interstate, 3 intrastate, 4 internationalized
// intrastate; region 1 Europe, 2 Middle East, 3 Asia, 4 Africa, 5
// Americas; peacesciencer writes words):
//
//   - conflict_id: the conflicts, "299, 13604".
//   - incompatibility, type_of_conflict, region: the value, or when the
//     years behind the relation give several, each with its years:
//     "intrastate (2011-2014), II (2015-2024)".
//   - intensity_level: the highest intensity in the relation's years, "2"
//     when any year was a war; intensity_level_by_year: the intensity of
//     each year, "1 (2011), 2 (2012-2024)".
//
// A relation is a period of fighting or backing, and intensity a measure of
// a calendar year: splitting a relation at each change of intensity would
// make its Timeline report endings and beginnings that did not happen. The
// highest level is what an analyst selects wars by ("did this conflict
// reach 1,000 battle-related deaths in a year?"), and the levels by year
// keep the rest.
//
// The result has no locations and no events, and its Name is empty, so
// adding it to a [conflict.Conflict] does not rename it. Its order depends
// only on its content, not on the order of the rows: actors (states by
// code, named actors by UCDP actor ID or name, oppositions by conflict ID)
// and backers by code, relations by kind, ends and start. Every relation
// cites the one source of the file (see [Source] and [Options]); a relation
// whose end the source could not know, as it falls after the source's
// publication, is left open.
//
// # Errors
//
// By default Read stops at the first bad row and returns an [*Error] with
// its row number (the header is row 1), column and value, wrapping
// [ErrMissing] or [ErrInvalid], or wrapping the error of [encoding/csv]
// when the file is not well-formed CSV or a row has more or fewer cells
// than the header. Every cell Read uses must be UTF-8. A row's dates must
// agree with it: a start after the row's year, an episode's end date in
// another year or before its start, a conflict that begins after its
// episode, and side_b_id listing more or fewer actors than side_b are
// errors; so is a row after the publication of the source
// ([Options].Source).
//
// With [Options].KeepGoing, Read skips each bad row (one that is not
// well-formed CSV too) and reads the rest, as if the bad rows were not
// there: a skipped row adds no party or relation, and says nothing of its
// conflict's episode. It returns the dataset of the good rows and, when it
// skipped any, an error that wraps [ErrSkipped]: a summary ("ucdpacd: bad
// rows skipped: 2 of 317") and the *Error of each skipped row, joined with
// [errors.Join]. So err == nil means every row was read;
// errors.Is(err, ucdpacd.ErrSkipped), that the dataset holds the good rows
// and err lists the others; any other error, that nothing was read.
//
// # Licence and citation
//
// UCDP data are released under the Creative Commons Attribution 4.0 licence
// (CC BY 4.0): whoever publishes results must credit UCDP and cite
// Gleditsch, N. P., Wallensteen, P., Eriksson, M., Sollenberg, M. & Strand,
// H. (2002), Armed Conflict 1946-2001: A New Dataset, Journal of Peace
// Research 39(5), together with the UCDP article for the release used
// (for v25.1: Davies, S., Pettersson, T., Sollenberg, M. & Öberg, M.
// (2025), Organized violence 1989-2024, and the challenges of identifying
// civilian victims, Journal of Peace Research 62(4)). The names of states
// follow Gleditsch, K. S. & Ward, M. D. (1999), A revised list of
// independent states since the congress of Vienna, International
// Interactions 25(4). The source Read creates says so in its note.
package ucdpacd
