package tui

import (
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model/spar"
	"github.com/parley-app/parley/tui/sparring"
)

// The sparring page (DESIGN 13), opened with S: a full page over the panes
// where the trainee plays the simulated buyer on a training copy of the
// open negotiation. A finished session is stored through the session layer.

// sparStore is what storing a sparring session needs of the file
// (desk.Session has it); a Store without it plays but does not store.
type sparStore interface {
	SaveSpar(negID uint64, who string, at time.Time, rec spar.Record) (uint64, error)
}

// sparStoredMsg says a sparring session reached the file, or why not.
type sparStoredMsg struct {
	id  uint64
	err error
}

// openSpar opens the sparring page on the open negotiation. With privacy
// on it stays closed: the page shows walk-aways and scores (DESIGN 9).
func (m *Model) openSpar() tea.Cmd {
	if m.private {
		m.setStatus("Privacy is on: sparring shows walk-aways and scores. Press p to turn it off first.")
		return nil
	}
	page, err := sparring.New(m.st, m.snap.D, uint64(m.opts.Now().UnixNano()))
	if err != nil {
		m.setError(err)
		return nil
	}
	m.push(page)
	return nil
}

// storeSpar stores a finished session off the UI goroutine.
func (m *Model) storeSpar(msg sparring.StoreMsg) tea.Cmd {
	ss, ok := m.store.(sparStore)
	if !ok {
		m.setStatus("Sparring sessions are not stored by this workbench")
		return nil
	}
	at := m.opts.Now()
	return func() tea.Msg {
		id, err := ss.SaveSpar(msg.Negotiation, os.Getenv("USER"), at, msg.Record)
		return sparStoredMsg{id: id, err: err}
	}
}

// sparStored says where the session went.
func (m *Model) sparStored(msg sparStoredMsg) {
	if msg.err != nil {
		m.setError(fmt.Errorf("the sparring session was not stored: %w", msg.err))
		return
	}
	m.setStatus(fmt.Sprintf("Sparring session %d stored: parley spar --list compares the team's", msg.id))
}
