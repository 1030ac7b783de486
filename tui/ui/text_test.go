package ui

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
		if got, want := TextWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
		for w := 0; w <= ansi.StringWidth(s)+2; w++ {
			out := Fit(s, w)
			if got := ansi.StringWidth(out); got != w {
				t.Errorf("fit(%q, %d) is %d wide: %q", s, w, got, out)
			}
			if c := Cut(s, w); ansi.StringWidth(c) > w {
				t.Errorf("cut(%q, %d) is %d wide", s, w, ansi.StringWidth(c))
			}
		}
	}
	if got := Truncate("\x1b[1mbold text\x1b[0m", 5); !strings.HasSuffix(got, "…\x1b[m") || ansi.Strip(got) != "bold…" {
		t.Errorf("truncate of styled text = %q", got)
	}
}
