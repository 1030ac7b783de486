package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The team's rules run inside the transactions (DESIGN 12): a session's
// lens says what of the file it sees and may change, read in the
// transaction it is used in, and guard asks it of every change after the
// change ran and before it commits.

// lens is what one session may see and change of the file, read in the
// transaction it is used in. A nil lens sees everything: the file's own
// user's, and any session's on a file without people.
type lens struct {
	person string
	people model.People
	access map[uint64]model.Access
}

// lensOf reads the session's lens in tx.
func (s *Store) lensOf(tx *bolt.Tx) (*lens, error) {
	if s.person == "" {
		return nil, nil
	}
	t, err := s.teamIn(tx)
	if err != nil || len(t.people) == 0 {
		return nil, err // a file without people is one person's: all of it is theirs
	}
	return s.lensFrom(t.people, t.access)
}

// lensFrom is the session's lens on the people and access given: none on
// a file without people (one person's: all of it is theirs).
func (s *Store) lensFrom(people model.People, access map[uint64]model.Access) (*lens, error) {
	if s.person == "" || len(people) == 0 {
		return nil, nil
	}
	if _, ok := people[s.person]; !ok {
		return nil, fmt.Errorf("%s %w", s.person, ErrUnknownPerson)
	}
	return &lens{person: s.person, people: people, access: access}, nil
}

func (l *lens) seesAccount(id uint64) bool {
	return l == nil || l.people.Sees(l.person, l.accessOf(id))
}

func (l *lens) writesAccount(id uint64) bool {
	return l == nil || l.people.Writes(l.person, l.accessOf(id))
}

func (l *lens) accessOf(id uint64) model.Access {
	return accessTo(l.access, id)
}

// seesNegotiation reads which account a negotiation is of, and asks.
func (l *lens) seesNegotiation(tx *bolt.Tx, negID uint64) error {
	if l == nil {
		return nil
	}
	acc, ok := accountOfNegotiation(tx, negID)
	if !ok || !l.seesAccount(acc) {
		return fmt.Errorf("negotiation %d %w: no negotiation of yours matches", negID, ErrNotYours)
	}
	return nil
}

// MayChange reports whether the session's person may change a negotiation
// they see (model.People.Writes, the rule the store enforces on every
// change), and when not, whose it is: the account's owner, else the first
// it was shared with ("" when it is nobody's). The workbench says so
// before an edit rather than after a refused save.
func (s *Store) MayChange(negID uint64) (ok bool, whose string, err error) {
	ok, whose, _, err = s.Standing(negID)
	return ok, whose, err
}

// Standing is MayChange and, from the same look at the file, how far the
// person may move before approval (model.Bounds: none on a file without
// people). The workbench asks it after every change.
func (s *Store) Standing(negID uint64) (ok bool, whose string, bounds model.Bounds, err error) {
	if s.person == "" {
		return true, "", bounds, nil // one person's file, or a local command: all of it is theirs
	}
	// Asked by every session after every change: the people and the
	// negotiation's account come from what the sessions share of this
	// version of the file (shared.go), not from a read of each one's own.
	v, err := s.version()
	if err != nil {
		return false, "", bounds, err
	}
	t, err := s.teamAt(v)
	if err != nil {
		return false, "", bounds, err
	}
	bounds = model.Bounds{Person: t.people[s.person], Authority: t.authority, Approver: t.people.Approver(s.person)}
	l, err := s.lensFrom(t.people, t.access)
	if err != nil || l == nil {
		return err == nil, "", bounds, err
	}
	acc, found, err := s.accountAt(v, negID)
	if err != nil {
		return false, "", bounds, err
	}
	if !found || !l.seesAccount(acc) {
		return false, "", bounds, fmt.Errorf("negotiation %d %w: no negotiation of yours matches", negID, ErrNotYours)
	}
	if ok = l.writesAccount(acc); !ok {
		a := l.accessOf(acc)
		if whose = a.Owner; whose == "" && len(a.Shared) > 0 {
			whose = a.Shared[0]
		}
	}
	return ok, whose, bounds, nil
}

// accountOfNegotiation is the account a negotiation in the file is of.
func accountOfNegotiation(tx *bolt.Tx, negID uint64) (uint64, bool) {
	root := tx.Bucket(bucketNegotiations)
	if root == nil || root.Bucket(itob(negID)) == nil {
		return 0, false
	}
	var r negotiationRecord
	if found, err := getJSON(root.Bucket(itob(negID)), keyNegMeta, &r); err != nil || !found {
		return 0, false
	}
	return r.AccountID, true
}

