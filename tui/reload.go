package tui

import (
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/internal/storeerr"
	"github.com/parley-app/parley/tui/vocab"
)

// Live reload: the file is shared, so another workbench, `parley note` or a
// script may change it while this one is open. When a change is committed
// (an event from desk: this process's sessions at once, other processes'
// as the file shows it), or every Options.Poll where there are no events,
// the workbench asks the store whether anything changed since it last
// looked (one small read when nothing did; its own saves never count) and,
// when something did, reads the open negotiation again. The panes keep their
// selection by record, and the modal stack, the capture line's text and
// the drafts are left as they are: only the data under them moves.

// pollMsg is the moment to look for changes.
type pollMsg struct{}

// changedMsg says whether the file changed since the last look.
type changedMsg struct {
	changed bool
	err     error
}

// reloadedMsg brings the open negotiation read again after a change.
type reloadedMsg struct{ loadedMsg }

// poll waits for the next event, or schedules the next look where there
// are no events.
func (m *Model) poll() tea.Cmd {
	if m.opts.Events != nil {
		return m.waitEvent(m.opts.Events)
	}
	if m.opts.Poll < 0 {
		return nil
	}
	return m.opts.Tick(m.opts.Poll, func(time.Time) tea.Msg { return pollMsg{} })
}

// waitEvent waits off the UI goroutine for the next commit to the file; a
// burst of them is one look (the channel keeps the last).
func waitEvent(events <-chan desk.Event) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-events; !ok {
			return nil // the events ended: the workbench is closing
		}
		return pollMsg{}
	}
}

// changedCmd asks the store whether another process changed the file.
func changedCmd(s Store) tea.Cmd {
	return func() tea.Msg {
		changed, err := s.Changed()
		return changedMsg{changed: changed, err: err}
	}
}

// reloadCmd reads the open negotiation again, without making it current
// (that would be a write, and a change for every other workbench).
func reloadCmd(s Store, negID uint64) tea.Cmd {
	return func() tea.Msg {
		d, err := s.Dossier(negID)
		if errors.Is(err, storeerr.ErrNotFound) {
			return load(s, 0) // deleted elsewhere: open the current one
		}
		var access vocab.Access
		if err == nil {
			access, err = accessTo(s, negID) // an account shared since, or a person removed
		}
		if err != nil {
			err = fmt.Errorf("read the changes made elsewhere: %w", err)
		}
		return reloadedMsg{loadedMsg{dossier: d, access: access, err: err}}
	}
}

// takeChanged reloads after a change made elsewhere, and looks again later.
func (m *Model) takeChanged(msg changedMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		m.setError(fmt.Errorf("cannot look for changes made elsewhere: %w", msg.err))
	case msg.changed:
		// The next change is waited for once this one is on screen
		// (lookedAgain): commits that land meanwhile are one more look, not
		// one each, and a burst of them costs each workbench a few reads.
		m.reading = true
		// A decision made elsewhere changes the count in the header and the
		// approvals page, whatever is open.
		cmds := []tea.Cmd{toDecideCmd(m.store)}
		if m.approvalsPage() != nil {
			cmds = append(cmds, approvalsCmd(m.store))
		}
		if m.portfolio() != nil {
			cmds = append(cmds, portfolioCmd(m.store))
		}
		if m.snap == nil {
			return tea.Batch(append(cmds, loadCmd(m.store, 0))...) // the welcome: maybe there is a negotiation now
		}
		cmds = append(cmds, reloadCmd(m.store, m.negID()))
		if m.picker() != nil {
			cmds = append(cmds, pickerDataCmd(m.store))
		}
		return tea.Batch(cmds...)
	}
	return m.poll()
}

// lookedAgain adds to cmd the wait for the next change, once the one being
// read is taken (whatever came of it).
func (m *Model) lookedAgain(cmd tea.Cmd) tea.Cmd {
	if !m.reading {
		return cmd
	}
	m.reading = false
	return tea.Batch(cmd, m.poll())
}

// takeReloaded puts the negotiation read again under whatever is open. A
// negotiation that was meanwhile replaced by another (opened from the
// picker) is left alone.
func (m *Model) takeReloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	switch {
	case m.snap == nil || msg.dossier == nil:
		return m.takeLoaded(msg.loadedMsg)
	case msg.dossier.Negotiation.ID != m.negID():
		return nil
	}
	ids := answered(m.snap.D, msg.dossier)
	m.access = msg.access
	m.partial = false // read whole
	if m.snap.R != nil && m.snap.D.SameFigures(msg.dossier) {
		// Only notes or follow-up lines changed: the replay, the deal and
		// the figures ahead stand, and only the panes that show them move.
		s := *m.snap
		s.D, s.Access = msg.dossier, m.access
		m.snap = &s
		m.refreshOnly(paneNotes, paneFollowUp)
	} else {
		m.setDossier(msg.dossier)
	}
	return tea.Batch(m.tick(), answersCmd(m.store, ids))
}
