package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// MesoTolerance is how far an equivalent offer's annual contribution may be
// from the reference's: ±0.5 %.
var MesoTolerance = decimal.RequireFromString("0.005")

// Meso is a set of equivalent offers and, when there are fewer than asked
// for, the constraint that stopped the rest.
type Meso struct {
	Reference PackageResult
	Offers    []Package
	// Says is, per offer, what it gives and what it asks in words.
	Says   []string
	Reason string // "" when every offer asked for was found
}

// MinBetterForThem is how much better for them (points of TheirScore) an
// equivalent offer must be than the reference (DESIGN 5.8).
const MinBetterForThem = 2.0

// TheirScore is our estimate of how good the values are for them: each item's
// closeness to their position (0 at our opening or beyond, 1 at their
// position or beyond), weighted by its value to them, at most 100 and never
// below 0. ok is false when no item has both positions.
func (r *Replay) TheirScore(v Values) (float64, bool) { return r.theirScore(v, 0) }

// theirCost is TheirScore without its floor: asking for more than we opened
// with counts against them, down to −1 an item. An equivalent offer must
// be better for them by this measure too, so that it never buys its points
// by asking past our opening where the score no longer looks.
func (r *Replay) theirCost(v Values) (float64, bool) { return r.theirScore(v, -1) }

func (r *Replay) theirScore(v Values, floor float64) (float64, bool) {
	var sum, total float64
	for i, it := range r.dossier.Items {
		st := r.Items[i]
		x, has := v[it.ID]
		if !has || !st.HasTheirs || !it.Numeric() {
			continue
		}
		w := float64(max(it.ValueToThem, 1))
		s := it.Better.Sign()
		span := s.Mul(it.OurOpening.Decimal.Sub(st.Theirs))
		c := 1.0
		if span.IsPositive() {
			c, _ = s.Mul(it.OurOpening.Decimal.Sub(x)).Div(span).Float64()
			c = min(1, max(floor, c))
		}
		sum += w * c
		total += w
	}
	if total == 0 {
		return 0, false
	}
	return 100 * sum / total, true
}

// mesoItem is an item a MESO may move, with how far it may go each way.
type mesoItem struct {
	it     AgendaItem
	trade  float64         // trade value: value to them per point of weight to us
	giveTo decimal.Decimal // the furthest we give: their position or our walk-away, whichever comes first
	// askTo is the furthest we recover (DESIGN 5.8): never past our current
	// position on an item we have conceded; our opening on one still there;
	// on what they give (volume, contract, range, service level) still at
	// our opening, up to half the opening gap beyond it: more of what they
	// give, in return for what we give, is a trade, not taking one back.
	askTo decimal.Decimal
}

// theyGive reports whether the item is something they give us: volume,
// the contract's length, range (money per unit of movement), a service
// level (threshold cost).
func theyGive(k LeverKind) bool {
	switch k {
	case LeverVolume, LeverContract, LeverMoneyPerUnit, LeverThreshold:
		return true
	}
	return false
}

// EquivalentOffers makes up to n proposals that earn the reference's annual
// contribution (±0.5 %), each giving on a different high-trade-value item and
// recovering on low-trade-value money items, inside our walk-aways, no further
// than their position, and better for them than the reference by TheirScore.
func (r *Replay) EquivalentOffers(ref Package, n int) Meso {
	d := r.dossier
	m := Meso{Reference: r.Evaluate(ref)}
	refC, err := m.Reference.Contribution()
	if err != nil {
		m.Reason = fmt.Sprintf("the reference package cannot be priced: %v", err)
		return m
	}
	if k := d.PastWalkAway(ref.Values); k > 0 {
		m.Reason = fmt.Sprintf("the reference is past our walk-away on %d %s, so no offer built on it stays inside them", k, plural(k, "item", "items"))
		return m
	}
	refTheirs, _ := r.TheirScore(ref.Values)
	items := r.mesoItems(ref)
	gives := slices.Clone(items)
	slices.SortStableFunc(gives, func(a, b mesoItem) int { return cmp.Compare(b.trade, a.trade) })
	gives = slices.DeleteFunc(gives, func(x mesoItem) bool { return x.giveTo.Equal(ref.Values[x.it.ID]) })
	if len(gives) == 0 {
		m.Reason = "no item has room to give: every one is at their position or our walk-away"
		return m
	}
	var reasons []string
	for _, g := range gives {
		if len(m.Offers) == n {
			break
		}
		offer, why := r.equivalentOffer(ref, refC, refTheirs, g, items)
		if why != "" {
			reasons = append(reasons, fmt.Sprintf("giving on %s: %s", g.it.Title, why))
			continue
		}
		offer.Name = fmt.Sprintf("Equivalent %d: more on %s", len(m.Offers)+1, g.it.Title)
		m.Offers = append(m.Offers, offer)
		m.Says = append(m.Says, r.says(ref, offer))
	}
	if len(m.Offers) < n {
		m.Reason = fmt.Sprintf("only %d of %d: %d %s room to give inside our walk-aways and short of their position",
			len(m.Offers), n, len(gives), plural(len(gives), "item has", "items have"))
		if len(reasons) > 0 {
			m.Reason += "; " + reasons[0]
		}
	}
	return m
}

