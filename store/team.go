package store

import (
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
// model.Authority); this file keeps their records and lets an admin manage
// them, and team_lens.go runs the rules inside the transactions: every read
// of a named person's session sees only what model.People.Sees lets it,
// and every change it makes is refused unless model.People.Writes allows
// it, after the change ran and before it commits (guard). A session of the
// file's own user ("") sees and does everything, so a file without people
// works exactly as before.
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

func readPeople(tx *bolt.Tx) (model.People, error) {
	teamDecodes.Add(1)
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

// accessTo is who an account belongs to, from the file's access records (an
// account with none belongs to no one yet).
func accessTo(access map[uint64]model.Access, id uint64) model.Access {
	a := access[id]
	a.AccountID = id
	return a
}

func putAccess(tx *bolt.Tx, a model.Access) error {
	b, err := teamBucket(tx, bucketAccess)
	if err != nil {
		return err
	}
	return putJSON(b, itob(a.AccountID), accessRecord{Owner: a.Owner, Shared: a.Shared})
}

// People reads the file's people (none: the file is one person's).
func (s *Store) People() (model.People, error) {
	v, err := s.version()
	if err != nil {
		return nil, err
	}
	t, err := s.teamAt(v)
	if err != nil {
		return nil, err
	}
	return maps.Clone(t.people), nil
}

// PersonWithKey is the person whose key is key (as KeyString writes it),
// found false when it is no one's: what the team server asks at every
// sign-in, and of every open session after every commit, without a copy
// of the people.
func (s *Store) PersonWithKey(key string) (p model.Person, found bool, err error) {
	v, err := s.version()
	if err != nil {
		return model.Person{}, false, err
	}
	t, err := s.teamAt(v)
	if err != nil {
		return model.Person{}, false, err
	}
	p, found = t.people.ByKey(key)
	return p, found, nil
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
		a := accessTo(access, accountID)
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
		a = accessTo(access, accountID)
		return err
	})
	return a, err
}
