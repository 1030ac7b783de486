package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sync/atomic"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The team as the sessions share it: the people, who has which account and
// the limits of their authority, decoded once for every session of the
// Store and again only when their records change.

// teamDecodes counts the decodes of the people records (readPeople), for tests.
var teamDecodes atomic.Int64

// teamBytes is the team's records (teamBuckets) as stored, each key and value
// with its length, each bucket closed by an empty key (bbolt has none).
func teamBytes(tx *bolt.Tx) []byte {
	var raw []byte
	for _, name := range teamBuckets {
		if b := tx.Bucket(name); b != nil {
			b.ForEach(func(k, v []byte) error {
				raw = binary.AppendUvarint(raw, uint64(len(k)))
				raw = append(raw, k...)
				raw = binary.AppendUvarint(raw, uint64(len(v)))
				raw = append(raw, v...)
				return nil
			})
		}
		raw = binary.AppendUvarint(raw, 0)
	}
	return raw
}

// teamBytesAre reports whether the team's records in tx are
// raw, as teamBytes would write them, without writing them: asked in every
// read that applies the team's rules, and nearly always true.
func teamBytesAre(tx *bolt.Tx, raw []byte) bool {
	next := func(want []byte) bool {
		n, w := binary.Uvarint(raw)
		if w <= 0 || n != uint64(len(want)) || uint64(len(raw)-w) < n || !bytes.Equal(raw[w:w+int(n)], want) {
			return false
		}
		raw = raw[w+int(n):]
		return true
	}
	for _, name := range teamBuckets {
		if b := tx.Bucket(name); b != nil {
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if !next(k) || !next(v) {
					return false
				}
			}
		}
		if !next(nil) { // the bucket's end
			return false
		}
	}
	return len(raw) == 0
}

// teamBuckets hold the team: its people, who has which account, and the
// limits of their authority.
var teamBuckets = [][]byte{bucketPeople, bucketAccess, bucketAuthority}

// teamState is the file's people, account access and authority, as one
// version holds them.
type teamState struct {
	people    model.People
	access    map[uint64]model.Access
	authority model.Authority
}

// teamAt is the people and access of the file at version v, read once for
// every session of the Store.
func (s *Store) teamAt(v fileVersion) (*teamState, error) {
	s.shared.fillTeam.Lock()
	defer s.shared.fillTeam.Unlock()
	s.shared.mu.Lock()
	if t := s.shared.of(v).team; t != nil {
		s.shared.mu.Unlock()
		return t, nil
	}
	s.shared.mu.Unlock()
	var t *teamState
	stable, err := s.sharedRead(v, func(tx *bolt.Tx) (err error) {
		t, err = s.teamIn(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	if stable {
		s.shared.mu.Lock()
		s.shared.of(v).team = t
		s.shared.mu.Unlock()
	}
	return t, nil
}

// teamIn is the people and access as tx holds them, decoded only when
// their records are not the bytes last decoded (a note, a move or a
// reload leaves them as they were). What it returns is shared: a caller
// that changes it changes a copy.
func (s *Store) teamIn(tx *bolt.Tx) (*teamState, error) {
	s.shared.mu.Lock()
	last, lastRaw := s.shared.lastTeam, s.shared.lastTeamRaw
	s.shared.mu.Unlock()
	if last != nil && teamBytesAre(tx, lastRaw) {
		return last, nil
	}
	raw := teamBytes(tx)
	var t teamState
	var err error
	if t.people, err = readPeople(tx); err != nil {
		return nil, err
	}
	if t.access, err = readAccess(tx); err != nil {
		return nil, err
	}
	if t.authority, err = readAuthority(tx); err != nil {
		return nil, err
	}
	s.shared.mu.Lock()
	s.shared.lastTeam, s.shared.lastTeamRaw = &t, raw
	s.shared.mu.Unlock()
	return &t, nil
}

// sees is the team's rule for this session's person on an account, asked
// of the team as a version holds it (mayRead asks the same in a
// transaction).
func (s *Store) sees(t *teamState, negID, accountID uint64) error {
	l, err := s.lensFrom(t.people, t.access)
	if err != nil {
		return err
	}
	if !l.seesAccount(accountID) {
		return fmt.Errorf("negotiation %d %w: no negotiation of yours matches", negID, ErrNotYours)
	}
	return nil
}
