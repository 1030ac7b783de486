package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/capture"
	"github.com/parley-app/parley/tui/vocab"
)

// Who gets a key: the modal stack, the capture line, a pane's text field,
// or the workbench's own keys (focus, privacy, capture, quit), the rest
// going to the focused pane.

// typed takes keys that reached the terminal in one read (fast typing, or
// tmux send-keys): Bubble Tea hands them over as one message, and they are
// taken one by one, as typed, so that "n" opens the capture line before the
// next letters go into it.
func (m *Model) typed(msg tea.KeyMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for _, r := range msg.Runes {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// handleKey gives a key to the layer that owns the keyboard now.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	switch {
	case key.Matches(msg, m.keys.Approvals) && m.overPage():
		return m.openApprovals()
	case m.top() != nil:
		return m.modalKey(msg)
	case m.capture.IsOpen():
		cmd := m.capture.Update(msg)
		if !m.capture.IsOpen() {
			m.layout()
			return cmd
		}
		m.lineOnly = true // what it asks for (a save, a question) arrives as a message
		return cmd
	case m.snap == nil:
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m.quit()
		case key.Matches(msg, m.keys.Approvals):
			return m.openApprovals()
		}
		return nil
	case m.panes[m.focus].Typing():
		m.paneOnly = true
		return m.panes[m.focus].Update(msg)
	}
	return m.globalKey(msg)
}

// globalKey handles the workbench's own keys and passes the rest to the focused pane.
func (m *Model) globalKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Next):
		m.setFocus((m.focus + 1) % paneCount)
		m.focusOnly = true
	case key.Matches(msg, k.Prev):
		m.setFocus((m.focus + paneCount - 1) % paneCount)
		m.focusOnly = true
	case key.Matches(msg, k.Help):
		m.push(m.helpDialog())
	case key.Matches(msg, k.Capture), key.Matches(msg, k.Stage), key.Matches(msg, k.Undo), key.Matches(msg, k.Redo):
		return m.changeKey(msg)
	case key.Matches(msg, k.Concession):
		return m.edit(m.newConcession())
	case key.Matches(msg, k.Meeting):
		return m.edit(meetingToggle(m.snap.D))
	case key.Matches(msg, k.Privacy):
		m.togglePrivacy()
	case key.Matches(msg, k.Open):
		return m.openPicker()
	case key.Matches(msg, k.Portfolio):
		return m.openPortfolio()
	case key.Matches(msg, k.Approvals):
		return m.openApprovals()
	case key.Matches(msg, k.Brief):
		return m.writeBrief()
	case key.Matches(msg, k.Spar):
		return m.openSpar()
	default:
		for i, b := range k.Panes {
			if key.Matches(msg, b) {
				m.setFocus(paneID(i))
				m.focusOnly = true
				return nil
			}
		}
		m.paneOnly = true
		return m.panes[m.focus].Update(msg)
	}
	return nil
}

// changeKey handles the workbench's keys that change the open negotiation:
// on a read-only one, each says so at once.
func (m *Model) changeKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case m.refuseEdit():
	case key.Matches(msg, k.Capture):
		return m.openCapture()
	case key.Matches(msg, k.Stage):
		m.push(newStageDialog(m.st, m.snap))
	case key.Matches(msg, k.Undo):
		return undoCmd(m.store, false)
	case key.Matches(msg, k.Redo):
		return undoCmd(m.store, true)
	}
	return nil
}

// togglePrivacy hides or shows everything internal (DESIGN section 9).
func (m *Model) togglePrivacy() {
	m.private = !m.private
	m.refresh()
	if m.private {
		m.setStatus("Privacy on: only what the buyer may see is shown (p shows everything again)")
	} else {
		m.setStatus("Privacy off")
	}
}

// setFocus focuses a pane and brings it on screen.
func (m *Model) setFocus(p paneID) {
	m.paneOnly = false
	m.focus = p
	switch {
	case deskPane(p):
		if m.desk != p {
			m.desk = p
			m.layout()
		}
	default:
		if m.live != p {
			m.live = p
			m.layout()
		}
	}
}

// openCapture shows the capture line.
func (m *Model) openCapture() tea.Cmd {
	cmd := m.capture.Open()
	m.layout()
	return cmd
}

// quit leaves, keeping first what is on screen (view.go) and a capture
// line still being typed as a draft: one command writes them and then
// quits, so nothing is lost. When the draft cannot be written the workbench
// stays and says so; quitting again leaves without it. The view is a
// convenience: it is kept where it can be and never stops a quit.
func (m *Model) quit() tea.Cmd {
	text, negID, s, view := m.capture.Text(), m.negID(), m.store, m.currentView()
	if m.quitAnyway || negID == 0 {
		return tea.Quit
	}
	keepLine := !m.capture.Drafted() && text != ""
	m.quitAnyway = keepLine
	return func() tea.Msg {
		if view != "" {
			_ = s.SaveDraft(viewKey(negID), view)
		}
		if keepLine {
			if err := s.SaveDraft(capture.DraftKey(negID), text); err != nil {
				return vocab.ErrorMsg{Err: fmt.Errorf("the capture line was not kept (%w): quit again to leave without it", err)}
			}
		}
		return tea.Quit()
	}
}
