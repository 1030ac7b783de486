package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
)

func TestWelcomeThenDemoShowsTheAgenda(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, false, size[0], size[1])
		h.wantScreen("Welcome to Parley", "load the demo")
		h.press("d")
		h.wantScreen("Hollis Foodstores › 2027", "List price pe", "Payment terms", "gap closed", "44%", "Try it: press n")
		if d := h.dossier(); len(d.Items) != 9 {
			t.Fatalf("the demo in the store has %d items, want 9", len(d.Items))
		}
	}
}

// fillItemForm types into the item form field by field (tab between them).
func fillItemForm(h *harness, title string, rest ...string) {
	h.t.Helper()
	h.typeText(title)
	for _, v := range rest {
		h.press("tab")
		if v != "" {
			h.typeText(v)
		}
	}
}

func TestAddItemThroughTheFormReachesTheStore(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, true, size[0], size[1])
		h.press("a")
		h.wantScreen("New agenda item", "Title")
		// Title, topic (t picks terms), unit, better (l: lower), opening, target, walk-away, their opening.
		fillItemForm(h, "Listing fee", "t", "EUR/SKU", "l", "0", "2,000", "5000", "9000")
		h.press("ctrl+s")
		h.lackScreen("New agenda item")
		h.wantScreen("Listing fee", "Saved item Listing fee")
		d := h.dossier()
		it := d.Items[len(d.Items)-1]
		if it.Title != "Listing fee" || it.Topic != model.TopicTerms || it.Better != model.Down || it.Unit != "EUR/SKU" {
			t.Fatalf("stored item = %+v", it)
		}
		if it.OurTarget.Decimal.String() != "2000" || it.OurWalkAway.Decimal.String() != "5000" || it.TheirOpening.Decimal.String() != "9000" {
			t.Fatalf("stored numbers = target %v walk %v theirs %v", it.OurTarget, it.OurWalkAway, it.TheirOpening)
		}
		if it.Order != 10 {
			t.Fatalf("new item order = %d, want 10 (end of the agenda)", it.Order)
		}
	}
}

func TestBadNumberInTheFormShowsWhyAndSavesNothing(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := len(h.dossier().Items)
	h.press("a")
	fillItemForm(h, "Listing fee", "", "", "", "12.4x")
	h.wantScreen(`"12.4x" is not a number`, "12.4x")
	h.press("ctrl+s")
	h.wantScreen("New agenda item", `Our opening: "12.4x" is not a number`)
	if n := len(h.dossier().Items); n != before {
		t.Fatalf("a bad form wrote an item: %d items, want %d", n, before)
	}
	h.press("esc")
	h.lackScreen("New agenda item")
	if n := len(h.dossier().Items); n != before {
		t.Fatalf("esc wrote an item: %d items, want %d", n, before)
	}
}

func TestWholeItemIsCheckedBeforeSaving(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := len(h.dossier().Items)
	h.press("a")
	// Higher is better, but the walk-away is above our opening.
	fillItemForm(h, "Bad order", "", "", "", "10", "9", "12")
	h.wantScreen("walk-away 12 is better for us than our opening 10")
	h.press("ctrl+s")
	h.wantScreen("New agenda item")
	if n := len(h.dossier().Items); n != before {
		t.Fatalf("an invalid item was written")
	}
}

func TestEscLeavesTheStoredItemUnchanged(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("e")
	h.wantScreen("Edit: List price per case")
	h.typeText(" CHANGED")
	h.press("tab", "tab", "tab", "tab")
	h.typeText("9")
	h.press("esc")
	h.wantScreen("Cancelled: nothing changed")
	it := h.dossier().Items[0]
	if it.Title != "List price per case" || it.OurOpening.Decimal.StringFixed(2) != "24.80" {
		t.Fatalf("esc changed the stored item: %+v", it)
	}
}

