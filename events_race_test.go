package conflict_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/conflictgraph/conflict"
)

// TestConcurrentEventQueries asks of events, territory and measures, of
// the record and of views, from several goroutines while another adds
// events and measures; run it with -race. The indexes of events, measures
// and weights are built on first use by whichever question comes first.
func TestConcurrentEventQueries(t *testing.T) {
	c := desert()
	const adds = 60
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range adds {
			err := c.Add(conflict.Dataset{
				Events: []conflict.Event{{ID: fmt.Sprintf("raid-%d", i), Kind: conflict.EventAirstrike, Date: date("2016-03-20"),
					Location: "palmyra", Actors: []string{"russia"}, Sources: []string{"tass"},
					Figures: []conflict.Figure{{Quantity: conflict.QuantityAirRaids, Best: new(float64(i))}}}},
				Measures: []conflict.Measure{{Party: "isis", Quantity: conflict.QuantityFighters, Value: float64(i), Date: date("2016-03-01"), Sources: []string{"tass"}}},
			})
			if err != nil {
				t.Error(err)
				return
			}
		}
	})
	for range 4 {
		wg.Go(func() {
			last := 0
			for range 100 {
				n := len(c.Events(conflict.EventQuery{Party: "russia"}))
				if n < last {
					t.Errorf("Russia's events went from %d to %d", last, n)
					return
				}
				last = n
				v := c.AsOf(on("2016-04-30"))
				_ = v.Events(conflict.EventQuery{Place: "homs", From: on("2016-03-01")})
				_ = c.Happened(on("2016-03-01"), on("2016-04-30"))
				_ = v.At(on("2016-04-01")).Territory("government", conflict.WeightPopulation)
				_ = c.Gains(on("2016-03-01"), on("2016-04-30"), conflict.WeightArea)
				_ = v.Series("isis", conflict.QuantityFighters)
				_, _ = c.Peak("isis", conflict.QuantityAreaKm2, on("2015-01-01"), on("2017-01-01"))
			}
		})
	}
	wg.Wait()
	if n := len(c.Events(conflict.EventQuery{Party: "russia"})); n != adds+2 {
		t.Errorf("%d events of Russia at the end, want %d", n, adds+2)
	}
	if n := len(c.Series("isis", conflict.QuantityFighters)); n != adds {
		t.Errorf("%d measures at the end, want %d", n, adds)
	}
}
