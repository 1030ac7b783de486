package editor_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// env is what the root hands the editors: the open negotiation, the styles
// and the clock.
func env(s *vocab.Snapshot) editor.Env {
	return editor.Env{Snap: s, St: uitest.Styles(), Now: uitest.Clock}
}

// open opens the form an EditMsg asks for, failing when there is none.
func open(t *testing.T, e editor.Env, kind vocab.Kind, record any) *form.Form {
	t.Helper()
	f, err := editor.Open(e, vocab.EditMsg{Kind: kind, Record: record})
	if err != nil {
		t.Fatalf("no %s form: %v", kind, err)
	}
	return f
}

// view is the form at 100×40 as text.
func view(t *testing.T, f *form.Form) string {
	t.Helper()
	return ansi.Strip(strings.Join(f.View(100, 40), "\n"))
}

// row is the form's row of the field labelled label.
func row(t *testing.T, f *form.Form, label string) string {
	t.Helper()
	for _, l := range strings.Split(view(t, f), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, "│ ▸"), label+" ") {
			return l
		}
	}
	t.Fatalf("the form has no row %q:\n%s", label, view(t, f))
	return ""
}

// focus moves the cursor to the field labelled label with tab.
func focus(t *testing.T, f *form.Form, label string) {
	t.Helper()
	for range len(f.Fields()) + 1 {
		if strings.Contains(row(t, f, label), "▸ "+label) {
			return
		}
		f.Update(uitest.Key("tab"))
	}
	t.Fatalf("tab never reaches %q:\n%s", label, view(t, f))
}

// set replaces the text of the field labelled label, as typed.
func set(t *testing.T, f *form.Form, label, text string) {
	t.Helper()
	focus(t, f, label)
	f.Update(uitest.Key("end"))
	f.Update(uitest.Key("ctrl+u"))
	for _, k := range uitest.Keys(text) {
		if msgs := uitest.Msgs(f.Update(k)); len(msgs) > 0 {
			t.Fatalf("typing into %s asks %#v", label, msgs)
		}
	}
}

// refused presses ctrl+s and fails unless the form refuses, staying open.
func refused(t *testing.T, f *form.Form) {
	t.Helper()
	if msgs := uitest.Msgs(f.Update(uitest.Key("ctrl+s"))); len(msgs) > 0 || f.Done() {
		t.Fatalf("ctrl+s asks %#v (done %v):\n%s", msgs, f.Done(), view(t, f))
	}
}

// wantBadField fails unless the field's row shows text with the reason
// beside it and the cursor on it.
func wantBadField(t *testing.T, f *form.Form, label, text, reason string) {
	t.Helper()
	r := row(t, f, label)
	if !strings.Contains(r, "▸ "+label) || !strings.Contains(r, text) || !strings.Contains(r, "✗ ") || !strings.Contains(r, reason) {
		t.Fatalf("the row of %s reads %q, want %q with ✗ %q and the cursor", label, r, text, reason)
	}
}

// saved presses ctrl+s and returns the write it asks for, of a T.
func saved[T act.Change](t *testing.T, f *form.Form) (vocab.SaveMsg, T) {
	t.Helper()
	save := uitest.As[vocab.SaveMsg](t, f.Update(uitest.Key("ctrl+s")))
	c, ok := save.Change.(T)
	if !ok {
		var want T
		t.Fatalf("the form writes %#v, want a %T", save.Change, want)
	}
	if save.Origin != f.ID {
		t.Fatalf("the save's origin is %d, the form's %d", save.Origin, f.ID)
	}
	return save, c
}

func num(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestView keeps the form of the demo's first item in testdata/TestView.
// After a deliberate change, read the diff and run `go test ./tui/editor -update`.
func TestView(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindItem, s.D.Items[0])
	golden.RequireEqual(t, []byte(view(t, f)+"\n"))
}

