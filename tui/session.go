package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// The open negotiation: what arrives from the store, how the derived numbers
// follow it, the footer's status, the meeting clock and the mouse.

// takeLoaded takes a negotiation read from the store.
func (m *Model) takeLoaded(msg loadedMsg) tea.Cmd {
	if !m.draftsRead && msg.formDrafts != nil {
		m.formDrafts, m.draftsRead = msg.formDrafts, true // read once at start; kept in step since
	}
	if msg.err != nil {
		m.setError(msg.err)
		if m.snap == nil {
			m.welcome = newWelcome(m)
		}
		return nil
	}
	if msg.dossier == nil {
		m.snap = nil
		m.welcome = newWelcome(m)
		m.reopenDraftedForm()
		return nil
	}
	m.welcome = nil
	first := m.snap == nil || m.snap.d.Negotiation.ID != msg.dossier.Negotiation.ID
	m.setDossier(msg.dossier)
	if first {
		m.setStatus("Opened " + msg.dossier.Account.Name + " › " + msg.dossier.Negotiation.Title)
		m.reopenDraftedForm()
		m.capture.reset()
		return tea.Batch(m.capture.loadDraft(), m.tick())
	}
	return m.tick()
}

// setDossier makes d the open negotiation and recomputes what derives from it.
func (m *Model) setDossier(d *model.Dossier) {
	m.snap = &snapshot{d: d, st: m.st}
	m.layout() // the tabs of a narrow terminal come with the first negotiation
	m.refresh()
}

// refresh recomputes the derived numbers and hands the snapshot to the panes.
func (m *Model) refresh() {
	if m.snap == nil {
		return
	}
	s := &snapshot{d: m.snap.d, r: m.snap.d.Replay(), private: m.private, st: m.st}
	m.snap = s
	m.paneOnly = false // every pane has new data to draw
	for _, p := range m.panes {
		p.SetData(s)
	}
	if m.form != nil {
		m.form.setPrivate(m.private)
	}
}

// changed takes the answer of a write.
func (m *Model) changed(msg changedMsg) tea.Cmd {
	var closed tea.Cmd
	if m.form != nil && msg.origin == m.form.id {
		if !m.form.saved(msg.err) {
			return nil
		}
		closed = m.closeForm()
	}
	if msg.err != nil {
		m.setError(fmt.Errorf("not saved: %w", msg.err))
		return nil
	}
	if msg.status != "" {
		m.setStatus(msg.status)
	}
	if msg.reload && m.snap != nil {
		return tea.Batch(closed, loadCmd(m.store, m.snap.d.Negotiation.ID))
	}
	if msg.apply != nil && m.snap != nil {
		msg.apply(m.snap.d)
		m.snap.d.Sort()
		m.refresh()
	}
	return tea.Batch(closed, m.tick())
}

func (m *Model) setStatus(text string) { m.status = statusLine{text: text} }

func (m *Model) setError(err error) { m.status = statusLine{text: err.Error(), isErr: true} }

// negID is the open negotiation's ID, 0 when none is open.
func (m *Model) negID() uint64 {
	if m.snap == nil {
		return 0
	}
	return m.snap.d.Negotiation.ID
}

// clockMsg is the clock's tick while a meeting runs.
type clockMsg time.Time

// tick schedules the next clock tick while a meeting runs.
func (m *Model) tick() tea.Cmd {
	if m.clock || m.snap == nil {
		return nil
	}
	if _, ok := m.snap.d.RunningMeeting(); !ok {
		return nil
	}
	m.clock = true
	return m.opts.Tick(time.Second, func(t time.Time) tea.Msg { return clockMsg(t) })
}

// handleMouse focuses the pane clicked and scrolls with the wheel (with --mouse).
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.snap == nil || m.form != nil || m.confirm != nil || m.picker != nil || m.stage != nil {
		return nil
	}
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonLeft:
		if msg.Action == tea.MouseActionPress {
			m.setFocus(p)
		}
	case tea.MouseButtonWheelUp:
		m.setFocus(p)
		return m.panes[p].Update(tea.KeyMsg{Type: tea.KeyUp})
	case tea.MouseButtonWheelDown:
		m.setFocus(p)
		return m.panes[p].Update(tea.KeyMsg{Type: tea.KeyDown})
	}
	return nil
}