func TestEditItemSavesAndTheAgendaFollows(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("j", "e") // Payment terms
	h.wantScreen("Edit: Payment terms")
	h.press("tab", "tab", "tab", "tab", "tab", "tab") // to our walk-away
	h.press("backspace", "backspace")
	h.typeText("55")
	h.press("ctrl+s")
	h.wantScreen("Saved item Payment terms")
	if got := h.dossier().Items[1].OurWalkAway.Decimal.String(); got != "55" {
		t.Fatalf("walk-away in the store = %s, want 55", got)
	}
}

func TestPrivacyHidesTargetsWalkAwaysAndMoney(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	// List price walk-away, target, and the gap in money: closing it at their
	// 23.40 costs (24.50 − 23.40) × 0.96 × 200,000 = 211,200 of invoice, less
	// 3,696 of growth rebate and 2,083.07 of payment cost = 205,420.93.
	h.wantScreen("23.60", "24.20", "205,421")
	h.press("p")
	h.wantScreen("PRIVATE", "Privacy on", "Ours", "Theirs", "Gap")
	// The columns go, not only their values: a masked column would still
	// say that we have a target.
	h.lackScreen("23.60", "24.20", "205,421", "room left", "Target", "Walk", "Score", "Gap money", "Wt", "•••")
	h.press("p")
	h.wantScreen("23.60", "Target")
	h.lackScreen("PRIVATE")
}

func TestPrivateOptionStartsHiddenAndTheFormKeepsHiddenValues(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	before := h.dossier().Items[0]
	h.m.private = true
	h.m.refresh()
	h.lackScreen("23.60")
	// The edit form hides the internal fields (a mask would still show how
	// many digits our walk-away has) and says so.
	h.press("e")
	h.wantScreen("Our opening", "Their opening", "17 fields hidden while privacy is on")
	h.lackScreen("23.60", "Our walk-away", "Our target", "Weight", "Value to them", "Note", "Lever", "Last year")
	// The cursor skips the hidden fields: seven tabs go round the seven
	// shown (title, topic, unit, better, our opening, their opening, status)
	// back to the title. Saving keeps what it hides as it was.
	h.press("tab", "tab", "tab", "tab", "tab", "tab", "tab")
	h.typeText(" EU")
	h.press("ctrl+s")
	h.wantScreen("Saved item " + before.Title + " EU")
	after := h.dossier().Items[0]
	if after.Title != before.Title+" EU" {
		t.Fatalf("title = %q", after.Title)
	}
	after.Title = before.Title
	after.Updated = before.Updated // a save moves it
	if fmt.Sprintf("%+v", after) != fmt.Sprintf("%+v", before) {
		t.Fatalf("the hidden fields changed:\nbefore %+v\nafter  %+v", before, after)
	}
}

func TestResizingNeverPanics(t *testing.T) {
	sizes := [][2]int{{1, 1}, {2, 2}, {20, 6}, {29, 8}, {30, 8}, {79, 24}, {80, 24}, {119, 30}, {120, 40}, {200, 60}, {0, 0}, {3, 100}, {300, 3}}
	states := map[string][]string{
		"panes":   nil,
		"form":    {"a"},
		"capture": {"n"},
		"help":    {"?"},
		"picker":  {"o"},
		"stage":   {"s"},
		"confirm": {"d"},
		"filter":  {"/"},
	}
	for name, keys := range states {
		for p := 0; p < int(paneCount); p++ {
			h := newHarness(t, true, 80, 24)
			h.press(fmt.Sprint(p + 1))
			h.press(keys...)
			for _, s := range sizes {
				h.resize(s[0], s[1])
				lines := strings.Split(h.m.View(), "\n")
				if s[0] > 0 && s[1] > 0 && len(lines) != s[1] {
					t.Fatalf("%s, pane %d at %dx%d: %d lines, want %d", name, p+1, s[0], s[1], len(lines), s[1])
				}
				for i, l := range lines {
					if s[0] > 0 && s[1] > 0 && ansi.StringWidth(l) != s[0] {
						t.Fatalf("%s, pane %d at %dx%d: line %d is %d wide:\n%s", name, p+1, s[0], s[1], i, ansi.StringWidth(l), h.screen())
					}
				}
			}
		}
	}
	h := newHarness(t, false, 1, 1)
	h.resize(80, 24)
	h.wantScreen("Welcome to Parley")
}