// teamEdits is what a change touched that the team's rules look at,
// noted for every edit however large the change (the journal may drop
// the edits themselves).
type teamEdits struct {
	negotiations map[uint64]bool // every negotiation with a record written
	accounts     map[uint64]bool // every account written
	newAccounts  map[uint64]bool // accounts made by the change
	moves        []edit          // writes to a ledger or to agenda items
	held         []model.Approval
	decided      bool // an approval's decision: its own rule (MayDecide) was asked
}

func (t *teamEdits) note(e edit) {
	switch {
	case len(e.Path) == 1 && bytes.Equal(e.Path[0], bucketAccounts) && e.Key != nil:
		id := btoi(e.Key)
		t.accounts = addID(t.accounts, id)
		if e.Before == nil && e.After != nil {
			t.newAccounts = addID(t.newAccounts, id)
		}
	case len(e.Path) >= 2 && bytes.Equal(e.Path[0], bucketNegotiations):
		t.negotiations = addID(t.negotiations, btoi(e.Path[1]))
		if len(e.Path) == 3 && e.After != nil && (bytes.Equal(e.Path[2], bucketLedger) || bytes.Equal(e.Path[2], bucketItems)) {
			t.moves = append(t.moves, e)
		}
	}
}

func addID(m map[uint64]bool, id uint64) map[uint64]bool {
	if m == nil {
		m = map[uint64]bool{}
	}
	m[id] = true
	return m
}

// guard runs the team's rules on a change that has run in tx and is about
// to commit: a named person may change only what they may write (an
// account they make is theirs), and a move of theirs past their authority
// is held for approval (hold).
func (s *Store) guard(tx *bolt.Tx, j *journal) error {
	t := &j.team
	if s.person == "" || t.decided {
		return nil
	}
	l, err := s.lensOf(tx)
	if err != nil || l == nil {
		return err
	}
	if len(t.newAccounts) > 0 {
		l.access = maps.Clone(l.access) // the decoded team is shared (teamIn)
	}
	for _, id := range slices.Sorted(maps.Keys(t.newAccounts)) {
		a := model.Access{AccountID: id, Owner: s.person}
		if err := putAccess(tx, a); err != nil {
			return err
		}
		l.access[id] = a
	}
	if err := l.checkWrites(tx, t, j.edits); err != nil {
		return err
	}
	return s.hold(tx, l, j)
}

// checkWrites refuses a change to an account or negotiation the lens may
// not write.
func (l *lens) checkWrites(tx *bolt.Tx, t *teamEdits, edits []edit) error {
	for id := range t.accounts {
		if !l.writesAccount(id) {
			return fmt.Errorf("account %d %w to change", id, ErrNotYours)
		}
	}
	for id := range t.negotiations {
		acc, ok := accountOfNegotiation(tx, id)
		if !ok {
			acc, ok = accountBefore(edits, id)
		}
		if !ok || !l.writesAccount(acc) {
			return fmt.Errorf("negotiation %d %w to change", id, ErrNotYours)
		}
	}
	return nil
}

// guardStep refuses a named person's undo or redo of a change to what they
// may not write.
func (s *Store) guardStep(tx *bolt.Tx, edits []edit) error {
	if s.person == "" {
		return nil
	}
	l, err := s.lensOf(tx)
	if err != nil || l == nil {
		return err
	}
	var t teamEdits
	for _, e := range edits {
		t.note(e)
	}
	return l.checkWrites(tx, &t, edits)
}

// accountBefore finds the account of a negotiation the change removed, from
// its record's before-image.
func accountBefore(edits []edit, negID uint64) (uint64, bool) {
	for _, e := range edits {
		if len(e.Path) == 2 && bytes.Equal(e.Path[0], bucketNegotiations) && btoi(e.Path[1]) == negID && bytes.Equal(e.Key, keyNegMeta) && e.Before != nil {
			var r negotiationRecord
			if json.Unmarshal(e.Before, &r) == nil {
				return r.AccountID, true
			}
		}
	}
	return 0, false
}

// mayRead refuses a negotiation the session's person may not see.
func (s *Store) mayRead(tx *bolt.Tx, negID uint64) error {
	if s.person == "" {
		return nil
	}
	l, err := s.lensOf(tx)
	if err != nil {
		return err
	}
	return l.seesNegotiation(tx, negID)
}
