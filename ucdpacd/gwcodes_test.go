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

// Every state of the table, as a side and as a backer only, makes one
// node whose ID is a plain slug and whose name and ID a Conflict accepts.
func TestEveryState(t *testing.T) {
	codes := slices.Sorted(maps.Keys(gwNames))
	plain := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*-government$`)
	for _, asSide := range []bool{true, false} {
		var in strings.Builder
		in.WriteString("conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd\n")
		for i, c := range codes {
			if asSide {
				fmt.Fprintf(&in, "%d,2000,%d,%d,,\n", 1000+i, c, codes[(i+1)%len(codes)])
			} else if c != 652 {
				fmt.Fprintf(&in, "%d,2000,652,%d,,\n", 1000+i, c)
			}
		}
		ds, err := Read(strings.NewReader(in.String()), nil)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range ds.Actors {
			if a.Kind == conflict.ActorGovernment {
				ids = append(ids, a.ID)
			}
		}
		for _, b := range ds.Backers {
			ids = append(ids, b.ID)
		}
		wantBackers := 0
		if !asSide {
			wantBackers = len(codes) - 1
		}
		if len(ids) != len(codes) || len(ds.Backers) != wantBackers {
			t.Fatalf("as a side %v: %d states, %d of them backers; want %d and %d", asSide, len(ids), len(ds.Backers), len(codes), wantBackers)
		}
		for _, id := range ids {
			if !plain.MatchString(id) {
				t.Errorf("state ID %q is not a plain slug and -government", id)
			}
		}
		var c conflict.Conflict
		if err := c.Add(ds); err != nil {
			t.Fatal(err)
		}
	}
}
