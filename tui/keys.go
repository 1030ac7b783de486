package tui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work from every pane when no text field has focus.
type globalKeys struct {
	Next, Prev key.Binding
	Panes      [paneCount]key.Binding
	Capture    key.Binding
	Concession key.Binding
	Meeting    key.Binding
	Privacy    key.Binding
	Stage      key.Binding
	Open       key.Binding
	Portfolio  key.Binding
	Approvals  key.Binding
	Brief      key.Binding
	Spar       key.Binding
	Undo       key.Binding
	Redo       key.Binding
	Help       key.Binding
	Quit       key.Binding
	ForceQuit  key.Binding
	PanesHelp  key.Binding // one help line for 1–6
	MoveHelp   key.Binding // one help line for the list keys
}

func newGlobalKeys() globalKeys {
	k := globalKeys{
		Next:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		Prev:       key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Capture:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "capture line")),
		Concession: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "log a concession")),
		Meeting:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "start/end meeting")),
		Privacy:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "privacy")),
		Stage:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "stage")),
		Open:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open/accounts")),
		Portfolio:  key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "portfolio")),
		Approvals:  key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "approvals: moves waiting for a decision")),
		Brief:      key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "write brief")),
		Spar:       key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "spar against a simulated buyer")),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo the last change")),
		Redo:       key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit at once")),
		PanesHelp:  key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6"), key.WithHelp("1-6", "agenda·ledger·notes·follow-up·calculator·deal")),
		MoveHelp:   key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓/jk gG pgup/pgdn", "move")),
	}
	for i := range k.Panes {
		d := string(rune('1' + i))
		k.Panes[i] = key.NewBinding(key.WithKeys(d))
	}
	return k
}
