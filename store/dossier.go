package store

import (
	"fmt"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Dossier loads one negotiation with its account and everything in it. It
// reads that negotiation's bucket only.
func (s *Store) Dossier(negID uint64) (*model.Dossier, error) {
	if d, ok := s.takeChecked(negID); ok {
		return d, nil
	}
	var d *model.Dossier
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		d, err = loadDossier(tx, negID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

func loadDossier(tx *bolt.Tx, negID uint64) (*model.Dossier, error) {
	return loadParts(tx, negID, true)
}

// loadParts loads a negotiation, with its notes and follow-ups or without.
func loadParts(tx *bolt.Tx, negID uint64, notes bool) (*model.Dossier, error) {
	nb, err := negotiationBucket(tx, negID)
	if err != nil {
		return nil, err
	}
	var nr negotiationRecord
	if found, err := getJSON(nb.Bucket, keyNegMeta, &nr); err != nil || !found {
		return nil, fmt.Errorf("negotiation %d: its record %w", negID, ErrDamaged)
	}
	d := &model.Dossier{Negotiation: nr.model()}
	d.Negotiation.ID = negID
	if d.Account, err = account(tx, nr.AccountID); err != nil {
		return nil, err
	}
	if d.Items, err = loadChildren(nb.Bucket, bucketItems, itemRecord.model); err != nil {
		return nil, err
	}
	if d.Meetings, err = loadChildren(nb.Bucket, bucketMeetings, meetingRecord.model); err != nil {
		return nil, err
	}
	if d.Ledger, err = loadChildren(nb.Bucket, bucketLedger, concessionRecord.model); err != nil {
		return nil, err
	}
	if notes {
		if d.Notes, err = loadChildren(nb.Bucket, bucketNotes, noteRecord.model); err != nil {
			return nil, err
		}
		if d.FollowUps, err = loadChildren(nb.Bucket, bucketFollowUps, followUpRecord.model); err != nil {
			return nil, err
		}
	}
	if d.Scenarios, err = loadChildren(nb.Bucket, bucketScenarios, scenarioRecord.model); err != nil {
		return nil, err
	}
	if d.Packages, err = loadChildren(nb.Bucket, bucketPackages, packageRecord.model); err != nil {
		return nil, err
	}
	if err := loadAhead(nb.Bucket, d); err != nil {
		return nil, err
	}
	d.Sort()
	return d, nil
}

// loadChildren reads one nested bucket of a negotiation into model values.
func loadChildren[R any, M any](nb *bolt.Bucket, name []byte, toModel func(R) M) ([]M, error) {
	b := nb.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("the %s bucket is missing: %w", name, ErrDamaged)
	}
	recs, err := loadAll[R](b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return mapRecords(recs, toModel), nil
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
