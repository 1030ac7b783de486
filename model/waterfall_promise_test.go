package model

import "testing"

// Two on-invoice discounts stack: list × (1 − d1) × (1 − d2), not list ×
// (1 − d1 − d2). On a list price of 100, 10 % and 20 % leave 72 a unit, not
// 70; a standing discount of 5 % on top leaves 68.40.
func TestWaterfallStacksDiscounts(t *testing.T) {
	basis := DealBasis{Volume: opt("1000"), CostOfGoods: opt("50"), CostToServe: opt("0")}
	items := []AgendaItem{
		leverItem(1, "List price", Up, Lever{Kind: LeverListPrice}, "100"),
		leverItem(2, "Invoice discount", Down, Lever{Kind: LeverDiscount}, "10"),
		leverItem(3, "Promotion discount", Down, Lever{Kind: LeverDiscount}, "20"),
	}
	values := Values{1: dec("100"), 2: dec("10"), 3: dec("20")}
	w, err := ComputeWaterfall(basis, items, values)
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "invoice after 10 % and 20 %", w.Invoice, "72")
	assertDec(t, "turnover", w.Turnover, "72000")
	assertDec(t, "margin", w.Margin, "22")

	basis.Standing = []StandingTerm{{Lever: Lever{Kind: LeverDiscount}, Value: dec("5")}}
	w, err = ComputeWaterfall(basis, items, values)
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "invoice after a standing 5 % too", w.Invoice, "68.4")
}
