package tui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-app/parley/internal/sentinel"
	"github.com/parley-app/parley/store"
)

// sentinelHarness opens the sentinel negotiation (internal/sentinel) in the
// workbench at w×h.
func sentinelHarness(t *testing.T, private bool, w, h int) (*harness, sentinel.Set) {
	t.Helper()
	set := sentinel.Negotiation(testNow)
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.AddDossier(set.Dossier)
	if err != nil {
		t.Fatal(err)
	}
	// A budget is set on its own, as the capture line and b set it.
	for _, b := range set.Dossier.Budgets {
		it, _ := set.Dossier.Item(b.ItemID)
		d, err := s.Dossier(id)
		if err != nil {
			t.Fatal(err)
		}
		b.ID, b.ItemID = 0, d.Items[d.ItemIndex(it.ID)].ID
		if err := s.SaveBudget(id, &b); err != nil {
			t.Fatal(err)
		}
	}
	return startHarness(t, s, path, Options{Private: private}, w, h), set
}

// screenLog keeps what each screen of a tour showed of the sentinels.
type screenLog struct {
	set    sentinel.Set
	leaks  map[string]string // internal sentinel → the first screen that showed it
	seen   map[string]bool   // every sentinel shown on some screen
	screen map[string]string // the first screen that leaked, by name, for the failure message
}

func newScreenLog(set sentinel.Set) *screenLog {
	return &screenLog{set: set, leaks: map[string]string{}, seen: map[string]bool{}, screen: map[string]string{}}
}

func (l *screenLog) look(h *harness, name string) {
	h.t.Helper()
	s := h.screen()
	for _, v := range l.set.Internal {
		if strings.Contains(s, v) {
			l.seen[v] = true
			if _, ok := l.leaks[v]; !ok {
				l.leaks[v] = name
				l.screen[name] = s
			}
		}
	}
	for _, v := range l.set.BuyerSafe {
		if strings.Contains(s, v) {
			l.seen[v] = true
		}
	}
}

