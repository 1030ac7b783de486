package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// accountSavedMsg answers an account form; next opens the negotiation form
// for it (creating both from the welcome screen).
type accountSavedMsg struct {
	origin  int
	account model.Account
	next    bool
	err     error
}

// negotiationSavedMsg answers a negotiation form.
type negotiationSavedMsg struct {
	origin int
	n      model.Negotiation
	isNew  bool
	err    error
}

// pickerChangedMsg answers a delete from the picker.
type pickerChangedMsg struct {
	status     string
	closedOpen bool // the open negotiation is gone
	err        error
}

// openAccountForm edits an account (ID 0: a new one). next chains the
// negotiation form once a new account is saved.
func (m *Model) openAccountForm(a model.Account, next bool) {
	kinds := make([]string, len(model.AccountKinds))
	for i, k := range model.AccountKinds {
		kinds[i] = string(k)
	}
	contacts := newField("Contacts", textField, formatContacts(a.Contacts))
	contacts.hint = "Name: role; … add (internal) for our people"
	fields := []*field{
		newField("Name", textField, a.Name),
		newChoice("Kind", kinds, kinds, string(a.Kind)),
		newField("Category", textField, a.Category),
		contacts,
		newField("Notes", textField, a.Notes),
	}
	fields[0].required = true
	fields[0].check()
	title := "New account"
	if a.ID != 0 {
		title = "Account: " + a.Name
	}
	s := m.store
	m.form = newForm(title, fields, func(f *form) (tea.Cmd, error) {
		v := a
		v.Name = f.byLabel("Name").value()
		v.Kind = model.AccountKind(f.byLabel("Kind").value())
		v.Category = f.byLabel("Category").value()
		v.Notes = f.byLabel("Notes").value()
		cs, err := parseContacts(f.byLabel("Contacts").value())
		if err != nil {
			return nil, err
		}
		v.Contacts = cs
		if err := v.Validate(); err != nil {
			return nil, err
		}
		origin := f.id
		return func() tea.Msg {
			err := s.SaveAccount(&v)
			return accountSavedMsg{origin: origin, account: v, next: next && a.ID == 0, err: err}
		}, nil
	})
	m.showForm(m.form, formRef{"account", a.ID})
}

// openNegotiationForm edits a negotiation (ID 0: a new one for the account).
func (m *Model) openNegotiationForm(n model.Negotiation, a model.Account) {
	statuses := []string{string(model.Active), string(model.Agreed), string(model.Abandoned)}
	if n.ID == 0 {
		n.Currency = "EUR"
		n.Status = model.Active
		n.Stage = model.StagePrepare
		n.Title = fmt.Sprintf("%d annual terms", m.opts.Now().Year()+1)
	}
	deadline := ""
	if !n.Deadline.IsZero() {
		deadline = n.Deadline.Format(model.DateLayout)
	}
	fields := []*field{
		newField("Title", textField, n.Title),
		newField("Currency", textField, n.Currency),
		newField("Deadline", dateField, deadline),
		newChoice("Status", statuses, statuses, string(n.Status)),
	}
	fields[0].required = true
	fields[0].check()
	fields[2].hint = "YYYY-MM-DD, optional"
	title := "New negotiation for " + a.Name
	if n.ID != 0 {
		title = "Negotiation: " + n.Title
	}
	s, now := m.store, m.opts.Now
	m.form = newForm(title, fields, func(f *form) (tea.Cmd, error) {
		v := n
		v.Title = f.byLabel("Title").value()
		v.Currency = strings.ToUpper(f.byLabel("Currency").value())
		v.Deadline = f.byLabel("Deadline").date()
		v.Status = model.Status(f.byLabel("Status").value())
		if v.ID == 0 {
			v.Created = now()
		}
		if err := v.Validate(); err != nil {
			return nil, err
		}
		origin, isNew := f.id, n.ID == 0
		return func() tea.Msg {
			err := s.SaveNegotiation(&v)
			return negotiationSavedMsg{origin: origin, n: v, isNew: isNew, err: err}
		}, nil
	})
	m.showForm(m.form, formRef{"negotiation", n.ID})
}

// pickerAnswer handles the answers of the picker's forms and deletes.
func (m *Model) pickerAnswer(msg tea.Msg) tea.Cmd {
	var closed tea.Cmd // the saved form's draft dropped
	cmd := m.pickerResult(msg, func(origin int, err error) bool {
		if m.form != nil && m.form.id == origin {
			if !m.form.saved(err) {
				return false
			}
			closed = m.closeForm()
		}
		return err == nil
	})
	return tea.Batch(closed, cmd)
}

// pickerResult follows up a picker write; closeForm closes the form that
// asked for it and reports whether the write succeeded.
func (m *Model) pickerResult(msg tea.Msg, closeForm func(origin int, err error) bool) tea.Cmd {
	switch msg := msg.(type) {
	case accountSavedMsg:
		if !closeForm(msg.origin, msg.err) {
			if msg.err != nil && m.form == nil {
				m.setError(msg.err)
			}
			return nil
		}
		m.setStatus("Saved account " + msg.account.Name)
		if m.snap != nil && m.snap.d.Account.ID == msg.account.ID {
			m.snap.d.Account = msg.account
			m.refresh()
		}
		if msg.next {
			m.openNegotiationForm(model.Negotiation{AccountID: msg.account.ID}, msg.account)
		}
		if m.picker != nil {
			return pickerDataCmd(m.store)
		}
	case negotiationSavedMsg:
		if !closeForm(msg.origin, msg.err) {
			if msg.err != nil && m.form == nil {
				m.setError(msg.err)
			}
			return nil
		}
		m.setStatus("Saved negotiation " + msg.n.Title)
		if msg.isNew {
			m.picker = nil
			return loadCmd(m.store, msg.n.ID)
		}
		if m.snap != nil && m.snap.d.Negotiation.ID == msg.n.ID {
			m.snap.d.Negotiation = msg.n
			m.refresh()
		}
		if m.picker != nil {
			return pickerDataCmd(m.store)
		}
	case pickerChangedMsg:
		if msg.err != nil {
			m.setError(fmt.Errorf("not deleted: %w", msg.err))
			return nil
		}
		m.setStatus(msg.status)
		var cmds []tea.Cmd
		if msg.closedOpen {
			m.snap = nil
			cmds = append(cmds, loadCmd(m.store, 0))
		}
		if m.picker != nil {
			cmds = append(cmds, pickerDataCmd(m.store))
		}
		return tea.Batch(cmds...)
	}
	return nil
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