func TestTooSmallShowsAMessage(t *testing.T) {
	h := newHarness(t, true, 20, 6)
	h.wantScreen("Parley needs a")
	h.resize(80, 24)
	h.wantScreen("List price pe")
}

func TestQInATextFieldTypesQ(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.press("n")
	h.typeText("quick q")
	if h.quit {
		t.Fatal("q in the capture line quit")
	}
	h.wantScreen("› quick q")
	h.press("esc")
	h.press("a")
	h.typeText("q")
	if h.quit {
		t.Fatal("q in a form quit")
	}
	h.wantScreen("Title           q")
	h.press("esc")
	h.press("/")
	h.typeText("q")
	if h.quit {
		t.Fatal("q in the filter quit")
	}
	h.press("esc")
	h.press("q")
	if !h.quit {
		t.Fatal("q outside text fields did not quit")
	}
}

func TestCtrlCAlwaysQuits(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.press("a")
	h.typeText("half typed")
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c in a form did not quit")
	}
}

func TestStageChangeIsSavedAndListsItsChecks(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("s")
	h.wantScreen("Stage", "Outcomes of bargain", "unreciprocated")
	h.press("up", "up", "up") // prepare
	h.wantScreen("Outcomes of prepare", "every numeric item has a walk-away")
	h.press("down")
	h.press("enter")
	h.wantScreen("Stage: explore")
	if got := h.dossier().Negotiation.Stage; got != model.StageExplore {
		t.Fatalf("stage in the store = %s, want explore", got)
	}
	h.wantScreen("explore │")
}

func TestPickerCreatesAccountAndNegotiation(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("o")
	h.wantScreen("Accounts and negotiations", "Hollis Foodstores", "2027 annual terms")
	h.press("A")
	h.wantScreen("New account")
	h.typeText("Brightwell Engineering")
	h.press("tab", "i") // kind: industrial
	h.press("tab")
	h.typeText("Fasteners")
	h.press("ctrl+s")
	h.wantScreen("New negotiation for Brightwell Engineering")
	h.press("ctrl+s")
	h.wantScreen("Brightwell Engineering › 2027 annual terms", "No items yet")
	d := h.dossier()
	if d.Account.Name != "Brightwell Engineering" || d.Account.Kind != model.Industrial || d.Account.Category != "Fasteners" {
		t.Fatalf("stored account = %+v", d.Account)
	}
	if d.Negotiation.Stage != model.StagePrepare || d.Negotiation.Currency != "EUR" {
		t.Fatalf("stored negotiation = %+v", d.Negotiation)
	}
}

func TestPickerOpensFiltersAndDeletes(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	if _, err := h.store.AddDossier(model.Demo(testNow)); err != nil {
		t.Fatal(err)
	}
	h.press("o", "/")
	h.typeText("zzz")
	h.wantScreen("Nothing matches the filter")
	h.press("esc")
	h.wantScreen("Hollis Foodstores")
	// Delete the selected negotiation after confirming.
	negs, _ := h.store.Negotiations()
	h.press("G", "d")
	h.wantScreen("Delete the negotiation")
	h.press("n")
	if after, _ := h.store.Negotiations(); len(after) != len(negs) {
		t.Fatal("n deleted")
	}
	h.press("d", "y")
	if after, _ := h.store.Negotiations(); len(after) != len(negs)-1 {
		t.Fatalf("%d negotiations after delete, want %d", len(after), len(negs)-1)
	}
	h.press("esc")
	h.wantScreen("List price per case")
}

