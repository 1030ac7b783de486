package editor

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/ui"
)

// The account and negotiation forms' fields.
const (
	keyAccountName form.Key = "name"
	keyAccountKind form.Key = "kind"
	keyCategory    form.Key = "category"
	keyContacts    form.Key = "contacts"
	keyNotes       form.Key = "notes"
	keyCurrency    form.Key = "currency"
	keyDeadline    form.Key = "deadline"
	keyNumbers     form.Key = "numbers"
)

// accountForm edits an account (ID 0: a new one, whose negotiation form
// follows once it is saved).
func accountForm(env Env, a model.Account) *form.Form {
	kinds := make([]string, len(model.AccountKinds))
	for i, k := range model.AccountKinds {
		kinds[i] = string(k)
	}
	name := form.Text(keyAccountName, "Name", a.Name).Required()
	kind := form.Choice(keyAccountKind, "Kind", kinds, kinds, string(a.Kind))
	category := form.Text(keyCategory, "Category", a.Category)
	priv := env.privacy()
	contacts := form.Text(keyContacts, "Contacts", formatContacts(a.Contacts)).WithHint("Name: role; … add (internal) for our people")
	for _, c := range a.Contacts {
		if !priv.Contact(c) {
			contacts.Hidden = true // one field holds them all
		}
	}
	notes := hideUnless(priv.Part(model.PartAccountNotes), form.Text(keyNotes, "Notes", a.Notes))
	title := "New account"
	if a.ID != 0 {
		title = "Account: " + a.Name
	}
	return form.New(env.St, form.Ref{Kind: ui.KindAccount, ID: a.ID}, title, []*form.Field{name, kind, category, contacts, notes},
		func(f *form.Form) (tea.Msg, error) {
			v := a
			v.Name, v.Kind, v.Category, v.Notes = name.Value(), model.AccountKind(kind.Value()), category.Value(), notes.Value()
			cs, err := parseContacts(contacts.Value())
			if err != nil {
				return nil, err
			}
			v.Contacts = cs
			if err := v.Validate(); err != nil {
				return nil, err
			}
			return save(f, "Saved account "+v.Name, &ui.SaveAccount{Account: v, IsNew: a.ID == 0}), nil
		})
}

// negotiationForm edits a negotiation (ID 0: a new one for the account,
// opened once it is saved).
func negotiationForm(env Env, n model.Negotiation, a model.Account) *form.Form {
	statuses := []string{string(model.Active), string(model.Agreed), string(model.Abandoned)}
	if n.ID == 0 {
		n.AccountID = a.ID
		n.Currency = "EUR"
		n.Status = model.Active
		n.Stage = model.StagePrepare
		n.Title = fmt.Sprintf("%d annual terms", env.Now().Year()+1)
	}
	deadline := ""
	if !n.Deadline.IsZero() {
		deadline = n.Deadline.Format(model.DateLayout)
	}
	title := form.Text(keyTitle, "Title", n.Title).Required()
	currency := form.Text(keyCurrency, "Currency", n.Currency)
	due := form.Date(keyDeadline, "Deadline", deadline).WithHint("YYYY-MM-DD, optional")
	status := form.Choice(keyStatus, "Status", statuses, statuses, string(n.Status))
	numbers := form.Choice(keyNumbers, "Numbers typed", []string{"point", "comma"},
		[]string{"24.40 (decimal point)", "9,90 (decimal comma)"}, map[bool]string{false: "point", true: "comma"}[n.DecimalComma]).
		WithHint("how the capture line reads 9,90")
	heading := "New negotiation for " + a.Name
	if n.ID != 0 {
		heading = "Negotiation: " + n.Title
	}
	basis := basisFields(env.privacy(), n.Deal)
	fields := append([]*form.Field{title, currency, due, status, numbers}, basis.fields()...)
	return form.New(env.St, form.Ref{Kind: ui.KindNegotiation, ID: n.ID}, heading, fields,
		func(f *form.Form) (tea.Msg, error) {
			v := n
			v.Title = title.Value()
			v.Currency = strings.ToUpper(currency.Value())
			v.Deadline = due.Time()
			v.Status = model.Status(status.Value())
			v.DecimalComma = numbers.Value() == "comma"
			v.Deal = basis.read(n.Deal)
			if v.ID == 0 {
				v.Created = env.Now()
			}
			if err := v.Validate(); err != nil {
				var fe *model.FieldError
				if errors.As(err, &fe) {
					if k, ok := basisKeys[fe.Field]; ok {
						f.SetError(k, errors.New(fe.Problem))
					}
				}
				return nil, err
			}
			return save(f, "Saved negotiation "+v.Title, &ui.SaveNegotiation{Negotiation: v, IsNew: n.ID == 0}), nil
		})
}

// formatContacts writes contacts for the one-line contacts field.
func formatContacts(cs []model.Contact) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Name
		if c.Role != "" {
			parts[i] += ": " + c.Role
		}
		if c.Side == model.InternalSide {
			parts[i] += " (internal)"
		}
	}
	return strings.Join(parts, "; ")
}

// parseContacts reads "Name: role; Name: role (internal)".
func parseContacts(s string) ([]model.Contact, error) {
	var out []model.Contact
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		c := model.Contact{Side: model.CustomerSide}
		if rest, ok := strings.CutSuffix(part, "(internal)"); ok {
			c.Side, part = model.InternalSide, strings.TrimSpace(rest)
		} else if rest, ok := strings.CutSuffix(part, "(customer)"); ok {
			part = strings.TrimSpace(rest)
		}
		name, role, _ := strings.Cut(part, ":")
		c.Name, c.Role = strings.TrimSpace(name), strings.TrimSpace(role)
		if c.Name == "" {
			return nil, fmt.Errorf("contacts: %q has no name before the colon", part)
		}
		out = append(out, c)
	}
	return out, nil
}
