package spar

import (
	"fmt"
	"slices"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Issue is one agenda item in play: numeric, with both openings known and a
// gap between them. Its values run from our opening (Ours) to the buyer's
// (BuyerOpen); the buyer never goes past BuyerWalk.
type Issue struct {
	Number int // agenda number, 1-based, as `parley deal --json` numbers items
	Item   model.AgendaItem
	Step   decimal.Decimal // the smallest tradeable move

	Ours      decimal.Decimal // our opening: where the trainee starts
	BuyerOpen decimal.Decimal // the buyer's first offer
	// BuyerWalk is the furthest the buyer goes: our estimate of their
	// walk-away, or our opening when we have no estimate (the buyer then can
	// at most grant what we ask), never beyond our opening.
	BuyerWalk decimal.Decimal
	// Estimated says BuyerWalk is our estimate rather than our opening.
	Estimated bool
}

// Case is the training copy of a negotiation: its agenda and deal basis,
// with the ledger left behind, and the issues the buyer plays on.
type Case struct {
	Dossier *model.Dossier // the training copy: openings only, no ledger
	Issues  []Issue
	// Fixed holds every numeric item out of play at our opening, so that a
	// package of the issues can be priced whole.
	Fixed model.Values

	frontier     *Frontier // worked out once, when first asked (frontier.go)
	buyerWeights []float64 // per issue: value to them (1 each when none is set)
	ourWeights   []float64 // per issue: our weight (1 each when none is set)
}

// NewCase makes the training copy of d. It fails when no item can be
// bargained over (no numeric item with both openings and a gap).
func NewCase(d *model.Dossier) (*Case, error) {
	cp := d.Clone()
	cp.Ledger, cp.Budgets, cp.Cleared, cp.Decisions, cp.Packages = nil, nil, nil, nil, nil
	cp.Notes, cp.FollowUps, cp.Meetings = nil, nil, nil
	c := &Case{Dossier: cp, Fixed: model.Values{}}
	for i, it := range cp.Items {
		if !it.Numeric() {
			continue
		}
		c.Fixed[it.ID] = it.OurOpening.Decimal
		if is, ok := issueOf(i+1, it); ok {
			c.Issues = append(c.Issues, is)
		}
	}
	if len(c.Issues) == 0 {
		return nil, fmt.Errorf("nothing to spar over: no numeric item has both openings with a gap between them")
	}
	for _, is := range c.Issues {
		delete(c.Fixed, is.Item.ID)
	}
	c.buyerWeights = weightsOf(c.Issues, func(it model.AgendaItem) int { return it.ValueToThem })
	c.ourWeights = weightsOf(c.Issues, func(it model.AgendaItem) int { return it.Weight })
	return c, nil
}

// issueOf puts an item in play when it is numeric with both openings and
// a gap between them.
func issueOf(number int, it model.AgendaItem) (Issue, bool) {
	if !it.Tracked() || !it.Better.Valid() {
		return Issue{}, false
	}
	s := it.Better.Sign()
	ours, theirs := it.OurOpening.Decimal, it.TheirOpening.Decimal
	if !s.Mul(ours.Sub(theirs)).IsPositive() {
		return Issue{}, false
	}
	is := Issue{Number: number, Item: it, Step: it.StepOf(), Ours: ours, BuyerOpen: theirs, BuyerWalk: ours}
	if w := it.TheirWalkAway; w.Valid {
		is.BuyerWalk, is.Estimated = w.Decimal, true
		if s.Mul(w.Decimal.Sub(ours)).IsPositive() { // beyond our opening: we never ask that much
			is.BuyerWalk = ours
		}
	}
	return is, true
}

func weightsOf(issues []Issue, weight func(model.AgendaItem) int) []float64 {
	w := make([]float64, len(issues))
	weighted := slices.ContainsFunc(issues, func(is Issue) bool { return weight(is.Item) > 0 })
	for i, is := range issues {
		w[i] = 1
		if weighted {
			w[i] = float64(weight(is.Item))
		}
	}
	return w
}

// toward is how far b is from a in the buyer's favour, in the item's units:
// positive when b is better for the buyer than a.
func (is Issue) toward(a, b decimal.Decimal) decimal.Decimal {
	return is.Item.Better.Sign().Mul(a.Sub(b))
}

// Within reports whether x is inside the buyer's walk-away (at or better
// for the buyer than BuyerWalk).
func (is Issue) Within(x decimal.Decimal) bool {
	return !is.toward(is.BuyerWalk, x).IsNegative()
}

// BuyerValue is the buyer's utility of x on the issue, 0–1: 1 at its
// opening (or better for it), 0 at its walk-away (or worse). An issue on
// which its opening is its walk-away is all or nothing.
func (is Issue) BuyerValue(x decimal.Decimal) float64 {
	span := is.toward(is.BuyerWalk, is.BuyerOpen)
	if !span.IsPositive() {
		if is.Within(x) {
			return 1
		}
		return 0
	}
	v := is.toward(is.BuyerWalk, x).Div(span).InexactFloat64()
	return min(1, max(0, v))
}

// atBuyerValue is the value of the issue at which the buyer's utility is v
// (0–1), before rounding to the step.
func (is Issue) atBuyerValue(v float64) decimal.Decimal {
	span := is.BuyerWalk.Sub(is.BuyerOpen)
	return is.BuyerWalk.Sub(span.Mul(decimal.NewFromFloat(v)))
}

// roundForBuyer rounds x to the issue's step in the buyer's favour, never
// beyond the buyer's opening: a counter rounded so never passes the walk-away.
func (is Issue) roundForBuyer(x decimal.Decimal) decimal.Decimal {
	q := x.Div(is.Step)
	if is.Item.Better == model.Up {
		q = q.Floor()
	} else {
		q = q.Ceil()
	}
	r := q.Mul(is.Step)
	if is.toward(is.BuyerOpen, r).IsPositive() { // past its opening, in its favour
		return is.BuyerOpen
	}
	return trimZeros(r)
}

// trimZeros drops the trailing zeros a step leaves (4.00 → 4, so that it
// is written with the item's own decimals: 4.0).
func trimZeros(x decimal.Decimal) decimal.Decimal {
	if t, err := decimal.NewFromString(x.String()); err == nil {
		return t
	}
	return x
}

// BuyerUtility is the buyer's utility of a package of the issues, 0–1:
// Σ value-to-them·v / Σ value-to-them. A missing issue counts at our opening.
func (c *Case) BuyerUtility(v model.Values) float64 {
	var sum, total float64
	for i, is := range c.Issues {
		x, ok := v[is.Item.ID]
		if !ok {
			x = is.Ours
		}
		sum += c.buyerWeights[i] * is.BuyerValue(x)
		total += c.buyerWeights[i]
	}
	return sum / total
}

// InsideBuyerWalkAways reports whether every issue of v is inside the
// buyer's walk-away.
func (c *Case) InsideBuyerWalkAways(v model.Values) bool {
	for _, is := range c.Issues {
		x, ok := v[is.Item.ID]
		if !ok {
			x = is.Ours
		}
		if !is.Within(x) {
			return false
		}
	}
	return true
}

// Whole is v with every numeric item out of play at our opening: a package
// the waterfall can price.
func (c *Case) Whole(v model.Values) model.Values {
	out := make(model.Values, len(c.Fixed)+len(c.Issues))
	for id, x := range c.Fixed {
		out[id] = x
	}
	for _, is := range c.Issues {
		if x, ok := v[is.Item.ID]; ok {
			out[is.Item.ID] = x
		} else {
			out[is.Item.ID] = is.Ours
		}
	}
	return out
}

// OurScore is our package score (0–100) of v, as the negotiation scores
// packages (model.Dossier.ScoreValues); ok is false when no item is scored.
func (c *Case) OurScore(v model.Values) (float64, bool) {
	return c.Dossier.ScoreValues(c.Whole(v))
}

// Openings is the package of the issues at the given side's opening.
func (c *Case) Openings(buyer bool) model.Values {
	v := make(model.Values, len(c.Issues))
	for _, is := range c.Issues {
		if buyer {
			v[is.Item.ID] = is.BuyerOpen
		} else {
			v[is.Item.ID] = is.Ours
		}
	}
	return v
}
