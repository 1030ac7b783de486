package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
)

// The rough edges a new user hit (issue 13), each with a test.

// wantMarked fails unless the screen shows row, which starts with the
// selection marker (the screens of these tests have no colour, as with
// NO_COLOR).
func wantMarked(t *testing.T, h *harness, row string) {
	t.Helper()
	if !strings.Contains(h.screen(), row) {
		t.Fatalf("the selected row %q shows no marker without colour:\n%s", row, h.screen())
	}
}

func TestEveryListMarksItsSelectedRowWithoutColour(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("1")
	wantMarked(t, h, "›1 List price per case")
	h.press("2")
	wantMarked(t, h, "›#12 we  Promotional all")
	h.press("g")
	wantMarked(t, h, "›Meeting 1 · gap closed")
	h.press("3", "g")
	wantMarked(t, h, "›Before meeting 1")
	h.press("j")
	wantMarked(t, h, "›11-09 ·")
	h.press("4", "t")
	wantMarked(t, h, "›☐ buyers")
	h.press("5")
	wantMarked(t, h, "›★ ")
	h.press("6")
	if !strings.Contains(h.screen(), "›") || strings.Count(h.screen(), "›") < 2 {
		t.Fatalf("the deal's selected cell shows no marker:\n%s", h.screen())
	}
	h.press("s")
	wantMarked(t, h, "›4 bargain")
	h.press("esc", "o")
	wantMarked(t, h, "› ● 2027 annual terms")
}

func TestLeavingTheFirstNegotiationFormSaysTheAccountWasKept(t *testing.T) {
	h := newHarness(t, false, 100, 30)
	h.press("a")
	h.typeText("Acme Stores")
	h.press("ctrl+s")
	h.wantScreen("New negotiation for Acme Stores")
	h.press("esc")
	h.lackScreen("Cancelled: nothing changed")
	h.wantScreen("Account Acme Stores kept", "Welcome to Parley", "open your accounts")
	// The welcome leads to the account kept, rather than to a second one.
	h.press("o")
	h.wantScreen("Accounts and negotiations", "Acme Stores")
	h.press("a")
	h.wantScreen("New negotiation for Acme Stores")
	h.press("ctrl+s")
	h.wantScreen("Acme Stores › ")
	accounts, err := h.store.Accounts()
	if err != nil || len(accounts) != 1 {
		t.Fatalf("accounts in the file = %v (%v), want the one kept", accounts, err)
	}
}

func TestTheWelcomeOffersTheAccountsAlreadyInTheFile(t *testing.T) {
	h := newHarness(t, false, 100, 30)
	h.lackScreen("open your accounts") // nothing to open yet
	if err := h.store.SaveAccount(&model.Account{Name: "Acme Stores", Kind: model.Retail}); err != nil {
		t.Fatal(err)
	}
	h2 := startHarness(t, h.store, h.path, Options{}, 100, 30)
	h2.wantScreen("Welcome to Parley", "open your accounts")
	h2.press("o")
	h2.wantScreen("Accounts and negotiations", "Acme Stores")
}

func TestAFieldPrefilledFromTheLastMeetingIsReplacedByTheFirstKey(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("m")
	h.wantScreen("Start meeting 3", "Hollis head office, Leeds")
	h.typeText("Video call")
	h.lackScreen("LeedsVideo call")
	h.press("tab") // attendees: kept as they were
	h.press("ctrl+s")
	d := h.dossier()
	mt := d.Meetings[len(d.Meetings)-1]
	if mt.Number != 3 || mt.Place != "Video call" {
		t.Fatalf("meeting %d's place = %q, want the text typed over meeting 2's", mt.Number, mt.Place)
	}
	if strings.Join(mt.Attendees, ", ") != "Dana Whitlock, Lena Ruiz" {
		t.Fatalf("attendees = %q, want meeting 2's kept", mt.Attendees)
	}
}

func TestAPrefilledFieldCanBeEditedRatherThanReplaced(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("m", "end")
	h.typeText(" (room 4)")
	h.press("ctrl+s")
	d := h.dossier()
	if got := d.Meetings[len(d.Meetings)-1].Place; got != "Hollis head office, Leeds (room 4)" {
		t.Fatalf("place = %q, want meeting 2's with the text added after moving the cursor", got)
	}
}

func TestAnUnfocusedFieldShowsTheStartOfItsText(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("e")                         // the first item: its note is long
	h.wantScreen("182,000 cases a year") // the note's start, not its end
	h.lackModal("every cent is EUR 1,820.")
}

func TestTheTooSmallMessageFitsAndNamesTheMinimumAtAnyWidth(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	for w := 4; w < minWidth+10; w++ {
		for hgt := 1; hgt <= minHeight+2; hgt++ {
			if w >= minWidth && hgt >= minHeight {
				continue
			}
			h.resize(w, hgt)
			s := h.screen()
			joined := strings.ReplaceAll(strings.ReplaceAll(s, "\n", ""), " ", "")
			if !strings.Contains(joined, "30×8") || strings.Contains(s, "…") {
				t.Fatalf("at %d×%d the message is cut or lacks the minimum size:\n%s", w, hgt, s)
			}
		}
	}
	h.resize(80, 24)
	h.press("n")
	h.resize(40, 6)
	h.wantScreen("capture line is kept", "30×8")
}

