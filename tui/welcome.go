package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// welcome is the first screen on a file with no negotiation yet.
type welcome struct {
	m    *Model
	keys struct{ Demo, New, Quit key.Binding }
}

func newWelcome(m *Model) *welcome {
	w := &welcome{m: m}
	w.keys.Demo = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "load the demo negotiation"))
	w.keys.New = key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "create an account and a negotiation"))
	w.keys.Quit = key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit"))
	return w
}

func (w *welcome) update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, w.keys.Demo):
		s, now := w.m.store, w.m.opts.Now()
		w.m.setStatus("Loading the demo…")
		return func() tea.Msg {
			d := model.Demo(now)
			id, err := s.AddDossier(d)
			if err != nil {
				return loadedMsg{err: err}
			}
			return loadCmd(s, id)()
		}
	case key.Matches(msg, w.keys.New):
		w.m.openAccountForm(model.Account{Kind: model.Retail}, true)
	case key.Matches(msg, w.keys.Quit):
		return w.m.quit()
	}
	return nil
}

func (w *welcome) view(width, height int) []string {
	st := w.m.st
	lines := []string{
		st.Bold.Render("Welcome to Parley"),
		"",
		"A workbench for key account negotiations: the agenda with our",
		"opening, target and walk-away, every concession of both sides",
		"meeting by meeting, and the gap closing as you go.",
		"",
		st.Key.Render("d") + "  load the demo: a grocery chain's 2027 annual terms",
		st.Key.Render("a") + "  create your own account and negotiation",
		st.Key.Render("q") + "  quit",
		"",
		st.Dim.Render("Data file: everything stays in one private local file."),
	}
	return ui.Boxed(lines, width, height, st)
}
