package tui

import (
	"bytes"
	"testing"
)

// TestSparPage: S opens the sparring page over the panes; an offer is
// answered by the buyer; esc leaves and the session reaches the file under
// the negotiation, while the negotiation itself is not changed by a byte.
func TestSparPage(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	var before bytes.Buffer
	if _, err := h.store.ExportTo(&before, testNow); err != nil {
		t.Fatal(err)
	}
	h.press("S")
	h.wantScreen("Sparring (a training copy: the negotiation is not touched)", "offer › ", "enter table the offer")
	h.typeText("1 24.50, 2 45")
	h.press("enter")
	h.wantScreen("1 we 1 24.50, 2 45", "1 they 1 22.90", "Round 2 of 9")
	h.press("esc")
	h.lackScreen("Sparring (a training copy")
	h.wantScreen("Sparring session 1 stored")
	negID, _ := h.store.Current()
	sessions, err := h.store.SparSessions(negID)
	if err != nil || len(sessions) != 1 || sessions[0].Record.Debrief.Outcome != "no deal: the trainee stopped" ||
		len(sessions[0].Record.Transcript) != 3 || !sessions[0].At.Equal(testNow) {
		t.Fatalf("stored sessions = %+v (%v), want the one stopped after round 1", sessions, err)
	}
	var after bytes.Buffer
	if _, err := h.store.ExportTo(&after, testNow); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before.Bytes(), after.Bytes()) {
		t.Error("sparring changed the negotiation's export")
	}
}

// TestSparPageWaitsForPrivacyOff: with privacy on, S says why the page
// stays closed (it shows walk-aways and scores).
func TestSparPageWaitsForPrivacyOff(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.press("p", "S")
	h.lackScreen("Sparring (a training copy")
	h.wantScreen("Privacy is on: sparring shows walk-aways")
	h.press("p", "S")
	h.wantScreen("Sparring (a training copy")
}
