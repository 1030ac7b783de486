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

// ConcessionCosts prices every open numeric item whose money value is known
// (see Worth): what our moves from the opening have given away so far, and
// what closing the gap at their position would cost.
func (r *Replay) ConcessionCosts() []ConcessionCost {
	d := r.dossier
	var costs []ConcessionCost
	for i, it := range d.Items {
		if it.Status != ItemOpen || !it.Numeric() {
			continue
		}
		st := r.Items[i]
		given, via, ok := d.Worth(it, it.OurOpening.Decimal, st.Ours)
		if !ok {
			continue
		}
		c := ConcessionCost{Index: i, GivenSoFar: given.Neg(), Via: via}
		if st.HasTheirs && st.Gap.IsPositive() {
			toClose, _, _ := d.Worth(it, st.Ours, st.Theirs)
			c.ToClose = toClose.Neg()
		}
		costs = append(costs, c)
	}
	return costs
}

// Worth is what moving the item from one value to another is worth to us in
// money (negative when it costs us), and how that was worked out: through the
// item's link to a profitability scenario (the change in our annual profit)
// when it has one, else through its money per unit. ok is false when neither
// is known.
func (d *Dossier) Worth(it AgendaItem, from, to decimal.Decimal) (money decimal.Decimal, via string, ok bool) {
	if sc, found := d.Scenario(it.Link.ScenarioID); found && sc.Kind == ProfitScenario {
		atFrom, ok1 := sc.WithField(it.Link.Field, from)
		atTo, ok2 := sc.WithField(it.Link.Field, to)
		if ok1 && ok2 {
			return atTo.Profit.Result().AnnualProfit.Sub(atFrom.Profit.Result().AnnualProfit),
				sc.Name + ": " + fieldLabel(sc.Kind, it.Link.Field), true
		}
	}
	if it.MoneyPerUnit.Valid {
		return it.Better.Sign().Mul(to.Sub(from)).Mul(it.MoneyPerUnit.Decimal), "money per unit", true
	}
	return decimal.Zero, "", false
}

func fieldLabel(kind ScenarioKind, name string) string {
	for _, f := range ScenarioFields(kind) {
		if f.Name == name {
			return f.Label
		}
	}
	return name
}
