package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
)

// The workbench half of the meeting record (issue 13): commitments at
// agree, minutes from the ledger, contacts with roles.

// agreeSome settles payment terms at 50 (our move for a listing fee stands)
// and the volume at 185,000 on the capture line.
func (h *harness) agreeSome() {
	h.t.Helper()
	h.capture("we 2 50 for listing fee below 30,000", "agree 2 50", "agree 4 185000")
	h.press("esc")
}

// Issue 18, finding 1: at agree the KAM sees the agreement's commitments
// before anything is written, space leaves one out, enter writes the chosen;
// agreeing again updates instead of adding.
func TestMovingToAgreeOffersTheCommitments(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.agreeSome()
	want := model.Commitments(h.dossier())
	if len(want) != 3 {
		t.Fatalf("%d commitments, want 3: %+v", len(want), want)
	}
	h.press("s", "j", "enter") // bargain → agree
	h.press("n")               // the template first: declined
	h.wantScreen("Write the agreement's 3 commitments", "[x] we: Payment terms at 50 days — order processors",
		"[x] they: Annual volume commitment at 185,000 cases — stock controllers", "[x] they: listing fee below 30,000 — order processors")
	if n := len(h.dossier().FollowUps); n != 0 {
		t.Fatalf("%d lines written before enter", n)
	}
	h.press("j", " ") // leave the volume out
	h.wantScreen("[ ] they: Annual volume commitment")
	h.press("enter")
	d := h.dossier()
	if len(d.FollowUps) != 2 {
		t.Fatalf("%d follow-up lines after enter, want the 2 chosen", len(d.FollowUps))
	}
	for i, c := range []model.Commitment{want[0], want[2]} {
		if f := d.FollowUps[i]; f.Commitment+" — "+f.Role != c.Line() || f.Source != c.Source || f.ID == 0 {
			t.Fatalf("line %d = %+v, want %+v", i, f, c)
		}
	}
	h.wantScreen("4 Follow-up", "Wrote 2 commitments")
	// Moving to agree again offers the lines again; writing adds the one left
	// out and nothing twice.
	h.press("s", "k", "enter", "s", "j", "enter")
	h.wantScreen("Write the agreement's 3 commitments")
	h.press("enter")
	if n := len(h.dossier().FollowUps); n != 3 {
		t.Fatalf("%d lines after agreeing again, want 3", n)
	}
	h.press("s", "k", "enter", "s", "j", "enter")
	h.lackScreen("Write the agreement's")
	// After another agreement, C in the Follow-up pane shows the list again:
	// the new lines are added (the contract at their 24 months, and our move
	// they had it for, which now stands), the others stay as they were.
	h.capture("agree 7")
	h.press("esc", "4", "C")
	h.wantScreen("Write the agreement's 5 commitments", "[x] they: Contract length at 24 months — buyers",
		"[x] we: service level 97% — distribution departments")
	h.press("enter")
	if n := len(h.dossier().FollowUps); n != 5 {
		t.Fatalf("%d lines after C, want 5", n)
	}
	h.press("C")
	h.wantScreen("already holds the agreement's commitments")
}

func TestCommitmentsComeAfterTheTemplateAndKeepIt(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.agreeSome()
	want := len(model.Commitments(h.dossier()))
	h.press("s", "j", "enter")
	h.press("y")     // the template fills the empty checklist
	h.press("enter") // then the commitments are added to it
	if n := len(h.dossier().FollowUps); n != 13+want {
		t.Fatalf("%d lines, want the 13 of the template and %d commitments", n, want)
	}
}

func TestCommitmentsOfferHidesInternalLinesWhilePrivate(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.agreeSome()
	h.press("p", "s", "j", "enter", "n")
	h.wantScreen("Write the agreement's", "hidden while privacy is on", "they: Annual volume commitment at 185,000 cases")
	s := h.screen()
	if strings.Contains(s, "we: ") {
		t.Fatalf("an internal commitment shows while privacy is on:\n%s", s)
	}
}