func TestReorderItemsIsSaved(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("J")
	d := h.dossier()
	if d.Items[0].Title != "Payment terms" || d.Items[1].Title != "List price per case" {
		t.Fatalf("order after J: %s, %s", d.Items[0].Title, d.Items[1].Title)
	}
	h.press("K")
	if d := h.dossier(); d.Items[0].Title != "List price per case" {
		t.Fatalf("order after K: %s", d.Items[0].Title)
	}
}

func TestDeleteItemAsksFirst(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("j", "d")
	h.wantScreen(`Delete the item "Payment terms"?`, "3 concessions go with it")
	h.press("esc")
	if len(h.dossier().Items) != 9 {
		t.Fatal("esc deleted the item")
	}
	h.press("d", "y")
	d := h.dossier()
	if len(d.Items) != 8 {
		t.Fatalf("%d items after delete, want 8", len(d.Items))
	}
	h.wantScreen("Deleted Payment terms")
	h.lackScreen("2 Payment terms", "Payment terms 30 → 45")
}

func TestTradePlanView(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.wantScreen("Give first:")
	h.press("v")
	h.wantScreen("Agenda · trade plan", "give first", "ask for", "Annual volume commitment")
}

func TestHelpListsGlobalAndPaneKeys(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("?")
	h.wantScreen("Workbench", "capture line", "privacy", "Agenda pane", "move item up", "items / trade plan")
	// Every pane's keys, not only the focused pane's (README: `?` lists
	// them all), paged with j when they do not fit.
	h.wantScreen("2 Ledger pane", "add concession")
	seen := h.screen()
	for range 3 {
		h.press("j")
		seen += h.screen()
	}
	for _, want := range []string{"4 Follow-up pane", "5 Calculator pane", "6 Deal pane"} {
		if !strings.Contains(seen, want) {
			t.Fatalf("the help never lists %q:\n%s", want, seen)
		}
	}
	h.press("x")
	h.lackScreen("Workbench")
}

func TestWriteBriefShowsItsPath(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	h.press("E")
	h.wantScreen("Brief written to")
	files, _ := filepath.Glob(filepath.Join(h.m.opts.BriefDir, "*.md"))
	if len(files) != 1 {
		t.Fatalf("brief files: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Gap closed: 44%") {
		t.Fatalf("brief lacks the gap line:\n%s", data)
	}
	info, _ := os.Stat(files[0])
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("brief mode %v, want 0600", info.Mode().Perm())
	}
	// With privacy on, the brief is redacted.
	h.press("p", "E")
	h.wantScreen("Redacted brief")
	files, _ = filepath.Glob(filepath.Join(h.m.opts.BriefDir, "*redacted.md"))
	data, _ = os.ReadFile(files[0])
	if strings.Contains(string(data), "Walk-away") {
		t.Fatal("redacted brief shows walk-aways")
	}
}

func TestConcessionShowsItsMoneyEffectBeforeSaving(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	h.press("n")
	// The rebate is paid on growth over last year's turnover (3,998,400):
	// our offer invoices 24.50 × 0.96 = 23.52 on 200,000 cases = 4,704,000,
	// growth 705,600, and 1.75 → 2.0 % of it costs 0.25 % × 705,600 = 1,764.00.
	h.typeText("we rebate 2.0")
	h.wantScreen("costs us 1,764.00 EUR a year")
	h.press("enter")
	h.wantScreen("costs us 1,764.00 EUR a year")
	// Privacy hides money.
	h.press("esc", "p", "n")
	h.typeText("we 1 24.40")
	h.lackScreen("costs us")
}

// Keys that reach the terminal in one read come as one message; they must
// act as if typed one by one.
func TestKeysTypedInOneReadActInOrder(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.press("5")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nhalf a line")})
	h.wantScreen("› half a line")
	h.lackScreen("New scenario")
	// A paste stays one piece of text.
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" q"), Paste: true})
	h.wantScreen("› half a line q")
	if h.quit {
		t.Fatal("a pasted q quit")
	}
}

