package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// What is typed while the screen still says "Opening …" reaches the
// capture line once the negotiation is on screen, in order.
func TestKeysTypedBeforeTheFirstScreenAreKept(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	m := New(h.sess, h.m.opts)
	h.m = m
	h.send(tea.WindowSizeMsg{Width: 140, Height: 40})
	for _, k := range []string{"n", "h", "i"} {
		h.send(keyMsg(k)) // before Init: nothing is loaded yet
	}
	h.run(m.Init())
	if got := m.capture.Text(); got != "hi" {
		t.Fatalf("the capture line holds %q, want the %q typed while the file opened", got, "hi")
	}
}

// q typed first, before the first screen, still quits.
func TestQBeforeTheFirstScreenQuits(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	m := New(h.sess, h.m.opts)
	h.m = m
	h.send(keyMsg("q"))
	if !h.quit {
		t.Fatal("q typed while the file opened did not quit")
	}
}
