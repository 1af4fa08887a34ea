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
// It needs a C compiler (Debian package gcc). The first build links
// DuckDB's static library, about 40 seconds on the 2-core reference
// machine; the tests then take a few seconds.
package duckdbtest