func TestItemFormWithABadNumberKeepsItAndSavesOnceRight(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindItem, editor.NewItem())
	set(t, f, "Title", "Delivery window")
	set(t, f, "Our opening", "4.5 h")
	wantBadField(t, f, "Our opening", "4.5 h", `"4.5 h" is not a number`)
	focus(t, f, "Title")
	refused(t, f)
	wantBadField(t, f, "Our opening", "4.5 h", "not a number")
	if f.Err() == nil || !strings.HasPrefix(f.Err().Error(), "Our opening: ") {
		t.Fatalf("the form says %v", f.Err())
	}
	set(t, f, "Our opening", "4.5")
	set(t, f, "Our walk-away", "3")
	set(t, f, "Their opening", "2")
	set(t, f, "Weight", "35")
	save, c := saved[*act.Save[model.AgendaItem]](t, f)
	it := c.Record
	if it.ID != 0 || c.NegID != s.D.Negotiation.ID || it.Title != "Delivery window" || !it.OurOpening.Decimal.Equal(num("4.5")) ||
		!it.OurWalkAway.Decimal.Equal(num("3")) || !it.TheirOpening.Decimal.Equal(num("2")) || it.OurTarget.Valid || it.Weight != 35 ||
		it.Status != model.ItemOpen || save.Status != "Saved item Delivery window" {
		t.Fatalf("the form writes %+v (%q)", it, save.Status)
	}
}

func TestItemFormRefusesAWholeItemThatDoesNotHold(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindItem, s.D.Items[0])
	set(t, f, "Our target", "25.00") // better for us than our opening 24.80
	refused(t, f)
	if f.Err() == nil || !strings.Contains(f.Err().Error(), "better for us than our opening") || !strings.Contains(view(t, f), f.Err().Error()[:40]) {
		t.Fatalf("the form says %v:\n%s", f.Err(), view(t, f))
	}
	set(t, f, "Our target", "24.30")
	_, c := saved[*act.Save[model.AgendaItem]](t, f)
	want := s.D.Items[0]
	want.OurTarget = decimal.NewNullDecimal(num("24.30"))
	if got := c.Record; got.ID != want.ID || !got.OurTarget.Decimal.Equal(want.OurTarget.Decimal) || !got.OurWalkAway.Decimal.Equal(want.OurWalkAway.Decimal) ||
		got.Lever.Kind != want.Lever.Kind || got.Weight != want.Weight || got.Note != want.Note || !got.LastYear.Decimal.Equal(want.LastYear.Decimal) {
		t.Fatalf("editing the target writes %+v, want %+v", got, want)
	}
}

func TestConcessionFormAsksBeforeAMovePastOurWalkAway(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindConcession, model.Concession{})
	f.Update(uitest.Key("1")) // the first item: a choice's first letter picks it
	set(t, f, "New value", "23.6o")
	wantBadField(t, f, "New value", "23.6o", "is not a number")
	refused(t, f)
	set(t, f, "New value", "23.60")
	if v := view(t, f); !strings.Contains(v, "they List price per case 23.40 → 23.60 EUR/case") {
		t.Fatalf("the form does not preview the move:\n%s", v)
	}
	set(t, f, "Traded for", "the volume")
	_, c := saved[*act.Save[model.Concession]](t, f)
	if got := c.Record; got.ID != 0 || got.ItemID != 1 || got.By != model.Them || !got.To.Equal(num("23.60")) || got.TradedFor != "the volume" ||
		!got.At.Equal(uitest.Now) || got.MeetingID != 0 {
		t.Fatalf("the form writes %+v", got)
	}
	// Our move past our walk-away asks first; yes is the write.
	f = open(t, env(s), vocab.KindConcession, model.Concession{ItemID: 1, By: model.Us})
	set(t, f, "New value", "23.50")
	ask := uitest.As[vocab.ConfirmMsg](t, f.Update(uitest.Key("ctrl+s")))
	if ask.Question != editor.PastWalkAwayQuestion || f.Done() {
		t.Fatalf("a move past our walk-away asks %q (done %v)", ask.Question, f.Done())
	}
	yes, ok := ask.Yes.(vocab.SaveMsg)
	if c, isSave := yes.Change.(*act.Save[model.Concession]); !ok || !isSave || c.Record.By != model.Us || !c.Record.To.Equal(num("23.50")) || yes.Origin != f.ID {
		t.Fatalf("yes writes %#v", ask.Yes)
	}
}

