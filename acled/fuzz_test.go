package acled_test

import (
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/acled"
	"github.com/conflictgraph/conflict/internal/csvtest"
)

// FuzzRead checks that Read never panics, that every error it returns is
// an *Error with a row (after a summary, when it skips rows), and that
// whatever it accepts a Conflict accepts, the same every time; strictly
// and in keep-going mode.
func FuzzRead(f *testing.F) {
	csvtest.AddFiles(f, false)
	csvtest.AddFiles(f, true)
	f.Add([]byte(events), false)
	f.Add([]byte(header+row(good)+row(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "2016-03", "|1|Political", "|3|Political").Replace(good))), true)
	f.Add([]byte(header+row(good)+row(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "28 March 2016", "Military Forces of Syria (2000-2024)", "Islamic State (Syria)", "|1|Islamic", "|2|Islamic").Replace(good))), false)
	f.Add([]byte(header+row(good)+"SYR2,\"x\"y\n"+row(strings.Replace(good, "SYR1|", "SYR3|", 1))), true)
	f.Fuzz(func(t *testing.T, data []byte, keepGoing bool) {
		importer.Fuzz(t, data, &acled.Options{KeepGoing: keepGoing})
	})
}

// rowColumns are the columns FuzzRow varies, in the order of its
// arguments.
var rowColumns = []string{"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
	"country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes"}

// FuzzRow fuzzes the cells of one row, written as well-formed CSV between
// good rows about the same place, so that the fuzzer works on what the
// cells hold (hostile text, dates, codes, names that clash) rather than on
// the CSV around them.
func FuzzRow(f *testing.F) {
	seeds := [][]string{
		cells(good),
		cells(strings.NewReplacer("SYR1|", "SYR2|", "|1|Political", "|2|Political", "27 March 2016", "2016-12-30").Replace(good)),
		cells(strings.NewReplacer("SYR1|", "SYR2|", "Military Forces of Syria (2000-2024)|Hezbollah|1|Islamic State (Syria)||2",
			"Islamic State (Syria)||2|Military Forces of Syria (2000-2024)||1").Replace(good)),
		cells(strings.NewReplacer("SYR1|", "SYR2|", "Tadmor|34.5560", "Homs|34.5560", "|Homs|", "|Tadmor|").Replace(good)),
		cells(strings.NewReplacer("SYR1|", "SYR2|", "Hezbollah", "hezbollah; HEZBOLLAH;  ; Military-Forces-of-Syria (2000-2024)").Replace(good)),
		cells(strings.NewReplacer("SYR1|", "SYR2|", "Invented.", "caf\xe9", "|1|Political", "|3|Political").Replace(good)),
		cells(strings.NewReplacer("SYR1|", "SYR2|", "27 March 2016", "3 January 0001", "|1|Political", "|2|Political").Replace(good)),
	}
	for i, c := range seeds {
		f.Add(i%2 == 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15], c[16], c[17], c[18])
	}
	f.Fuzz(func(t *testing.T, keepGoing bool, id, date, timePrec, typ, sub, actor1, assoc1, inter1, actor2, assoc2, inter2,
		country, admin1, location, lat, lon, geoPrec, fatalities, notes string) {
		fuzzed := strings.Split(good, "|")
		for i, v := range []string{id, date, timePrec, typ, sub, actor1, assoc1, inter1, actor2, assoc2, inter2,
			country, admin1, location, lat, lon, geoPrec, fatalities, notes} {
			fuzzed[column(rowColumns[i])] = v
		}
		later := strings.NewReplacer("SYR1|", "SYR9|", "27 March 2016", "28 March 2016", "Government regains territory", "Non-state actor overtakes territory",
			"Military Forces of Syria (2000-2024)|Hezbollah|1|Islamic State (Syria)||2", "Islamic State (Syria)||2|Military Forces of Syria (2000-2024)||1").Replace(good)
		data := header + row(good) + csvtest.Record(fuzzed...) + row(later)
		importer.Fuzz(t, []byte(data), &acled.Options{KeepGoing: keepGoing})
	})
}

// cells returns the cells of row r, in good's layout, of the columns
// FuzzRow varies.
func cells(r string) []string {
	all := strings.Split(r, "|")
	var out []string
	for _, c := range rowColumns {
		out = append(out, all[column(c)])
	}
	return out
}

// column returns the index of the named column in header.
func column(name string) int {
	for i, h := range strings.Split(strings.TrimSpace(header), ",") {
		if h == name {
			return i
		}
	}
	panic("no column " + name)
}
