package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Dossier loads one negotiation with its account and everything in it. It
// reads that negotiation's bucket only, and holds the file's lock only to
// copy the records' bytes: they are decoded after it is let go, so that a
// writer waiting for the file waits for a copy, not for 20,000 notes to be
// decoded.
func (s *Store) Dossier(negID uint64) (*model.Dossier, error) {
	return s.read(negID, allParts)
}

// Deal loads a negotiation without its notes and follow-ups, which no rule
// or figure of the deal reads.
func (s *Store) Deal(negID uint64) (*model.Dossier, error) { return s.read(negID, dealParts) }

// Outline loads a negotiation's record, its account, items and meetings,
// and nothing else (no ledger, no notes): what a command that captures one
// line reads to parse it and say where it went. The rules the line must
// pass read the rest inside the transaction that writes it (Capture).
func (s *Store) Outline(negID uint64) (*model.Dossier, error) { return s.read(negID, outlineParts) }

// parts is how much of a negotiation a read takes.
type parts int

const (
	outlineParts parts = iota // its record, account, items and meetings
	dealParts                 // all but its notes and follow-ups: what the deal's rules and figures read
	allParts                  // everything
)

// has reports whether the parts read take the nested bucket name.
func (p parts) has(name []byte) bool {
	switch {
	case p == allParts:
		return true
	case bytes.Equal(name, bucketItems), bytes.Equal(name, bucketMeetings):
		return true
	case bytes.Equal(name, bucketNotes), bytes.Equal(name, bucketFollowUps):
		return false
	}
	return p == dealParts
}

