package act

import (
	"slices"
	"time"

	"github.com/parley-app/parley/model"
)

// SaveOrder writes the agenda's order.
type SaveOrder struct {
	NegID uint64
	IDs   []uint64 // the items, first to last
}

func (c *SaveOrder) NegotiationID() uint64 { return c.NegID }

// Write saves the order.
func (c *SaveOrder) Write(w Writer) error { return w.SaveOrder(c.NegID, c.IDs) }

// Apply numbers a copy's items in the new order; an item not named keeps
// its number, as in the store.
func (c *SaveOrder) Apply(d *model.Dossier) (*model.Dossier, bool) {
	order := make(map[uint64]int, len(c.IDs))
	for k, id := range c.IDs {
		order[id] = k + 1
	}
	cp := *d
	cp.Items = slices.Clone(d.Items)
	for k := range cp.Items {
		if o, ok := order[cp.Items[k].ID]; ok {
			cp.Items[k].Order = o
		}
	}
	return &cp, true
}

// ReplaceFollowUps replaces the follow-up checklist in one transaction.
type ReplaceFollowUps struct {
	NegID uint64
	Lines []model.FollowUp // as written, with their IDs after Write
}

func (c *ReplaceFollowUps) NegotiationID() uint64 { return c.NegID }

// Write replaces the checklist.
func (c *ReplaceFollowUps) Write(w Writer) (err error) {
	c.Lines, err = w.ReplaceFollowUps(c.NegID, c.Lines)
	return err
}

// Apply puts the new checklist in a copy.
func (c *ReplaceFollowUps) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	cp.FollowUps = slices.Clone(c.Lines)
	return &cp, true
}

// WriteCommitments writes the chosen commitments of an agreement in one
// transaction: lines an earlier agreement made are updated in place, new
// ones added, and the ones that no longer stand removed.
type WriteCommitments struct {
	NegID  uint64
	Lines  []model.FollowUp // as written, with their IDs after Write
	Remove []uint64
}

func (c *WriteCommitments) NegotiationID() uint64 { return c.NegID }

// Write writes the lines.
func (c *WriteCommitments) Write(w Writer) (err error) {
	c.Lines, err = w.WriteCommitments(c.NegID, c.Lines, c.Remove)
	return err
}

// Apply puts the written lines in a copy's checklist.
func (c *WriteCommitments) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	gone := map[uint64]bool{}
	for _, id := range c.Remove {
		gone[id] = true
	}
	var lines []model.FollowUp
	for _, f := range d.FollowUps {
		if !gone[f.ID] {
			lines = append(lines, f)
		}
	}
	for _, f := range c.Lines {
		if i := slices.IndexFunc(lines, func(x model.FollowUp) bool { return x.ID == f.ID }); i >= 0 {
			lines[i] = f
		} else {
			lines = append(lines, f)
		}
	}
	cp.FollowUps = lines
	return &cp, true
}

// SaveAccount writes an account. A new one (ID 0 before the write) goes on
// to the form of its first negotiation.
type SaveAccount struct {
	Account model.Account
	IsNew   bool
}

func (c *SaveAccount) NegotiationID() uint64 { return 0 }

// Write saves the account.
func (c *SaveAccount) Write(w Writer) error { return w.SaveAccount(&c.Account) }

// Apply renames a copy's account when it is this one.
func (c *SaveAccount) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	if cp.Account.ID == c.Account.ID {
		cp.Account = c.Account
	}
	return &cp, true
}

// SaveNegotiation writes a negotiation's own record; a new one opens.
type SaveNegotiation struct {
	Negotiation model.Negotiation
	IsNew       bool
}

func (c *SaveNegotiation) NegotiationID() uint64 { return c.Negotiation.ID }

// Write saves the negotiation.
func (c *SaveNegotiation) Write(w Writer) error { return w.SaveNegotiation(&c.Negotiation) }

// Apply updates a copy when it is this negotiation.
func (c *SaveNegotiation) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	if cp.Negotiation.ID == c.Negotiation.ID {
		cp.Negotiation = c.Negotiation
	}
	return &cp, true
}

// DeleteNegotiation deletes a negotiation with everything in it.
type DeleteNegotiation struct{ ID uint64 }

func (c *DeleteNegotiation) NegotiationID() uint64 { return c.ID }

// Write deletes it.
func (c *DeleteNegotiation) Write(w Writer) error { return w.DeleteNegotiation(c.ID) }

