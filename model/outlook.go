package model

import (
	"slices"
	"time"
)

// Outlook is what keeps the KAM ahead of the other side (DESIGN 5.5–5.7),
// worked out once per change: the landing forecast, today's budgets and what
// is left of them, the owed trade-backs and the value suggestions. On a long
// ledger it costs far more than a frame (each owed move is priced through
// the waterfall), so the workbench works it out off its UI goroutine, from
// a replay of a negotiation that nobody changes (a change makes a new copy).
type Outlook struct {
	Forecast    Forecast
	Budgets     []ItemBudget // today's, per item, never netted
	Owed        []Owed
	owedIDs     map[uint64]bool
	Suggestions []Suggestion
}

// Outlook works the figures out from the replay; now dates the forecast.
func (r *Replay) Outlook(now time.Time) *Outlook {
	a := &Outlook{Forecast: r.Forecast(now), Owed: r.Owed(), Suggestions: r.Suggestions(), Budgets: r.BudgetLeft()}
	a.owedIDs = make(map[uint64]bool, len(a.Owed))
	for _, o := range a.Owed {
		a.owedIDs[o.Move.ID] = true
	}
	return a
}

// IsOwed reports whether our concession id still waits for a trade-back.
func (a *Outlook) IsOwed(id uint64) bool { return a != nil && a.owedIDs[id] }

// OwedMove is the owed trade-back of concession id.
func (a *Outlook) OwedMove(id uint64) (Owed, bool) {
	if a == nil {
		return Owed{}, false
	}
	i := slices.IndexFunc(a.Owed, func(o Owed) bool { return o.Move.ID == id })
	if i < 0 {
		return Owed{}, false
	}
	return a.Owed[i], true
}

// ItemForecast is the forecast of the item with this ID.
func (a *Outlook) ItemForecast(itemID uint64) (ItemForecast, bool) {
	if a == nil {
		return ItemForecast{}, false
	}
	i := slices.IndexFunc(a.Forecast.Items, func(f ItemForecast) bool { return f.Item.ID == itemID })
	if i < 0 {
		return ItemForecast{}, false
	}
	return a.Forecast.Items[i], true
}

// ItemSuggestions are the suggestions on the item with this ID (at most one).
func (a *Outlook) ItemSuggestions(itemID uint64) []Suggestion {
	if a == nil {
		return nil
	}
	var out []Suggestion
	for _, sg := range a.Suggestions {
		if sg.Item.ID == itemID {
			out = append(out, sg)
		}
	}
	return out
}
