package editor

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
)

// The account's contacts on its form: one line per person, "name; role;
// customer or internal; e-mail; phone", checked as typed. The blank line at
// the end adds one (typing there opens another blank line); emptying a
// line (ctrl+u) removes its contact. While privacy is on our own people
// are hidden lines that keep their text, so saving keeps them.

// contactHint explains a contact line.
const contactHint = "name; role; customer or internal; e-mail; phone · ctrl+u empties it (removes)"

// contactKey is the key of contact line i (from 1). Drafts are keyed by it.
func contactKey(i int) form.Key { return form.Key(fmt.Sprintf("contact-%d", i)) }

// contactLines are the form's contact fields: one per contact, then a
// blank one to add a contact.
type contactLines struct {
	fields []*form.Field
}

func newContactLines(cs []model.Contact, priv model.Privacy) *contactLines {
	l := &contactLines{}
	for _, c := range cs {
		fl := l.add(contactText(c))
		fl.Hidden = !priv.Contact(c)
	}
	l.add("")
	return l
}

// add makes the next contact line.
func (l *contactLines) add(text string) *form.Field {
	n := len(l.fields) + 1
	fl := form.Text(contactKey(n), fmt.Sprintf("Contact %d", n), text).WithHint(contactHint).
		WithCheck(func(s string) error { _, err := parseContact(s); return err })
	if text == "" {
		fl.Label = "New contact"
	}
	l.fields = append(l.fields, fl)
	return fl
}

// changed grows the list when its blank line was typed into.
func (l *contactLines) changed(f *form.Form, k form.Key) {
	last := l.fields[len(l.fields)-1]
	if k != last.Key || last.Value() == "" {
		return
	}
	last.Label = fmt.Sprintf("Contact %d", len(l.fields))
	f.AddField(l.add(""))
}

// contacts reads the lines: empty ones are removed contacts; hidden ones
// keep the text they were made with.
func (l *contactLines) contacts() ([]model.Contact, error) {
	var out []model.Contact
	for _, fl := range l.fields {
		if fl.Value() == "" {
			continue
		}
		c, err := parseContact(fl.Value())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fl.Label, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// contactText writes a contact as its line, without empty trailing parts.
func contactText(c model.Contact) string {
	parts := []string{c.Name, c.Role, string(c.Side), c.Email, c.Phone}
	for len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, "; ")
}

// parseContact reads "name; role; customer or internal; e-mail; phone"
// (only the name is needed; the side is the customer's unless said).
func parseContact(s string) (model.Contact, error) {
	parts := strings.Split(s, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) > 5 {
		return model.Contact{}, fmt.Errorf("at most name; role; side; e-mail; phone")
	}
	parts = append(parts, make([]string, 5-len(parts))...)
	c := model.Contact{Name: parts[0], Role: parts[1], Side: model.CustomerSide, Email: parts[3], Phone: parts[4]}
	switch side := strings.ToLower(parts[2]); {
	case side == "":
	case strings.HasPrefix("customer", side) || side == "theirs" || side == "they":
		c.Side = model.CustomerSide
	case strings.HasPrefix("internal", side) || side == "ours" || side == "we" || side == "us":
		c.Side = model.InternalSide
	default:
		return model.Contact{}, fmt.Errorf("side %q: customer or internal", parts[2])
	}
	return c, c.Validate()
}
