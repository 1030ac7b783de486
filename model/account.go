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

// Contact is a person at the customer or in our own company, with their role.
type Contact struct {
	Name string
	Role string
	Side Side
}

// Account is a customer: a grocery chain, a manufacturer, a distributor.
type Account struct {
	ID       uint64
	Name     string
	Kind     AccountKind
	Category string // the category we sell into, e.g. "Biscuits"
	Notes    string
	Contacts []Contact
}

// Validate says what is wrong with the account, in the user's words.
func (a Account) Validate() error {
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
		if !c.Side.Valid() {
			return fmt.Errorf("contact %s: side %q is not customer or internal", c.Name, c.Side)
		}
	}
	return nil
}
