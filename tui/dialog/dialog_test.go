package dialog_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
)

// dialogBox is what every dialog is to the root's modal stack.
type dialogBox interface {
	Update(msg tea.KeyMsg) tea.Cmd
	View(w, h int) []string
	Done() bool
}

// box is a dialog's drawing at most w×h, as text; it fails the test when
// the box is larger or its lines are ragged.
func box(t *testing.T, d dialogBox, w, h int) string {
	t.Helper()
	lines := d.View(w, h)
	if len(lines) > h {
		t.Fatalf("the box is %d lines high, more than %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w || (i > 0 && got != ansi.StringWidth(lines[0])) {
			t.Fatalf("line %d of the box is %d cells wide (the first %d, at most %d): %q", i, got, ansi.StringWidth(lines[0]), w, l)
		}
	}
	return ansi.Strip(strings.Join(lines, "\n"))
}

// pickerData is two accounts: the demo's with two negotiations, and one
// without any yet.
func pickerData() dialog.PickerData {
	return dialog.PickerData{
		Accounts: []model.Account{
			{ID: 1, Name: "Hollis Foodstores", Kind: model.Retail, Category: "Biscuits"},
			{ID: 2, Name: "Northway Catering", Kind: model.Industrial, Category: "Snacks"},
		},
		Negotiations: []model.Negotiation{
			{ID: 1, AccountID: 1, Title: "2027 annual terms", Stage: model.StageBargain, Status: model.Active},
			{ID: 3, AccountID: 1, Title: "Spring promotion 2027", Stage: model.StagePrepare, Status: model.Active},
		},
	}
}

func confirmOf(yes, no tea.Msg) *dialog.Confirm {
	return dialog.NewConfirm(uitest.Styles(), vocab.ConfirmMsg{Question: "Delete the item \"Payment terms\"?",
		Detail: "Its 3 concessions go with it.\nNotes tagged to it stay.", Yes: yes, No: no})
}

func helpOf() *dialog.Help {
	hidden := key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "a key not offered now"))
	hidden.SetEnabled(false)
	return dialog.NewHelp(uitest.Styles(),
		dialog.HelpGroup{Title: "Workbench", Keys: []key.Binding{
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "capture line")),
			key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		}},
		dialog.HelpGroup{Title: "Agenda", Keys: []key.Binding{
			key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add item")),
			hidden,
		}})
}

func pickerOf() *dialog.Picker {
	p := dialog.NewPicker(uitest.Styles(), 1)
	p.SetData(pickerData())
	return p
}

// TestView keeps each dialog's box at 80×24 in testdata/TestView. After a
// deliberate change, read the diff and run `go test ./tui/dialog -update`.
func TestView(t *testing.T) {
	welcome := dialog.NewWelcome(uitest.Styles())
	welcome.SetAccounts(2)
	for name, d := range map[string]dialogBox{
		"confirm": confirmOf(nil, nil),
		"help":    helpOf(),
		"picker":  pickerOf(),
		"stage":   dialog.NewStage(uitest.Styles(), uitest.Demo(), model.Privacy{}),
		"welcome": welcome,
		"trouble": dialog.NewTrouble(uitest.Styles(), errors.New("open parley.db: the file is locked by another Parley (pid 4242)")),
	} {
		t.Run(name, func(t *testing.T) {
			golden.RequireEqual(t, []byte(box(t, d, 80, 24)+"\n"))
		})
	}
}

func TestConfirmYesAndNo(t *testing.T) {
	yes := vocab.SaveMsg{Status: "Deleted Payment terms"}
	for _, k := range []string{"y", "Y", "enter"} {
		c := confirmOf(yes, nil)
		if got := uitest.As[vocab.SaveMsg](t, c.Update(uitest.Key(k))); got.Status != yes.Status || !c.Done() {
			t.Fatalf("%s delivers %+v (done %v), want the yes", k, got, c.Done())
		}
	}
	for _, k := range []string{"n", "N", "esc"} {
		c := confirmOf(yes, nil)
		if got := uitest.As[vocab.StatusMsg](t, c.Update(uitest.Key(k))); got.Text != vocab.NothingChanged || !c.Done() {
			t.Fatalf("%s delivers %+v (done %v), want nothing changed", k, got, c.Done())
		}
	}
	c := confirmOf(yes, vocab.StatusMsg{Text: "No commitments added"})
	uitest.Press(t, c, "x", "d", " ")
	if c.Done() {
		t.Fatal("a key that is neither yes nor no answers the question")
	}
	if got := uitest.As[vocab.StatusMsg](t, c.Update(uitest.Key("n"))); got.Text != "No commitments added" {
		t.Fatalf("n delivers %+v, want the question's own no", got)
	}
	// The question, each line of its detail and the keys show.
	s := box(t, confirmOf(yes, nil), 80, 24)
	for _, want := range []string{"Delete the item \"Payment terms\"?", "Its 3 concessions go with it.", "Notes tagged to it stay.", "y yes   n no"} {
		if uitest.Line(s, want) == "" {
			t.Fatalf("the confirmation lacks %q:\n%s", want, s)
		}
	}
}

