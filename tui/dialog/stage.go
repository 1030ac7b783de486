package dialog

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Stage moves the negotiation through its stages and lists each stage's
// outcome checks, those the privacy rule shows.
type Stage struct {
	d      *model.Dossier
	priv   model.Privacy
	sel    ui.Selection
	checks map[model.Stage][]model.Check // worked out once per stage shown (bargain replays the ledger)
	done   bool
	st     *ui.Styles
	keys   struct{ Set, Close key.Binding }
	list   ui.ListKeys
}

// NewStage opens on the negotiation's stage.
func NewStage(st *ui.Styles, d *model.Dossier, priv model.Privacy) *Stage {
	s := &Stage{d: d, priv: priv, st: st, list: ui.NewListKeys(), checks: map[model.Stage][]model.Check{}}
	s.keys.Set = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "move to this stage"))
	s.keys.Close = key.NewBinding(key.WithKeys("esc", "s", "q"), key.WithHelp("esc", "close"))
	s.sel.SetHeight(len(model.Stages))
	s.sel.SetN(len(model.Stages))
	s.sel.MoveTo(d.Negotiation.Stage.Index())
	return s
}

// Update moves the cursor, or saves the chosen stage.
func (s *Stage) Update(msg tea.KeyMsg) tea.Cmd {
	if s.sel.Update(msg, s.list) {
		return nil
	}
	switch {
	case key.Matches(msg, s.keys.Close):
		s.done = true
	case key.Matches(msg, s.keys.Set):
		s.done = true
		stage := model.Stages[s.sel.Pos]
		n := s.d.Negotiation
		if n.Stage == stage {
			return nil
		}
		n.Stage = stage
		return vocab.Cmd(vocab.SaveMsg{Status: "Stage: " + string(stage), Change: &act.SaveNegotiation{Negotiation: n}})
	}
	return nil
}

// Done reports whether the dialog was closed.
func (s *Stage) Done() bool { return s.done }

// ShortHelp is empty: the box shows its keys.
func (s *Stage) ShortHelp() []key.Binding { return nil }

// View lists the stages and the chosen one's checks.
func (s *Stage) View(w, h int) []string {
	st, d := s.st, s.d
	lines := []string{st.Bold.Render("Stage"), ""}
	for i, stage := range model.Stages {
		marker := "  "
		if stage == d.Negotiation.Stage {
			marker = st.Accent.Render("● ")
		}
		purpose := stage.Purpose()
		if !s.priv.Part(model.PartStageCoaching) {
			purpose = "" // our coaching to ourselves: the redacted brief leaves it out too
		}
		text := fmt.Sprintf(" %d %-10s %s", i+1, stage, st.Dim.Render(purpose))
		if i == s.sel.Pos { // marked without colour too
			text = st.Selected.Render(fmt.Sprintf("%s%d %-10s", ui.SelectionMark, i+1, stage)) + " " + st.Dim.Render(purpose)
		}
		lines = append(lines, marker+text)
	}
	chosen := model.Stages[s.sel.Pos]
	lines = append(lines, "", st.Bold.Render("Outcomes of "+string(chosen)))
	checks, ok := s.checks[chosen]
	if !ok {
		checks = d.Checks(chosen)
		s.checks[chosen] = checks
	}
	hidden := 0
	for _, c := range checks {
		switch {
		case !s.priv.Check(c):
			hidden++
		case c.OK:
			lines = append(lines, st.Good.Render("  ✓ ")+c.Label)
		default:
			lines = append(lines, st.Bad.Render("  ✗ ")+c.Label+st.Dim.Render(" — "+c.Detail))
		}
	}
	if hidden > 0 {
		lines = append(lines, st.Dim.Render(fmt.Sprintf("  %d %s hidden while privacy is on", hidden, ui.Plural(hidden, "check", "checks"))))
	}
	lines = append(lines, "", st.Dim.Render("↑↓ choose · enter move to it · esc close"))
	return ui.Boxed(lines, w, h, st)
}
