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
}
