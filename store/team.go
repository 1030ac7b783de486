package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"
)

// A team on one file (DESIGN 12). The rules are model's (model.People,
// model.Authority); this file keeps their records and runs them inside the
// transactions: every read of a named person's session sees only what
// model.People.Sees lets it, and every change it makes is refused unless
// model.People.Writes allows it, after the change ran and before it
// commits (guard). A session of the file's own user ("") sees and does
// everything, so a file without people works exactly as before.
//
//	people                      name → personRecord
//	access                      account id → accessRecord (owner, shared with)
//	authority                   "who\x00lever" → limitRecord
//	approvals                   approval id → approvalRecord
//	audit                       sequence → auditRecord (append-only, never journaled)

var (
	bucketPeople    = []byte("people")
	bucketAccess    = []byte("access")
	bucketAuthority = []byte("authority")
	bucketApprovals = []byte("approvals")
	bucketAudit     = []byte("audit")
)

// Errors of the team's rules, for errors.Is.
var (
	// ErrNotYours: the person may not see or change that record.
	ErrNotYours = errors.New("is not yours")
	// ErrUnknownPerson: the session's person is not (or no longer) on the file.
	ErrUnknownPerson = errors.New("is not one of the file's people")
	// ErrNotAdmin: managing people and authority is for admins.
	ErrNotAdmin = errors.New("only an admin may do that")
)

// addTeamBuckets is migration 8: the buckets of people, access, authority,
// approvals and the audit trail, empty.
func addTeamBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketPeople, bucketAccess, bucketAuthority, bucketApprovals, bucketAudit} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// teamBucket is one of the team's buckets, made when a file upgraded
// before them lacks it.
func teamBucket(tx *bolt.Tx, name []byte) (*bucket, error) {
	if tx.Bucket(name) == nil {
		if !tx.Writable() {
			return nil, nil
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	return topBucket(tx, name), nil
}

type personRecord struct {
	Name    string    `json:"name"`
	Role    string    `json:"role"`
	Team    string    `json:"team,omitempty"`
	Manager string    `json:"manager,omitempty"`
	Keys    []string  `json:"keys"`
	Added   time.Time `json:"added"`
}

type accessRecord struct {
	Owner  string   `json:"owner,omitempty"`
	Shared []string `json:"shared,omitempty"`
}

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
	people, err := readPeople(tx)
	if err != nil || len(people) == 0 {
		return nil, err // a file without people is one person's: all of it is theirs
	}
	if _, ok := people[s.person]; !ok {
		return nil, fmt.Errorf("%s %w", s.person, ErrUnknownPerson)
	}
	access, err := readAccess(tx)
	if err != nil {
		return nil, err
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
	a := l.access[id]
	a.AccountID = id
	return a
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

func readPeople(tx *bolt.Tx) (model.People, error) {
	out := model.People{}
	b := tx.Bucket(bucketPeople)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var r personRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return recordDamaged("person " + string(k))
		}
		out[r.Name] = model.Person{Name: r.Name, Role: model.Role(r.Role), Team: r.Team, Manager: r.Manager, Keys: r.Keys, Added: r.Added}
		return nil
	})
	return out, err
}

func readAccess(tx *bolt.Tx) (map[uint64]model.Access, error) {
	out := map[uint64]model.Access{}
	b := tx.Bucket(bucketAccess)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var r accessRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return recordDamaged(fmt.Sprintf("access %d", btoi(k)))
		}
		out[btoi(k)] = model.Access{AccountID: btoi(k), Owner: r.Owner, Shared: r.Shared}
		return nil
	})
	return out, err
}

func putAccess(tx *bolt.Tx, a model.Access) error {
	b, err := teamBucket(tx, bucketAccess)
	if err != nil {
		return err
	}
	return putJSON(b, itob(a.AccountID), accessRecord{Owner: a.Owner, Shared: a.Shared})
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

// People reads the file's people (none: the file is one person's).
func (s *Store) People() (model.People, error) {
	var out model.People
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = readPeople(tx)
		return err
	})
	return out, err
}

// NormalKey reads a public key as authorized_keys writes it, and returns
// it as "type base64" (the comment dropped), the form people's keys are
// kept and matched in.
func NormalKey(line string) (string, error) {
	k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(strings.TrimSpace(line)))
	if err != nil {
		return "", fmt.Errorf("%q is not a public key (paste a line of a .pub file, such as \"ssh-ed25519 AAAA… name\"): %w", shorten(line), err)
	}
	return KeyString(k), nil
}