func TestFollowUpFormWithABadDate(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindFollowUp, model.FollowUp{Side: model.CustomerSide})
	set(t, f, "Role", "category buyers")
	set(t, f, "Action", "Sign the listing form")
	set(t, f, "Due", "2027-02-30")
	wantBadField(t, f, "Due", "2027-02-30", "a date like 2027-01-31")
	refused(t, f)
	set(t, f, "Due", "2027-02-28")
	save, c := saved[*act.Save[model.FollowUp]](t, f)
	if got := c.Record; got.ID != 0 || got.Role != "category buyers" || got.Action != "Sign the listing form" || got.Side != model.CustomerSide ||
		!got.Due.Equal(time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC)) || got.Order != len(s.D.FollowUps)+1 || save.Status != "Saved follow-up category buyers" {
		t.Fatalf("the form writes %+v (%q)", got, save.Status)
	}
}

func TestBudgetFormRefusesABudgetPastOurWalkAway(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindBudget, model.Budget{ItemID: 1})
	if r := row(t, f, "Furthest today"); !strings.Contains(r, "▸ Furthest today") || !strings.Contains(r, "required") {
		t.Fatalf("the budget form opens on %q, want the value to type", r)
	}
	set(t, f, "Furthest today", "23.50")
	refused(t, f)
	wantBadField(t, f, "Furthest today", "23.50", `23.50 on "List price per case"`)
	if f.Err() == nil || !strings.Contains(f.Err().Error(), "walk-away 23.60") || !strings.Contains(view(t, f), "walk-away 23.60") {
		t.Fatalf("the form says %v:\n%s", f.Err(), view(t, f))
	}
	set(t, f, "Furthest today", "24.00")
	save, c := saved[*act.SaveBudget](t, f)
	if b := c.Budget; b.ItemID != 1 || !b.Value.Equal(num("24.00")) || !b.At.Equal(uitest.Now) || c.NegID != s.D.Negotiation.ID ||
		save.Status != "Today's budget on List price per case: 24.00 EUR/case" {
		t.Fatalf("the form writes %+v (%q)", c, save.Status)
	}
}

func TestNoteAndAnswerForms(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	question := s.D.Notes[9]
	f := open(t, env(s), vocab.KindAnswer, question)
	set(t, f, "Answer", "Yes, weeks 14 and 15")
	save, c := saved[*act.Save[model.Note]](t, f)
	if c.Record.ID != question.ID || c.Record.Answer != "Yes, weeks 14 and 15" || save.Status != "Answered: "+question.Text {
		t.Fatalf("the answer writes %+v (%q)", c.Record, save.Status)
	}
	// The note form turns the question into an action done now.
	f = open(t, env(s), vocab.KindNote, question)
	focus(t, f, "Kind")
	f.Update(uitest.Key("a"))
	focus(t, f, "Done")
	f.Update(uitest.Key("right"))
	_, c = saved[*act.Save[model.Note]](t, f)
	if n := c.Record; n.Kind != model.KindAction || !n.Done || !n.DoneAt.Equal(uitest.Now) || n.Answer != "" || n.Text != question.Text {
		t.Fatalf("the note form writes %+v", n)
	}
	f = open(t, env(s), vocab.KindNote, question)
	set(t, f, "Text", "")
	refused(t, f)
	if f.Err() == nil || f.Err().Error() != "Text: required" {
		t.Fatalf("a note without text says %v", f.Err())
	}
}