func TestHelpListsTheKeysOfferedAndClosesOnAnyKey(t *testing.T) {
	h := helpOf()
	s := box(t, h, 80, 24)
	for _, want := range []string{"Workbench", "capture line", "Agenda", "add item"} {
		if uitest.Line(s, want) == "" {
			t.Fatalf("the help lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "a key not offered now") {
		t.Fatalf("the help lists a disabled key:\n%s", s)
	}
	if l := uitest.Line(s, "capture line"); !strings.Contains(l, "n ") {
		t.Fatalf("the help does not name the key of the capture line: %q", l)
	}
	// Side by side when there is room across.
	if l := uitest.Line(box(t, h, 80, 8), "Workbench"); !strings.Contains(l, "?") {
		t.Fatalf("a short help does not flow its keys into columns: %q\n%s", l, box(t, h, 80, 8))
	}
	// Short of room even so, j pages on to the rest, which no key closes.
	if s := box(t, h, 30, 8); uitest.Line(s, "Keys (1 of") == "" || strings.Contains(s, "add item") {
		t.Fatalf("a help too short for its keys does not page:\n%s", s)
	}
	uitest.Press(t, h, "j")
	box(t, h, 30, 8)
	uitest.Press(t, h, "j")
	if s := box(t, h, 30, 8); h.Done() || uitest.Line(s, "add item") == "" {
		t.Fatalf("j does not page on to the rest:\n%s", s)
	}
	uitest.Press(t, h, "q")
	if !h.Done() {
		t.Fatal("a key does not close the help")
	}
}

func TestPickerOpensTheSelectedNegotiation(t *testing.T) {
	p := pickerOf()
	s := box(t, p, 80, 24)
	if l := uitest.Line(s, "›"); !strings.Contains(l, "● 2027 annual terms") {
		t.Fatalf("the picker does not start on the open negotiation: %q\n%s", l, s)
	}
	// The newest negotiation of an account comes first.
	if strings.Index(s, "Spring promotion") > strings.Index(s, "2027 annual terms") {
		t.Fatalf("the negotiations are not newest first:\n%s", s)
	}
	uitest.Press(t, p, "k")
	open := uitest.As[vocab.OpenMsg](t, p.Update(uitest.Key("enter")))
	if open.NegID != 3 || !p.Done() {
		t.Fatalf("enter on the spring promotion opens %d (done %v)", open.NegID, p.Done())
	}
}

func TestPickerFilters(t *testing.T) {
	p := pickerOf()
	uitest.Press(t, p, "/", "s", "p", "r", "i", "n", "g")
	s := box(t, p, 80, 24)
	if uitest.Line(s, "/ spring") == "" || uitest.Line(s, "Spring promotion") == "" || uitest.Line(s, "2027 annual terms") != "" || uitest.Line(s, "Northway") != "" {
		t.Fatalf("the filter spring shows:\n%s", s)
	}
	// enter keeps the filter; enter again opens what it found.
	uitest.Press(t, p, "enter")
	if l := uitest.Line(box(t, p, 80, 24), "›"); !strings.Contains(l, "Hollis Foodstores") {
		t.Fatalf("the filter does not start on its first row: %q", l)
	}
	uitest.Press(t, p, "enter") // an account row goes to its first negotiation
	if open := uitest.As[vocab.OpenMsg](t, p.Update(uitest.Key("enter"))); open.NegID != 3 {
		t.Fatalf("enter opens %d, want the spring promotion", open.NegID)
	}
	// A filter matching an account shows all its negotiations; esc clears it.
	p = pickerOf()
	uitest.Press(t, p, "/", "b", "i", "s", "c")
	if s := box(t, p, 80, 24); uitest.Line(s, "2027 annual terms") == "" || uitest.Line(s, "Spring promotion") == "" || uitest.Line(s, "Northway") != "" {
		t.Fatalf("the filter bisc (Hollis's category) shows:\n%s", s)
	}
	uitest.Press(t, p, "esc")
	if s := box(t, p, 80, 24); uitest.Line(s, "Northway") == "" || uitest.Line(s, "/ bisc") != "" {
		t.Fatalf("esc does not clear the filter:\n%s", s)
	}
	uitest.Press(t, p, "/", "z", "z", "z")
	if s := box(t, p, 80, 24); uitest.Line(s, "Nothing matches the filter.") == "" {
		t.Fatalf("a filter matching nothing does not say so:\n%s", s)
	}
}

func TestPickerAsksForFormsAndDeletes(t *testing.T) {
	p := pickerOf()
	msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("e")))
	if r, ok := msg.Record.(vocab.NegotiationRecord); msg.Kind != vocab.KindNegotiation || !ok || r.Negotiation.ID != 1 || r.Account.ID != 1 {
		t.Fatalf("e on a negotiation asks %+v", msg)
	}
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("d")))
	if del, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.DeleteNegotiation); !ok || del.ID != 1 || ask.Question != `Delete the negotiation "2027 annual terms"?` {
		t.Fatalf("d on a negotiation asks %q and writes %#v", ask.Question, ask.Yes)
	}
	uitest.Press(t, p, "g")
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("r")))
	if a, ok := msg.Record.(model.Account); msg.Kind != vocab.KindAccount || !ok || a.ID != 1 {
		t.Fatalf("r on an account asks %+v", msg)
	}
	ask = uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("delete")))
	if del, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.DeleteAccount); !ok || del.ID != 1 || !strings.HasPrefix(ask.Detail, "Its 2 negotiations") {
		t.Fatalf("delete on an account asks %q and writes %#v", ask.Detail, ask.Yes)
	}
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("a")))
	if r, ok := msg.Record.(vocab.NegotiationRecord); msg.Kind != vocab.KindNegotiation || !ok || r.Negotiation.ID != 0 || r.Negotiation.AccountID != 1 {
		t.Fatalf("a asks %+v, want a new negotiation for the account", msg)
	}
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("A")))
	if a, ok := msg.Record.(model.Account); msg.Kind != vocab.KindAccount || !ok || a.ID != 0 {
		t.Fatalf("A asks %+v, want a new account", msg)
	}
	// An account without negotiations: enter starts its first.
	uitest.Press(t, p, "G")
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("enter")))
	if r, ok := msg.Record.(vocab.NegotiationRecord); !ok || r.Account.ID != 2 || r.Negotiation.ID != 0 {
		t.Fatalf("enter on an account without negotiations asks %+v", msg)
	}
	for _, k := range []string{"esc", "o", "q"} {
		p := pickerOf()
		uitest.Press(t, p, k)
		if !p.Done() {
			t.Fatalf("%s does not close the picker", k)
		}
	}
	empty := dialog.NewPicker(uitest.Styles(), 0)
	empty.SetData(dialog.PickerData{})
	if s := box(t, empty, 80, 24); uitest.Line(s, "No accounts yet: press A to create one.") == "" {
		t.Fatalf("an empty picker does not say how to start:\n%s", s)
	}
	uitest.Press(t, empty, "enter", "e", "d")
	if msg := uitest.As[vocab.EditMsg](t, empty.Update(uitest.Key("a"))); msg.Kind != vocab.KindAccount {
		t.Fatalf("a with no account asks %+v, want a new account", msg)
	}
}

