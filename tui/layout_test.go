package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Frames trust their content to be Cut to size, so every pane and every
// modal box must draw lines of exactly its width.
func TestPanesAndBoxesDrawExactWidths(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	for _, size := range [][2]int{{0, 0}, {1, 1}, {5, 3}, {20, 6}, {37, 20}, {60, 30}, {96, 58}} {
		for id, p := range h.m.panes {
			p.SetSize(size[0], size[1])
			for _, focused := range []bool{false, true} {
				lines := p.View(focused)
				if len(lines) != size[1] {
					t.Fatalf("pane %d at %v draws %d lines", id+1, size, len(lines))
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != size[0] {
						t.Fatalf("pane %d at %v: line %d is %d wide: %q", id+1, size, i, w, l)
					}
				}
			}
		}
	}
	h.m.layout()
	for _, keys := range [][]string{{"a"}, {"?"}, {"o"}, {"s"}, {"d"}, {"c"}, {"m"}} {
		h.press(keys...)
		box := h.m.bodyView()
		var first = -1
		for _, l := range box {
			plain := strings.TrimSpace(ansi.Strip(l))
			if !strings.HasPrefix(plain, "│") {
				continue
			}
			if first < 0 {
				first = ansi.StringWidth(plain)
			} else if w := ansi.StringWidth(plain); w != first {
				t.Fatalf("after %v the box has ragged lines (%d and %d wide):\n%s", keys, first, w, h.screen())
			}
		}
		if first < 0 {
			t.Fatalf("after %v no box:\n%s", keys, h.screen())
		}
		h.press("esc")
	}
}
