package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// cutFigure finds a figure with its end cut off: digits, or digits and
// their separators, right before an ellipsis ("32,21…", "59,408.…").
var cutFigure = regexp.MustCompile(`[0-9][0-9.,]*…`)

// wantNoCutFigure fails when the screen shows a figure cut short.
func (h *harness) wantNoCutFigure(where string) {
	h.t.Helper()
	s := h.screen()
	if m := cutFigure.FindString(s); m != "" {
		h.t.Fatalf("%dx%d %s: %q is a figure cut short:\n%s", h.m.width, h.m.height, where, m, s)
	}
}

// TestNoFigureIsCutOnAnyScreen is issue 18's finding 4: a number on screen
// is whole or left out, never cut, at 80, 100, 140 and 200 columns, in
// every pane, its detail line, the status line and the questions.
func TestNoFigureIsCutOnAnyScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {140, 40}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, true, size[0], size[1])
			for _, pane := range []string{"1", "2", "3", "4", "5", "6"} {
				h.press(pane, "g")
				h.wantNoCutFigure("pane " + pane)
				for k := range 12 {
					h.press("j")
					h.wantNoCutFigure(fmt.Sprintf("pane %s, row %d", pane, k+2))
				}
			}
			// A move logged: the status line says what it costs, whole.
			h.press("1", "n")
			h.typeText("they 1 23.60")
			h.wantNoCutFigure("the capture line's preview")
			h.press("enter")
			h.wantScreen("gains us")
			h.wantNoCutFigure("the status line after a move")
			// Over today's budget: the question says the money whole.
			h.typeText("budget 5 0.65")
			h.press("enter")
			h.typeText("we 5 0.80")
			h.press("enter")
			h.wantScreen("Log it anyway?", "costs us")
			h.wantNoCutFigure("the over-budget question")
		})
	}
}

// TestTheAgendaShowsGapMoneyFrom140Columns: the money column is no longer
// the first to go (it showed only from about 250 columns).
func TestTheAgendaShowsGapMoneyFrom140Columns(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.wantPane(paneAgenda, "Gap money", "205,421")
	// At 80 columns the column goes, and the selected item's detail says it.
	h.resize(80, 24)
	h.lackPane(paneAgenda, "Gap money")
	h.wantPane(paneAgenda, "gap 1.10 = 205,420.93 EUR a year")
}

// TestTheHeaderKeepsTheirVerdictBeforeOwed: at 80 columns the header says
// whether their offer can be taken before what we are owed.
func TestTheHeaderKeepsTheirVerdictBeforeOwed(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	head := strings.SplitN(h.screen(), "\n", 2)[0]
	if !strings.Contains(head, "past walk-away") {
		t.Fatalf("the 80-column header drops their offer's verdict: %q", head)
	}
	h.resize(140, 40)
	head = strings.SplitN(h.screen(), "\n", 2)[0]
	if !strings.Contains(head, "their offer past walk-away") || !strings.Contains(head, "owed €5,292") {
		t.Fatalf("the 140-column header lacks the verdict or owed: %q", head)
	}
}
