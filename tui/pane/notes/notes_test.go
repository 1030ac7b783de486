package notes_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/notes"
	"github.com/parley-app/parley/tui/vocab"
)

// newPane is the notes pane on s at w×h.
func newPane(t *testing.T, s *vocab.Snapshot, w, h int) *notes.Pane {
	return uitest.Place(notes.New(uitest.Clock), s, w, h)
}

func screen(t *testing.T, p *notes.Pane, w, h int) string {
	t.Helper()
	return uitest.PaneScreen(t, p, w, h)
}

// wantMarked fails unless the selected row (the one marked ›) contains row.
func wantMarked(t *testing.T, p *notes.Pane, row string) { t.Helper(); uitest.WantMarked(t, p, row) }

// The demo's notes the tests select, and their IDs.
const (
	rowQuestion   = "15:40 ?+ Promotional all" // open, the newest: selected at first; shared (+)
	rowAction     = "15:35 ☐+ SKUs listed"     // open, shared
	rowDoneAction = "10:55 ☑ "                 // internal: no mark (a selected row loses a blank)
	rowNote       = "14:41 · "
	rowMeeting2   = "Meeting 2 · 2026-11-18"
)

// TestView keeps the demo's notes, focused, in testdata/TestView: notes,
// actions and questions by meeting, the newest selected and shown in full
// under them. After a deliberate change, read the diff and run
// `go test ./tui/pane/notes -update`.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPane(t, uitest.DemoSnapshot(false), size[0], size[1])
			golden.RequireEqual(t, []byte(screen(t, p, size[0], size[1])+"\n"))
		})
	}
}

func TestTinyPaneShowsTheNewestNotes(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 10, 3)
	s := screen(t, p, 10, 3)
	if l := uitest.Line(s, "›"); !strings.Contains(l, "15:40 ?") {
		t.Fatalf("a 10×3 notes pane does not show its newest note selected:\n%s", s)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {3, 10}} {
		p.SetSize(size[0], size[1])
		for _, k := range []string{"g", "f", "f", "f", "f", "f", "G"} {
			p.Update(uitest.Key(k))
			uitest.Screen(t, p.View(true), size[0], size[1])
		}
	}
}

func TestListKeysMoveTheSelectedRow(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	wantMarked(t, p, rowQuestion) // the stream opens at its newest note
	for _, step := range []struct{ key, row string }{
		{"k", rowAction},
		{"up", rowNote},
		{"k", rowMeeting2},
		{"end", rowQuestion},
		{"home", "Before meeting 1"},
		{"j", "11-09 · "},
	} {
		uitest.Press(t, p, step.key)
		wantMarked(t, p, step.row)
	}
	// The selected note in full under the list, wrapped rather than cut.
	if s := screen(t, p, 80, 24); uitest.Line(s, "she sees the whole aisle now, not just") == "" || uitest.Line(s, "biscuits.") == "" {
		t.Fatalf("the detail does not show the selected note in full:\n%s", s)
	}
	if s := uitest.Screen(t, p.View(false), 80, 24); strings.Contains(s, "›") {
		t.Fatalf("an unfocused notes pane marks a row:\n%s", s)
	}
}

func TestAddOpensTheCaptureLineAndEditTheForm(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	uitest.As[vocab.CaptureMsg](t, p.Update(uitest.Key("a")))
	msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("enter")))
	if n, ok := msg.Record.(model.Note); msg.Kind != vocab.KindNote || !ok || n.ID != 10 || n.Text != s.D.Notes[9].Text {
		t.Fatalf("enter on the newest question asks %+v", msg)
	}
	uitest.Press(t, p, "k", "k", "k")
	wantMarked(t, p, rowMeeting2)
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("e")))
	if mt, ok := msg.Record.(model.Meeting); msg.Kind != vocab.KindMeeting || !ok || mt.Number != 2 {
		t.Fatalf("e on meeting 2 asks %+v", msg)
	}
	uitest.Press(t, p, "g", "e", "d", "x", "A") // the notes made outside meetings: nothing to edit or delete
}

func TestDeleteAsksFirst(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("d")))
	if ask.Question != "Delete this question?" || ask.Detail != "Can they commit to two leaflet weeks in Q2? #promo" {
		t.Fatalf("d asks %q / %q", ask.Question, ask.Detail)
	}
	if del, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.Delete[model.Note]); !ok || del.ID != 10 || del.NegID != s.D.Negotiation.ID {
		t.Fatalf("yes writes %#v, want note 10 deleted", ask.Yes)
	}
}

