package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Keys typed before the first screen has its data are kept, not lost. A
// terminal that is slow to answer the questions every program asks at
// start (its background colour), or a large file, can keep the screen on
// "Opening …" for a second or more, and a KAM who types `n` and a line
// meanwhile expects the line in the capture line, not in nowhere. The
// keys are handed over, in order, once the negotiation (or the welcome)
// is on screen. ctrl+c quits at once, and so does q typed first.

// earlyKeys is how many keys are kept before the first screen.
const earlyKeys = 512

// keepEarly keeps a key typed before the first screen had its data, and
// reports whether it did.
func (m *Model) keepEarly(msg tea.KeyMsg) bool {
	if m.shown || m.snap != nil || key.Matches(msg, m.keys.ForceQuit) || (len(m.early) == 0 && key.Matches(msg, m.keys.Quit)) {
		return false
	}
	if len(m.early) < earlyKeys {
		m.early = append(m.early, msg)
	}
	return true
}

// earlyKeysMsg brings the kept keys back, after the first screen.
type earlyKeysMsg struct{ keys []tea.KeyMsg }

// typedEarly hands the kept keys over after the first screen, as one
// message whose keys are taken in order (takeEarly).
func (m *Model) typedEarly(cmd tea.Cmd) tea.Cmd {
	if m.shown {
		return cmd
	}
	m.shown = true
	if len(m.early) == 0 {
		return cmd
	}
	keys := m.early
	m.early = nil
	return tea.Batch(cmd, func() tea.Msg { return earlyKeysMsg{keys} })
}

// takeEarly takes the kept keys one after the other, as if typed now.
func (m *Model) takeEarly(msg earlyKeysMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(msg.keys))
	for _, k := range msg.keys {
		_, cmd := m.Update(k)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
