package model

import (
	"slices"
	"testing"
)

// Cleaning an account, a meeting or a scenario cleans the texts in its
// lists too: each contact, each attendee, each product line of the
// category impact, with nothing added to a list that had none.
func TestCleaningReachesTheTextsInEveryList(t *testing.T) {
	a := Account{Name: "Hollis", Contacts: []Contact{{Name: "Dana\x1b[2J", Role: "buyer\u202e"}}}.Cleaned()
	if len(a.Contacts) != 1 || a.Contacts[0].Name != "Dana[2J" || a.Contacts[0].Role != "buyer" {
		t.Errorf("contacts cleaned to %+v", a.Contacts)
	}
	m := Meeting{Attendees: []string{"Ann\u0085", "Bob\tSmith"}}.Cleaned()
	if want := []string{"Ann", "Bob Smith"}; !slices.Equal(m.Attendees, want) {
		t.Errorf("attendees cleaned to %q, want %q", m.Attendees, want)
	}
	s := Scenario{Name: "Range", Impact: CategoryImpact{Lines: []ImpactLine{{Product: "Oat\x07 crunch", Units: dec("10")}}}}.Cleaned()
	if len(s.Impact.Lines) != 1 || s.Impact.Lines[0].Product != "Oat crunch" || !s.Impact.Lines[0].Units.Equal(dec("10")) {
		t.Errorf("impact lines cleaned to %+v", s.Impact.Lines)
	}
	if a := (Account{Name: "x"}).Cleaned(); a.Contacts != nil {
		t.Errorf("an account with no contacts has %#v after cleaning", a.Contacts)
	}
	if m := (Meeting{}).Cleaned(); m.Attendees != nil {
		t.Errorf("a meeting with no attendees has %#v after cleaning", m.Attendees)
	}
	if s := (Scenario{}).Cleaned(); s.Impact.Lines != nil {
		t.Errorf("a scenario with no lines has %#v after cleaning", s.Impact.Lines)
	}
}

// A trade that names the first agreed item of the agenda (the list price)
// is left out of the commitments, as one naming any other agreed item is:
// the item's own line says what was agreed.
func TestATradeNamingTheFirstAgreedItemIsLeftOut(t *testing.T) {
	d := agreedDemo(t)
	if d.Items[0].Status != ItemAgreed {
		t.Fatalf("the list price is %s, want agreed", d.Items[0].Status)
	}
	tradeFor(t, d, "listing fee below 30,000", "a better list price per case")
	if c, ok := commitmentNamed(d, "a better list price per case"); ok {
		t.Errorf("a trade naming the agreed list price is proposed: %+v", c)
	}
}