// read is Dossier with only the parts p.
func (s *Store) read(negID uint64, p parts) (*model.Dossier, error) {
	if c, ok := s.takeChecked(negID, p); ok {
		return c.dossier, nil
	}
	var raw *rawDossier
	err := s.view(func(tx *bolt.Tx) (err error) {
		if err := s.mayRead(tx, negID); err != nil {
			return err
		}
		raw, err = copyDossier(tx, negID, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	d, err := raw.decode()
	return d, plainDamage(s.path, err)
}

func loadDossier(tx *bolt.Tx, negID uint64) (*model.Dossier, error) {
	return loadParts(tx, negID, allParts)
}

// loadParts loads the parts p of a negotiation.
func loadParts(tx *bolt.Tx, negID uint64, p parts) (*model.Dossier, error) {
	raw, err := copyDossier(tx, negID, p)
	if err != nil {
		return nil, err
	}
	return raw.decode()
}

// rawDossier is a negotiation's records as the file holds them, copied out
// of a read transaction (bbolt's bytes are valid only inside it).
type rawDossier struct {
	negID         uint64
	meta, account []byte
	parts         parts                // what was copied
	children      map[string]rawBucket // by bucket name
	// known are ledger records decoded before in the same write
	// transaction, not decoded again while their bytes are the same;
	// keep: what is decoded now is kept in known (deal_tx.go).
	known movesRead
	keep  bool
}

// rawBucket is one nested bucket's records: their values one after the
// other in buf (one allocation, however many records), and where each is.
type rawBucket struct {
	buf  []byte
	recs []rawRecord
}

type rawRecord struct {
	id     uint64
	lo, hi int
}

// copyDossier copies what loading the parts p of a negotiation reads: its
// record, its account's and every record of the nested buckets p has.
func copyDossier(tx *bolt.Tx, negID uint64, p parts) (*rawDossier, error) {
	return copyDossierWith(tx, negID, p, func(_ []byte, b *bolt.Bucket) rawBucket { return copyBucket(b) })
}

// copyDossierWith is copyDossier with each nested bucket copied by copyB.
func copyDossierWith(tx *bolt.Tx, negID uint64, p parts, copyB func(name []byte, b *bolt.Bucket) rawBucket) (*rawDossier, error) {
	nb, err := negotiationBucket(tx, negID)
	if err != nil {
		return nil, err
	}
	raw := &rawDossier{negID: negID, parts: p, children: map[string]rawBucket{}}
	raw.meta = clone(nb.Get(keyNegMeta))
	if raw.meta == nil {
		return nil, fmt.Errorf("negotiation %d: its record %w", negID, ErrDamaged)
	}
	var nr struct {
		AccountID uint64 `json:"account_id"`
	}
	if err := json.Unmarshal(raw.meta, &nr); err != nil {
		return nil, fmt.Errorf("negotiation %d: its record %w", negID, ErrDamaged)
	}
	raw.account = clone(tx.Bucket(bucketAccounts).Get(itob(nr.AccountID)))
	for _, name := range childBuckets {
		if !p.has(name) {
			continue
		}
		b := nb.Bucket.Bucket(name)
		if b == nil {
			return nil, fmt.Errorf("the %s bucket is missing: %w", name, ErrDamaged)
		}
		raw.children[string(name)] = copyB(name, b)
	}
	return raw, nil
}

// copyBucket copies every record of a bucket, in key order.
func copyBucket(b *bolt.Bucket) rawBucket {
	n, size := 0, 0
	b.ForEach(func(_, v []byte) error { //nolint:errcheck // fn returns nil
		if v != nil {
			n, size = n+1, size+len(v)
		}
		return nil
	})
	rb := rawBucket{buf: make([]byte, 0, size), recs: make([]rawRecord, 0, n)}
	b.ForEach(func(k, v []byte) error { //nolint:errcheck // fn returns nil
		if v != nil {
			lo := len(rb.buf)
			rb.buf = append(rb.buf, v...)
			rb.recs = append(rb.recs, rawRecord{id: btoi(k), lo: lo, hi: len(rb.buf)})
		}
		return nil
	})
	return rb
}

// decode turns the copied records into the negotiation, sorted.
func (raw *rawDossier) decode() (*model.Dossier, error) {
	var nr negotiationRecord
	if json.Unmarshal(raw.meta, &nr) != nil {
		return nil, fmt.Errorf("negotiation %d: its record %w", raw.negID, ErrDamaged)
	}
	d := &model.Dossier{Negotiation: nr.model()}
	d.Negotiation.ID = raw.negID
	if raw.account == nil {
		return nil, fmt.Errorf("account %d: %w", nr.AccountID, ErrNotFound)
	}
	var ar accountRecord
	if json.Unmarshal(raw.account, &ar) != nil {
		return nil, recordDamaged(fmt.Sprintf("%q", itob(nr.AccountID)))
	}
	d.Account = ar.model()
	var err error
	if d.Items, err = decodeChildren(raw, bucketItems, itemRecord.model); err != nil {
		return nil, err
	}
	if d.Meetings, err = decodeChildren(raw, bucketMeetings, meetingRecord.model); err != nil {
		return nil, err
	}
	if raw.parts >= dealParts {
		if err := raw.decodeDeal(d); err != nil {
			return nil, err
		}
	}
	if raw.parts == allParts {
		if d.Notes, err = decodeChildren(raw, bucketNotes, noteRecord.model); err != nil {
			return nil, err
		}
		if d.FollowUps, err = decodeChildren(raw, bucketFollowUps, followUpRecord.model); err != nil {
			return nil, err
		}
	}
	d.Sort()
	return d, nil
}

// decodeDeal decodes what the deal's rules and figures read beyond the
// outline: the ledger, scenarios, packages and what Ahead keeps.
func (raw *rawDossier) decodeDeal(d *model.Dossier) (err error) {
	if d.Ledger, err = raw.decodeLedger(); err != nil {
		return err
	}
	if d.Scenarios, err = decodeChildren(raw, bucketScenarios, scenarioRecord.model); err != nil {
		return err
	}
	if d.Packages, err = decodeChildren(raw, bucketPackages, packageRecord.model); err != nil {
		return err
	}
	if d.Budgets, err = decodeChildren(raw, bucketBudgets, budgetRecord.model); err != nil {
		return err
	}
	if d.Cleared, err = decodeChildren(raw, bucketOwed, clearedRecord.model); err != nil {
		return err
	}
	d.Decisions, err = decodeChildren(raw, bucketSuggestions, decisionRecord.model)
	return err
}

// decodeChildren decodes one copied bucket into model values, the list
// sized once.
func decodeChildren[R any, M any](raw *rawDossier, name []byte, toModel func(R) M) ([]M, error) {
	rb := raw.children[string(name)]
	out := make([]M, 0, len(rb.recs))
	for _, rec := range rb.recs {
		var r R
		if err := json.Unmarshal(rb.buf[rec.lo:rec.hi], &r); err != nil {
			return nil, fmt.Errorf("%s: %w", name, recordDamaged(fmt.Sprint(rec.id)))
		}
		out = append(out, toModel(r))
	}
	return out, nil
}

// AddDossier writes a whole dossier (the demo, or a negotiation copied) as
// a new account and negotiation, with fresh IDs and UIDs and every link
// between its records mapped to them, in one transaction. It becomes the
// current negotiation. Its texts are cleaned (in d too) and it is
// validated first; nothing is written unless all of it is valid.
func (s *Store) AddDossier(d *model.Dossier) (negID uint64, err error) {
	d.Clean() // text is cleaned where it enters
	if err := d.Validate(); err != nil {
		return 0, err
	}
	err = s.change(fmt.Sprintf("added %s › %s", d.Account.Name, d.Negotiation.Title), func(tx *bolt.Tx) error {
		m := newMerger(tx, journalOf(tx).now(), true, nil)
		if err := m.account(d.Account); err != nil {
			return err
		}
		negID, err = m.dossier(d)
		return err
	})
	if err != nil {
		return 0, err
	}
	return negID, nil
}

// idMap maps the IDs of a dossier being written to the IDs it gets in the file.
type idMap map[uint64]uint64

// putNew gives a record the bucket's next ID and writes it, stamped as new;
// it returns the stamp.
func putNew[R any, P recordPtr[R]](b *bucket, id *uint64, record func() R) (model.Stamp, error) {
	*id = 0
	if err := assignID(b, id, ""); err != nil {
		return model.Stamp{}, err
	}
	rec := record()
	if err := putRecord(b, itob(*id), P(&rec)); err != nil {
		return model.Stamp{}, err
	}
	return P(&rec).stamped().toModel(), nil
}
