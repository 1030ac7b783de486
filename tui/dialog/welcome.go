package dialog

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Welcome is the first screen on a file with no negotiation yet. It stays
// until a negotiation opens. When the file has accounts already (one kept
// without a negotiation), it leads to them rather than to a second one.
type Welcome struct {
	st       *ui.Styles
	accounts int
	keys     struct{ Demo, New, Accounts, Quit key.Binding }
}

// NewWelcome makes the welcome screen.
func NewWelcome(st *ui.Styles) *Welcome {
	w := &Welcome{st: st}
	w.keys.Demo = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "load the demo negotiation"))
	w.keys.New = key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "create an account and a negotiation"))
	w.keys.Accounts = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open your accounts"))
	w.keys.Quit = key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit"))
	return w
}

// SetAccounts says how many accounts the file holds.
func (w *Welcome) SetAccounts(n int) { w.accounts = max(0, n) }

// AddAccount counts an account just created.
func (w *Welcome) AddAccount() { w.accounts++ }

// Update asks for the demo, a new account, or to quit.
func (w *Welcome) Update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, w.keys.Demo):
		return vocab.Cmd(vocab.DemoMsg{})
	case key.Matches(msg, w.keys.New):
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindAccount, Record: model.Account{Kind: model.Retail}})
	case key.Matches(msg, w.keys.Accounts) && w.accounts > 0:
		return vocab.Cmd(vocab.AccountsMsg{})
	case key.Matches(msg, w.keys.Quit):
		return vocab.Cmd(vocab.QuitMsg{})
	}
	return nil
}

// Done is false: the root takes the welcome away when a negotiation opens.
func (w *Welcome) Done() bool { return false }

// ShortHelp is empty: the screen lists its keys.
func (w *Welcome) ShortHelp() []key.Binding { return nil }

// View draws the welcome in a box.
func (w *Welcome) View(width, height int) []string {
	st := w.st
	lines := []string{
		st.Bold.Render("Welcome to Parley"),
		"",
		"A workbench for key account negotiations: the agenda with our",
		"opening, target and walk-away, every concession of both sides",
		"meeting by meeting, and the gap closing as you go.",
		"",
		st.Key.Render("d") + "  load the demo: a grocery chain's 2027 annual terms",
		st.Key.Render("a") + "  create your own account and negotiation",
	}
	if w.accounts > 0 {
		lines = append(lines, st.Key.Render("o")+fmt.Sprintf("  open your accounts (%d) to add a negotiation", w.accounts))
	}
	lines = append(lines,
		st.Key.Render("q")+"  quit",
		"",
		st.Dim.Render("Data file: everything stays in one private local file."))
	return ui.Boxed(lines, width, height, st)
}
