package ui

import (
	"time"

	"github.com/parley-app/parley/model"
)

// Writer is what the workbench writes through; *store.Store has it. Each
// method is one transaction, in the file before it returns.
type Writer interface {
	SaveAccount(a *model.Account) error
	DeleteAccount(id uint64) error
	SaveNegotiation(n *model.Negotiation) error
	DeleteNegotiation(id uint64) error
	SaveItem(negID uint64, it *model.AgendaItem) error
	DeleteItem(negID, itemID uint64) error
	SaveOrder(negID uint64, ids []uint64) error
	SaveMeeting(negID uint64, m *model.Meeting) error
	SaveConcession(negID uint64, c *model.Concession) error
	DeleteConcession(negID, id uint64) error
	SaveNote(negID uint64, n *model.Note) error
	DeleteNote(negID, id uint64) error
	SaveFollowUp(negID uint64, f *model.FollowUp) error
	DeleteFollowUp(negID, id uint64) error
	ReplaceFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error)
	AddFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error)
	SaveScenario(negID uint64, sc *model.Scenario) error
	DeleteScenario(negID, id uint64) error
	SavePackage(negID uint64, p *model.Package) error
	DeletePackage(negID, id uint64) error
	Capture(negID uint64, c model.Capture, at time.Time, meetingID uint64, draftKey string, confirmed bool) (uint64, error)
	SaveBudget(negID uint64, b *model.Budget) error
	ClearOwed(negID, concessionID uint64, at time.Time) error
	DecideSuggestions(negID uint64, sgs []model.Suggestion, accept bool, at time.Time) error
}

// Change is one user action to write. Write runs in a command, off the UI
// goroutine, on a copy of the values it writes; Apply then brings the
// workbench's copy of the open negotiation up to date on the UI goroutine,
// or returns false when the negotiation must be read again (the change
// touched more than one record).
type Change interface {
	Write(w Writer) error
	Apply(d *model.Dossier) bool
}

// Save writes one record of a negotiation (ID 0: a new one, which gets its
// ID from the write) and puts it in the open copy.
type Save[T any] struct {
	NegID  uint64
	Record T
	write  func(Writer, uint64, *T) error
	list   func(*model.Dossier) *[]T
	id     func(T) uint64
	after  func(*model.Dossier, T) // what else the store changed with it
}

// Write saves the record, learning its ID.
func (s *Save[T]) Write(w Writer) error { return s.write(w, s.NegID, &s.Record) }

// Apply puts the saved record in the open negotiation.
func (s *Save[T]) Apply(d *model.Dossier) bool {
	l := s.list(d)
	*l = Upsert(*l, s.Record, s.id)
	if s.after != nil {
		s.after(d, s.Record)
	}
	return true
}

// Overwrite makes the save go over a change made elsewhere since the record
// was read: it takes the Updated time the open negotiation holds now, so
// the store's check of Updated (store.ErrConflict) lets it through.
func (s *Save[T]) Overwrite(d *model.Dossier) {
	cur, ok := Find(*s.list(d), s.id(s.Record), s.id)
	mine, ok1 := any(&s.Record).(interface{ Stamped() *model.Stamp })
	theirs, ok2 := any(&cur).(interface{ Stamped() *model.Stamp })
	if ok && ok1 && ok2 {
		mine.Stamped().Updated = theirs.Stamped().Updated
	}
}

// Delete removes one record of a negotiation. A record that others point at
// (an item, a concession, a scenario) asks for a fresh read afterwards.
type Delete[T any] struct {
	NegID, ID uint64
	write     func(Writer, uint64, uint64) error
	list      func(*model.Dossier) *[]T
	id        func(T) uint64
	linked    bool
}

// Write deletes the record.
func (c *Delete[T]) Write(w Writer) error { return c.write(w, c.NegID, c.ID) }

// Apply takes the record out of the open negotiation.
func (c *Delete[T]) Apply(d *model.Dossier) bool {
	if c.linked {
		return false
	}
	l := c.list(d)
	*l = Remove(*l, c.ID, c.id)
	return true
}

func itemID(v model.AgendaItem) uint64       { return v.ID }
func concessionID(v model.Concession) uint64 { return v.ID }
func noteID(v model.Note) uint64             { return v.ID }
func followUpID(v model.FollowUp) uint64     { return v.ID }
func scenarioID(v model.Scenario) uint64     { return v.ID }
func meetingID(v model.Meeting) uint64       { return v.ID }
func packageID(v model.Package) uint64       { return v.ID }

// SavePackage writes a proposal (or a tabled package).
func SavePackage(negID uint64, v model.Package) *Save[model.Package] {
	return &Save[model.Package]{negID, v, Writer.SavePackage, func(d *model.Dossier) *[]model.Package { return &d.Packages }, packageID, nil}
}

