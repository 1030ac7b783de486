package model

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Values is a package's value for each numeric item, by item ID.
type Values map[uint64]decimal.Decimal

// Waterfall is what one package earns us, per unit from list price to pocket
// margin and then a year (DESIGN 5.2, 5.8). Per-unit figures are exact
// decimals; round only to show them.
type Waterfall struct {
	List         decimal.Decimal // per unit
	Invoice      decimal.Decimal // list × Π(1 − discount)
	Rebates      decimal.Decimal // per unit, off invoice
	Allowances   decimal.Decimal // per unit
	LumpSums     decimal.Decimal // per unit: the lump sums of the year (one-offs in year 1) ÷ volume
	NetNet       decimal.Decimal // invoice − rebates − allowances − lump sums
	PaymentCost  decimal.Decimal // per unit: invoice × cost of capital × days / 365
	CashDiscount decimal.Decimal // per unit: invoice × cash discount %
	Thresholds   decimal.Decimal // per unit: threshold costs
	Pocket       decimal.Decimal // net-net − payment cost − cash discount − thresholds
	CostOfGoods  decimal.Decimal // per unit
	CostToServe  decimal.Decimal // per unit
	Margin       decimal.Decimal // pocket margin per unit: pocket − cost of goods − cost to serve

	Volume   decimal.Decimal // units a year
	Turnover decimal.Decimal // invoice × volume
	// Other is other contribution a year, added after the pocket margin:
	// money per unit of movement (e.g. more SKUs listed), never inside the
	// pocket price (DESIGN 5.8).
	Other decimal.Decimal
	// OneOff is what one-off lump sums take this year (inside LumpSums).
	OneOff       decimal.Decimal
	Contribution decimal.Decimal // margin × volume + other: the annual contribution
}

// MarginShare is the pocket margin as a % of the pocket price; ok is false
// when the pocket price is not positive.
func (w Waterfall) MarginShare() (pct decimal.Decimal, ok bool) {
	if !w.Pocket.IsPositive() {
		return decimal.Zero, false
	}
	return w.Margin.Div(w.Pocket).Mul(hundred), true
}

// WaterfallStep is one line of a waterfall as a table shows it.
type WaterfallStep struct {
	Label   string
	PerUnit decimal.Decimal
	Total   bool // a running result (invoice, net-net, pocket, margin) rather than a deduction
}

// Steps lists the waterfall from list price to pocket margin, for a table.
func (w Waterfall) Steps() []WaterfallStep {
	return []WaterfallStep{
		{"List price", w.List, true},
		{"Invoice price", w.Invoice, true},
		{"− rebates", w.Rebates, false},
		{"− allowances", w.Allowances, false},
		{"− lump sums", w.LumpSums, false},
		{"Net-net price", w.NetNet, true},
		{"− payment terms", w.PaymentCost, false},
		{"− cash discount", w.CashDiscount, false},
		{"− threshold costs", w.Thresholds, false},
		{"Pocket price", w.Pocket, true},
		{"− cost of goods", w.CostOfGoods, false},
		{"− cost to serve", w.CostToServe, false},
		{"Pocket margin", w.Margin, true},
	}
}

var (
	one         = decimal.NewFromInt(1)
	daysPerYear = decimal.NewFromInt(365)
)

// pricing is how a package is priced beyond its values: the expected case
// of the first year, or last year's volume basis, a volume or cost of goods
// moved for the range and the tornado, a later year of the term.
type pricing struct {
	lastYear     bool            // last year's volume basis, no elasticity
	volumeFactor decimal.Decimal // × the volume; zero reads as 1
	costFactor   decimal.Decimal // × the cost of goods; zero reads as 1
	year         int             // 1 (or 0): as typed, one-offs paid; n: list indexed n−1 times, no one-offs
}

func factor(f decimal.Decimal) decimal.Decimal {
	if f.IsZero() {
		return one
	}
	return f
}

