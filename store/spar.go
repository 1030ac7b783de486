package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/parley-app/parley/model/spar"
	bolt "go.etcd.io/bbolt"
)

// Sparring sessions (DESIGN 13): what a trainee played against the
// simulated buyer, kept so that a manager can list and compare them per
// case. They are training records, not the negotiation's: never journaled
// (undo does not take one back), never exported, and the negotiation they
// were copied from is not touched by writing one.
//
//	spar                        session id → sparRecord (JSON)

var bucketSpar = []byte("spar")

// SparSession is one stored sparring session.
type SparSession struct {
	ID          uint64
	Who         string    // the trainee
	At          time.Time // when it was stored
	Negotiation uint64    // the case: the negotiation it was copied from
	Record      spar.Record
}

type sparRecord struct {
	ID          uint64      `json:"id"`
	Who         string      `json:"who"`
	At          time.Time   `json:"at"`
	Negotiation uint64      `json:"negotiation"`
	Record      spar.Record `json:"record"`
}

// addSparBucket is migration 9: the bucket of sparring sessions.
func addSparBucket(tx *bolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bucketSpar)
	return err
}

// SaveSpar stores a finished session and gives it its ID, in one
// transaction (fsynced before it returns).
func (s *Store) SaveSpar(ss *SparSession) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSpar)
		if b == nil {
			return fmt.Errorf("%w: no spar bucket", ErrNotParley)
		}
		if _, err := negotiationBucket(tx, ss.Negotiation); err != nil {
			return err
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		rec := sparRecord{ID: id, Who: ss.Who, At: ss.At.UTC(), Negotiation: ss.Negotiation, Record: ss.Record}
		data, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("spar session: %w", err)
		}
		if err := b.Put(itob(id), data); err != nil {
			return err
		}
		ss.ID = id
		return nil
	})
}

// SparSessions lists the stored sessions in the order they were played;
// negID 0 lists every case's.
func (s *Store) SparSessions(negID uint64) ([]SparSession, error) {
	var out []SparSession
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSpar)
		if b == nil {
			return nil // a file from before schema 9 read without upgrading: no sessions yet
		}
		return b.ForEach(func(k, v []byte) error {
			var r sparRecord
			if err := json.Unmarshal(v, &r); err != nil || r.ID != btoi(k) {
				return damaged(s.path, fmt.Sprintf("spar session %d", btoi(k)))
			}
			if negID == 0 || r.Negotiation == negID {
				out = append(out, SparSession{ID: r.ID, Who: r.Who, At: r.At, Negotiation: r.Negotiation, Record: r.Record})
			}
			return nil
		})
	})
	return out, err
}
