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
// counts 0 for that item, never below (issue 22's promise), and a value past
// their position counts 1, no more. Our opening 12, their 9, weights 80
// (price) and 20 (volume, at their 900: 1).
func TestTheirScoreIsBoundedPerItem(t *testing.T) {
	r := dealDossier().Replay()
	for _, tc := range []struct {
		price, volume string
		want          float64
	}{
		{"13", "900", 20}, // price past our opening counts 0, not below
		{"30", "900", 20}, // however far past
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
