package bench

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/conflictgraph/conflict"
	_ "github.com/duckdb/duckdb-go/v2" // the "duckdb" database/sql driver
)

// A DB is an in-memory DuckDB database holding the ties of one record, as
// [Load] made it, with its queries prepared. It is safe for concurrent use,
// as database/sql is.
type DB struct {
	db    *sql.DB
	stmts [numQueries]*sql.Stmt
}

// Load opens a new in-memory DuckDB database and ingests the CSV file at
// path, written by [WriteCSV], as a careful analyst would:
//
//   - the relation kinds as an ENUM type in the library's order, so that
//     ORDER BY kind sorts as the library does, and the days as DATE;
//   - ties, the file's rows, read with read_csv and the header's types,
//     sorted by start so that the row groups' min/max (zone maps) let a
//     query at an early day skip the ties that start later;
//   - ART indexes on from_id and to_id, for the questions about one node;
//   - changes, one row per dated start or end (open ones are not changes),
//     sorted by first day, with indexes on from_id and to_id.
//
// Load prepares the queries of [DB]'s methods last. Close the DB to free its
// memory.
func Load(path string) (*DB, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, fmt.Errorf("open duckdb: %w", err)
	}
	d := &DB{db: db}
	for _, q := range schema(path) {
		if _, err := db.Exec(q); err != nil {
			db.Close()
			return nil, fmt.Errorf("load %s: %s: %w", path, firstLine(q), err)
		}
	}
	for i, q := range queries {
		if d.stmts[i], err = db.Prepare(q); err != nil {
			db.Close()
			return nil, fmt.Errorf("prepare %s: %w", firstLine(q), err)
		}
	}
	return d, nil
}

// Close frees the database.
func (d *DB) Close() error { return d.db.Close() }

// Exec runs one statement, for settings such as "SET threads = 1".
func (d *DB) Exec(stmt string) error {
	_, err := d.db.Exec(stmt)
	return err
}

// schema returns the statements that load the CSV file at path.
func schema(path string) []string {
	var kinds []string
	for k := conflict.RelationSupports; k <= conflict.RelationContests; k++ {
		kinds = append(kinds, quote(k.String()))
	}
	return []string{
		`CREATE TYPE relation_kind AS ENUM (` + strings.Join(kinds, ", ") + `)`,
		`CREATE TABLE ties AS
SELECT * FROM read_csv(` + quote(path) + `, header = true, columns = {
	'id': 'INTEGER', 'kind': 'relation_kind', 'from_id': 'VARCHAR', 'to_id': 'VARCHAR',
	'start_lo': 'DATE', 'start_hi': 'DATE', 'start_last': 'DATE',
	'end_lo': 'DATE', 'end_hi': 'DATE', 'end_last': 'DATE'})
ORDER BY start_lo, start_hi`,
		`CREATE INDEX ties_from ON ties (from_id)`,
		`CREATE INDEX ties_to ON ties (to_id)`,
		`CREATE TABLE changes AS
SELECT id, kind, from_id, to_id, false AS closed, start_lo AS first, start_last AS last FROM ties WHERE isfinite(start_lo)
UNION ALL
SELECT id, kind, from_id, to_id, true, end_lo, end_last FROM ties WHERE isfinite(end_lo)
ORDER BY first, last`,
		`CREATE INDEX changes_from ON changes (from_id)`,
		`CREATE INDEX changes_to ON changes (to_id)`,
	}
}

// quote returns s as an SQL string literal.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
