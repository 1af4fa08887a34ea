// Package duckdbtest reads the tables of packages table and parquet with
// DuckDB, through github.com/duckdb/duckdb-go/v2 (cgo, with DuckDB built
// in), and checks that a plain SQL query of the files gives the library's
// answers: who holds every place, in what state and how surely, at twenty
// instants, on the worked example and on a generated record, from the
// Parquet files and from the CSV files alike; and that DuckDB sees each
// column with its type.
//
// It is a module of its own so that DuckDB is no dependency of the
// library's module. Run it from this directory:
//
//	go test ./...
//
// It needs C and C++ compilers (Debian packages gcc and g++). On the
// 2-core reference machine, go test ./... takes about three minutes with an
// empty build cache, and about 13 seconds after that, most of it linking
// DuckDB's static library: the tests themselves run in 2 to 4 seconds.
package duckdbtest
