package tui

import (
	"testing"

	"github.com/parley-app/parley/model"
)

// Issue 18, finding 5: a mistyped move on the capture line is refused with
// the hint to quote it, keeps its text and writes nothing (DESIGN 3).
func TestCaptureLineRefusesAMistypedMove(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	d := h.dossier()
	notes, moves := len(d.Notes), len(d.Ledger)
	h.capture("they 1 abc")
	h.wantScreen(`start the line with " to keep it as a note`, "› they 1 abc")
	h.lackScreen("Saved note")
	d = h.dossier()
	if len(d.Notes) != notes || len(d.Ledger) != moves {
		t.Fatalf("a refused line was written: %d notes (was %d), %d moves (was %d)", len(d.Notes), notes, len(d.Ledger), moves)
	}
}

// Issue 18, finding 6: "for #N" takes the number the ledger shows, and a
// number that names a move of the same side is refused on the capture line.
func TestCaptureLineRefusesATradeForOurOwnMove(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("2")
	h.wantScreen("#10 we   Annual growth") // the rebate move of ours, numbered as "for #N" takes it
	moves := len(h.dossier().Ledger)
	h.capture("we 4 180000 for #10")
	h.wantScreen("#10 is our move; name one of theirs", "› we 4 180000 for #10")
	if n := len(h.dossier().Ledger); n != moves {
		t.Fatalf("a refused move was written: %d moves, was %d", n, moves)
	}
	h.press("ctrl+u")
	h.typeText("we 4 180000 for #11")
	h.press("enter")
	h.wantScreen("Saved: we Annual volume commitment 200,000 → 180,000")
	if c := h.dossier().Ledger[moves]; c.TradedFor != "#11" {
		t.Fatalf("saved %+v", c)
	}
}

// Issue 18, finding 2: `+` on the capture line shares the line with the
// buyer; without it a line is internal, and privacy on hides it.
func TestCaptureLineSharesWithPlus(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.capture("+! send the revised grid", "! ask Sam for the promo budget")
	h.press("esc")
	d := h.dossier()
	shared, internal := d.Notes[len(d.Notes)-2], d.Notes[len(d.Notes)-1]
	if shared.Text != "send the revised grid" || !shared.Shared || shared.Kind != model.KindAction {
		t.Fatalf("+! saved %+v", shared)
	}
	if internal.Text != "ask Sam for the promo budget" || internal.Shared {
		t.Fatalf("! saved %+v", internal)
	}
	h.press("3")
	h.wantPane(paneNotes, "☐+ ", "send the revised grid", "ask Sam for the promo budget")
	h.press("p")
	h.wantPane(paneNotes, "send the revised grid")
	h.lackPane(paneNotes, "ask Sam for the promo budget", "Lena: pull our on-time")
}