// ComputeWaterfall is the one function that prices a package: the values of
// the items (by ID) through each item's lever, on the deal basis, in the
// expected case of the first year. A figure that cannot be computed is an
// error that says why (a *FieldError when a field is missing), never a zero.
func ComputeWaterfall(basis DealBasis, items []AgendaItem, values Values) (Waterfall, error) {
	return computeWaterfall(basis, items, values, pricing{})
}

func computeWaterfall(basis DealBasis, items []AgendaItem, values Values, pr pricing) (Waterfall, error) {
	var w Waterfall
	terms, err := leverTerms(basis, items, values)
	if err != nil {
		return w, err
	}
	if !basis.CostOfGoods.Valid {
		return w, fieldErr(FieldCostOfGoods, "the deal basis needs the cost of goods per unit")
	}
	if !basis.CostToServe.Valid {
		return w, fieldErr(FieldCostToServe, "the deal basis needs the cost to serve per unit (0 if none)")
	}
	w.CostOfGoods, w.CostToServe = basis.CostOfGoods.Decimal.Mul(factor(pr.costFactor)), basis.CostToServe.Decimal

	// Volume and list price first: everything else is per unit of them.
	list, hasList := decimal.Zero, false
	var listItem *term
	committed := false
	volume := decimal.Zero
	for i, t := range terms {
		switch t.lever.Kind {
		case LeverVolume:
			volume, committed = t.value, true
		case LeverListPrice:
			if hasList {
				return w, fmt.Errorf("%s: a package has one list price, and two items have the list price lever", t.name)
			}
			list, hasList, listItem = t.value, true, &terms[i]
		}
	}
	if !hasList {
		return w, fieldErr(FieldLever, "no item or standing term has the list price lever")
	}
	if !committed {
		volume, err = basisVolume(basis, listItem, pr.lastYear)
		if err != nil {
			return w, err
		}
	}
	volume = volume.Mul(factor(pr.volumeFactor))
	if !volume.IsPositive() {
		return w, fieldErr(FieldVolume, "the volume is %s: a package needs units a year to spread its costs over", volume)
	}
	if pr.year > 1 && basis.Indexation.Valid {
		list = list.Mul(one.Add(pct(basis.Indexation.Decimal)).Pow(decimal.NewFromInt(int64(pr.year - 1))))
	}
	w.Volume, w.List, w.Invoice = volume, list, list
	for _, t := range terms {
		if t.lever.Kind == LeverDiscount {
			w.Invoice = w.Invoice.Mul(one.Sub(pct(t.value)))
		}
	}
	w.Turnover = w.Invoice.Mul(volume)

	cashDays := decimal.NullDecimal{}
	for _, t := range terms {
		if t.lever.Kind == LeverCashDiscount && t.value.IsPositive() {
			if !cashDays.Valid || t.lever.Days.Decimal.LessThan(cashDays.Decimal) {
				cashDays = t.lever.Days
			}
		}
	}
	for _, t := range terms {
		if t.lever.Kind == LeverLumpSum && t.lever.OneOff && pr.year > 1 {
			continue // paid in the first year only
		}
		cost, err := t.perUnit(w, basis, cashDays)
		if err != nil {
			return Waterfall{}, err
		}
		switch t.lever.Kind {
		case LeverRebate:
			w.Rebates = w.Rebates.Add(cost)
		case LeverAllowance:
			w.Allowances = w.Allowances.Add(cost)
		case LeverLumpSum:
			w.LumpSums = w.LumpSums.Add(cost)
			if t.lever.OneOff {
				w.OneOff = w.OneOff.Add(t.value)
			}
		case LeverPaymentDays:
			w.PaymentCost = w.PaymentCost.Add(cost)
		case LeverCashDiscount:
			w.CashDiscount = w.CashDiscount.Add(cost)
		case LeverThreshold:
			w.Thresholds = w.Thresholds.Add(cost)
		case LeverMoneyPerUnit:
			w.Other = w.Other.Add(cost) // a year, not per unit
		}
	}
	w.NetNet = w.Invoice.Sub(w.Rebates).Sub(w.Allowances).Sub(w.LumpSums)
	w.Pocket = w.NetNet.Sub(w.PaymentCost).Sub(w.CashDiscount).Sub(w.Thresholds)
	w.Margin = w.Pocket.Sub(w.CostOfGoods).Sub(w.CostToServe)
	w.Contribution = w.Margin.Mul(volume).Add(w.Other)
	return w, nil
}

