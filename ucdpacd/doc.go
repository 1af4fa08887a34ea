// Package ucdpacd reads the UCDP/PRIO Armed Conflict Dataset (ACD) into a
// [conflict.Dataset]: the governments and opposition sides of each
// state-based armed conflict, who fought whom in which years, and which
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
//   - side_b (optional): UCDP's names for a non-state side B, kept in a
//     note.
//   - version (optional): the UCDP release, named in the source.
//
// Every code column may hold one code or several separated by commas, as
// UCDP's own files do ("365, 630"). A code is a whole number from 1 to 9999.
//
// # The mapping
//
// Each state is named after the list of independent states of Gleditsch and
// Ward (1999), from a table of the codes that occur in the dataset; a code
// not in the table is named "Gleditsch-Ward state 999", with ID "gw-999".
// From each row:
//
//   - The state on side A, and the state on side B when there is one, is
//     an actor of kind government, "Government of Syria", with ID the slug
//     of the state's name and "-government": "syria-government".
//   - A side B that is not a state is one actor per conflict, of kind
//     rebel-group: "Opposition in UCDP conflict 299", ID
//     "conflict-299-opposition". UCDP's side B is often several groups;
//     the actor stands for all of them.
//   - A state backing a side with troops is a backer of kind state, with
//     ID the slug of its name: "russia". A state that is also a side of some
//     conflict is then two nodes, the backer "russia" and the actor
//     "russia-government".
//   - Side A fights side B in the year: a fights relation.
//   - Each backer supports the side it backs in the year: a supports
//     relation from the backer to each state of that side (or to the
//     conflict's opposition), with support kind troops.
//
// The years of one relation are merged, across conflicts, into spans of
// consecutive years. A span from year a to year b is the relation with
// Start conflict.Year(a) and End conflict.Year(b): it began at some time
// in a and ended at some time in b, so it holds definitely from the end of
// a to the start of b and possibly within a and b. (It does not end in
// b+1: the dataset says nothing of b+1.) A relation of a single year only
// possibly holds at any instant of it. Each relation's note names the
// conflicts and years behind it: "troops; UCDP conflicts 299 (2015-2024),
// 13604 (2015-2024)".
//
// The result has no locations and no events, and its Name is empty, so
// adding it to a [conflict.Conflict] does not rename it. Its order depends
// only on its content, not on the order of the rows: backers and actors by
// code (governments, then oppositions by conflict ID), relations by kind,
// ends and start. Every relation cites the one source of the file (see
// [Source] and [Options]).
//
// # Errors
//
// Read stops at the first bad row and returns an [*Error] with its row
// number (the header is row 1), column and value, wrapping [ErrMissing] or
// [ErrInvalid], or wrapping the error of [encoding/csv] when the file is
// not well-formed CSV or a row has more or fewer cells than the header.
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
