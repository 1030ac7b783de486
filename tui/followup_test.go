package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// The roles of DESIGN section 4, word for word.
var (
	retailRoles = []string{
		"buyers", "area field controllers", "branch managers", "stock controllers", "product end users",
		"merchandising and marketing staff",
		"order processors", "distribution departments", "field sales managers", "field salespersons",
		"brand ambassadors", "sales promoters", "marketing specialist on promotional activity",
	}
	industrialRoles = []string{
		"end users (production managers, engineers, technical staff, etc.)",
		"product specifiers (research specialists, engineers, technical experts, quality control personnel, etc.)",
		"other section managers who could benefit from the product",
		"training", "technical support", "order processing", "distribution",
	}
)

// industrialHarness opens the workbench on a fresh industrial account with
// no follow-up lines.
func industrialHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d := &model.Dossier{
		Account: model.Account{ID: 1, Name: "Brenner Maschinenbau", Kind: model.Industrial, Category: "Bearings",
			Contacts: []model.Contact{
				{Name: "Jonas Keller", Role: "end user", Side: model.CustomerSide},
				{Name: "Ines Duarte", Role: "training", Side: model.InternalSide},
			}},
		Negotiation: model.Negotiation{ID: 1, AccountID: 1, Title: "2027 supply contract", Stage: model.StageAgree,
			Status: model.Active, Currency: "EUR", Created: testNow.AddDate(0, -1, 0)},
	}
	if _, err := s.AddDossier(d); err != nil {
		t.Fatal(err)
	}
	return startHarness(t, s, path, Options{}, w, h)
}

func roles(fs []model.FollowUp) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Role
	}
	return out
}

func followUpByRole(t *testing.T, fs []model.FollowUp, role string) model.FollowUp {
	t.Helper()
	for _, f := range fs {
		if f.Role == role {
			return f
		}
	}
	t.Fatalf("no follow-up line for %q in %q", role, roles(fs))
	return model.FollowUp{}
}

func TestFollowUpTemplateRetail(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}, {200, 60}} {
		h := newHarness(t, true, size[0], size[1])
		h.press("4")
		h.wantScreen("No follow-up checklist yet", "Press t")
		h.press("t") // the list is empty: filled at once
		d := h.dossier()
		if got := roles(d.FollowUps); strings.Join(got, "|") != strings.Join(retailRoles, "|") {
			t.Fatalf("retail roles in the store:\n%q\nwant\n%q", got, retailRoles)
		}
		buyers := followUpByRole(t, d.FollowUps, "buyers")
		if buyers.Person != "Dana Whitlock" || buyers.Side != model.CustomerSide {
			t.Fatalf("buyers line = %+v, want Dana Whitlock on the customer side", buyers)
		}
		if want := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC); !buyers.Due.Equal(want) {
			t.Fatalf("buyers due %v, want three days from today %v", buyers.Due, want)
		}
		h.wantScreen("Progress 0/13", "Customer side · 0/6 done", "Internal · 0/7 done", "buyers — Dana Whitlock", "2026-11-28")
		if size[0] == 200 {
			// Wide enough for every role in full, and the people beside them.
			h.wantScreen(retailRoles...)
			h.wantScreen("Dana Whitlock", "Marc Oyelaran", "Tom Becker", "Confirm the agreed terms")
		}
		// Walking down the list shows each role in full in the detail
		// (wrapped on a narrow pane).
		for _, role := range retailRoles[1:] {
			h.press("j")
			if size[0] >= 140 {
				h.wantScreen(role)
			} else {
				h.wantScreen(strings.Join(strings.Fields(role)[:min(2, len(strings.Fields(role)))], " "))
			}
		}
	}
}

func TestFollowUpTemplateIndustrial(t *testing.T) {
	h := industrialHarness(t, 200, 60)
	h.press("4", "t")
	d := h.dossier()
	if got := roles(d.FollowUps); strings.Join(got, "|") != strings.Join(industrialRoles, "|") {
		t.Fatalf("industrial roles in the store:\n%q\nwant\n%q", got, industrialRoles)
	}
	if f := followUpByRole(t, d.FollowUps, "training"); f.Person != "Ines Duarte" || f.Side != model.InternalSide {
		t.Fatalf("training line = %+v, want Ines Duarte, internal", f)
	}
	if f := followUpByRole(t, d.FollowUps, industrialRoles[0]); f.Person != "Jonas Keller" {
		t.Fatalf("end users line = %+v, want Jonas Keller", f)
	}
	h.wantScreen("Progress 0/7", "industrial")
	h.wantScreen(industrialRoles[0])
	for _, role := range industrialRoles[1:] {
		h.press("j")
		// The seed's longest role wraps in the detail: its first words suffice.
		h.wantScreen(strings.Join(strings.Fields(role)[:min(6, len(strings.Fields(role)))], " "))
	}
	for _, role := range retailRoles[:2] {
		h.lackScreen(role)
	}
}

