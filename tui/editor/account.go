package editor

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

// The account and negotiation forms' fields.
const (
	keyAccountName form.Key = "name"
	keyAccountKind form.Key = "kind"
	keyCategory    form.Key = "category"
	// "contacts", the one-line contacts field until issue 13, is retired:
	// each contact has its own line now (contactKey).
	keyNotes    form.Key = "notes"
	keyCurrency form.Key = "currency"
	keyDeadline form.Key = "deadline"
	keyNumbers  form.Key = "numbers"
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
	contacts := newContactLines(a.Contacts, priv)
	notes := hideUnless(priv.Part(model.PartAccountNotes), form.Text(keyNotes, "Notes", a.Notes))
	title := "New account"
	if a.ID != 0 {
		title = "Account: " + a.Name
	}
	fields := append([]*form.Field{name, kind, category, notes}, contacts.fields...)
	return form.New(env.St, form.Ref{Kind: vocab.KindAccount, ID: a.ID}, title, fields,
		func(f *form.Form) (tea.Msg, error) {
			v := a
			v.Name, v.Kind, v.Category, v.Notes = name.Value(), model.AccountKind(kind.Value()), category.Value(), notes.Value()
			cs, err := contacts.contacts()
			if err != nil {
				return nil, err
			}
			v.Contacts = cs
			if err := v.Validate(); err != nil {
				return nil, err
			}
			return save(f, "Saved account "+v.Name, &act.SaveAccount{Account: v, IsNew: a.ID == 0}), nil
		}).WithChange(contacts.changed)
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
	return form.New(env.St, form.Ref{Kind: vocab.KindNegotiation, ID: n.ID}, heading, fields,
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
			return save(f, "Saved negotiation "+v.Title, &act.SaveNegotiation{Negotiation: v, IsNew: n.ID == 0}), nil
		})
}
