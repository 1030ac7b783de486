// Package dialog holds the workbench's modal dialogs: the confirmation, the
// help, the stage, the picker of accounts and negotiations, and the welcome
// screen. Each takes keys while it is on top and answers with messages.
package dialog

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Confirm asks before something is deleted, overwritten or let past a limit.
type Confirm struct {
	question, detail string
	yes, no          tea.Msg
	done             bool
	st               *ui.Styles
	keys             struct{ Yes, No key.Binding }
}

// NewConfirm asks q; yes is delivered only on y or enter, no on n or esc.
func NewConfirm(st *ui.Styles, q vocab.ConfirmMsg) *Confirm {
	c := &Confirm{question: q.Question, detail: q.Detail, yes: q.Yes, no: q.No, st: st}
	if c.no == nil {
		c.no = vocab.StatusMsg{Text: vocab.NothingChanged}
	}
	c.keys.Yes = key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y/enter", "yes"))
	c.keys.No = key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "no"))
	return c
}

// Update answers y or n.
func (c *Confirm) Update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, c.keys.Yes):
		c.done = true
		return vocab.Cmd(c.yes)
	case key.Matches(msg, c.keys.No):
		c.done = true
		return vocab.Cmd(c.no)
	}
	return nil
}

// Done reports whether the question was answered.
func (c *Confirm) Done() bool { return c.done }

// ShortHelp is empty: the box shows its keys.
func (c *Confirm) ShortHelp() []key.Binding { return nil }

// View draws the question in a box.
func (c *Confirm) View(w, h int) []string {
	st := c.st
	inner := max(1, min(w-4, 96))
	var lines []string
	for _, l := range ui.WrapWords(c.question, inner, "") {
		lines = append(lines, st.Bold.Render(l))
	}
	if c.detail != "" {
		// A detail may list lines; each folds between its " · " parts, so
		// that a figure stays whole and with its words.
		for _, l := range strings.Split(c.detail, "\n") {
			for _, part := range ui.Pack(strings.Split(l, " · "), inner) {
				lines = append(lines, st.Dim.Render(part))
			}
		}
	}
	lines = append(lines, "", st.Key.Render("y")+" yes   "+st.Key.Render("n")+" no")
	return ui.Boxed(lines, w, h, st)
}
