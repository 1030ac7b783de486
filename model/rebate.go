package model

import (
	"github.com/shopspring/decimal"
)

// Rebates as they are written (DESIGN 5.8). A rebate lever has a base:
//
//   - invoice: the rate of all invoice turnover;
//   - growth: the rate of the turnover above last year's;
//   - retro: the rate of all turnover, once turnover beats last year's by
//     the threshold % (blank: by anything at all); else nothing.
//
// Growth is measured in turnover, or (InVolume) in volume at this year's
// invoice price, so that our own price rise earns no rebate. Tiers pay the
// rate of the highest tier reached instead of the item's value.

// growth is how far the package is above last year: the amount (in money at
// this year's invoice price) and the % (ok false when last year was zero).
func growth(w Waterfall, basis DealBasis, t term) (amount, percent decimal.Decimal, ok bool, err error) {
	if t.lever.InVolume {
		if !basis.LastYearVolume.Valid {
			return amount, percent, false, fieldErr(FieldLastYearVolume,
				"%s is measured on volume growth, and the deal basis has no last year's volume", t.name)
		}
		last := basis.LastYearVolume.Decimal
		amount = w.Volume.Sub(last).Mul(w.Invoice)
		if !last.IsPositive() {
			return amount, percent, false, nil
		}
		return amount, w.Volume.Div(last).Sub(one).Mul(hundred), true, nil
	}
	if !basis.LastYearTurnover.Valid {
		return amount, percent, false, fieldErr(FieldLastYearTurnover,
			"%s is paid on growth, and the deal basis has no last year's turnover", t.name)
	}
	last := basis.LastYearTurnover.Decimal
	amount = w.Turnover.Sub(last)
	if !last.IsPositive() {
		return amount, percent, false, nil
	}
	return amount, w.Turnover.Div(last).Sub(one).Mul(hundred), true, nil
}

// rebate is what the term's rebate costs a year.
func (t term) rebate(w Waterfall, basis DealBasis) (decimal.Decimal, error) {
	if !t.lever.OnGrowth() {
		return w.Turnover.Mul(pct(t.value)), nil
	}
	amount, percent, known, err := growth(w, basis, t)
	if err != nil {
		return decimal.Zero, err
	}
	// reached reports whether growth beats last year by at least p %.
	reached := func(p decimal.Decimal) bool {
		if !amount.IsPositive() {
			return false
		}
		return !known || percent.GreaterThanOrEqual(p)
	}
	rate := t.value
	for _, tier := range t.lever.Tiers {
		if reached(tier.Over) {
			rate = tier.Rate
		}
	}
	if t.lever.RebateBase() == BaseGrowth {
		return decimal.Max(decimal.Zero, amount).Mul(pct(rate)), nil
	}
	threshold := decimal.Zero
	if t.lever.Threshold.Valid {
		threshold = t.lever.Threshold.Decimal
	}
	if !reached(threshold) {
		return decimal.Zero, nil
	}
	return w.Turnover.Mul(pct(rate)), nil
}
