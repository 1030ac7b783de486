package tui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// modal is a form or dialog on the stack. The top one takes every key (but
// ctrl+c), is drawn over the panes and decides the footer's keys; the mouse
// does nothing while any is open.
type modal interface {
	Update(msg tea.KeyMsg) tea.Cmd
	View(w, h int) []string
	ShortHelp() []key.Binding // nil: the modal shows its own keys
	Done() bool               // it has closed and leaves the stack
}

// top is the modal that has the keys, nil when none is open.
func (m *Model) top() modal {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// push puts a modal on top.
func (m *Model) push(md modal) {
	if md != nil {
		m.stack = append(m.stack, md)
	}
}

// modalKey gives a key to the top modal, keeps a form's text as a draft
// once the keys pause, and takes closed modals off the stack.
func (m *Model) modalKey(msg tea.KeyMsg) tea.Cmd {
	top := m.top()
	f, isForm := top.(*form.Form)
	before := 0
	if isForm {
		before = f.Version()
	}
	cmd := top.Update(msg)
	if isForm && f.Version() != before && !f.Done() {
		id, version := f.ID, f.Version()
		cmd = tea.Batch(cmd, m.opts.Tick(m.opts.DraftDelay, func(time.Time) tea.Msg { return formDraftTickMsg{id, version} }))
	}
	return tea.Batch(cmd, m.popDone())
}

// popDone takes every closed modal off the stack; a closed form's draft
// goes with it (it was saved, or left with esc).
func (m *Model) popDone() tea.Cmd {
	var cmds []tea.Cmd
	kept := m.stack[:0]
	for _, md := range m.stack {
		if !md.Done() {
			kept = append(kept, md)
			continue
		}
		if f, ok := md.(*form.Form); ok {
			delete(m.bases, f.ID)
			if f.Cancelled() {
				m.setStatus(f.CancelStatus())
			}
			cmds = append(cmds, m.dropFormDraft(f))
		}
	}
	clear(m.stack[len(kept):])
	m.stack = kept
	return tea.Batch(cmds...)
}

// formByID finds the form on the stack that asked for a write.
func (m *Model) formByID(id int) *form.Form {
	for _, md := range m.stack {
		if f, ok := md.(*form.Form); ok && f.ID == id {
			return f
		}
	}
	return nil
}

// remove takes the modals that match off the stack.
func (m *Model) remove(match func(modal) bool) {
	kept := m.stack[:0]
	for _, md := range m.stack {
		if !match(md) {
			kept = append(kept, md)
		}
	}
	clear(m.stack[len(kept):])
	m.stack = kept
}

// picker is the open picker, nil when it is closed.
func (m *Model) picker() *dialog.Picker {
	for _, md := range m.stack {
		if p, ok := md.(*dialog.Picker); ok {
			return p
		}
	}
	return nil
}

// welcome is the welcome screen on the stack, nil when it is not.
func (m *Model) welcome() *dialog.Welcome {
	for _, md := range m.stack {
		if w, ok := md.(*dialog.Welcome); ok {
			return w
		}
	}
	return nil
}

// edit opens the form an EditMsg asks for, with its draft when one was kept.
func (m *Model) edit(msg vocab.EditMsg) tea.Cmd {
	if m.changesOpen(msg) && m.refuseEdit() {
		return nil
	}
	f, err := editor.Open(m.editorEnv(), msg)
	if err != nil {
		m.setError(err)
		return nil
	}
	m.pushForm(f)
	m.noteBase(f, msg.Record)
	return nil
}

func (m *Model) editorEnv() editor.Env {
	return editor.Env{Snap: m.snap, St: m.st, Now: m.opts.Now}
}

// newConcession is the concession form for the agenda's selected item.
func (m *Model) newConcession() vocab.EditMsg {
	c := model.Concession{}
	if it, ok := m.agenda.Selected(); ok && it.Numeric() {
		c.ItemID = it.ID
	}
	return vocab.EditMsg{Kind: vocab.KindConcession, Record: c}
}

// meetingToggle starts the next meeting or ends the one that runs.
func meetingToggle(d *model.Dossier) vocab.EditMsg { return editor.MeetingToggle(d) }

func newStageDialog(st *ui.Styles, s *vocab.Snapshot) modal {
	return dialog.NewStage(st, s.D, s.Privacy())
}

// openPicker opens the accounts and negotiations and reads them.
func (m *Model) openPicker() tea.Cmd {
	m.push(dialog.NewPicker(m.st, m.negID()))
	return pickerDataCmd(m.store)
}

// helpDialog lists every key: the workbench's, the focused pane's, then
// every other pane's.
func (m *Model) helpDialog() modal {
	k := m.keys
	groups := []dialog.HelpGroup{
		{Title: "Workbench", Keys: []key.Binding{k.PanesHelp, k.Next, k.Prev, k.Capture, k.Concession, k.Meeting, k.Stage, k.Privacy, k.Open, k.Portfolio, k.Approvals, k.Brief, k.Spar, k.Undo, k.Redo, k.Help, k.Quit, k.ForceQuit}},
		{Title: m.paneTitle(m.focus) + " pane", Keys: append([]key.Binding{k.MoveHelp}, m.panes[m.focus].Keys()...)},
	}
	for i := range m.panes {
		if p := paneID(i); p != m.focus {
			groups = append(groups, dialog.HelpGroup{Title: m.paneTitle(p) + " pane", Keys: m.panes[p].Keys()})
		}
	}
	return dialog.NewHelp(m.st, groups...)
}

// Form drafts: what is typed in a form is kept in the file within a moment
// of the last key, like the capture line, so that a crash loses nothing.
// The next start opens the form again with the text restored; saving the
// form or cancelling it with esc drops its draft. A draft is keyed by the
// negotiation, the record's kind and ID, and holds the text by field key.

// formDraftPrefix starts the keys of every form draft.
const formDraftPrefix = "form/"

// formDraftKey is the key of a form's draft in the open negotiation.
func formDraftKey(negID uint64, r form.Ref) string {
	return fmt.Sprintf("%s%d/%s/%d", formDraftPrefix, negID, r.Kind, r.ID)
}

// parseFormDraftKey reads a key written by formDraftKey.
func parseFormDraftKey(k string) (negID uint64, r form.Ref, ok bool) {
	parts := strings.Split(strings.TrimPrefix(k, formDraftPrefix), "/")
	if len(parts) != 3 {
		return 0, r, false
	}
	if _, err := fmt.Sscan(parts[0], &negID); err != nil {
		return 0, r, false
	}
	r.Kind = vocab.Kind(parts[1])
	if _, err := fmt.Sscan(parts[2], &r.ID); err != nil {
		return 0, r, false
	}
	return negID, r, true
}

// formDraftTickMsg fires a moment after a key changed a form's text.
type formDraftTickMsg struct {
	form    int
	version int
}

// pushForm opens a form with the text of its draft when one was kept.
func (m *Model) pushForm(f *form.Form) {
	if text, ok := m.formDrafts[formDraftKey(m.negID(), f.Ref)]; ok && f.Ref.Kind != "" {
		var v form.Values
		if json.Unmarshal([]byte(text), &v) == nil {
			f.Restore(v)
			f.Kept(f.Version())
			m.setStatus("Restored what you were typing in this form (esc drops it)")
		}
	}
	m.push(f)
}

// keepFormDraft writes a form's text when the keys have paused.
func (m *Model) keepFormDraft(msg formDraftTickMsg) tea.Cmd {
	f := m.formByID(msg.form)
	if f == nil || f.Version() != msg.version || f.Ref.Kind == "" {
		return nil
	}
	data, err := json.Marshal(f.Values())
	if err != nil {
		return nil
	}
	k := formDraftKey(m.negID(), f.Ref)
	m.formDrafts[k] = string(data)
	s, id, version := m.store, f.ID, f.Version()
	return func() tea.Msg {
		if err := s.SaveDraft(k, string(data)); err != nil {
			return vocab.ErrorMsg{Err: fmt.Errorf("draft not kept: %w", err)}
		}
		return formDraftKeptMsg{id, version}
	}
}

// formDraftKeptMsg says a form's text reached the file as its draft.
type formDraftKeptMsg struct {
	form    int
	version int
}

// dropFormDraft drops the draft of a form that closed.
func (m *Model) dropFormDraft(f *form.Form) tea.Cmd {
	k := formDraftKey(m.negID(), f.Ref)
	if _, ok := m.formDrafts[k]; !ok || f.Ref.Kind == "" {
		return nil
	}
	delete(m.formDrafts, k)
	return saveDraftCmd(m.store, k, "")
}

// reopenDraftedForm opens again, after a restart, a form whose text was kept
// for the open negotiation (or, with none open, an account form).
func (m *Model) reopenDraftedForm() {
	if m.readOnly() {
		return // its save would be refused: the draft stays in the file
	}
	for _, md := range m.stack {
		if _, ok := md.(*form.Form); ok {
			return
		}
	}
	for k := range m.formDrafts {
		negID, ref, ok := parseFormDraftKey(k)
		if !ok || negID != m.negID() {
			continue
		}
		if f, ok := editor.Reopen(m.editorEnv(), ref); ok {
			m.pushForm(f)
			return
		}
	}
}
