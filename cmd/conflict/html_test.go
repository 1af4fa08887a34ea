package main

import (
	"strings"
	"testing"
)

// TestExportHTML checks that export html writes the map page, opening on
// the day -at gives, and knows only what -as-of knew.
func TestExportHTML(t *testing.T) {
	for _, args := range [][]string{
		{"export", "html", syriaFile},
		{"export", "html", syriaFile, "--at", "2016-04-06"},
		{"export", "html", syriaFile, "-as-of", "2016-04-01"},
	} {
		r := conflictCmd(args...)
		mustSucceed(t, r, args...)
		if !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "Palmyra") {
			t.Errorf("%q: output is not the map page: %.200s", args, r.stdout)
		}
	}
	whole := conflictCmd("export", "html", syriaFile).stdout
	early := conflictCmd("export", "html", syriaFile, "-as-of", "2015-06-01").stdout
	if whole == early {
		t.Error("the page as known on 2015-06-01 is the whole record's")
	}

	// -from and -to bound the slider: 2015 and 2016, 731 days; the
	// flags may come after the file.
	args := []string{"export", "html", syriaFile, "--from", "2015", "-to", "2017-01-01", "-at", "2016-04-06"}
	r := conflictCmd(args...)
	mustSucceed(t, r, args...)
	for _, want := range []string{`"start":"2015-01-01"`, `"days":731,"day":461,`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("%q: the page lacks %s", args, want)
		}
	}
}
