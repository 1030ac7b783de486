package tui

import (
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
)

// A negotiation with many notes opens with its latest notes; the older
// ones follow from a second read, and until then the documents that quote
// notes wait. A change made in between is not lost from the screen.
func TestALongNegotiationOpensWithItsLatestNotesFirst(t *testing.T) {
	h := newHarness(t, false, 140, 40)
	size := sample.Size{Items: 8, Meetings: 6, Concessions: 40, Notes: headNotes + 300, FollowUps: 3}
	id, err := h.store.AddDossier(sample.Dossier(size, testNow))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := h.store.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}

	msg := load(h.sess, id)
	if msg.err != nil || !msg.partial || len(msg.dossier.Notes) != headNotes {
		t.Fatalf("the first read: %d notes, partial %v, %v; want the latest %d, partial", len(msg.dossier.Notes), msg.partial, msg.err, headNotes)
	}
	newest := whole.Notes[len(whole.Notes)-1]
	if _, ok := noteWithID(msg.dossier, newest.ID); !ok {
		t.Fatal("the first read left out the newest note")
	}
	_, cmd := h.m.Update(msg)
	read := h.runAllBut(cmd) // the whole read is made now, and held back
	if !h.m.partial || read == nil {
		t.Fatal("the workbench does not know the older notes are missing")
	}
	h.press("E")
	h.wantScreen("The older notes are still being read")

	// A note captured after the whole read was made, before it arrives:
	// that read lacks it, and is made again.
	h.press("3")
	h.capture("said while the notes loaded")
	h.send(*read)
	if h.m.partial {
		t.Fatal("the whole negotiation never arrived")
	}
	d := h.m.snap.D
	if len(d.Notes) != len(whole.Notes)+1 {
		t.Fatalf("%d notes after the whole read, want %d", len(d.Notes), len(whole.Notes)+1)
	}
	if d.Notes[len(d.Notes)-1].Text != "said while the notes loaded" {
		t.Fatalf("the note captured meanwhile is gone from the screen: last is %q", d.Notes[len(d.Notes)-1].Text)
	}
	h.press("E")
	h.lackScreen("still being read")
}

func noteWithID(d *model.Dossier, id uint64) (model.Note, bool) {
	for _, n := range d.Notes {
		if n.ID == id {
			return n, true
		}
	}
	return model.Note{}, false
}

// runAllBut runs cmd as run does, but holds back the whole read it makes
// (fullMsg) and returns it.
func (h *harness) runAllBut(cmd tea.Cmd) *fullMsg {
	h.t.Helper()
	held := h.runHolding(cmd, func(msg tea.Msg) bool { _, ok := msg.(fullMsg); return ok })
	if len(held) == 0 {
		return nil
	}
	read := held[len(held)-1].(fullMsg)
	return &read
}

// When the older notes cannot be read (a damaged note), the screen keeps
// the latest ones, says why, and the brief is not written without them.
func TestOlderNotesThatCannotBeReadKeepTheBriefBack(t *testing.T) {
	h := newHarness(t, false, 140, 40)
	size := sample.Size{Items: 8, Meetings: 6, Concessions: 40, Notes: headNotes + 50, FollowUps: 3}
	id, err := h.store.AddDossier(sample.Dossier(size, testNow))
	if err != nil {
		t.Fatal(err)
	}
	msg := load(h.sess, id)
	_, cmd := h.m.Update(msg)
	read := h.runAllBut(cmd)
	if read == nil {
		t.Fatal("no whole read was asked for")
	}
	read.err = errors.New("record 1 is damaged")
	h.send(*read)
	h.press("E")
	h.wantScreen("not written: it would leave out the older notes")
	if len(h.m.snap.D.Notes) != headNotes {
		t.Fatalf("%d notes on screen, want the %d latest kept", len(h.m.snap.D.Notes), headNotes)
	}
}
