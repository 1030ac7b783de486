package store

import "testing"

// When the manager may only look, the workbench names whose the
// negotiation is: its owner, even once the owner has shared it.
func TestMayChangeNamesTheOwnerOfASharedAccount(t *testing.T) {
	tm := newTeam(t)
	if err := tm.ann.ShareAccount(dossier(t, tm.ann, tm.negID).Account.ID, "bob"); err != nil {
		t.Fatal(err)
	}
	ok, whose, err := tm.mia.MayChange(tm.negID)
	if err != nil || ok || whose != "ann" {
		t.Fatalf("mia may change: %v %q %v; want false, whose \"ann\"", ok, whose, err)
	}
	if ok, whose, err := tm.bob.MayChange(tm.negID); err != nil || !ok || whose != "" {
		t.Errorf("bob, given the account, may change: %v %q %v; want true", ok, whose, err)
	}
}
