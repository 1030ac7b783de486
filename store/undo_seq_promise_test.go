package store

import (
	"testing"

	"github.com/parley-app/parley/model"
)

// Redoing the making of a negotiation makes its buckets again with every
// record in them, and the next record added gets an ID of its own: no
// note written before is overwritten by the next one.
func TestRedoOfANewNegotiationHandsOutFreshIDs(t *testing.T) {
	s := openStore(t, tempDB(t))
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	before := dossier(t, s, negID)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	n := model.Note{Kind: model.KindNote, At: now, Text: "after the redo"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	for _, old := range before.Notes {
		if old.ID == n.ID {
			t.Fatalf("the new note took the ID %d of the note %q", n.ID, old.Text)
		}
	}
	after := dossier(t, s, negID)
	if len(after.Notes) != len(before.Notes)+1 {
		t.Fatalf("%d notes after the redo and a new note, want %d", len(after.Notes), len(before.Notes)+1)
	}
}