func TestMeetingForms(t *testing.T) {
	d := uitest.Demo()
	start := editor.MeetingToggle(d)
	f := open(t, env(uitest.Snapshot(d, false)), start.Kind, start.Record)
	if !strings.Contains(view(t, f), "Start meeting 3") {
		t.Fatalf("m opens:\n%s", view(t, f))
	}
	save, c := saved[*act.Save[model.Meeting]](t, f)
	if mt := c.Record; mt.Number != 3 || !mt.Started.Equal(uitest.Now) || mt.Place != "Hollis head office, Leeds" ||
		!slices.Equal(mt.Attendees, []string{"Dana Whitlock", "Lena Ruiz"}) || !strings.HasPrefix(save.Status, "Meeting 3 started") {
		t.Fatalf("starting meeting 3 writes %+v (%q)", mt, save.Status)
	}
	d.Meetings = append(d.Meetings, model.Meeting{ID: 3, Number: 3, Started: uitest.Now.Add(-75 * time.Minute)})
	end := editor.MeetingToggle(d)
	f = open(t, env(uitest.Snapshot(d, false)), end.Kind, end.Record)
	if !strings.Contains(view(t, f), "End meeting 3 (1:15") {
		t.Fatalf("m in meeting 3 opens:\n%s", view(t, f))
	}
	set(t, f, "Summary", "Listing agreed")
	_, c = saved[*act.Save[model.Meeting]](t, f)
	if mt := c.Record; mt.ID != 3 || !mt.Ended.Equal(uitest.Now) || mt.Summary != "Listing agreed" {
		t.Fatalf("ending meeting 3 writes %+v", mt)
	}
	if _, err := editor.Open(env(uitest.Snapshot(d, false)), vocab.EditMsg{Kind: vocab.KindMeetingStart, Record: model.Meeting{}}); err == nil ||
		!strings.Contains(err.Error(), "meeting 3 is still running") {
		t.Fatalf("starting a meeting while one runs: %v", err)
	}
}

func TestNewScenarioAsksItsKindFirst(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindScenario, nil)
	f.Update(uitest.Key("p"))
	next := uitest.As[vocab.EditMsg](t, f.Update(uitest.Key("enter")))
	if sc, ok := next.Record.(model.Scenario); next.Kind != vocab.KindProfit || !ok || sc.Kind != model.ProfitScenario || !f.Done() {
		t.Fatalf("the kind hands on to %+v (done %v)", next, f.Done())
	}
	f = open(t, env(s), vocab.KindCategory, s.D.Scenarios[0])
	set(t, f, "Baseline margin %", "128")
	wantBadField(t, f, "Baseline margin %", "128", "between 0 and 100")
	refused(t, f)
	set(t, f, "Baseline margin %", "29")
	_, c := saved[*act.Save[model.Scenario]](t, f)
	if sc := c.Record; sc.ID != 1 || !sc.Impact.BaselineMargin.Equal(num("29")) || len(sc.Impact.Lines) != 6 {
		t.Fatalf("the category form writes %+v", sc)
	}
}

func TestAccountAndNegotiationFormsNeedNoNegotiation(t *testing.T) {
	e := env(nil)
	if _, err := editor.Open(e, vocab.EditMsg{Kind: vocab.KindItem, Record: editor.NewItem()}); err == nil || !strings.Contains(err.Error(), "open a negotiation first") {
		t.Fatalf("an item form with no negotiation open: %v", err)
	}
	f := open(t, e, vocab.KindAccount, model.Account{Kind: model.Retail})
	refused(t, f) // a name is required
	set(t, f, "Name", "Northway Catering")
	save, acc := saved[*act.SaveAccount](t, f)
	if !acc.IsNew || acc.Account.Name != "Northway Catering" || acc.Account.Kind != model.Retail || save.Status != "Saved account Northway Catering" {
		t.Fatalf("the account form writes %+v (%q)", acc, save.Status)
	}
	acc.Account.ID = 7
	f = open(t, e, vocab.KindNegotiation, vocab.NegotiationRecord{Negotiation: model.Negotiation{AccountID: 7}, Account: acc.Account})
	set(t, f, "Deadline", "31/03/2027")
	wantBadField(t, f, "Deadline", "31/03/2027", "a date like 2027-01-31")
	set(t, f, "Deadline", "2027-03-31")
	_, neg := saved[*act.SaveNegotiation](t, f)
	if n := neg.Negotiation; !neg.IsNew || n.AccountID != 7 || n.Title != "2027 annual terms" || n.Currency != "EUR" || n.Stage != model.StagePrepare ||
		!n.Deadline.Equal(time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)) || !n.Created.Equal(uitest.Now) {
		t.Fatalf("the negotiation form writes %+v", n)
	}
}

