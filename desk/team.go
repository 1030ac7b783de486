package desk

import (
	"time"

	"github.com/parley-app/parley/model"
)

// The team's part of a session (DESIGN 12): the rules are the store's, run
// in its transactions as this session's person; desk tells the other
// sessions of the file once a decision or a change of people is committed.

// Approvals lists the requests for approval the person may decide (all:
// also their own and those decided).
func (s *Session) Approvals(all bool) ([]model.Approval, error) { return s.st.Approvals(all) }

// Requests is Approvals with the names a page shows them by.
func (s *Session) Requests(all bool) ([]model.Request, error) { return s.st.Requests(all) }

// Decide approves or rejects a request for approval, with a note; the
// mover's sessions hear of it at once.
func (s *Session) Decide(id uint64, approve bool, note string) (model.Approval, error) {
	a, err := s.st.Decide(id, approve, note)
	if err == nil {
		s.hub.publish(Event{NegotiationID: a.NegotiationID, Person: s.Person()})
	}
	return a, err
}

// MayChange reports whether the person may change a negotiation they see,
// and when not, whose it is (store.Store.MayChange).
func (s *Session) MayChange(negID uint64) (bool, string, error) { return s.st.MayChange(negID) }

// Standing is MayChange and how far the person may move before approval.
func (s *Session) Standing(negID uint64) (bool, string, model.Bounds, error) {
	return s.st.Standing(negID)
}

// People reads the file's people.
func (s *Session) People() (model.People, error) { return s.st.People() }

// AddPerson adds (or replaces) a person: an admin's or the file's user's to do.
func (s *Session) AddPerson(p model.Person) error {
	err := s.st.AddPerson(p)
	if err == nil {
		s.hub.publish(Event{Person: s.Person(), People: true})
	}
	return err
}

// RemovePerson removes a person; their open sessions hear of it and end.
func (s *Session) RemovePerson(name string) error {
	err := s.st.RemovePerson(name)
	if err == nil {
		s.hub.publish(Event{Person: s.Person(), People: true})
	}
	return err
}

// Audit lists the audit trail the person may read, from since on.
func (s *Session) Audit(since time.Time) ([]model.AuditEntry, error) { return s.st.Audit(since) }

// Portfolio is every negotiation the person sees, as the portfolio page
// shows it: read from the summaries the store keeps, never by replaying a
// ledger.
func (s *Session) Portfolio() ([]model.PortfolioRow, error) { return s.st.Portfolio() }
