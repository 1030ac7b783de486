package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"syscall"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Summaries per negotiation (model.Summary): what a portfolio page shows of
// each negotiation, so that 200 of them read as 200 small records instead
// of 200 replayed ledgers. A summary is derived data: it is worked out by
// model.Summarize inside the very transaction that changes the negotiation's
// deal (change, undo, redo, import), never journaled (undo rewrites it from
// the records it restores) and never exported.
//
//	summaries                   negotiation id → model.Summary (JSON)

var bucketSummaries = []byte("summaries")

// dealTouched reports the negotiation a journaled edit at path belongs to,
// when the edit can change its summary: anything in the negotiation's
// bucket but its notes and follow-ups, which no summary figure reads.
func dealTouched(path [][]byte) (negID uint64, ok bool) {
	if len(path) < 2 || !bytes.Equal(path[0], bucketNegotiations) {
		return 0, false
	}
	if len(path) >= 3 && (bytes.Equal(path[2], bucketNotes) || bytes.Equal(path[2], bucketFollowUps)) {
		return 0, false
	}
	negID = btoi(path[1])
	return negID, negID != 0
}

// touchedBy lists the negotiations whose summary the edits may change.
func touchedBy(edits []edit) map[uint64]bool {
	ids := map[uint64]bool{}
	for _, e := range edits {
		if id, ok := dealTouched(e.Path); ok {
			ids[id] = true
		}
	}
	return ids
}

// refreshSummaries works out again, in tx, the summary of each negotiation
// in ids; a negotiation that is gone loses its summary.
func refreshSummaries(tx *bolt.Tx, ids map[uint64]bool, now time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	sb, err := tx.CreateBucketIfNotExists(bucketSummaries)
	if err != nil {
		return fmt.Errorf("summaries: %w", err)
	}
	root := tx.Bucket(bucketNegotiations)
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		if root == nil || root.Bucket(itob(id)) == nil {
			if err := sb.Delete(itob(id)); err != nil {
				return err
			}
			continue
		}
		if err := putSummary(tx, sb, id, now); err != nil {
			return err
		}
	}
	return nil
}

// putSummary works out one negotiation's summary and writes it.
func putSummary(tx *bolt.Tx, sb *bolt.Bucket, negID uint64, now time.Time) error {
	d, err := loadDeal(tx, negID)
	if err != nil {
		return err
	}
	data, err := json.Marshal(model.Summarize(d, now))
	if err != nil {
		return fmt.Errorf("summary of negotiation %d: %w", negID, err)
	}
	if j := journalOf(tx); j != nil {
		if j.summaries == nil {
			j.summaries = map[uint64][]byte{}
		}
		j.summaries[negID] = data
	}
	return sb.Put(itob(negID), data)
}

// written are the summaries a store's last change wrote, and the version
// of the file that change made: while the file is still at that version,
// they are what it holds, and Summary reads them without opening the file
// again (parley note prints the gap closed after a move).
type written struct {
	at        fileVersion
	summaries map[uint64][]byte
}

// writingVersion is the version of the file the write transaction tx will
// make, under its lock; a zero version, matching none, when it cannot tell.
func writingVersion(tx *bolt.Tx, path string) fileVersion {
	info, err := os.Stat(path)
	if err != nil {
		return fileVersion{}
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileVersion{}
	}
	return fileVersion{dev: uint64(st.Dev), ino: st.Ino, tx: uint64(tx.ID())}
}

// justWritten is the summary of negID as this store's last change wrote
// it, while the file is still as that change left it.
func (s *Store) justWritten(negID uint64) ([]byte, bool) {
	w := s.written.Load()
	if w == nil || w.at == (fileVersion{}) || s.person != "" { // a person's read goes through their lens
		return nil, false
	}
	data, ok := w.summaries[negID]
	if !ok {
		return nil, false
	}
	if now, err := s.version(); err != nil || now != w.at {
		return nil, false
	}
	return data, true
}

// summarizeAll writes the summary of every negotiation in the file: the
// migration that brings summaries to files made before them.
func summarizeAll(tx *bolt.Tx) error {
	ids := map[uint64]bool{}
	if root := tx.Bucket(bucketNegotiations); root != nil {
		err := root.ForEach(func(k, v []byte) error {
			if v == nil {
				ids[btoi(k)] = true
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucketIfNotExists(bucketSummaries); err != nil {
		return err
	}
	return refreshSummaries(tx, ids, time.Now().UTC())
}

// Summaries reads the summary of every negotiation in the file, in the
// order they were made: one small record each, no ledger replayed.
func (s *Store) Summaries() ([]model.Summary, error) {
	var out []model.Summary
	err := s.view(func(tx *bolt.Tx) error {
		l, err := s.lensOf(tx)
		if err != nil {
			return err
		}
		sb := tx.Bucket(bucketSummaries)
		if sb == nil {
			return nil
		}
		out = make([]model.Summary, 0, sb.Stats().KeyN)
		return sb.ForEach(func(k, v []byte) error {
			var sm model.Summary
			if err := json.Unmarshal(v, &sm); err != nil {
				return recordDamaged(fmt.Sprintf("summary %d", btoi(k)))
			}
			if l.seesAccount(sm.AccountID) {
				out = append(out, sm)
			}
			return nil
		})
	})
	return out, err
}

// Summary reads the summary of one negotiation.
func (s *Store) Summary(negID uint64) (model.Summary, error) {
	var sm model.Summary
	if data, ok := s.justWritten(negID); ok {
		if err := json.Unmarshal(data, &sm); err != nil {
			return model.Summary{}, fmt.Errorf("summary of negotiation %d: %w", negID, err)
		}
		return sm, nil
	}
	err := s.view(func(tx *bolt.Tx) error {
		if err := s.mayRead(tx, negID); err != nil {
			return err
		}
		sb := tx.Bucket(bucketSummaries)
		if sb == nil {
			return fmt.Errorf("summary of negotiation %d: %w", negID, ErrNotFound)
		}
		found, err := getJSON(sb, itob(negID), &sm)
		if err == nil && !found {
			err = fmt.Errorf("summary of negotiation %d: %w", negID, ErrNotFound)
		}
		return err
	})
	return sm, err
}
