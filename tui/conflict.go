package tui

import (
	"fmt"
	"reflect"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

// A record edited in a form may be changed by another process meanwhile
// (live reload brings the change in under the form). When the form is
// saved, the root compares the record as the open negotiation held it when
// the form opened with what it holds now; if they differ, it asks which to
// keep: yours (the form is written over theirs) or theirs (the form closes
// and nothing is written).

// keepMineMsg writes a form over a change made elsewhere.
type keepMineMsg struct{ req vocab.SaveMsg }

// keepTheirsMsg drops a form's edit in favour of a change made elsewhere.
type keepTheirsMsg struct{ form int }

// noteBase remembers the stored record a form starts from.
func (m *Model) noteBase(f *form.Form, record any) {
	if base, ok := m.stored(record); ok {
		if m.bases == nil {
			m.bases = map[int]any{}
		}
		m.bases[f.ID] = base
	}
}

// stored finds the open negotiation's copy of the record a form edits;
// false for a new record.
func (m *Model) stored(record any) (any, bool) {
	if m.snap == nil {
		return nil, false
	}
	d := m.snap.D
	switch r := record.(type) {
	case model.AgendaItem:
		return find(d.Items, r.ID, itemID)
	case model.Concession:
		return find(d.Ledger, r.ID, func(v model.Concession) uint64 { return v.ID })
	case model.Note:
		return find(d.Notes, r.ID, func(v model.Note) uint64 { return v.ID })
	case model.FollowUp:
		return find(d.FollowUps, r.ID, func(v model.FollowUp) uint64 { return v.ID })
	case model.Scenario:
		return find(d.Scenarios, r.ID, func(v model.Scenario) uint64 { return v.ID })
	case model.Meeting:
		return find(d.Meetings, r.ID, func(v model.Meeting) uint64 { return v.ID })
	case model.Account:
		return d.Account, r.ID != 0 && r.ID == d.Account.ID
	case vocab.NegotiationRecord:
		return d.Negotiation, r.Negotiation.ID != 0 && r.Negotiation.ID == d.Negotiation.ID
	case model.Negotiation: // a base kept by noteBase
		return d.Negotiation, r.ID != 0 && r.ID == d.Negotiation.ID
	}
	return nil, false
}

func itemID(v model.AgendaItem) uint64 { return v.ID }

func find[T any](list []T, id uint64, idOf func(T) uint64) (any, bool) {
	if id == 0 {
		return nil, false
	}
	v, ok := act.Find(list, id, idOf)
	return v, ok
}

// changedElsewhere reports whether the record a form edits changed in the
// open negotiation since the form opened: by its Updated time, which the
// store moves with every save (and checks again when the form is written);
// a record without one (an account, a file from before stamps) by value.
func (m *Model) changedElsewhere(f *form.Form) bool {
	base, ok := m.bases[f.ID]
	if !ok {
		return false
	}
	now, ok := m.stored(base)
	if !ok {
		return false
	}
	if b, n := updatedOf(base), updatedOf(now); !b.IsZero() && !n.IsZero() {
		return !b.Equal(n)
	}
	return !reflect.DeepEqual(now, base)
}

// updatedOf is a record's Updated time, zero when it has none.
func updatedOf(record any) time.Time {
	switch r := record.(type) {
	case model.AgendaItem:
		return r.Updated
	case model.Concession:
		return r.Updated
	case model.Note:
		return r.Updated
	case model.FollowUp:
		return r.Updated
	case model.Scenario:
		return r.Updated
	case model.Meeting:
		return r.Updated
	case model.Account:
		return r.Updated
	case model.Negotiation:
		return r.Updated
	}
	return time.Time{}
}

// save writes what a component asked for, first asking which to keep when
// a form's record was changed elsewhere meanwhile.
func (m *Model) save(req vocab.SaveMsg) tea.Cmd {
	f := m.formByID(req.Origin)
	if f != nil && m.changedElsewhere(f) {
		m.push(dialog.NewConfirm(m.st, vocab.ConfirmMsg{
			Question: fmt.Sprintf("%s was changed elsewhere while you edited it", f.Title()),
			Detail:   "y keeps yours (their change is overwritten) · n keeps theirs (your edit is dropped)",
			Yes:      keepMineMsg{req}, No: keepTheirsMsg{f.ID}}))
		return nil
	}
	if f != nil {
		f.Saving()
	}
	return writeCmd(m.store, req)
}

// resolve takes the answer to "which to keep".
func (m *Model) resolve(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case keepMineMsg:
		if f := m.formByID(msg.req.Origin); f != nil {
			delete(m.bases, f.ID)
			f.Saving()
		}
		if ow, ok := msg.req.Change.(interface{ Overwrite(*model.Dossier) }); ok && m.snap != nil {
			ow.Overwrite(m.snap.D) // yours over theirs: written on the version read since
		}
		return writeCmd(m.store, msg.req)
	case keepTheirsMsg:
		if f := m.formByID(msg.form); f != nil {
			f.Dismiss()
		}
		cmd := m.popDone()
		m.setStatus("Kept the change made elsewhere; your edit was dropped")
		return cmd
	}
	return nil
}
