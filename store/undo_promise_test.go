package store

import (
	"errors"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Undo of a change that made a bucket (a new negotiation, with its child
// buckets) never deletes records added to it since: another session's note
// in it makes the undo refuse, and the file stays as it was.
func TestUndoOfABucketKeepsRecordsAddedSince(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := model.Account{Name: "Hollis Foodstores", Kind: model.Retail}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	n := model.Negotiation{AccountID: a.ID, Title: "2028 terms", Currency: "EUR", Stage: model.StagePrepare, Status: model.Active}
	if err := s.SaveNegotiation(&n); err != nil {
		t.Fatal(err)
	}
	other := openStore(t, s.Path())
	note := model.Note{Kind: model.KindNote, At: now, Text: "Dana called"}
	if err := other.SaveNote(n.ID, &note); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, s.Path())
	if _, err := s.UndoOwn(); !errors.Is(err, ErrChangedSince) {
		t.Fatalf("UndoOwn of the new negotiation = %v, want ErrChangedSince", err)
	}
	assertUntouched(t, s.Path(), before)
	if _, ok := noteByID(dossier(t, s, n.ID), note.ID); !ok {
		t.Error("the note added since is gone")
	}
}

// Undo or redo never makes a negotiation's child bucket at the top of the
// file when the negotiation it belongs in is gone: it refuses.
func TestSetBucketRefusesWithoutItsParent(t *testing.T) {
	s := openStore(t, tempDB(t))
	path := [][]byte{bucketNegotiations, itob(999), bucketNotes}
	before := stateOf(t, s.Path())
	err := s.update(func(tx *bolt.Tx) error { return setBucket(tx, path, false, true, 7) })
	if !errors.Is(err, ErrChangedSince) {
		t.Fatalf("setBucket under a missing negotiation = %v, want ErrChangedSince", err)
	}
	assertUntouched(t, s.Path(), before)
}

// Undoing the removal of a negotiation makes its buckets again with the
// sequences they had, so that no ID is handed out twice: a note deleted
// before the negotiation was removed keeps its ID retired.
func TestUndoOfARemovalKeepsIDsRetired(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := model.Account{Name: "Hollis Foodstores", Kind: model.Retail}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	n := model.Negotiation{AccountID: a.ID, Title: "2028 terms", Currency: "EUR", Stage: model.StagePrepare, Status: model.Active}
	if err := s.SaveNegotiation(&n); err != nil {
		t.Fatal(err)
	}
	var last model.Note
	for _, text := range []string{"one", "two", "three"} {
		last = model.Note{Kind: model.KindNote, At: now, Text: text}
		if err := s.SaveNote(n.ID, &last); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteNote(n.ID, last.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNegotiation(n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	again := model.Note{Kind: model.KindNote, At: now, Text: "four"}
	if err := s.SaveNote(n.ID, &again); err != nil {
		t.Fatal(err)
	}
	if again.ID <= last.ID {
		t.Errorf("a new note got ID %d after the undo; %d was handed out before", again.ID, last.ID)
	}
}