// tour shows every pane, view, dialog and form of the workbench, and the
// status after a capture line, calling look on each screen.
func tour(h *harness, look func(string)) {
	h.t.Helper()
	steps := func(name string, n int, keys ...string) {
		for i := range n {
			h.press(keys...)
			look(name + strings.Repeat("+", i))
		}
	}
	look("agenda")
	// A wide terminal's header has room for every figure it holds.
	w, hgt := h.m.width, h.m.height
	h.resize(200, hgt)
	look("agenda at 200 columns")
	h.resize(w, hgt)
	steps("agenda j", 2, "j")
	h.press("g", "b")
	look("budget form (b)")
	h.typeText("7000000")
	look("budget form: beyond our walk-away")
	h.press("esc", "y")
	look("agenda: accept a suggestion (y)")
	h.press("z")
	look("agenda: dismiss a suggestion (z)")
	h.press("Y")
	look("agenda: accept every suggestion (Y)")
	h.press("esc", "g", "v")
	look("agenda trade plan (v)")
	h.press("v", "?")
	look("help (agenda)")
	h.press("esc", "s", "g")
	look("stage dialog")
	steps("stage dialog j", 5, "j")
	h.press("esc")
	for item, keys := range [][]string{{"g", "e"}, {"esc", "j", "e"}, {"esc", "a"}} {
		h.press(keys...)
		look("item form " + string(rune('1'+item)))
		steps("item form tab", 15, "tab")
	}
	// An opening that crosses the hidden target: the reason must not name it.
	h.press("esc", "g", "e", "tab", "tab", "tab", "tab")
	for range 20 {
		h.press("backspace")
	}
	h.typeText("8000000")
	look("item form: an opening past the target")
	h.press("ctrl+s")
	look("item form: saving an opening past the target")
	h.press("esc")

	h.press("2", "g")
	look("ledger")
	steps("ledger j", 4, "j")
	h.press("g", "enter")
	look("meeting form from the ledger")
	steps("meeting form tab", 3, "tab")
	h.press("esc", "g", "j", "e")
	look("concession form from the ledger")
	steps("concession form from the ledger tab", 6, "tab")
	h.press("esc", "v")
	look("ledger chart (v)")
	h.press("v", "j", "i")
	look("ledger item chart (i)")
	h.press("v")
	look("ledger full item chart (i, v)")
	h.press("v", "j")
	look("ledger item chart, next move")
	h.press("i", "F")
	look("ledger forecast (F)")
	h.press("v")
	look("ledger forecast chart (F, v)")
	h.press("i")
	look("ledger forecast item chart (F, v, i)")
	h.press("i", "v", "F", "g", "j")
	look("ledger: our owed move")
	h.press("x")
	look("ledger: clear the owed trade-back (x)")
	h.press("esc", "i", "?")
	look("help (ledger)")
	h.press("esc", "M")
	look("ledger: minutes written")

	h.press("3", "g")
	look("notes")
	steps("notes j", 4, "j")
	for kind := range 5 {
		h.press("f", "g")
		look("notes filter " + string(rune('1'+kind)))
		steps("notes filter j", 4, "j")
	}
	h.press("g", "j", "j", "enter")
	look("note form")
	h.press("esc")

	h.press("4", "g")
	look("follow-up")
	steps("follow-up j", 3, "j")
	h.press("g", "enter")
	look("follow-up form")
	steps("follow-up form: its contacts", 3, "tab", "right")
	h.press("esc", "a", "right", "tab") // a new line of ours: our contacts must not show
	h.typeText("order processor")
	steps("new internal follow-up: contacts", 3, "tab", "right")
	h.press("esc")

	h.press("5", "g")
	look("calculator")
	steps("calculator j", 3, "j")
	h.press("g")
	steps("calculator J", 2, "J")
	h.press("g", "enter")
	look("scenario form")
	h.press("esc", "a")
	look("new scenario form")
	h.press("esc")

	h.press("6")
	look("deal")
	steps("deal right", 6, "right")
	h.press("a")
	look("deal: new proposal")
	h.press("M")
	look("deal: equivalent offers")
	h.press("enter")
	look("deal: editing a cell")
	h.press("esc", "1", "j", "=")
	look("agree the selected item: question")
	h.press("n")

	h.press("1", "c")
	look("concession form")
	h.press("tab", "w")
	look("concession form: we")
	h.press("tab")
	h.typeText("7000000")
	look("concession form: past our walk-away")
	steps("concession form tab", 3, "tab")
	h.press("ctrl+s")
	look("concession form: confirm")
	h.press("n")
	look("concession form: declined")
	h.press("esc")

	h.press("m")
	look("meeting start form")
	h.press("esc", "o")
	look("picker")
	h.press("e")
	look("negotiation form")
	h.press("esc", "g", "e")
	look("account form")
	steps("account form tab", 8, "tab")
	h.typeText("SENTINEL-SAFE-NEW; buyer")
	look("account form: a contact added")
	h.press("esc", "esc", "E")
	look("brief written")

	h.press("n")
	look("capture line")
	h.typeText("we 1 7000000")
	look("capture line: preview past our walk-away")
	h.press("enter")
	look("capture line: confirm")
	h.press("n")
	look("capture line: declined")
	for range len("we 1 7000000") {
		h.press("backspace")
	}
	h.typeText("they 2 75 for SENTINEL-SAFE-TRADED-FOR")
	look("capture line: preview")
	h.press("enter")
	look("capture line: saved")
	h.typeText("we 1 8999000")
	h.press("enter")
	look("capture line: our concession saved")
	h.press("esc")
	look("after the capture line")
	h.press("2", "G")
	look("ledger after the capture line")

	// The agreement: the commitments' question (the checklist is not empty,
	// so the template's is not asked).
	h.press("s", "g", "j", "j", "j", "j", "enter")
	look("agree: the commitments question")
	h.press("y")
	look("agree: the commitments added")
	steps("follow-up with commitments j", 4, "j")
}

// TestPrivacySentinels renders every screen of the sentinel negotiation
// with privacy on and finds none of its internal values, while its
// buyer-safe values do show; with privacy off the same tour shows the
// internal values, so the test looks where they would be.
func TestPrivacySentinels(t *testing.T) {
	for _, size := range [][2]int{{140, 40}, {80, 24}} {
		// At 140×40 privacy is turned on with p; at 80×24 it starts on.
		h, set := sentinelHarness(t, size[0] == 80, size[0], size[1])
		if size[0] == 140 {
			h.press("p")
		}
		log := newScreenLog(set)
		tour(h, func(name string) { log.look(h, name) })
		var leaked []string
		for v, name := range log.leaks {
			leaked = append(leaked, v+" (on "+name+")")
		}
		slices.Sort(leaked)
		for _, l := range leaked {
			t.Errorf("%dx%d: privacy on shows internal %s", size[0], size[1], l)
		}
		for _, v := range set.BuyerSafe {
			if !log.seen[v] {
				t.Errorf("%dx%d: privacy on never shows buyer-safe %q", size[0], size[1], v)
			}
		}
		if t.Failed() {
			for name, s := range log.screen {
				t.Logf("%dx%d %s:\n%s", size[0], size[1], name, s)
			}
		}
	}
}