func TestJAndKMoveBetweenItemsInTheItemChart(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("2", "G", "k", "k", "k", "i", "v") // their price move: the list price's chart
	h.wantPane(paneLedger, "Gap closed on List price per case", "j/k")
	h.press("j")
	h.wantPane(paneLedger, "Gap closed on Payment terms")
	h.press("j", "k", "k")
	h.wantPane(paneLedger, "Gap closed on List price per case")
	h.press("k") // the first item stays
	h.wantPane(paneLedger, "Gap closed on List price per case")
	h.press("i")
	h.wantPane(paneLedger, "Gap closed after each meeting")
}

func TestDecliningTheWalkAwayQuestionSaysNothingWasSaved(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.capture("they 1 23.50")
	h.wantScreen("Saved: they List price per case")
	h.capture("we 1 23.55")
	h.wantScreen(editor.PastWalkAwayQuestion)
	h.press("n")
	h.lackScreen("Saved: ")
	h.wantScreen("Not logged: nothing saved")
}

func TestAnsweringAnActionSaysItIsAnAction(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3", "g", "j", "j") // preparation: the note, then the action
	h.press("A")
	h.wantScreen("this is an action")
	h.lackScreen("a action")
}

func TestThePeriodBetweenMeetingsHasTheBriefsName(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.capture("Dana called: the rebate can wait")
	h.press("esc", "3")
	d := h.dossier()
	n := d.Notes[len(d.Notes)-1]
	where := d.WhereAt(n.MeetingID, n.At) // what the brief and parley note say
	if where != "After meeting 2" {
		t.Fatalf("the model names the period %q", where)
	}
	h.wantPane(paneNotes, where)
	h.press("g")
	h.wantPane(paneNotes, d.PeriodName(1))
	h.lackPane(paneNotes, "Preparation")
	h.press("2")
	h.wantPane(paneLedger, "Between meetings 1 and 2")
}

func TestTradedAgainstOffersOnlyTheOtherSidesMoves(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	n := len(h.dossier().Ledger)
	h.press("c") // a new concession: theirs
	h.toField("Traded against")
	for range n + 1 {
		h.press("right")
		h.lackScreen("‹ they:")
	}
	h.toField("By")
	h.press("w") // we conceded: traded against theirs
	h.toField("Traded against")
	for range n + 1 {
		h.press("right")
		h.lackScreen("‹ we:")
	}
}

func TestBetterForUsFollowsTheTopicAndUnitUntilSet(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	h.press("a")
	h.typeText("Payment terms for private label")
	h.wantScreen("‹ higher") // price: higher
	h.toField("Unit")
	h.typeText("days")
	h.wantScreen("‹ lower") // days of credit cost us
	h.toField("Topic")
	h.press("d") // discounts
	h.wantScreen("‹ lower")
	h.press("v") // volume, but still days
	h.wantScreen("‹ lower")
	h.toField("Unit")
	h.press("backspace", "backspace", "backspace", "backspace")
	h.typeText("cases") // volume in cases: higher
	h.wantScreen("‹ higher")
	h.toField("Better for us")
	h.press("right") // the user's choice: lower
	h.toField("Topic")
	h.press("p") // price would say higher; the user's choice stays
	h.wantScreen("‹ lower")
}

func TestTheWeightFieldSaysWhatTheWeightsTotal(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	total := 0
	d := h.dossier()
	for _, it := range d.Items {
		total += it.Weight
	}
	h.press("a")
	h.toField("Weight")
	h.wantScreen(fmt.Sprintf("weights total %d across %d items", total, len(d.Items)+1))
	h.typeText("10")
	h.wantScreen(fmt.Sprintf("weights total %d across %d items", total+10, len(d.Items)+1))
}

func TestTheCaptureLineReadsADecimalCommaWhenTheNegotiationSaysSo(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := len(h.dossier().Ledger)
	h.press("o", "e") // the open negotiation's form
	h.wantScreen("Negotiation: 2027 annual terms")
	h.toField("Numbers typed")
	h.press("right")
	h.wantScreen("‹ 9,90 (decimal comma) ›")
	h.press("ctrl+s", "esc")
	if !h.dossier().Negotiation.DecimalComma {
		t.Fatal("the decimal-comma setting was not saved")
	}
	h.capture("they 1 23,50")
	d := h.dossier()
	if len(d.Ledger) != before+1 || d.Ledger[len(d.Ledger)-1].To.String() != "23.5" {
		t.Fatalf("they 1 23,50 with a decimal comma: %d moves (want %d), last %v", len(d.Ledger), before+1, d.Ledger[len(d.Ledger)-1])
	}
}

func TestTheDemoSaysWhatToTryFirst(t *testing.T) {
	h := newHarness(t, false, 140, 40)
	h.press("d")
	h.wantScreen("Try it: press n, type they 1 23.60")
}

// The demo's first hint stays in the footer whatever order the program
// delivers commands in: the status "Loading the demo…" once came in a batch
// with the load, and arriving last it hid the hint.
func TestTheDemoHintIsNotHiddenByTheLoadingStatus(t *testing.T) {
	h := newHarness(t, false, 140, 40)
	_, cmd := h.m.Update(keyMsg("d"))
	var queue []tea.Cmd
	if msg := cmd(); msg != nil {
		if batch, ok := msg.(tea.BatchMsg); ok {
			// Reverse: the last command of a batch may well finish first.
			for i := len(batch) - 1; i >= 0; i-- {
				queue = append(queue, batch[i])
			}
		} else {
			h.send(msg)
		}
	}
	for _, c := range queue {
		h.run(c)
	}
	h.wantScreen("Try it: press n, type they 1 23.60")
	h.lackScreen("Loading the demo")
}
