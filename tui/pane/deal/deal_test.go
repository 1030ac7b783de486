package deal_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/pane/deal"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// newPane is the Deal pane on s at w×h.
func newPane(t *testing.T, s *vocab.Snapshot, w, h int) *deal.Pane {
	return uitest.Place(deal.New(uitest.Clock), s, w, h)
}

func screen(t *testing.T, p *deal.Pane, w, h int) string {
	t.Helper()
	return uitest.PaneScreen(t, p, w, h)
}

// selectedCell is the row of the cell marked › and the text in it.
func selectedCell(t *testing.T, s string) (row, cell string) {
	t.Helper()
	line := uitest.Line(s, "›")
	i := strings.Index(line, "›")
	if i < 0 {
		t.Fatalf("no cell is marked:\n%s", s)
	}
	rest := []rune(line[i+len("›"):])
	return strings.TrimSpace(line[:i]), strings.TrimSpace(string(rest[:min(11, len(rest))]))
}

// withProposal is the demo with a saved proposal, our offer's values but 24.70
// for the list price, as a's save and the store would leave it.
func withProposal() *model.Dossier {
	d := uitest.Demo()
	values := model.Values{}
	for id, v := range d.Replay().Positions(model.OriginOurs).Values {
		values[id] = v
	}
	values[1] = decimal.RequireFromString("24.70")
	d.Packages = append(d.Packages, model.Package{ID: 1, Name: "Proposal 1", Origin: model.OriginProposal, Values: values})
	return d
}

// TestView keeps the demo's deal, focused, in testdata/TestView: our offer
// and theirs first, the packages side by side with their contribution,
// change and score, the verdicts in words, then our offer's low, expected
// and high, its term, bridge and tornado as bars, and its waterfall.
// After a deliberate change, read the diff and run
// `go test ./tui/pane/deal -update`.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPane(t, uitest.DemoSnapshot(false), size[0], size[1])
			golden.RequireEqual(t, []byte(screen(t, p, size[0], size[1])+"\n"))
		})
	}
}

func TestTinyPaneMarksTheSelectedCell(t *testing.T) {
	p := newPane(t, uitest.Snapshot(withProposal(), false), 10, 3)
	if s := screen(t, p, 10, 3); !strings.Contains(s, "1 List") || !strings.Contains(s, "Contrib") {
		t.Fatalf("a 10×3 deal shows neither an item nor the contribution:\n%s", s)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {3, 10}} {
		p.SetSize(size[0], size[1])
		for _, k := range []string{"l", "l", "l", "l", "l", "j", "enter", "x", "esc", "M"} {
			p.Update(uitest.Key(k))
			uitest.Screen(t, p.View(true), size[0], size[1])
		}
	}
}

func TestArrowsMoveTheSelectedCell(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	for _, step := range []struct{ key, row, cell string }{
		// Ours, theirs, last year, walk-away, target (issue 18, finding 8).
		{"", "1 List price per case", "24.50"},
		{"l", "1 List price per case", "23.40"},
		{"right", "1 List price per case", "23.80"},
		{"j", "2 Payment terms", "45"},
		{"down", "3 Annual growth rebate", "1.5"},
		{"h", "3 Annual growth rebate", "3.0"},
		{"k", "2 Payment terms", "60"},
		{"up", "1 List price per case", "23.40"},
		{"up", "1 List price per case", "23.40"},
		{"left", "1 List price per case", "24.50"},
		{"left", "1 List price per case", "24.50"},
	} {
		if step.key != "" {
			uitest.Press(t, p, step.key)
		}
		row, cell := selectedCell(t, screen(t, p, 80, 24))
		if !strings.HasPrefix(row, step.row) || cell != step.cell {
			t.Fatalf("after %q the selected cell is %q in %q, want %q in %q", step.key, cell, row, step.cell, step.row)
		}
	}
	// Four packages fit 80 cells: moving right brings the target on screen.
	s := screen(t, p, 80, 24)
	if head := strings.Fields(strings.Split(s, "\n")[0]); strings.Join(head, " ") != "Ours Theirs Last year Walk-away" {
		t.Fatalf("the packages shown are %q", head)
	}
	uitest.Press(t, p, "l", "l", "l", "l")
	s = screen(t, p, 80, 24)
	if head := strings.Split(s, "\n")[0]; !strings.Contains(head, "Target") || strings.Contains(head, "Ours") {
		t.Fatalf("moving to the last package does not bring it on screen: %q", head)
	}
	if _, cell := selectedCell(t, s); cell != "24.20" {
		t.Fatalf("the target's list price is %q", cell)
	}
	if s := uitest.Screen(t, p.View(false), 80, 24); strings.Contains(s, "›") {
		t.Fatalf("an unfocused deal marks a cell:\n%s", s)
	}
}

