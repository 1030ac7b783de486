package model

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// Advice is what the trade plan says to do with an item.
type Advice string

// The trade-plan advice, from the items to give to the items to ask for.
const (
	GiveFirst   Advice = "give first"   // worth more to them than to us
	TradeEvenly Advice = "trade evenly" // worth about the same to both
	AskFor      Advice = "ask for"      // worth more to us than to them
)

// TradeEntry is one open item in the trade plan.
type TradeEntry struct {
	Index    int // in Dossier.Items
	Item     AgendaItem
	Leverage float64
	Advice   Advice
}

// TradePlan ranks the open items by trade leverage, highest first: give the
// items at the top (cheap for us, dear to them) to get the ones at the bottom.
func (d *Dossier) TradePlan() []TradeEntry {
	var plan []TradeEntry
	for i, it := range d.Items {
		if it.Status != ItemOpen {
			continue
		}
		lev := it.Leverage()
		advice := TradeEvenly
		switch {
		case lev >= 1.25:
			advice = GiveFirst
		case lev <= 0.8:
			advice = AskFor
		}
		plan = append(plan, TradeEntry{Index: i, Item: it, Leverage: lev, Advice: advice})
	}
	slices.SortStableFunc(plan, func(a, b TradeEntry) int {
		return cmp.Or(cmp.Compare(b.Leverage, a.Leverage), cmp.Compare(a.Index, b.Index))
	})
	return plan
}

// ConcessionCost is what an open item has cost us so far and what closing
// its gap at their position would cost, in money.
type ConcessionCost struct {
	Index      int
	GivenSoFar decimal.Decimal // from our opening to our current position
	ToClose    decimal.Decimal // from our current position to theirs
	Via        string          // how the money was worked out: "money per unit" or the linked scenario field
}

// ConcessionCosts prices every open numeric item whose money value is known:
// through its link to a profitability scenario when it has one (the change in
// our annual profit), else through money per unit.
func (r *Replay) ConcessionCosts() []ConcessionCost {
	d := r.dossier
	var costs []ConcessionCost
	for i, it := range d.Items {
		if it.Status != ItemOpen || !it.Numeric() {
			continue
		}
		st := r.Items[i]
		if c, ok := r.linkedCost(i); ok {
			costs = append(costs, c)
			continue
		}
		if !it.MoneyPerUnit.Valid {
			continue
		}
		s := it.Better.Sign()
		c := ConcessionCost{Index: i, Via: "money per unit",
			GivenSoFar: s.Mul(it.OurOpening.Decimal.Sub(st.Ours)).Mul(it.MoneyPerUnit.Decimal)}
		if it.Tracked() {
			c.ToClose = st.Gap.Mul(it.MoneyPerUnit.Decimal)
		}
		costs = append(costs, c)
	}
	return costs
}

// linkedCost prices item i through the scenario field it links to.
func (r *Replay) linkedCost(i int) (ConcessionCost, bool) {
	it := r.dossier.Items[i]
	sc, ok := r.dossier.Scenario(it.Link.ScenarioID)
	if !ok || sc.Kind != ProfitScenario {
		return ConcessionCost{}, false
	}
	value := func(x decimal.Decimal) (decimal.Decimal, bool) {
		changed, ok := sc.WithField(it.Link.Field, x)
		if !ok {
			return decimal.Zero, false
		}
		return changed.Profit.Result().AnnualProfit, true
	}
	st := r.Items[i]
	atOpening, ok1 := value(it.OurOpening.Decimal)
	atOurs, ok2 := value(st.Ours)
	if !ok1 || !ok2 {
		return ConcessionCost{}, false
	}
	c := ConcessionCost{Index: i, GivenSoFar: atOpening.Sub(atOurs), Via: sc.Name + ": " + fieldLabel(sc.Kind, it.Link.Field)}
	if st.HasTheirs && st.Gap.IsPositive() {
		if atTheirs, ok := value(st.Theirs); ok {
			c.ToClose = atOurs.Sub(atTheirs)
		}
	}
	return c, true
}

func fieldLabel(kind ScenarioKind, name string) string {
	for _, f := range ScenarioFields(kind) {
		if f.Name == name {
			return f.Label
		}
	}
	return name
}
