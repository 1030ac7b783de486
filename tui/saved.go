package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/pane/followup"
	"github.com/parley-app/parley/tui/vocab"
)

// The answer of a write: told first to whoever asked, then the open
// negotiation follows the change, in a new copy with the change in it,
// without reading the file again.

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

// heldStatus says that a change was kept but waits for approval. The limit
// it passed is internal: while privacy is on it says only that the move is
// not counted yet, and where to see why.
func heldStatus(held []model.Approval, priv model.Privacy) string {
	if !priv.Part(model.PartAuthority) {
		return "Saved, not counted yet (p shows why)"
	}
	return fmt.Sprintf("Pending approval by %s: %s", held[0].AskedOf(), held[0].Why)
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
