package store

import (
	"fmt"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Dossier loads one negotiation with its account and everything in it. It
// reads that negotiation's bucket only.
func (s *Store) Dossier(negID uint64) (*model.Dossier, error) {
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
	if d.Notes, err = loadChildren(nb.Bucket, bucketNotes, noteRecord.model); err != nil {
		return nil, err
	}
	if d.FollowUps, err = loadChildren(nb.Bucket, bucketFollowUps, followUpRecord.model); err != nil {
		return nil, err
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

// AddDossier writes a whole dossier (the demo, or one negotiation of an
// import) as a new account and negotiation, with fresh IDs and every link
// between its records mapped to them, in one transaction. It becomes the
// current negotiation. Its texts are cleaned (in d too) and it is validated first; nothing is written
// unless all of it is valid.
func (s *Store) AddDossier(d *model.Dossier) (negID uint64, err error) {
	d.Clean() // text is cleaned where it enters
	if err := d.Validate(); err != nil {
		return 0, err
	}
	err = s.change(fmt.Sprintf("added %s › %s", d.Account.Name, d.Negotiation.Title), func(tx *bolt.Tx) error {
		a := d.Account
		a.ID = 0
		if err := saveAccount(tx, &a); err != nil {
			return err
		}
		negID, err = writeDossier(tx, d, a.ID)
		return err
	})
	if err != nil {
		return 0, err
	}
	return negID, nil
}

// writeDossier writes the negotiation of d under accountID with fresh IDs.
func writeDossier(tx *bolt.Tx, d *model.Dossier, accountID uint64) (uint64, error) {
	n := d.Negotiation
	n.ID, n.AccountID = 0, accountID
	if err := createNegotiation(tx, &n); err != nil {
		return 0, err
	}
	nb, err := negotiationBucket(tx, n.ID)
	if err != nil {
		return 0, err
	}
	items, meetings, ledger, scenarios := idMap{}, idMap{}, idMap{}, idMap{}
	for _, sc := range d.Scenarios {
		old := sc.ID
		sc.ID = 0
		if err := putNew(nb.sub(bucketScenarios), &sc.ID, func() any { return scenarioToRecord(sc) }); err != nil {
			return 0, err
		}
		scenarios[old] = sc.ID
	}
	for _, it := range d.Items {
		old := it.ID
		it.ID = 0
		it.Link.ScenarioID = scenarios[it.Link.ScenarioID]
		if err := putNew(nb.sub(bucketItems), &it.ID, func() any { return itemToRecord(it) }); err != nil {
			return 0, err
		}
		items[old] = it.ID
	}
	for _, m := range d.Meetings {
		old := m.ID
		m.ID = 0
		if err := putNew(nb.sub(bucketMeetings), &m.ID, func() any { return meetingToRecord(m) }); err != nil {
			return 0, err
		}
		meetings[old] = m.ID
	}
	// Concessions are written in ledger order, so a link to an earlier one
	// maps at once; links to later ones are set in a second pass.
	pending := map[uint64]uint64{}
	for _, c := range d.Ledger {
		old := c.ID
		c.ID = 0
		c.ItemID, c.MeetingID = items[c.ItemID], meetings[c.MeetingID]
		if c.TradedAgainst != 0 {
			pending[old] = c.TradedAgainst
			c.TradedAgainst = 0
		}
		if err := putNew(nb.sub(bucketLedger), &c.ID, func() any { return concessionToRecord(c) }); err != nil {
			return 0, err
		}
		ledger[old] = c.ID
	}
	for _, c := range d.Ledger {
		against, ok := pending[c.ID]
		if !ok {
			continue
		}
		c.ID, c.TradedAgainst = ledger[c.ID], ledger[against]
		c.ItemID, c.MeetingID = items[c.ItemID], meetings[c.MeetingID]
		if err := putJSON(nb.sub(bucketLedger), itob(c.ID), concessionToRecord(c)); err != nil {
			return 0, err
		}
	}
	for _, note := range d.Notes {
		note.ID = 0
		note.ItemID, note.MeetingID = items[note.ItemID], meetings[note.MeetingID]
		if err := putNew(nb.sub(bucketNotes), &note.ID, func() any { return noteToRecord(note) }); err != nil {
			return 0, err
		}
	}
	for _, p := range d.Packages {
		p.ID, p.TabledMeeting = 0, meetings[p.TabledMeeting]
		values := make(model.Values, len(p.Values))
		for id, v := range p.Values {
			values[items[id]] = v
		}
		p.Values = values
		if err := putNew(nb.sub(bucketPackages), &p.ID, func() any { return packageToRecord(p) }); err != nil {
			return 0, err
		}
	}
	for _, f := range d.FollowUps {
		f.ID = 0
		if err := putNew(nb.sub(bucketFollowUps), &f.ID, func() any { return followUpToRecord(f) }); err != nil {
			return 0, err
		}
	}
	return n.ID, nil
}

// idMap maps the IDs of a dossier being written to the IDs it gets in the file.
type idMap map[uint64]uint64

// putNew gives a record the bucket's next ID and writes it.
func putNew(b *bucket, id *uint64, record func() any) error {
	*id = 0
	if err := assignID(b, id, ""); err != nil {
		return err
	}
	return putJSON(b, itob(*id), record())
}
