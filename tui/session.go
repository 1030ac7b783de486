package tui

import (
	"fmt"
	"github.com/parley-app/parley/tui/sparring"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/pane/followup"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// The open negotiation: what the components ask for, what arrives from the
// store, how the derived numbers follow it, the footer's status, the meeting
// clock and the mouse.

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

// notesOnly reports whether a change touches only notes, actions and
// questions: they enter neither the ledger's replay nor the deal, so the
// replay is not done again for them (the live meeting's commonest write).
func notesOnly(c act.Change) bool {
	switch c := c.(type) {
	case *act.Save[model.Note], *act.Delete[model.Note]:
		return true
	case *act.Captured:
		switch c.Capture.Kind {
		case model.CaptureNote, model.CaptureAction, model.CaptureQuestion:
			return true
		}
	}
	return false
}

// ledgerOnly reports whether a change touches only the ledger's moves.
func ledgerOnly(c act.Change) bool {
	switch c := c.(type) {
	case *act.Save[model.Concession]:
		return true
	case *act.Captured:
		return c.Capture.Kind == model.CaptureConcession
	}
	return false
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

// saved takes the answer of a write: first to whoever asked (a form keeps
// its text on failure, the capture line puts its text back), then the open
// negotiation follows the change.
func (m *Model) saved(msg vocab.SavedMsg) tea.Cmd {
	if held, ok := msg.Change.(*act.Held); ok && msg.Err == nil {
		msg.Status = heldStatus(held.Approvals, m.privacy())
	}
	answered, cmd := m.capture.Saved(msg)
	if f := m.formByID(msg.Origin); f != nil {
		f.Saved(msg.Err)
		answered = true
	}
	cmds := []tea.Cmd{cmd, m.popDone()}
	if msg.Err != nil {
		if !answered {
			m.setError(fmt.Errorf("not saved: %w", msg.Err))
		}
		return tea.Batch(cmds...)
	}
	if msg.Status != "" {
		m.setStatus(msg.Status)
	}
	return tea.Batch(append(cmds, m.follow(msg.Change), m.tick())...)
}

// follow brings the workbench in line with a change that reached the file.
func (m *Model) follow(c act.Change) tea.Cmd {
	m.followed++
	var cmds []tea.Cmd
	if m.picker() != nil {
		cmds = append(cmds, pickerDataCmd(m.store))
	}
	switch c := c.(type) {
	case *act.SaveAccount:
		if c.IsNew {
			cmds = append(cmds, m.firstNegotiation(c.Account))
		}
	case *act.SaveNegotiation:
		if c.IsNew {
			m.remove(func(md modal) bool { _, ok := md.(*dialog.Picker); return ok })
			return tea.Batch(append(cmds, loadCmd(m.store, c.Negotiation.ID))...)
		}
	case *act.ReplaceFollowUps, *act.WriteCommitments:
		m.setFocus(paneFollowUp)
	}
	if m.snap == nil {
		return tea.Batch(cmds...)
	}
	stageBefore := m.snap.D.Negotiation.Stage
	// A new copy with the change in it: the snapshot the panes, the
	// figures' command and a document being written read is never changed.
	d, ok := c.Apply(m.snap.D)
	if !ok {
		if _, gone := c.(*act.DeleteNegotiation); gone {
			return m.closeNegotiation(cmds)
		}
		if _, gone := c.(*act.DeleteAccount); gone {
			return m.closeNegotiation(cmds)
		}
		return tea.Batch(append(cmds, loadCmd(m.store, m.snap.D.Negotiation.ID))...)
	}
	s := *m.snap
	s.D = d
	m.snap = &s
	for _, p := range m.panes {
		if s, ok := p.(interface{ Saved(act.Change) }); ok {
			s.Saved(c) // before the new data, which selects what the pane names
		}
	}
	switch {
	case notesOnly(c):
		d.SortNotes()
		m.refreshOnly(paneNotes)
	case ledgerOnly(c):
		d.SortLedger()
		m.refreshExcept(paneNotes) // the notes do not show the ledger
	default:
		d.Sort()
		m.refresh()
	}
	// At agree, the commitments (asked second, so that the template, if it
	// fills an empty checklist, does not replace them).
	if st := d.Negotiation.Stage; st != stageBefore && st == model.StageAgree {
		if ask, ok := followup.OfferCommitments(d, m.privacy()); ok {
			m.push(dialog.NewChoose(m.st, ask))
		}
	}
	if st := d.Negotiation.Stage; st != stageBefore && (st == model.StageAgree || st == model.StageFollowUp) && len(d.FollowUps) == 0 {
		m.push(dialog.NewConfirm(m.st, followup.Offer(d, m.opts.Now())))
	}
	return tea.Batch(cmds...)
}

// firstNegotiation opens the form of a new account's first negotiation.
// The account is in the file already: leaving the form keeps it, and the
// footer and the welcome screen say where to find it.
func (m *Model) firstNegotiation(a model.Account) tea.Cmd {
	cmd := m.edit(vocab.EditMsg{Kind: vocab.KindNegotiation,
		Record: vocab.NegotiationRecord{Negotiation: model.Negotiation{AccountID: a.ID}, Account: a}})
	if f, ok := m.top().(*form.Form); ok && f.Ref.Kind == vocab.KindNegotiation {
		f.WithCancelStatus("Account " + a.Name + " kept, without a negotiation yet: o opens the accounts to add one")
	}
	if w := m.welcome(); w != nil {
		w.AddAccount()
	}
	return cmd
}

// closeNegotiation leaves a negotiation that was deleted and opens the
// current one, if any.
func (m *Model) closeNegotiation(cmds []tea.Cmd) tea.Cmd {
	m.snap = nil
	m.capture.SetData(nil)
	m.capture.Reset()
	return tea.Batch(append(cmds, loadCmd(m.store, 0))...)
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

// heldStatus says that a change was kept but waits for approval. The limit
// it passed is internal: while privacy is on it says only that the move is
// not counted yet, and where to see why.
func heldStatus(held []model.Approval, priv model.Privacy) string {
	if !priv.Part(model.PartAuthority) {
		return "Saved, not counted yet (p shows why)"
	}
	return fmt.Sprintf("Pending approval by %s: %s", held[0].AskedOf(), held[0].Why)
}