func TestPrivacyHidesInternalFieldsAndForms(t *testing.T) {
	s := uitest.DemoSnapshot(true)
	e := env(s)
	f := open(t, e, vocab.KindItem, s.D.Items[0])
	v := view(t, f)
	for _, hidden := range []string{"Our target", "Our walk-away", "Weight", "Value to them", "Lever", "24.20", "23.60"} {
		if strings.Contains(v, hidden) {
			t.Fatalf("with privacy on the item form shows %q:\n%s", hidden, v)
		}
	}
	if !strings.Contains(v, "hidden while privacy is on") {
		t.Fatalf("the item form does not count its hidden fields:\n%s", v)
	}
	set(t, f, "Title", "List price per case (2027)")
	_, c := saved[*act.Save[model.AgendaItem]](t, f)
	if got := c.Record; !got.OurTarget.Decimal.Equal(s.D.Items[0].OurTarget.Decimal) || got.Weight != s.D.Items[0].Weight || got.Title != "List price per case (2027)" {
		t.Fatalf("a hidden field lost its value: %+v", got)
	}
	for _, tc := range []struct {
		kind   vocab.Kind
		record any
	}{
		{vocab.KindNote, s.D.Notes[0]}, // a plain note is internal
		{vocab.KindBudget, model.Budget{ItemID: 1}},
		{vocab.KindProfit, s.D.Scenarios[1]},
	} {
		if _, err := editor.Open(e, vocab.EditMsg{Kind: tc.kind, Record: tc.record}); err == nil || !strings.Contains(err.Error(), "privacy is on") {
			t.Fatalf("with privacy on the %s form opens (%v)", tc.kind, err)
		}
	}
}

func TestReopenFindsTheRecordOfADraft(t *testing.T) {
	e := env(uitest.DemoSnapshot(false))
	if f, ok := editor.Reopen(e, form.Ref{Kind: vocab.KindItem, ID: 2}); !ok || !strings.Contains(view(t, f), "Edit: Payment terms") {
		t.Fatal("the draft of item 2 does not reopen its form")
	}
	if f, ok := editor.Reopen(e, form.Ref{Kind: vocab.KindAnswer, ID: 10}); !ok || !strings.Contains(view(t, f), "Answer: Can they commit") {
		t.Fatal("the draft of an answer does not reopen its form")
	}
	for _, ref := range []form.Ref{{Kind: vocab.KindItem, ID: 99}, {Kind: vocab.KindMeetingEnd}, {Kind: vocab.KindNote, ID: 99}} {
		if _, ok := editor.Reopen(e, ref); ok {
			t.Fatalf("a draft of %+v, gone, reopens a form", ref)
		}
	}
}

func TestFormsStayInsideATinyScreen(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	for _, msg := range []vocab.EditMsg{{Kind: vocab.KindItem, Record: s.D.Items[0]}, {Kind: vocab.KindConcession, Record: model.Concession{}},
		{Kind: vocab.KindCategory, Record: s.D.Scenarios[0]}, {Kind: vocab.KindAccount, Record: s.D.Account}} {
		f := open(t, env(s), msg.Kind, msg.Record)
		for _, size := range [][2]int{{10, 3}, {30, 8}, {1, 1}, {0, 0}} {
			lines := f.View(size[0], size[1])
			if size[0] >= 4 && (len(lines) > size[1] || ansi.StringWidth(lines[0]) > size[0]) {
				t.Fatalf("the %s form at %v is %d×%d", msg.Kind, size, ansi.StringWidth(lines[0]), len(lines))
			}
		}
	}
}

// The form's "Saved item …" message shows no bidi override typed into the
// title (issue 24, finding 11).
func TestItemFormSavedMessageShowsNoBidiOverride(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	f := open(t, env(s), vocab.KindItem, s.D.Items[0])
	set(t, f, "Title", "List \u202eprice")
	save, _ := saved[*act.Save[model.AgendaItem]](t, f)
	if strings.ContainsRune(save.Status, '\u202e') || save.Status != "Saved item List price" {
		t.Errorf("the form says %q", save.Status)
	}
}
