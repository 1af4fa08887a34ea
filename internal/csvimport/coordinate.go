package csvimport

import (
	"fmt"
	"math"
	"strconv"
)

// Coordinate returns the latitude or longitude, a number from -limit to
// limit, in wanted column i of rec. An empty cell is an error of category
// Missing whose reason is empty, which says why the cell is needed
// ("empty" if no more need be said); any other cell that does not hold
// such a number is an error of category Invalid.
func (t *Table) Coordinate(rec []string, i int, limit float64, empty string) (float64, error) {
	s := t.Cell(rec, i)
	if s == "" {
		return 0, t.Fail(i, "", t.pkg.Missing, empty)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || v < -limit || v > limit {
		return 0, t.Fail(i, s, t.pkg.Invalid, fmt.Sprintf("invalid coordinate: want a number from %g to %g", -limit, limit))
	}
	return v, nil
}
