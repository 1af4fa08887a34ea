package ucdpacd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/internal/csvtest"
	"github.com/conflictgraph/conflict/ucdpacd"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row (after a summary, when it skips rows), and that
// whatever it accepts a Conflict accepts whole, without a disagreement
// among its relations, the same every time; strictly and in keep-going
// mode.
func FuzzRead(f *testing.F) {
	csvtest.AddFiles(f, false)
	csvtest.AddFiles(f, true)
	f.Add([]byte(syria), false)
	f.Add([]byte(header+"299,2016,\"652, 2\",\"365,630\",2,652\n"), false)
	f.Add([]byte("\ufeffCONFLICT_ID, Year ,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,version\n1,1,1,1,1,1,v 1\n"), true)
	f.Add([]byte(epHeader+"1,2016,652,,,,,,2016-04-23,1,1,2016-11-28,1\n1,2017,652,365,,,,,2017-02-01,1,0,,\n1,2018,652,,\"\"x,\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, keepGoing bool) {
		importer.Fuzz(t, data, &ucdpacd.Options{KeepGoing: keepGoing})
	})
}

// ucdpFile returns the header and the rows, each with its line break, of
// testdata/ucdp.csv, in UCDP's own layout.
func ucdpFile(t testing.TB) (header string, rows []string) {
	data, err := os.ReadFile(filepath.Join("testdata", "ucdp.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	return lines[0], lines[1:]
}

// rowColumns are the columns FuzzRow varies, in the order of its
// arguments.
var rowColumns = []string{"conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "side_b", "side_b_id",
	"incompatibility", "intensity_level", "type_of_conflict", "region", "start_date", "start_prec", "start_date2", "start_prec2",
	"ep_end", "ep_end_date", "ep_end_prec"}

// FuzzRow fuzzes the cells of one row in UCDP's own layout, written as
// well-formed CSV after the rows of testdata/ucdp.csv, so that the fuzzer
// works on what the cells hold (hostile text, codes, names and IDs,
// episodes' dates) rather than on the CSV around them.
func FuzzRow(f *testing.F) {
	header, rows := ucdpFile(f)
	columns := strings.Split(strings.TrimSpace(header), ",")
	index := func(name string) int {
		for i, c := range columns {
			if c == name {
				return i
			}
		}
		panic("no column " + name)
	}
	add := func(keepGoing bool, c ...string) {
		f.Add(keepGoing, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15], c[16], c[17], c[18])
	}
	add(false, "299", "2021", "652", "630, 365", "", "640", "Syrian insurgents", "1046", "2", "2", "4", "2", "1966-02-23", "1", "2011-04-25", "1", "0", "", "")
	add(true, "13809", "2016", "652", "", "", "", "IS, HTS", "234, 14", "3", "1", "3", "2", "2015-12-06", "1", "2016-04-23", "1", "1", "2016-11-28", "1")
	add(false, "11343", "1969", "651", "", "666", "", "Government of Israel", "121", "1", "1", "2", "2", "1967-06-05", "1", "1969-03-06", "3", "0", "", "")
	add(true, "1", "1946", "2", "", "", "", "Government of United States", "7", "", "", "", "", "1946-12-31", "7", "1946-12-31", "7", "1", "1946-12-31", "1")
	add(false, "1", "9999", "2", "", "", "", "x", "", "", "", "", "", "", "", "9998-12-31", "1", "1", "", "")
	add(true, "1", "2016", "652", "", "", "", "Syrian\xffinsurgents", "1046", "", "", "", "", "", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, keepGoing bool, conflictID, year, a, a2, b, b2, sideB, sideBID, incompat, intensity, typ, region,
		start, startPrec, start2, startPrec2, epEnd, epEndDate, epEndPrec string) {
		cells := make([]string, len(columns))
		for i, v := range []string{conflictID, year, a, a2, b, b2, sideB, sideBID, incompat, intensity, typ, region,
			start, startPrec, start2, startPrec2, epEnd, epEndDate, epEndPrec} {
			cells[index(rowColumns[i])] = v
		}
		cells[index("version")] = "25.1"
		data := header + strings.Join(rows, "") + csvtest.Record(cells...)
		importer.Fuzz(t, []byte(data), &ucdpacd.Options{KeepGoing: keepGoing})
	})
}
