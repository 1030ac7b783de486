package tui

import "testing"

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
