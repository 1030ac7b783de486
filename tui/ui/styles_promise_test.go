package ui

import (
	"strings"
	"testing"
)

// NO_COLOR turns colour off in the workbench: its renderer draws the
// styles as plain text, even where colour is forced (CLICOLOR_FORCE); and
// without NO_COLOR, forced colour is drawn, so the test sees the difference.
func TestNoColorTurnsColourOff(t *testing.T) {
	t.Setenv("CLICOLOR_FORCE", "1")
	for _, tc := range []struct {
		noColor string
		colour  bool
	}{{"1", false}, {"", true}} {
		t.Setenv("NO_COLOR", tc.noColor)
		st := NewStyles(NewRenderer(ThemeDark))
		out := st.Bad.Render("past walk") + st.Good.Render("acceptable") + st.Warn.Render("below floor")
		if got := strings.Contains(out, "\x1b["); got != tc.colour {
			t.Errorf("NO_COLOR=%q: coloured %v (%q), want %v", tc.noColor, got, out, tc.colour)
		}
	}
}
