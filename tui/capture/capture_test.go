package capture_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/capture"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// line is the capture line on the demo, with timers that fire only when
// the test says.
type line struct {
	t      *testing.T
	c      *capture.Line
	timers []func(time.Time) tea.Msg // the draft delays scheduled, oldest first
}

func newLine(t *testing.T, s *vocab.Snapshot) *line {
	t.Helper()
	l := &line{t: t}
	tick := func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		l.timers = append(l.timers, fn)
		return nil
	}
	l.c = capture.New(uitest.Styles(), uitest.Clock, tick, time.Second)
	l.c.SetData(s)
	l.c.Open()
	if !l.c.IsOpen() {
		t.Fatal("the line does not open on a negotiation")
	}
	return l
}

// typeText types text, failing if a keystroke asks anything of the root.
func (l *line) typeText(text string) {
	l.t.Helper()
	for _, k := range uitest.Keys(text) {
		if msgs := uitest.Msgs(l.c.Update(k)); len(msgs) > 0 {
			l.t.Fatalf("typing %q asks %#v", k, msgs)
		}
	}
}

// view is the line and what is under it, at width w.
func (l *line) view(w int) string {
	l.t.Helper()
	lines := l.c.View(w)
	if len(lines) != 2 {
		l.t.Fatalf("the capture line draws %d lines, want 2", len(lines))
	}
	for _, s := range lines {
		if ansi.StringWidth(s) > w {
			l.t.Fatalf("the capture line draws %q, wider than %d", s, w)
		}
	}
	return ansi.Strip(strings.Join(lines, "\n"))
}

// enter presses enter.
func (l *line) enter() tea.Cmd { return l.c.Update(uitest.Key("enter")) }

// captured is the change a save asks for, failing unless it is a capture.
func captured(t *testing.T, save vocab.SaveMsg) *act.Captured {
	t.Helper()
	c, ok := save.Change.(*act.Captured)
	if !ok {
		t.Fatalf("the save writes %#v, want a capture", save.Change)
	}
	return c
}

func TestEnterAsksToSaveTheParsedLine(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	for _, tc := range []struct {
		typed  string
		want   model.Capture
		status string
	}{
		{"they 1 23.60 for the volume", model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: 1,
			Value: decimal.RequireFromString("23.60"), TradedFor: "the volume"},
			"Saved: they List price per case 23.40 → 23.60 EUR/case"},
		{"Dana wants the leaflet #promo", model.Capture{Kind: model.CaptureNote, ItemID: 5, Text: "Dana wants the leaflet #promo"}, "Saved note"},
		{"! send Marc the volumes", model.Capture{Kind: model.CaptureAction, Text: "send Marc the volumes"}, "Saved action"},
		{"? who signs the contract", model.Capture{Kind: model.CaptureQuestion, Text: "who signs the contract"}, "Saved question"},
		{"agree 7", model.Capture{Kind: model.CaptureAgree, ItemID: 7}, "Agreed Contract length at 24 months · 1 closing move logged"},
		{"budget 1 24.00", model.Capture{Kind: model.CaptureBudget, ItemID: 1, Value: decimal.RequireFromString("24.00")},
			"today's budget on List price per case: 24.00 EUR/case"},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			l := newLine(t, s)
			l.typeText(tc.typed)
			save := uitest.As[vocab.SaveMsg](t, l.enter())
			c := captured(t, save)
			got := c.Capture
			if got.Kind != tc.want.Kind || got.By != tc.want.By || got.ItemID != tc.want.ItemID || !got.Value.Equal(tc.want.Value) ||
				got.TradedFor != tc.want.TradedFor || got.Text != tc.want.Text {
				t.Fatalf("enter on %q captures %+v, want %+v", tc.typed, got, tc.want)
			}
			if c.NegID != s.D.Negotiation.ID || !c.At.Equal(uitest.Now) || c.Text != tc.typed || c.DraftKey != capture.DraftKey(s.D.Negotiation.ID) {
				t.Fatalf("the capture is %+v", c)
			}
			if save.Origin == 0 || !strings.HasPrefix(save.Status, tc.status) {
				t.Fatalf("the save is from %d and says %q, want %q", save.Origin, save.Status, tc.status)
			}
			// The line empties for the next one and stays open.
			if l.c.Text() != "" || !l.c.IsOpen() || !strings.Contains(l.view(80), "saving…") {
				t.Fatalf("after enter the line is %q (open %v):\n%s", l.c.Text(), l.c.IsOpen(), l.view(80))
			}
		})
	}
}

