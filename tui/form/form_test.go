package form_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// offer is what the test form saves: one field of each kind.
type offer struct {
	title    string
	price    decimal.NullDecimal
	discount decimal.Decimal
	weight   int
	due      time.Time
	side     string
}

// offerForm is a form of one field of each kind, whose save reads them all
// as an editor does, into *got, and asks for a write.
func offerForm(got *offer) *form.Form {
	fields := []*form.Field{
		form.Text("title", "Title", "").Required(),
		form.Number("price", "Price", "").WithHint("per case"),
		form.Percent("discount", "Discount %", ""),
		form.Score("weight", "Weight", ""),
		form.Date("due", "Due", ""),
		form.Choice("side", "Side", []string{"customer", "internal"}, []string{"customer side", "internal"}, "customer"),
	}
	return form.New(uitest.Styles(), form.Ref{Kind: vocab.KindItem}, "New offer", fields, func(f *form.Form) (tea.Msg, error) {
		*got = offer{title: f.Field("title").Value(), price: f.Field("price").Optional(), discount: f.Field("discount").Decimal(),
			weight: f.Field("weight").Whole(), due: f.Field("due").Time(), side: f.Field("side").Value()}
		return vocab.SaveMsg{Origin: f.ID, Status: "Saved offer " + got.title}, nil
	})
}

// typeText types text into the focused field.
func typeText(t *testing.T, f *form.Form, text string) {
	t.Helper()
	for _, k := range uitest.Keys(text) {
		if msgs := uitest.Msgs(f.Update(k)); len(msgs) > 0 {
			t.Fatalf("typing %q asks %#v", k, msgs)
		}
	}
}

// view is the form's box at w×h as text; it fails the test when the box is
// larger or ragged.
func view(t *testing.T, f *form.Form, w, h int) string {
	t.Helper()
	lines := f.View(w, h)
	if len(lines) > h {
		t.Fatalf("the form is %d lines high, more than %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w || got != ansi.StringWidth(lines[0]) {
			t.Fatalf("line %d of the form is %d cells wide (at most %d): %q", i, got, w, l)
		}
	}
	return ansi.Strip(strings.Join(lines, "\n"))
}

// fillGood types a valid value into every field.
func fillGood(t *testing.T, f *form.Form) {
	t.Helper()
	typeText(t, f, "Spring listing")
	uitest.Press(t, f, "tab")
	typeText(t, f, "1,024.50")
	uitest.Press(t, f, "tab")
	typeText(t, f, "4.5")
	uitest.Press(t, f, "tab")
	typeText(t, f, "80")
	uitest.Press(t, f, "tab")
	typeText(t, f, "2027-01-31")
	uitest.Press(t, f, "tab", "right")
}

// TestView keeps a form with a bad number in testdata/TestView: the reason
// beside the field, the text as typed. After a deliberate change, read the
// diff and run `go test ./tui/form -update`.
func TestView(t *testing.T) {
	f := offerForm(new(offer))
	typeText(t, f, "Spring listing")
	uitest.Press(t, f, "tab")
	typeText(t, f, "24.5.0")
	golden.RequireEqual(t, []byte(view(t, f, 80, 24)+"\n"))
}

func TestABadValueShowsItsReasonBesideTheFieldAndKeepsTheText(t *testing.T) {
	for _, tc := range []struct {
		field  int // tabs from the first field
		typed  string
		label  string
		reason string
	}{
		{1, "24.5.0", "Price", `✗ "24.5.0" is not a number`},
		{1, "1,00", "Price", "✗ \"1,00\": use a point for decimals"},
		{2, "120", "Discount %", "✗ between 0 and 100"},
		{3, "8.5", "Weight", "✗ a whole number 0–100"},
		{4, "2027-02-30", "Due", "✗ a date like 2027-01-31"},
	} {
		t.Run(tc.label+" "+tc.typed, func(t *testing.T) {
			var got offer
			f := offerForm(&got)
			typeText(t, f, "Spring listing")
			for range tc.field {
				uitest.Press(t, f, "tab")
			}
			typeText(t, f, tc.typed)
			row := uitest.Line(view(t, f, 100, 24), tc.label)
			if !strings.Contains(row, tc.typed) || !strings.Contains(row, tc.reason) {
				t.Fatalf("the row of %s reads %q, want %q and %q", tc.label, row, tc.typed, tc.reason)
			}
			// Saving from another field refuses, says why at the bottom,
			// and takes the cursor back to the field.
			uitest.Press(t, f, "shift+tab")
			if msgs := uitest.Msgs(f.Update(uitest.Key("ctrl+s"))); len(msgs) > 0 || f.Done() {
				t.Fatalf("ctrl+s with a bad %s asks %#v (done %v)", tc.label, msgs, f.Done())
			}
			v := view(t, f, 100, 24)
			if row := uitest.Line(v, tc.label); !strings.HasPrefix(strings.TrimLeft(row, "│ "), "▸ "+tc.label) || !strings.Contains(row, tc.typed) {
				t.Fatalf("the cursor is not back on %s, or its text went: %q\n%s", tc.label, row, v)
			}
			if f.Err() == nil || !strings.HasPrefix(f.Err().Error(), tc.label+": ") || uitest.Line(v, f.Err().Error()) == "" {
				t.Fatalf("the form's reason is %v:\n%s", f.Err(), v)
			}
			if f.Field(form.Key(strings.ToLower(strings.Fields(tc.label)[0]))).Value() != tc.typed {
				t.Fatal("the field's text changed")
			}
			if got != (offer{}) {
				t.Fatalf("a form with a bad value was read: %+v", got)
			}
		})
	}
}