// basisVolume is the volume when no item commits one: last year's for last
// year's package, else the basis's, moved by the price elasticity when the
// list price differs from last year's (DESIGN 5.8).
func basisVolume(basis DealBasis, list *term, lastYear bool) (decimal.Decimal, error) {
	if lastYear && basis.LastYearVolume.Valid {
		return basis.LastYearVolume.Decimal, nil
	}
	if !basis.Volume.Valid {
		return decimal.Zero, fieldErr(FieldVolume, "no item has the volume lever and the deal basis has no volume")
	}
	v := basis.Volume.Decimal
	if lastYear || !basis.Elasticity.Valid || !list.item.LastYear.Valid || !list.item.LastYear.Decimal.IsPositive() {
		return v, nil
	}
	// Volume % = elasticity × list price % above last year's.
	ly := list.item.LastYear.Decimal
	change := list.value.Sub(ly).Div(ly).Mul(basis.Elasticity.Decimal)
	return decimal.Max(decimal.Zero, v.Mul(one.Add(change))), nil
}

// term is one lever with its value in a package.
type term struct {
	name  string // the item's title, or "standing <lever>"
	lever *Lever // the item's or the standing term's; never changed through
	value decimal.Decimal
	item  *AgendaItem // noItem for a standing term; never changed through
}

// noItem is the item of a standing term: none.
var noItem AgendaItem

// leverTerms pairs every item that has a lever with its value in the
// package, after the standing terms. The contract's length prices no unit:
// it is the term (term.go).
func leverTerms(basis DealBasis, items []AgendaItem, values Values) ([]term, error) {
	terms := make([]term, 0, len(basis.Standing)+len(items))
	for i := range basis.Standing {
		s := &basis.Standing[i]
		if err := s.Lever.Validate(); err != nil {
			return nil, fmt.Errorf("standing %s: %w", s.Lever.Kind.Label(), err)
		}
		terms = append(terms, term{name: "standing " + s.Lever.Kind.Label(), lever: &s.Lever, value: s.Value, item: &noItem})
	}
	for i := range items {
		it := &items[i]
		if it.Lever.Kind == LeverNone || it.Lever.Kind == LeverContract || !it.Numeric() {
			continue
		}
		if err := it.Lever.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", it.Title, err)
		}
		v, ok := values[it.ID]
		if !ok {
			return nil, fmt.Errorf("%s: the package has no value for it", it.Title)
		}
		if err := it.Lever.CheckValue(v); err != nil {
			return nil, fmt.Errorf("%s: %w", it.Title, err)
		}
		terms = append(terms, term{name: it.Title, lever: &it.Lever, value: v, item: it})
	}
	return terms, nil
}