// mesoItems lists the open items with a lever that the reference gives a value.
func (r *Replay) mesoItems(ref Package) []mesoItem {
	var out []mesoItem
	for i, it := range r.dossier.Items {
		x, has := ref.Values[it.ID]
		st := r.Items[i]
		if it.Status != ItemOpen || !it.Numeric() || it.Lever.Kind == LeverNone || !has || !st.HasTheirs {
			continue
		}
		s := it.Better.Sign()
		giveTo := st.Theirs
		if it.OurWalkAway.Valid && s.Mul(it.OurWalkAway.Decimal.Sub(giveTo)).IsPositive() {
			giveTo = it.OurWalkAway.Decimal
		}
		if s.Mul(x.Sub(giveTo)).IsNegative() { // already past: nothing to give
			giveTo = x
		}
		open, ours := it.OurOpening.Decimal, st.Ours
		askTo := open
		switch {
		case !ours.Equal(open):
			askTo = ours // conceded: never back past where we stand
		case theyGive(it.Lever.Kind) && it.TheirOpening.Valid:
			askTo = open.Add(open.Sub(it.TheirOpening.Decimal).Div(decimal.NewFromInt(2)))
		}
		if s.Mul(askTo.Sub(x)).IsNegative() {
			askTo = x
		}
		out = append(out, mesoItem{it: it, trade: it.Leverage(), giveTo: giveTo, askTo: askTo})
	}
	return out
}

// equivalentOffer gives g (all the way, else half) and recovers the lost
// contribution on the items of lowest trade value; why says what failed.
func (r *Replay) equivalentOffer(ref Package, refC decimal.Decimal, refTheirs float64, g mesoItem, items []mesoItem) (Package, string) {
	refCost, _ := r.theirCost(ref.Values)
	recover := slices.DeleteFunc(slices.Clone(items), func(x mesoItem) bool {
		return x.it.ID == g.it.ID || x.trade >= g.trade || x.askTo.Equal(ref.Values[x.it.ID])
	})
	// What they value least first (DESIGN 5.8), then lower trade value.
	slices.SortStableFunc(recover, func(a, b mesoItem) int {
		return cmp.Or(cmp.Compare(a.it.ValueToThem, b.it.ValueToThem), cmp.Compare(a.trade, b.trade))
	})
	if len(recover) == 0 {
		return Package{}, "no item of lower trade value has room to recover without taking back a concession"
	}
	tol := refC.Abs().Mul(MesoTolerance)
	why := ""
	for _, share := range []string{"1", "0.5"} {
		x0 := ref.Values[g.it.ID]
		give := g.it.RoundToStep(x0.Add(g.giveTo.Sub(x0).Mul(decimal.RequireFromString(share))))
		if g.it.Better.Sign().Mul(give.Sub(g.giveTo)).IsNegative() {
			give = g.giveTo // the step would pass their position or our walk-away
		}
		if give.Equal(x0) {
			continue
		}
		p := Package{Origin: OriginMeso, Values: ref.With(g.it.ID, give).Values}
		moved := 1
		for _, rc := range recover {
			c, err := r.dossier.Waterfall(p.Values)
			if err != nil {
				return Package{}, err.Error()
			}
			if c.Contribution.Sub(refC).Abs().LessThanOrEqual(tol) {
				break
			}
			v, err := r.recoverOn(p, rc, refC)
			if err != nil {
				return Package{}, err.Error()
			}
			if !v.Equal(p.Values[rc.it.ID]) {
				p = p.With(rc.it.ID, v)
				moved++
			}
		}
		c, _ := r.dossier.Waterfall(p.Values)
		theirs, _ := r.TheirScore(p.Values)
		cost, _ := r.theirCost(p.Values)
		switch {
		case c.Contribution.Sub(refC).Abs().GreaterThan(tol):
			why = fmt.Sprintf("the items of lower trade value cannot recover %s without taking back a concession",
				FormatMoney(refC.Sub(c.Contribution)))
		case moved < 2:
			why = "the offer would differ from the reference on one item only"
		case theirs < refTheirs+MinBetterForThem || cost < refCost+MinBetterForThem:
			why = fmt.Sprintf("the offer is not better for them by %.0f points of their values", MinBetterForThem)
		default:
			return p, ""
		}
	}
	if why == "" {
		why = "the give is smaller than the item's smallest step"
	}
	return Package{}, why
}

