package model

import (
	"fmt"
	"testing"
)

// Every bidi embedding, override and isolate (U+202A–U+202E, U+2066–U+2069)
// and every C1 control (U+0080–U+009F) is removed by CleanText and escaped
// by EscapeForTerminal, each one on its own; the characters just outside
// those ranges are kept.
func TestCleanTextRemovesEveryBidiAndC1Control(t *testing.T) {
	var removed []rune
	for r := rune(0x80); r <= 0x9f; r++ {
		removed = append(removed, r)
	}
	for r := rune(0x202a); r <= 0x202e; r++ {
		removed = append(removed, r)
	}
	for r := rune(0x2066); r <= 0x2069; r++ {
		removed = append(removed, r)
	}
	if len(removed) != 32+5+4 {
		t.Fatalf("%d characters to remove, want 41", len(removed))
	}
	for _, r := range removed {
		in := "a" + string(r) + "b"
		for _, multiline := range []bool{false, true} {
			if got := CleanText(in, multiline); got != "ab" {
				t.Errorf("CleanText(%U, %v) = %q, want \"ab\"", r, multiline, got)
			}
		}
		want := fmt.Sprintf(`a\x%02xb`, r)
		if r >= 0x100 {
			want = fmt.Sprintf(`a\u{%04x}b`, r)
		}
		if got := EscapeForTerminal(in); got != want {
			t.Errorf("EscapeForTerminal(%U) = %q, want %q", r, got, want)
		}
	}
	for _, r := range []rune{0x7e, 0xa0, 0xa9, 0x2029, 0x202f, 0x2065, 0x206a, 0x200e, 0x200f} {
		in := "a" + string(r) + "b"
		if got := CleanText(in, false); got != in {
			t.Errorf("CleanText(%U) = %q, want it kept", r, got)
		}
		if got := EscapeForTerminal(in); got != in {
			t.Errorf("EscapeForTerminal(%U) = %q, want it kept", r, got)
		}
	}
}

// Each special character alone, and next to a real U+FFFD: the fast path
// (nothing to clean) must not let any of them through.
func TestCleanTextSingleCharacters(t *testing.T) {
	for _, tc := range []struct {
		in              string
		line, multiline string
		escaped         string
	}{
		{"\r", " ", "\n", `\x0d`},
		{"\r\n", " ", "\n", "\\x0d\n"},
		{"\n", " ", "\n", "\n"},
		{"\t", " ", " ", "\t"},
		{"\x00", "", "", `\x00`},
		{"\x1f", "", "", `\x1f`},
		{"\x7f", "", "", `\x7f`},
		{"\u0085", "", "", `\x85`},
		{"\u202e", "", "", `\u{202e}`},
		{" ", " ", " ", " "},
		{"~", "~", "~", "~"},
		{"\u00a0", "\u00a0", "\u00a0", "\u00a0"},
		{"\uFFFD\x1b", "\uFFFD", "\uFFFD", "\uFFFD\\x1b"},
		{"\xff", "\uFFFD", "\uFFFD", `\xff`},
	} {
		if got := CleanText(tc.in, false); got != tc.line {
			t.Errorf("CleanText(%q, false) = %q, want %q", tc.in, got, tc.line)
		}
		if got := CleanText(tc.in, true); got != tc.multiline {
			t.Errorf("CleanText(%q, true) = %q, want %q", tc.in, got, tc.multiline)
		}
		if got := EscapeForTerminal(tc.in); got != tc.escaped {
			t.Errorf("EscapeForTerminal(%q) = %q, want %q", tc.in, got, tc.escaped)
		}
	}
}
