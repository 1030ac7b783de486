package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text enters Parley through the capture line, the forms and import, and
// leaves it on the screen, in the brief and in messages. CleanText is applied
// where it enters, EscapeForTerminal where it leaves, so that no text can
// move the cursor, set the window title (OSC 0), make a link (OSC 8), write
// the clipboard (OSC 52), clear the screen or reorder what is shown.
//
// Removed: C0 controls (U+0000–U+001F) but the newline where several lines
// are allowed, DEL (U+007F), C1 controls (U+0080–U+009F, which include the
// 8-bit CSI and OSC), and the bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) that can make text read differently from
// what it holds. A tab becomes a space; a carriage return becomes a newline
// (or a space on one line). The left-to-right and right-to-left marks
// (U+200E, U+200F) are kept: they only nudge the direction of neutral
// characters next to them, cannot reorder a run of text, and names written
// in Arabic or Hebrew need them.

// CleanText is s with control characters removed as described above;
// multiline keeps newlines, otherwise they become spaces. Invalid UTF-8
// becomes U+FFFD. Printable text is returned unchanged.
func CleanText(s string, multiline bool) string {
	if isClean(s, multiline) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is the fast path: most text holds nothing to remove.
func isClean(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafeRune(r) || r == '\t' || r == '\r' || (r == '\n' && !multiline) {
			return false
		}
	}
	return true
}

// unsafeRune reports the characters CleanText removes and EscapeForTerminal
// escapes (the newline, tab and carriage return are decided by the caller).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\n' && r != '\t' && r != '\r':
		return true
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// EscapeForTerminal makes text safe to print to a terminal or to write into a
// file that will be: newlines and tabs stay, every other character
// CleanText would remove (and a carriage return) is written visibly as
// \xHH or \u{HHHH}, so that text stored before cleaning existed, or slipped
// past it, shows what it holds instead of acting on the terminal.
func EscapeForTerminal(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\r' || unsafeRune(r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u{%04x}`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r == '\r' || unsafeRune(r) {
			return true
		}
	}
	return false
}
