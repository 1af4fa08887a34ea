package conflict

import (
	"testing"

	"github.com/conflictgraph/conflict/internal/timeindex"
	"github.com/google/go-cmp/cmp"
)

// TestCodes checks that the index numbers certainties and states as the
// package does, so the snapshot may convert them as numbers, and that every
// relation kind goes to the index's class and role for it.
func TestCodes(t *testing.T) {
	certainties := map[timeindex.Certainty]Certainty{
		timeindex.Absent: Absent, timeindex.Possible: Possible, timeindex.Definite: Definite,
	}
	for c, want := range certainties {
		if got := certaintyOf(c); got != want {
			t.Errorf("certaintyOf(%d) = %v, want %v", c, got, want)
		}
	}
	states := map[timeindex.State]ControlState{
		timeindex.StateUnknown: ControlUnknown, timeindex.StateHeld: ControlHeld,
		timeindex.StateBesieged: ControlBesieged, timeindex.StateContested: ControlContested,
	}
	for s, want := range states {
		if got := controlState(s); got != want {
			t.Errorf("controlState(%d) = %v, want %v", s, got, want)
		}
	}
	type class struct {
		Class timeindex.Class
		Role  timeindex.Role
	}
	got := map[RelationKind]class{}
	for k := RelationKind(1); k < numRelationKinds; k++ {
		c, r := indexClass(k)
		got[k] = class{c, r}
	}
	want := map[RelationKind]class{
		RelationSupports:  {timeindex.ClassPositive, timeindex.RoleNone},
		RelationAllied:    {timeindex.ClassPositive, timeindex.RoleNone},
		RelationPartOf:    {timeindex.ClassPositive, timeindex.RoleNone},
		RelationFights:    {timeindex.ClassHostile, timeindex.RoleNone},
		RelationCeasefire: {timeindex.ClassHostile, timeindex.RoleNone},
		RelationControls:  {timeindex.ClassTerritorial, timeindex.RoleHolds},
		RelationBesieges:  {timeindex.ClassTerritorial, timeindex.RoleBesieges},
		RelationContests:  {timeindex.ClassTerritorial, timeindex.RoleContests},
		RelationOpposes:   {timeindex.ClassHostile, timeindex.RoleNone},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("indexClass (-want +got):\n%s", diff)
	}
}
