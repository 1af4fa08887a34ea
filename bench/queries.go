package bench

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/conflictgraph/conflict"
)

// The prepared queries of a DB, by number. Days are passed as midnight UTC
// and cast to DATE: a parameter that DuckDB does not infer as a DATE would
// be bound as a TIMESTAMP WITH TIME ZONE, and every row's dates cast to
// it, which is 30 times slower.
const (
	queryRelationCount = iota
	queryRelations
	queryController
	queryAllies
	queryChangeCount
	queryChanges
	queryTimeline
	numQueries
)

// certainty is the SQL for how sure it is that a tie of the table, already
// known to be possibly in force on day $day, holds then: 2 (Definite) or 1
// (Possible), as conflict.Certainty numbers them.
const certainty = `CASE WHEN start_hi <= $day::DATE AND $day::DATE < end_lo THEN 2 ELSE 1 END`

// inForce is the SQL condition for a tie possibly in force on day $day.
const inForce = `start_lo <= $day::DATE AND $day::DATE < end_hi`

// changeOrder is the order of conflict.Conflict.Changes and Timeline: by the
// first day a change may have taken effect, then the last; on one day
// closings first; then by kind (the ENUM's order is the library's) and IDs.
const changeOrder = `ORDER BY first, last, closed DESC, kind, from_id, to_id`

var queries = [numQueries]string{
	queryRelationCount: `SELECT count(*) FROM ties WHERE ` + inForce,

	queryRelations: `SELECT id, kind, from_id, to_id, start_lo, start_hi, end_lo, end_hi, ` + certainty + `
FROM ties WHERE ` + inForce,

	queryController: `SELECT kind, from_id, max(` + certainty + `)
FROM ties
WHERE to_id = $node AND kind IN ('controls', 'besieges', 'contests') AND ` + inForce + `
GROUP BY kind, from_id
ORDER BY kind, from_id`,

	// One branch per end rather than "from_id = $node OR to_id = $node",
	// which no index serves. DuckDB uses an ART index only where the
	// equality is a scan's only filter, so here both branches scan, with
	// the day filters pushed into the scan; the timeline's first branch
	// is an index lookup.
	queryAllies: `SELECT other, max(c) FROM (
	SELECT to_id AS other, ` + certainty + ` AS c FROM ties
	WHERE from_id = $node AND kind IN ('supports', 'allied', 'part-of') AND ` + inForce + `
	UNION ALL
	SELECT from_id, ` + certainty + ` FROM ties
	WHERE to_id = $node AND kind IN ('supports', 'allied', 'part-of') AND ` + inForce + `
)
WHERE other <> $node
GROUP BY other
ORDER BY other`,

	queryChangeCount: `SELECT count(*) FROM changes WHERE first < $q2::DATE AND $q1::DATE <= last AND $q1::DATE < $q2::DATE`,

	queryChanges: `SELECT id, closed, CASE WHEN $q1::DATE <= first AND last < $q2::DATE THEN 2 ELSE 1 END, first, last, kind, from_id, to_id
FROM changes
WHERE first < $q2::DATE AND $q1::DATE <= last AND $q1::DATE < $q2::DATE
` + changeOrder,

	queryTimeline: `SELECT id, closed, 2, first, last, kind, from_id, to_id FROM (
	SELECT * FROM changes WHERE from_id = $node
	UNION ALL
	SELECT * FROM changes WHERE to_id = $node AND from_id <> $node
)
` + changeOrder,
}

// A Tie is one row of the ties table in force at a day, as
// [DB.Relations] returns it.
type Tie struct {
	ID                             int32
	Kind                           string
	From, To                       string
	StartLo, StartHi, EndLo, EndHi time.Time // see [Columns]
	Certainty                      conflict.Certainty
}

// A Change is a dated start or end of a tie, as [DB.Changes] and
// [DB.Timeline] return it.
type Change struct {
	ID          int32 // the tie's
	Closed      bool  // false: the tie opened; true: it closed
	Certainty   conflict.Certainty
	First, Last time.Time // the first and the last day it may have taken effect
	Kind        string
	From, To    string
}

// A Control is who holds a place at a day, in the terms of
// conflict.Control: one holder, or several claimants; the besiegers and
// contenders; and the state these make.
type Control struct {
	Holder     string
	Claimants  []string
	Certainty  conflict.Certainty
	State      conflict.ControlState
	Besiegers  []string
	Besieged   conflict.Certainty
	Contenders []string
}

// utcDay returns midnight UTC starting the UTC day that holds t: the day
// the library answers for.
func utcDay(t time.Time) time.Time {
	s := t.Unix()
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return time.Unix(d*86400, 0).UTC()
}

// RelationCount returns how many ties are in force (possibly or
// definitely) on the UTC day of at.
func (d *DB) RelationCount(at time.Time) (int, error) {
	var n int
	err := d.stmts[queryRelationCount].QueryRow(sql.Named("day", utcDay(at))).Scan(&n)
	return n, err
}

