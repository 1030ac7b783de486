package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/sparring"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// The open negotiation: what the components ask for, what arrives from the
// store, how the derived numbers follow it, the footer's status and the
// meeting clock. The answer of a write is saved.go.

// request handles what a component asks of the root, and the answers of
// the commands the root ran for it.
func (m *Model) request(msg tea.Msg) tea.Cmd {
	if cmd, refused := m.refuseRequest(msg); refused {
		return cmd
	}
	switch msg := msg.(type) {
	case vocab.SaveMsg:
		return m.save(msg)
	case keepMineMsg, keepTheirsMsg:
		return m.resolve(msg)
	case vocab.SavedMsg:
		return m.saved(msg)
	case vocab.EditMsg:
		return m.edit(msg)
	case vocab.ConfirmMsg:
		m.push(dialog.NewConfirm(m.st, msg))
	case vocab.ChooseMsg:
		m.push(dialog.NewChoose(m.st, msg))
	case vocab.StatusMsg:
		m.setStatus(msg.Text)
	case vocab.ErrorMsg:
		m.setError(msg.Err)
	case vocab.CaptureMsg:
		return m.openCapture()
	case vocab.OpenMsg:
		view, from, s := m.currentView(), m.negID(), m.store
		return func() tea.Msg {
			if view != "" && from != msg.NegID {
				// Keep what was on screen of the one left, then open the other.
				_ = s.SaveDraft(viewKey(from), view) // a convenience: open the other even when not kept
			}
			l := load(s, msg.NegID)
			l.move = msg.Move
			return l
		}
	case vocab.DemoMsg:
		// Said here, before the load starts, so that it cannot arrive after
		// the demo's own first hint (two commands of a batch keep no order).
		m.setStatus("Loading the demo…")
		return demoCmd(m.store, model.Demo(m.opts.Now()))
	case vocab.QuitMsg:
		return m.quit()
	case vocab.KeepDraftMsg:
		return saveDraftCmd(m.store, msg.Key, msg.Text)
	case formDraftTickMsg:
		return m.keepFormDraft(msg)
	case formDraftKeptMsg:
		if f := m.formByID(msg.form); f != nil {
			f.Kept(msg.version)
		}
	case dialog.PortfolioData:
		m.takePortfolio(msg)
	case dialog.ApprovalsData:
		m.takeApprovals(msg)
	case dialog.DecideMsg:
		return m.decide(msg)
	case decidedMsg:
		return m.takeDecided(msg)
	case toDecideMsg:
		m.toDecide = msg.n
		m.countOnPortfolio()
	case dialog.PickerData:
		if msg.Err != nil {
			m.setError(msg.Err)
			return nil
		}
		if p := m.picker(); p != nil {
			p.SetData(msg)
		}
		if w := m.welcome(); w != nil {
			w.SetAccounts(len(msg.Accounts))
		}
	case vocab.AccountsMsg:
		return m.openPicker()
	case writtenMsg:
		m.written(msg)
	case vocab.MinutesMsg:
		return m.writeMinutes(msg.Meeting)
	case sparring.StoreMsg:
		return m.storeSpar(msg)
	case sparStoredMsg:
		m.sparStored(msg)
	default:
		return m.capture.Update(msg) // the capture line's own messages
	}
	return nil
}

