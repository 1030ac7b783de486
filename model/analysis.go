package model

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// The numbers a controller signs (DESIGN 5.8): a package's contribution at
// low, expected and high volume, its value over the contract's term, the
// bridge from last year and the tornado of what moves it most.

// Analysis is the controller's figures of one package. A figure that
// cannot be computed carries the reason instead.
type Analysis struct {
	Range    Range
	RangeErr error
	Term     Term
	TermErr  error
	Bridge   []BridgeStep
	// BridgeErr says why there is no bridge (last year cannot be priced).
	BridgeErr error
	Tornado   []TornadoBar
}

// Range is the annual contribution at low, expected and high volume.
type Range struct {
	Low, Expected, High decimal.Decimal
	// Assumed is true when the basis gives no low or high volume: the range
	// is then the expected figure three times.
	Assumed bool
}

// Term is the package's value over the contract (DESIGN 5.8).
type Term struct {
	Months decimal.Decimal
	Years  decimal.Decimal
	Year1  decimal.Decimal // the first year's contribution, one-offs included
	// Average is the term's undiscounted total ÷ years.
	Average decimal.Decimal
	// DiscountedTotal is Σ year n's contribution × its share of a year ÷
	// (1 + cost of capital)^n: each year's figure discounted from its end.
	DiscountedTotal decimal.Decimal
}

// BridgeStep is one lever group's part of the change against last year.
type BridgeStep struct {
	Step   string
	Amount decimal.Decimal
}

// TornadoBar is the contribution when one thing moves alone: Low and High
// are the contributions at the two ends (the package's own is one of them
// for an item moved to the other side).
type TornadoBar struct {
	What      string
	Low, High decimal.Decimal
	// ItemID and To are the item moved and where to (ItemID 0 for cost of
	// goods and volume), for a view that words it shorter.
	ItemID uint64
	To     decimal.Decimal
}

// Size is the bar's width: High − Low.
func (b TornadoBar) Size() decimal.Decimal { return b.High.Sub(b.Low) }

// bridgeGroups are the lever groups of the bridge, in DESIGN 5.8's order.
var bridgeGroups = []struct {
	name  string
	kinds []LeverKind
}{
	{"price and on-invoice discounts", []LeverKind{LeverListPrice, LeverDiscount}},
	{"volume", []LeverKind{LeverVolume}},
	{"rebates", []LeverKind{LeverRebate}},
	{"allowances and lump sums", []LeverKind{LeverAllowance, LeverLumpSum}},
	{"payment terms", []LeverKind{LeverPaymentDays, LeverCashDiscount}},
	{"other", []LeverKind{LeverThreshold, LeverMoneyPerUnit}},
}

// Analyse sets pr.Analysis: range, term, bridge and tornado. A package that
// cannot be priced gets none.
func (r *Replay) Analyse(pr *PackageResult) {
	if pr.Err != nil {
		return
	}
	a := &Analysis{}
	a.Range, a.RangeErr = r.volumeRange(pr)
	a.Term, a.TermErr = r.term(pr)
	a.Bridge, a.BridgeErr = r.bridge(pr)
	a.Tornado = r.tornado(pr)
	pr.Analysis = a
}

// volumeRange prices the package at the basis's low and high volume.
func (r *Replay) volumeRange(pr *PackageResult) (Range, error) {
	b := r.dossier.Negotiation.Deal
	rg := Range{Low: pr.Waterfall.Contribution, Expected: pr.Waterfall.Contribution, High: pr.Waterfall.Contribution,
		Assumed: !b.VolumeLow.Valid && !b.VolumeHigh.Valid}
	last := pr.Package.Origin == OriginLastYear
	if b.VolumeLow.Valid {
		w, err := r.price(pr.Priced, pricing{lastYear: last, volumeFactor: one.Sub(pct(b.VolumeLow.Decimal))})
		if err != nil {
			return rg, err
		}
		rg.Low = w.Contribution
	}
	if b.VolumeHigh.Valid {
		w, err := r.price(pr.Priced, pricing{lastYear: last, volumeFactor: one.Add(pct(b.VolumeHigh.Decimal))})
		if err != nil {
			return rg, err
		}
		rg.High = w.Contribution
	}
	return rg, nil
}

