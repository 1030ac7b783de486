package dialog

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Trouble says why the file cannot be opened (damaged, locked, from a newer
// Parley) and offers nothing but to leave: no demo or account is written
// into a file that could not be read.
type Trouble struct {
	err  error
	st   *ui.Styles
	quit key.Binding
}

// NewTrouble shows err.
func NewTrouble(st *ui.Styles, err error) *Trouble {
	return &Trouble{err: err, st: st, quit: key.NewBinding(key.WithKeys("q", "esc", "enter"), key.WithHelp("q", "quit"))}
}

// Update leaves on q, esc or enter.
func (t *Trouble) Update(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, t.quit) {
		return vocab.Cmd(vocab.QuitMsg{})
	}
	return nil
}

// Done is false: the workbench cannot go on.
func (t *Trouble) Done() bool { return false }

// ShortHelp is the one key.
func (t *Trouble) ShortHelp() []key.Binding { return []key.Binding{t.quit} }

// View draws the reason in a box, wrapped to the screen.
func (t *Trouble) View(w, h int) []string {
	st := t.st
	lines := []string{st.Error.Render("Parley cannot open this file"), ""}
	lines = append(lines, ui.WrapWords(t.err.Error(), max(10, min(76, w-6)), "")...)
	lines = append(lines, "", st.Key.Render("q")+" quit")
	return ui.Boxed(lines, w, h, st)
}