// DeletePackage deletes a saved proposal.
func DeletePackage(negID, id uint64) *Delete[model.Package] {
	return &Delete[model.Package]{negID, id, Writer.DeletePackage, func(d *model.Dossier) *[]model.Package { return &d.Packages }, packageID, false}
}

// SaveItem writes an agenda item.
func SaveItem(negID uint64, v model.AgendaItem) *Save[model.AgendaItem] {
	return &Save[model.AgendaItem]{negID, v, Writer.SaveItem, func(d *model.Dossier) *[]model.AgendaItem { return &d.Items }, itemID, nil}
}

// SaveConcession writes a concession.
func SaveConcession(negID uint64, v model.Concession) *Save[model.Concession] {
	return &Save[model.Concession]{negID, v, Writer.SaveConcession, func(d *model.Dossier) *[]model.Concession { return &d.Ledger }, concessionID, nil}
}

// SaveNote writes a note, action or question.
func SaveNote(negID uint64, v model.Note) *Save[model.Note] {
	return &Save[model.Note]{negID, v, Writer.SaveNote, func(d *model.Dossier) *[]model.Note { return &d.Notes }, noteID, nil}
}

// SaveFollowUp writes a follow-up line.
func SaveFollowUp(negID uint64, v model.FollowUp) *Save[model.FollowUp] {
	return &Save[model.FollowUp]{negID, v, Writer.SaveFollowUp, func(d *model.Dossier) *[]model.FollowUp { return &d.FollowUps }, followUpID, nil}
}

// SaveScenario writes a scenario. Marking one for the buyer unmarks the
// others of its kind, as the store does.
func SaveScenario(negID uint64, v model.Scenario) *Save[model.Scenario] {
	return &Save[model.Scenario]{negID, v, Writer.SaveScenario, func(d *model.Dossier) *[]model.Scenario { return &d.Scenarios }, scenarioID,
		func(d *model.Dossier, sc model.Scenario) {
			for i := range d.Scenarios {
				if sc.ForBuyer && d.Scenarios[i].Kind == sc.Kind && d.Scenarios[i].ID != sc.ID {
					d.Scenarios[i].ForBuyer = false
				}
			}
		}}
}

// SaveMeeting writes a meeting (starting, ending or editing it).
func SaveMeeting(negID uint64, v model.Meeting) *Save[model.Meeting] {
	return &Save[model.Meeting]{negID, v, Writer.SaveMeeting, func(d *model.Dossier) *[]model.Meeting { return &d.Meetings }, meetingID, nil}
}

// DeleteItem deletes an agenda item with its concessions.
func DeleteItem(negID, id uint64) *Delete[model.AgendaItem] {
	return &Delete[model.AgendaItem]{NegID: negID, ID: id, write: Writer.DeleteItem, linked: true}
}

// DeleteConcession deletes a concession; those traded against it lose the link.
func DeleteConcession(negID, id uint64) *Delete[model.Concession] {
	return &Delete[model.Concession]{NegID: negID, ID: id, write: Writer.DeleteConcession, linked: true}
}

// DeleteScenario deletes a scenario; items linked to it lose the link.
func DeleteScenario(negID, id uint64) *Delete[model.Scenario] {
	return &Delete[model.Scenario]{NegID: negID, ID: id, write: Writer.DeleteScenario, linked: true}
}

// DeleteNote deletes a note, action or question.
func DeleteNote(negID, id uint64) *Delete[model.Note] {
	return &Delete[model.Note]{negID, id, Writer.DeleteNote, func(d *model.Dossier) *[]model.Note { return &d.Notes }, noteID, false}
}

// DeleteFollowUp deletes a follow-up line.
func DeleteFollowUp(negID, id uint64) *Delete[model.FollowUp] {
	return &Delete[model.FollowUp]{negID, id, Writer.DeleteFollowUp, func(d *model.Dossier) *[]model.FollowUp { return &d.FollowUps }, followUpID, false}
}

// SaveOrder writes the agenda's order.
type SaveOrder struct {
	NegID uint64
	IDs   []uint64 // the items, first to last
}

// Write saves the order.
func (c *SaveOrder) Write(w Writer) error { return w.SaveOrder(c.NegID, c.IDs) }

// Apply numbers the open negotiation's items in the new order.
func (c *SaveOrder) Apply(d *model.Dossier) bool {
	order := make(map[uint64]int, len(c.IDs))
	for k, id := range c.IDs {
		order[id] = k + 1
	}
	for k := range d.Items {
		d.Items[k].Order = order[d.Items[k].ID]
	}
	return true
}

// ReplaceFollowUps replaces the follow-up checklist in one transaction.
type ReplaceFollowUps struct {
	NegID uint64
	Lines []model.FollowUp // as written, with their IDs after Write
}

