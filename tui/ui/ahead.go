package ui

import (
	"slices"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Ahead is what keeps the KAM ahead of the other side (DESIGN 5.5–5.7),
// worked out once per change: the landing forecast, today's budgets and what
// is left of them, the owed trade-backs and the value suggestions. On a long
// ledger it costs far more than a frame (each owed move is priced through
// the waterfall), so the root works it out off the UI goroutine on a copy of
// the negotiation (AheadCopy) and hands it over when it is ready.
type Ahead struct {
	Forecast    model.Forecast
	Budgets     []model.ItemBudget // today's, per item
	BudgetLeft  decimal.Decimal    // what moving to every budget would cost our offer a year
	BudgetErr   error              // why BudgetLeft cannot be priced
	Owed        []model.Owed
	owedIDs     map[uint64]bool
	Suggestions []model.Suggestion
}

// ComputeAhead works the figures out from r, the replay of a negotiation,
// read against d, a copy of it nobody else changes meanwhile (AheadCopy);
// now dates the forecast.
func ComputeAhead(d *model.Dossier, r *model.Replay, now time.Time) *Ahead {
	r = r.On(d)
	a := &Ahead{Forecast: r.Forecast(now), Owed: r.Owed(), Suggestions: r.Suggestions()}
	a.Budgets, a.BudgetLeft, a.BudgetErr = r.BudgetLeft()
	a.owedIDs = make(map[uint64]bool, len(a.Owed))
	for _, o := range a.Owed {
		a.owedIDs[o.Move.ID] = true
	}
	return a
}

// IsOwed reports whether our concession id still waits for a trade-back.
func (a *Ahead) IsOwed(id uint64) bool { return a != nil && a.owedIDs[id] }

// OwedMove is the owed trade-back of concession id.
func (a *Ahead) OwedMove(id uint64) (model.Owed, bool) {
	if a == nil {
		return model.Owed{}, false
	}
	i := slices.IndexFunc(a.Owed, func(o model.Owed) bool { return o.Move.ID == id })
	if i < 0 {
		return model.Owed{}, false
	}
	return a.Owed[i], true
}

// ItemForecast is the forecast of the item with this ID.
func (a *Ahead) ItemForecast(itemID uint64) (model.ItemForecast, bool) {
	if a == nil {
		return model.ItemForecast{}, false
	}
	i := slices.IndexFunc(a.Forecast.Items, func(f model.ItemForecast) bool { return f.Item.ID == itemID })
	if i < 0 {
		return model.ItemForecast{}, false
	}
	return a.Forecast.Items[i], true
}

// ItemSuggestions are the suggestions on the item with this ID (at most one).
func (a *Ahead) ItemSuggestions(itemID uint64) []model.Suggestion {
	if a == nil {
		return nil
	}
	var out []model.Suggestion
	for _, sg := range a.Suggestions {
		if sg.Item.ID == itemID {
			out = append(out, sg)
		}
	}
	return out
}

// AheadCopy copies what ComputeAhead reads of d, so that it can run while
// the workbench goes on changing d: the records a change replaces in place
// are copied. The ledger, which the replay already holds as its moves (and
// which is long: copying it would cost the UI a millisecond), the notes,
// follow-ups, contacts and saved packages are left out.
func AheadCopy(d *model.Dossier) *model.Dossier {
	cp := *d
	cp.Account.Contacts = nil
	cp.Items = slices.Clone(d.Items)
	cp.Meetings = slices.Clone(d.Meetings)
	cp.Ledger = nil
	cp.Scenarios = slices.Clone(d.Scenarios)
	cp.Budgets = slices.Clone(d.Budgets)
	cp.Cleared = slices.Clone(d.Cleared)
	cp.Decisions = slices.Clone(d.Decisions)
	cp.Notes, cp.FollowUps, cp.Packages = nil, nil, nil
	return &cp
}
