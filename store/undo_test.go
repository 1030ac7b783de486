package store

import (
	"time"

	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Every kind of change, undone step by step back to the start and redone
// to the end, gives the same export as before and after it.
func TestUndoAndRedoRoundTrip(t *testing.T) {
	s, negID := demoStore(t)
	start := exported(t, s)
	d := dossier(t, s, negID)
	var labels []string
	step := func(label string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		labels = append(labels, label)
	}
	_, err := s.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "Buyer wants the calendar"}, now, 0, "", true)
	step("capture a note", err)
	_, err = s.Capture(negID, model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: d.Items[0].ID, Value: dec("23.60")}, now, 0, "", true)
	step("capture a concession", err)
	it := d.Items[1]
	it.Title = "Payment terms, days"
	step("edit an item", s.SaveItem(negID, &it))
	step("delete a note", s.DeleteNote(negID, d.Notes[0].ID))
	step("delete an item", s.DeleteItem(negID, d.Items[2].ID))
	step("reorder", s.SaveOrder(negID, []uint64{d.Items[1].ID, d.Items[0].ID}))
	_, err = s.ReplaceFollowUps(negID, model.FollowUpTemplate(d.Account.Kind, now, nil))
	step("fill the checklist", err)
	step("delete the negotiation", s.DeleteNegotiation(negID))
	end := exported(t, s)

	for i := len(labels) - 1; i >= 0; i-- {
		if _, err := s.Undo(); err != nil {
			t.Fatalf("undo %s: %v", labels[i], err)
		}
	}
	if got := exported(t, s); !bytes.Equal(got, start) {
		t.Fatalf("after undoing everything:\n%s", firstDifference(string(got), string(start)))
	}
	for _, l := range labels {
		if _, err := s.Redo(); err != nil {
			t.Fatalf("redo %s: %v", l, err)
		}
	}
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("one redo too many: %v, want ErrNothingToRedo", err)
	}
	if got := exported(t, s); !bytes.Equal(got, end) {
		t.Fatalf("after redoing everything:\n%s", firstDifference(string(got), string(end)))
	}
}

// Undo names what it took back; a new file has nothing to undo.
func TestUndoSaysWhatItUndid(t *testing.T) {
	if _, err := openStore(t, tempDB(t)).Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo on a new file: %v, want ErrNothingToUndo", err)
	}
	s, negID := demoStore(t)
	if _, err := s.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "Buyer wants the calendar"}, now, 0, "", true); err != nil {
		t.Fatal(err)
	}
	label, err := s.Undo()
	if err != nil || !strings.Contains(label, "Buyer wants the calendar") {
		t.Errorf("Undo() = %q, %v", label, err)
	}
	label, err = s.Redo()
	if err != nil || !strings.Contains(label, "Buyer wants the calendar") {
		t.Errorf("Redo() = %q, %v", label, err)
	}
}

// An undo of a record another process changed since refuses, and changes
// nothing.
func TestUndoRefusesWhatAnotherProcessChanged(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	n := model.Note{Kind: model.KindNote, At: now, Text: "first words"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	n.Text = "their words"
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	// Edit the record behind the journal's back, as an older Parley would:
	// the undo of "their words" must not overwrite it.
	if err := s.update(func(tx *bolt.Tx) error {
		b, err := child(tx, negID, bucketNotes)
		if err != nil {
			return err
		}
		n.Text = "edited behind the journal"
		return putJSON(b, itob(n.ID), noteToRecord(n))
	}); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, s.Path())
	_, err := s.Undo()
	if !errors.Is(err, ErrChangedSince) {
		t.Fatalf("Undo() = %v, want ErrChangedSince", err)
	}
	assertUntouched(t, s.Path(), before)
}

