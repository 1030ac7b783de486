package model

import "strings"

// Each record kind's Cleaned returns it with CleanText applied to every text
// field: the store applies it to whatever a form saves and import applies it
// to every record, so that text is cleaned wherever it enters. Free-text
// fields meant for paragraphs (account notes, meeting summaries) keep their
// newlines; every other field is one line.

func line(s string) string { return CleanText(s, false) }

// Cleaned is the account with its texts cleaned.
func (a Account) Cleaned() Account {
	a.Name, a.Category, a.Notes = line(a.Name), line(a.Category), CleanText(a.Notes, true)
	if a.Contacts != nil {
		cs := make([]Contact, len(a.Contacts))
		for i, c := range a.Contacts {
			cs[i] = c.Cleaned()
		}
		a.Contacts = cs
	}
	return a
}

// Cleaned is the contact with its texts cleaned and the blanks around its
// e-mail address and phone number trimmed.
func (c Contact) Cleaned() Contact {
	return Contact{Name: line(c.Name), Role: line(c.Role), Side: Side(line(string(c.Side))),
		Email: strings.TrimSpace(line(c.Email)), Phone: strings.TrimSpace(line(c.Phone))}
}

// Cleaned is the negotiation with its texts cleaned.
func (n Negotiation) Cleaned() Negotiation {
	n.Title, n.Currency = line(n.Title), line(n.Currency)
	return n
}

// Cleaned is the item with its texts cleaned.
func (it AgendaItem) Cleaned() AgendaItem {
	it.Title, it.Unit, it.Note = line(it.Title), line(it.Unit), line(it.Note)
	it.Link.Field = line(it.Link.Field)
	return it
}

// Cleaned is the meeting with its texts cleaned.
func (m Meeting) Cleaned() Meeting {
	m.Place, m.Summary = line(m.Place), CleanText(m.Summary, true)
	if m.Attendees != nil {
		as := make([]string, len(m.Attendees))
		for i, a := range m.Attendees {
			as[i] = line(a)
		}
		m.Attendees = as
	}
	return m
}

// Cleaned is the concession with its texts cleaned.
func (c Concession) Cleaned() Concession {
	c.TradedFor, c.Note = line(c.TradedFor), line(c.Note)
	return c
}

// Cleaned is the note with its texts cleaned.
func (n Note) Cleaned() Note {
	n.Text, n.Answer = line(n.Text), line(n.Answer)
	return n
}

// Cleaned is the follow-up line with its texts cleaned.
func (f FollowUp) Cleaned() FollowUp {
	f.Role, f.Person, f.Action, f.Commitment, f.Source = line(f.Role), line(f.Person), line(f.Action), line(f.Commitment), line(f.Source)
	return f
}

// Cleaned is the scenario with its texts cleaned.
func (s Scenario) Cleaned() Scenario {
	s.Name = line(s.Name)
	if s.Impact.Lines != nil {
		ls := make([]ImpactLine, len(s.Impact.Lines))
		for i, l := range s.Impact.Lines {
			l.Product = line(l.Product)
			ls[i] = l
		}
		s.Impact.Lines = ls
	}
	return s
}

// Clean cleans every text of the dossier in place (an import, the demo).
func (d *Dossier) Clean() {
	d.Account, d.Negotiation = d.Account.Cleaned(), d.Negotiation.Cleaned()
	for i := range d.Items {
		d.Items[i] = d.Items[i].Cleaned()
	}
	for i := range d.Meetings {
		d.Meetings[i] = d.Meetings[i].Cleaned()
	}
	for i := range d.Ledger {
		d.Ledger[i] = d.Ledger[i].Cleaned()
	}
	for i := range d.Notes {
		d.Notes[i] = d.Notes[i].Cleaned()
	}
	for i := range d.FollowUps {
		d.FollowUps[i] = d.FollowUps[i].Cleaned()
	}
	for i := range d.Scenarios {
		d.Scenarios[i] = d.Scenarios[i].Cleaned()
	}
}