// recoverOn finds the value of item rc, between the package's value and our
// opening, at which the contribution comes back to target; short of it when
// the whole range is not enough. It rounds toward the package's value so that
// a coarse item (whole SKUs, days) never overshoots: the next item tops up.
func (r *Replay) recoverOn(p Package, rc mesoItem, target decimal.Decimal) (decimal.Decimal, error) {
	from := p.Values[rc.it.ID]
	at := func(t decimal.Decimal) (decimal.Decimal, decimal.Decimal, error) {
		v := from.Add(rc.askTo.Sub(from).Mul(t))
		w, err := r.dossier.Waterfall(p.With(rc.it.ID, v).Values)
		return v, w.Contribution, err
	}
	v, c, err := at(one)
	if err != nil || c.LessThanOrEqual(target) {
		return v, err
	}
	lo, hi := decimal.Zero, one
	half := decimal.NewFromFloat(0.5)
	for range 40 {
		mid := lo.Add(hi).Mul(half)
		_, c, err := at(mid)
		if err != nil {
			return from, err
		}
		if c.LessThan(target) {
			lo = mid
		} else {
			hi = mid
		}
	}
	v, _, err = at(hi)
	if err != nil {
		return from, err
	}
	// The nearest step when it lands inside the tolerance; else the step
	// short of it, so that a coarse item (whole SKUs, days) never overshoots
	// and the next item tops up.
	step := rc.it.StepOf()
	near := rc.it.RoundToStep(v)
	if s := rc.it.Better.Sign(); s.Mul(near.Sub(rc.askTo)).IsPositive() {
		near = rc.askTo // the step would pass how far we may ask
	}
	if w, err := r.dossier.Waterfall(p.With(rc.it.ID, near).Values); err == nil &&
		w.Contribution.Sub(target).Abs().LessThanOrEqual(target.Abs().Mul(MesoTolerance)) {
		return near, nil
	}
	if rc.askTo.GreaterThan(from) {
		return decimal.Max(from, v.Div(step).Floor().Mul(step)), nil
	}
	return decimal.Min(from, v.Div(step).Ceil().Mul(step)), nil
}

// says is what an offer gives and asks against the reference, in words:
// "gives Payment terms 60; asks Annual volume commitment 210,000".
func (r *Replay) says(ref, offer Package) string {
	var gives, asks []string
	for _, it := range r.dossier.Items {
		x, ok := offer.Values[it.ID]
		y, has := ref.Values[it.ID]
		if !ok || !has || x.Equal(y) {
			continue
		}
		text := it.Title + " " + it.Format(x)
		if it.Unit != "" {
			text += " " + it.Unit
		}
		if it.Better.Sign().Mul(x.Sub(y)).IsNegative() {
			gives = append(gives, text)
		} else {
			asks = append(asks, text)
		}
	}
	out := "gives " + strings.Join(gives, "; ")
	if len(asks) > 0 {
		out += " · asks " + strings.Join(asks, "; ")
	}
	return out
}