// A new change after an undo ends redo; the journal keeps its last JournalSize changes.
func TestJournalIsBounded(t *testing.T) {
	s, negID := demoStore(t)
	for i := range JournalSize + 5 {
		n := model.Note{Kind: model.KindNote, At: now, Text: strings.Repeat("x", i+1)}
		if err := s.SaveNote(negID, &n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	n := model.Note{Kind: model.KindNote, At: now, Text: "new"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("redo after a new change: %v, want ErrNothingToRedo", err)
	}
	var entries int
	if err := s.view(func(tx *bolt.Tx) error {
		entries = tx.Bucket(bucketJournal).Stats().KeyN / 2 // a header and its edits
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if entries > JournalSize+trimBatch || entries < JournalSize-1 {
		t.Errorf("the journal holds %d entries, want %d to %d", entries, JournalSize, JournalSize+trimBatch)
	}
}

// After undoing a deleted negotiation, new records get fresh IDs: the
// restored buckets keep their sequences.
func TestUndoKeepsIDsUnique(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)
	if err := s.DeleteNegotiation(negID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	n := model.Note{Kind: model.KindNote, At: now, Text: "after the undo"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	for _, old := range before.Notes {
		if old.ID == n.ID {
			t.Fatalf("the new note took the ID %d of a restored one", n.ID)
		}
	}
	if got := len(dossier(t, s, negID).Notes); got != len(before.Notes)+1 {
		t.Errorf("%d notes, want %d", got, len(before.Notes)+1)
	}
}

// UndoOwn takes back this session's change only: another process's later
// change to another record stays, and one to the same record makes it refuse.
func TestUndoOwnLeavesOthersAlone(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	mine := model.Note{Kind: model.KindNote, At: now, Text: "mine"}
	if err := s.SaveNote(negID, &mine); err != nil {
		t.Fatal(err)
	}
	theirs := model.Note{Kind: model.KindNote, At: now, Text: "theirs"}
	if err := other.SaveNote(negID, &theirs); err != nil {
		t.Fatal(err)
	}
	if label, err := s.UndoOwn(); err != nil || !strings.Contains(label, "mine") {
		t.Fatalf("UndoOwn() = %q, %v", label, err)
	}
	d := dossier(t, s, negID)
	if _, ok := noteByID(d, mine.ID); ok {
		t.Error("my note is still there")
	}
	if _, ok := noteByID(d, theirs.ID); !ok {
		t.Error("their note went with mine")
	}
	if _, err := s.RedoOwn(); err != nil {
		t.Fatal(err)
	}
	mine.Text = "mine, edited by them"
	if err := other.SaveNote(negID, &mine); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, s.Path())
	if _, err := s.UndoOwn(); !errors.Is(err, ErrChangedSince) {
		t.Fatalf("UndoOwn of a note they edited since: %v, want ErrChangedSince", err)
	}
	assertUntouched(t, s.Path(), before)
}

// A change too large for the journal (here the large sample negotiation)
// cannot be undone, and says so; the journal stays small.
func TestTooLargeChangeIsABarrier(t *testing.T) {
	s := openStore(t, tempDB(t))
	if _, err := s.AddDossier(sample.Dossier(sample.LargeSize, now)); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, s.Path())
	if _, err := s.Undo(); !errors.Is(err, ErrTooLargeToUndo) {
		t.Fatalf("Undo() = %v, want ErrTooLargeToUndo", err)
	}
	assertUntouched(t, s.Path(), before)
}

// The writes of the deal and of staying ahead are journaled like the rest:
// a proposal, an agreement, today's budget, a cleared trade-back, a decided
// suggestion and the commitments each undo to the negotiation as it was
// (compared whole, budgets and decisions included, which export leaves out).
func TestUndoCoversTheDealAndAheadWrites(t *testing.T) {
	s, negID := demoStore(t)
	snapshot := func() string {
		t.Helper()
		data, err := json.Marshal(dossier(t, s, negID))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	d := dossier(t, s, negID)
	r := d.Replay()
	var states []string
	step := func(label string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		states = append(states, snapshot())
	}
	states = append(states, snapshot())
	p := model.Package{Name: "Proposal 1", Origin: model.OriginProposal, Values: r.Positions(model.OriginOurs).Values}
	step("save a proposal", s.SavePackage(negID, &p))
	step("budget", s.SaveBudget(negID, &model.Budget{ItemID: d.Items[0].ID, Value: dec("24.20"), At: now}))
	owed := r.Owed()
	if len(owed) == 0 {
		t.Fatal("the demo owes nothing")
	}
	step("clear owed", s.ClearOwed(negID, owed[0].Move.ID, now))
	if sg := r.Suggestions(); len(sg) > 0 {
		step("accept a suggestion", s.AcceptSuggestion(negID, sg[0], now))
	}
	_, err := s.AddFollowUps(negID, []model.FollowUp{{Side: model.CustomerSide, Role: "stock controllers", Action: "170,000 cases committed", Commitment: "they: 170,000 cases committed"}})
	step("add commitments", err)
	_, err = s.Capture(negID, model.Capture{Kind: model.CaptureAgree, ItemID: d.Items[1].ID}, now, 0, "", true)
	step("agree", err)
	for i := len(states) - 1; i > 0; i-- {
		if _, err := s.Undo(); err != nil {
			t.Fatalf("undo step %d: %v", i, err)
		}
		if got := snapshot(); got != states[i-1] {
			t.Fatalf("after undoing step %d the negotiation differs:\n%s", i, firstDifference(got, states[i-1]))
		}
	}
}

// TestUndoNamesTheCapturedMove: undo says which item and value a captured
// line moved, not the line as typed without its item ("captured “agree
// 0”" for item 5; issue 18, finding 12).
func TestUndoNamesTheCapturedMove(t *testing.T) {
	s, negID := demoStore(t)
	d, err := s.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	it := d.Items[4] // Promotional allowance
	for _, tc := range []struct {
		c    model.Capture
		want string
	}{
		{model.Capture{Kind: model.CaptureAgree, ItemID: it.ID}, "agreed “Promotional allowance” at 1.50"},
		{model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: it.ID, Value: dec("1.40")}, "their move on “Promotional allowance” to 1.40"},
		{model.Capture{Kind: model.CaptureBudget, ItemID: it.ID, Value: dec("0.70")}, "set today's budget on “Promotional allowance” to 0.70"},
	} {
		if _, err := s.Capture(negID, tc.c, now, 0, "", true); err != nil {
			t.Fatal(err)
		}
		label, err := s.Undo()
		if err != nil {
			t.Fatal(err)
		}
		if label != tc.want {
			t.Errorf("undo of %v says %q, want %q", tc.c.Kind, label, tc.want)
		}
	}
}
