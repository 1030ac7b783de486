package tui

import (
	"testing"

	"github.com/parley-app/parley/tui/editor"
)

// The demo's list price item: our walk-away is 23.60, so a move of ours to
// 23.50 goes past it. The workbench asks first (DESIGN section 3); no
// answers nothing, yes saves.

func TestCaptureLineAsksBeforeAMovePastOurWalkAway(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := len(h.dossier().Ledger)
	h.capture("we 1 23.50")
	h.wantScreen(editor.PastWalkAwayQuestion)
	if n := len(h.dossier().Ledger); n != before {
		t.Fatalf("the line was saved before the question was answered: %d concessions, want %d", n, before)
	}
	h.press("n")
	h.lackScreen(editor.PastWalkAwayQuestion)
	h.wantScreen("› we 1 23.50") // the line keeps its text
	if n := len(h.dossier().Ledger); n != before {
		t.Fatalf("no saved the move: %d concessions, want %d", n, before)
	}
	h.press("enter")
	h.wantScreen(editor.PastWalkAwayQuestion)
	h.press("y")
	d := h.dossier()
	if n := len(d.Ledger); n != before+1 {
		t.Fatalf("yes did not save the move: %d concessions, want %d", n, before+1)
	}
	if c := d.Ledger[len(d.Ledger)-1]; c.ItemID != d.Items[0].ID || c.To.String() != "23.5" {
		t.Fatalf("saved %+v", c)
	}
	h.wantScreen("Saved: we List price per case 24.50 → 23.50")
}

func TestConcessionFormAsksBeforeAMovePastOurWalkAway(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := len(h.dossier().Ledger)
	h.press("c", "tab", "w", "tab")
	h.typeText("23.50")
	h.press("ctrl+s")
	h.wantScreen(editor.PastWalkAwayQuestion)
	if n := len(h.dossier().Ledger); n != before {
		t.Fatalf("the form saved before the question was answered: %d concessions, want %d", n, before)
	}
	h.press("n")
	h.lackScreen(editor.PastWalkAwayQuestion)
	h.wantScreen("Log a concession", "23.50") // the form stays with what was typed
	if n := len(h.dossier().Ledger); n != before {
		t.Fatalf("no saved the move: %d concessions, want %d", n, before)
	}
	h.press("ctrl+s")
	h.wantScreen(editor.PastWalkAwayQuestion)
	h.press("y")
	h.lackScreen("Log a concession")
	d := h.dossier()
	if n := len(d.Ledger); n != before+1 {
		t.Fatalf("yes did not save the move: %d concessions, want %d", n, before+1)
	}
	if c := d.Ledger[len(d.Ledger)-1]; c.ItemID != d.Items[0].ID || c.To.String() != "23.5" || c.By != "us" {
		t.Fatalf("saved %+v", c)
	}
}

// With privacy on the question is still asked, in words that name no limit.
func TestPastOurWalkAwayIsAskedWithoutNamingItWhilePrivate(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := len(h.dossier().Ledger)
	h.press("p")
	h.capture("we 1 23.50")
	h.wantScreen(editor.ConfirmMoveQuestion, "we List price per case 24.50 → 23.50")
	h.lackScreen("walk-away", "walk")
	h.press("n")
	if n := len(h.dossier().Ledger); n != before {
		t.Fatalf("no saved the move: %d concessions, want %d", n, before)
	}
	h.press("esc", "c", "tab", "w", "tab")
	h.typeText("23.50")
	h.press("ctrl+s")
	h.wantScreen(editor.ConfirmMoveQuestion)
	h.lackScreen("walk")
	h.press("y")
	if n := len(h.dossier().Ledger); n != before+1 {
		t.Fatalf("yes did not save the move: %d concessions, want %d", n, before+1)
	}
}

// What the capture line said about the last save was said without privacy:
// turning privacy on takes it away with the rest.
func TestCaptureLineForgetsWhatItSaidWhenPrivacyTurnsOn(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.capture("we 1 24.45")
	h.wantScreen("costs us")
	h.press("esc", "p", "n")
	h.lackScreen("costs us", "our score")
}