// Relations appends to buf the ties in force on the UTC day of at, in no
// order, and returns the extended slice.
func (d *DB) Relations(at time.Time, buf []Tie) ([]Tie, error) {
	rows, err := d.stmts[queryRelations].Query(sql.Named("day", utcDay(at)))
	if err != nil {
		return buf, err
	}
	defer rows.Close()
	for rows.Next() {
		var t Tie
		var c int8
		if err := rows.Scan(&t.ID, &t.Kind, &t.From, &t.To, &t.StartLo, &t.StartHi, &t.EndLo, &t.EndHi, &c); err != nil {
			return buf, err
		}
		t.Certainty = conflict.Certainty(c)
		buf = append(buf, t)
	}
	return buf, rows.Err()
}

// Controller returns who holds loc on the UTC day of at, as
// conflict.Moment.Controller says for a place with ties of its own: the
// parties with a controls tie in force are the claimants, one alone the
// holder (as sure as its surest tie), several leave no holder, Possible; a
// contests tie in force makes the place contested, else no holder leaves it
// unknown, besiegers make it besieged, and else it is held. It does not
// roll up the places within loc.
func (d *DB) Controller(loc string, at time.Time) (Control, error) {
	var c Control
	rows, err := d.stmts[queryController].Query(sql.Named("node", loc), sql.Named("day", utcDay(at)))
	if err != nil {
		return c, err
	}
	defer rows.Close()
	var holders []string
	contested := false
	for rows.Next() {
		var kind, from string
		var cert int8
		if err := rows.Scan(&kind, &from, &cert); err != nil {
			return c, err
		}
		switch kind {
		case "controls":
			holders = append(holders, from)
			c.Certainty = max(c.Certainty, conflict.Certainty(cert))
		case "besieges":
			c.Besiegers = append(c.Besiegers, from)
			c.Besieged = max(c.Besieged, conflict.Certainty(cert))
		case "contests":
			c.Contenders = append(c.Contenders, from)
			contested = true
		default:
			return c, fmt.Errorf("controller of %s: unexpected kind %q", loc, kind)
		}
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	switch len(holders) {
	case 0:
	case 1:
		c.Holder = holders[0]
	default:
		c.Claimants, c.Certainty = holders, conflict.Possible
	}
	switch {
	case contested:
		c.State = conflict.ControlContested
	case len(holders) == 0:
		c.State = conflict.ControlUnknown
	case c.Besieged > conflict.Absent:
		c.State = conflict.ControlBesieged
	default:
		c.State = conflict.ControlHeld
	}
	return c, nil
}

// Allies appends to buf the parties joined to party by a positive tie
// (supports, allied, part-of, either way) in force on the UTC day of at,
// sorted by ID, each with the certainty of its surest such tie, as
// conflict.Moment.Allies does; it returns the extended slice.
func (d *DB) Allies(party string, at time.Time, buf []conflict.Party) ([]conflict.Party, error) {
	rows, err := d.stmts[queryAllies].Query(sql.Named("node", party), sql.Named("day", utcDay(at)))
	if err != nil {
		return buf, err
	}
	defer rows.Close()
	for rows.Next() {
		var p conflict.Party
		var c int8
		if err := rows.Scan(&p.ID, &c); err != nil {
			return buf, err
		}
		p.Certainty = conflict.Certainty(c)
		buf = append(buf, p)
	}
	return buf, rows.Err()
}

// ChangeCount returns how many changes may have taken effect from the UTC
// day of from up to, not including, the UTC day of to.
func (d *DB) ChangeCount(from, to time.Time) (int, error) {
	var n int
	err := d.stmts[queryChangeCount].QueryRow(sql.Named("q1", utcDay(from)), sql.Named("q2", utcDay(to))).Scan(&n)
	return n, err
}

// Changes appends to buf the changes that may have taken effect from the
// UTC day of from up to, not including, the UTC day of to, in the order of
// conflict.Conflict.Changes, each Definite if its whole window lies inside;
// it returns the extended slice.
func (d *DB) Changes(from, to time.Time, buf []Change) ([]Change, error) {
	return d.changes(buf, queryChanges, sql.Named("q1", utcDay(from)), sql.Named("q2", utcDay(to)))
}

// Timeline appends to buf every dated start and end of the ties with node
// at either end, in the order of conflict.Conflict.Timeline, each Definite;
// it returns the extended slice.
func (d *DB) Timeline(node string, buf []Change) ([]Change, error) {
	return d.changes(buf, queryTimeline, sql.Named("node", node))
}

func (d *DB) changes(buf []Change, query int, args ...any) ([]Change, error) {
	rows, err := d.stmts[query].Query(args...)
	if err != nil {
		return buf, err
	}
	defer rows.Close()
	for rows.Next() {
		var c Change
		var cert int8
		if err := rows.Scan(&c.ID, &c.Closed, &cert, &c.First, &c.Last, &c.Kind, &c.From, &c.To); err != nil {
			return buf, err
		}
		c.Certainty = conflict.Certainty(cert)
		buf = append(buf, c)
	}
	return buf, rows.Err()
}
