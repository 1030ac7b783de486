package calc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/calc"
	"github.com/parley-app/parley/tui/vocab"
)

// newPane is the calculator on s at w×h.
func newPane(t *testing.T, s *vocab.Snapshot, w, h int) *calc.Pane {
	return uitest.Place(calc.New(), s, w, h)
}

func screen(t *testing.T, p *calc.Pane, w, h int) string {
	t.Helper()
	return uitest.PaneScreen(t, p, w, h)
}

// The demo's two scenarios as their rows read when selected.
const (
	rowCategory = "›★ Crunch Oat listing, 6 SKUs"
	rowProfit   = "› 2027 package at target"
)

// TestView keeps the demo's calculator, focused, in testdata/TestView: the
// two scenarios, the category impact marked ★ selected, and its figures,
// verdict and product lines. After a deliberate change, read the diff and
// run `go test ./tui/pane/calc -update`.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPane(t, uitest.DemoSnapshot(false), size[0], size[1])
			golden.RequireEqual(t, []byte(screen(t, p, size[0], size[1])+"\n"))
		})
	}
}

func TestTinyPaneShowsTheScenarios(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 10, 3)
	s := screen(t, p, 10, 3)
	if !strings.Contains(uitest.Line(s, "›"), "Crunc") || uitest.Line(s, "2027") == "" {
		t.Fatalf("a 10×3 calculator does not list its scenarios:\n%s", s)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {3, 10}} {
		p.SetSize(size[0], size[1])
		uitest.Press(t, p, "J", "j", "J", "K", "g")
		uitest.Screen(t, p.View(true), size[0], size[1])
	}
}

func TestSelectingAScenarioShowsItsFigures(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	s := screen(t, p, 80, 24)
	if uitest.Line(s, rowCategory) == "" || uitest.Line(s, "Category impact: the buyer's view") == "" {
		t.Fatalf("the category impact is not selected first:\n%s", s)
	}
	uitest.Press(t, p, "j")
	s = screen(t, p, 80, 24)
	if uitest.Line(s, rowProfit) == "" || uitest.Line(s, "Our profitability: the supplier's view") == "" ||
		uitest.Line(s, "Pocket price") == "" || uitest.Line(s, "Gross new sales") != "" {
		t.Fatalf("j does not show the profitability:\n%s", s)
	}
	uitest.Press(t, p, "k")
	if s := screen(t, p, 80, 24); uitest.Line(s, rowCategory) == "" {
		t.Fatalf("k does not go back to the category impact:\n%s", s)
	}
	if s := uitest.Screen(t, p.View(false), 80, 24); strings.Contains(s, "›") {
		t.Fatalf("an unfocused calculator marks a row:\n%s", s)
	}
}

func TestScrollingTheFigures(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 12)
	s := screen(t, p, 80, 12)
	rule := uitest.Line(s, "pgup/pgdn")
	if !strings.Contains(rule, " 1–9 of ") {
		t.Fatalf("a short pane does not say which figures show: %q\n%s", rule, s)
	}
	uitest.Press(t, p, "J")
	s = screen(t, p, 80, 12)
	if rule := uitest.Line(s, "pgup/pgdn"); !strings.Contains(rule, " 9–17 of ") || uitest.Line(s, "Gross new sales") != "" {
		t.Fatalf("J does not scroll the figures a page: %q\n%s", rule, s)
	}
	uitest.Press(t, p, "pgup")
	if rule := uitest.Line(screen(t, p, 80, 12), "pgup/pgdn"); !strings.Contains(rule, " 1–9 of ") {
		t.Fatalf("pgup does not scroll back: %q", rule)
	}
}

func TestKeysAskForTheScenariosWrites(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	msg := uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("a")))
	if msg.Kind != vocab.KindScenario || msg.Record != nil {
		t.Fatalf("a asks %+v, want a new scenario of a kind to choose", msg)
	}
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("enter")))
	if sc, ok := msg.Record.(model.Scenario); msg.Kind != vocab.KindCategory || !ok || sc.ID != 1 {
		t.Fatalf("enter on the category impact asks %+v", msg)
	}
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("l")))
	if line, ok := msg.Record.(editor.ScenarioLine); msg.Kind != vocab.KindCategory || !ok || line.Scenario.ID != 1 {
		t.Fatalf("l asks %+v, want a new line of the category impact", msg)
	}
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("b")))
	if sc := save.Change.(*act.Save[model.Scenario]).Record; sc.ID != 1 || sc.ForBuyer || len(sc.Impact.Lines) != 6 ||
		!strings.HasPrefix(save.Status, "No longer marked") {
		t.Fatalf("b on the ★ scenario writes %+v (%q)", sc, save.Status)
	}
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("d")))
	if del, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.Delete[model.Scenario]); !ok || del.ID != 1 ||
		ask.Question != `Delete the scenario "Crunch Oat listing, 6 SKUs"?` || !strings.HasPrefix(ask.Detail, "Its 6 product lines go") {
		t.Fatalf("d asks %q / %q and writes %#v", ask.Question, ask.Detail, ask.Yes)
	}
	// The profitability has no lines and is never shown to the buyer.
	uitest.Press(t, p, "j")
	msg = uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("e")))
	if sc, ok := msg.Record.(model.Scenario); msg.Kind != vocab.KindProfit || !ok || sc.ID != 2 {
		t.Fatalf("e on the profitability asks %+v", msg)
	}
	for _, k := range []string{"l", "b"} {
		if e := uitest.As[vocab.ErrorMsg](t, p.Update(uitest.Key(k))); !strings.Contains(e.Err.Error(), "is our profitability") {
			t.Fatalf("%s on the profitability says %v", k, e.Err)
		}
	}
}

func TestSavedScenarioIsSelectedWithTheNewData(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	p.Saved(act.SaveScenario(s.D.Negotiation.ID, s.D.Scenarios[1]))
	p.SetData(uitest.DemoSnapshot(false))
	if s := screen(t, p, 80, 24); uitest.Line(s, rowProfit) == "" {
		t.Fatalf("the scenario just saved is not selected:\n%s", s)
	}
}

func TestNoScenarioSaysHowToAddOne(t *testing.T) {
	d := uitest.Demo()
	d.Scenarios = nil
	p := newPane(t, uitest.Snapshot(d, false), 80, 24)
	if s := screen(t, p, 80, 24); uitest.Line(s, "No scenarios yet.") == "" || uitest.Line(s, "Press a to add one") == "" {
		t.Fatalf("an empty calculator does not say how to add a scenario:\n%s", s)
	}
	uitest.As[vocab.EditMsg](t, p.Update(uitest.Key("a")))
	uitest.Press(t, p, "enter", "d", "b", "l")
}

func TestPrivacyShowsTheBuyersScenarioOnly(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(true), 140, 40)
	s := screen(t, p, 140, 40)
	if uitest.Line(s, rowCategory) == "" || strings.Contains(s, "2027 package at target") || strings.Contains(s, "profitability") {
		t.Fatalf("with privacy on the calculator shows our profitability:\n%s", s)
	}
	d := uitest.Demo()
	d.Scenarios[0].ForBuyer = false
	p.SetData(uitest.Snapshot(d, true))
	if s := screen(t, p, 140, 40); uitest.Line(s, "No scenario to show while privacy is on") == "" || strings.Contains(s, "Crunch Oat") {
		t.Fatalf("with privacy on and nothing marked ★ the calculator shows:\n%s", s)
	}
}
