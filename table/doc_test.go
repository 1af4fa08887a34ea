package table_test

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict/internal/testutil"
	"github.com/conflictgraph/conflict/table"
	"github.com/google/go-cmp/cmp"
)

// TestDocListsColumns checks that the package documentation lists the
// columns of every table as the tables have them: each name, in order,
// with its type, and ? after the type of a column that may be null.
func TestDocListsColumns(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string][]string{} // table → "name type" lines
	section := ""
	for line := range strings.Lines(f.Doc.Text()) {
		if name, ok := strings.CutPrefix(line, "# The "); ok {
			section, _, _ = strings.Cut(name, " table")
			continue
		}
		if strings.HasPrefix(line, "# ") {
			section = ""
		}
		// A column's line is indented by a tab; the lines that go on
		// with its description by a tab and spaces.
		if section == "" || !strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "\t ") {
			continue
		}
		fields := strings.Fields(line)
		documented[section] = append(documented[section], fields[0]+" "+fields[1])
	}
	c := testutil.Load(t, smallFile)
	for _, tab := range []table.Table{table.Ties(c), table.ControlAt(c, day(c, "2016")), table.Changes(c, day(c, "2015"), day(c, "2017")), table.Events(c)} {
		var want []string
		for _, col := range tab.Columns {
			s := col.Name + " " + col.Type.String()
			if col.Null {
				s += "?"
			}
			want = append(want, s)
		}
		if diff := cmp.Diff(want, documented[tab.Name]); diff != "" {
			t.Errorf("the documentation of the %s table (-columns +documented):\n%s", tab.Name, diff)
		}
	}
}
