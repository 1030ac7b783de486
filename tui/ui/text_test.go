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

// TestTruncateNeverCutsANumber: a figure is shown whole or not at all,
// never as another figure with its end missing (issue 18, finding 4).
func TestTruncateNeverCutsANumber(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"gains us 32,210.50 EUR a year", 14, "gains us …"},
		{"costs us 59,408.12 EUR", 16, "costs us …"},
		{"150,000→170,000", 14, "…"},
		{"Crunch Oat biscuits", 10, "Crunch Oa…"},
		{"SKUs listed, Crunch Oat 150g", 27, "SKUs listed, Crunch Oat …"},
		{"gap 30 = 31,298.63 EUR", 22, "gap 30 = 31,298.63 EU…"},
		{"answered · 2026-11-09 11:00 · meeting 1", 23, "answered · 2026-11-09 …"}, // the cut in 11:00
		{"answered · 2026-11-09 11:00 · meeting 1", 22, "answered · …"},            // at the space after the date
		{"\x1b[1mcosts us 59,408.12\x1b[0m", 16, "costs us …"},
		{"é\u0301 costs 59,408.12", 12, "é\u0301 costs …"}, // a combining mark: the slow path
	}
	for _, c := range cases {
		got := Truncate(c.in, c.w)
		if ansi.Strip(got) != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.w, ansi.Strip(got), c.want)
		}
		if ansi.StringWidth(got) > c.w {
			t.Errorf("Truncate(%q, %d) is %d wide", c.in, c.w, ansi.StringWidth(got))
		}
	}
}

func TestPackMovesAPartWholeToTheNextLine(t *testing.T) {
	got := Pack([]string{"Ours 24.50 (opened 24.80)", "theirs 23.40 (opened 22.90)", "gap 1.10 = 2,002.00 EUR a year"}, 38)
	want := []string{"Ours 24.50 (opened 24.80)", "theirs 23.40 (opened 22.90)", "gap 1.10 = 2,002.00 EUR a year"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Pack at 38 = %q", got)
	}
	got = Pack([]string{"Ours 24.50", "theirs 23.40", "gap 1.10"}, 30)
	if strings.Join(got, "|") != "Ours 24.50 · theirs 23.40|gap 1.10" {
		t.Errorf("Pack at 30 = %q", got)
	}
}
