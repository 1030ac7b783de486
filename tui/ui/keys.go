package ui

import "github.com/charmbracelet/bubbles/key"

// ListKeys move within a pane's list.
type ListKeys struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
}

// NewListKeys are the usual list keys: arrows and vi keys, home/end, pages.
func NewListKeys() ListKeys {
	return ListKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
	}
}

// EditKeys add, edit, delete and filter the rows of a pane.
type EditKeys struct {
	Add, Edit, Delete, Filter key.Binding
}

// NewEditKeys names what a pane adds in the help of its add key.
func NewEditKeys(what string) EditKeys {
	return EditKeys{
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add "+what)),
		Edit:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "edit")),
		Delete: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
		Filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	}
}
