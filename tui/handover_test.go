package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// TestAQuestionLeavesThePanesInSight: a confirmation is drawn over the
// panes, which stay in sight around it (issue 18, finding 12: confirm
// dialogs blanked every pane).
func TestAQuestionLeavesThePanesInSight(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("j", "d")
	h.wantScreen(`Delete the item "Payment terms"?`, "1 Agenda", "2 Ledger", "List price per case")
}

// TestAFormKeepsItsWidthWhenAHintAppears: the box does not jump wider when
// the focused field has a hint or a reason (it went from 88 to 136 columns).
func TestAFormKeepsItsWidthWhenAHintAppears(t *testing.T) {
	h := newHarness(t, true, 160, 40)
	h.press("e") // the item form: fields with hints and without
	width := func() int {
		top := h.m.top().View(h.m.width, h.m.bodyHeight())
		return ansi.StringWidth(top[0])
	}
	first := width()
	seen := map[int]bool{first: true}
	for range 14 {
		h.press("tab")
		seen[width()] = true
	}
	h.typeText("x") // a reason beside a field
	seen[width()] = true
	if len(seen) != 1 {
		t.Fatalf("the form's width changes between fields: %v\n%s", seen, strings.Join(h.m.top().View(h.m.width, h.m.bodyHeight()), "\n"))
	}
}

// TestAStatusIsSaidOnce: what the capture line saved is said under the
// line, not again in the footer (issue 18, finding 12).
func TestAStatusIsSaidOnce(t *testing.T) {
	h := newHarness(t, true, 100, 30)
	h.press("n")
	h.typeText("Dana wants the calendar")
	h.press("enter")
	if n := strings.Count(h.screen(), "Saved note"); n != 1 {
		t.Fatalf("the screen says %d times that the note was saved:\n%s", n, h.screen())
	}
}

// TestTheFocusedPaneIsMarkedWithoutColour: with NO_COLOR (the harness
// draws without colour) the focused pane's title carries the mark, not
// only its selected row (issue 18, finding 12).
func TestTheFocusedPaneIsMarkedWithoutColour(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.wantScreen("▸ 1 Agenda")
	h.lackScreen("▸ 2 Ledger")
	h.press("2")
	h.wantScreen("▸ 2 Ledger")
	h.lackScreen("▸ 1 Agenda")
}

// TestANewItemsLeverFollowsItsTopicAndUnit: payment terms in days enter
// the deal as payment days without the KAM choosing it (issue 18, finding
// 12: the lever of a new item ignored its topic and unit).
func TestANewItemsLeverFollowsItsTopicAndUnit(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("a")
	// Title, topic (t picks terms), unit, better, opening, target, walk-away, their opening.
	fillItemForm(h, "Extra payment terms", "t", "days", "", "45", "50", "60", "90")
	h.wantScreen("‹ payment days ›")
	h.press("ctrl+s")
	d := h.dossier()
	if it := d.Items[len(d.Items)-1]; it.Lever.Kind != model.LeverPaymentDays {
		t.Fatalf("the new item's lever is %q, want payment days", it.Lever.Kind)
	}
}

// TestTheItemFormAsksAboutACrossedItem is issue 18's finding 7: service
// level, higher is better, ours 98.5, theirs 99.5 was saved silently.
func TestTheItemFormAsksAboutACrossedItem(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("a")
	// Title, topic, unit, better (h: higher), opening, target, walk-away, their opening.
	fillItemForm(h, "On-shelf availability", "", "%", "h", "98.5", "", "97", "99.5")
	h.press("ctrl+s")
	h.wantScreen("Their opening 99.5 is already better for us than ours 98.5 (higher is better for us)", "anyway?")
	items := len(h.dossier().Items)
	h.press("n")
	h.wantScreen("New agenda item", "On-shelf availability")
	if len(h.dossier().Items) != items {
		t.Fatal("n saved the crossed item")
	}
	h.press("ctrl+s", "y")
	h.lackScreen("New agenda item")
	if d := h.dossier(); len(d.Items) != items+1 || d.Items[items].Title != "On-shelf availability" {
		t.Fatalf("y did not save the item: %d items", len(d.Items))
	}
}

// TestRestartingRestoresThePaneSelectionAndFilter is issue 18's finding
// 11: left in one pane with a row selected and a filter set, the
// workbench reopened on the agenda's first item.
func TestRestartingRestoresThePaneSelectionAndFilter(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("1", "/")
	h.typeText("rebate")
	h.press("enter")
	h.press("2", "g", "j", "j", "j")
	h.press("3", "f", "f", "j")
	want := map[paneID]vocab.PaneView{}
	for _, p := range []paneID{paneAgenda, paneLedger, paneNotes} {
		want[p] = h.m.panes[p].(viewKeeper).SaveView()
	}
	if want[paneAgenda].Filter != "rebate" || want[paneLedger].Row == "" || want[paneNotes].Mode == "0" {
		t.Fatalf("the views to keep are not what was set: %+v", want)
	}
	h.press("q")

	again := startHarness(t, h.store, h.path, Options{}, 140, 40)
	if again.m.focus != paneNotes {
		t.Fatalf("reopened on pane %d, want the notes", again.m.focus+1)
	}
	for p, w := range want {
		if got := again.m.panes[p].(viewKeeper).SaveView(); got != w {
			t.Errorf("pane %d reopened with %+v, want %+v", p+1, got, w)
		}
	}
	again.wantScreen("/ rebate", "▸ 3 Notes")
}