// Apply says whether the open negotiation survives.
func (c *DeleteNegotiation) Apply(d *model.Dossier) (*model.Dossier, bool) {
	return d, d.Negotiation.ID != c.ID
}

// DeleteAccount deletes an account with its negotiations.
type DeleteAccount struct{ ID uint64 }

func (c *DeleteAccount) NegotiationID() uint64 { return 0 }

// Write deletes it.
func (c *DeleteAccount) Write(w Writer) error { return w.DeleteAccount(c.ID) }

// Apply says whether the open negotiation survives.
func (c *DeleteAccount) Apply(d *model.Dossier) (*model.Dossier, bool) {
	return d, d.Account.ID != c.ID
}

// Captured is one capture line: a concession, an agreement, a budget, or a
// note, action or question. The store checks it by the one capture rule
// (model.Dossier.CheckCapture) in the transaction that writes it.
type Captured struct {
	NegID     uint64
	Capture   model.Capture
	At        time.Time
	MeetingID uint64
	DraftKey  string // the person's draft of the line, dropped in the same transaction
	Text      string // the line as typed, given back when the write fails
	// Confirmed: the person said yes to a move past our walk-away or over
	// today's budget (the store refuses one otherwise: *model.AskFirstError).
	Confirmed bool
	ID        uint64 // the record written (for agree, the item), after Write
}

func (c *Captured) NegotiationID() uint64 { return c.NegID }

// Write saves the line and drops its draft.
func (c *Captured) Write(w Writer) (err error) {
	c.ID, err = w.Capture(c.NegID, c.Capture, c.At, c.MeetingID, c.DraftKey, c.Confirmed)
	return err
}

// Apply puts the concession or note in a copy; an agreement or a budget
// (several records, or one the line does not build) is read again.
func (c *Captured) Apply(d *model.Dossier) (*model.Dossier, bool) {
	switch c.Capture.Kind {
	case model.CaptureAgree, model.CaptureBudget:
		return nil, false
	case model.CaptureConcession:
		con := c.Capture.Concession(c.At, c.MeetingID)
		con.ID = c.ID
		return (&Save[model.Concession]{c.NegID, con}).Apply(d)
	}
	n := c.Capture.Note(c.At, c.MeetingID)
	n.ID = c.ID
	return (&Save[model.Note]{c.NegID, n}).Apply(d)
}

// SaveBudget sets today's budget on an item (the store checks it against
// our position and walk-away in the same transaction).
type SaveBudget struct {
	NegID  uint64
	Budget model.Budget // its ID after Write
}

func (c *SaveBudget) NegotiationID() uint64 { return c.NegID }

// Write saves the budget.
func (c *SaveBudget) Write(w Writer) error { return w.SaveBudget(c.NegID, &c.Budget) }

// Apply adds the budget to a copy.
func (c *SaveBudget) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	cp.Budgets = append(slices.Clone(d.Budgets), c.Budget)
	return &cp, true
}

// ClearOwed clears an owed trade-back by hand: our concession no longer
// waits for anything in return.
type ClearOwed struct {
	NegID, ConcessionID uint64
	At                  time.Time
}

func (c *ClearOwed) NegotiationID() uint64 { return c.NegID }

// Write records the clearing.
func (c *ClearOwed) Write(w Writer) error { return w.ClearOwed(c.NegID, c.ConcessionID, c.At) }

// Apply records the clearing in a copy.
func (c *ClearOwed) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	cp.Cleared = Upsert(slices.Clone(d.Cleared), model.OwedClear{ConcessionID: c.ConcessionID, At: c.At},
		func(o model.OwedClear) uint64 { return o.ConcessionID })
	return &cp, true
}

// DecideSuggestions accepts or dismisses value suggestions, all in one
// transaction (Y is one user action, undone as one): accepting sets the
// item's value to them, dismissing hides the suggestion until another
// meeting ends.
type DecideSuggestions struct {
	NegID       uint64
	Suggestions []model.Suggestion
	Accept      bool
	At          time.Time
}

func (c *DecideSuggestions) NegotiationID() uint64 { return c.NegID }

// Write records every decision in one transaction.
func (c *DecideSuggestions) Write(w Writer) error {
	return w.DecideSuggestions(c.NegID, c.Suggestions, c.Accept, c.At)
}

// Apply asks for the negotiation to be read again: the store numbers each
// decision and changes the items.
func (c *DecideSuggestions) Apply(*model.Dossier) (*model.Dossier, bool) { return nil, false }
