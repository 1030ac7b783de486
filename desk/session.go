package desk

import (
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Session is one person's view of one file.
type Session struct {
	st    *store.Store
	hub   *hub
	clock func() time.Time
}

// New makes a session for person on an open store: its own store session
// (drafts, current negotiation and undo history of its own), sharing the
// file's event hub with every other session of the file in this process.
func New(st *store.Store, person string) *Session {
	return &Session{st: st.For(person), hub: hubFor(st.Path()), clock: time.Now}
}

// Store is the session's own view of the file, for what desk does not
// wrap yet (the workbench's reads and writes).
func (s *Session) Store() *store.Store { return s.st }

// Person is whose session this is ("" for the file's one user).
func (s *Session) Person() string { return s.st.Person() }

// Snapshot is one negotiation as it was read, with the figures derived from
// it worked out once. Nobody changes it: a change leads to a new one.
type Snapshot struct {
	Dossier *model.Dossier
	Replay  *model.Replay
	Summary model.Summary
}

// Open reads a negotiation (0: the person's current one; none yet gives
// ErrNoNegotiation) and makes it the person's current one.
func (s *Session) Open(negID uint64) (*Snapshot, error) {
	if negID == 0 {
		id, err := s.st.Current()
		if err != nil {
			return nil, err
		}
		if id == 0 {
			return nil, ErrNoNegotiation
		}
		negID = id
	} else if err := s.st.SetCurrent(negID); err != nil {
		return nil, err
	}
	return s.Read(negID)
}

// Read reads a negotiation without making it current.
func (s *Session) Read(negID uint64) (*Snapshot, error) {
	d, err := s.st.Dossier(negID)
	if err != nil {
		return nil, err
	}
	d.Clean() // a file written before text was cleaned: cleaned once, here
	r := d.Replay()
	return &Snapshot{Dossier: d, Replay: r, Summary: model.Summarize(d, s.clock())}, nil
}

// ErrNoNegotiation: the file holds no negotiation to open.
var ErrNoNegotiation = errors.New("there is no negotiation yet: run 'parley demo', or create one in the workbench ('parley')")

// Current is the person's current negotiation (0: none).
func (s *Session) Current() (uint64, error) { return s.st.Current() }

// Draft is the person's text kept under key.
func (s *Session) Draft(key string) (string, error) { return s.st.Draft(key) }

// SaveDraft keeps the person's text under key ("" drops it).
func (s *Session) SaveDraft(key, text string) error { return s.st.SaveDraft(key, text) }

// Summaries is the summary of every negotiation in the file, read without
// replaying any ledger.
func (s *Session) Summaries() ([]model.Summary, error) { return s.st.Summaries() }

// Do runs one change as one write transaction and, once it is committed,
// tells every session of the file in this process.
func (s *Session) Do(c Change) (Result, error) {
	res, err := c.run(s.st)
	if err != nil {
		return res, err
	}
	s.hub.publish(Event{NegotiationID: c.Negotiation(), Person: s.Person(), Change: c})
	return res, nil
}

// Result is what a change wrote: the new record's ID, when it made one.
type Result struct {
	ID uint64
}

// Close closes the session's store.
func (s *Session) Close() error {
	if err := s.st.Close(); err != nil {
		return fmt.Errorf("close the session of %q: %w", s.Person(), err)
	}
	return nil
}
