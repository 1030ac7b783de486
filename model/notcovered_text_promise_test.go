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

// A contract's length in months or years is better for us longer; terms in
// another unit (weeks, a percentage) are left for the form to ask.
func TestAContractLengthIsSuggestedUpOnlyInMonthsOrYears(t *testing.T) {
	for _, tc := range []struct {
		unit string
		want Direction
		ok   bool
	}{
		{"months", Up, true},
		{"Years", Up, true},
		{"weeks", "", false},
		{"%", "", false},
	} {
		got, ok := SuggestedDirection(TopicTerms, tc.unit)
		if got != tc.want || ok != tc.ok {
			t.Errorf("SuggestedDirection(terms, %q) = %q, %v; want %q, %v", tc.unit, got, ok, tc.want, tc.ok)
		}
	}
}

// A rebate is suggested from its title only for an item filed under
// discounts, whatever its unit; a per-cent discount under discounts is an
// on-invoice discount, not a rebate; elsewhere neither word decides.
func TestRebateAndDiscountTitlesSuggestALeverOnlyUnderDiscounts(t *testing.T) {
	for _, c := range []struct {
		topic       Topic
		unit, title string
		want        LeverKind
		ok          bool
	}{
		{TopicDiscounts, "EUR", "Year-end rebate", LeverRebate, true},
		{TopicDiscounts, "%", "Early order discount", LeverDiscount, true},
		{TopicSupply, "%", "Rebate on service failures", "", false},
		{TopicSupply, "%", "Discount for late deliveries", "", false},
	} {
		got, ok := SuggestedLever(c.topic, c.unit, c.title)
		if got != c.want || ok != c.ok {
			t.Errorf("SuggestedLever(%s, %q, %q) = %q, %v; want %q, %v", c.topic, c.unit, c.title, got, ok, c.want, c.ok)
		}
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
