package conflict_test

import (
	"testing"

	"github.com/conflictgraph/conflict"
)

func TestTieAt(t *testing.T) {
	c := edges(t)
	var siege conflict.Tie
	for tie := range c.Ties() {
		if tie.Kind == conflict.RelationBesieges {
			siege = tie
		}
	}
	tests := []struct {
		at   string
		want conflict.Certainty
	}{
		{"2015-09-14", absent}, {"2015-09-15", definite}, {"2016-01-01", possible}, {"2017-01-01", absent},
	}
	for _, tt := range tests {
		if got := siege.At(on(tt.at)); got != tt.want {
			t.Errorf("%v.At(%s) = %v, want %v", siege, tt.at, got, tt.want)
		}
	}
	if got := (conflict.Tie{}).At(on("2016-01-01")); got != absent {
		t.Errorf("zero Tie.At = %v", got)
	}
}
