package followup_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/followup"
	"github.com/parley-app/parley/tui/vocab"
)

// newPane is the follow-up pane on s at w×h, on the tests' clock.
func newPane(t *testing.T, s *vocab.Snapshot, w, h int) *followup.Pane {
	return uitest.Place(followup.New(uitest.Clock), s, w, h)
}

func screen(t *testing.T, p *followup.Pane, w, h int) string {
	t.Helper()
	return uitest.PaneScreen(t, p, w, h)
}

// wantMarked fails unless the selected row (the one marked ›) contains row.
func wantMarked(t *testing.T, p *followup.Pane, row string) { t.Helper(); uitest.WantMarked(t, p, row) }

// TestView keeps the demo's checklist, focused, in testdata/TestView: the
// progress, the customer's lines and ours under their headings, the first
// line selected and told in full under them. After a deliberate change,
// read the diff and run `go test ./tui/pane/followup -update`.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPane(t, uitest.DemoSnapshot(false), size[0], size[1])
			golden.RequireEqual(t, []byte(screen(t, p, size[0], size[1])+"\n"))
		})
	}
}

func TestTinyPaneShowsProgressAndALine(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 10, 3)
	s := screen(t, p, 10, 3)
	if !strings.HasPrefix(s, "Progress") || !strings.Contains(uitest.Line(s, "›"), "☐") {
		t.Fatalf("a 10×3 checklist shows neither its progress nor its selected line:\n%s", s)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {3, 10}} {
		p.SetSize(size[0], size[1])
		uitest.Press(t, p, "G", "g", "k")
		uitest.Screen(t, p.View(true), size[0], size[1])
	}
}

func TestEmptyChecklistSaysHowToFillIt(t *testing.T) {
	d := uitest.Demo()
	d.FollowUps = nil
	p := newPane(t, uitest.Snapshot(d, false), 80, 24)
	s := screen(t, p, 80, 24)
	if uitest.Line(s, "Progress 0/0 · no checklist yet") == "" || uitest.Line(s, "Press t to fill it from the retail template") == "" {
		t.Fatalf("an empty checklist does not say how to fill it:\n%s", s)
	}
	// With nothing to replace, t fills it at once.
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("t")))
	if fill, ok := save.Change.(*act.ReplaceFollowUps); !ok || len(fill.Lines) != 13 || fill.NegID != d.Negotiation.ID {
		t.Fatalf("t on an empty checklist writes %#v", save.Change)
	}
	msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("a")))
	if f, ok := msg.Record.(model.FollowUp); msg.Kind != vocab.KindFollowUp || !ok || f.ID != 0 || f.Side != model.CustomerSide {
		t.Fatalf("a on an empty checklist asks %+v", msg)
	}
	uitest.Press(t, p, "enter", "x", "d") // no line to edit, tick or delete
}

func TestListKeysSkipTheHeadings(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	wantMarked(t, p, "☐ buyers") // not the heading above it
	for _, step := range []struct{ key, row string }{
		{"k", "☐ buyers"}, // the heading is no row to stop on
		{"j", "☐ area field controllers"},
		{"G", "☐ marketing specialist"},
		{"g", "☐ buyers"},
	} {
		uitest.Press(t, p, step.key)
		wantMarked(t, p, step.row)
	}
	uitest.Press(t, p, "j", "j", "j", "j", "j")
	wantMarked(t, p, "☐ merchandising")
	uitest.Press(t, p, "down") // over the heading "Internal"
	wantMarked(t, p, "☐ order processors")
	uitest.Press(t, p, "up")
	wantMarked(t, p, "☐ merchandising")
	// The selected line in full under the list.
	if s := screen(t, p, 80, 24); uitest.Line(s, "merchandising and marketing staff — Priya Natarajan") == "" {
		t.Fatalf("the detail does not tell the selected line:\n%s", s)
	}
	if s := uitest.Screen(t, p.View(false), 80, 24); strings.Contains(s, "›") {
		t.Fatalf("an unfocused checklist marks a row:\n%s", s)
	}
}

