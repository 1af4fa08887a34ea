package conflict_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/conflictgraph/conflict"
)

// TestConcurrentQueriesAndAdds runs queries from several goroutines while
// another adds relations; run it with -race. Each query must see a whole
// record: a Moment answers for the record as it was when made.
func TestConcurrentQueriesAndAdds(t *testing.T) {
	c := palmyra(t)
	const adds = 200
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range adds {
			id := fmt.Sprintf("militia-%d", i)
			if err := c.Add(conflict.Dataset{Actors: []conflict.Actor{{ID: id, Name: id}}}); err != nil {
				t.Error(err)
				return
			}
			r := conflict.Relation{Kind: conflict.RelationSupports, From: id, To: "gov", Start: date("2015-06-01"), Sources: src("isw")}
			if err := c.Add(conflict.Dataset{Relations: []conflict.Relation{r}}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for range 300 {
				m := c.At(on("2016-01-01"))
				if h := m.Controller("palmyra").Holder; h != "isis" {
					t.Errorf("palmyra held by %q", h)
					return
				}
				n := len(m.Supporters("gov"))
				if n < last {
					t.Errorf("backers went from %d to %d", last, n)
					return
				}
				last = n
				for tie := range m.Ties() {
					_ = tie.Claims()
				}
				_ = m.Alliances()
				_ = m.Summary()
				_ = c.Timeline("gov")
				_, _ = c.Lookup("Daesh")
				_ = c.Dataset()
			}
		}()
	}
	wg.Wait()
	if n := len(c.At(on("2016-01-01")).Supporters("gov")); n != adds+2 {
		t.Errorf("%d backers at the end, want %d", n, adds+2)
	}
}