func TestFollowUpTemplateAsksBeforeReplacing(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("4", "t", "x") // fill, then tick "buyers"
	if done, _ := h.dossier().FollowUpProgress(); done != 1 {
		t.Fatalf("%d lines done, want 1", done)
	}
	h.press("t")
	h.wantScreen("Replace the checklist with the retail template?", "Its 13 lines (1 done)")
	h.press("n")
	if done, total := h.dossier().FollowUpProgress(); done != 1 || total != 13 {
		t.Fatalf("after no: %d/%d, want 1/13", done, total)
	}
	h.press("t", "y")
	if done, total := h.dossier().FollowUpProgress(); done != 0 || total != 13 {
		t.Fatalf("after yes: %d/%d, want a fresh 0/13", done, total)
	}
	h.wantScreen("Progress 0/13", "filled from the retail template")
}

func TestFollowUpToggleDonePersistsWithItsTime(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, true, size[0], size[1])
		h.press("4", "t")
		h.now = testNow.Add(90 * time.Minute)
		h.press("x")
		f := followUpByRole(t, h.dossier().FollowUps, "buyers")
		if !f.Done || !f.DoneAt.Equal(h.now) {
			t.Fatalf("after x: done %v at %v, want done at %v", f.Done, f.DoneAt, h.now)
		}
		h.wantScreen("Progress 1/13", "Customer side · 1/6 done", "☑", "done 2026-11-25", "Done: buyers")
		if size[0] >= 140 {
			h.wantScreen("due 2026-11-28 · done 2026-11-25 11:30")
		}

		// The header counts the checklist once the stage is follow-up.
		h.lackScreen("follow-up 1/13")
		h.press("s", "G", "enter")
		if st := h.dossier().Negotiation.Stage; st != model.StageFollowUp {
			t.Fatalf("stage %s, want follow-up", st)
		}
		h.lackScreen("Fill the follow-up checklist") // it exists: nothing to offer
		h.wantScreen("follow-up 1/13")

		// Reopening the file keeps the tick and its time.
		h2 := startHarness(t, h.store, h.path, Options{}, size[0], size[1])
		h2.press("4")
		h2.wantScreen("Progress 1/13")

		h.press("x")
		f = followUpByRole(t, h.dossier().FollowUps, "buyers")
		if f.Done || !f.DoneAt.IsZero() {
			t.Fatalf("after a second x: done %v at %v, want open with no time", f.Done, f.DoneAt)
		}
		h.wantScreen("Progress 0/13", "follow-up 0/13", "Open again: buyers")
	}
}

func TestMovingToAgreeOffersTheTemplate(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, true, size[0], size[1])
		h.press("s")
		h.wantScreen("Stage")
		h.press("j", "enter") // bargain → agree
		h.wantScreen("Fill the follow-up checklist now?", "13 lines from the retail template")
		if d := h.dossier(); d.Negotiation.Stage != model.StageAgree || len(d.FollowUps) != 0 {
			t.Fatalf("before the answer: stage %s, %d lines; want agree and none", d.Negotiation.Stage, len(d.FollowUps))
		}
		h.press("y")
		h.lackScreen("Write the agreement's") // no item is agreed yet: no commitment to offer
		if n := len(h.dossier().FollowUps); n != 13 {
			t.Fatalf("%d follow-up lines after yes, want 13", n)
		}
		h.wantScreen("4 Follow-up", "Progress 0/13", "buyers")
	}
}

func TestMovingToAgreeCanDeclineTheTemplate(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("s", "j", "enter", "n")
	if d := h.dossier(); d.Negotiation.Stage != model.StageAgree || len(d.FollowUps) != 0 {
		t.Fatalf("stage %s with %d lines; want agree and none", d.Negotiation.Stage, len(d.FollowUps))
	}
}