func TestARequiredFieldSaysSo(t *testing.T) {
	f := offerForm(new(offer))
	if row := uitest.Line(view(t, f, 100, 24), "Title"); !strings.Contains(row, "required") || strings.Contains(row, "✗") {
		t.Fatalf("an empty required field reads %q", row)
	}
	if msgs := uitest.Msgs(f.Update(uitest.Key("ctrl+s"))); len(msgs) > 0 || f.Err() == nil || f.Err().Error() != "Title: required" {
		t.Fatalf("ctrl+s without a title asks %#v (%v)", msgs, f.Err())
	}
}

func TestAGoodFormAsksToSaveTheTypedValues(t *testing.T) {
	var got offer
	f := offerForm(&got)
	fillGood(t, f)
	save := uitest.As[vocab.SaveMsg](t, f.Update(uitest.Key("ctrl+s")))
	want := offer{title: "Spring listing", price: decimal.NewNullDecimal(decimal.RequireFromString("1024.50")), discount: decimal.RequireFromString("4.5"),
		weight: 80, due: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC), side: "internal"}
	if got.title != want.title || !got.price.Valid || !got.price.Decimal.Equal(want.price.Decimal) || !got.discount.Equal(want.discount) ||
		got.weight != want.weight || !got.due.Equal(want.due) || got.side != want.side {
		t.Fatalf("the form read %+v, want %+v", got, want)
	}
	if save.Origin != f.ID || save.Status != "Saved offer Spring listing" {
		t.Fatalf("the save is %+v", save)
	}
	// While the write runs the form waits: keys change nothing.
	if v := view(t, f, 80, 24); uitest.Line(v, "saving…") == "" || f.Done() {
		t.Fatalf("a saving form shows:\n%s", v)
	}
	uitest.Press(t, f, "x", "esc", "ctrl+s")
	if f.Done() || f.Field("side").Value() != "internal" {
		t.Fatal("a key changed the form while it saved")
	}
	// A refused write keeps everything typed, with the reason.
	f.Saved(errors.New("the file is locked"))
	if v := view(t, f, 80, 24); f.Done() || uitest.Line(v, "not saved: the file is locked") == "" || uitest.Line(v, "Spring listing") == "" {
		t.Fatalf("a refused save shows:\n%s", v)
	}
	uitest.As[vocab.SaveMsg](t, f.Update(uitest.Key("ctrl+s")))
	f.Saved(nil)
	if !f.Done() || f.Cancelled() {
		t.Fatal("a saved form does not close")
	}
}

func TestEnterGoesToTheNextFieldAndSavesOnTheLast(t *testing.T) {
	var got offer
	f := offerForm(&got)
	typeText(t, f, "Spring listing")
	uitest.Press(t, f, "enter", "enter", "enter", "enter", "enter") // on to the last field
	if row := uitest.Line(view(t, f, 100, 24), "Side"); !strings.Contains(row, "▸ Side") {
		t.Fatalf("enter did not reach the last field: %q", row)
	}
	uitest.Press(t, f, "up", "down") // and back
	uitest.As[vocab.SaveMsg](t, f.Update(uitest.Key("enter")))
	if got.title != "Spring listing" || got.price.Valid || got.weight != 0 || !got.due.IsZero() {
		t.Fatalf("the blank optional fields read %+v", got)
	}
}

