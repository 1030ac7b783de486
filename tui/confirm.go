package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
)

// confirmDialog asks before something is deleted or overwritten.
type confirmDialog struct {
	question string
	detail   string
	yes      func() tea.Cmd
	keys     struct{ Yes, No key.Binding }
}

// askConfirm opens a confirmation; yes runs only on y or enter.
func (m *Model) askConfirm(question, detail string, yes func() tea.Cmd) {
	c := &confirmDialog{question: question, detail: detail, yes: yes}
	c.keys.Yes = key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y/enter", "yes"))
	c.keys.No = key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "no"))
	m.confirm = c
}

func (c *confirmDialog) update(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, c.keys.Yes):
		return c.yes(), true
	case key.Matches(msg, c.keys.No):
		return nil, true
	}
	return nil, false
}

func (c *confirmDialog) view(w, h int, st *ui.Styles) []string {
	lines := []string{st.Bold.Render(c.question)}
	if c.detail != "" {
		lines = append(lines, st.Dim.Render(c.detail))
	}
	lines = append(lines, "", st.Key.Render("y")+" yes   "+st.Key.Render("n")+" no")
	return ui.Boxed(lines, w, h, st)
}
