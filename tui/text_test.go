package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The fast measure must agree with the full grapheme measure, and cutting
// must give the width asked for, on every kind of text the workbench shows.
func TestTextWidthAgreesWithTheGraphemeMeasure(t *testing.T) {
	samples := []string{
		"", "plain ascii", "List price per case  24.50 → 24.80", "☐ ☑ ✓ ✗ ⚠ ● ‖ ★ › … · — € █ ░ ╭─│▸‹",
		"\x1b[1;38;2;10;20;30mstyled\x1b[0m text", "Crème brûlée", "e\u0301 combining", "日本語 wide",
		"👍🏽 toned", "🇫🇷 flag", "❤️ selector", "tab\there", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
	}
	for _, s := range samples {
		if got, want := textWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
		for w := 0; w <= ansi.StringWidth(s)+2; w++ {
			out := fit(s, w)
			if got := ansi.StringWidth(out); got != w {
				t.Errorf("fit(%q, %d) is %d wide: %q", s, w, got, out)
			}
			if c := cut(s, w); ansi.StringWidth(c) > w {
				t.Errorf("cut(%q, %d) is %d wide", s, w, ansi.StringWidth(c))
			}
		}
	}
	if got := truncate("\x1b[1mbold text\x1b[0m", 5); !strings.HasSuffix(got, "…\x1b[m") || ansi.Strip(got) != "bold…" {
		t.Errorf("truncate of styled text = %q", got)
	}
}

// Frames trust their content to be cut to size, so every pane and every
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
