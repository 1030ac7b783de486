package tui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/vocab"
)

// Read-only (DESIGN 12): a manager who opens a negotiation of their team
// (enter on the portfolio) may see it but not change it. The store's rule
// (model.People.Writes) is asked when the negotiation is read and comes in
// the snapshot (vocab.Access); every edit key then says so at once instead
// of opening a form whose save would be refused. The store still refuses
// such a change on its own.

// readOnlyErr says the open negotiation is read-only.
func (m *Model) readOnlyErr() error {
	return errors.New("read-only: " + m.snap.Access.Whose() + "; you may look, not change it")
}

// readOnly reports whether the open negotiation is read-only.
func (m *Model) readOnly() bool { return m.snap != nil && m.snap.Access.ReadOnly }

// refuseEdit says so on the footer when the open negotiation is read-only,
// and reports whether it is.
func (m *Model) refuseEdit() bool {
	if !m.readOnly() {
		return false
	}
	m.setError(m.readOnlyErr())
	return true
}

// changesOpen reports whether a component's request would change the open
// negotiation: a form of one of its records, a write to it, a question
// whose yes writes to it, the capture line. The picker's accounts and new
// negotiations are other records, for the store to judge.
func (m *Model) changesOpen(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case vocab.EditMsg:
		switch msg.Kind {
		case vocab.KindAccount:
			return false
		case vocab.KindNegotiation:
			r, _ := msg.Record.(vocab.NegotiationRecord)
			return r.Negotiation.ID != 0 && r.Negotiation.ID == m.negID()
		}
		return true
	case vocab.SaveMsg:
		return msg.Change != nil && msg.Change.NegotiationID() == m.negID()
	case vocab.ConfirmMsg:
		return m.changesOpen(msg.Yes)
	case vocab.ChooseMsg, vocab.CaptureMsg:
		return true
	}
	return false
}

// refuseRequest answers a component's request to change a read-only
// negotiation, and reports whether it did: a write is answered as refused
// (whoever asked keeps its text), anything else is not opened.
func (m *Model) refuseRequest(msg tea.Msg) (tea.Cmd, bool) {
	if !m.readOnly() || !m.changesOpen(msg) {
		return nil, false
	}
	if save, ok := msg.(vocab.SaveMsg); ok {
		err := m.readOnlyErr()
		return vocab.Cmd(vocab.SavedMsg{Origin: save.Origin, Change: save.Change, Err: err}), true
	}
	m.refuseEdit()
	return nil, true
}
