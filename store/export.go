package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// ExportFormat names the export file format.
const ExportFormat = "parley/1"

// exportFile is the whole export: every account and every negotiation with
// everything in it. Drafts are not exported.
type exportFile struct {
	Format       string              `json:"format"`
	Exported     time.Time           `json:"exported"`
	Accounts     []accountRecord     `json:"accounts"`
	Negotiations []exportNegotiation `json:"negotiations"`
}

type exportNegotiation struct {
	Negotiation negotiationRecord  `json:"negotiation"`
	Items       []itemRecord       `json:"items"`
	Meetings    []meetingRecord    `json:"meetings"`
	Ledger      []concessionRecord `json:"ledger"`
	Notes       []noteRecord       `json:"notes"`
	FollowUps   []followUpRecord   `json:"followups"`
	Scenarios   []scenarioRecord   `json:"scenarios"`
	Packages    []packageRecord    `json:"packages,omitempty"`
}

// Counts says how much an export or import held.
type Counts struct {
	Accounts, Negotiations int
}

// Export writes everything as JSON to path, atomically.
func (s *Store) Export(path string, now time.Time) (Counts, error) {
	f := exportFile{Format: ExportFormat, Exported: now.UTC()}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if f.Accounts, err = loadAll[accountRecord](tx.Bucket(bucketAccounts)); err != nil {
			return err
		}
		root := tx.Bucket(bucketNegotiations)
		return root.ForEachBucket(func(k []byte) error {
			nb := root.Bucket(k)
			var n exportNegotiation
			if _, err := getJSON(nb, keyNegMeta, &n.Negotiation); err != nil {
				return err
			}
			n.Negotiation.ID = btoi(k)
			for _, part := range []struct {
				name []byte
				load func(*bolt.Bucket) error
			}{
				{bucketItems, func(b *bolt.Bucket) (err error) { n.Items, err = loadAll[itemRecord](b); return }},
				{bucketMeetings, func(b *bolt.Bucket) (err error) { n.Meetings, err = loadAll[meetingRecord](b); return }},
				{bucketLedger, func(b *bolt.Bucket) (err error) { n.Ledger, err = loadAll[concessionRecord](b); return }},
				{bucketNotes, func(b *bolt.Bucket) (err error) { n.Notes, err = loadAll[noteRecord](b); return }},
				{bucketFollowUps, func(b *bolt.Bucket) (err error) { n.FollowUps, err = loadAll[followUpRecord](b); return }},
				{bucketScenarios, func(b *bolt.Bucket) (err error) { n.Scenarios, err = loadAll[scenarioRecord](b); return }},
				{bucketPackages, func(b *bolt.Bucket) (err error) { n.Packages, err = loadAll[packageRecord](b); return }},
			} {
				b := nb.Bucket(part.name)
				if b == nil {
					return fmt.Errorf("negotiation %d: missing %s: %w", n.Negotiation.ID, part.name, ErrCorrupt)
				}
				if err := part.load(b); err != nil {
					return fmt.Errorf("negotiation %d: %w", n.Negotiation.ID, err)
				}
			}
			f.Negotiations = append(f.Negotiations, n)
			return nil
		})
	})
	if err != nil {
		return Counts{}, err
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return Counts{}, err
	}
	counts := Counts{Accounts: len(f.Accounts), Negotiations: len(f.Negotiations)}
	return counts, WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// Import reads an export and adds all of it to the database: every record is
// read and validated first, then everything is written in one transaction
// with fresh IDs, or nothing is.
func (s *Store) Import(path string) (Counts, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Counts{}, fmt.Errorf("read %s: %w", path, err)
	}
	accounts, dossiers, err := ParseExport(data)
	if err != nil {
		return Counts{}, fmt.Errorf("%s: %w", path, err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		newAccount := map[uint64]uint64{}
		for _, a := range accounts {
			old := a.ID
			a.ID = 0
			if err := saveAccount(tx, &a); err != nil {
				return err
			}
			newAccount[old] = a.ID
		}
		for _, d := range dossiers {
			if _, err := writeDossier(tx, d, newAccount[d.Account.ID]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Counts{}, err
	}
	return Counts{Accounts: len(accounts), Negotiations: len(dossiers)}, nil
}

// ParseExport reads and validates an export without touching any database.
// Unknown fields are refused, so a mistyped hand edit is caught, not dropped.
func ParseExport(data []byte) ([]model.Account, []*model.Dossier, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f exportFile
	if err := dec.Decode(&f); err != nil {
		return nil, nil, fmt.Errorf("not a Parley export: %w", err)
	}
	if err := dec.Decode(&struct{}{}); err != io.EOF {
		return nil, nil, fmt.Errorf("not a Parley export: there is more after the end of the export")
	}
	if f.Format != ExportFormat {
		return nil, nil, fmt.Errorf("format %q is not %q: not a Parley export this version can read", f.Format, ExportFormat)
	}
	accounts := make([]model.Account, 0, len(f.Accounts))
	byID := map[uint64]model.Account{}
	for _, r := range f.Accounts {
		a := r.model()
		if err := a.Validate(); err != nil {
			return nil, nil, fmt.Errorf("account %q: %w", a.Name, err)
		}
		if _, dup := byID[a.ID]; dup || a.ID == 0 {
			return nil, nil, fmt.Errorf("account %q: id %d is missing or used twice", a.Name, a.ID)
		}
		byID[a.ID] = a
		accounts = append(accounts, a)
	}
	var dossiers []*model.Dossier
	for _, n := range f.Negotiations {
		a, ok := byID[n.Negotiation.AccountID]
		if !ok {
			return nil, nil, fmt.Errorf("negotiation %q belongs to account %d, which is not in the file", n.Negotiation.Title, n.Negotiation.AccountID)
		}
		d := &model.Dossier{Account: a, Negotiation: n.Negotiation.model()}
		d.Items = mapRecords(n.Items, itemRecord.model)
		d.Meetings = mapRecords(n.Meetings, meetingRecord.model)
		d.Ledger = mapRecords(n.Ledger, concessionRecord.model)
		d.Notes = mapRecords(n.Notes, noteRecord.model)
		d.FollowUps = mapRecords(n.FollowUps, followUpRecord.model)
		d.Scenarios = mapRecords(n.Scenarios, scenarioRecord.model)
		d.Packages = mapRecords(n.Packages, packageRecord.model)
		d.Sort()
		if err := d.Validate(); err != nil {
			return nil, nil, err
		}
		dossiers = append(dossiers, d)
	}
	return accounts, dossiers, nil
}

func mapRecords[R, M any](recs []R, toModel func(R) M) []M {
	out := make([]M, len(recs))
	for i, r := range recs {
		out[i] = toModel(r)
	}
	return out
}