func TestChoiceKeys(t *testing.T) {
	f := offerForm(new(offer))
	uitest.Press(t, f, "shift+tab") // from the first field round to the last
	for _, step := range []struct{ key, want string }{
		{"right", "internal"}, {"right", "customer"}, {"left", "internal"}, {" ", "customer"}, {"i", "internal"}, {"c", "customer"},
	} {
		uitest.Press(t, f, step.key)
		if got := f.Field("side").Value(); got != step.want {
			t.Fatalf("%q chooses %q, want %q", step.key, got, step.want)
		}
	}
	if row := uitest.Line(view(t, f, 100, 24), "Side"); !strings.Contains(row, "‹ customer side ›") {
		t.Fatalf("the choice reads %q", row)
	}
}

func TestEscCancels(t *testing.T) {
	var got offer
	f := offerForm(&got)
	typeText(t, f, "Spring")
	uitest.Press(t, f, "esc")
	if !f.Done() || !f.Cancelled() || f.CancelStatus() != "Cancelled: nothing changed" || got != (offer{}) {
		t.Fatalf("esc leaves done %v cancelled %v %q, read %+v", f.Done(), f.Cancelled(), f.CancelStatus(), got)
	}
	f = offerForm(&got).WithCancelStatus("Account kept")
	uitest.Press(t, f, "esc")
	if f.CancelStatus() != "Account kept" {
		t.Fatalf("the cancel status is %q", f.CancelStatus())
	}
}

func TestWhatSubmitReturnsDecidesWhetherTheFormStays(t *testing.T) {
	reply := func(msg tea.Msg, err error) *form.Form {
		return form.New(uitest.Styles(), form.Ref{}, "Reply", []*form.Field{form.Text("a", "A", "x"), form.Number("b", "B", "")},
			func(*form.Form) (tea.Msg, error) { return msg, err })
	}
	f := reply(vocab.ConfirmMsg{Question: "Sure?"}, nil)
	if ask := uitest.As[vocab.ConfirmMsg](t, f.Update(uitest.Key("ctrl+s"))); ask.Question != "Sure?" || f.Done() {
		t.Fatalf("a question closes the form (done %v)", f.Done())
	}
	uitest.Press(t, f, "y") // the form still takes keys under its question
	if f.Field("a").Value() != "xy" {
		t.Fatalf("the form does not take keys after asking: %q", f.Field("a").Value())
	}
	f = reply(vocab.EditMsg{Kind: vocab.KindCategory}, nil)
	uitest.As[vocab.EditMsg](t, f.Update(uitest.Key("ctrl+s")))
	if !f.Done() || f.Cancelled() {
		t.Fatal("a form handing on does not close")
	}
	f = reply(nil, errors.New("the walk-away is beyond the opening"))
	uitest.Press(t, f, "ctrl+s")
	if v := view(t, f, 80, 24); f.Done() || uitest.Line(v, "the walk-away is beyond the opening") == "" {
		t.Fatalf("a refusal does not show:\n%s", v)
	}
	uitest.Press(t, f, "z") // typing clears the refusal
	if f.Err() != nil {
		t.Fatalf("the refusal stays after a change: %v", f.Err())
	}
}

func TestSetErrorShowsTheWholeValuesReasonBesideItsField(t *testing.T) {
	f := form.New(uitest.Styles(), form.Ref{}, "Lever", []*form.Field{form.Text("lever", "Lever", "threshold"), form.Number("threshold", "Threshold", "")},
		func(f *form.Form) (tea.Msg, error) {
			f.SetError("threshold", errors.New("a threshold cost needs its threshold"))
			return nil, errors.New("the lever is incomplete")
		})
	uitest.Press(t, f, "ctrl+s")
	v := view(t, f, 100, 24)
	if row := uitest.Line(v, "Threshold"); !strings.Contains(row, "▸ Threshold") || !strings.Contains(row, "✗ a threshold cost needs its threshold") {
		t.Fatalf("the reason is not beside its field: %q\n%s", row, v)
	}
	typeText(t, f, "97")
	if row := uitest.Line(view(t, f, 100, 24), "Threshold"); strings.Contains(row, "✗") {
		t.Fatalf("the reason stays once the text changed: %q", row)
	}
}