// TestPrivacyOffShowsTheSentinels holds the tour to looking where the
// internal values are: without privacy it finds them.
func TestPrivacyOffShowsTheSentinels(t *testing.T) {
	h, set := sentinelHarness(t, false, 140, 40)
	log := newScreenLog(set)
	tour(h, func(name string) { log.look(h, name) })
	for _, v := range []string{"SENTINEL-INTERNAL-ACCOUNT-NOTES", "SENTINEL-INTERNAL-ITEM-NOTE", "SENTINEL-INTERNAL-SUMMARY",
		"SENTINEL-INTERNAL-CONCESSION-NOTE", "SENTINEL-INTERNAL-NOTE", "SENTINEL-INTERNAL-ROLE", "SENTINEL-INTERNAL-PERSON",
		"SENTINEL-INTERNAL-FOLLOWUP", "SENTINEL-INTERNAL-WORST-CASE", "SENTINEL-INTERNAL-PRODUCT", "SENTINEL-INTERNAL-PROFIT",
		"8,765,432.109", "7,654,321.098", "6,543,210.987", "44.125", "58.375", "66.625", "unrecip", "Give first", "Target",
		"Landing forecast", "Likely landing", "projected", "Today's budget", "8,888,888.125", "owed 1 trade-back", "owed #",
		"Their moves say", "value-to-them"} {
		if !log.seen[v] {
			t.Errorf("without privacy the tour never shows %q: it does not look where that value is", v)
		}
	}
	for _, v := range set.Internal {
		if !log.seen[v] {
			t.Logf("not on any screen: %q", v)
		}
	}
}

// TestPrivacyKeepsADraftedInternalFormClosed starts with privacy on after a
// crash while a plain note was being edited: the note's form, which would
// show the note, is not opened again (its draft stays for later).
func TestPrivacyKeepsADraftedInternalFormClosed(t *testing.T) {
	h, _ := sentinelHarness(t, false, 140, 40)
	h.press("3", "g", "j", "e")
	h.wantScreen("SENTINEL-INTERNAL-NOTE")
	h.typeText(" and more")
	h.fireTimers()

	private := startHarness(t, h.store, h.path, Options{Private: true}, 140, 40)
	private.lackScreen("SENTINEL-INTERNAL-NOTE", "and more")
	private.wantScreen("SENTINEL-SAFE-ACTION")
	if drafts, _ := private.store.Drafts("form/"); len(drafts) != 1 {
		t.Fatalf("the draft of the hidden note's form is gone: %v", drafts)
	}
	again := startHarness(t, h.store, h.path, Options{}, 140, 40)
	again.wantScreen("SENTINEL-INTERNAL-NOTE and more")
}

// TestTheItemFormsReasonNamesNoHiddenValue: with privacy on, an opening
// that crosses our hidden target is refused without saying the target.
func TestTheItemFormsReasonNamesNoHiddenValue(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	before := h.dossier().Items[0]
	h.press("p", "e", "tab", "tab", "tab", "tab")
	for range 8 {
		h.press("backspace")
	}
	h.typeText("24.0")
	h.wantScreen("does not fit the item's hidden values")
	h.lackScreen("24.2", "target")
	h.press("ctrl+s")
	h.wantScreen("Edit: "+before.Title, "does not fit the item's hidden values")
	if got := h.dossier().Items[0].OurOpening.Decimal; !got.Equal(before.OurOpening.Decimal) {
		t.Fatalf("the refused opening was saved: %s", got)
	}
	// A reason about what is shown is still said.
	h.press("backspace", "backspace", "backspace", "backspace")
	h.wantScreen("a numeric item needs our opening")
	h.lackScreen("does not fit the item's hidden values", "24.2")
}
