package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The audit trail (DESIGN 12): every change, undo and redo appends one row
// (who, when, what: the change's label and, when it came as a value, the
// value itself) to the audit bucket in the change's own transaction. The
// bucket is written only here, straight through bbolt and never through the
// journal, so undo cannot take a row back, and no method edits or deletes
// one. Drafts and "which negotiation is current" are a person's scratch,
// not changes, and are not audited.

type auditRecord struct {
	Seq          uint64          `json:"seq"`
	At           time.Time       `json:"at"`
	Person       string          `json:"person,omitempty"`
	What         string          `json:"what"`
	Kind         string          `json:"kind,omitempty"`
	Change       json.RawMessage `json:"change,omitempty"`
	Negotiations []uint64        `json:"negotiations,omitempty"`
}

// Doing is this session told the change value it is about to write, so
// that the audit row keeps it: desk.Session.Do writes through it.
func (s *Store) Doing(change any) *Store {
	c := *s
	c.doing = change
	return &c
}

// audit appends one row for the change j recorded.
func (s *Store) audit(tx *bolt.Tx, what string, j *journal) error {
	r := auditRecord{At: j.now(), Person: s.person, What: what}
	if s.doing != nil {
		t := reflect.TypeOf(s.doing)
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		r.Kind = strings.TrimPrefix(t.String(), "act.")
		data, err := json.Marshal(s.doing)
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		r.Change = data
	}
	r.Negotiations = slices.Sorted(maps.Keys(j.team.negotiations))
	return appendAudit(tx, r)
}

// auditStep appends the row of an undo or a redo.
func (s *Store) auditStep(tx *bolt.Tx, what string, at time.Time, edits []edit) error {
	return appendAudit(tx, auditRecord{At: at, Person: s.person, What: what, Negotiations: slices.Sorted(maps.Keys(touchedBy(edits)))})
}

func appendAudit(tx *bolt.Tx, r auditRecord) error {
	b, err := tx.CreateBucketIfNotExists(bucketAudit)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	b.FillPercent = 0.95 // appended at the end only
	if r.Seq, err = b.NextSequence(); err != nil {
		return err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return b.Put(itob(r.Seq), data)
}

// Audit lists the trail from since on (zero: all), oldest first: the file's
// own user and admins see every row, a manager theirs and their team's, a
// KAM their own.
func (s *Store) Audit(since time.Time) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	err := s.view(func(tx *bolt.Tx) error {
		team, err := s.teamIn(tx)
		if err != nil {
			return err
		}
		people := team.people
		if _, err := s.lensFrom(people, team.access); err != nil {
			return err // a person no longer on the file
		}
		b := tx.Bucket(bucketAudit)
		if b == nil {
			return nil
		}
		admin := s.person == "" || people[s.person].Role == model.RoleAdmin
		return b.ForEach(func(k, v []byte) error {
			var r auditRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return recordDamaged(fmt.Sprintf("audit %d", btoi(k)))
			}
			if r.At.Before(since) {
				return nil
			}
			if admin || r.Person == s.person || people.Manages(s.person, r.Person) {
				out = append(out, model.AuditEntry{Seq: r.Seq, At: r.At, Person: r.Person, What: r.What, Kind: r.Kind,
					Change: r.Change, Negotiations: r.Negotiations})
			}
			return nil
		})
	})
	return out, err
}
