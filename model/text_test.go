package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	for _, tc := range []struct {
		in        string
		multiline bool
		want      string
	}{
		{"hi \x1b]0;pwned\x07 #1", false, "hi ]0;pwned #1"},
		{"Evil\u001b]0;x\u0007\u001b[2JCorp", false, "Evil]0;x[2JCorp"},
		{"agenda\roverwritten", false, "agenda overwritten"},
		{"two\r\nlines\rthree", true, "two\nlines\nthree"},
		{"two\nlines", false, "two lines"},
		{"tab\there", true, "tab here"},
		{"c1 \u009b31m csi and \u009d osc", false, "c1 31m csi and  osc"},
		{"del\x7f", false, "del"},
		{"bidi \u202eevil\u202c \u2066iso\u2069", false, "bidi evil iso"},
		{"marks \u200e\u200f kept", false, "marks \u200e\u200f kept"},
		{"bad \xff utf-8", false, "bad \uFFFD utf-8"},
		{"Hollis Foodstores › 2027 €24.80 “Crunch” 日本", false, "Hollis Foodstores › 2027 €24.80 “Crunch” 日本"},
	} {
		if got := CleanText(tc.in, tc.multiline); got != tc.want {
			t.Errorf("CleanText(%q, %v) = %q, want %q", tc.in, tc.multiline, got, tc.want)
		}
	}
}

func TestEscapeForTerminal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"title \x1b]0;pwned\x07", `title \x1b]0;pwned\x07`},
		{"link \x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\", `link \x1b]8;;http://x\x1b\click\x1b]8;;\x1b\`},
		{"clip \x1b]52;c;cHduZWQ=\x07", `clip \x1b]52;c;cHduZWQ=\x07`},
		{"cr\rover", `cr\x0dover`},
		{"c1 \u009d", `c1 \x9d`},
		{"bidi \u202e", `bidi \u{202e}`},
		{"lines\nand\ttabs stay", "lines\nand\ttabs stay"},
		{"bad \xff", `bad \xff`},
	} {
		if got := EscapeForTerminal(tc.in); got != tc.want {
			t.Errorf("EscapeForTerminal(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// unsafeIn names the first character in s that may act on a terminal.
func unsafeIn(s string, newlineOK bool) (rune, bool) {
	for _, r := range s {
		if (r < 0x20 && !(r == '\n' && newlineOK)) || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return r, true
		}
	}
	return 0, false
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"hi \x1b]0;pwned\x07 #1", "Evil\u001b]0;x\u0007\u001b[2JCorp", "a\r\nb\tc",
		"\u009b2J\u202e\u2066", "plain text › €24.80", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, multiline := range []bool{false, true} {
			got := CleanText(s, multiline)
			if r, bad := unsafeIn(got, multiline); bad {
				t.Fatalf("CleanText(%q, %v) = %q keeps %U", s, multiline, got, r)
			}
			if !utf8.ValidString(got) {
				t.Fatalf("CleanText(%q, %v) = %q is not UTF-8", s, multiline, got)
			}
			if _, bad := unsafeIn(s, false); !bad && utf8.ValidString(s) && !strings.ContainsRune(s, '\t') && got != s {
				t.Fatalf("printable %q changed to %q", s, got)
			}
			if again := CleanText(got, multiline); again != got {
				t.Fatalf("cleaning twice changes %q to %q", got, again)
			}
		}
		esc := EscapeForTerminal(s)
		for _, r := range esc {
			if r != '\n' && r != '\t' {
				if _, bad := unsafeIn(string(r), false); bad {
					t.Fatalf("EscapeForTerminal(%q) = %q keeps %U", s, esc, r)
				}
			}
		}
	})
}

func TestBriefEscapesTextStoredBeforeCleaning(t *testing.T) {
	d := Demo(demoNow)
	d.Account.Name = "Evil\x1b]0;x\x07\x1b[2JCorp"
	d.Items[0].Title = "List \x1b]8;;http://evil\x1b\\price\x1b]8;;\x1b\\"
	d.Notes[0].Text = "clip \x1b]52;c;cHduZWQ=\x07 \u202eevil"
	d.Notes[0].Kind = KindAction
	for _, redact := range []bool{false, true} {
		out := Brief(d, BriefOptions{Redact: redact, Now: demoNow})
		if r, bad := unsafeIn(out, true); bad {
			t.Errorf("the brief (redact %v) holds %U", redact, r)
		}
		if !strings.Contains(out, `Evil\x1b]0;x\x07`) {
			t.Errorf("the brief does not show the escaped name")
		}
	}
}

func TestCaptureCleansTheLine(t *testing.T) {
	c, err := ParseCapture("hi \x1b]0;pwned\x07 #1", captureItems)
	if err != nil {
		t.Fatal(err)
	}
	if c.Text != "hi ]0;pwned #1" {
		t.Errorf("the note reads %q", c.Text)
	}
	c, err = ParseCapture("they 1 24 for cases\rsigned \u202eevil", captureItems)
	if err != nil {
		t.Fatal(err)
	}
	if c.TradedFor != "cases signed evil" {
		t.Errorf("traded for reads %q", c.TradedFor)
	}
}
