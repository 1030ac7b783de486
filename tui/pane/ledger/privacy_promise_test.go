package ledger_test

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/ledger"
)

// With privacy on, no move on the ledger is coloured by whether it took us
// past our walk-away: our list price moved to 23.50 (past our walk-away of
// 23.60) draws, colours and all, exactly as with the walk-away at 23.00, and
// nothing is drawn in the colour of trouble. With privacy off it is.
func TestPrivacyHidesThePastWalkAwayColour(t *testing.T) {
	bad := uitest.BadStart(uitest.ColourStyles())
	draw := func(walkAway string, private bool) string {
		p := uitest.Place(ledger.New(uitest.Clock), uitest.PastWalkAway(walkAway, private), 140, 40)
		uitest.Press(t, p, "g") // the first row selected: the new move's colours show
		return strings.Join(p.View(true), "\n")
	}
	past, inside := draw("23.60", true), draw("23.00", true)
	if past != inside {
		t.Errorf("with privacy on, a move past our walk-away draws differently:\n%q\n%q", past, inside)
	}
	if bad == "" || strings.Contains(past, bad) {
		t.Errorf("with privacy on, something is drawn in the colour of trouble %q", bad)
	}
	if !strings.Contains(draw("23.60", false), bad) {
		t.Error("with privacy off, the move past our walk-away is not drawn in the colour of trouble: the test cannot see it")
	}
}
