package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/ledger"
	"github.com/parley-app/parley/tui/vocab"
)

// newPane is the ledger on s at w×h.
func newPane(t *testing.T, s *vocab.Snapshot, w, h int) *ledger.Pane {
	return uitest.Place(ledger.New(uitest.Clock), s, w, h)
}

func screen(t *testing.T, p *ledger.Pane, w, h int) string {
	t.Helper()
	return uitest.PaneScreen(t, p, w, h)
}

// wantMarked fails unless the selected row (the one marked ›) contains row.
func wantMarked(t *testing.T, p *ledger.Pane, row string) { t.Helper(); uitest.WantMarked(t, p, row) }

// The demo's ledger rows, first to last.
const (
	rowMeeting1 = "Meeting 1 · 2026-11-11"
	rowBetween  = "Between meetings 1 and 2"
	rowMeeting2 = "Meeting 2 · 2026-11-18"
	rowLast     = "#12 we"
	rowOwed     = "#10 we" // each row starts with its number, the one "for #N" takes
)

// TestView keeps the demo's ledger, focused, in testdata/TestView: the
// moves by meeting with their flags, the newest selected and told in full,
// and the chart of the gap closed. After a deliberate change, read the diff
// and run `go test ./tui/pane/ledger -update`.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPane(t, uitest.DemoSnapshot(false), size[0], size[1])
			golden.RequireEqual(t, []byte(screen(t, p, size[0], size[1])+"\n"))
		})
	}
}

func TestTinyPaneShowsTheNewestMoves(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 10, 3)
	s := screen(t, p, 10, 3)
	lines := strings.Split(s, "\n")
	if l := uitest.Line(s, "›"); !strings.HasPrefix(l, "›#12") || !strings.Contains(l, "we") || l != lines[len(lines)-1] {
		t.Fatalf("a 10×3 ledger does not show its newest move selected:\n%s", s)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {3, 10}} {
		p.SetSize(size[0], size[1])
		for _, k := range []string{"g", "v", "i", "v", "F", "F", "i"} {
			uitest.Press(t, p, k)
			uitest.Screen(t, p.View(true), size[0], size[1])
		}
	}
}

func TestListKeysMoveTheSelectedRow(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	wantMarked(t, p, rowLast) // a ledger opens at its newest move
	for _, step := range []struct{ key, row string }{
		{"k", "#11 they"},
		{"up", rowOwed},
		{"G", rowLast},
		{"j", rowLast},
		{"g", rowMeeting1},
		{"down", "#1 they SKUs listed"},
	} {
		uitest.Press(t, p, step.key)
		wantMarked(t, p, step.row)
	}
	// The detail under the list tells the selected move in full.
	// Money first after the move; the rest on the lines after it.
	if s := screen(t, p, 80, 24); uitest.Line(s, "they · SKUs listed, Crunch Oat range · 3 → 5 SKUs") == "" ||
		uitest.Line(s, "gains us 76,000.00 EUR a year · for payment at 45 days · moved 2") == "" {
		t.Fatalf("the detail does not tell the selected move:\n%s", s)
	}
	if s := uitest.Screen(t, p.View(false), 80, 24); strings.Contains(s, "›") {
		t.Fatalf("an unfocused ledger marks a row:\n%s", s)
	}
}

func TestEditAsksForTheFormOfTheSelectedRow(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("enter")))
	if c, ok := msg.Record.(model.Concession); msg.Kind != vocab.KindConcession || !ok || c.ID != 12 || !c.To.Equal(s.D.Ledger[11].To) {
		t.Fatalf("enter on the newest move asks %+v", msg)
	}
	uitest.Press(t, p, "g")
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("e")))
	if mt, ok := msg.Record.(model.Meeting); msg.Kind != vocab.KindMeeting || !ok || mt.Number != 1 {
		t.Fatalf("e on meeting 1 asks %+v", msg)
	}
	for range 6 {
		uitest.Press(t, p, "j")
	}
	wantMarked(t, p, rowBetween)
	if st := uitest.As[vocab.StatusMsg](t, p.Update(uitest.Key("e"))); !strings.Contains(st.Text, "outside meetings") {
		t.Fatalf("e on the moves between meetings says %q", st.Text)
	}
	// a logs a new move on the selected move's item.
	uitest.Press(t, p, "j")
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("a")))
	if c, ok := msg.Record.(model.Concession); msg.Kind != vocab.KindConcession || !ok || c.ID != 0 || c.ItemID != 2 {
		t.Fatalf("a on a payment-terms move asks %+v, want a new concession on payment terms", msg)
	}
}

func TestDeleteAsksFirstAndKeepsMeetings(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	uitest.Press(t, p, "g", "j", "j") // we Payment terms 30 → 45, which they traded against
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("d")))
	if ask.Question != "Delete the concession we Payment terms 30 → 45 days?" {
		t.Fatalf("d asks %q", ask.Question)
	}
	save := ask.Yes.(vocab.SaveMsg)
	if del, ok := save.Change.(*act.Delete[model.Concession]); !ok || del.ID != 2 || del.NegID != s.D.Negotiation.ID {
		t.Fatalf("yes writes %#v, want concession 2 deleted", save.Change)
	}
	uitest.Press(t, p, "g")
	if e := uitest.As[vocab.ErrorMsg](t, p.Update(uitest.Key("d"))); !strings.Contains(e.Err.Error(), "meetings are kept") {
		t.Fatalf("d on a meeting says %v", e.Err)
	}
}

