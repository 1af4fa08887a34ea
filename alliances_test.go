package conflict_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAlliances(t *testing.T) {
	c := edges(t)
	tests := []struct {
		at   string
		want [][]string
	}{
		{"2014-12-31", [][]string{{"a", "c"}}},
		{"2015-01-01", [][]string{{"a", "c", "x", "y"}, {"b"}}},
		{"2015-02-01", [][]string{{"a", "c", "y"}, {"b"}}},
		{"2015-05-15", [][]string{{"a", "c", "d", "y"}, {"b"}}},
		{"2016-01-02", [][]string{{"a", "c", "y"}, {"b"}}},
		{"2016-03-01", [][]string{{"a", "c", "y"}, {"b"}}}, // a ceasefire is no alliance
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, c.At(on(tt.at)).Alliances()); diff != "" {
			t.Errorf("Alliances at %s (-want +got)\n%s", tt.at, diff)
		}
	}
}