func TestNewProposalFromTheSelectedPackage(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 80, 24)
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("a")))
	pkg := save.Change.(*act.Save[model.Package]).Record
	ours := s.R.Positions(model.OriginOurs)
	if pkg.ID != 0 || pkg.Name != "Proposal 1" || pkg.Origin != model.OriginProposal || len(pkg.Values) != len(ours.Values) ||
		!pkg.Values[1].Equal(ours.Values[1]) {
		t.Fatalf("a on our offer writes %+v, want our offer's values as Proposal 1", pkg)
	}
	// Only proposals change: derived packages follow the agenda and ledger.
	for _, k := range []string{"enter", "d", "t"} {
		if e := uitest.As[vocab.ErrorMsg](t, p.Update(uitest.Key(k))); !strings.Contains(e.Err.Error(), "proposal") {
			t.Fatalf("%s on our offer says %v", k, e.Err)
		}
	}
	if p.Typing() {
		t.Fatal("enter on a derived package opened its cell")
	}
}

func TestEditingAProposalsCell(t *testing.T) {
	d := withProposal()
	p := newPane(t, uitest.Snapshot(d, false), 140, 40)
	uitest.Press(t, p, "l", "l", "l", "l", "l", "enter")
	if _, cell := selectedCell(t, screen(t, p, 140, 40)); !p.Typing() || cell != "24.70" {
		t.Fatalf("enter on Proposal 1 does not open its cell with its value: %q", cell)
	}
	// A value that is not a number stays, with the reason under the table.
	uitest.Press(t, p, "backspace", "backspace", "backspace", "backspace", "backspace", "x", "y")
	if cmd := p.Update(uitest.Key("enter")); cmd != nil || !p.Typing() {
		t.Fatalf("enter on a bad number asks %#v (typing %v)", uitest.Msgs(cmd), p.Typing())
	}
	s := screen(t, p, 140, 40)
	if _, cell := selectedCell(t, s); cell != "xy" || uitest.Line(s, "✗ ") == "" || uitest.Line(s, "esc leaves the cell as it was") == "" {
		t.Fatalf("a bad number does not keep its text with the reason:\n%s", s)
	}
	// A number past our walk-away is warned of, and saved when asked.
	uitest.Press(t, p, "backspace", "backspace", "2", "3")
	if s := screen(t, p, 140, 40); uitest.Line(s, "⚠ past our walk-away 23.60 · enter saves anyway") == "" {
		t.Fatalf("a value past our walk-away is not warned of:\n%s", s)
	}
	uitest.Press(t, p, "backspace", "backspace", "2", "4", ".", "9")
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("enter")))
	pkg := save.Change.(*act.Save[model.Package]).Record
	if pkg.ID != 1 || !pkg.Values[1].Equal(decimal.RequireFromString("24.9")) || !pkg.Values[2].Equal(d.Packages[0].Values[2]) ||
		save.Status != "Saved Proposal 1: List price per case 24.9" || p.Typing() {
		t.Fatalf("enter writes %+v (%q)", pkg, save.Status)
	}
	// esc leaves a cell as it was; an emptied cell drops the item's value.
	uitest.Press(t, p, "enter", "1", "esc")
	if _, cell := selectedCell(t, screen(t, p, 140, 40)); p.Typing() || cell != "24.70" {
		t.Fatalf("esc leaves the cell %q (typing %v)", cell, p.Typing())
	}
	uitest.Press(t, p, "enter", "backspace", "backspace", "backspace", "backspace", "backspace")
	save = uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("enter")))
	if pkg := save.Change.(*act.Save[model.Package]).Record; len(pkg.Values) != len(d.Packages[0].Values)-1 {
		t.Fatalf("an emptied cell writes %v", pkg.Values)
	}
}