func TestHiddenFieldsAreSkippedAndCounted(t *testing.T) {
	target := form.Number("target", "Our target", "24.20")
	target.Hidden = true
	f := form.New(uitest.Styles(), form.Ref{}, "Item", []*form.Field{form.Text("title", "Title", "Price"), target, form.Number("theirs", "Their opening", "")},
		func(f *form.Form) (tea.Msg, error) { return vocab.SaveMsg{Status: f.Field("target").Value()}, nil })
	uitest.Press(t, f, "tab")
	typeText(t, f, "9")
	v := view(t, f, 100, 24)
	if strings.Contains(v, "Our target") || strings.Contains(v, "24.20") || uitest.Line(v, "1 field hidden while privacy is on") == "" {
		t.Fatalf("a hidden field shows:\n%s", v)
	}
	if f.Field("theirs").Value() != "9" {
		t.Fatal("tab stopped on the hidden field")
	}
	if save := uitest.As[vocab.SaveMsg](t, f.Update(uitest.Key("ctrl+s"))); save.Status != "24.20" {
		t.Fatalf("the hidden field lost its value: %q", save.Status)
	}
	// A hidden field that is not valid refuses without quoting it.
	bad := form.Number("walk", "Our walk-away", "abc")
	bad.Hidden = true
	f = form.New(uitest.Styles(), form.Ref{}, "Item", []*form.Field{form.Text("title", "Title", "Price"), bad},
		func(*form.Form) (tea.Msg, error) { return vocab.SaveMsg{}, nil })
	uitest.Press(t, f, "ctrl+s")
	if f.Err() == nil || strings.Contains(f.Err().Error(), "abc") || !strings.Contains(f.Err().Error(), "hidden while privacy is on") {
		t.Fatalf("a bad hidden field says %v", f.Err())
	}
}

func TestThePreviewShowsWhileTheFieldsAreValid(t *testing.T) {
	f := form.New(uitest.Styles(), form.Ref{}, "Move", []*form.Field{form.Number("to", "New value", "")},
		func(*form.Form) (tea.Msg, error) { return nil, nil }).
		WithPreview(func(f *form.Form) []string { return []string{"gap 1.10 → " + f.Field("to").Value()} })
	typeText(t, f, "0.9")
	if v := view(t, f, 80, 24); uitest.Line(v, "gap 1.10 → 0.9") == "" {
		t.Fatalf("the preview does not follow the typing:\n%s", v)
	}
	typeText(t, f, "x")
	if v := view(t, f, 80, 24); strings.Contains(v, "gap 1.10") {
		t.Fatalf("the preview shows while a field is wrong:\n%s", v)
	}
}

func TestPrefilledTextIsReplacedByTyping(t *testing.T) {
	newForm := func() *form.Form {
		return form.New(uitest.Styles(), form.Ref{}, "Start meeting 3", []*form.Field{form.Text("place", "Place", "Hollis head office, Leeds").Prefilled()},
			func(*form.Form) (tea.Msg, error) { return nil, nil })
	}
	f := newForm()
	if row := uitest.Line(view(t, f, 120, 24), "Place"); !strings.Contains(row, "as last time: typing replaces it") {
		t.Fatalf("a prefilled field does not say so: %q", row)
	}
	typeText(t, f, "Leeds")
	if got := f.Field("place").Value(); got != "Leeds" {
		t.Fatalf("typing over a prefilled field gives %q", got)
	}
	f = newForm()
	uitest.Press(t, f, "left", "backspace")
	if got := f.Field("place").Value(); got != "Hollis head office, Lees" {
		t.Fatalf("editing a prefilled field gives %q", got)
	}
}

func TestDraftValuesComeBack(t *testing.T) {
	f := offerForm(new(offer))
	before := f.Version()
	fillGood(t, f)
	if f.Version() <= before {
		t.Fatal("typing does not count as a change of the text")
	}
	kept := f.Values()
	if kept["price"] != "1,024.50" || kept["side"] != "internal" || kept["due"] != "2027-01-31" {
		t.Fatalf("the draft holds %v", kept)
	}
	f.Kept(f.Version())
	if v := view(t, f, 80, 24); uitest.Line(v, "✎ kept") == "" {
		t.Fatalf("a kept form does not say so:\n%s", v)
	}
	g := offerForm(new(offer))
	g.Restore(kept)
	if fmt.Sprint(g.Values()) != fmt.Sprint(kept) {
		t.Fatalf("restored %v, want %v", g.Values(), kept)
	}
}

func TestTinyFormsDoNotPanic(t *testing.T) {
	f := offerForm(new(offer))
	typeText(t, f, "Spring")
	uitest.Press(t, f, "tab")
	typeText(t, f, "abc")
	if v := view(t, f, 10, 3); !strings.HasPrefix(v, "╭") || strings.Count(v, "\n") != 2 {
		t.Fatalf("a 10×3 form draws:\n%s", v)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {4, 2}} {
		f.View(size[0], size[1])
	}
}
