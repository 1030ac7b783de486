package tui

import (
	"testing"
)

func TestWelcomeThenDemoShowsTheAgenda(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, false, size[0], size[1])
		h.wantScreen("Welcome to Parley", "load the demo")
		h.press("d")
		h.wantScreen("Hollis Foodstores › 2027 annual terms", "List price per case", "Payment terms", "gap closed", "44%")
		if d := h.dossier(); len(d.Items) != 9 {
			t.Fatalf("the demo in the store has %d items, want 9", len(d.Items))
		}
	}
}