func TestABadLineKeepsItsTextWithTheReason(t *testing.T) {
	for _, tc := range []struct{ typed, reason string }{
		{"we 1 12.4x", "start the line with \" to keep it as a note"},
		{"they 12 23.60", "no item"},
		{"they 1 23.60 because", "after the value write \"for\""},
		{"!", "write the action after !"},
		{"we 1 25", "that is no concession"},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			l := newLine(t, uitest.DemoSnapshot(false))
			l.typeText(tc.typed)
			if msgs := uitest.Msgs(l.enter()); len(msgs) > 0 {
				t.Fatalf("enter on %q asks %#v", tc.typed, msgs)
			}
			v := l.view(200)
			if l.c.Text() != tc.typed || !strings.HasPrefix(v, "› "+tc.typed) || !strings.Contains(v, "\n✗ ") || !strings.Contains(v, tc.reason) {
				t.Fatalf("enter on %q leaves %q:\n%s", tc.typed, l.c.Text(), v)
			}
			// Typing on clears the reason.
			l.typeText(" ")
			if strings.Contains(l.view(200), "✗") {
				t.Fatalf("the reason stays once the line changes:\n%s", l.view(200))
			}
		})
	}
}

func TestEscClosesTheLineKeepingTheText(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	l := newLine(t, s)
	l.typeText("they 1 23.")
	keep := uitest.As[vocab.KeepDraftMsg](t, l.c.Update(uitest.Key("esc")))
	if l.c.IsOpen() || keep.Key != capture.DraftKey(s.D.Negotiation.ID) || keep.Text != "they 1 23." {
		t.Fatalf("esc leaves the line open %v and keeps %+v", l.c.IsOpen(), keep)
	}
	if l.c.Text() != "they 1 23." {
		t.Fatalf("esc loses the text: %q", l.c.Text())
	}
	// Opened again, the line has it, and esc does not ask to keep it twice.
	l.c.Open()
	if v := l.view(80); !strings.HasPrefix(v, "› they 1 23.") {
		t.Fatalf("the line opens again as:\n%s", v)
	}
	if msgs := uitest.Msgs(l.c.Update(uitest.Key("esc"))); len(msgs) > 0 {
		t.Fatalf("esc on a kept line asks %#v", msgs)
	}
}

func TestAMovePastOurWalkAwayAsksFirst(t *testing.T) {
	for _, private := range []bool{false, true} {
		l := newLine(t, uitest.DemoSnapshot(private))
		l.typeText("we 1 23.50")
		ask := uitest.As[vocab.ConfirmMsg](t, l.enter())
		want := editor.PastWalkAwayQuestion
		if private {
			want = editor.ConfirmMoveQuestion // names no limit to the buyer
		}
		if ask.Question != want || !strings.HasPrefix(ask.Detail, "we List price per case 24.50 → 23.50") {
			t.Fatalf("privacy %v: the line asks %q / %q", private, ask.Question, ask.Detail)
		}
		if l.c.Text() != "we 1 23.50" {
			t.Fatalf("the line does not keep the move while it asks: %q", l.c.Text())
		}
		if no, ok := ask.No.(vocab.StatusMsg); !ok || !strings.HasPrefix(no.Text, "Not logged") {
			t.Fatalf("no delivers %#v", ask.No)
		}
		// Yes comes back to the line, which saves the move.
		save := uitest.As[vocab.SaveMsg](t, l.c.Update(ask.Yes))
		if c := captured(t, save).Capture; c.Kind != model.CaptureConcession || c.By != model.Us || !c.Value.Equal(decimal.RequireFromString("23.50")) {
			t.Fatalf("yes saves %+v", c)
		}
		if l.c.Text() != "" {
			t.Fatalf("after yes the line still holds %q", l.c.Text())
		}
	}
}

func TestTheAnswerOfTheSave(t *testing.T) {
	l := newLine(t, uitest.DemoSnapshot(false))
	l.typeText("! call Marc")
	save := uitest.As[vocab.SaveMsg](t, l.enter())
	l.typeText("they")
	// A refused write puts the line back, before what was typed since.
	if ok, _ := l.c.Saved(vocab.SavedMsg{Origin: save.Origin, Change: save.Change, Err: errors.New("disk full")}); !ok {
		t.Fatal("the line does not take the answer of its own save")
	}
	if v := l.view(80); l.c.Text() != "! call Marc they" || !strings.Contains(v, "✗ not saved: disk full") {
		t.Fatalf("a refused save leaves %q:\n%s", l.c.Text(), v)
	}
	save = uitest.As[vocab.SaveMsg](t, l.c.Update(uitest.Key("enter")))
	if ok, _ := l.c.Saved(vocab.SavedMsg{Origin: save.Origin, Status: save.Status, Change: save.Change}); !ok {
		t.Fatal("the line does not take the answer of its second save")
	}
	if v := l.view(80); !strings.Contains(v, "Saved action ✓") || l.c.Text() != "" {
		t.Fatalf("a save that went through shows:\n%s", v)
	}
	if ok, _ := l.c.Saved(vocab.SavedMsg{Origin: save.Origin + 1000}); ok {
		t.Fatal("the line takes the answer of a save it did not ask for")
	}
}

