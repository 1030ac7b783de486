package capture_test

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
)

// A bidi override typed or pasted into the line never reaches the screen:
// it is removed as it enters (issue 24, finding 11).
func TestTheLineShowsNoBidiOverrideWhileTyping(t *testing.T) {
	l := newLine(t, uitest.DemoSnapshot(false))
	l.typeText("Dana \u202ewants\u2066 the leaflet")
	for _, s := range l.c.View(80) {
		if strings.ContainsAny(s, "\u202e\u2066") {
			t.Errorf("the line shows a bidi control: %q", s)
		}
	}
	if got := l.c.Text(); got != "Dana wants the leaflet" {
		t.Errorf("the line holds %q", got)
	}
}

// With privacy on, b does nothing, and a budget line is refused as well,
// keeping its text, rather than saved and confirmed.
func TestABudgetLineIsRefusedWhilePrivacyIsOn(t *testing.T) {
	l := newLine(t, uitest.DemoSnapshot(true))
	l.typeText("budget 1 23.9")
	if !strings.Contains(l.view(140), "enter would refuse: today's budget is hidden while privacy is on") {
		t.Errorf("the preview does not say it would refuse:\n%s", l.view(140))
	}
	for _, msg := range uitest.Msgs(l.enter()) {
		if _, ok := msg.(vocab.SaveMsg); ok {
			t.Fatalf("enter saves the budget while privacy is on: %#v", msg)
		}
	}
	if v := l.view(140); !strings.Contains(v, "✗ today's budget is hidden while privacy is on") || l.c.Text() != "budget 1 23.9" {
		t.Errorf("the refusal is not shown, or the text went (%q):\n%s", l.c.Text(), v)
	}
}
