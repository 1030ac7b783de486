package model

import (
	"slices"
	"strings"
	"testing"
)

// An equivalent offer exactly MinBetterForThem (2) points better for them
// than the reference is made. Price (value to them 1, our opening 12,
// their position 10, our walk-away 11) against volume (value to them 24,
// their opening ours: its score stays 1): giving price to 11 takes its
// score from 0 to 0.5, their score from 100 × 24/25 = 96 to
// 100 × 24.5/25 = 98, with and without the floor; margin 12 − 7 = 5 on
// 1,000 units is earned again as 4 on 1,250.
func TestAnOfferExactlyTwoPointsBetterForThemIsMade(t *testing.T) {
	d := mesoTie()
	d.Items[0].OurOpening, d.Items[0].OurWalkAway, d.Items[0].TheirOpening = opt("12"), opt("11"), opt("10")
	d.Items[0].ValueToThem, d.Items[0].Weight = 1, 1
	d.Items[1].ValueToThem, d.Items[1].Weight = 24, 50
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1000")}}
	r := d.Replay()
	m := r.EquivalentOffers(ref, 1)
	if !slices.Equal(m.Says, []string{"gives List price 11.00 · asks Volume 1,250"}) || m.Reason != "" {
		t.Fatalf("offers say %q, reason %q; want one: gives List price 11.00 · asks Volume 1,250", m.Says, m.Reason)
	}
	refTheirs, _ := r.TheirScore(ref.Values)
	theirs, _ := r.TheirScore(m.Offers[0].Values)
	cost, _ := r.theirCost(m.Offers[0].Values)
	if refTheirs != 96 || theirs != 98 || cost != 98 {
		t.Errorf("their score %v → %v (unfloored %v), want 96 → 98 (98)", refTheirs, theirs, cost)
	}
}

// An offer that only undoes an ask past our opening is no better for them
// by TheirScore and is refused, however much it gains unfloored. The
// reference asks a price of 15 past our opening 12 (their position 9);
// the give stops at 13.45, still past our opening (score 0 before and
// after), and the volume asked back (1,000 → 1,240) costs them a little.
func TestAnOfferThatOnlyUndoesAnAskPastOurOpeningIsRefused(t *testing.T) {
	d := mesoTie()
	d.Items[0].OurOpening, d.Items[0].OurWalkAway, d.Items[0].TheirOpening = opt("12"), opt("11.9"), opt("9")
	d.Items[0].ValueToThem, d.Items[0].Weight = 80, 50
	d.Items[1].OurOpening, d.Items[1].TheirOpening = opt("1300"), opt("1000")
	d.Items[1].ValueToThem, d.Items[1].Weight = 1, 50
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("15"), 2: dec("1000")}}
	m := d.Replay().EquivalentOffers(ref, 1)
	if len(m.Offers) != 0 {
		t.Errorf("offers %q made, want none", m.Says)
	}
	if want := "giving on List price: the offer is not better for them by 2 points of their values"; !strings.HasSuffix(m.Reason, want) {
		t.Errorf("reason %q, want it to end %q", m.Reason, want)
	}
}

// An offer better for them by TheirScore but not once an ask past our
// opening counts against them is refused. Price (value to them 30, our
// opening 12, their position 9) is given half-way to our walk-away 11:
// 11.50, a sixth of its span, +12.5 points. The volume asked back,
// 1,300 → 1,445 past our opening 1,300 (their opening 1,000), scores 0 for
// them either way but −0.48 unfloored: +0.42 points, short of 2.
func TestAnOfferThatBuysItsPointsByAskingPastOurOpeningIsRefused(t *testing.T) {
	d := mesoTie()
	d.Items[0].OurOpening, d.Items[0].OurWalkAway, d.Items[0].TheirOpening = opt("12"), opt("11"), opt("9")
	d.Items[0].ValueToThem, d.Items[0].Weight = 30, 50
	d.Items[1].OurOpening, d.Items[1].TheirOpening = opt("1300"), opt("1000")
	d.Items[1].ValueToThem, d.Items[1].Weight = 10, 50
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1300")}}
	r := d.Replay()
	half := Values{1: dec("11.5"), 2: dec("1445")}
	refTheirs, _ := r.TheirScore(ref.Values)
	refCost, _ := r.theirCost(ref.Values)
	theirs, _ := r.TheirScore(half)
	cost, _ := r.theirCost(half)
	if !approx(theirs-refTheirs, 12.5) || !approx(cost-refCost, 0.5-1.0/12) {
		t.Errorf("the half give gains %v points (%v unfloored), want 12.5 (0.42)", theirs-refTheirs, cost-refCost)
	}
	m := r.EquivalentOffers(ref, 1)
	if len(m.Offers) != 0 {
		t.Errorf("offers %q made, want none", m.Says)
	}
	if want := "; giving on List price: the offer is not better for them by 2 points of their values"; !strings.HasSuffix(m.Reason, want) {
		t.Errorf("reason %q, want it to end %q", m.Reason, want)
	}
}
