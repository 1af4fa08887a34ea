package ucdpacd

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
)

// Every state of the table, as a government and as a backer, makes nodes
// whose IDs are plain slugs and whose names and IDs a Conflict accepts.
func TestEveryState(t *testing.T) {
	codes := slices.Sorted(maps.Keys(gwNames))
	var in strings.Builder
	in.WriteString("conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd\n")
	for i, c := range codes {
		fmt.Fprintf(&in, "%d,2000,%d,%d,,\n", 1000+i, c, codes[(i+1)%len(codes)])
	}
	ds, err := Read(strings.NewReader(in.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Backers) != len(codes) || len(ds.Actors) != 2*len(codes) {
		t.Fatalf("%d backers and %d actors, want %d and %d", len(ds.Backers), len(ds.Actors), len(codes), 2*len(codes))
	}
	plain := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, b := range ds.Backers {
		if !plain.MatchString(b.ID) {
			t.Errorf("backer ID %q is not a plain slug", b.ID)
		}
	}
	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
}
