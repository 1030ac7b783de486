package agenda_test

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/agenda"
)

// With privacy on, nothing on the agenda is coloured by whether we are past
// our walk-away: the demo with our list price moved to 23.50 (past our
// walk-away of 23.60) draws, colours and all, exactly as with the walk-away
// at 23.00, and nothing is drawn in the colour of trouble. With privacy
// off, our position past the walk-away is drawn in it.
func TestPrivacyHidesThePastWalkAwayColour(t *testing.T) {
	bad := uitest.BadStart(uitest.ColourStyles())
	draw := func(walkAway string, private bool) string {
		p := uitest.Place(agenda.New(uitest.Clock), uitest.PastWalkAway(walkAway, private), 140, 40)
		uitest.Press(t, p, "j") // the list price row unselected: its colours show
		return strings.Join(p.View(true), "\n")
	}
	past, inside := draw("23.60", true), draw("23.00", true)
	if past != inside {
		t.Errorf("with privacy on, the agenda past our walk-away draws differently:\n%q\n%q", past, inside)
	}
	if bad == "" || strings.Contains(past, bad) {
		t.Errorf("with privacy on, something is drawn in the colour of trouble %q", bad)
	}
	_, after, found := strings.Cut(draw("23.60", false), bad)
	if !found || !strings.HasPrefix(strings.TrimLeft(after, " "), "23.50") {
		t.Error("with privacy off, our position past the walk-away is not drawn in the colour of trouble: the test cannot see it")
	}
}
