package store

import (
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

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

// An account with no owner, only people it was shared with (a file whose
// access was written so by hand: Parley makes the first person given an
// account its owner), is named by the first of them.
func TestMayChangeNamesTheFirstSharedWhenNoOwner(t *testing.T) {
	tm := newTeam(t)
	acc := dossier(t, tm.ann, tm.negID).Account.ID
	if err := tm.file.update(func(tx *bolt.Tx) error {
		return putAccess(tx, model.Access{AccountID: acc, Shared: []string{"ann", "bob"}})
	}); err != nil {
		t.Fatal(err)
	}
	if ok, whose, err := tm.mia.MayChange(tm.negID); err != nil || ok || whose != "ann" {
		t.Fatalf("mia may change: %v %q %v; want false, whose \"ann\"", ok, whose, err)
	}
}
