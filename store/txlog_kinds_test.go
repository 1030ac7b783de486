package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// Every kind of write that reaches the ledger, the notes or the follow-ups
// is in the transaction log: after each, a reread the log plans equals a
// whole read (and, in these tests, the walk that checks the log).
func TestEveryKindOfWriteIsInTheLog(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	read := func(step string) {
		t.Helper()
		rereadLikeWhole(t, r, other, negID, step)
	}
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		read(step)
	}
	read("first")
	read("second, which starts the log's reads")
	d := dossier(t, other, negID)
	at := now.Add(3 * time.Hour)

	move, err := model.ParseCapture("they 1 23.60", d.Items)
	if err != nil {
		t.Fatal(err)
	}
	id, err := other.Capture(negID, move, at, 0, "", true)
	must("a move captured", err)
	var c model.Concession
	for _, m := range dossier(t, other, negID).Ledger {
		if m.ID == id {
			c = m
		}
	}
	c.Note = "edited"
	must("the move edited", other.SaveConcession(negID, &c))
	line, err := model.ParseCapture("note they ask for the calendar", d.Items)
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.Capture(negID, line, at.Add(time.Minute), 0, "", true)
	must("a note captured", err)
	_, err = other.AddFollowUps(negID, []model.FollowUp{{Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Load the prices", Due: at}})
	must("a follow-up added", err)
	fresh := dossier(t, other, negID)
	ids := make([]uint64, 0, len(fresh.FollowUps))
	for i := len(fresh.FollowUps) - 1; i >= 0; i-- {
		ids = append(ids, fresh.FollowUps[i].ID)
	}
	must("the follow-ups reordered", other.SaveOrder(negID, ids))
	must("a follow-up deleted", other.DeleteFollowUp(negID, ids[0]))
	_, err = other.ReplaceFollowUps(negID, []model.FollowUp{{Side: model.CustomerSide, Role: model.RoleBuyers, Action: "Confirm the terms", Due: at}})
	must("the checklist filled anew", err)
	for i := range 3 {
		_, err := other.Undo()
		must("undo "+string(rune('1'+i)), err)
	}
	for i := range 2 {
		_, err := other.Redo()
		must("redo "+string(rune('1'+i)), err)
	}
	must("an item deleted with its moves", other.DeleteItem(negID, d.Items[0].ID))
	_, err = other.Undo()
	must("the item's deletion undone", err)

	exported := filepath.Join(t.TempDir(), "export.json")
	if _, err := other.Export(exported, now); err != nil {
		t.Fatal(err)
	}
	n := model.Note{Kind: model.KindNote, At: at.Add(2 * time.Minute), Text: "only in this file"}
	must("a note before the import", other.SaveNote(negID, &n))
	_, err = other.Import(exported)
	must("the export imported back (a merge)", err)
}