func TestMinutesOfTheSelectedMeetingAreWrittenToAFile(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("2", "M") // the last move: meeting 2
	h.wantScreen("Minutes of meeting 2 written to")
	files, _ := filepath.Glob(filepath.Join(h.m.opts.BriefDir, "*minutes-meeting-2.md"))
	if len(files) != 1 {
		t.Fatalf("minutes files: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	want, _ := model.Minutes(h.dossier(), 2, testNow)
	if string(data) != want {
		t.Fatalf("the file is not model.Minutes of meeting 2:\n%s", data)
	}
	if info, _ := os.Stat(files[0]); info.Mode().Perm() != 0o600 {
		t.Fatalf("minutes mode %v, want 0600", info.Mode().Perm())
	}
	h.press("g", "M") // meeting 1's header
	h.wantScreen("Minutes of meeting 1 written to")
	if files, _ := filepath.Glob(filepath.Join(h.m.opts.BriefDir, "*minutes-meeting-1.md")); len(files) != 1 {
		t.Fatalf("minutes of meeting 1: %v", files)
	}
}

func TestMinutesWithoutAMeetingSayWhy(t *testing.T) {
	h := newHarness(t, false, 140, 40)
	h.press("a")
	h.typeText("Acme Stores")
	h.press("ctrl+s", "ctrl+s", "2", "M")
	h.wantScreen("no minutes: there is no meeting yet")
}

// The minutes file is buyer-safe by construction: written from the
// sentinel negotiation with privacy off, it holds no internal value.
func TestMinutesHoldNoInternalSentinel(t *testing.T) {
	h, set := sentinelHarness(t, false, 140, 40)
	h.press("2", "M")
	files, _ := filepath.Glob(filepath.Join(h.m.opts.BriefDir, "*minutes*.md"))
	if len(files) != 1 {
		t.Fatalf("minutes files: %v\n%s", files, h.screen())
	}
	data, _ := os.ReadFile(files[0])
	for _, v := range set.Internal {
		if strings.Contains(string(data), v) {
			t.Errorf("the minutes show internal %q", v)
		}
	}
}

func TestTheFollowUpPersonPicksFromTheContactsOfItsRole(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("4", "a")
	h.toField("Role")
	h.typeText("stock controllers")
	h.toField("From contacts")
	h.press("right")
	h.wantScreen("‹ Marc Oyelaran (stock controller) ›", "Marc Oyelaran")
	h.toField("Action")
	h.typeText("Check the 170,000 cases")
	h.press("ctrl+s")
	d := h.dossier()
	f := d.FollowUps[len(d.FollowUps)-1]
	if f.Person != "Marc Oyelaran" || f.Role != "stock controllers" {
		t.Fatalf("saved line = %+v, want Marc Oyelaran picked for stock controllers", f)
	}
	// Free text stays possible, and our own people do not show while private.
	h.press("p", "a")
	h.press("right") // internal side
	h.toField("Role")
	h.typeText("order processors")
	h.toField("From contacts")
	h.press("right")
	h.lackScreen("Tom Becker")
}

// openAccountForm opens the open negotiation's account in its form.
func openAccountForm(h *harness) {
	h.t.Helper()
	h.press("o", "g", "e")
	h.wantScreen("Account: Hollis Foodstores")
}

func TestContactsAreAddedEditedAndRemovedOnTheAccountForm(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	openAccountForm(h)
	h.wantScreen("Contact 1", "Dana Whitlock; category buyer; customer", "New contact")
	h.toField("New contact")
	h.typeText("Jo Park; buyers; customer; jo@hollis.example; +44 113 496 0000")
	h.wantScreen("Contact 7", "New contact") // another blank line to add the next
	h.toField("Contact 2")                   // Marc Oyelaran: removed
	h.press("end", "ctrl+u")
	h.toField("Contact 1") // Dana: a new role
	h.press("end")
	for range len("category buyer; customer") {
		h.press("backspace")
	}
	h.typeText("head of category; customer")
	h.press("ctrl+s")
	h.wantScreen("Saved account Hollis Foodstores")
	cs := h.dossier().Account.Contacts
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	if strings.Join(names, ", ") != "Dana Whitlock, Priya Natarajan, Tom Becker, Lena Ruiz, Sam Okafor, Jo Park" {
		t.Fatalf("contacts after the edit: %q", names)
	}
	if cs[0].Role != "head of category" || cs[5].Email != "jo@hollis.example" || cs[5].Phone != "+44 113 496 0000" || cs[5].Side != model.CustomerSide {
		t.Fatalf("contacts = %+v", cs)
	}
}

func TestABadContactLineSaysWhyAndSavesNothing(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := h.dossier().Account.Contacts
	openAccountForm(h)
	h.toField("New contact")
	h.typeText("Jo Park; buyers; elsewhere")
	h.wantScreen(`side "elsewhere": customer or internal`)
	h.press("ctrl+s")
	h.wantScreen("Account: Hollis Foodstores")
	if got := h.dossier().Account.Contacts; len(got) != len(before) {
		t.Fatalf("a bad contact line saved: %d contacts, want %d", len(got), len(before))
	}
}

func TestWithPrivacyOnTheAccountFormShowsTheCustomersContactsAndKeepsOurs(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := h.dossier().Account.Contacts
	h.press("p")
	openAccountForm(h)
	h.wantScreen("Dana Whitlock", "Marc Oyelaran", "Priya Natarajan", "hidden while privacy is on")
	h.lackScreen("Tom Becker", "Lena Ruiz", "Sam Okafor")
	h.toField("New contact")
	h.typeText("Jo Park; buyers")
	h.press("ctrl+s")
	cs := h.dossier().Account.Contacts
	if len(cs) != len(before)+1 {
		t.Fatalf("%d contacts after saving with privacy on, want %d (ours kept, Jo added)", len(cs), len(before)+1)
	}
	for i, c := range before {
		if cs[i] != c {
			t.Fatalf("contact %d = %+v, want it kept as %+v", i, cs[i], c)
		}
	}
}

// The brief of the demo after a meeting typed in the workbench holds that
// meeting's attendees, notes, actions and questions under its heading, and
// a next-meeting section (issue 13's test of the meeting record).
func TestTheBriefHoldsTheMeetingTypedInTheWorkbench(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("m")
	for range len("Hollis head office, Leeds") {
		h.press("backspace")
	}
	h.typeText("Video call")
	h.press("tab")
	h.typeText("Dana Whitlock, Lena Ruiz, Ana Costa")
	h.press("ctrl+s")
	h.press("n")
	for _, line := range []string{"Dana wants the listing fee waived #sku", "! send the revised volume plan #volume", "? can they take 6 SKUs by March"} {
		h.typeText(line)
		h.press("enter")
	}
	h.press("esc", "m")
	h.typeText("Volume first, then the fee")
	h.press("ctrl+s")
	brief := model.Brief(h.dossier(), model.BriefOptions{Now: testNow})
	i := strings.Index(brief, "Meeting 3")
	if i < 0 {
		t.Fatalf("the brief has no heading for meeting 3:\n%s", brief)
	}
	record := brief[i:]
	if j := strings.Index(record, "## Next meeting"); j > 0 {
		record = record[:j]
	}
	for _, want := range []string{"Video call", "Ana Costa", "Dana wants the listing fee waived", "send the revised volume plan",
		"can they take 6 SKUs by March", "Volume first, then the fee"} {
		if !strings.Contains(record, want) {
			t.Errorf("meeting 3's record lacks %q:\n%s", want, record)
		}
	}
	if !strings.Contains(brief, "## Next meeting") || !strings.Contains(brief, "Meeting 4") {
		t.Errorf("the brief has no next-meeting section for meeting 4")
	}
}