// takeLoaded takes a negotiation read from the store.
func (m *Model) takeLoaded(msg loadedMsg) tea.Cmd {
	if !m.draftsRead && msg.formDrafts != nil {
		m.formDrafts, m.draftsRead = msg.formDrafts, true // read once at start; kept in step since
	}
	if msg.err != nil {
		m.setError(msg.err)
		if m.snap == nil {
			// Nothing is open and the file could not be read: offer no way to
			// write into it (the welcome's demo or account), only the reason.
			m.remove(func(md modal) bool { _, ok := md.(*dialog.Welcome); return ok })
			m.push(dialog.NewTrouble(m.st, msg.err))
		}
		return nil
	}
	if msg.dossier == nil {
		m.snap = nil
		m.capture.SetData(nil)
		if m.welcome() == nil {
			m.stack = append([]modal{dialog.NewWelcome(m.st)}, m.stack...)
		}
		m.welcome().SetAccounts(msg.accounts)
		m.layout()
		m.reopenDraftedForm()
		return nil
	}
	m.remove(func(md modal) bool { _, ok := md.(*dialog.Welcome); return ok })
	first := m.snap == nil || m.snap.D.Negotiation.ID != msg.dossier.Negotiation.ID
	m.access = msg.access
	m.setDossier(msg.dossier)
	var full tea.Cmd
	if m.partial, m.partialErr = msg.partial, nil; m.partial {
		full = fullCmd(m.store, m.negID(), m.followed)
	}
	if p := m.picker(); p != nil {
		p.SetOpen(m.negID())
	}
	if first {
		m.setStatus("Opened " + msg.dossier.Account.Name + " › " + msg.dossier.Negotiation.Title)
		if msg.demo {
			m.setStatus(model.DemoWelcome)
		}
		m.restoreView(msg.view)
		m.showMove(msg.move)
		m.reopenDraftedForm()
		m.capture.Reset()
		return tea.Batch(draftCmd(m.store, m.negID()), m.tick(), full)
	}
	m.showMove(msg.move)
	return tea.Batch(m.tick(), full)
}

// showMove focuses the ledger on a move (0: none): selected when it counts,
// or marked above the rows while it waits for approval.
func (m *Model) showMove(id uint64) {
	if id == 0 {
		return
	}
	m.setFocus(paneLedger)
	if k, ok := m.panes[paneLedger].(viewKeeper); ok {
		k.RestoreView(vocab.PaneView{Row: ui.RecordKey(id).String()})
	}
}

// setDossier makes d the open negotiation and recomputes what derives from it.
func (m *Model) setDossier(d *model.Dossier) {
	m.snap = &vocab.Snapshot{D: d, St: m.st, Access: m.access}
	m.layout() // the tabs of a narrow terminal come with the first negotiation
	m.refresh()
}

// refresh recomputes the derived numbers and hands the snapshot to the panes.
func (m *Model) refresh() { m.refreshExcept(paneCount) }

// refreshExcept recomputes the derived numbers and hands the snapshot to
// every pane but skip, whose data did not change.
func (m *Model) refreshExcept(skip paneID) {
	if m.snap == nil {
		return
	}
	var prev *model.Replay // the replay before this change: what it still holds is taken over
	if m.replayed != nil && m.replayed.Dossier().Negotiation.ID == m.snap.D.Negotiation.ID {
		prev = m.replayed
	}
	r := m.snap.D.ReplayAfter(prev)
	m.replayed = r
	s := &vocab.Snapshot{D: m.snap.D, R: r, Deal: r.Deal(), Private: m.private, St: m.st, Access: m.access}
	m.prepareAhead(s, m.snap)
	m.snap = s
	m.paneOnly = false // every pane has new data to draw
	for id, p := range m.panes {
		if paneID(id) != skip {
			p.SetData(s)
			m.drawn[id].ok = false
		}
	}
	m.capture.SetData(s)
}

// refreshOnly hands the new snapshot to the panes named and the capture
// line, keeping the replay and the deal, which the change did not move
// (notes and follow-up lines enter neither).
func (m *Model) refreshOnly(ids ...paneID) {
	m.paneOnly = false
	for _, id := range ids {
		m.panes[id].SetData(m.snap)
		m.drawn[id].ok = false
	}
	m.capture.SetData(m.snap)
}

// setStatus and setError show a message that may quote stored or typed
// text: nothing in it may act on the screen.
func (m *Model) setStatus(text string) { m.status = statusLine{text: model.EscapeForTerminal(text)} }

func (m *Model) setError(err error) {
	m.status = statusLine{text: model.EscapeForTerminal(err.Error()), isErr: true}
}

// negID is the open negotiation's ID, 0 when none is open.
func (m *Model) negID() uint64 {
	if m.snap == nil {
		return 0
	}
	return m.snap.D.Negotiation.ID
}

// clockMsg is the clock's tick while a meeting runs.
type clockMsg time.Time

// tick schedules the next clock tick while a meeting runs.
func (m *Model) tick() tea.Cmd {
	if m.clock || m.snap == nil {
		return nil
	}
	if _, ok := m.snap.D.RunningMeeting(); !ok {
		return nil
	}
	m.clock = true
	return m.opts.Tick(time.Second, func(t time.Time) tea.Msg { return clockMsg(t) })
}