// KeyString is a public key as people's keys are kept: "type base64".
func KeyString(k ssh.PublicKey) string {
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// mayManage refuses a named session that is not an admin's.
func (s *Store) mayManage(tx *bolt.Tx) (model.People, error) {
	people, err := readPeople(tx)
	if err != nil {
		return nil, err
	}
	if s.person != "" && len(people) > 0 {
		p, ok := people[s.person]
		if !ok {
			return nil, fmt.Errorf("%s %w", s.person, ErrUnknownPerson)
		}
		if p.Role != model.RoleAdmin {
			return nil, fmt.Errorf("%s: %w", s.person, ErrNotAdmin)
		}
	}
	return people, nil
}

// AddPerson adds a person, or replaces the one of that name. Their keys are
// checked and kept in one form; a key another person holds is refused.
// Nothing is written unless all of it is right.
func (s *Store) AddPerson(p model.Person) error {
	for i, k := range p.Keys {
		nk, err := NormalKey(k)
		if err != nil {
			return err
		}
		p.Keys[i] = nk
	}
	p.Keys = slices.Compact(slices.Sorted(slices.Values(p.Keys)))
	if err := p.Validate(); err != nil {
		return err
	}
	return s.change("added person "+quoteLabel(p.Name), func(tx *bolt.Tx) error {
		people, err := s.mayManage(tx)
		if err != nil {
			return err
		}
		for _, k := range p.Keys {
			if other, ok := people.ByKey(k); ok && other.Name != p.Name {
				return fmt.Errorf("that key is already %s's: each key names one person", other.Name)
			}
		}
		if p.Manager != "" {
			if _, ok := people[p.Manager]; !ok {
				return fmt.Errorf("manager %q is not one of the file's people: add them first", p.Manager)
			}
		}
		if old, ok := people[p.Name]; ok {
			p.Added = old.Added
		} else {
			p.Added = journalOf(tx).now()
		}
		b, err := teamBucket(tx, bucketPeople)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(p.Name), personRecord{Name: p.Name, Role: string(p.Role), Team: p.Team, Manager: p.Manager, Keys: p.Keys, Added: p.Added})
	})
}

// RemovePerson removes a person: their keys no longer let them in, and the
// server ends their open sessions. What they own stays (an admin shares it on).
func (s *Store) RemovePerson(name string) error {
	return s.change("removed person "+quoteLabel(name), func(tx *bolt.Tx) error {
		people, err := s.mayManage(tx)
		if err != nil {
			return err
		}
		if _, ok := people[name]; !ok {
			return fmt.Errorf("person %q: %w", name, ErrNotFound)
		}
		b, err := teamBucket(tx, bucketPeople)
		if err != nil {
			return err
		}
		return b.Delete([]byte(name))
	})
}

// ShareAccount gives person the account: an admin, the file's own user or
// the account's owner may. An account with no owner yet becomes theirs.
func (s *Store) ShareAccount(accountID uint64, person string) error {
	return s.change(fmt.Sprintf("shared account %d with %s", accountID, person), func(tx *bolt.Tx) error {
		if _, err := account(tx, accountID); err != nil {
			return err
		}
		people, err := readPeople(tx)
		if err != nil {
			return err
		}
		if _, ok := people[person]; !ok {
			return fmt.Errorf("person %q: %w", person, ErrNotFound)
		}
		access, err := readAccess(tx)
		if err != nil {
			return err
		}
		a := access[accountID]
		a.AccountID = accountID
		if s.person != "" {
			me, ok := people[s.person]
			if !ok {
				return fmt.Errorf("%s %w", s.person, ErrUnknownPerson)
			}
			if me.Role != model.RoleAdmin && a.Owner != s.person {
				return fmt.Errorf("account %d %w to share: its owner or an admin shares it", accountID, ErrNotYours)
			}
		}
		switch {
		case a.Owner == "":
			a.Owner = person
		case !a.Has(person):
			a.Shared = append(a.Shared, person)
		}
		return putAccess(tx, a)
	})
}

// AccessOf reads who an account belongs to.
func (s *Store) AccessOf(accountID uint64) (model.Access, error) {
	var a model.Access
	err := s.view(func(tx *bolt.Tx) error {
		access, err := readAccess(tx)
		a = access[accountID]
		a.AccountID = accountID
		return err
	})
	return a, err
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
