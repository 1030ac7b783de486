package model

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

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

// The trade plan's rule: an item whose leverage (worth to them ÷ worth to
// us) is at least GiveFirstAt is given first, one at most AskForAt is asked
// for, and one in between is traded evenly, only for one of theirs.
const (
	GiveFirstAt = 1.25
	AskForAt    = 0.8
)

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
		case lev >= GiveFirstAt:
			advice = GiveFirst
		case lev <= AskForAt:
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
	Via        string          // how the money was worked out
}

// OpenItemCosts prices every open item with a lever through the waterfall
// of our offer: the contribution given away by our moves from the opening,
// and what moving to their position would cost. The error says why our
// offer cannot be priced.
func (r *Replay) OpenItemCosts() ([]ConcessionCost, error) {
	d := r.dossier
	ours := r.Positions(OriginOurs)
	now, err := d.Waterfall(ours.Values)
	if err != nil {
		return nil, fmt.Errorf("our offer: %w", err)
	}
	var costs []ConcessionCost
	for i, it := range d.Items {
		if it.Status != ItemOpen || !it.Numeric() || it.Lever.Kind == LeverNone {
			continue
		}
		st := r.Items[i]
		atOpening, err := d.Waterfall(ours.With(it.ID, it.OurOpening.Decimal).Values)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.Title, err)
		}
		c := ConcessionCost{Index: i, GivenSoFar: atOpening.Contribution.Sub(now.Contribution), Via: "annual contribution"}
		if st.HasTheirs && st.Gap.IsPositive() {
			atTheirs, err := d.Waterfall(ours.With(it.ID, st.Theirs).Values)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", it.Title, err)
			}
			c.ToClose = now.Contribution.Sub(atTheirs.Contribution)
		}
		costs = append(costs, c)
	}
	return costs, nil
}

// Interaction is what pricing items one at a time leaves out (DESIGN 5.8):
// the whole deal's change less the sum of the items' changes, when every
// open item moves at once (to our opening, and to their position). With it
// the item column adds up to the whole-deal figure: a price rise lifts the
// rebate and the payment cost too, and each item priced alone misses that.
func (r *Replay) Interaction(costs []ConcessionCost) (given, toClose decimal.Decimal, err error) {
	d := r.dossier
	ours := r.Positions(OriginOurs)
	now, err := d.Waterfall(ours.Values)
	if err != nil {
		return given, toClose, err
	}
	opening, theirs := ours, ours
	sumGiven, sumClose := decimal.Zero, decimal.Zero
	for _, c := range costs {
		it, st := d.Items[c.Index], r.Items[c.Index]
		opening = opening.With(it.ID, it.OurOpening.Decimal)
		if st.HasTheirs && st.Gap.IsPositive() {
			theirs = theirs.With(it.ID, st.Theirs)
		}
		sumGiven, sumClose = sumGiven.Add(c.GivenSoFar), sumClose.Add(c.ToClose)
	}
	atOpening, err := d.Waterfall(opening.Values)
	if err != nil {
		return given, toClose, err
	}
	atTheirs, err := d.Waterfall(theirs.Values)
	if err != nil {
		return given, toClose, err
	}
	given = atOpening.Contribution.Sub(now.Contribution).Sub(sumGiven)
	toClose = now.Contribution.Sub(atTheirs.Contribution).Sub(sumClose)
	return given, toClose, nil
}

// ConcessionMoney is the money of a move of party by on an item to value
// to: the change in annual contribution of that side's package (our offer
// for us, negative when it costs us; their offer for them, positive when it
// gains us). The error says why it cannot be priced.
func (r *Replay) ConcessionMoney(by Party, itemID uint64, to decimal.Decimal) (decimal.Decimal, error) {
	d := r.dossier
	it, ok := d.Item(itemID)
	if !ok {
		return decimal.Zero, fmt.Errorf("there is no such item on the agenda")
	}
	if it.Lever.Kind == LeverNone {
		return decimal.Zero, fmt.Errorf("%s has no lever: it counts in the score only", it.Title)
	}
	if it.Lever.Kind == LeverContract {
		return decimal.Zero, errTermOnly(it)
	}
	origin := OriginOurs
	if by == Them {
		origin = OriginTheirs
	}
	from, ok := r.Positions(origin).Values[itemID]
	if !ok {
		return decimal.Zero, fmt.Errorf("the position on %s is not known", it.Title)
	}
	return r.MoveMoney(by, itemID, from, to)
}