func TestThePreviewSaysWhatEnterWillDo(t *testing.T) {
	for _, tc := range []struct {
		typed, want string
		private     bool
	}{
		{"", model.CaptureHelp, false},
		{"they 1 23.60", "enter: they List price per case 23.40 → 23.60 EUR/case · gains us 32,210.76 EUR a year · gap 1.10 → 0.90", false}, // the money first
		{"we 5 0.70", "costs us", false},
		{"we 5 0.70", "enter: we Promotional allowance 0.60 → 0.70 EUR/case", true},
		{"! ring Dana #price", "enter: action on List price per case", false},
		{"we 1 30", "enter would refuse: ", false},
		{"budget 1 24", "enter: today's budget on List price per case: 24.00 EUR/case", false},
		// b is off while privacy is on, and so is the budget line (issue 24).
		{"budget 1 24", "enter would refuse: today's budget is hidden while privacy is on", true},
	} {
		l := newLine(t, uitest.DemoSnapshot(tc.private))
		l.typeText(tc.typed)
		under := strings.Split(l.view(300), "\n")[1]
		if !strings.Contains(under, tc.want) {
			t.Fatalf("with %q (privacy %v) the line says %q, want %q", tc.typed, tc.private, under, tc.want)
		}
		if tc.private && strings.Contains(under, "costs us") {
			t.Fatalf("with privacy on the preview tells the money: %q", under)
		}
	}
}

func TestTheDraftIsKeptOnceTypingPauses(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	l := newLine(t, s)
	l.typeText("they 2")
	if len(l.timers) != len("they 2") {
		t.Fatalf("typing 6 keys scheduled %d draft timers", len(l.timers))
	}
	// A timer of an earlier keystroke keeps nothing: typing went on after it.
	if msgs := uitest.Msgs(l.c.Update(l.timers[0](uitest.Now))); len(msgs) > 0 {
		t.Fatalf("a stale timer asks %#v", msgs)
	}
	keep := uitest.As[vocab.KeepDraftMsg](t, l.c.Update(l.timers[len(l.timers)-1](uitest.Now)))
	if keep.Key != capture.DraftKey(s.D.Negotiation.ID) || keep.Text != "they 2" {
		t.Fatalf("the pause keeps %+v", keep)
	}
	if strings.Contains(l.view(80), "✎ kept") {
		t.Fatal("the line says kept before the file has it")
	}
	l.c.Update(vocab.DraftKeptMsg{Key: keep.Key, Text: keep.Text})
	if v := l.view(80); !strings.Contains(v, "✎ kept") || !l.c.Kept() {
		t.Fatalf("the line does not say its text is kept:\n%s", v)
	}
}

func TestADraftComesBackIntoTheLine(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	l := newLine(t, s)
	l.c.Update(uitest.Key("esc"))
	l.c.Update(capture.DraftMsg{NegID: s.D.Negotiation.ID + 1, Text: "another negotiation's"})
	if l.c.IsOpen() || l.c.Text() != "" {
		t.Fatalf("another negotiation's draft comes into the line: %q", l.c.Text())
	}
	l.c.Update(capture.DraftMsg{NegID: s.D.Negotiation.ID, Text: "they 3 2.5 for"})
	if v := l.view(80); !l.c.IsOpen() || l.c.Text() != "they 3 2.5 for" || !strings.Contains(v, "Restored the line you were typing") {
		t.Fatalf("the draft does not come back (open %v):\n%s", l.c.IsOpen(), v)
	}
	e := uitest.As[vocab.ErrorMsg](t, l.c.Update(capture.DraftMsg{Err: errors.New("file locked")}))
	if !strings.Contains(e.Err.Error(), "file locked") {
		t.Fatalf("a draft not read says %v", e.Err)
	}
}

func TestTheLineAtNarrowWidthsAndWithoutANegotiation(t *testing.T) {
	l := newLine(t, uitest.DemoSnapshot(false))
	l.typeText("they 1 23.60 for the volume")
	for _, w := range []int{10, 3, 1, 0} {
		l.view(w)
	}
	if v := l.view(10); !strings.HasPrefix(v, "› ") {
		t.Fatalf("a 10-cell line does not show its prompt:\n%s", v)
	}
	c := capture.New(uitest.Styles(), uitest.Clock, nil, time.Second)
	if c.Open(); c.IsOpen() {
		t.Fatal("the line opens with no negotiation open")
	}
}
