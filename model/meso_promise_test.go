package model

import (
	"strings"
	"testing"
)

// mesoTie is a negotiation where giving on the price and recovering on the
// volume earns the reference's contribution but changes nothing for them:
// on both items their position is our opening, so by TheirScore each scores
// 1 wherever it stands. Margin = price − 7; the reference 12.00 × 1,000
// earns 5,000, and 11.00 × 1,250 earns it again.
func mesoTie() *Dossier {
	return &Dossier{
		Negotiation: Negotiation{Deal: DealBasis{CostOfGoods: opt("6"), CostToServe: opt("1")}},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicPrice, Title: "List price", Better: Up, OurOpening: opt("11"), OurTarget: opt("10.50"),
				OurWalkAway: opt("10"), TheirOpening: opt("11"), Weight: 50, ValueToThem: 80, Status: ItemOpen, Lever: Lever{Kind: LeverListPrice}},
			{ID: 2, Topic: TopicVolume, Title: "Volume", Better: Up, OurOpening: opt("1300"), OurTarget: opt("1000"),
				OurWalkAway: opt("800"), TheirOpening: opt("1300"), Weight: 50, ValueToThem: 20, Status: ItemOpen, Lever: Lever{Kind: LeverVolume}},
		},
	}
}

// An equivalent offer no better for them than the reference is refused,
// even when it earns what the reference earns; once the give is worth
// something to them (our opening 12.00, their position 9.00) it is made:
// the full give to 10.00 cannot be recovered within our opening of 1,300
// units, half of it (11.00) can.
func TestEquivalentOfferNoBetterForThemIsRefused(t *testing.T) {
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1000")}}
	d := mesoTie()
	r := d.Replay()
	refTheirs, _ := r.TheirScore(ref.Values)
	m := r.EquivalentOffers(ref, 1)
	if len(m.Offers) != 0 || !strings.Contains(m.Reason, "not better for them") {
		for _, o := range m.Offers {
			ts, _ := r.TheirScore(o.Values)
			t.Errorf("offer %v scores %.2f for them, the reference %.2f", o.Values, ts, refTheirs)
		}
		t.Errorf("reason %q, want the offer refused as no better for them", m.Reason)
	}

	d.Items[0].OurOpening, d.Items[0].TheirOpening = opt("12"), opt("9")
	r = d.Replay()
	if m := r.EquivalentOffers(ref, 1); len(m.Offers) != 1 {
		t.Fatalf("a give worth something to them: no offer (%q)", m.Reason)
	} else if o := m.Offers[0]; !o.Values[1].Equal(dec("11")) || !o.Values[2].Equal(dec("1250")) {
		t.Errorf("offer %v, want 11.00 and 1,250", o.Values)
	}
}

// Their score of a value beyond our opening (better for us than we opened)
// is 0 for that item, never below: the list price at 13 against our opening
// 12 and their 9 counts 0, the volume at their 900 counts 1; weighted 80 and
// 20, the package scores 20 for them.
func TestTheirScoreBeyondOurOpeningIsNotNegative(t *testing.T) {
	r := dealDossier().Replay()
	for _, tc := range []struct {
		price, volume string
		want          float64
	}{
		{"13", "900", 20},
		{"12", "900", 20},
		{"9", "900", 100},
		{"8", "800", 100},    // past their position counts 1, no more
		{"10.5", "1200", 40}, // 80 × 1.5/3 = 40, volume at our opening 0
	} {
		got, ok := r.TheirScore(Values{1: dec(tc.price), 2: dec(tc.volume)})
		if !ok || !approx(got, tc.want) {
			t.Errorf("their score of %s and %s = %v (%v), want %v", tc.price, tc.volume, got, ok, tc.want)
		}
	}
}

// An equivalent offer recovers only on items of lower trade value than the
// one it gives on, never on one of equal value: the list price (80 to them
// for 50 to us) and the allowance (16 for 10) both trade at 1.6, the
// volume at 0.4.
// Giving on the price cannot be recovered on the volume alone (half of it,
// 11.00, would need 1,263 units, past our opening of 1,200), so the one
// offer gives on the allowance (0.20 → 0.40) and recovers on the volume.
// Margin = price − allowance − 7; the reference earns 4,800. Recovering on
// the allowance too (11.00, 1,200 units, 0.00) would earn it, and be better
// for them, but the allowance is worth as much to them as the price.
func TestEquivalentOfferRecoversOnLowerTradeValueOnly(t *testing.T) {
	d := dealDossier()
	d.Negotiation.Deal.Floor = none
	d.Items[0].LastYear, d.Items[1].LastYear = none, none
	d.Items = append(d.Items[:2], AgendaItem{ID: 4, Topic: TopicDiscounts, Title: "Allowance", Better: Down,
		OurOpening: opt("0"), OurTarget: opt("0.20"), OurWalkAway: opt("0.40"), TheirOpening: opt("0.50"),
		Weight: 10, ValueToThem: 16, Status: ItemOpen, Lever: Lever{Kind: LeverAllowance}})
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1000"), 4: dec("0.20")}}
	r := d.Replay()
	m := r.EquivalentOffers(ref, 1)
	if len(m.Offers) != 1 {
		t.Fatalf("%d offers (%q), want 1", len(m.Offers), m.Reason)
	}
	o := m.Offers[0]
	if !o.Values[1].Equal(dec("12")) || !o.Values[4].Equal(dec("0.40")) || !o.Values[2].GreaterThan(dec("1000")) {
		t.Errorf("%s: %v, want the price kept at 12, the allowance given to 0.40 and the volume up", o.Name, o.Values)
	}
}
