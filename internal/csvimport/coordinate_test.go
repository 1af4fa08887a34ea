package csvimport

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCoordinate(t *testing.T) {
	const (
		colLat = iota
		colLon
		colAlt // absent from the file
	)
	tests := []struct {
		name  string
		row   string // lat,lon
		col   int
		limit float64
		empty string
		want  float64
		err   *Error
	}{
		{name: "latitude", row: "36.2,37.16", col: colLat, limit: 90, want: 36.2},
		{name: "longitude", row: "36.2,37.16", col: colLon, limit: 180, want: 37.16},
		{name: "spaces", row: " -36.2 ,0", col: colLat, limit: 90, want: -36.2},
		{name: "exponent", row: "1e1,0", col: colLat, limit: 90, want: 10},
		{name: "lower limit", row: "-90,0", col: colLat, limit: 90, want: -90},
		{name: "upper limit", row: "0,180", col: colLon, limit: 180, want: 180},
		{name: "empty", row: ",0", col: colLat, limit: 90, empty: "empty",
			err: &Error{Row: 2, Column: "lat", Err: errMissing, Reason: "empty"}},
		{name: "empty, with a reason", row: "0, ", col: colLon, limit: 180, empty: "empty: a place has a point",
			err: &Error{Row: 2, Column: "lon", Err: errMissing, Reason: "empty: a place has a point"}},
		{name: "absent column", row: "0,0", col: colAlt, limit: 90, empty: "empty",
			err: &Error{Row: 2, Column: "alt", Err: errMissing, Reason: "empty"}},
		{name: "out of range", row: "91,0", col: colLat, limit: 90,
			err: &Error{Row: 2, Column: "lat", Value: "91", Err: errInvalid, Reason: "invalid coordinate: want a number from -90 to 90"}},
		{name: "out of range below", row: "0,-180.5", col: colLon, limit: 180,
			err: &Error{Row: 2, Column: "lon", Value: "-180.5", Err: errInvalid, Reason: "invalid coordinate: want a number from -180 to 180"}},
		{name: "not a number", row: "N36,0", col: colLat, limit: 90,
			err: &Error{Row: 2, Column: "lat", Value: "N36", Err: errInvalid, Reason: "invalid coordinate: want a number from -90 to 90"}},
		{name: "NaN", row: "NaN,0", col: colLat, limit: 90,
			err: &Error{Row: 2, Column: "lat", Value: "NaN", Err: errInvalid, Reason: "invalid coordinate: want a number from -90 to 90"}},
		{name: "infinity", row: "0,-Inf", col: colLon, limit: 180,
			err: &Error{Row: 2, Column: "lon", Value: "-Inf", Err: errInvalid, Reason: "invalid coordinate: want a number from -180 to 180"}},
		{name: "fractional limit", row: "2,0", col: colLat, limit: 1.5,
			err: &Error{Row: 2, Column: "lat", Value: "2", Err: errInvalid, Reason: "invalid coordinate: want a number from -1.5 to 1.5"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(strings.NewReader("lat,lon\n"+tc.row+"\n"), testPkg, []string{"lat", "lon"}, []string{"alt"})
			if err != nil {
				t.Fatal(err)
			}
			rec, err := tab.Next()
			if err != nil {
				t.Fatal(err)
			}
			got, err := tab.Coordinate(rec, tc.col, tc.limit, tc.empty)
			_, e := errText(err)
			if diff := cmp.Diff(tc.err, (*Error)(e), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Coordinate (-want +got):\n%s", diff)
			}
		})
	}
}