var monthsPerYear = decimal.NewFromInt(12)

// ContractMonths is the contract's length in a package: the value of the
// item with the contract lever, else the basis's, else 12 months.
func (d *Dossier) ContractMonths(v Values) decimal.Decimal {
	for _, it := range d.Items {
		if x, ok := v[it.ID]; ok && it.Lever.Kind == LeverContract {
			return x
		}
	}
	if m := d.Negotiation.Deal.ContractMonths; m.Valid {
		return m.Decimal
	}
	return monthsPerYear
}

// term prices each year of the contract: year 1 as the package stands,
// later years with the list price indexed and no one-off lump sums.
func (r *Replay) term(pr *PackageResult) (Term, error) {
	d := r.dossier
	t := Term{Months: d.ContractMonths(pr.Priced)}
	if !t.Months.IsPositive() {
		return t, fmt.Errorf("the contract runs %s months: a term needs at least one", t.Months)
	}
	if t.Months.GreaterThan(decimal.NewFromInt(120)) {
		return t, fmt.Errorf("the contract runs %s months: the term is priced up to 120", t.Months)
	}
	t.Years = t.Months.Div(monthsPerYear)
	rate := decimal.Zero
	if c := d.Negotiation.Deal.CostOfCapital; c.Valid {
		rate = pct(c.Decimal)
	}
	total, discount := decimal.Zero, one
	last := pr.Package.Origin == OriginLastYear
	for y := 1; decimal.NewFromInt(int64(y - 1)).LessThan(t.Years); y++ {
		w := pr.Waterfall
		if y > 1 {
			var err error
			if w, err = r.price(pr.Priced, pricing{lastYear: last, year: y}); err != nil {
				return t, err
			}
		} else {
			t.Year1 = w.Contribution
		}
		share := decimal.Min(one, t.Years.Sub(decimal.NewFromInt(int64(y-1))))
		discount = discount.Mul(one.Add(rate))
		total = total.Add(w.Contribution.Mul(share))
		t.DiscountedTotal = t.DiscountedTotal.Add(w.Contribution.Mul(share).Div(discount))
	}
	t.Average = total.Div(t.Years)
	return t, nil
}

// bridge walks from last year's package to this one a lever group at a
// time; each step is the change in contribution when the group's items
// take the package's values. The steps telescope, so they add up to the
// change exactly. Last year's volume basis gives way at the volume step.
func (r *Replay) bridge(pr *PackageResult) ([]BridgeStep, error) {
	if pr.Package.Origin == OriginLastYear {
		return nil, nil
	}
	d := r.dossier
	values, _ := r.filled(r.Positions(OriginLastYear).Values)
	prev, err := r.price(values, pricing{lastYear: true})
	if err != nil {
		return nil, fmt.Errorf("last year: %w", err)
	}
	var steps []BridgeStep
	lastYear := true
	for _, g := range bridgeGroups {
		for _, it := range d.Items {
			if slices.Contains(g.kinds, it.Lever.Kind) {
				if v, ok := pr.Priced[it.ID]; ok {
					values[it.ID] = v
				}
			}
		}
		if slices.Contains(g.kinds, LeverVolume) {
			lastYear = false
		}
		w, err := r.price(values, pricing{lastYear: lastYear})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.name, err)
		}
		steps = append(steps, BridgeStep{Step: g.name, Amount: w.Contribution.Sub(prev.Contribution)})
		prev = w
	}
	return steps, nil
}

var (
	costSwing   = decimal.RequireFromString("0.05")
	volumeSwing = decimal.RequireFromString("0.10")
)

