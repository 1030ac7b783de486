package model

import (
	"fmt"
	"strings"
)

// AccountKind is the kind of customer, which decides the follow-up template.
type AccountKind string

// The account kinds.
const (
	Retail     AccountKind = "retail"
	Industrial AccountKind = "industrial"
	Commercial AccountKind = "commercial"
)

// AccountKinds lists the kinds in the order they are offered.
var AccountKinds = []AccountKind{Retail, Industrial, Commercial}

// Valid reports whether k is one of the known kinds.
func (k AccountKind) Valid() bool {
	for _, known := range AccountKinds {
		if k == known {
			return true
		}
	}
	return false
}

// Side says whose organisation a contact or follow-up belongs to.
type Side string

// The two sides of a follow-up or contact.
const (
	CustomerSide Side = "customer"
	InternalSide Side = "internal"
)

// Valid reports whether s is one of the two sides.
func (s Side) Valid() bool { return s == CustomerSide || s == InternalSide }

// Contact is a person at the customer or in our own company, with their
// role: follow-up lines pick their person from the contacts by role.
type Contact struct {
	Name  string
	Role  string
	Side  Side
	Email string // optional
	Phone string // optional
}

// Validate says what is wrong with the contact, in the user's words.
func (c Contact) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return fmt.Errorf("the contact needs a name")
	}
	if !c.Side.Valid() {
		return fmt.Errorf("contact %s: side %q is not customer or internal", c.Name, c.Side)
	}
	if c.Email != "" {
		local, domain, ok := strings.Cut(c.Email, "@")
		if !ok || local == "" || !strings.Contains(strings.Trim(domain, "."), ".") || strings.ContainsAny(c.Email, " ,;<>") {
			return fmt.Errorf("contact %s: %q is not an e-mail address such as dana@hollis.example", c.Name, c.Email)
		}
	}
	if c.Phone != "" {
		digits := 0
		for _, r := range c.Phone {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case strings.ContainsRune("+ ()-./", r):
			default:
				return fmt.Errorf("contact %s: phone %q may hold only digits, spaces and + ( ) - . /", c.Name, c.Phone)
			}
		}
		if digits < 3 {
			return fmt.Errorf("contact %s: phone %q has too few digits", c.Name, c.Phone)
		}
	}
	return nil
}

// ContactsFor lists the contacts on side who hold role (loosely, as the
// follow-up template matches them; a contact may hold several roles): the
// people a follow-up line of that role is filled with.
func (a Account) ContactsFor(side Side, role string) []Contact {
	var out []Contact
	for _, c := range a.Contacts {
		if c.Side == side && holdsRole(c.Role, role) {
			out = append(out, c)
		}
	}
	return out
}

// ContactsNear lists the other contacts on side whose role shares a word
// with role ("area sales manager" for "field sales managers"): the picker
// offers them after ContactsFor's.
func (a Account) ContactsNear(side Side, role string) []Contact {
	var out []Contact
	for _, c := range a.Contacts {
		if c.Side == side && !holdsRole(c.Role, role) && shareAWord(c.Role, role) {
			out = append(out, c)
		}
	}
	return out
}

// holdsRole reports whether a contact's role, which may name several
// ("field sales manager, brand ambassador"), holds the template's role.
func holdsRole(contactRoles, role string) bool {
	for _, one := range splitRoles(contactRoles) {
		if rolesMatch(one, role) {
			return true
		}
	}
	return false
}

func splitRoles(roles string) []string {
	return strings.FieldsFunc(strings.ReplaceAll(roles, " and ", ","), func(r rune) bool {
		return r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	})
}

// shareAWord reports whether two roles share a word that says what the
// person does (not "and", "of" or "staff"): "area sales manager" and "field
// sales managers" share "sales".
func shareAWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(roleWords(strings.ReplaceAll(a, ",", " "))) {
		words[w] = true
	}
	for _, w := range strings.Fields(roleWords(strings.ReplaceAll(b, ",", " "))) {
		if words[w] && len(w) >= 4 && !commonRoleWords[w] {
			return true
		}
	}
	return false
}

// commonRoleWords are the words of a role that say nothing of what the
// person does.
var commonRoleWords = map[string]bool{"staff": true, "other": true, "with": true, "from": true, "team": true, "that": true, "could": true}

// Account is a customer: a grocery chain, a manufacturer, a distributor.
type Account struct {
	ID       uint64
	Name     string
	Kind     AccountKind
	Category string // the category we sell into, e.g. "Biscuits"
	Notes    string
	Contacts []Contact
	Stamp    // UID and Updated, set by the store
}

// Validate says what is wrong with the account, in the user's words.
func (a Account) Validate() error {
	if err := CheckSizes(a); err != nil {
		return err
	}
	if strings.TrimSpace(a.Name) == "" {
		return fmt.Errorf("the account needs a name")
	}
	if !a.Kind.Valid() {
		return fmt.Errorf("account kind %q is not one of retail, industrial, commercial", a.Kind)
	}
	for i, c := range a.Contacts {
		if strings.TrimSpace(c.Name) == "" {
			return fmt.Errorf("contact %d needs a name", i+1)
		}
		if err := c.Validate(); err != nil {
			return err
		}
	}
	return nil
}