func TestFollowUpAddEditDelete(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, true, size[0], size[1])
		h.press("4", "a")
		h.wantScreen("New follow-up line", "Side", "Role", "Person", "Action", "Due")
		h.press("right") // internal
		h.press("tab")
		h.typeText("legal")
		h.press("tab", "tab") // past the contacts of the role (none has it)
		h.typeText("Ana Silva")
		h.press("tab")
		h.typeText("Countersign the contract")
		h.press("tab")
		h.typeText("2026-13-01")
		if size[0] >= 140 {
			h.wantScreen("✗ a date like 2027-01-31")
		}
		h.press("ctrl+s")
		h.wantScreen("Due: a date like 2027-01-31")
		if n := len(h.dossier().FollowUps); n != 0 {
			t.Fatalf("a bad date saved %d lines", n)
		}
		for range len("13-01") {
			h.press("backspace")
		}
		h.typeText("12-01")
		h.press("enter") // the last field saves
		d := h.dossier()
		if len(d.FollowUps) != 1 {
			t.Fatalf("%d lines, want 1", len(d.FollowUps))
		}
		f := d.FollowUps[0]
		want := model.FollowUp{ID: f.ID, Side: model.InternalSide, Role: "legal", Person: "Ana Silva",
			Action: "Countersign the contract", Due: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Order: 1}
		if f.Side != want.Side || f.Role != want.Role || f.Person != want.Person || f.Action != want.Action || !f.Due.Equal(want.Due) {
			t.Fatalf("saved %+v, want %+v", f, want)
		}
		h.wantScreen("Internal · 0/1 done", "legal", "2026-12-01", "Saved follow-up legal")

		// Edit: the form opens on the role, with everything filled in.
		h.press("e")
		h.wantScreen("Edit follow-up: legal", "Ana Silva")
		h.press("tab", "tab")
		for range len("Ana Silva") {
			h.press("backspace")
		}
		h.typeText("Rui Costa")
		h.press("ctrl+s")
		if p := h.dossier().FollowUps[0].Person; p != "Rui Costa" {
			t.Fatalf("person %q after the edit, want Rui Costa", p)
		}
		h.wantScreen("Rui Costa")

		// Delete asks first.
		h.press("d")
		h.wantScreen(`Delete the follow-up line "legal"?`)
		h.press("n")
		if n := len(h.dossier().FollowUps); n != 1 {
			t.Fatalf("no deleted the line: %d left", n)
		}
		h.press("d", "y")
		if n := len(h.dossier().FollowUps); n != 0 {
			t.Fatalf("%d lines after delete, want 0", n)
		}
		h.wantScreen("No follow-up checklist yet")
	}
}

func TestFollowUpActionIsRequired(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("4", "a", "tab")
	h.typeText("legal")
	h.press("ctrl+s")
	h.wantScreen("New follow-up line", "Action: required")
	if n := len(h.dossier().FollowUps); n != 0 {
		t.Fatalf("%d lines saved without an action", n)
	}
	h.press("esc")
	h.wantScreen("Cancelled")
}

func TestFollowUpOverdueLinesAreMarked(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("4", "t")
	h.lackScreen("overdue")
	h.now = testNow.AddDate(0, 0, 6) // buyers (3 days) and order processors (5) are late
	h.press("p", "p")                // any change recomputes the pane
	h.wantScreen("2 overdue", "!2026-11-28", "!2026-11-30", "overdue since 2026-11-28")
	h.press("x") // done lines are never overdue
	h.wantScreen("1 overdue")
}

func TestFollowUpFilter(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("4", "t", "/")
	h.typeText("field")
	h.press("enter")
	h.wantScreen("area field controllers", "field sales managers", "field salespersons")
	h.lackScreen("branch managers", "order processors")
	h.press("x") // the first match, not a heading
	if f := followUpByRole(t, h.dossier().FollowUps, "area field controllers"); !f.Done {
		t.Fatalf("x after filtering did not tick the first match")
	}
}

func TestFollowUpHelpListsItsKeys(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("4", "?")
	h.wantScreen("Follow-up pane", "done / not done", "fill from the account's template", "add line")
}

// TestPanesNeverPanicAtAnySize resizes the workbench with each of these
// panes focused, empty and full, and checks every pane draws exactly its size.
func TestFollowUpAndCalcPanesNeverPanicAtAnySize(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 6}, {29, 7}, {30, 8}, {45, 12}, {79, 24}, {80, 24}, {120, 30}, {140, 40}, {200, 60}, {1, 1}}
	for _, p := range []string{"4", "5"} {
		for _, filled := range []bool{false, true} {
			h := newHarness(t, true, 80, 24)
			h.press(p)
			if filled {
				h.press("4", "t", "x", "5", "j", p)
			}
			for _, s := range sizes {
				h.resize(s[0], s[1])
				lines := strings.Split(h.m.View(), "\n")
				if s[0] > 0 && s[1] > 0 && len(lines) != s[1] {
					t.Fatalf("pane %s at %dx%d: %d lines", p, s[0], s[1], len(lines))
				}
				h.press("j", "G", "pgdown", "pgup", "g")
			}
			// Forms and dialogs at tiny sizes too.
			for _, k := range []string{"a", "e", "d"} {
				h.press(k)
				for _, s := range sizes {
					h.resize(s[0], s[1])
					_ = h.m.View()
				}
				h.press("esc")
			}
		}
	}
	// The panes on their own, at sizes the layout never gives.
	h := newHarness(t, true, 80, 24)
	h.press("4", "t")
	for _, pn := range []pane{h.m.panes[paneFollowUp], h.m.panes[paneCalc]} {
		for _, s := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 2}, {5, 3}, {13, 4}, {300, 100}} {
			pn.SetSize(s[0], s[1])
			for _, k := range []string{"j", "G", "J", "K", "g"} {
				pn.Update(keyMsg(k))
			}
			lines := pn.View(true)
			if len(lines) != s[1] {
				t.Fatalf("%s at %dx%d drew %d lines", pn.Title(), s[0], s[1], len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w != s[0] {
					t.Fatalf("%s at %dx%d drew a line %d wide: %q", pn.Title(), s[0], s[1], w, l)
				}
			}
		}
	}
}