func TestNarrowScreenKeepsItsSizeWhenTheDemoArrives(t *testing.T) {
	h := newHarness(t, false, 60, 20)
	h.lackScreen("1 Agenda")
	h.press("d")
	lines := strings.Split(h.m.View(), "\n")
	if len(lines) != 20 {
		t.Fatalf("%d lines at 60x20 after the demo, want 20:\n%s", len(lines), h.screen())
	}
	h.wantScreen("1 Agenda  2 Ledger", "List price per case")
	// The pane was told the height it really has (else its last row hides).
	if got, want := len(h.m.panes[paneAgenda].View(false)), h.m.rects()[paneAgenda].h-2; got != want {
		t.Fatalf("agenda pane thinks it is %d rows high, it has %d", got, want)
	}
}

func TestNewItemWeightTypesWithoutALeadingZero(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("a")
	fillItemForm(h, "Listing fee", "", "", "", "", "", "", "", "", "80", "55")
	h.wantScreen("Weight          80 ", "Value to them   55 ")
	h.press("ctrl+s")
	d := h.dossier()
	if it := d.Items[len(d.Items)-1]; it.Weight != 80 || it.ValueToThem != 55 {
		t.Fatalf("stored weight %d, value to them %d", it.Weight, it.ValueToThem)
	}
}

// unreadableStore is a file whose negotiation cannot be read (damaged): it
// counts the writes asked of it.
type unreadableStore struct {
	Store
	adds int
}

func (s *unreadableStore) Current() (uint64, error) { return 1, nil }
func (s *unreadableStore) Dossier(uint64) (*model.Dossier, error) {
	return nil, errors.New("parley.db is damaged (a record does not read). Parley has not changed it")
}
func (s *unreadableStore) AddDossier(*model.Dossier) (uint64, error) {
	s.adds++
	return 0, errors.New("written")
}

// A file that cannot be read shows why, and offers no key that writes into
// it: before, the welcome screen came up and d wrote a demo into the damaged file.
func TestAnUnreadableFileShowsWhyAndWritesNothing(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	bad := &unreadableStore{Store: h.sess}
	h2 := startHarness(t, h.store, h.path, Options{}, 80, 24)
	h2.m = New(bad, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }, Poll: -1})
	h2.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h2.run(h2.m.Init())
	h2.wantScreen("Parley cannot open this file", "is damaged", "q quit")
	h2.lackScreen("Welcome to Parley")
	h2.press("d", "a", "n")
	if bad.adds != 0 {
		t.Fatalf("d wrote into the unreadable file %d times", bad.adds)
	}
	h2.press("q")
	if !h2.quit {
		t.Fatal("q did not quit")
	}
}

// A click while help is open belongs to the help, not to the pane drawn
// under it: before the modal stack, it moved the focus behind the help.
func TestAClickWhileHelpIsOpenLeavesTheFocus(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	ledger := h.m.rects()[paneLedger]
	if !ledger.shown {
		t.Fatal("the ledger is not on screen at 140×40")
	}
	h.press("?")
	h.wantScreen("Keys")
	h.send(tea.MouseMsg{X: ledger.x + 3, Y: ledger.y + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	h.send(tea.MouseMsg{X: ledger.x + 3, Y: ledger.y + 3, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if h.m.focus != paneAgenda {
		t.Fatalf("a click behind the help focused pane %d", h.m.focus+1)
	}
	h.wantScreen("Keys")
	h.press("x") // any key closes the help
	h.lackScreen("Any key closes this help")
	h.send(tea.MouseMsg{X: ledger.x + 3, Y: ledger.y + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if h.m.focus != paneLedger {
		t.Fatalf("with no help open a click on the ledger focused pane %d", h.m.focus+1)
	}
}