// perUnit is what the term takes off the price of each unit, once invoice
// price, turnover and volume are known; for money per unit of movement, the
// other contribution a year it adds. cashDays shortens payment days when a
// cash discount is given.
func (t term) perUnit(w Waterfall, basis DealBasis, cashDays decimal.NullDecimal) (decimal.Decimal, error) {
	v := t.value
	switch t.lever.Kind {
	case LeverRebate:
		a, err := t.rebate(w, basis)
		if err != nil {
			return decimal.Zero, err
		}
		return a.Div(w.Volume), nil
	case LeverAllowance:
		return v, nil
	case LeverLumpSum:
		return v.Div(w.Volume), nil
	case LeverPaymentDays:
		if !basis.CostOfCapital.Valid {
			return decimal.Zero, fieldErr(FieldCostOfCapital, "%s costs money only with the cost of capital in the deal basis", t.name)
		}
		if cashDays.Valid && cashDays.Decimal.LessThan(v) {
			v = cashDays.Decimal
		}
		return w.Invoice.Mul(pct(basis.CostOfCapital.Decimal)).Mul(v).Div(daysPerYear), nil
	case LeverCashDiscount:
		return w.Invoice.Mul(pct(v)), nil
	case LeverThreshold:
		s := t.item.Better.Sign()
		points := decimal.Max(decimal.Zero, s.Mul(t.lever.Threshold.Decimal.Sub(v)))
		return points.Mul(t.lever.PerPoint.Decimal).Div(w.Volume), nil
	case LeverMoneyPerUnit:
		ref, ok := t.item.LastYear, t.item.LastYear.Valid
		if !ok {
			ref, ok = t.item.OurOpening, t.item.OurOpening.Valid
		}
		if !ok {
			return decimal.Zero, fmt.Errorf("%s: money per unit counts from last year's value or our opening, and neither is set", t.name)
		}
		s := t.item.Better.Sign()
		return s.Mul(v.Sub(ref.Decimal)).Mul(t.lever.Amount.Decimal), nil
	}
	return decimal.Zero, nil
}

// Waterfall prices a package of this negotiation.
func (d *Dossier) Waterfall(values Values) (Waterfall, error) {
	return ComputeWaterfall(d.Negotiation.Deal, d.Items, values)
}

// termBeforeAfter is the item's own term priced at its value in values
// and at to, each checked against its lever: a lever that moves nothing
// else is priced from its term alone.
func termBeforeAfter(values Values, base Waterfall, basis DealBasis, it AgendaItem, to decimal.Decimal) (before, after decimal.Decimal, err error) {
	from, ok := values[it.ID]
	if !ok {
		return before, after, fmt.Errorf("%s: the package has no value for it", it.Title)
	}
	for _, v := range []decimal.Decimal{from, to} {
		if err := it.Lever.CheckValue(v); err != nil {
			return before, after, fmt.Errorf("%s: %w", it.Title, err)
		}
	}
	if before, err = (term{name: it.Title, lever: &it.Lever, value: from, item: &it}).perUnit(base, basis, decimal.NullDecimal{}); err != nil {
		return before, after, err
	}
	after, err = term{name: it.Title, lever: &it.Lever, value: to, item: &it}.perUnit(base, basis, decimal.NullDecimal{})
	return before, after, err
}

// contributionChange is what moving one item to value to does to the annual
// contribution of the package values, priced base. A lever that changes only
// its own term (the invoice price, turnover and volume stay) is worked out
// from that term alone — exactly what the whole waterfall gives, since the
// rest of the sum does not move; the others price the package again.
func (d *Dossier) contributionChange(values Values, base Waterfall, it AgendaItem, to decimal.Decimal) (decimal.Decimal, error) {
	basis := d.Negotiation.Deal
	switch it.Lever.Kind {
	case LeverAllowance, LeverLumpSum, LeverThreshold:
		before, after, err := termBeforeAfter(values, base, basis, it, to)
		if err != nil {
			return decimal.Zero, err
		}
		return before.Sub(after).Mul(base.Volume), nil
	case LeverMoneyPerUnit:
		// An amount a year (Waterfall.Other), outside the per-unit sums:
		// the contribution moves by its change alone.
		before, after, err := termBeforeAfter(values, base, basis, it, to)
		if err != nil {
			return decimal.Zero, err
		}
		return after.Sub(before), nil
	}
	w, err := d.Waterfall(Package{Values: values}.With(it.ID, to).Values)
	if err != nil {
		return decimal.Zero, err
	}
	return w.Contribution.Sub(base.Contribution), nil
}