func TestKeysAskForTheLinesWrites(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	first := s.D.FollowUps[0]
	msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("enter")))
	if f, ok := msg.Record.(model.FollowUp); msg.Kind != vocab.KindFollowUp || !ok || f.ID != first.ID || f.Role != "buyers" {
		t.Fatalf("enter asks %+v, want the buyers' line", msg)
	}
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("x")))
	done := save.Change.(*act.Save[model.FollowUp]).Record
	if done.ID != first.ID || !done.Done || !done.DoneAt.Equal(uitest.Now) || save.Status != "Done: buyers" {
		t.Fatalf("x writes %+v (%q), want the buyers' line done now", done, save.Status)
	}
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("d")))
	if del, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.Delete[model.FollowUp]); !ok || del.ID != first.ID ||
		ask.Question != `Delete the follow-up line "buyers"?` {
		t.Fatalf("d asks %q and writes %#v", ask.Question, ask.Yes)
	}
	ask = uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("t")))
	if fill, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.ReplaceFollowUps); !ok || len(fill.Lines) != 13 ||
		ask.Question != "Replace the checklist with the retail template?" || !strings.HasPrefix(ask.Detail, "Its 13 lines (0 done) give way to 13 new ones") {
		t.Fatalf("t asks %q / %q", ask.Question, ask.Detail)
	}
	// A new line goes on the side of the selected one.
	uitest.Press(t, p, "G")
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("a")))
	if f := msg.Record.(model.FollowUp); f.ID != 0 || f.Side != model.InternalSide {
		t.Fatalf("a on an internal line asks %+v", f)
	}
}

func TestDoneAndOverdueLinesShow(t *testing.T) {
	d := uitest.Demo()
	d.FollowUps[0].Done, d.FollowUps[0].DoneAt = true, uitest.Now
	late := func() time.Time { return time.Date(2026, 12, 21, 9, 0, 0, 0, time.UTC) }
	p := followup.New(late)
	p.SetSize(80, 24)
	p.SetData(uitest.Snapshot(d, false))
	s := screen(t, p, 80, 24)
	for _, want := range []string{"Progress 1/13", "· 1 overdue", "Customer side · 1/6 done", "☑ buyers", "!2026-12-20", "2026-11-25"} {
		if uitest.Line(s, want) == "" {
			t.Fatalf("the checklist lacks %q:\n%s", want, s)
		}
	}
	// x on a done line opens it again.
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("x")))
	if f := save.Change.(*act.Save[model.FollowUp]).Record; f.Done || !f.DoneAt.IsZero() || save.Status != "Open again: buyers" {
		t.Fatalf("x on a done line writes %+v (%q)", f, save.Status)
	}
}

func TestSavedLineIsSelectedWithTheNewData(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	line := s.D.FollowUps[8] // the field sales managers'
	p.Saved(act.SaveFollowUp(s.D.Negotiation.ID, line))
	p.SetData(uitest.DemoSnapshot(false))
	wantMarked(t, p, "☐ "+line.Role)
}

func TestFilterKeepsTheMatchingLines(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	uitest.Press(t, p, "/", "r", "u", "i", "z", "enter")
	s := screen(t, p, 80, 24)
	if p.Typing() || uitest.Line(s, "☐ field sales managers") == "" || uitest.Line(s, "buyers") != "" || uitest.Line(s, "Customer side") != "" {
		t.Fatalf("the filter ruiz shows:\n%s", s)
	}
	uitest.Press(t, p, "/", "esc")
	if s := screen(t, p, 80, 24); uitest.Line(s, "buyers") == "" {
		t.Fatalf("esc does not clear the filter:\n%s", s)
	}
}

func TestPrivacyShowsTheCustomersLinesOnly(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(true), 140, 40)
	s := screen(t, p, 140, 40)
	if uitest.Line(s, "Progress 0/6") == "" || uitest.Line(s, "Internal") != "" || uitest.Line(s, "order processors") != "" {
		t.Fatalf("with privacy on the checklist shows our own lines:\n%s", s)
	}
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("t")))
	if !strings.Contains(ask.Detail, "Its 6 lines (0 done) and the lines privacy hides") {
		t.Fatalf("t with privacy on does not say hidden lines go too: %q", ask.Detail)
	}
}
