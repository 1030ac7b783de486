package sparring

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/model/spar"
	"github.com/parley-app/parley/tui/internal/uitest"
)

// newPage opens the page on the demo with seed 7.
func newPage(t *testing.T) *Page {
	t.Helper()
	p, err := New(uitest.Styles(), uitest.Demo(), 7)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// table types line and presses enter, returning what the page asks.
func table(t *testing.T, p *Page, line string) []any {
	t.Helper()
	for _, k := range uitest.Keys(line) {
		p.Update(k)
	}
	var out []any
	for _, m := range uitest.Msgs(p.Update(uitest.Key("enter"))) {
		out = append(out, m)
	}
	return out
}

func TestPageShowsBothSidesAndTheGap(t *testing.T) {
	p := newPage(t)
	s := uitest.Screen(t, p.View(100, 40), 100, 40)
	for _, want := range []string{"Sparring (a training copy: the negotiation is not touched)",
		"tactic boulware (e = 0.2) · seed 7 · 3 meetings (9 rounds)", "Round 1 of 9 · meeting 1 of 3", "Gap closed", "0%",
		"* no estimate of their walk-away", "0 they 1 22.90, 2 90, 3 4.0, 4 150000, 5 1.50, 6 3, 7 12, 8 99.5", "offer › "} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q:\n%s", want, s)
		}
	}
	// The price row: our opening, theirs, the gap, our walk-away, their estimated walk-away.
	row := strings.Fields(uitest.Line(s, "List price per case"))
	if got := strings.Join(row[len(row)-5:], " "); got != "24.80 22.90 1.90 23.60 24.00" {
		t.Errorf("price row ends %q, want 24.80 22.90 1.90 23.60 24.00", got)
	}
	if got := strings.Fields(uitest.Line(s, "Annual volume"))[len(strings.Fields(uitest.Line(s, "Annual volume")))-1]; got != "200,000*" {
		t.Errorf("volume's their walk-away = %q, want our opening starred", got)
	}
}

// TestPagePlaysAndClosesTheGap: an offer is tabled, the buyer's counter
// shows among the moves and in the agenda, and the gap closes.
func TestPagePlaysAndClosesTheGap(t *testing.T) {
	p := newPage(t)
	if msgs := table(t, p, "1 24.50, 2 45"); len(msgs) != 0 {
		t.Fatalf("a first offer asks %v", msgs)
	}
	s := uitest.Screen(t, p.View(100, 40), 100, 40)
	if !strings.Contains(s, "1 we 1 24.50, 2 45, 3 1.0") || !strings.Contains(s, "1 they 1 22.90") || !strings.Contains(s, "Round 2 of 9") {
		t.Errorf("the moves of round 1 are not shown:\n%s", s)
	}
	if p.Session().GapClosed() <= 0 || strings.Contains(uitest.Line(s, "Gap closed"), " 0%") {
		t.Errorf("the gap did not close: %s", uitest.Line(s, "Gap closed"))
	}
	if row := uitest.Line(s, "List price per case"); !strings.Contains(row, "24.50") {
		t.Errorf("price row %q does not show our 24.50", row)
	}
}

// TestPageKeepsARefusedLine: a line the buyer cannot read says why, keeps
// its text and tables nothing.
func TestPageKeepsARefusedLine(t *testing.T) {
	p := newPage(t)
	table(t, p, "9 1")
	s := uitest.Screen(t, p.View(100, 40), 100, 40)
	if !strings.Contains(s, "is not in play") || !strings.Contains(s, "offer › 9 1") || p.Session().Round() != 0 {
		t.Errorf("refused line: round %d\n%s", p.Session().Round(), s)
	}
}

// TestPageTacticBeforeTheFirstOffer: ctrl+t steps the buyer's tactic only
// while nothing is tabled.
func TestPageTacticBeforeTheFirstOffer(t *testing.T) {
	p := newPage(t)
	p.Update(teaCtrlT())
	p.Update(teaCtrlT())
	if got := p.Session().Config.Tactic; got != spar.Conceder {
		t.Fatalf("two ctrl+t: %v, want conceder", got)
	}
	table(t, p, "1 24.50")
	p.Update(teaCtrlT())
	if got := p.Session().Config.Tactic; got != spar.Conceder || p.Session().Round() != 1 {
		t.Errorf("ctrl+t after an offer changed the session: %v, round %d", got, p.Session().Round())
	}
}