func TestStageMovesTheNegotiation(t *testing.T) {
	d := uitest.Demo()
	s := dialog.NewStage(uitest.Styles(), d, model.Privacy{})
	if l := uitest.Line(box(t, s, 80, 24), "›"); !strings.Contains(l, "›4 bargain") {
		t.Fatalf("the stage opens on %q, want the negotiation's", l)
	}
	uitest.Press(t, s, "j")
	v := box(t, s, 80, 24)
	if l := uitest.Line(v, "›"); !strings.Contains(l, "›5 agree") || uitest.Line(v, "Outcomes of agree") == "" {
		t.Fatalf("j selects %q:\n%s", l, v)
	}
	save := uitest.As[vocab.SaveMsg](t, s.Update(uitest.Key("enter")))
	n, ok := save.Change.(*act.SaveNegotiation)
	if !ok || n.Negotiation.ID != d.Negotiation.ID || n.Negotiation.Stage != model.StageAgree || n.IsNew || !s.Done() || save.Status != "Stage: agree" {
		t.Fatalf("enter writes %#v (%q)", save.Change, save.Status)
	}
	if d.Negotiation.Stage != model.StageBargain {
		t.Fatal("the dialog changed the negotiation it was given")
	}
	// enter on the stage it is at, or esc, close without a write.
	for _, k := range []string{"enter", "esc", "s"} {
		s := dialog.NewStage(uitest.Styles(), d, model.Privacy{})
		uitest.Press(t, s, k)
		if !s.Done() {
			t.Fatalf("%s does not close the stage", k)
		}
	}
}

