package tui

import (
	"fmt"
	"runtime"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// A long negotiation opens in two reads. The first (readFirst) brings all
// of it but its older notes, and the screen is drawn from it at once; the
// second, off the UI goroutine, reads it whole and puts the older notes
// under the panes as a reload would, keeping the replay (nothing but notes
// differs). Until then the documents that quote notes wait.

// fullMsg brings the whole negotiation after its head.
type fullMsg struct {
	reloadedMsg
	negID uint64
	gen   int // m.followed when it was asked for
}

// fullCmd reads the whole negotiation after its head was opened.
func fullCmd(s Store, negID uint64, gen int) tea.Cmd {
	return func() tea.Msg {
		d, err := s.Dossier(negID)
		if err != nil {
			err = fmt.Errorf("read the older notes: %w", err)
			return fullMsg{reloadedMsg: reloadedMsg{loadedMsg{err: err}}, negID: negID, gen: gen}
		}
		collectAfterLoad(d)
		access, err := accessTo(s, negID)
		return fullMsg{reloadedMsg: reloadedMsg{loadedMsg{dossier: d, access: access, err: err}}, negID: negID, gen: gen}
	}
}

// takeFull puts the whole negotiation under the panes. One of this
// workbench's own changes followed since it was asked for may be missing
// from it (read before the change was written): then it is read again.
func (m *Model) takeFull(msg fullMsg) tea.Cmd {
	if !m.partial || m.snap == nil || msg.negID != m.negID() {
		return nil // another negotiation was opened meanwhile
	}
	if msg.err != nil {
		// The screen keeps what it has; the documents that quote notes
		// say why they cannot be written rather than leave notes out.
		m.partialErr = msg.err
		m.setError(msg.err)
		return nil
	}
	if msg.gen != m.followed {
		return fullCmd(m.store, msg.negID, m.followed)
	}
	m.partial = false
	return m.takeReloaded(msg.reloadedMsg)
}

// waitForNotes says why a document is not written yet, while the older
// notes are still being read.
func (m *Model) waitForNotes() bool {
	switch {
	case m.partial && m.partialErr != nil:
		m.setError(fmt.Errorf("not written: it would leave out the older notes, which cannot be read: %w", m.partialErr))
	case m.partial:
		m.setStatus("The older notes are still being read; try again in a moment.")
	}
	return m.partial
}

// largeRead is how many ledger records and notes make a read large enough
// to collect its garbage at once (collectAfterLoad).
const largeRead = 5000

// collectAfterLoad collects the garbage of decoding a large negotiation
// whole, once, off the UI goroutine. Go sets the heap's next goal from
// what the last collection found alive, and one during the read found the
// read's own garbage alive: the workbench then grew by another negotiation's
// worth before collecting again. Collected here, the goal follows what is
// kept, and twenty reloads later the workbench holds about what it held
// after the first (internal/sample/reloadrss).
func collectAfterLoad(d *model.Dossier) {
	if len(d.Ledger)+len(d.Notes) >= largeRead {
		runtime.GC()
	}
}
