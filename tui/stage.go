package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// stageDialog moves the negotiation through its stages and lists each
// stage's outcome checks.
type stageDialog struct {
	m      *Model
	sel    ui.Selection
	checks map[model.Stage][]model.Check // worked out once per stage shown (bargain replays the ledger)
	keys   struct{ Set, Close key.Binding }
	list   ui.ListKeys
}

func newStageDialog(m *Model) *stageDialog {
	if m.snap == nil {
		return nil
	}
	s := &stageDialog{m: m, list: ui.NewListKeys(), checks: map[model.Stage][]model.Check{}}
	s.keys.Set = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "move to this stage"))
	s.keys.Close = key.NewBinding(key.WithKeys("esc", "s", "q"), key.WithHelp("esc", "close"))
	s.sel.SetHeight(len(model.Stages))
	s.sel.SetN(len(model.Stages))
	s.sel.MoveTo(m.snap.d.Negotiation.Stage.Index())
	return s
}

func (s *stageDialog) update(msg tea.KeyMsg) tea.Cmd {
	m := s.m
	if s.sel.Update(msg, s.list) {
		return nil
	}
	switch {
	case key.Matches(msg, s.keys.Close):
		m.stage = nil
	case key.Matches(msg, s.keys.Set):
		m.stage = nil
		stage := model.Stages[s.sel.Pos]
		n := m.snap.d.Negotiation
		if n.Stage == stage {
			return nil
		}
		n.Stage = stage
		save := m.saveNegotiationCmd(n, "Stage: "+string(stage))
		if (stage == model.StageAgree || stage == model.StageFollowUp) && len(m.snap.d.FollowUps) == 0 {
			return tea.Batch(save, m.offerFollowUps())
		}
		return save
	}
	return nil
}

// saveNegotiationCmd writes the open negotiation's own record.
func (m *Model) saveNegotiationCmd(n model.Negotiation, status string) tea.Cmd {
	return writeCmd(m.store, 0, status, func(s Store) (func(*model.Dossier), error) {
		if err := s.SaveNegotiation(&n); err != nil {
			return nil, err
		}
		return func(d *model.Dossier) { d.Negotiation = n }, nil
	})
}

func (s *stageDialog) view(w, h int) []string {
	st, d := s.m.st, s.m.snap.d
	lines := []string{st.Bold.Render("Stage"), ""}
	for i, stage := range model.Stages {
		marker := "  "
		if stage == d.Negotiation.Stage {
			marker = st.Accent.Render("● ")
		}
		text := fmt.Sprintf("%d %-10s %s", i+1, stage, st.Dim.Render(stage.Purpose()))
		if i == s.sel.Pos {
			text = st.Selected.Render(fmt.Sprintf("%d %-10s", i+1, stage)) + " " + st.Dim.Render(stage.Purpose())
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
	for _, c := range checks {
		if c.OK {
			lines = append(lines, st.Good.Render("  ✓ ")+c.Label)
		} else {
			lines = append(lines, st.Bad.Render("  ✗ ")+c.Label+st.Dim.Render(" — "+c.Detail))
		}
	}
	lines = append(lines, "", st.Dim.Render("↑↓ choose · enter move to it · esc close"))
	return ui.Boxed(lines, w, h, st)
}