func TestStageWithPrivacyCountsTheHiddenChecks(t *testing.T) {
	d := uitest.Demo()
	open := box(t, dialog.NewStage(uitest.Styles(), d, model.Privacy{}), 80, 24)
	private := box(t, dialog.NewStage(uitest.Styles(), d, model.Privacy{BuyerView: true}), 80, 24)
	if strings.Contains(private, model.StageBargain.Purpose()) || !strings.Contains(open, model.StageBargain.Purpose()) {
		t.Fatalf("with privacy on the stage shows our coaching hint:\n%s", private)
	}
	if uitest.Line(private, "hidden while privacy is on") == "" || strings.Count(private, "✓")+strings.Count(private, "✗") >=
		strings.Count(open, "✓")+strings.Count(open, "✗") {
		t.Fatalf("with privacy on the stage shows every check:\n%s\nwithout:\n%s", private, open)
	}
}

func TestWelcomeAndTrouble(t *testing.T) {
	w := dialog.NewWelcome(uitest.Styles())
	uitest.As[vocab.DemoMsg](t, w.Update(uitest.Key("d")))
	for _, k := range []string{"a", "enter"} {
		if msg := uitest.As[vocab.EditMsg](t, w.Update(uitest.Key(k))); msg.Kind != vocab.KindAccount {
			t.Fatalf("%s asks %+v, want a new account", k, msg)
		}
	}
	uitest.As[vocab.QuitMsg](t, w.Update(uitest.Key("q")))
	// o leads to the accounts only when there are some.
	uitest.Press(t, w, "o")
	if s := box(t, w, 80, 24); strings.Contains(s, "open your accounts") {
		t.Fatalf("with no account the welcome offers them:\n%s", s)
	}
	w.SetAccounts(1)
	w.AddAccount()
	uitest.As[vocab.AccountsMsg](t, w.Update(uitest.Key("o")))
	if s := box(t, w, 80, 24); uitest.Line(s, "open your accounts (2)") == "" || w.Done() {
		t.Fatalf("the welcome does not offer the two accounts:\n%s", s)
	}

	tr := dialog.NewTrouble(uitest.Styles(), errors.New("open parley.db: written by a newer Parley (schema 9); update Parley to open it"))
	uitest.Press(t, tr, "d", "a")
	for _, k := range []string{"q", "esc", "enter"} {
		uitest.As[vocab.QuitMsg](t, tr.Update(uitest.Key(k)))
	}
	if s := box(t, tr, 40, 12); tr.Done() || uitest.Line(s, "Parley cannot open this file") == "" || !strings.Contains(s, "update Parley") {
		t.Fatalf("the trouble box at 40×12:\n%s", s)
	}
}

// A box at 10×3 keeps inside; smaller than the smallest box (4×2), where
// the root's Place cuts what is drawn to the screen, none panics.
func TestTinyBoxesStayInside(t *testing.T) {
	welcome := dialog.NewWelcome(uitest.Styles())
	for _, d := range []dialogBox{confirmOf(nil, nil), helpOf(), pickerOf(), dialog.NewStage(uitest.Styles(), uitest.Demo(), model.Privacy{}),
		welcome, dialog.NewTrouble(uitest.Styles(), errors.New("locked"))} {
		if s := box(t, d, 10, 3); !strings.HasPrefix(s, "╭────────╮") || strings.Count(s, "\n") != 2 {
			t.Fatalf("%T at 10×3 draws no box of that size:\n%s", d, s)
		}
		box(t, d, 4, 2)
		for _, size := range [][2]int{{1, 1}, {0, 0}} {
			d.View(size[0], size[1])
		}
	}
}