func TestDeletingAndTablingAProposal(t *testing.T) {
	d := withProposal()
	p := newPane(t, uitest.Snapshot(d, false), 140, 40)
	uitest.Press(t, p, "l", "l", "l", "l", "l")
	ask := uitest.As[vocab.ConfirmMsg](t, p.Update(uitest.Key("d")))
	if del, ok := ask.Yes.(vocab.SaveMsg).Change.(*act.Delete[model.Package]); !ok || del.ID != 1 || ask.Question != `Delete the proposal "Proposal 1"?` {
		t.Fatalf("d asks %q and writes %#v", ask.Question, ask.Yes)
	}
	if e := uitest.As[vocab.ErrorMsg](t, p.Update(uitest.Key("t"))); !strings.Contains(e.Err.Error(), "start one with m") {
		t.Fatalf("t outside a meeting says %v", e.Err)
	}
	// In a running meeting, t puts the proposal on the table.
	d.Meetings = append(d.Meetings, model.Meeting{ID: 3, Number: 3, Started: uitest.Now.Add(-time.Hour)})
	p.SetData(uitest.Snapshot(d, false))
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("t")))
	pkg := save.Change.(*act.Save[model.Package]).Record
	if pkg.ID != 1 || pkg.TabledMeeting != 3 || !pkg.TabledAt.Equal(uitest.Now) || save.Status != "Tabled Proposal 1 in meeting 3" {
		t.Fatalf("t in meeting 3 writes %+v (%q)", pkg, save.Status)
	}
}

func TestEquivalentOffers(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 140, 40)
	st := uitest.As[vocab.StatusMsg](t, p.Update(uitest.Key("M")))
	if !strings.HasPrefix(st.Text, "3 equivalent offers from Our offer, same annual contribution") {
		t.Fatalf("M says %q", st.Text)
	}
	s := screen(t, p, 140, 40)
	if head := strings.Split(s, "\n")[0]; !strings.Contains(head, "Offer A") || !strings.Contains(head, "Offer C") {
		t.Fatalf("the offers are not shown: %q", head)
	}
	// The selected offer says what it gives and asks (DESIGN 5.8).
	if uitest.Line(s, "gives ") == "" || uitest.Line(s, "asks ") == "" {
		t.Fatalf("the offer does not say what it gives and asks:\n%s", s)
	}
	// The first offer is selected; a saves it as it is, d drops it.
	save := uitest.As[vocab.SaveMsg](t, p.Update(uitest.Key("a")))
	if pkg := save.Change.(*act.Save[model.Package]).Record; pkg.Name != "Offer A" || pkg.Origin != model.OriginMeso {
		t.Fatalf("a on Offer A writes %+v", pkg)
	}
	if st := uitest.As[vocab.StatusMsg](t, p.Update(uitest.Key("d"))); st.Text != "Dropped Offer A" {
		t.Fatalf("d on Offer A says %q", st.Text)
	}
	if head := strings.Split(screen(t, p, 140, 40), "\n")[0]; strings.Contains(head, "Offer A") || !strings.Contains(head, "Offer B") {
		t.Fatalf("d does not drop Offer A alone: %q", head)
	}
}

func TestSavedProposalIsSelectedWithTheNewData(t *testing.T) {
	s := uitest.DemoSnapshot(false)
	p := newPane(t, s, 140, 40)
	d := withProposal()
	p.Saved(act.SavePackage(d.Negotiation.ID, d.Packages[0]))
	p.SetData(uitest.Snapshot(d, false))
	if _, cell := selectedCell(t, screen(t, p, 140, 40)); cell != "24.70" {
		t.Fatalf("the proposal just saved is not selected: its cell reads %q", cell)
	}
}

func TestPrivacyHidesTheDeal(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(true), 140, 40)
	s := screen(t, p, 140, 40)
	if uitest.Line(s, "The deal is internal: hidden while privacy is on") == "" || strings.Contains(s, "Walk-away") || strings.Contains(s, "Contribution") {
		t.Fatalf("with privacy on the deal shows:\n%s", s)
	}
	uitest.Press(t, p, "a", "M", "enter", "d", "t")
}
