package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/svg"
	"github.com/google/go-cmp/cmp"
)

// TestMeasuresJSON checks measures -json against the library's series,
// peaks and latest values.
func TestMeasuresJSON(t *testing.T) {
	c := hills(t)
	file := hillsFile
	area, fighters := conflict.QuantityAreaKm2, conflict.QuantityFighters
	series := func(rec conflict.Record, party string, q conflict.Quantity) []conflict.Measure {
		return rec.Series(party, q)
	}
	peak := func(from, to string) func(conflict.Record, string, conflict.Quantity) []conflict.Measure {
		return func(rec conflict.Record, party string, q conflict.Quantity) []conflict.Measure {
			lo, hi := on(c, "0001"), time.Time{}
			if from != "" {
				lo = on(c, from)
			}
			if to != "" {
				hi = on(c, to)
			}
			if m, ok := rec.Peak(party, q, lo, hi); ok {
				return []conflict.Measure{m}
			}
			return nil
		}
	}
	latest := func(before string) func(conflict.Record, string, conflict.Quantity) []conflict.Measure {
		return func(rec conflict.Record, party string, q conflict.Quantity) []conflict.Measure {
			return rec.Latest(party, q, on(c, before).AddDate(0, 0, -1))
		}
	}
	type key struct {
		party string
		q     conflict.Quantity
	}
	tests := []struct {
		args   []string
		rec    conflict.Record // the record asked; c if nil
		mode   string
		series []key
		ask    func(conflict.Record, string, conflict.Quantity) []conflict.Measure
		drop   func(conflict.Measure) bool // measures the range leaves out
	}{
		{nil, nil, "series", []key{{"government", fighters}, {"isis", fighters}, {"isis", area}}, series, nil},
		{[]string{"-party", "Daesh"}, nil, "series", []key{{"isis", fighters}, {"isis", area}}, series, nil},
		{[]string{"-quantity", "area-km2"}, nil, "series", []key{{"isis", area}}, series, nil},
		{[]string{"-quantity", "population"}, nil, "series", nil, series, nil},
		{[]string{"-party", "government", "-party", "isis", "-quantity", "fighters"}, nil, "series",
			[]key{{"government", fighters}, {"isis", fighters}}, series, nil},
		{[]string{"-quantity", "area-km2", "-from", "2015-06", "-to", "2016"}, nil, "series", []key{{"isis", area}}, series,
			func(m conflict.Measure) bool { return m.Date.Year() != 2015 || m.Date.Month() < 6 }},
		{[]string{"-quantity", "area-km2", "-peak"}, nil, "peak", []key{{"isis", area}}, peak("", ""), nil},
		{[]string{"-quantity", "area-km2", "-peak", "-from", "2015-06"}, nil, "peak", []key{{"isis", area}}, peak("2015-06", ""), nil},
		{[]string{"-peak", "-to", "2015-10"}, nil, "peak", []key{{"isis", fighters}, {"isis", area}}, peak("", "2015-10"), nil},
		{[]string{"-quantity", "area-km2", "-latest", "-to", "2016"}, nil, "latest", []key{{"isis", area}}, latest("2016"), nil},
		{[]string{"-latest"}, nil, "latest", []key{{"government", fighters}, {"isis", fighters}, {"isis", area}}, latest("9999-12-31"), nil},
		{[]string{"-quantity", "area-km2", "-as-of", "2015-12-21"}, c.AsOf(on(c, "2015-12-21")), "series", []key{{"isis", area}}, series, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			wantKeys := []string{"from", "mode", "series", "to"}
			if slices.Contains(tt.args, "-as-of") {
				wantKeys = []string{"as_of", "from", "mode", "series", "to"}
			}
			obj, _ := runObject(t, wantKeys, append([]string{"measures", "-json", file}, tt.args...)...)
			if got := string(obj["mode"]); got != `"`+tt.mode+`"` {
				t.Errorf("mode = %s, want %q", got, tt.mode)
			}
			var got []seriesJSON
			field(t, obj, "series", &got)
			want := []seriesJSON{}
			for _, k := range tt.series {
				s := seriesJSON{Party: k.party, Quantity: k.q.String(), Dates: []measureDateJSON{}}
				for _, m := range tt.ask(rec, k.party, k.q) {
					if tt.drop != nil && tt.drop(m) {
						continue
					}
					if n := len(s.Dates); n > 0 && s.Dates[n-1].Date == m.Date.String() {
						s.Dates[n-1].Values = append(s.Dates[n-1].Values, measureValueJSON{m.Value, m.Sources, m.Note})
						continue
					}
					s.Dates = append(s.Dates, measureDateJSON{m.Date.String(), []measureValueJSON{{m.Value, m.Sources, m.Note}}})
				}
				if len(s.Dates) == 0 {
					t.Fatalf("%s %s: the library gives no measures: a useless test", k.party, k.q)
				}
				want = append(want, s)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("series mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMeasuresText checks the text of measures: values of one date side
// by side, with their sources and notes.
func TestMeasuresText(t *testing.T) {
	file := hillsFile
	tests := []struct {
		args []string
		want []string // lines, spaces squeezed
	}{
		{[]string{"-party", "isis"}, []string{
			"Measures in the whole record: 2 series",
			"Islamic State, fighters:",
			"2015-09 30000 [wire-1]",
			"Islamic State, area-km2:",
			"2015-01 90800 [survey-1]",
			"2015-12-14 78000 [survey-1] (about) | 80000 [wire-2]",
			"2016-03-14 73440 [survey-2]",
		}},
		{[]string{"-quantity", "area-km2", "-ids", "-peak", "-from", "2015-06"}, []string{
			"Peaks from 2015-06 on: 1 series",
			"isis, area-km2:",
			"2015-12-14 80000 [wire-2]",
		}},
		{[]string{"-latest", "-to", "2016", "-as-of", "2015-12-21"}, []string{
			"Latest measures before 2016, as known on 2015-12-21: 3 series",
			"2015-12-14 78000 [survey-1] (about)",
			"2015-09 30000 [wire-1]",
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"measures", file}, tt.args...)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			lines := strings.Split(squeeze(r.stdout), "\n")
			for _, want := range tt.want {
				if !slices.Contains(lines, want) {
					t.Errorf("output has no line %q:\n%s", want, r.stdout)
				}
			}
		})
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-peak", "-latest"}, "-peak and -latest ask for different values: give one"},
		{[]string{"-quantity", "acres"}, `invalid value "acres" for flag -quantity: unknown quantity "acres"`},
		{[]string{"-at", "2016"}, "flag provided but not defined: -at"},
	} {
		r := conflictCmd(append([]string{"measures", file}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("measures %s: exit %d, stderr %q; want a usage error with %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.want)
		}
	}
}

// TestExportChart checks that export chart writes what svg.WriteChart
// draws of the record, with the parties, quantity, days and title the
// flags give.
func TestExportChart(t *testing.T) {
	c := hills(t)
	file := hillsFile
	tests := []struct {
		args []string
		rec  conflict.Record // the record drawn; c if nil
		opt  svg.ChartOptions
	}{
		{[]string{"-quantity", "area-km2"}, nil, svg.ChartOptions{Quantity: conflict.QuantityAreaKm2}},
		{[]string{"-quantity", "fighters", "-party", "Daesh", "-party", "government"}, nil,
			svg.ChartOptions{Quantity: conflict.QuantityFighters, Parties: []string{"isis", "government"}}},
		{[]string{"-quantity", "area-km2", "-from", "2015-06", "-to", "2016-06"}, nil,
			svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, From: conflict.Month(2015, time.June).Time(), To: conflict.Month(2016, time.June).Time()}},
		{[]string{"-quantity", "area-km2", "-as-of", "2015-12-21"}, c.AsOf(on(c, "2015-12-21")),
			svg.ChartOptions{Quantity: conflict.QuantityAreaKm2, Title: "Desert and north, 2015-2017, as known on 2015-12-21"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			rec := tt.rec
			if rec == nil {
				rec = c
			}
			var want bytes.Buffer
			if err := svg.WriteChart(&want, rec, tt.opt); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"export", "chart", file}, tt.args...)
			r := conflictCmd(args...)
			mustSucceed(t, r, args...)
			if diff := cmp.Diff(want.String(), r.stdout); diff != "" {
				t.Errorf("chart mismatch (-want +got):\n%s", diff)
			}
		})
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"chart"}, exitUsage, "chart needs -quantity Q"},
		{[]string{"chart", "-quantity", "area-km2", "-at", "2016"}, exitUsage, "chart writes the whole record and takes no -at"},
		{[]string{"dot", "-at", "2016", "-quantity", "area-km2"}, exitUsage, "only chart takes -quantity and -party, not dot"},
		{[]string{"gexf", "-party", "isis"}, exitUsage, "only chart takes -quantity and -party, not gexf"},
		{[]string{"gexf", "-from", "2016"}, exitUsage, "-from and -to are for export svg, chart, html, csv and parquet, not gexf"},
		{[]string{"json", "-alleged"}, exitUsage, "json writes the whole record as a dataset file and takes no -alleged"},
		{[]string{"chart", "-quantity", "wounded"}, exitFail, "no measures of wounded to draw"},
		{[]string{"chart", "-quantity", "fighters", "-party", "Raqqa"}, exitFail, `has no party "Raqqa"`},
	} {
		r := conflictCmd(append(append([]string{"export"}, tt.args...), file)...)
		if r.code != tt.code || r.stdout != "" || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("export %s: exit %d, stderr %q; want exit %d with %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.code, tt.want)
		}
	}
}
