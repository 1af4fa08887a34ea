// Package bench compares package conflict with DuckDB, the tool an analyst
// would reach for to ask the same dated questions of a table of ties.
//
// The ties of a record (every period of every relation, as
// conflict.Conflict.Ties combines the claims) are written as CSV by
// [WriteCSV], one row per tie, and [Load] ingests that file into an
// in-memory DuckDB database the way a careful user would: typed columns,
// the relation kinds as an ENUM in the library's order, the table sorted by
// start, indexes on the two ends, and a table of dated changes beside it.
// [DB]'s methods then answer each question the benchmarks ask with one SQL
// query, following the package's documented three-valued semantics:
//
//   - a tie is possibly in force on day q if start_lo <= q < end_hi, and
//     definitely if start_hi <= q < end_lo, where a start or end window runs
//     from its _lo day (the first day the change may have taken effect) to
//     its _hi day (the day by which it surely had); open ends are the DATE
//     values -infinity and infinity;
//   - a change (a dated start or end) falls in the days [q1, q2) possibly if
//     first < q2 and q1 <= last, and definitely if q1 <= first and
//     last < q2, where last is the last day it may have taken effect.
//
// The tests check that the answers agree with the library's; the benchmarks
// (BenchmarkPeers) time both on the same data and arguments. See README.md.
package bench
