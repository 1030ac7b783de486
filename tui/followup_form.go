package tui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// openFollowUpForm adds (ID 0) or edits a follow-up line. The due date is
// checked as it is typed; nothing is written until the line is valid.
func (m *Model) openFollowUpForm(f model.FollowUp) {
	if m.snap == nil {
		return
	}
	side := newChoice("Side", []string{string(model.CustomerSide), string(model.InternalSide)},
		[]string{"customer side", "internal"}, string(f.Side))
	role := newField("Role", textField, f.Role)
	role.hint = "e.g. buyers, stock controllers, order processing"
	person := newField("Person", textField, f.Person)
	person.hint = "who, by name"
	action := newField("Action", textField, f.Action)
	action.required = true
	action.check()
	due := ""
	if !f.Due.IsZero() {
		due = f.Due.Format(model.DateLayout)
	}
	dueField := newField("Due", dateField, due)
	dueField.hint = "YYYY-MM-DD, blank for none"
	fields := []*field{side, role, person, action, dueField}

	if f.ID == 0 {
		for _, o := range m.snap.d.FollowUps {
			f.Order = max(f.Order, o.Order)
		}
		f.Order++
	}
	build := func() model.FollowUp {
		v := f
		v.Side = model.Side(side.value())
		v.Role, v.Person, v.Action = role.value(), person.value(), action.value()
		v.Due = dueField.date()
		return v
	}
	title := "New follow-up line"
	if f.ID != 0 {
		title = "Edit follow-up: " + followUpName(f)
	}
	fm := newForm(title, fields, func(fm *form) (tea.Cmd, error) {
		v := build()
		if err := v.Validate(); err != nil {
			return nil, err
		}
		return m.saveFollowUpCmd(fm.id, v, "Saved follow-up "+followUpName(v)), nil
	})
	fm.preview = func(*form) []string {
		if err := build().Validate(); err != nil {
			return []string{m.st.Warn.Render("✗ " + err.Error())}
		}
		return nil
	}
	if f.ID != 0 {
		fm.focusField(1)
	}
	m.showForm(fm, formRef{"followup", f.ID})
}
