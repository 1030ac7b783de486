package model

import (
	"slices"
	"testing"
)

// The follow-up picker offers a contact for a template role however the
// role is written on the card: words in brackets anywhere do not count,
// and a role named by its activity ("head of buying") matches the people
// who do it ("buyers").
func TestThePickerOffersBuyersHoweverTheirRoleIsWritten(t *testing.T) {
	a := Account{Contacts: []Contact{
		{Name: "Dana Whitlock", Role: "(acting) category buyer", Side: CustomerSide},
		{Name: "Ravi Shah", Role: "head of buying", Side: CustomerSide},
		{Name: "Ines Moll", Role: "category buyer (fresh)", Side: CustomerSide},
		{Name: "Marc Oyelaran", Role: "(interim) stock controller", Side: CustomerSide},
	}}
	var got []string
	for _, c := range a.ContactsFor(CustomerSide, RoleBuyers) {
		got = append(got, c.Name)
	}
	if want := []string{"Dana Whitlock", "Ravi Shah", "Ines Moll"}; !slices.Equal(got, want) {
		t.Errorf("buyers offered: %q, want %q", got, want)
	}
}