// tornado is the contribution when each priced item alone moves to the
// other side's position (theirs for every package but their own), and when
// cost of goods moves ±5 % and volume ±10 %, largest first.
func (r *Replay) tornado(pr *PackageResult) []TornadoBar {
	d := r.dossier
	base := pr.Waterfall.Contribution
	last := pr.Package.Origin == OriginLastYear
	var bars []TornadoBar
	bar := func(what string, a, b decimal.Decimal) *TornadoBar {
		bars = append(bars, TornadoBar{What: what, Low: decimal.Min(a, b), High: decimal.Max(a, b)})
		return &bars[len(bars)-1]
	}
	for i, it := range d.Items {
		x, ok := pr.Priced[it.ID]
		if !ok || it.Lever.Kind == LeverNone || it.Lever.Kind == LeverContract {
			continue
		}
		st := r.Items[i]
		to, has, side := st.Theirs, st.HasTheirs, "their"
		if pr.Package.Origin == OriginTheirs {
			to, has, side = st.Ours, true, "our"
		}
		if !has || to.Equal(x) {
			continue
		}
		w, err := r.price(pr.Priced.with(it.ID, to), pricing{lastYear: last})
		if err != nil || w.Contribution.Equal(base) {
			continue // cannot be priced, or moves nothing (a growth rebate with no growth)
		}
		b := bar(fmt.Sprintf("%s at %s %s", it.Title, side, it.Format(to)), base, w.Contribution)
		b.ItemID, b.To = it.ID, to
	}
	swing := func(what string, lo, hi pricing) {
		a, errA := r.price(pr.Priced, lo)
		b, errB := r.price(pr.Priced, hi)
		if errA == nil && errB == nil {
			bar(what, a.Contribution, b.Contribution)
		}
	}
	swing("cost of goods ±5%", pricing{lastYear: last, costFactor: one.Add(costSwing)}, pricing{lastYear: last, costFactor: one.Sub(costSwing)})
	swing("volume ±10%", pricing{lastYear: last, volumeFactor: one.Sub(volumeSwing)}, pricing{lastYear: last, volumeFactor: one.Add(volumeSwing)})
	slices.SortStableFunc(bars, func(a, b TornadoBar) int { return cmp.Compare(b.Size().InexactFloat64(), a.Size().InexactFloat64()) })
	return bars
}

// with is a copy of the values with one item set.
func (v Values) with(id uint64, x decimal.Decimal) Values {
	out := make(Values, len(v)+1)
	for k, y := range v {
		out[k] = y
	}
	out[id] = x
	return out
}

var cent = decimal.RequireFromString("0.01")

// BridgeInCents is the bridge rounded to cents so that the steps still add
// up exactly to the change between the two contributions as printed
// (each rounded to cents): each step is rounded, and the cents the rounding
// lost or gained go to the steps that lost the most (largest remainder).
func (pr PackageResult) BridgeInCents() []BridgeStep {
	if pr.Analysis == nil || !pr.ChangeKnown {
		return nil
	}
	steps := slices.Clone(pr.Analysis.Bridge)
	target := pr.PrintedChange()
	sum := decimal.Zero
	type rem struct {
		i int
		r decimal.Decimal
	}
	rems := make([]rem, len(steps))
	for i, s := range steps {
		rounded := s.Amount.Round(2)
		rems[i] = rem{i, s.Amount.Sub(rounded)}
		steps[i].Amount = rounded
		sum = sum.Add(rounded)
	}
	diff := target.Sub(sum) // whole cents
	if diff.IsZero() || len(steps) == 0 {
		return steps
	}
	sign := one
	if diff.IsNegative() {
		sign = sign.Neg()
	}
	// The steps whose rounding moved them furthest against diff first.
	slices.SortStableFunc(rems, func(a, b rem) int { return b.r.Mul(sign).Cmp(a.r.Mul(sign)) })
	for k := 0; !diff.IsZero(); k++ {
		i := rems[k%len(rems)].i
		steps[i].Amount = steps[i].Amount.Add(cent.Mul(sign))
		diff = diff.Sub(cent.Mul(sign))
	}
	return steps
}
