package tui

import (
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// countingStore counts the negotiations read, to tell a reload from none.
type countingStore struct {
	Store
	reads int
}

func (s *countingStore) Dossier(id uint64) (*model.Dossier, error) {
	s.reads++
	return s.Store.Dossier(id)
}

// otherProcess is a second store on the harness's file: its writes are
// another process's, as far as the workbench can tell.
func otherProcess(h *harness) *store.Store {
	h.t.Helper()
	s, err := store.Open(h.path)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { s.Close() })
	return s
}

// A note captured elsewhere shows up at the next look, with the capture
// line's text and the selection kept; the workbench's own saves are not
// read back.
func TestChangesMadeElsewhereAppear(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	counter := &countingStore{Store: h.sess}
	h.m.store = counter
	h.press("3")
	h.capture("our own line")
	h.fireTimers()
	if counter.reads != 0 {
		t.Fatalf("the workbench read the negotiation back %d times after its own save", counter.reads)
	}
	h.typeText("half a line")

	other := otherProcess(h)
	id := h.dossier().Negotiation.ID
	if _, err := other.Capture(id, model.Capture{Kind: model.CaptureNote, Text: "Logged from the phone"}, testNow, 0, "", true); err != nil {
		t.Fatal(err)
	}
	h.lackPane(paneNotes, "Logged from the phone")
	h.fireTimers()
	h.wantPane(paneNotes, "Logged from the phone")
	h.wantScreen("› half a line")
	if counter.reads != 1 {
		t.Errorf("%d reads for one change made elsewhere, want 1", counter.reads)
	}
	h.fireTimers()
	if counter.reads != 1 {
		t.Errorf("read again with nothing changed: %d reads", counter.reads)
	}
}

// With events (desk.Session.Events), a note another process captures shows
// up when the file tells of the commit: no timer is fired, none is needed.
func TestAnEventBringsAChangeMadeElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.AddDossier(model.Demo(testNow)); err != nil {
		t.Fatal(err)
	}
	events, stop := desk.New(s, "").Events()
	defer stop()
	h := startHarness(t, s, path, Options{Events: events}, 140, 40)
	h.press("3")
	other := otherProcess(h)
	id := h.dossier().Negotiation.ID
	if _, err := other.Capture(id, model.Capture{Kind: model.CaptureNote, Text: "Logged from the phone"}, testNow, 0, "", false); err != nil {
		t.Fatal(err)
	}
	h.lackPane(paneNotes, "Logged from the phone")
	h.awaitEvent()
	h.wantPane(paneNotes, "Logged from the phone")
	h.mu.Lock()
	waits := len(h.waits)
	h.mu.Unlock()
	if waits != 1 {
		t.Errorf("after the reload the workbench waits on %d event channels, want 1 (it waits again)", waits)
	}
}

// A record edited in a form and changed elsewhere meanwhile: saving asks
// which to keep; n keeps theirs and writes nothing.
func TestFormConflictKeepsTheirs(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("e")
	h.wantScreen("Edit: List price per case")
	other := otherProcess(h)
	d := h.dossier()
	theirs := d.Items[0]
	theirs.Title = "List price (their edit)"
	if err := other.SaveItem(d.Negotiation.ID, &theirs); err != nil {
		t.Fatal(err)
	}
	h.fireTimers()
	h.typeText(" MINE")
	h.press("ctrl+s")
	h.wantScreen("was changed elsewhere while you edited it")
	h.press("n")
	h.wantScreen("Kept the change made elsewhere")
	if got := h.dossier().Items[0].Title; got != "List price (their edit)" {
		t.Fatalf("stored title %q, want theirs", got)
	}
	h.lackScreen("Edit: List price")
}

// …and y keeps yours, written over theirs.
func TestFormConflictKeepsMine(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("e")
	other := otherProcess(h)
	d := h.dossier()
	theirs := d.Items[0]
	theirs.Title = "List price (their edit)"
	if err := other.SaveItem(d.Negotiation.ID, &theirs); err != nil {
		t.Fatal(err)
	}
	h.fireTimers()
	h.typeText(" MINE")
	h.press("ctrl+s")
	h.wantScreen("was changed elsewhere while you edited it")
	h.press("y")
	if got := h.dossier().Items[0].Title; got != "List price per case MINE" {
		t.Fatalf("stored title %q, want mine", got)
	}
}

// u undoes the last change with a status naming it; ctrl+r redoes it.
func TestUndoAndRedoKeys(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3")
	h.capture("Buyer wants the promotion calendar")
	h.press("esc")
	before := len(h.dossier().Notes)
	h.press("u")
	h.wantScreen("Undone: captured “Buyer wants the promotion calendar”")
	if got := len(h.dossier().Notes); got != before-1 {
		t.Fatalf("%d notes after undo, want %d", got, before-1)
	}
	h.lackPane(paneNotes, "Buyer wants the promotion calendar")
	h.press("ctrl+r")
	h.wantScreen("Redone: captured")
	h.wantPane(paneNotes, "Buyer wants the promotion calendar")
}

// An undo of a change another process has changed since is refused.
func TestUndoRefusesAChangeMadeSinceElsewhere(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3")
	h.capture("Buyer wants the promotion calendar")
	h.press("esc")
	other := otherProcess(h)
	d := h.dossier()
	n := d.Notes[len(d.Notes)-1]
	n.Text = "edited elsewhere"
	if err := other.SaveNote(d.Negotiation.ID, &n); err != nil {
		t.Fatal(err)
	}
	h.press("u")
	h.wantScreen("cannot undo captured", "changed since, elsewhere")
	if got := h.dossier().Notes[len(d.Notes)-1].Text; got != "edited elsewhere" {
		t.Fatalf("the note now reads %q", got)
	}
}

// A reload that brings only a note keeps the replay and the deal (notes
// enter no figure); one that brings a move replays again.
func TestAReloadOfANoteKeepsTheFigures(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	other := otherProcess(h)
	d := h.dossier()
	before := h.m.snap.R
	if _, err := other.Capture(d.Negotiation.ID, model.Capture{Kind: model.CaptureNote, Text: "Logged from the phone"}, testNow, 0, "", true); err != nil {
		t.Fatal(err)
	}
	h.fireTimers()
	h.wantPane(paneNotes, "Logged from the phone")
	if h.m.snap.R != before {
		t.Fatal("a note made elsewhere replayed the ledger again")
	}

	it := d.Items[0]
	move := model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: it.ID, Value: h.m.snap.R.Items[0].Theirs.Add(dec("0.01")), TradedFor: "a longer listing"}
	if it.Better == model.Down {
		move.Value = h.m.snap.R.Items[0].Theirs.Sub(dec("0.01"))
	}
	if _, err := other.Capture(d.Negotiation.ID, move, testNow, 0, "", true); err != nil {
		t.Fatal(err)
	}
	h.fireTimers()
	if h.m.snap.R == before || len(h.m.snap.R.Moves) != len(before.Moves)+1 {
		t.Fatalf("a move made elsewhere: %d moves replayed, want %d", len(h.m.snap.R.Moves), len(before.Moves)+1)
	}
}
