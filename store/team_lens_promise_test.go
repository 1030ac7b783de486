package store

import (
	"errors"
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

// Undo takes back the newest change whoever made it, so it asks the same
// rule as a change: an admin's note in an account of no one's (only
// admins write it) is not undone by a KAM or a manager, and stays.
func TestUndoOfAChangeToWhatOneMayNotWriteIsRefused(t *testing.T) {
	tm := newTeam(t)
	other, err := tm.file.AddDossier(demoDossier()) // an account of no one's: only admins write it
	if err != nil {
		t.Fatal(err)
	}
	n := model.Note{Kind: model.KindNote, Text: "the admin's", At: now}
	if err := tm.ada.SaveNote(other, &n); err != nil {
		t.Fatal(err)
	}
	for _, who := range []*Store{tm.bob, tm.mia, tm.ann} {
		if _, err := who.Undo(); !errors.Is(err, ErrNotYours) {
			t.Errorf("%s undoes a note in a negotiation they may not write: %v; want ErrNotYours", who.Person(), err)
		}
	}
	if _, ok := noteByID(dossier(t, tm.file, other), n.ID); !ok {
		t.Fatal("the note was undone")
	}
	if _, err := tm.ada.Undo(); err != nil {
		t.Errorf("the admin undoes her note: %v", err)
	}
}
