package model

import (
	"slices"
	"testing"
)

// The demo's three equivalent offers are numbered from 1, each says in
// words what it gives and what it asks (with the item's unit), and no
// reason is given when all three asked for are made. The volume asked is
// the nearest step (1,000 cases) when it earns the reference within 0.5 %:
// 203,000 for 60 payment days, not the step short of it (202,000).
func TestEquivalentOffersAreNumberedAndSayWhatTheyGiveAndAsk(t *testing.T) {
	r := Demo(demoNow).Replay()
	m := r.EquivalentOffers(r.Positions(OriginOurs), 3)
	var names []string
	for _, o := range m.Offers {
		names = append(names, o.Name)
	}
	wantNames := []string{
		"Equivalent 1: more on Service level, on time in full",
		"Equivalent 2: more on Payment terms",
		"Equivalent 3: more on Promotional allowance",
	}
	wantSays := []string{
		"gives Service level, on time in full 98.5 % · asks Annual volume commitment 203,000 cases",
		"gives Payment terms 60 days · asks Annual volume commitment 203,000 cases",
		"gives Promotional allowance 1.00 EUR/case · asks Annual volume commitment 216,000 cases",
	}
	if !slices.Equal(names, wantNames) {
		t.Errorf("offers named %q, want %q", names, wantNames)
	}
	if !slices.Equal(m.Says, wantSays) {
		t.Errorf("offers say %q, want %q", m.Says, wantSays)
	}
	if m.Reason != "" {
		t.Errorf("3 of 3 offers made, yet the reason %q", m.Reason)
	}
}

// When fewer offers are made than asked for only because fewer items have
// room to give, the reason says so, and nothing else. Price (our opening
// 12, their position 9) is the one item to give on: the volume is already
// past their position. Margin = price − 7: 12.00 × 1,000 earns 5,000 and
// 11.00 × 1,250 earns it again.
func TestFewerOffersThanAskedSayHowManyItemsHaveRoom(t *testing.T) {
	d := mesoTie()
	d.Items[0].OurOpening, d.Items[0].TheirOpening = opt("12"), opt("9")
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1000")}}
	m := d.Replay().EquivalentOffers(ref, 2)
	if len(m.Offers) != 1 || !slices.Equal(m.Says, []string{"gives List price 11.00 · asks Volume 1,250"}) {
		t.Errorf("offers %v saying %q, want one: gives List price 11.00 · asks Volume 1,250", m.Offers, m.Says)
	}
	if want := "only 1 of 2: 1 item has room to give inside our walk-aways and short of their position"; m.Reason != want {
		t.Errorf("reason %q, want %q", m.Reason, want)
	}
}

// An offer that only gives says what it gives and asks nothing: no
// dangling "asks".
func TestAnOfferThatOnlyGivesAsksNothing(t *testing.T) {
	d := mesoTie()
	r := d.Replay()
	ref := Package{Values: Values{1: dec("11"), 2: dec("1000")}}
	if got, want := r.says(ref, ref.With(1, dec("10.50"))), "gives List price 10.50"; got != want {
		t.Errorf("says %q, want %q", got, want)
	}
}

// An item they value as much as the one we give on (the same trade value)
// is not taken to recover the contribution: we recover only on what they
// value less. Price and volume both have value to them 80 and weight 50.
func TestRecoveryNeverTakesAnItemOfEqualTradeValue(t *testing.T) {
	d := mesoTie()
	d.Items[0].OurOpening, d.Items[0].TheirOpening = opt("12"), opt("9")
	d.Items[1].ValueToThem = 80
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1000")}}
	m := d.Replay().EquivalentOffers(ref, 1)
	if len(m.Offers) != 0 {
		t.Errorf("offers %q recover on an item of the same trade value", m.Says)
	}
	want := "only 0 of 1: 1 item has room to give inside our walk-aways and short of their position; " +
		"giving on List price: no item of lower trade value has room to recover without taking back a concession"
	if m.Reason != want {
		t.Errorf("reason %q, want %q", m.Reason, want)
	}
}
