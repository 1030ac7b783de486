package editor

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

// The follow-up form's fields.
const (
	keySide   form.Key = "side"
	keyRole   form.Key = "role"
	keyPerson form.Key = "person"
	keyAction form.Key = "action"
	keyDue    form.Key = "due"
	keyPick   form.Key = "pick-person"
)

// followUpForm adds (ID 0) or edits a follow-up line. The due date is
// checked as it is typed; nothing is written until the line is valid.
func followUpForm(env Env, f model.FollowUp) *form.Form {
	side := form.Choice(keySide, "Side", []string{string(model.CustomerSide), string(model.InternalSide)},
		[]string{"customer side", "internal"}, string(f.Side))
	role := form.Text(keyRole, "Role", f.Role).WithHint("e.g. buyers, stock controllers, order processing")
	person := form.Text(keyPerson, "Person", f.Person).WithHint("who, by name")
	d, priv := env.Snap.D, env.privacy()
	pick := form.Choice(keyPick, "From contacts", nil, nil, "")
	pick.SetChoices(contactChoices(d.Account, priv, f.Side, f.Role))
	action := form.Text(keyAction, "Action", f.Action).Required()
	due := ""
	if !f.Due.IsZero() {
		due = f.Due.Format(model.DateLayout)
	}
	dueField := form.Date(keyDue, "Due", due).WithHint("YYYY-MM-DD, blank for none")
	if f.ID == 0 {
		for _, o := range env.Snap.D.FollowUps {
			f.Order = max(f.Order, o.Order)
		}
		f.Order++
	}
	build := func() model.FollowUp {
		v := f
		v.Side = model.Side(side.Value())
		v.Role, v.Person, v.Action = role.Value(), person.Value(), action.Value()
		v.Due = dueField.Time()
		return v
	}
	title := "New follow-up line"
	if f.ID != 0 {
		title = "Edit follow-up: " + FollowUpName(f)
	}
	negID := env.negID()
	fm := form.New(env.St, form.Ref{Kind: vocab.KindFollowUp, ID: f.ID}, title, []*form.Field{side, role, pick, person, action, dueField},
		func(fm *form.Form) (tea.Msg, error) {
			v := build()
			if err := v.Validate(); err != nil {
				return nil, err
			}
			return save(fm, "Saved follow-up "+FollowUpName(v), act.SaveFollowUp(negID, v)), nil
		}).WithPreview(func(*form.Form) []string { return warnings(env.St, build().Validate()) }).
		WithChange(func(fm *form.Form, k form.Key) {
			switch k {
			case keySide, keyRole: // the people of the line's role
				pick.SetChoices(contactChoices(d.Account, priv, model.Side(side.Value()), role.Value()))
			case keyPick:
				if name := pick.Value(); name != "" {
					person.SetValue(name)
				}
			}
		})
	if f.ID != 0 {
		fm.FocusField(1)
	}
	return fm
}

// contactChoices are the account's contacts a line of role on side can
// pick its person from (those the privacy rule shows), after "type a name":
// DESIGN 4's picker.
func contactChoices(a model.Account, priv model.Privacy, side model.Side, role string) (values, labels []string) {
	values, labels = []string{""}, []string{"none: type a name below"}
	// Those who hold the role, then those whose role shares a word with it.
	for _, c := range append(a.ContactsFor(side, role), a.ContactsNear(side, role)...) {
		if priv.Contact(c) {
			values = append(values, c.Name)
			labels = append(labels, c.Name+" ("+c.Role+")")
		}
	}
	if len(values) == 1 {
		labels[0] = "no contact has this role: type a name below"
	}
	return values, labels
}

// FollowUpName is how a line is named in messages: its role, else its person.
func FollowUpName(f model.FollowUp) string {
	if f.Role != "" {
		return f.Role
	}
	return f.Person
}