func TestMinutesOfTheSelectedMeeting(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	for _, step := range []struct {
		keys    []string
		row     string
		meeting int
	}{
		{nil, rowLast, 2},
		{[]string{"g"}, rowMeeting1, 1},
		{[]string{"j", "j", "j", "j", "j", "j"}, rowBetween, 2}, // moves between meetings count toward the next
	} {
		uitest.Press(t, p, step.keys...)
		wantMarked(t, p, step.row)
		if m := uitest.As[vocab.MinutesMsg](t, p.Update(uitest.Key("M"))); m.Meeting != step.meeting {
			t.Fatalf("M on %q asks the minutes of meeting %d, want %d", step.row, m.Meeting, step.meeting)
		}
	}
}

func TestClearingAnOwedTradeBack(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	if st := uitest.As[vocab.StatusMsg](t, p.Update(uitest.Key("x"))); !strings.Contains(st.Text, "owes nothing") {
		t.Fatalf("x on a move that owes nothing says %q", st.Text)
	}
	uitest.Press(t, p, "k", "k")
	wantMarked(t, p, rowOwed)
	if sc := screen(t, p, 80, 24); !strings.Contains(uitest.Line(sc, "›"), "owed") || uitest.Line(sc, "owed #10: costs us") == "" {
		t.Fatalf("the owed move is not marked owed with its money:\n%s", sc)
	}
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("x")))
	clear, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.ClearOwed)
	if !ok || clear.ConcessionID != 10 || !clear.At.Equal(uitest.Now) || !strings.Contains(ask.Question, "Annual growth rebate 1.0 → 1.75") {
		t.Fatalf("x asks %q and writes %#v", ask.Question, ask.Yes)
	}
}

func TestChartAndForecastFillThePane(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	uitest.Press(t, p, "v")
	s := screen(t, p, 80, 24)
	if p.Title() != "Ledger · chart" || uitest.Line(s, "v back to the ledger") == "" || uitest.Line(s, "Meeting 2 ") == "" {
		t.Fatalf("v shows %q:\n%s", p.Title(), s)
	}
	uitest.Press(t, p, "j", "d", "v", "F") // the chart has no rows to act on
	s = screen(t, p, 80, 24)
	if p.Title() != "Ledger · forecast" || uitest.Line(s, "Landing forecast") == "" || uitest.Line(s, "F back to the ledger") == "" {
		t.Fatalf("F shows %q:\n%s", p.Title(), s)
	}
	uitest.Press(t, p, "F")
	wantMarked(t, p, rowLast)
}

func TestFilterKeepsTheMatchingMoves(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	uitest.Press(t, p, "/", "r", "e", "b", "a", "t", "e")
	if !p.Typing() {
		t.Fatal("the filter does not have the keys")
	}
	uitest.Press(t, p, "enter")
	s := screen(t, p, 80, 24)
	if p.Typing() || p.Title() != "Ledger · /rebate" || uitest.Line(s, "Payment terms") != "" ||
		strings.Count(s, "Annual growth r") < 2 || uitest.Line(s, rowBetween) != "" {
		t.Fatalf("the filter rebate shows %q:\n%s", p.Title(), s)
	}
	uitest.Press(t, p, "/", "esc")
	if s := screen(t, p, 80, 24); p.Title() != "Ledger" || uitest.Line(s, "Payment terms") == "" {
		t.Fatalf("esc does not clear the filter:\n%s", s)
	}
}

func TestPrivacyHidesFlagsOwedAndForecast(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(true), 140, 40)
	s := screen(t, p, 140, 40)
	for _, hidden := range []string{"⚠", "owed", "reciprocity", "costs us", "Given to keep the mood"} {
		if strings.Contains(s, hidden) {
			t.Fatalf("with privacy on the ledger shows %q:\n%s", hidden, s)
		}
	}
	uitest.Press(t, p, "F", "x")
	if p.Title() != "Ledger" {
		t.Fatalf("F opens %q with privacy on", p.Title())
	}
}

// Every row of the ledger starts with its move's number, the one "for #N"
// takes, at every width the pane is drawn (issue 18, finding 6).
func TestEveryRowShowsItsMoveNumber(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	for _, w := range []int{12, 30, 55, 56, 80, 100, 140, 220} {
		p := newPane(t, s, w, 40)
		sc := screen(t, p, w, 40)
		for _, mv := range s.R.Moves {
			want := fmt.Sprintf("#%d ", mv.Number)
			found := false
			for _, l := range strings.Split(sc, "\n") {
				if strings.HasPrefix(strings.TrimLeft(l, " ›"), want) {
					found = true
				}
			}
			if !found {
				t.Errorf("at %d columns no row starts with %q:\n%s", w, want, sc)
			}
		}
	}
}

// TestAContractMoveIsNotCalledWorthNothing: a move on the contract's length
// leaves a year's contribution as it is; the detail says where its worth
// is rather than "gains us 0.00 a year".
func TestAContractMoveIsNotCalledWorthNothing(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 140, 40)
	for i := 0; i < 40; i++ {
		if strings.Contains(screen(t, p, 140, 40), "· Contract length ·") {
			break
		}
		uitest.Press(t, p, "k")
	}
	out := screen(t, p, 140, 40)
	if !strings.Contains(out, "· Contract length ·") {
		t.Fatalf("never selected the move on the contract's length:\n%s", out)
	}
	if strings.Contains(out, "gains us 0.00") || !strings.Contains(out, "changes the term") {
		t.Fatalf("a contract move's detail:\n%s", out)
	}
}
