package tui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// Form drafts: what is typed in a form is kept in the file within a second
// of the last key, like the capture line, so that a crash loses nothing. The
// next start opens the form again with the text restored; saving the form or
// cancelling it with esc drops its draft.

// formDraftPrefix starts the keys of every form draft.
const formDraftPrefix = "form/"

// formRef names what a form edits, so that it can be opened again: a kind
// ("item", "concession", …) and the record's ID (0 for a new one).
type formRef struct {
	kind string
	id   uint64
}

func (r formRef) key(negID uint64) string {
	return fmt.Sprintf("%s%d/%s/%d", formDraftPrefix, negID, r.kind, r.id)
}

// parseFormKey reads a key written by formRef.key.
func parseFormKey(key string) (negID uint64, r formRef, ok bool) {
	parts := strings.Split(strings.TrimPrefix(key, formDraftPrefix), "/")
	if len(parts) != 3 {
		return 0, r, false
	}
	if _, err := fmt.Sscan(parts[0], &negID); err != nil {
		return 0, r, false
	}
	r.kind = parts[1]
	if _, err := fmt.Sscan(parts[2], &r.id); err != nil {
		return 0, r, false
	}
	return negID, r, true
}

// formDraftTickMsg fires a second after a key changed a form's text.
type formDraftTickMsg struct {
	form int
	seq  int
}

// formValues is a form's text by field: a label and, when labels repeat
// (the lines of a scenario), its place among the fields of that label.
type formValues map[string]string

func (f *form) values() formValues {
	v := formValues{}
	seen := map[string]int{}
	for _, fl := range f.fields {
		n := seen[fl.label]
		seen[fl.label]++
		v[fmt.Sprintf("%s#%d", fl.label, n)] = fl.value()
	}
	return v
}

// restore puts back the text of a draft into the fields that are still there.
func (f *form) restore(v formValues) {
	seen := map[string]int{}
	for _, fl := range f.fields {
		n := seen[fl.label]
		seen[fl.label]++
		text, ok := v[fmt.Sprintf("%s#%d", fl.label, n)]
		if !ok {
			continue
		}
		if fl.kind == choiceField {
			for i, c := range fl.choices {
				if c == text {
					fl.choice = i
				}
			}
			continue
		}
		fl.input.SetValue(text)
		fl.input.CursorEnd()
		fl.check()
	}
}

// showForm opens a form for what ref names, with the text of its draft
// when one was kept.
func (m *Model) showForm(f *form, ref formRef) {
	f.ref = ref
	f.kept = f.values()
	if text, ok := m.formDrafts[ref.key(m.negID())]; ok {
		var v formValues
		if json.Unmarshal([]byte(text), &v) == nil {
			f.restore(v)
			f.kept = v
			f.err = nil
			m.setStatus("Restored what you were typing in this form (esc drops it)")
		}
	}
	m.form = f
}

// formEdited schedules keeping the form's text once the keys pause.
func (m *Model) formEdited() tea.Cmd {
	f := m.form
	f.seq++
	id, seq := f.id, f.seq
	return m.opts.Tick(draftDelay, func(time.Time) tea.Msg { return formDraftTickMsg{form: id, seq: seq} })
}

// keepFormDraft writes the open form's text when the keys have paused.
func (m *Model) keepFormDraft(msg formDraftTickMsg) tea.Cmd {
	f := m.form
	if f == nil || f.id != msg.form || f.seq != msg.seq || f.ref.kind == "" {
		return nil
	}
	v := f.values()
	if fmt.Sprint(v) == fmt.Sprint(f.kept) {
		return nil
	}
	f.kept = v
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	key := f.ref.key(m.negID())
	m.formDrafts[key] = string(data)
	return saveDraftCmd(m.store, key, string(data))
}

// closeForm closes the open form and drops its draft: it was saved, or the
// user chose to leave it with esc.
func (m *Model) closeForm() tea.Cmd {
	f := m.form
	m.form = nil
	if f == nil || f.ref.kind == "" {
		return nil
	}
	key := f.ref.key(m.negID())
	if _, ok := m.formDrafts[key]; !ok {
		return nil
	}
	delete(m.formDrafts, key)
	return saveDraftCmd(m.store, key, "")
}

// reopenDraftedForm opens again, after a restart, a form whose text was kept
// for the open negotiation (or, with none open, an account form).
func (m *Model) reopenDraftedForm() {
	if m.form != nil {
		return
	}
	for key := range m.formDrafts {
		negID, ref, ok := parseFormKey(key)
		if !ok || negID != m.negID() {
			continue
		}
		if m.openFor(ref) {
			return
		}
	}
}

// openFor opens the form ref names; false when what it edits is gone.
func (m *Model) openFor(ref formRef) bool {
	if m.snap == nil {
		if ref.kind == "account" && ref.id == 0 {
			m.openAccountForm(model.Account{Kind: model.Retail}, true)
			return true
		}
		return false
	}
	d := m.snap.d
	switch ref.kind {
	case "item":
		it, ok := d.Item(ref.id)
		if ref.id == 0 {
			it, ok = newAgendaItem(), true
		}
		if ok {
			m.openItemForm(it)
		}
		return ok
	case "concession":
		c, ok := find(d.Ledger, ref.id, func(c model.Concession) uint64 { return c.ID })
		if ok || ref.id == 0 {
			m.openConcessionForm(c)
		}
		return ok || ref.id == 0
	case "note", "answer":
		n, ok := find(d.Notes, ref.id, func(n model.Note) uint64 { return n.ID })
		switch {
		case ok && ref.kind == "note":
			m.openNoteForm(n)
		case ok:
			m.openAnswerForm(n)
		}
		return ok
	case "followup":
		f, ok := find(d.FollowUps, ref.id, func(f model.FollowUp) uint64 { return f.ID })
		if !ok && ref.id == 0 {
			f, ok = model.FollowUp{Side: model.CustomerSide}, true
		}
		if ok {
			m.openFollowUpForm(f)
		}
		return ok
	case string(model.CategoryScenario), string(model.ProfitScenario):
		sc, ok := d.Scenario(ref.id)
		if ref.id == 0 {
			sc, ok = model.Scenario{Kind: model.ScenarioKind(ref.kind)}, true
		}
		if ok {
			m.openScenarioForm(sc, false)
		}
		return ok
	case "meeting":
		mt, ok := d.Meeting(ref.id)
		if ok {
			m.openMeetingForm(mt)
		}
		return ok
	case "meeting-start", "meeting-end":
		_, running := d.RunningMeeting()
		if running == (ref.kind == "meeting-end") {
			m.toggleMeeting()
			return true
		}
	case "account":
		if ref.id == d.Account.ID {
			m.openAccountForm(d.Account, false)
			return true
		}
	case "negotiation":
		if ref.id == d.Negotiation.ID {
			m.openNegotiationForm(d.Negotiation, d.Account)
			return true
		}
	}
	return false
}
