package tui

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/internal/storeerr"
)

// Undo and redo: u takes back the last change this workbench made to the
// file, several steps back, and ctrl+r makes it again. Changes made by other
// processes are theirs to undo; when one of them changed a record since,
// the undo refuses and says so. Each is one
// transaction in the store's journal; the open negotiation is read again
// afterwards, since a change may touch any record.

// undoneMsg answers an undo or redo.
type undoneMsg struct {
	redo  bool
	label string
	err   error
}

// undoCmd undoes (or redoes) the last change in the file.
func undoCmd(s Store, redo bool) tea.Cmd {
	return func() tea.Msg {
		var label string
		var err error
		if redo {
			label, err = s.RedoOwn()
		} else {
			label, err = s.UndoOwn()
		}
		return undoneMsg{redo: redo, label: label, err: err}
	}
}

// takeUndone says what was undone and shows the file as it is now.
func (m *Model) takeUndone(msg undoneMsg) tea.Cmd {
	verb := map[bool]string{false: "Undone", true: "Redone"}[msg.redo]
	switch {
	case errors.Is(msg.err, storeerr.ErrNothingToUndo), errors.Is(msg.err, storeerr.ErrNothingToRedo):
		m.setStatus(capitalize(msg.err.Error()))
		return nil
	case errors.Is(msg.err, storeerr.ErrChangedSince):
		m.setError(fmt.Errorf("cannot %s %s: it was changed since, elsewhere; nothing changed", map[bool]string{false: "undo", true: "redo"}[msg.redo], msg.label))
		return nil
	case msg.err != nil:
		m.setError(fmt.Errorf("%s failed: %w", verb, msg.err))
		return nil
	}
	m.setStatus(verb + ": " + msg.label)
	if m.picker() != nil {
		return tea.Batch(pickerDataCmd(m.store), reloadCmd(m.store, m.negID()))
	}
	if m.snap == nil {
		return loadCmd(m.store, 0)
	}
	return reloadCmd(m.store, m.negID())
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
