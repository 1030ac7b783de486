package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
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

// TestTabResizesNoPane: tab swaps the pane on the left (or the one shown on
// a narrow terminal); a pane taken off screen keeps the size it is drawn
// at, so moving the focus lays nothing out again (the calculator's detail
// was built again at every tab that hid or showed it).
func TestTabResizesNoPane(t *testing.T) {
	for _, size := range []tea.WindowSizeMsg{{Width: 120, Height: 40}, {Width: 100, Height: 30}, {Width: 70, Height: 20}} {
		m := New(nil, Options{Renderer: lipgloss.NewRenderer(io.Discard), Now: func() time.Time { return testNow }})
		m.Update(size)
		m.setDossier(model.Demo(testNow))
		m.View()
		first := m.drawn // the size each pane was given
		for range 2 * int(paneCount) {
			m.Update(tea.KeyMsg{Type: tea.KeyTab})
			m.View()
			for p, r := range m.drawn {
				if r.w != first[p].w || r.h != first[p].h {
					t.Fatalf("%d×%d: after tab to %s, %s is %d×%d, was %d×%d", size.Width, size.Height,
						m.paneTitle(m.focus), m.paneTitle(paneID(p)), r.w, r.h, first[p].w, first[p].h)
				}
			}
		}
	}
}
