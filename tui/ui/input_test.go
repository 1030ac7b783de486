package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/x/ansi"
)

// TestAWiderInputShowsMoreOfItsText: found by trying the app, a capture
// line scrolled at 40 columns went on showing 40 columns of its text once
// the terminal was 80 wide, until the cursor left that window.
func TestAWiderInputShowsMoreOfItsText(t *testing.T) {
	in := textinput.New()
	in.Prompt = ""
	in.Focus()
	text := "they 1 23.5 for a long reason that scrolls past the edge of this line easily yes"
	in.SetValue(text)
	SetInputWidth(&in, 37)
	in.SetCursor(len(text) - 50) // scrolled: the window starts before the cursor
	for _, w := range []int{37, 77, 20, 100} {
		SetInputWidth(&in, w)
		shown := strings.TrimRight(ansi.Strip(in.View()), " ")
		want := min(w, len(text))
		if got := ansi.StringWidth(shown); got < want-1 {
			t.Errorf("at width %d the input shows %d columns, %q; want %d", w, got, shown, want)
		}
		if !strings.Contains(text, strings.TrimSpace(shown)) && w < len(text) {
			t.Errorf("at width %d the input shows %q, not a part of its text", w, shown)
		}
	}
}
