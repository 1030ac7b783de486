package tui

import tea "github.com/charmbracelet/bubbletea"

// handleMouse focuses the pane clicked and scrolls with the wheel (with
// --mouse). While a form or dialog is open the mouse does nothing: what is
// under the pointer is not what the screen shows.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.snap == nil || m.top() != nil {
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