// Write replaces the checklist.
func (c *ReplaceFollowUps) Write(w Writer) (err error) {
	c.Lines, err = w.ReplaceFollowUps(c.NegID, c.Lines)
	return err
}

// Apply puts the new checklist in the open negotiation.
func (c *ReplaceFollowUps) Apply(d *model.Dossier) bool {
	d.FollowUps = c.Lines
	return true
}

// AddFollowUps adds lines to the follow-up checklist in one transaction:
// the commitments of an agreement.
type AddFollowUps struct {
	NegID uint64
	Lines []model.FollowUp // as written, with their IDs after Write
}

// Write adds the lines.
func (c *AddFollowUps) Write(w Writer) (err error) {
	c.Lines, err = w.AddFollowUps(c.NegID, c.Lines)
	return err
}

// Apply adds the new lines to the open negotiation's checklist.
func (c *AddFollowUps) Apply(d *model.Dossier) bool {
	d.FollowUps = append(d.FollowUps, c.Lines...)
	return true
}

// SaveAccount writes an account. A new one (ID 0 before the write) goes on
// to the form of its first negotiation.
type SaveAccount struct {
	Account model.Account
	IsNew   bool
}

// Write saves the account.
func (c *SaveAccount) Write(w Writer) error { return w.SaveAccount(&c.Account) }

// Apply renames the open negotiation's account when it is this one.
func (c *SaveAccount) Apply(d *model.Dossier) bool {
	if d.Account.ID == c.Account.ID {
		d.Account = c.Account
	}
	return true
}

// SaveNegotiation writes a negotiation's own record; a new one opens.
type SaveNegotiation struct {
	Negotiation model.Negotiation
	IsNew       bool
}

// Write saves the negotiation.
func (c *SaveNegotiation) Write(w Writer) error { return w.SaveNegotiation(&c.Negotiation) }

// Apply updates the open negotiation when it is this one.
func (c *SaveNegotiation) Apply(d *model.Dossier) bool {
	if d.Negotiation.ID == c.Negotiation.ID {
		d.Negotiation = c.Negotiation
	}
	return true
}

// DeleteNegotiation deletes a negotiation with everything in it.
type DeleteNegotiation struct{ ID uint64 }

// Write deletes it.
func (c *DeleteNegotiation) Write(w Writer) error { return w.DeleteNegotiation(c.ID) }

// Apply says whether the open negotiation survives.
func (c *DeleteNegotiation) Apply(d *model.Dossier) bool { return d.Negotiation.ID != c.ID }

// DeleteAccount deletes an account with its negotiations.
type DeleteAccount struct{ ID uint64 }

// Write deletes it.
func (c *DeleteAccount) Write(w Writer) error { return w.DeleteAccount(c.ID) }

// Apply says whether the open negotiation survives.
func (c *DeleteAccount) Apply(d *model.Dossier) bool { return d.Account.ID != c.ID }

// Captured is one capture line: a concession, or a note, action or question.
type Captured struct {
	NegID     uint64
	Capture   model.Capture
	At        time.Time
	MeetingID uint64
	DraftKey  string // the line's draft, dropped in the same transaction
	Text      string // the line as typed, given back when the write fails
	// Confirmed: the person said yes to a move past our walk-away or over
	// today's budget (the store refuses one otherwise).
	Confirmed bool
	id        uint64
}

// Write saves the line and drops its draft.
func (c *Captured) Write(w Writer) (err error) {
	c.id, err = w.Capture(c.NegID, c.Capture, c.At, c.MeetingID, c.DraftKey, c.Confirmed)
	return err
}

// Apply puts the concession or note in the open negotiation; an agreement
// (closing moves and the item agreed) is read again.
func (c *Captured) Apply(d *model.Dossier) bool {
	switch c.Capture.Kind {
	case model.CaptureAgree, model.CaptureBudget:
		return false // several records, or one the capture line does not build: read again
	case model.CaptureConcession:
		con := c.Capture.Concession(c.At, c.MeetingID)
		con.ID = c.id
		d.Ledger = Upsert(d.Ledger, con, concessionID)
		return true
	}
	n := c.Capture.Note(c.At, c.MeetingID)
	n.ID = c.id
	d.Notes = Upsert(d.Notes, n, noteID)
	return true
}

// Upsert replaces the element with the same ID or appends it.
func Upsert[T any](list []T, v T, id func(T) uint64) []T {
	for i := range list {
		if id(list[i]) == id(v) {
			list[i] = v
			return list
		}
	}
	return append(list, v)
}

// Find returns the element with the given ID.
func Find[T any](list []T, target uint64, id func(T) uint64) (T, bool) {
	for _, v := range list {
		if id(v) == target {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// Remove drops the element with the given ID.
func Remove[T any](list []T, target uint64, id func(T) uint64) []T {
	out := list[:0]
	for _, v := range list {
		if id(v) != target {
			out = append(out, v)
		}
	}
	return out
}