func TestDoneMarksAnActionAndAnswerOpensTheQuestion(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	if e := uitest.As[vocab.ErrorMsg](t, p.Update(uitest.Key("x"))); !strings.Contains(e.Err.Error(), "this is a question") {
		t.Fatalf("x on a question says %v", e.Err)
	}
	for _, k := range []string{"A", "r"} {
		msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key(k)))
		if n, ok := msg.Record.(model.Note); msg.Kind != vocab.KindAnswer || !ok || n.ID != 10 {
			t.Fatalf("%s on the open question asks %+v", k, msg)
		}
	}
	uitest.Press(t, p, "k")
	wantMarked(t, p, rowAction)
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("x")))
	n := save.Change.(*act.Save[model.Note]).Record
	if n.ID != 9 || !n.Done || !n.DoneAt.Equal(uitest.Now) || save.Status != "Done: "+n.Text {
		t.Fatalf("x on an open action writes %+v (%q)", n, save.Status)
	}
	if e := uitest.As[vocab.ErrorMsg](t, p.Update(uitest.Key("A"))); !strings.Contains(e.Err.Error(), "only a question") {
		t.Fatalf("A on an action says %v", e.Err)
	}
	uitest.Press(t, p, "g")
	for range 7 {
		uitest.Press(t, p, "j")
	}
	wantMarked(t, p, rowDoneAction)
	save = uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("x")))
	if n := save.Change.(*act.Save[model.Note]).Record; n.ID != 6 || n.Done || !n.DoneAt.IsZero() || !strings.HasPrefix(save.Status, "Not done: ") {
		t.Fatalf("x on a done action writes %+v (%q)", n, save.Status)
	}
}

func TestShowCyclesTheKinds(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	for _, step := range []struct {
		show       string
		want, lack []string
	}{
		{"notes", []string{"Dana took over"}, []string{"☐", "☑", "?", "✓"}},
		{"actions", []string{"☐", "☑"}, []string{"Dana took over", "? ", "✓"}},
		{"questions", []string{"? ", "✓"}, []string{"☐", "☑", "Dana took over"}},
		{"open only", []string{rowAction, "15:40 ?+ "}, []string{"☑", "✓", "Dana took over", "Meeting 1"}},
		{"all", []string{"☐", "☑", "✓", "Dana took over"}, nil},
	} {
		st := uitest.As[vocab.StatusMsg](t, p.Update(uitest.Key("f")))
		s := screen(t, p, 80, 24)
		list := strings.Join(strings.Split(s, "\n")[:21], "\n") // the rows, above the detail's three lines
		if st.Text != "Notes: showing "+step.show {
			t.Fatalf("f says %q, want showing %s", st.Text, step.show)
		}
		for _, w := range step.want {
			if !strings.Contains(list, w) {
				t.Fatalf("showing %s lacks %q:\n%s", step.show, w, s)
			}
		}
		for _, l := range step.lack {
			if strings.Contains(list, l) {
				t.Fatalf("showing %s shows %q:\n%s", step.show, l, s)
			}
		}
	}
}

func TestFilterKeepsTheMatchingNotes(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	uitest.Press(t, p, "/", "l", "e", "a", "f", "l", "e", "t", "enter")
	s := screen(t, p, 80, 24)
	if p.Typing() || p.Title() != "Notes · /leaflet" || uitest.Line(s, rowQuestion) == "" || uitest.Line(s, "Dana took over") != "" {
		t.Fatalf("the filter leaflet shows %q:\n%s", p.Title(), s)
	}
	uitest.Press(t, p, "/", "x", "y", "z", "enter")
	if s := screen(t, p, 80, 24); uitest.Line(s, "Nothing matches") == "" {
		t.Fatalf("a filter nothing matches does not say so:\n%s", s)
	}
	uitest.Press(t, p, "/", "esc")
	if s := screen(t, p, 80, 24); p.Title() != "Notes" || uitest.Line(s, "Dana took over") == "" {
		t.Fatalf("esc does not clear the filter:\n%s", s)
	}
}

func TestPrivacyHidesPlainNotesAndSummaries(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(true), 140, 40)
	s := screen(t, p, 140, 40)
	for _, hidden := range []string{"Dana took over", "Own-label oat biscuits", "Summary:", "They want 90 days"} {
		if strings.Contains(s, hidden) {
			t.Fatalf("with privacy on the notes show %q:\n%s", hidden, s)
		}
	}
	if uitest.Line(s, "Can they commit to two leaflet weeks") == "" || uitest.Line(s, "Send the revised category impact") == "" {
		t.Fatalf("with privacy on the actions and questions go too:\n%s", s)
	}
}

// Issue 18, finding 2: one key shares a line with the buyer or makes it
// internal again; a shared line shows its mark.
func TestPlusSharesALine(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	uitest.Press(t, p, "g")
	for range 7 {
		uitest.Press(t, p, "j")
	}
	wantMarked(t, p, rowDoneAction) // Lena's errand: internal
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("+")))
	if n := save.Change.(*act.Save[model.Note]).Record; n.ID != 6 || !n.Shared || n.Text != "Lena: pull our on-time-in-full history for Q3 #service" ||
		!strings.HasPrefix(save.Status, "Shared with the buyer") {
		t.Fatalf("+ on an internal action writes %+v (%q)", n, save.Status)
	}
	uitest.Press(t, p, "G")
	wantMarked(t, p, rowQuestion)
	save = uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("+")))
	if n := save.Change.(*act.Save[model.Note]).Record; n.ID != 10 || n.Shared || !strings.HasPrefix(save.Status, "Internal again") {
		t.Fatalf("+ on a shared question writes %+v (%q)", n, save.Status)
	}
	if sc := screen(t, p, 80, 24); !strings.Contains(sc, "meeting 2 · shared ·") {
		t.Fatalf("the detail does not say the line is shared:\n%s", sc)
	}
}
