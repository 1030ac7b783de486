package model

import (
	"strings"
	"testing"
)

// When a move cannot be priced, the reason names the side's package it
// prices: "our offer" for a move of ours, "their offer" for theirs. Here
// two items have the list price lever, which no package can hold.
func TestUnpricedMoveNamesTheSidesOffer(t *testing.T) {
	d := dealDossier()
	d.Items = append(d.Items, AgendaItem{ID: 4, Topic: TopicPrice, Title: "Net price", Better: Up, OurOpening: opt("11"),
		OurWalkAway: opt("9"), TheirOpening: opt("8"), Weight: 10, ValueToThem: 10, Status: ItemOpen, Lever: Lever{Kind: LeverListPrice}})
	r := d.Replay()
	for _, tc := range []struct {
		by     Party
		item   uint64
		to     string
		prefix string
	}{
		{Us, 1, "11.50", "our offer: "},
		{Them, 2, "1000", "their offer: "},
	} {
		_, err := r.ConcessionMoney(tc.by, tc.item, dec(tc.to))
		if err == nil || !strings.HasPrefix(err.Error(), tc.prefix) || !strings.Contains(err.Error(), "a package has one list price") {
			t.Errorf("%s moving item %d to %s: %v, want %q and the reason", tc.by, tc.item, tc.to, err, tc.prefix)
		}
	}
}

// A move on an item the side's offer holds no value for is priced with
// the whole waterfall from the move's own ends: their first volume, 900 →
// 1,000 units at their 9.00 (margin 2), gains us 200 though their opening
// volume was never entered.
func TestMoveOnAnItemTheOfferLacksIsPriced(t *testing.T) {
	d := dealDossier()
	d.Items[1].TheirOpening = none
	m, err := d.Replay().MoveMoney(Them, 2, dec("900"), dec("1000"))
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "their volume 900 → 1,000", m, "200")
}
