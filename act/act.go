// Package act is Parley's vocabulary of user actions: every change a
// person can make, as a plain value (it can be logged, compared and
// broadcast). A component of the workbench builds one and sends it up in a
// message; desk runs it (Session.Do) as one write transaction, in which the
// store checks it by the model's rules; the workbench then brings its open
// negotiation up to date with Apply, which makes a new copy and never
// changes the one the screen (or a command on another goroutine) reads.
//
// act imports model only: the components that build actions stay clear of
// the store, and desk, which runs them, holds no UI.
package act

import (
	"fmt"
	"slices"

	"github.com/parley-app/parley/model"
)

// Change is one user action.
type Change interface {
	// Negotiation is the negotiation it changes (0: none in particular).
	NegotiationID() uint64
	// Write runs it through w in one transaction; the values the file
	// decides (new IDs, stamps) are in the change afterwards.
	Write(w Writer) error
	// Apply returns a copy of d with the change made in it, for a change
	// already written; d itself is never changed. false: the change
	// touched more than Apply can tell (read the negotiation again), or
	// removed d altogether.
	Apply(d *model.Dossier) (*model.Dossier, bool)
}

// Record is a record kind that Save and Delete know: the records of a
// negotiation's lists.
type Record interface {
	model.AgendaItem | model.Concession | model.Note | model.FollowUp | model.Scenario | model.Meeting | model.Package
}

// Save writes one record of a negotiation (ID 0: a new one, which gets its
// ID, UID and Updated time from the write). A replaced record carries the
// Updated time it was read at: changed elsewhere since, the store refuses it.
type Save[T Record] struct {
	NegID  uint64
	Record T
}

// Negotiation is the negotiation the record belongs to.
func (s *Save[T]) NegotiationID() uint64 { return s.NegID }

// Write saves the record, learning its ID and stamp.
func (s *Save[T]) Write(w Writer) error {
	switch r := any(&s.Record).(type) {
	case *model.AgendaItem:
		return w.SaveItem(s.NegID, r)
	case *model.Concession:
		return w.SaveConcession(s.NegID, r)
	case *model.Note:
		return w.SaveNote(s.NegID, r)
	case *model.FollowUp:
		return w.SaveFollowUp(s.NegID, r)
	case *model.Scenario:
		return w.SaveScenario(s.NegID, r)
	case *model.Meeting:
		return w.SaveMeeting(s.NegID, r)
	case *model.Package:
		return w.SavePackage(s.NegID, r)
	}
	panic(fmt.Sprintf("act.Save of %T", s.Record)) // Record lists every kind above
}

// Apply puts the saved record in a copy of the negotiation. Marking a
// scenario for the buyer unmarks the others of its kind, as the store does.
func (s *Save[T]) Apply(d *model.Dossier) (*model.Dossier, bool) {
	cp := *d
	l := listOf[T](&cp)
	*l = Upsert(slices.Clone(*l), s.Record, idOf[T])
	if sc, ok := any(s.Record).(model.Scenario); ok && sc.ForBuyer {
		for i := range cp.Scenarios {
			if cp.Scenarios[i].Kind == sc.Kind && cp.Scenarios[i].ID != sc.ID {
				cp.Scenarios[i].ForBuyer = false
			}
		}
	}
	return &cp, true
}

// Overwrite makes the save go over a change made elsewhere since the record
// was read: it takes the Updated time d holds now, so that the store's
// check of Updated lets it through.
func (s *Save[T]) Overwrite(d *model.Dossier) {
	cur, ok := Find(*listOf[T](d), idOf(s.Record), idOf[T])
	mine, ok1 := any(&s.Record).(interface{ Stamped() *model.Stamp })
	theirs, ok2 := any(&cur).(interface{ Stamped() *model.Stamp })
	if ok && ok1 && ok2 {
		mine.Stamped().Updated = theirs.Stamped().Updated
	}
}

// Delete removes one record of a negotiation. Removing a record others
// point at (an item, a concession, a scenario) changes them too: Apply
// asks for the negotiation to be read again.
type Delete[T Record] struct {
	NegID, ID uint64
}

// Negotiation is the negotiation the record belongs to.
func (c *Delete[T]) NegotiationID() uint64 { return c.NegID }

// Write deletes the record.
func (c *Delete[T]) Write(w Writer) error {
	var zero T
	switch any(zero).(type) {
	case model.AgendaItem:
		return w.DeleteItem(c.NegID, c.ID)
	case model.Concession:
		return w.DeleteConcession(c.NegID, c.ID)
	case model.Note:
		return w.DeleteNote(c.NegID, c.ID)
	case model.FollowUp:
		return w.DeleteFollowUp(c.NegID, c.ID)
	case model.Scenario:
		return w.DeleteScenario(c.NegID, c.ID)
	case model.Package:
		return w.DeletePackage(c.NegID, c.ID)
	}
	return fmt.Errorf("a %T cannot be deleted on its own", zero)
}

// Apply takes the record out of a copy of the negotiation.
func (c *Delete[T]) Apply(d *model.Dossier) (*model.Dossier, bool) {
	var zero T
	switch any(zero).(type) {
	case model.AgendaItem, model.Concession, model.Scenario:
		return nil, false // others pointed at it: read again
	}
	cp := *d
	l := listOf[T](&cp)
	*l = Remove(*l, c.ID, idOf[T])
	return &cp, true
}

// listOf is the list of d that holds records of kind T.
func listOf[T Record](d *model.Dossier) *[]T {
	var p any
	var zero T
	switch any(zero).(type) {
	case model.AgendaItem:
		p = &d.Items
	case model.Concession:
		p = &d.Ledger
	case model.Note:
		p = &d.Notes
	case model.FollowUp:
		p = &d.FollowUps
	case model.Scenario:
		p = &d.Scenarios
	case model.Meeting:
		p = &d.Meetings
	case model.Package:
		p = &d.Packages
	}
	return p.(*[]T)
}

// idOf is a record's ID.
func idOf[T Record](v T) uint64 {
	switch r := any(v).(type) {
	case model.AgendaItem:
		return r.ID
	case model.Concession:
		return r.ID
	case model.Note:
		return r.ID
	case model.FollowUp:
		return r.ID
	case model.Scenario:
		return r.ID
	case model.Meeting:
		return r.ID
	case model.Package:
		return r.ID
	}
	return 0
}

// Upsert returns the list with the element of v's ID replaced by v, or v
// appended; it writes into list, so give it a copy to keep the original.
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

// Remove returns a new list without the element of the given ID.
func Remove[T any](list []T, target uint64, id func(T) uint64) []T {
	out := make([]T, 0, len(list))
	for _, v := range list {
		if id(v) != target {
			out = append(out, v)
		}
	}
	return out
}
