package model

import (
	"testing"
)

// A limit must say whose it is and name a lever; one that does both is
// accepted whatever its lever.
func TestLimitNeedsSomeoneAndALever(t *testing.T) {
	for _, lever := range LeverKinds[1:] {
		if err := (Limit{Who: "kam", Lever: lever, Value: dec("3")}).Validate(); err != nil {
			t.Errorf("a kam limit on %s is refused: %v", lever, err)
		}
	}
	assertErr(t, Limit{Who: "  ", Lever: LeverRebate}.Validate(), "say whose limit it is")
	assertErr(t, Limit{Who: "kam", Lever: LeverNone}.Validate(), "names no lever")
	assertErr(t, Limit{Who: "kam", Lever: "discount-ish"}.Validate(), "names no lever")
}

// The limit that binds a person on a lever is their own when they have one,
// else their role's, and only ever one set on that lever.
func TestAuthorityForIsThePersonsOwnLimitElseTheirRoles(t *testing.T) {
	ann := Person{Name: "Ann", Role: RoleKAM}
	bob := Person{Name: "Bob", Role: RoleKAM}
	auth := Authority{
		{Who: "Ann", Lever: LeverRebate, Value: dec("5")},
		{Who: "kam", Lever: LeverPaymentDays, Value: dec("45")},
		{Who: "kam", Lever: LeverRebate, Value: dec("3")},
		{Who: "Ann", Lever: LeverPaymentDays, Value: dec("60")},
		{Who: "manager", Lever: LeverListPrice, Value: dec("-2"), Relative: true},
	}
	for _, tc := range []struct {
		who   Person
		lever LeverKind
		found bool
		value string
	}{
		{ann, LeverRebate, true, "5"},       // her own, set before the role's
		{ann, LeverPaymentDays, true, "60"}, // her own, set after the role's
		{bob, LeverRebate, true, "3"},       // the role's
		{bob, LeverPaymentDays, true, "45"},
		{bob, LeverListPrice, false, ""}, // only a manager's limit on it
		{Person{Name: "Cy", Role: RoleManager}, LeverListPrice, true, "-2"},
		{Person{Name: "Cy", Role: RoleManager}, LeverRebate, false, ""},
	} {
		l, ok := auth.For(tc.who, tc.lever)
		if ok != tc.found {
			t.Errorf("For(%s, %s) found = %v, want %v", tc.who.Name, tc.lever, ok, tc.found)
			continue
		}
		if !ok {
			if l != (Limit{}) {
				t.Errorf("For(%s, %s) found none yet gave %+v", tc.who.Name, tc.lever, l)
			}
			continue
		}
		if l.Lever != tc.lever || !l.Value.Equal(dec(tc.value)) {
			t.Errorf("For(%s, %s) = %s on %s, want %s", tc.who.Name, tc.lever, l.Value, l.Lever, tc.value)
		}
	}
}

// An approval asked of no one in particular waits for an admin; one asked
// of a person names them.
func TestApprovalAskedOfNamesTheApproverElseAnAdmin(t *testing.T) {
	if got := (Approval{}).AskedOf(); got != "an admin" {
		t.Errorf("AskedOf() with no approver = %q, want \"an admin\"", got)
	}
	if got := (Approval{Approver: "Dana"}).AskedOf(); got != "Dana" {
		t.Errorf("AskedOf() = %q, want \"Dana\"", got)
	}
}
