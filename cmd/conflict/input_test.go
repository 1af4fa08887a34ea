package main

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStdinImplicit reads the dataset from standard input when FILE is
// left out and standard input is a file or a pipe.
func TestStdinImplicit(t *testing.T) {
	data, err := os.ReadFile(syriaFile)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string // without FILE
	}{
		{[]string{"at", "-at", "2016-04-06", "-json"}},
		{[]string{"at", "--at", "2016-04-06"}},
		{[]string{"history", "palmyra"}},
		{[]string{"history", "-json", "palmyra"}},
		{[]string{"export", "dot", "--at", "2016-04-06"}},
		{[]string{"validate"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			want := conflictCmd(append(tt.args, syriaFile)...)
			mustSucceed(t, want, tt.args...)
			want.stdout = strings.ReplaceAll(want.stdout, syriaFile, "<stdin>") // validate names it
			for _, args := range [][]string{tt.args, append(tt.args, "-")} {
				got := conflictStdin(string(data), args...)
				mustSucceed(t, got, args...)
				if diff := cmp.Diff(want.stdout, got.stdout); diff != "" {
					t.Errorf("%q: stdin and file differ (-want +got):\n%s", args, diff)
				}
			}
			// A terminal for standard input: FILE is needed.
			r := conflictTTY(tt.args...)
			if cmd := lookup(tt.args[0]); cmd.args != nil {
				mustBeUsageError(t, r, "want arguments "+cmd.args[0]+" FILE, got 1")
			} else {
				mustBeUsageError(t, r, "missing FILE: name a dataset file, or give one on standard input")
			}
		})
	}
	// - still reads a terminal, for those who type the data.
	r := conflictStdin(string(data), "alliances", "-at", "2016", "-")
	mustSucceed(t, r)
}

func TestGuessFormat(t *testing.T) {
	header := func(path string) string { return strings.Join(header(t, path), ",") + "\n" }
	tests := []struct {
		file    string // "-" for stdin
		content string
		want    string // the format, or what the error says
	}{
		{"a.json", "", "json"}, // by the name alone
		{"a.JSON", "from,to,sign\n", "json"},
		{"-", `{"name": "x"}`, "json"},
		{"-", "\ufeff \n\t{", "json"},
		{"a.txt", "{}", "json"},
		{"a", "{}", "json"},
		{"a.csv", "from,to,sign\na,b,1\n", "signed-csv"},
		{"a.csv", "\ufeffFrom, TO ,sign,start,end\r\na,b,1,,\r\n", "signed-csv"},
		{"-", "to,sign,from", "signed-csv"},
		{"a.tsv", "from,to,sign\n", "signed-csv"},
		{"-", header(importerFiles["ucdp-acd"].file), "ucdp-acd"},
		{"a.csv", header(importerFiles["ucdp-ged"].file), "ucdp-ged"},
		{"-", header(importerFiles["acled"].file), "acled"},
		// The columns that tell a format, and nothing else.
		{"a.csv", "conflict_id,gwno_a\n", "ucdp-acd"},
		{"a.csv", "where_prec,type_of_violence\n", "ucdp-ged"},
		{"a.csv", "event_date,event_id_cnty\n", "acled"},
		// What it cannot tell.
		{"a.csv", "from,to\n", `cannot tell the format of a.csv from its first line "from,to"`},
		{"a.csv", "{}", `cannot tell the format of a.csv from its first line "{}"`},
		{"a.csv", "", "cannot tell the format of a.csv: it is empty"},
		{"-", " \n", "cannot tell the format of <stdin>: it is empty"},
		{"-", "[1, 2]", `from its first line "[1, 2]"`},
		{"-", `"a,b`, `from its first line "\"a,b"`},
		{"a.xml", "<?xml version=\"1.0\"?><dataset>" + strings.Repeat("x", 100), `from its first line "<?xml version=\"1.0\"?><dataset>xxxxxxx"...`},
		{"a.csv", "from,to,sign,event_id_cnty,event_date\n", "cannot tell the format of a.csv: its header fits signed-csv and acled"},
	}
	for _, tt := range tests {
		shown := tt.file
		if shown == "-" {
			shown = "<stdin>"
		}
		got, err := guessFormat(tt.file, shown, bufio.NewReaderSize(strings.NewReader(tt.content), sniffSize))
		if err != nil {
			got = err.Error()
		}
		if got != tt.want && (err == nil || !strings.Contains(got, tt.want)) {
			t.Errorf("guessFormat(%q, %.40q) = %q, want %q", tt.file, tt.content, got, tt.want)
		}
	}
}

// TestGuessedFormat runs commands on files of every format without
// -format, and checks that an explicit -format wins over the guess.
func TestGuessedFormat(t *testing.T) {
	for name, sample := range importerFiles {
		data, err := os.ReadFile(sample.file)
		if err != nil {
			t.Fatal(err)
		}
		want := conflictCmd("changes", "-json", "-format", name, sample.file)
		mustSucceed(t, want)
		for _, got := range []result{
			conflictCmd("changes", "-json", sample.file),
			conflictStdin(string(data), "changes", "-json"),
		} {
			mustSucceed(t, got)
			if diff := cmp.Diff(want.stdout, got.stdout); diff != "" {
				t.Errorf("%s: guessed and given format differ (-want +got):\n%s", name, diff)
			}
		}
	}

	// A signed edge list in a file called .json, read as what it is.
	file := writeFile(t, "net.json", "from,to,sign\nA,B,-1\n")
	r := conflictCmd("at", "-json", file, "-format", "signed-csv")
	mustSucceed(t, r)
	if !strings.Contains(r.stdout, `"fights": [`+"\n"+`    [`+"\n"+`      "A",`) {
		t.Errorf("output does not have A fighting B:\n%s", r.stdout)
	}

	// A file it cannot tell: a usage error, before any other.
	odd := writeFile(t, "net.dat", "a;b;c\n")
	mustBeUsageError(t, conflictCmd("at", "-at", "2016", odd), "cannot tell the format of "+odd+` from its first line "a;b;c": give it with -format F`)
	mustBeUsageError(t, conflictCmd("validate", odd), "cannot tell the format of "+odd)
	mustBeUsageError(t, conflictStdin("", "validate"), "cannot tell the format of <stdin>: it is empty")
}

// TestHelpGuess checks that the help says how the format is guessed.
func TestHelpGuess(t *testing.T) {
	help := conflictCmd("-h").stdout
	for _, f := range formats {
		if f.columns != nil && !strings.Contains(strings.Join(strings.Fields(help), " "), strings.Join(f.columns, ",")+" is "+f.name) {
			t.Errorf("conflict -h does not say how it tells %s:\n%s", f.name, help)
		}
	}
	for _, want := range []string{"a name ending in .json is json", `"{" starts json`, "-version"} {
		if !strings.Contains(help, want) {
			t.Errorf("conflict -h has no %q:\n%s", want, help)
		}
	}
}