// MoveMoney is the money of a move of party by on an item from one value to
// another, with that side's other items at their current positions: the
// change in annual contribution of the side's package. The concession form
// prices a logged move with it (from the value before the move).
func (r *Replay) MoveMoney(by Party, itemID uint64, from, to decimal.Decimal) (decimal.Decimal, error) {
	d := r.dossier
	side, base, baseErr := r.sideBase(by)
	name := "our offer"
	if by == Them {
		name = "their offer"
	}
	it, ok := d.Item(itemID)
	if now, has := side.Values[itemID]; ok && has && baseErr == nil {
		// From the side's package priced once: each end of the move is a
		// change from it (from its own term alone for most levers), none
		// for a move from where the side stands now, as a new one is.
		var atFrom decimal.Decimal
		if !from.Equal(now) {
			var err error
			if atFrom, err = d.contributionChange(side.Values, base, it, from); err != nil {
				return decimal.Zero, fmt.Errorf("%s: %w", name, err)
			}
		}
		atTo, err := d.contributionChange(side.Values, base, it, to)
		if err != nil {
			return decimal.Zero, fmt.Errorf("%s: %w", name, err)
		}
		return atTo.Sub(atFrom), nil
	}
	before, err := d.Waterfall(side.With(itemID, from).Values)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%s: %w", name, err)
	}
	after, err := d.Waterfall(side.With(itemID, to).Values)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%s: %w", name, err)
	}
	return after.Contribution.Sub(before.Contribution), nil
}

// GapValues is GapValue of every item, with our offer priced once: the
// agenda shows them all after every change.
func (r *Replay) GapValues() ([]decimal.Decimal, []error) {
	d := r.dossier
	values, errs := make([]decimal.Decimal, len(d.Items)), make([]error, len(d.Items))
	ours := r.Positions(OriginOurs)
	base, baseErr := d.Waterfall(ours.Values)
	for i, it := range d.Items {
		st := r.Items[i]
		switch {
		case !it.Tracked() || !st.HasTheirs:
			errs[i] = fmt.Errorf("%s: their position is not known", it.Title)
		case !st.Gap.IsPositive():
		case it.Lever.Kind == LeverNone:
			errs[i] = fmt.Errorf("%s has no lever: it counts in the score only", it.Title)
		case it.Lever.Kind == LeverContract:
			errs[i] = errTermOnly(it)
		case baseErr != nil:
			errs[i] = fmt.Errorf("our offer: %w", baseErr)
		default:
			change, err := d.contributionChange(ours.Values, base, it, st.Theirs)
			if err != nil {
				errs[i] = fmt.Errorf("our offer: %w", err)
				continue
			}
			values[i] = change.Neg()
		}
	}
	return values, errs
}

// GapValue is what closing the gap of item i at their position would cost
// us a year: the fall in our offer's contribution.
func (r *Replay) GapValue(i int) (decimal.Decimal, error) {
	it, st := r.dossier.Items[i], r.Items[i]
	if !it.Tracked() || !st.HasTheirs {
		return decimal.Zero, fmt.Errorf("%s: their position is not known", it.Title)
	}
	if !st.Gap.IsPositive() {
		return decimal.Zero, nil
	}
	m, err := r.ConcessionMoney(Us, it.ID, st.Theirs)
	return m.Neg(), err
}

// sideBases holds each side's current package and its waterfall, worked out
// once per replay and shared by the replay's copies (Replay.On), which may be
// read on another goroutine.
type sideBases struct {
	once   [2]sync.Once
	pkg    [2]Package
	w      [2]Waterfall
	err    [2]error
	prices movePrices // the last moves Effect priced (effect.go)
}

// sideBase is the current package of the side that moves (ours for Us,
// theirs for Them) with its waterfall.
func (r *Replay) sideBase(by Party) (Package, Waterfall, error) {
	i, origin := 0, OriginOurs
	if by == Them {
		i, origin = 1, OriginTheirs
	}
	b := r.bases
	if b == nil {
		p := r.Positions(origin)
		w, err := r.dossier.Waterfall(p.Values)
		return p, w, err
	}
	b.once[i].Do(func() {
		b.pkg[i] = r.Positions(origin)
		b.w[i], b.err[i] = r.dossier.Waterfall(b.pkg[i].Values)
	})
	return b.pkg[i], b.w[i], b.err[i]
}

// errTermOnly says that the contract's length changes the deal's value over
// the term, not a year's contribution (DESIGN 5.8).
func errTermOnly(it AgendaItem) error {
	return fmt.Errorf("%s changes the value over the term, not a year's: see the deal's term", it.Title)
}
