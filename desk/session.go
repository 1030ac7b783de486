package desk

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Session is one person's view of one file.
type Session struct {
	st     *store.Store
	hub    *hub
	held   atomic.Pointer[[]model.Approval] // what the last Do held for approval
	reader *store.Rereader                  // Dossier: decodes only what changed since its last read
}

// New makes a session for person on an open store: its own store session
// (drafts, current negotiation and undo history of its own), sharing the
// file's event hub with every other session of the file in this process.
func New(st *store.Store, person string) *Session {
	own := st.For(person)
	reader := own.Rereader() // reads only what person may see (a team's file)
	if person == "" {
		// The file's one user reads through st itself: the negotiation
		// Open decoded to check it is st's, and the first read takes it
		// instead of decoding it again.
		reader = st.Rereader()
	}
	return &Session{st: own, hub: hubFor(st.Path()), reader: reader}
}

// Store is the session's own view of the file, for what desk does not
// wrap yet (the workbench's reads and writes).
func (s *Session) Store() *store.Store { return s.st }

// Person is whose session this is ("" for the file's one user).
func (s *Session) Person() string { return s.st.Person() }

// Snapshot is one negotiation as it was read, with its replay and the
// summary the store keeps of it. Nobody changes it: a change leads to a
// new one.
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
	sm, err := s.st.Summary(negID)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Dossier: d, Replay: d.Replay(), Summary: sm}, nil
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
// tells every session of the file in this process. The values the file
// decided (new IDs, stamps) are in the change afterwards.
//
// The change is written as the session's person: the store lets them
// change only what is theirs, holds a move past their authority for
// approval (Held says which), and keeps the change value in the audit trail.
func (s *Session) Do(c act.Change) error {
	if err := c.Write(s.st.Doing(c)); err != nil {
		return err
	}
	ev := Event{NegotiationID: c.NegotiationID(), Person: s.Person(), Change: c}
	if held := s.st.Held(); len(held) > 0 {
		s.held.Store(&held)
		ev.Change = nil // the file holds more than the change says: read it again
	}
	s.hub.publish(ev)
	return nil
}

// Held is what the session's last change held for approval (nothing when
// it stayed within the person's authority); each is told once.
func (s *Session) Held() []model.Approval {
	if p := s.held.Swap(nil); p != nil {
		return *p
	}
	return nil
}

// AddDossier writes a whole negotiation (the demo, a copy) as one change
// and makes it the person's current one.
func (s *Session) AddDossier(d *model.Dossier) (uint64, error) {
	id, err := s.st.AddDossier(d)
	if err == nil {
		s.hub.publish(Event{NegotiationID: id, Person: s.Person()})
	}
	return id, err
}

// UndoOwn takes back the person's last change in this session, and names it.
func (s *Session) UndoOwn() (string, error) { return s.stepped(s.st.UndoOwn()) }

// RedoOwn makes again the change the person undid last, and names it.
func (s *Session) RedoOwn() (string, error) { return s.stepped(s.st.RedoOwn()) }

func (s *Session) stepped(label string, err error) (string, error) {
	if err == nil {
		s.hub.publish(Event{Person: s.Person()})
	}
	return label, err
}

// The reads a workbench makes, of the person's view of the file.

// SetCurrent makes a negotiation the person's current one.
func (s *Session) SetCurrent(id uint64) error { return s.st.SetCurrent(id) }

// Dossier reads one negotiation, cleaned, decoding only the ledger, notes
// and follow-ups that changed since this session last read it (a live
// reload after a note is one note decoded, not 20,000). It shares the
// records that did not change with the dossier read before: nobody may
// change either (snapshots never are).
func (s *Session) Dossier(negID uint64) (*model.Dossier, error) { return s.reader.Dossier(negID) }

// Accounts reads every account.
func (s *Session) Accounts() ([]model.Account, error) { return s.st.Accounts() }

// Negotiations reads every negotiation's own record.
func (s *Session) Negotiations() ([]model.Negotiation, error) { return s.st.Negotiations() }

// Drafts reads the person's drafts whose key starts with prefix.
func (s *Session) Drafts(prefix string) (map[string]string, error) { return s.st.Drafts(prefix) }

// Changed reports whether anyone else (another session, another process)
// changed the file's data since this session last looked.
func (s *Session) Changed() (bool, error) { return s.st.Changed() }

// Close closes the session's store.
func (s *Session) Close() error {
	if err := s.st.Close(); err != nil {
		return fmt.Errorf("close the session of %q: %w", s.Person(), err)
	}
	return nil
}

// Head reads a negotiation's first screen: all but its older notes, of
// which only the last n (store.Store.Head); Dossier reads it whole after.
func (s *Session) Head(negID uint64, n int) (*model.Dossier, bool, error) { return s.st.Head(negID, n) }
