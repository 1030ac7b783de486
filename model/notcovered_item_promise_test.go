package model

import (
	"testing"
)

// An edit of an item keeps the ledger whole: on the demo, the list price
// (we moved 24.80 → 24.50) cannot open at 24.50, our move would be none;
// payment terms' openings can change while every move stays a move.
// Where the item stands on the agenda does not matter: first or last.
func TestAnItemEditThatUndoesAMoveIsRefused(t *testing.T) {
	d := Demo(demoNow)
	price := d.Items[0]
	price.OurOpening = opt("24.50")
	assertErr(t, d.CheckItem(price), "the concession to 24.50 would no longer be a move")
	last := Demo(demoNow)
	last.Items = append(last.Items[1:], last.Items[0])
	assertErr(t, last.CheckItem(price), "the concession to 24.50 would no longer be a move")
	price.OurOpening = opt("24.60")
	assertErr(t, d.CheckItem(price), "")

	terms := d.Items[1]
	terms.OurOpening, terms.TheirOpening = opt("40"), opt("80")
	assertErr(t, d.CheckItem(terms), "")
	terms.TheirOpening = opt("60") // their moves to 75 and then 60 are no longer moves
	assertErr(t, d.CheckItem(terms), "would no longer be a move")
}

// Their opening is needed only where they moved: the allowance (only our
// move on the demo) may lose it, the volume (only theirs) may not, and an
// item with no move at all may become an item in words.
func TestTheirOpeningIsNeededOnlyWhereTheyMoved(t *testing.T) {
	d := Demo(demoNow)
	allowance := d.Items[4]
	allowance.TheirOpening = none
	assertErr(t, d.CheckItem(allowance), "")

	volume := d.Items[3]
	volume.TheirOpening = none
	assertErr(t, d.CheckItem(volume), "concessions of theirs: it needs their opening")
	volume.TheirOpening, volume.OurOpening = opt("150000"), none
	assertErr(t, d.CheckItem(volume), "it needs our opening")

	review := d.Items[8]
	review.Title = "Half-yearly joint business plan review"
	assertErr(t, d.CheckItem(review), "")
	review.ID = 0 // a new item has no ledger to break
	assertErr(t, d.CheckItem(review), "")
}

// Two levers are the same only when every parameter is: the kind, and a
// growth rebate measured in volume or in money, tell them apart; the
// score-only lever with nothing set is the zero one.
func TestLeversAreEqualOnlyWithTheSameKindAndParameters(t *testing.T) {
	growth := Lever{Kind: LeverRebate, Base: BaseGrowth, InVolume: true, Tiers: []Tier{{Over: dec("5"), Rate: dec("2")}}}
	same := Lever{Kind: LeverRebate, Base: BaseGrowth, InVolume: true, Tiers: []Tier{{Over: dec("5.0"), Rate: dec("2.00")}}}
	if !growth.Equal(same) {
		t.Errorf("%+v and %+v differ only in how their tiers are written, yet are not equal", growth, same)
	}
	inMoney := same
	inMoney.InVolume = false
	if growth.Equal(inMoney) || inMoney.Equal(growth) {
		t.Error("a growth rebate measured in volume equals one measured in money")
	}
	if a, b := (Lever{Kind: LeverListPrice}), (Lever{Kind: LeverAllowance}); a.Equal(b) {
		t.Error("a list price lever equals an allowance")
	}
	if !(Lever{}).IsZero() || (Lever{Kind: LeverVolume}).IsZero() || (Lever{InVolume: true}).IsZero() {
		t.Error("IsZero is not true for the score-only lever alone")
	}
}
