package model

import (
	"testing"
)

// The outlook knows which of our moves wait for a trade-back: on the demo
// #10 (the rebate to 1.75, ledger ID 10) does, our earlier #2 on payment
// terms was paid back and their #1 is not ours; no outlook owes nothing.
func TestTheOutlookFindsTheOwedMove(t *testing.T) {
	o := Demo(demoNow).Replay().Outlook(demoNow)
	if !o.IsOwed(10) || o.IsOwed(2) || o.IsOwed(1) {
		t.Errorf("owed #10, #2, #1: %v %v %v; want true false false", o.IsOwed(10), o.IsOwed(2), o.IsOwed(1))
	}
	ow, ok := o.OwedMove(10)
	if !ok || ow.Number != 10 || ow.Move.ID != 10 || !ow.Move.To.Equal(dec("1.75")) {
		t.Errorf("OwedMove(10) = %+v, %v; want #10, the rebate to 1.75", ow, ok)
	}
	if ow, ok := o.OwedMove(2); ok {
		t.Errorf("OwedMove(2) = %+v, want none", ow)
	}
	var none *Outlook
	if none.IsOwed(10) {
		t.Error("no outlook says #10 is owed")
	}
	if _, ok := none.OwedMove(10); ok {
		t.Error("no outlook gives an owed move")
	}
}

// The outlook gives each numeric item its forecast, the agenda's first item
// too, and none for an item in words; the suggestion on an item is its
// own, and an item without one (the item in words) gets none.
func TestTheOutlookGivesEachItemItsOwnForecastAndSuggestion(t *testing.T) {
	o := Demo(demoNow).Replay().Outlook(demoNow)
	for _, id := range []uint64{1, 2, 8} {
		f, ok := o.ItemForecast(id)
		if !ok || f.Item.ID != id {
			t.Errorf("ItemForecast(%d) = item %d, %v; want item %d", id, f.Item.ID, ok, id)
		}
	}
	if f, ok := o.ItemForecast(9); ok {
		t.Errorf("the item in words has a forecast: %+v", f)
	}
	for _, id := range []uint64{1, 5} {
		sg := o.ItemSuggestions(id)
		if len(sg) != 1 || sg[0].Item.ID != id {
			t.Errorf("ItemSuggestions(%d) = %+v, want the one on item %d", id, sg, id)
		}
	}
	if sg := o.ItemSuggestions(9); len(sg) != 0 {
		t.Errorf("the item in words has suggestions %+v", sg)
	}
	var none *Outlook
	if _, ok := none.ItemForecast(1); ok || none.ItemSuggestions(1) != nil {
		t.Error("no outlook gives a forecast or a suggestion")
	}
}

// No dossier has the same figures as no dossier, and never those of a
// dossier: a reload that brought nothing keeps nothing.
func TestSameFiguresOfNoDossier(t *testing.T) {
	var none *Dossier
	d := Demo(demoNow)
	if !none.SameFigures(nil) {
		t.Error("no dossier against no dossier: not the same figures")
	}
	if none.SameFigures(d) || d.SameFigures(nil) {
		t.Error("no dossier has the demo's figures")
	}
}