// TestPageDebriefAndStore plays a conceding buyer over the page's three
// meetings down to our walk-aways (accepting its counter at the end if it
// has not taken an offer): the finished session is handed over once, the
// debrief replaces the offer line, and esc then stores nothing twice.
func TestPageDebriefAndStore(t *testing.T) {
	p := newPage(t)
	p.Update(teaCtrlT())
	p.Update(teaCtrlT()) // conceder
	var stored []StoreMsg
	for _, line := range []string{"1 24.50, 2 45, 3 1.5, 5 0.60", "2 60, 6 6, 7 24, 8 97", "1 24.20, 3 2.5, 5 0.90",
		"1 24.00, 4 185000, 8 98", "1 23.80, 3 3.0", "1 23.70, 7 18", "1 23.70, 3 3.0, 7 12", "1 23.60", "accept"} {
		if p.Session().Outcome != spar.Open {
			break
		}
		for _, m := range table(t, p, line) {
			if sm, ok := m.(StoreMsg); ok {
				stored = append(stored, sm)
			}
		}
	}
	if p.Session().Outcome == spar.Open || len(stored) != 1 {
		t.Fatalf("outcome %s, %d sessions handed over; want the session over and handed over once", p.Session().Outcome, len(stored))
	}
	if stored[0].Negotiation != 1 || stored[0].Record.Debrief.Outcome != p.Session().Outcome.String() {
		t.Errorf("handed over %+v", stored[0])
	}
	s := uitest.Screen(t, p.View(120, 40), 120, 40)
	if !strings.Contains(s, "Debrief: ") || !strings.Contains(s, "Our concessions (our score)") || strings.Contains(s, "offer › ") {
		t.Errorf("the debrief is not shown:\n%s", s)
	}
	if msgs := uitest.Msgs(p.Update(uitest.Key("esc"))); len(msgs) != 0 || !p.Done() {
		t.Errorf("esc after the end: %v, done %v; want the page closed and nothing stored twice", msgs, p.Done())
	}
}

// TestPageLeaving: esc before any offer stores nothing; after one, the
// session is stored as stopped.
func TestPageLeaving(t *testing.T) {
	p := newPage(t)
	if msgs := uitest.Msgs(p.Update(uitest.Key("esc"))); len(msgs) != 0 || !p.Done() {
		t.Errorf("esc at once: %v", msgs)
	}
	p = newPage(t)
	table(t, p, "1 24.50")
	sm := uitest.As[StoreMsg](t, p.Update(uitest.Key("esc")))
	if sm.Record.Debrief.Outcome != "no deal: the trainee stopped" || len(sm.Record.Transcript) != 3 {
		t.Errorf("stored %+v", sm.Record.Debrief)
	}
}

// TestPageFitsAnySize: every size down to nothing draws exactly its size.
func TestPageFitsAnySize(t *testing.T) {
	p := newPage(t)
	table(t, p, "1 24.50")
	for _, size := range [][2]int{{80, 24}, {60, 12}, {20, 5}, {1, 1}, {0, 0}} {
		uitest.Screen(t, p.View(size[0], size[1]), size[0], size[1])
	}
}

func teaCtrlT() tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyCtrlT} }

// TestView keeps the page in testdata/TestView at 80×24 and 140×40: after
// the first offer (the agenda, the gap, the moves, the offer line), and at
// the end of the deal of model/spar's TestDemoSessionReachesADeal played
// over the page's three meetings (the debrief). After a deliberate change,
// read the diff and run `go test ./tui/sparring -update`.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d/first-offer", size[0], size[1]), func(t *testing.T) {
			p := newPage(t)
			table(t, p, "1 24.50, 2 45")
			golden.RequireEqual(t, []byte(uitest.Screen(t, p.View(size[0], size[1]), size[0], size[1])+"\n"))
		})
		t.Run(fmt.Sprintf("%dx%d/debrief", size[0], size[1]), func(t *testing.T) {
			p := newPage(t)
			p.Update(teaCtrlT())
			p.Update(teaCtrlT())
			for _, line := range []string{"1 24.50, 2 45, 3 1.5, 5 0.60", "2 60, 6 6, 7 24, 8 97", "1 24.20, 3 2.5, 5 0.90",
				"1 24.00, 4 185000, 8 98", "1 23.80, 3 3.0", "1 23.70, 7 18", "1 23.70, 3 3.0, 7 12", "1 23.60", "accept"} {
				if p.Session().Outcome == spar.Open {
					table(t, p, line)
				}
			}
			golden.RequireEqual(t, []byte(uitest.Screen(t, p.View(size[0], size[1]), size[0], size[1])+"\n"))
		})
	}
}
