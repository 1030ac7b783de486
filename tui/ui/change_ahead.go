package ui

import (
	"time"

	"github.com/parley-app/parley/model"
)

// The writes that keep the KAM ahead of the other side (DESIGN 5.6–5.7).

// SaveBudget sets today's budget on an item (the store checks it again
// against our position and walk-away in the same transaction).
type SaveBudget struct {
	NegID  uint64
	Budget model.Budget // its ID after Write
}

// Write saves the budget.
func (c *SaveBudget) Write(w Writer) error { return w.SaveBudget(c.NegID, &c.Budget) }

// Apply adds the budget to the open negotiation.
func (c *SaveBudget) Apply(d *model.Dossier) bool {
	d.Budgets = append(d.Budgets, c.Budget)
	return true
}

// ClearOwed clears an owed trade-back by hand: our concession no longer
// waits for anything in return.
type ClearOwed struct {
	NegID, ConcessionID uint64
	At                  time.Time
}

// Write records the clearing.
func (c *ClearOwed) Write(w Writer) error { return w.ClearOwed(c.NegID, c.ConcessionID, c.At) }

// Apply records the clearing in the open negotiation.
func (c *ClearOwed) Apply(d *model.Dossier) bool {
	d.Cleared = Upsert(d.Cleared, model.OwedClear{ConcessionID: c.ConcessionID, At: c.At},
		func(o model.OwedClear) uint64 { return o.ConcessionID })
	return true
}

// DecideSuggestions accepts or dismisses value suggestions, all in one
// transaction (Y is one user action, undone as one): accepting sets the item's value to them (the trade plan re-ranks),
// dismissing hides the suggestion until another meeting ends.
type DecideSuggestions struct {
	NegID       uint64
	Suggestions []model.Suggestion
	Accept      bool
	At          time.Time
}

// Write records every decision in one transaction.
func (c *DecideSuggestions) Write(w Writer) error {
	return w.DecideSuggestions(c.NegID, c.Suggestions, c.Accept, c.At)
}

// Apply asks for the negotiation to be read again: the store numbers each
// decision and changes the items.
func (c *DecideSuggestions) Apply(*model.Dossier) bool { return false }
