package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// openNoteForm edits a note: its text, kind and item, and a question's
// answer or whether an action is done.
func (m *Model) openNoteForm(n model.Note) {
	if m.snap == nil {
		return
	}
	d := m.snap.d
	itemIDs, itemLabels := []string{"0"}, []string{"no item"}
	for _, it := range d.Items {
		itemIDs = append(itemIDs, fmt.Sprint(it.ID))
		itemLabels = append(itemLabels, it.Title)
	}
	kinds := []string{string(model.KindNote), string(model.KindAction), string(model.KindQuestion)}
	text := newField("Text", textField, n.Text)
	text.required = true
	text.check()
	// Answer and Done are always there, so that changing the kind in the
	// form needs no reopening; each counts only for its kind.
	answer := newField("Answer", textField, n.Answer)
	answer.hint = "for a question; blank while it is open"
	done := newChoice("Done", []string{"no", "yes"}, []string{"not done", "done"}, yesNo(n.Done))
	done.hint = "for an action"
	fields := []*field{text, newChoice("Kind", kinds, kinds, string(n.Kind)),
		newChoice("Item", itemIDs, itemLabels, fmt.Sprint(n.ItemID)), answer, done}
	m.form = newForm("Edit "+string(n.Kind), fields, func(f *form) (tea.Cmd, error) {
		v := n
		v.Text = f.byLabel("Text").value()
		v.Kind = model.NoteKind(f.byLabel("Kind").value())
		fmt.Sscan(f.byLabel("Item").value(), &v.ItemID)
		v.Answer = ""
		if v.Kind == model.KindQuestion {
			v.Answer = f.byLabel("Answer").value()
		}
		v = withDone(v, v.Kind == model.KindAction && f.byLabel("Done").value() == "yes", m.opts.Now())
		if err := v.Validate(); err != nil {
			return nil, err
		}
		return m.saveNoteCmd(f.id, v, "Saved "+string(v.Kind)), nil
	})
	m.showForm(m.form, formRef{"note", n.ID})
}

// openAnswerForm answers a question (a blank answer reopens it).
func (m *Model) openAnswerForm(n model.Note) {
	answer := newField("Answer", textField, n.Answer)
	answer.hint = "blank reopens the question"
	m.form = newForm("Answer: "+n.Text, []*field{answer}, func(f *form) (tea.Cmd, error) {
		v := n
		v.Answer = f.byLabel("Answer").value()
		status := "Answered: " + v.Text
		if v.Answer == "" {
			status = "Question open again: " + v.Text
		}
		return m.saveNoteCmd(f.id, v, status), nil
	})
	m.showForm(m.form, formRef{"answer", n.ID})
}

// toggleDone marks an action done (stamped now) or not done, and saves it at once.
func (m *Model) toggleDone(n model.Note) tea.Cmd {
	v := withDone(n, !n.Done, m.opts.Now())
	status := "Done: " + v.Text
	if !v.Done {
		status = "Not done: " + v.Text
	}
	return m.saveNoteCmd(0, v, status)
}

// withDone sets whether an action is done, stamping when it was.
func withDone(n model.Note, done bool, now time.Time) model.Note {
	if done == n.Done {
		return n
	}
	n.Done = done
	n.DoneAt = time.Time{}
	if done {
		n.DoneAt = now
	}
	return n
}

// askDeleteNote deletes a note once confirmed.
func (m *Model) askDeleteNote(n model.Note) {
	negID := m.negID()
	m.askConfirm(fmt.Sprintf("Delete this %s?", n.Kind), ui.Cut(n.Text, 70), func() tea.Cmd {
		return writeCmd(m.store, 0, "Deleted "+string(n.Kind)+": "+n.Text, func(s Store) (func(*model.Dossier), error) {
			if err := s.DeleteNote(negID, n.ID); err != nil {
				return nil, err
			}
			return func(d *model.Dossier) {
				d.Notes = remove(d.Notes, n.ID, func(n model.Note) uint64 { return n.ID })
			}, nil
		})
	})
}

// saveNoteCmd writes a note (a copy) and brings the open negotiation up to date.
func (m *Model) saveNoteCmd(origin int, v model.Note, status string) tea.Cmd {
	negID := m.negID()
	return writeCmd(m.store, origin, status, func(s Store) (func(*model.Dossier), error) {
		if err := s.SaveNote(negID, &v); err != nil {
			return nil, err
		}
		return func(d *model.Dossier) {
			d.Notes = upsert(d.Notes, v, func(n model.Note) uint64 { return n.ID })
		}, nil
	})
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
